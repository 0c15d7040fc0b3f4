/* core-date: the date and period-label parsers (core/date.h) on any
 * bytes: what they accept prints back byte for byte, lies in its own
 * period, and survives the day-number round trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1), buf[TC_PERIOD_SIZE];
	enum tc_period_kind k;
	int32_t d, p;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	if (tc_date_parse(s, size, &d) == 0) {
		if (tc_date_format(buf, d) != size || memcmp(buf, s, size) != 0)
			abort();
		if (tc_date_from_days(tc_date_days(d)) != d)
			abort();
		for (int kind = TC_PERIOD_MONTH; kind <= TC_PERIOD_YEAR; kind++) {
			p = tc_period_of((enum tc_period_kind)kind, d);
			if (tc_period_first((enum tc_period_kind)kind, p) > d ||
			    tc_period_last((enum tc_period_kind)kind, p) < d)
				abort();
		}
	}
	if (tc_period_parse(s, size, &k, &p) == 0) {
		size_t n = tc_period_label(buf, k, p);

		if (n != size || memcmp(buf, s, n) != 0)
			abort();
		if (tc_period_of(k, tc_period_first(k, p)) != p ||
		    tc_period_of(k, tc_period_last(k, p)) != p)
			abort();
	}
	free(s);
	return 0;
}
