/* money.h: the engine's checked 128-bit arithmetic.  Money, decimals and
 * their rounding and printing are the core's (core/money.h,
 * core/decimal.h), shared with the web application; what is here is the
 * engine's alone.  No floating point. */
#ifndef TC_ENGINE_MONEY_H
#define TC_ENGINE_MONEY_H

#include "core/decimal.h"
#include "core/money.h"

/* Checked 128-bit arithmetic: store the result in *r and return 0, or
 * return TC_ETOOBIG (leaving *r unspecified) on overflow. */
int tce_mul(tc_i128 a, tc_i128 b, tc_i128 *r);
int tce_add(tc_i128 a, tc_i128 b, tc_i128 *r);

#endif
