/* money.c: exact rounding, checked arithmetic and printing of figures. */
#include <string.h>

#include "engine/money.h"
#include "core/error.h"

tce_i128
tce_div_floor(tce_i128 a, tce_i128 d)
{
	tce_i128 q = a / d;

	if (a % d != 0 && a < 0)
		q -= 1;
	return q;
}

tce_i128
tce_div_round(tce_i128 a, tce_i128 d)
{
	tce_i128 q = a / d, r = a % d; /* truncates towards zero */

	if (r < 0)
		r = -r;
	/* r < d, so 2r cannot overflow when d fits */
	if (r >= d - r)
		q += (a < 0) ? -1 : 1;
	return q;
}

int
tce_mul(tce_i128 a, tce_i128 b, tce_i128 *r)
{
	return __builtin_mul_overflow(a, b, r) ? TC_ETOOBIG : 0;
}

int
tce_add(tce_i128 a, tce_i128 b, tce_i128 *r)
{
	return __builtin_add_overflow(a, b, r) ? TC_ETOOBIG : 0;
}

/* Writes |v| in decimal, with at least minlen digits, backwards from end. */
static char *
put_digits(char *end, uint64_t v, int minlen)
{
	int n = 0;

	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
		n++;
	} while (v != 0 || n < minlen);
	return end;
}

size_t
tce_money_format(char *buf, money_t fen)
{
	char tmp[32], *end = tmp + sizeof(tmp), *p;
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	size_t n;

	p = put_digits(end, a % 100, 2);
	*--p = '.';
	p = put_digits(p, a / 100, 1);
	if (fen < 0)
		*--p = '-';
	n = (size_t)(end - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

size_t
tce_qty_format(char *buf, int64_t milli)
{
	char tmp[32], *end = tmp + sizeof(tmp), *p;
	uint64_t a = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	uint64_t frac = a % 1000;
	size_t n;
	int w = 3;

	p = end;
	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			w--;
		}
		p = put_digits(p, frac, w);
		*--p = '.';
	}
	p = put_digits(p, a / 1000, 1);
	if (milli < 0)
		*--p = '-';
	n = (size_t)(end - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}
