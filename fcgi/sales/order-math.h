/* order-math.h: the arithmetic of an order, with no database and no I/O.
 *
 * Units: money is int64 fen; a quantity is int64 thousandths (DECIMAL(15,3));
 * a percent (discount, split share) is int64 x 10^4 (DECIMAL(7,4)), so
 * 100 % is ORDER_PCT_100.  Every product is computed exactly in 128-bit
 * integers and rounded once, half away from zero, to the fen. */
#ifndef TC_SALES_ORDER_MATH_H
#define TC_SALES_ORDER_MATH_H

#include <stddef.h>
#include <stdint.h>

#define ORDER_PCT_100 1000000           /* 100 % as percent x 10^4 */
#define ORDER_MAX_REPS 16               /* credited reps of one order */
#define ORDER_MAX_AMOUNT 9999999999999999LL /* DECIMAL(18,2) in fen */
#define ORDER_MAX_QTY 999999999999999LL /* DECIMAL(15,3) in thousandths */

/* The line amount: quantity x unit price x (1 - discount / 100), rounded
 * half away from zero to the fen.  qty in thousandths (may be negative,
 * for a return), price in fen (>= 0), discount percent x 10^4 in
 * [0, ORDER_PCT_100].  Returns 0 and sets *amount, or -1 when an argument
 * is out of range or the result does not fit DECIMAL(18,2). */
int order_line_amount(int64_t qty, int64_t price, int64_t discount,
    int64_t *amount);

/* The default cost of a line: quantity x the product's standard cost,
 * rounded half away from zero to the fen.  Returns 0 and sets *cost, or
 * -1 when out of range (as order_line_amount). */
int order_line_cost(int64_t qty, int64_t std_cost, int64_t *cost);

/* Parses a quantity: at most 3 decimals, strict (no blanks, separators,
 * '+' or exponent), |q| <= ORDER_MAX_QTY.  Returns 0 and sets *qty in
 * thousandths, or -1. */
int order_parse_qty(const char *s, int64_t *qty);

/* Parses a percent with at most 4 decimals in [0, 100] (a discount).
 * Returns 0 and sets *pct (x 10^4), or -1. */
int order_parse_discount(const char *s, int64_t *pct);

/* Parses a split share: a percent with at most 4 decimals, greater than 0
 * and at most 100 ("33.3333", "60", not "0", "-5" or "33.33333").  Returns
 * 0 and sets *share (x 10^4), or -1. */
int order_parse_share(const char *s, int64_t *share);

/* One credited rep: rep is the caller's key for the person (a login, or
 * an id written in decimal), borrowed; share is percent x 10^4. */
struct order_share {
	const char *rep;
	int64_t share;
};

/* Why a split is refused. */
enum order_split_err {
	ORDER_SPLIT_OK = 0,
	ORDER_SPLIT_EMPTY = -1,      /* no rep at all */
	ORDER_SPLIT_TOO_MANY = -2,   /* more than ORDER_MAX_REPS */
	ORDER_SPLIT_BAD_REP = -3,    /* empty rep, or one with ':' or '|' */
	ORDER_SPLIT_BAD_SHARE = -4,  /* not > 0 and <= 100 */
	ORDER_SPLIT_DUPLICATE = -5,  /* the same rep twice */
	ORDER_SPLIT_SUM = -6,        /* shares do not add up to exactly 100 */
	ORDER_SPLIT_SYNTAX = -7,     /* (order_split_parse) malformed text */
};

/* Checks a split: at least one rep, at most ORDER_MAX_REPS, each rep
 * non-empty without ':' or '|', distinct (byte-wise), each share > 0 and
 * <= 100, the shares summing to exactly ORDER_PCT_100.  Returns
 * ORDER_SPLIT_OK, or the first error found; *bad (may be NULL) then gets
 * the index of the offending entry (n for ORDER_SPLIT_SUM/EMPTY). */
int order_split_check(const struct order_share *s, size_t n, size_t *bad);

/* Parses the spec's rep field: "alice" (100 %) or "alice:60|bob:40" into
 * out[0..max) (reps point into buf, a modifiable copy the caller owns;
 * the text is cut in place), then checks it as order_split_check does.
 * Returns ORDER_SPLIT_OK and sets *n, or an enum order_split_err. */
int order_split_parse(char *buf, struct order_share *out, size_t max,
    size_t *n);

/* Writes the split as "alice:60|bob:40" into buf of size len (shares
 * without trailing zeros).  Returns 0, or -1 when buf is too small. */
int order_split_format(const struct order_share *s, size_t n, char *buf,
    size_t len);

/* Returns a stable short name of an order_split_err ("sum", ...). */
const char *order_split_strerror(int err);

/* What a share gives of an amount: amount x share / 100, rounded half
 * away from zero to the fen (for per-rep credit in statistics). */
int64_t order_share_of(int64_t amount, int64_t share);

/* The part of a line's amount (or cost) that part of its quantity
 * carries: amount x part / whole, rounded half away from zero to the fen
 * (whole != 0).  Returning a whole line gives back exactly its amount. */
int64_t order_prorate(int64_t amount, int64_t part, int64_t whole);

#endif
