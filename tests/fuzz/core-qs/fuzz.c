/* core-qs: the query-string builder of every link (core/qs.h) against the
 * parser of every request (core/request.h).  Input: values separated by
 * NUL bytes.  Whatever a value holds, a link built from it reads back, in
 * the next request, to the same names and values in the same order
 * (empty values left out); its encoding holds only ASCII letters, digits,
 * "-._~", '%' and the separators; qs_encode sizes like snprintf. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/qs.h"
#include "core/request.h"

#define MAXV 8

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[MAXV] = { "q", "from", "to", "sort",
		"page", "rep", "status", "next" };
	char *copy = malloc(size + 1), *vals[MAXV], small[8];
	struct req_limits lim = req_limits_default;
	struct req_fields f;
	struct qs q;
	const char *s;
	char *href;
	size_t nv = 0, want = 0, k = 0, need;
	int utf8 = 1, rc;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (char *p = copy; nv < MAXV; ) {
		vals[nv++] = p;
		p += strlen(p);
		if (p >= copy + size)
			break;
		p++;
	}
	qs_init(&q);
	for (size_t i = 0; i < nv; i++) {
		qs_add(&q, names[i], vals[i]);
		if (*vals[i] != '\0')
			want++;
		utf8 = utf8 && req_utf8_valid(vals[i], strlen(vals[i]));
		need = qs_encode(small, sizeof(small), vals[i]);
		if (strlen(small) != (need < sizeof(small) ? need :
		    sizeof(small) - 1))
			abort();
	}
	if ((s = qs_str(&q)) == NULL)
		abort();
	if (strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-._~%=&") != strlen(s))
		abort();
	if ((href = qs_href(&q, "/sales/orders")) == NULL ||
	    strncmp(href, "/sales/orders", 13) != 0 ||
	    (*s != '\0' && (href[13] != '?' || strcmp(href + 14, s) != 0)))
		abort();
	free(href);
	req_fields_init(&f);
	rc = req_parse_query(&f, s, strlen(s), &lim);
	if (utf8 && rc != 0 && strlen(s) <= lim.max_body)
		abort();
	if (rc == 0) {
		if (f.n != want)
			abort();
		for (size_t i = 0; i < nv; i++) {
			if (*vals[i] == '\0')
				continue;
			if (strcmp(f.pairs[k].name, names[i]) != 0 ||
			    strcmp(f.pairs[k].value, vals[i]) != 0)
				abort();
			k++;
		}
	}
	req_fields_free(&f);
	qs_free(&q);
	free(copy);
	return 0;
}
