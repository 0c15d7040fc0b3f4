/* order-math.h: the arithmetic of an order, with no database and no I/O.
 *
 * Units (core/decimal.h): money is int64 fen; a quantity is int64
 * thousandths (DECIMAL(15,3)); a percent (discount, split share) is
 * TC_SCALE_PCT (DECIMAL(7,4)), so 100 % is ORDER_PCT_100.  Every product
 * is computed exactly in 128-bit integers and rounded once, half away from
 * zero, to the fen.  The credit split itself is core/split.h's. */
#ifndef TC_SALES_ORDER_MATH_H
#define TC_SALES_ORDER_MATH_H

#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"

#define ORDER_PCT_100 TC_PCT_100        /* 100 % as percent x 10^4 */
#define ORDER_MAX_REPS 16               /* credited reps of one order */
#define ORDER_MAX_AMOUNT 9999999999999999LL /* DECIMAL(18,2) in fen */
#define ORDER_MAX_QTY 999999999999999LL /* DECIMAL(15,3) in thousandths */

/* The line amount: quantity x unit price x (1 - discount / 100), rounded
 * half away from zero to the fen.  qty in thousandths (may be negative,
 * for a return), price in fen (>= 0), discount percent x 10^4 in
 * [0, ORDER_PCT_100].  Returns 0 and sets *amount, or TC_ERANGE when an
 * argument is out of range or the result does not fit DECIMAL(18,2). */
int order_line_amount(int64_t qty, int64_t price, int64_t discount,
    int64_t *amount);

/* The default cost of a line: quantity x the product's standard cost,
 * rounded half away from zero to the fen.  Returns 0 and sets *cost, or
 * TC_ERANGE when out of range (as order_line_amount). */
int order_line_cost(int64_t qty, int64_t std_cost, int64_t *cost);

/* Parses a quantity: at most 3 decimals, strict (no blanks, separators,
 * '+' or exponent), |q| <= ORDER_MAX_QTY.  Returns 0 and sets *qty in
 * thousandths, or the parser's error (core/decimal.h) or TC_ERANGE. */
int order_parse_qty(const char *s, int64_t *qty);

/* Parses a percent with at most 4 decimals in [0, 100] (a discount).
 * Returns 0 and sets *pct (x 10^4), or the parser's error or TC_ERANGE. */
int order_parse_discount(const char *s, int64_t *pct);

/* Parses a split share: a percent with at most 4 decimals, greater than 0
 * and at most 100 ("33.3333", "60", not "0", "-5" or "33.33333").  Returns
 * 0 and sets *share (x 10^4), or the parser's error or TC_ERANGE. */
int order_parse_share(const char *s, int64_t *share);

/* What a share gives of an amount: amount x share / 100, rounded half
 * away from zero to the fen (for per-rep credit in statistics). */
int64_t order_share_of(int64_t amount, int64_t share);

/* The part of a line's amount (or cost) that part of its quantity
 * carries: amount x part / whole, rounded half away from zero to the fen
 * (whole != 0).  Returning a whole line gives back exactly its amount. */
int64_t order_prorate(int64_t amount, int64_t part, int64_t whole);

/* The state an order shows, as the key of its label (sales_status_*): a
 * booked return (an order with an original) is "returned", its own
 * state, not "booked" beside its return tag; otherwise the stored status
 * ("booked", "cancelled").  Writes at most len bytes into buf; returns
 * buf. */
char *order_state_key(char *buf, size_t len, const char *status,
    int is_return);

#endif
