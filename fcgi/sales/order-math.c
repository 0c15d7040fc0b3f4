/* order-math.c: line amounts, default costs and shares, exactly. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "sales/order-math.h"

static int
fits_money(__int128 v)
{
	return v >= -(__int128)ORDER_MAX_AMOUNT && v <= ORDER_MAX_AMOUNT;
}

int
order_line_amount(int64_t qty, int64_t price, int64_t discount,
    int64_t *amount)
{
	__int128 v;

	if (qty < -ORDER_MAX_QTY || qty > ORDER_MAX_QTY || price < 0 ||
	    price > ORDER_MAX_AMOUNT || discount < 0 ||
	    discount > ORDER_PCT_100)
		return TC_ERANGE;
	/* qty/10^3 x price x (10^6 - discount)/10^6 fen. */
	v = tc_div_round((__int128)qty * price * (ORDER_PCT_100 - discount),
	    (__int128)1000 * ORDER_PCT_100);
	if (!fits_money(v))
		return TC_ERANGE;
	*amount = (int64_t)v;
	return 0;
}

int
order_line_cost(int64_t qty, int64_t std_cost, int64_t *cost)
{
	return order_line_amount(qty, std_cost, 0, cost);
}

/* Parses s at scale into *out within [min, max].  Returns 0, the
 * parser's error, or TC_ERANGE. */
static int
parse_within(const char *s, int scale, int64_t min, int64_t max,
    int64_t *out)
{
	int64_t v;
	int rc;

	if (s == NULL)
		return TC_ENOTNUM;
	if ((rc = tc_dec_parse_str(s, scale, &v)) != 0)
		return rc;
	if (v < min || v > max)
		return TC_ERANGE;
	*out = v;
	return 0;
}

int
order_parse_qty(const char *s, int64_t *qty)
{
	return parse_within(s, TC_SCALE_QTY, -ORDER_MAX_QTY, ORDER_MAX_QTY, qty);
}

int
order_parse_discount(const char *s, int64_t *pct)
{
	return parse_within(s, TC_SCALE_PCT, 0, ORDER_PCT_100, pct);
}

int
order_parse_share(const char *s, int64_t *share)
{
	return parse_within(s, TC_SCALE_PCT, 1, ORDER_PCT_100, share);
}

int64_t
order_share_of(int64_t amount, int64_t share)
{
	return (int64_t)tc_div_round((__int128)amount * share, ORDER_PCT_100);
}

int64_t
order_prorate(int64_t amount, int64_t part, int64_t whole)
{
	if (whole < 0) {
		whole = -whole;
		part = -part;
	}
	return (int64_t)tc_div_round((__int128)amount * part, whole);
}

char *
order_state_key(char *buf, size_t len, const char *status, int is_return)
{
	if (is_return && strcmp(status, "booked") == 0)
		status = "returned";
	snprintf(buf, len, "sales_status_%s", status);
	return buf;
}
