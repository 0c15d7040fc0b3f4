/* core-decimal: the one decimal parser (core/decimal.h) on any bytes, at
 * every scale and as a percent: it never reads past the length it is
 * given, and a value it accepts prints (plain, and as money) and parses
 * back to itself.  Money in capitals fits its buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/money.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy of exactly size bytes, so ASan sees any read beyond it */
	char *s = malloc(size ? size : 1), buf[TC_DEC_SIZE];
	char words[TC_CAPITALS_SIZE];
	int64_t v, back;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	for (int scale = 0; scale <= 4; scale++) {
		int rc = tc_dec_parse(s, size, scale, &v);

		if (rc != 0 && rc != TC_ENOTNUM && rc != TC_EDECIMALS &&
		    rc != TC_ETOOBIG)
			abort();
		if (rc != 0)
			continue;
		if (tc_dec_parse(buf, tc_dec_format(buf, v, scale), scale,
		    &back) != 0 || back != v)
			abort();
		if (scale == TC_SCALE_MONEY) {
			if (tc_dec_parse(buf, tc_money_format(buf, v, false),
			    scale, &back) != 0 || back != v)
				abort();
			if (tc_money_capitals(words, sizeof(words), v) <= 0)
				abort();
		}
	}
	(void)tc_pct_parse(s, size, &v);
	free(s);
	return 0;
}
