/* decimal.c: the strict decimal parser, exact rounding, and printing. */
#include <stdbool.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"

static const uint64_t pow10[TC_SCALE_MAX + 1] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
};

int
tc_dec_parse(const char *s, size_t len, int scale, int64_t *out)
{
	const uint64_t lim = (uint64_t)INT64_MAX;
	size_t i = 0, nint = 0, nfrac = 0;
	bool neg = false, dot = false, big = false;
	uint64_t v = 0;

	if (scale < 0 || scale > TC_SCALE_MAX)
		return TC_EINVAL;
	if (len > 0 && s[0] == '-') {
		neg = true;
		i = 1;
	}
	for (; i < len; i++) {
		unsigned c = (unsigned)(unsigned char)s[i] - '0';

		if (c > 9) {
			if (s[i] != '.' || dot || nint == 0)
				return TC_ENOTNUM;
			dot = true;
			continue;
		}
		if (dot)
			nfrac++;
		else
			nint++;
		/* below lim / 10 - 1, ten times v plus a digit always fits */
		if (v < lim / 10 - 1)
			v = v * 10 + c;
		else if (!big && v <= (lim - c) / 10)
			v = v * 10 + c;
		else
			big = true;   /* keep checking the syntax */
	}
	if (nint == 0 || (dot && nfrac == 0))
		return TC_ENOTNUM;
	if (nfrac > (size_t)scale)
		return TC_EDECIMALS;
	if (!big) {
		uint64_t m = pow10[scale - (int)nfrac];

		if (v > lim / m)
			big = true;
		else
			v *= m;
	}
	if (big)
		return TC_ETOOBIG;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

int
tc_dec_parse_str(const char *s, int scale, int64_t *out)
{
	return tc_dec_parse(s, strlen(s), scale, out);
}

int
tc_dec_parse_exact(const char *s, size_t len, int scale, int64_t *out)
{
	const char *dot = memchr(s, '.', len);

	if (dot != NULL && scale >= 0) {
		size_t keep = (size_t)(dot - s) + 1 + (size_t)scale;

		while (len > keep && s[len - 1] == '0')
			len--;
		if (len == (size_t)(dot - s) + 1 && dot > s && dot[-1] >= '0' &&
		    dot[-1] <= '9')
			len--;    /* "12.000" at scale 0: "12" */
	}
	return tc_dec_parse(s, len, scale, out);
}

int
tc_pct_parse(const char *s, size_t len, int64_t *out)
{
	if (len == 0 || s[len - 1] != '%')
		return TC_ENOTPCT;
	return tc_dec_parse(s, len - 1, TC_SCALE_PCT, out);
}

tc_i128
tc_div_floor(tc_i128 a, tc_i128 d)
{
	tc_i128 q = a / d;

	if (a % d != 0 && a < 0)
		q -= 1;
	return q;
}

tc_i128
tc_div_round(tc_i128 a, tc_i128 d)
{
	tc_i128 q = a / d, r = a % d; /* truncates towards zero */

	if (r < 0)
		r = -r;
	/* r < d, so d - r cannot overflow */
	if (r >= d - r)
		q += (a < 0) ? -1 : 1;
	return q;
}

size_t
tc_dec_format(char *buf, int64_t v, int scale)
{
	char tmp[TC_DEC_SIZE], *end = tmp + sizeof(tmp), *p = end;
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t m = pow10[scale < 0 ? 0 : scale > TC_SCALE_MAX ?
	    TC_SCALE_MAX : scale];
	uint64_t units = a / m, frac = a % m;
	size_t n;

	if (frac != 0) {
		int w = scale;

		while (frac % 10 == 0) {
			frac /= 10;
			w--;
		}
		for (; w > 0; w--) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + units % 10);
		units /= 10;
	} while (units != 0);
	if (v < 0)
		*--p = '-';
	n = (size_t)(end - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}
