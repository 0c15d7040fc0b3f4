/* money.c: money in figures. */
#include <string.h>

#include "core/money.h"

size_t
tc_money_format(char *buf, money_t fen, bool grouped)
{
	char tmp[TC_MONEY_SIZE], *end = tmp + sizeof(tmp), *p = end;
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	uint64_t yuan = a / 100;
	size_t n;
	int k = 0;

	*--p = (char)('0' + a % 10);
	*--p = (char)('0' + a / 10 % 10);
	*--p = '.';
	do {
		if (grouped && k > 0 && k % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + yuan % 10);
		yuan /= 10;
		k++;
	} while (yuan != 0);
	if (fen < 0)
		*--p = '-';
	n = (size_t)(end - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}
