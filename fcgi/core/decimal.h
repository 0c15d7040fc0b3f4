/* decimal.h: the one decimal grammar of ticheng, exact rounding, and the
 * printing of scaled decimals (spec/commission-calc.md sections 1 and 3).
 *
 * Part of libtcbase (no I/O, no globals, no floating point), which the
 * commission engine and the web core both link.
 *
 * A decimal of scale k is an int64 count of 10^-k units: money has scale
 * 2 (fen), a quantity 3 (thousandths), a percent 4 (so 100% is
 * TC_PCT_100 = 1,000,000, a whole), a multiplier 4.
 *
 * The grammar, the same for a CSV field, a form input and a DECIMAL read
 * from the database: an optional '-', one or more digits, optionally '.'
 * and one or more digits.  No '+', exponent, blank, thousands separator or
 * currency sign; "5." and ".5" are malformed; "-0" is 0. */
#ifndef TC_CORE_DECIMAL_H
#define TC_CORE_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

typedef __int128 tc_i128;

/* Scales of the kinds of figures (decimals allowed). */
enum tc_scale {
	TC_SCALE_MONEY = 2,   /* fen */
	TC_SCALE_QTY = 3,     /* thousandths of a unit */
	TC_SCALE_PCT = 4,     /* 10^-4 percent = 10^-6 of a whole */
	TC_SCALE_MULT = 4,    /* 10^-4 */
};

#define TC_PCT_ONE 10000      /* 1% at TC_SCALE_PCT */
#define TC_PCT_100 1000000    /* 100% at TC_SCALE_PCT: a whole */

/* The largest scale tc_dec_parse and tc_dec_format accept. */
#define TC_SCALE_MAX 18

/* Room for any decimal tc_dec_format or tc_money_format writes, with its
 * sign, separators and NUL. */
#define TC_DEC_SIZE 32

/* Parses s[0..len) (need not be NUL-terminated) as a plain decimal with at
 * most scale decimals (0 <= scale <= TC_SCALE_MAX) and stores its value
 * times 10^scale in *out.  Returns 0; TC_ENOTNUM when s does not follow the
 * grammar; TC_EDECIMALS for more than scale decimals; TC_ETOOBIG when the
 * scaled value is beyond +-INT64_MAX.  A malformed text is TC_ENOTNUM even
 * when it is also too long or too large.  *out is untouched on failure.
 * Owns nothing. */
int tc_dec_parse(const char *s, size_t len, int scale, int64_t *out);

/* tc_dec_parse on the NUL-terminated s. */
int tc_dec_parse_str(const char *s, int scale, int64_t *out);

/* As tc_dec_parse, but decimals beyond scale are accepted when they are
 * zeros: a DECIMAL(15,3) column written "1.500" is 150 at scale 2, while
 * "1.505" is still TC_EDECIMALS (reading it at scale 2 would lose a
 * digit).  For figures written by the database, never for user input. */
int tc_dec_parse_exact(const char *s, size_t len, int scale, int64_t *out);

/* Parses a percent written with its sign: "5%", "2.75%", "0.0125%", at
 * most 4 decimals, into TC_SCALE_PCT units (5% is 50000).  Returns as
 * tc_dec_parse, or TC_ENOTPCT when the last byte is not '%'. */
int tc_pct_parse(const char *s, size_t len, int64_t *out);

/* Returns a / d rounded half away from zero (0.5 -> 1, -0.5 -> -1); d must
 * be > 0.  Exact for every a. */
tc_i128 tc_div_round(tc_i128 a, tc_i128 d);

/* Returns floor(a / d) (towards minus infinity); d must be > 0. */
tc_i128 tc_div_floor(tc_i128 a, tc_i128 d);

/* Writes v / 10^scale without trailing zeros or a trailing '.' ("12",
 * "0.125", "-3.5"; never "-0") into buf (at least TC_DEC_SIZE bytes),
 * NUL-terminated.  Returns the length written. */
size_t tc_dec_format(char *buf, int64_t v, int scale);

/* As tc_dec_format, returning buf (for use inside an expression). */
static inline char *
tc_dec_str(char buf[TC_DEC_SIZE], int64_t v, int scale)
{
	tc_dec_format(buf, v, scale);
	return buf;
}

/* A quantity (thousandths) and a percent (TC_SCALE_PCT) as tc_dec_str
 * writes them: "12", "12.125"; "33.3333", "60". */
static inline char *
tc_qty_str(char buf[TC_DEC_SIZE], int64_t milli)
{
	return tc_dec_str(buf, milli, TC_SCALE_QTY);
}

static inline char *
tc_pct_str(char buf[TC_DEC_SIZE], int64_t pct)
{
	return tc_dec_str(buf, pct, TC_SCALE_PCT);
}

#endif
