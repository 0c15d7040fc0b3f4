/* decimal.c: strict parsing of the contract's plain decimals. */
#include "engine/money.h"
#include "core/error.h"

int
tce_decimal_parse(const char *s, size_t len, int max_decimals,
    int64_t *out, const char **why)
{
	size_t i = 0, ndig = 0, ndec = 0;
	int neg = 0, dot = 0;
	uint64_t v = 0;
	const uint64_t lim = (uint64_t)INT64_MAX;

	*why = "not a number";
	if (len > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (dot || ndig == 0)
				return TC_EINVAL;
			dot = 1;
			continue;
		}
		if (c < '0' || c > '9')
			return TC_EINVAL;
		if (dot)
			ndec++;
		else
			ndig++;
		if (v > (lim - (c - '0')) / 10) {
			v = lim + 1; /* remember the overflow, keep checking syntax */
			continue;
		}
		if (v <= lim)
			v = v * 10 + (c - '0');
	}
	if (ndig == 0 || (dot && ndec == 0))
		return TC_EINVAL;
	if (ndec > (size_t)max_decimals) {
		*why = "too many decimals";
		return TC_EINVAL;
	}
	for (; ndec < (size_t)max_decimals; ndec++) {
		if (v > lim / 10) {
			v = lim + 1;
			break;
		}
		v *= 10;
	}
	if (v > lim) {
		*why = "too large";
		return TC_ETOOBIG;
	}
	*out = neg ? -(int64_t)v : (int64_t)v;
	*why = NULL;
	return 0;
}

int
tce_percent_parse(const char *s, size_t len, int64_t *out, const char **why)
{
	if (len == 0 || s[len - 1] != '%') {
		*why = "not a percent";
		return TC_EINVAL;
	}
	return tce_decimal_parse(s, len - 1, TCE_PCT_DECIMALS, out, why);
}
