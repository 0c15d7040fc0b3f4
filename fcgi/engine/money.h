/* money.h: the one money type, strict decimal parsing, exact rounding and
 * printing of the figures of the commission contract
 * (spec/commission-calc.md, sections 1 and 3).  No floating point. */
#ifndef TC_ENGINE_MONEY_H
#define TC_ENGINE_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t money_t; /* fen (0.01 yuan) */

typedef __int128 tce_i128;

/* Scales of the parsed kinds: a value is an integer count of these units. */
#define TCE_MONEY_DECIMALS   2  /* money: fen */
#define TCE_QTY_DECIMALS     3  /* quantity: thousandths of a unit */
#define TCE_PCT_DECIMALS     4  /* percent "2.75%": 10^-4 percent = 10^-6 */
#define TCE_MULT_DECIMALS    4  /* multiplier "1.5": 10^-4 */
#define TCE_ONE_PERCENT      10000     /* 1% in percent units */
#define TCE_HUNDRED_PERCENT  1000000   /* 100% (a whole) in percent units */

/* Parses the plain decimal s (len bytes, need not be NUL-terminated):
 * optional '-', digits, optionally '.' and digits; at most max_decimals
 * decimals.  Stores the value times 10^max_decimals in *out.
 * Returns 0; TC_EINVAL with *why set to a static reason ("not a number",
 * "too many decimals") on a malformed number; TC_ETOOBIG (*why "too
 * large") when the scaled value does not fit in 63 bits.  Owns nothing. */
int tce_decimal_parse(const char *s, size_t len, int max_decimals,
    int64_t *out, const char **why);

/* Parses a percent "5%", "2.75%", "0.0125%" (a decimal with at most 4
 * decimals followed by '%') into 10^-6 units (100% = 1000000).
 * Returns as tce_decimal_parse; "not a percent" when the '%' is missing. */
int tce_percent_parse(const char *s, size_t len, int64_t *out,
    const char **why);

/* Returns a / d rounded half away from zero; d must be > 0.  Exact. */
tce_i128 tce_div_round(tce_i128 a, tce_i128 d);

/* Returns floor(a / d); d must be > 0.  Exact. */
tce_i128 tce_div_floor(tce_i128 a, tce_i128 d);

/* Checked 128-bit arithmetic: store the result in *r and return 0, or
 * return TC_ETOOBIG (leaving *r unspecified) on overflow. */
int tce_mul(tce_i128 a, tce_i128 b, tce_i128 *r);
int tce_add(tce_i128 a, tce_i128 b, tce_i128 *r);

/* Writes fen as yuan with exactly two decimals ("-12.50", never "-0.00")
 * into buf, which must hold at least 24 bytes; NUL-terminates it.
 * Returns the length written. */
size_t tce_money_format(char *buf, money_t fen);

/* Writes a count of thousandths as a quantity without trailing zeros or
 * '.' ("12", "12.125", "0.5", never "-0") into buf (>= 24 bytes).
 * Returns the length written. */
size_t tce_qty_format(char *buf, int64_t milli);

#endif
