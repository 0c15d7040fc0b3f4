/* money.c: checked 128-bit arithmetic. */
#include "engine/money.h"
#include "core/error.h"

int
tce_mul(tc_i128 a, tc_i128 b, tc_i128 *r)
{
	return __builtin_mul_overflow(a, b, r) ? TC_ETOOBIG : 0;
}

int
tce_add(tc_i128 a, tc_i128 b, tc_i128 *r)
{
	return __builtin_add_overflow(a, b, r) ? TC_ETOOBIG : 0;
}
