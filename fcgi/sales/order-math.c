/* order-math.c: line amounts, default costs and credit splits, exactly. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "sales/order-math.h"

/* n / d rounded half away from zero (d > 0). */
static __int128
div_round(__int128 n, __int128 d)
{
	__int128 a = n < 0 ? -n : n, q = (a + d / 2) / d;

	return n < 0 ? -q : q;
}

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
		return -1;
	/* qty/10^3 x price x (10^6 - discount)/10^6 fen. */
	v = div_round((__int128)qty * price * (ORDER_PCT_100 - discount),
	    (__int128)1000 * ORDER_PCT_100);
	if (!fits_money(v))
		return -1;
	*amount = (int64_t)v;
	return 0;
}

int
order_line_cost(int64_t qty, int64_t std_cost, int64_t *cost)
{
	return order_line_amount(qty, std_cost, 0, cost);
}

int
order_parse_qty(const char *s, int64_t *qty)
{
	int64_t v;

	if (s == NULL || fmt_parse_scaled(s, 3, &v) != 0 ||
	    v < -ORDER_MAX_QTY || v > ORDER_MAX_QTY)
		return -1;
	*qty = v;
	return 0;
}

int
order_parse_discount(const char *s, int64_t *pct)
{
	int64_t v;

	if (s == NULL || fmt_parse_scaled(s, 4, &v) != 0 || v < 0 ||
	    v > ORDER_PCT_100)
		return -1;
	*pct = v;
	return 0;
}

int
order_parse_share(const char *s, int64_t *share)
{
	int64_t v;

	if (s == NULL || fmt_parse_scaled(s, 4, &v) != 0 || v <= 0 ||
	    v > ORDER_PCT_100)
		return -1;
	*share = v;
	return 0;
}

int
order_split_check(const struct order_share *s, size_t n, size_t *bad)
{
	int64_t sum = 0;
	size_t i, j, dummy;

	if (bad == NULL)
		bad = &dummy;
	*bad = n;
	if (n == 0)
		return ORDER_SPLIT_EMPTY;
	if (n > ORDER_MAX_REPS) {
		*bad = ORDER_MAX_REPS;
		return ORDER_SPLIT_TOO_MANY;
	}
	for (i = 0; i < n; i++) {
		*bad = i;
		if (s[i].rep == NULL || s[i].rep[0] == '\0' ||
		    strpbrk(s[i].rep, ":|") != NULL)
			return ORDER_SPLIT_BAD_REP;
		if (s[i].share <= 0 || s[i].share > ORDER_PCT_100)
			return ORDER_SPLIT_BAD_SHARE;
		for (j = 0; j < i; j++)
			if (strcmp(s[i].rep, s[j].rep) == 0)
				return ORDER_SPLIT_DUPLICATE;
		sum += s[i].share;     /* <= 16 x 10^6: no overflow */
	}
	*bad = n;
	if (sum != ORDER_PCT_100)
		return ORDER_SPLIT_SUM;
	return ORDER_SPLIT_OK;
}

int
order_split_parse(char *buf, struct order_share *out, size_t max,
    size_t *n)
{
	size_t k = 0;
	char *p = buf;

	*n = 0;
	if (buf == NULL || buf[0] == '\0')
		return ORDER_SPLIT_EMPTY;
	if (strchr(buf, ':') == NULL) {
		/* A single rep, credited 100 %. */
		if (strchr(buf, '|') != NULL)
			return ORDER_SPLIT_SYNTAX;
		if (max < 1)
			return ORDER_SPLIT_TOO_MANY;
		out[0].rep = buf;
		out[0].share = ORDER_PCT_100;
		*n = 1;
		return order_split_check(out, 1, NULL);
	}
	for (;;) {
		char *bar = strchr(p, '|'), *colon;

		if (bar != NULL)
			*bar = '\0';
		if ((colon = strchr(p, ':')) == NULL ||
		    strchr(colon + 1, ':') != NULL)
			return ORDER_SPLIT_SYNTAX;
		*colon = '\0';
		if (k == max)
			return ORDER_SPLIT_TOO_MANY;
		out[k].rep = p;
		if (order_parse_share(colon + 1, &out[k].share) != 0)
			return ORDER_SPLIT_BAD_SHARE;
		k++;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	*n = k;
	return order_split_check(out, k, NULL);
}

int
order_split_format(const struct order_share *s, size_t n, char *buf,
    size_t len)
{
	size_t o = 0;

	if (len == 0)
		return -1;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char pct[FMT_MONEY_SIZE];
		int w = snprintf(buf + o, len - o, "%s%s:%s", i ? "|" : "",
		    s[i].rep, fmt_pct4(pct, s[i].share));

		if (w < 0 || (size_t)w >= len - o)
			return -1;
		o += (size_t)w;
	}
	return 0;
}

const char *
order_split_strerror(int err)
{
	switch (err) {
	case ORDER_SPLIT_OK: return "ok";
	case ORDER_SPLIT_EMPTY: return "empty";
	case ORDER_SPLIT_TOO_MANY: return "too-many";
	case ORDER_SPLIT_BAD_REP: return "bad-rep";
	case ORDER_SPLIT_BAD_SHARE: return "bad-share";
	case ORDER_SPLIT_DUPLICATE: return "duplicate";
	case ORDER_SPLIT_SUM: return "sum";
	case ORDER_SPLIT_SYNTAX: return "syntax";
	}
	return "unknown";
}

int64_t
order_share_of(int64_t amount, int64_t share)
{
	return (int64_t)div_round((__int128)amount * share, ORDER_PCT_100);
}

int64_t
order_prorate(int64_t amount, int64_t part, int64_t whole)
{
	if (whole < 0) {
		whole = -whole;
		part = -part;
	}
	return (int64_t)div_round((__int128)amount * part, whole);
}
