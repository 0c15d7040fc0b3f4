/* engine-decimal: the strict decimal, percent, date and period parsers
 * on any bytes; a parsed money value printed and parsed back is itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/date.h"
#include "engine/money.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *why;
	enum tce_period_kind k;
	int64_t v, back;
	int32_t d, p;
	char buf[32];

	if (tce_decimal_parse(s, size, 2, &v, &why) == 0) {
		size_t n = tce_money_format(buf, v);
		if (v != INT64_MIN && (tce_decimal_parse(buf, n, 2, &back,
		    &why) != 0 || back != v))
			abort();
	}
	for (int dec = 0; dec <= 4; dec++)
		(void)tce_decimal_parse(s, size, dec, &v, &why);
	(void)tce_percent_parse(s, size, &v, &why);
	if (tce_date_parse(s, size, &d) == 0) {
		p = tce_period_of(TCE_PERIOD_QUARTER, d);
		if (tce_period_first(TCE_PERIOD_QUARTER, p) > d ||
		    tce_period_last(TCE_PERIOD_QUARTER, p) < d)
			abort();
	}
	if (tce_period_parse(s, size, &k, &p) == 0) {
		size_t n = tce_period_label(buf, k, p);
		if (n != size || memcmp(buf, s, n) != 0)
			abort();
	}
	if (size == 8) {
		int64_t q;
		memcpy(&q, data, 8);
		if (q > -INT64_MAX)
			(void)tce_qty_format(buf, q);
	}
	return 0;
}
