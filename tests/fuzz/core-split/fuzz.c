/* core-split: the split parser (core/split.h) on any bytes: the array
 * form, the check-only form and the rep-by-rep reading agree; the shares
 * of an accepted split are positive and sum to 100; written back, it
 * parses to the same reps. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/split.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1), out[4096];
	struct tc_share sh[16], again[16], one;
	struct tc_split_iter it;
	size_t n, m, k = 0;
	int64_t total = 0;
	int rc, rc2, w;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	rc = tc_split_parse(s, size, sh, 16, &n, NULL);
	rc2 = tc_split_parse(s, size, NULL, 16, &m, NULL);
	if (rc != rc2 || (rc == 0 && n != m))
		abort();
	if (rc == 0) {
		tc_split_begin(&it, s, size);
		while (tc_split_next(&it, &one)) {
			if (k >= n || one.name != sh[k].name ||
			    one.len != sh[k].len || one.share != sh[k].share ||
			    one.share <= 0)
				abort();
			total += one.share;
			k++;
		}
		if (k != n || total != TC_PCT_100 ||
		    tc_split_check_shares(sh, n, 16, NULL) != 0)
			abort();
		w = tc_split_format(sh, n, out, sizeof(out));

		if (w > 0) {
			if (tc_split_parse(out, (size_t)w, again, 16, &m,
			    NULL) != 0 || m != n)
				abort();
			for (size_t i = 0; i < n; i++)
				if (again[i].len != sh[i].len ||
				    memcmp(again[i].name, sh[i].name,
				    sh[i].len) != 0 ||
				    again[i].share != sh[i].share)
					abort();
		}
	}
	free(s);
	return 0;
}
