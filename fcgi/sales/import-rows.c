/* import-rows.c: the rows of an orders.csv or payments.csv upload,
 * checked without a database (see import-rows.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/split.h"
#include "engine/csv.h"
#include "sales/import-rows.h"

int
imp_errs_add(struct imp_errs *e, uint32_t line, const char *column,
    const char *key, const char *value)
{
	struct imp_err *x;

	if (e->n == e->cap) {
		size_t nc = e->cap ? e->cap * 2 : 16;
		struct imp_err *nv = realloc(e->v, nc * sizeof(*nv));

		if (nv == NULL)
			return TC_ENOMEM;
		e->v = nv;
		e->cap = nc;
	}
	x = &e->v[e->n++];
	memset(x, 0, sizeof(*x));
	x->line = line;
	x->key = key;
	if (column != NULL)
		strncpy(x->column, column, sizeof(x->column) - 1);
	if (value != NULL) {
		size_t n = strlen(value);

		if (n >= sizeof(x->value)) {
			/* cut on a UTF-8 boundary and mark the cut */
			n = sizeof(x->value) - 4;
			while (n > 0 && ((unsigned char)value[n] & 0xC0) == 0x80)
				n--;
			memcpy(x->value, value, n);
			memcpy(x->value + n, "...", 4);
		} else
			memcpy(x->value, value, n + 1);
	}
	return 0;
}

void
imp_errs_free(struct imp_errs *e)
{
	if (e == NULL)
		return;
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

size_t
imp_errs_lines(const struct imp_errs *e)
{
	size_t n = 0;

	for (size_t i = 0; i < e->n; i++) {
		size_t j;

		for (j = 0; j < i; j++)
			if (e->v[j].line == e->v[i].line)
				break;
		if (j == i)
			n++;
	}
	return n;
}

bool
imp_valid_code(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7F)
			return false;
	return true;
}

int
imp_parse_rep(const char *s, struct imp_split out[IMP_MAX_SPLITS])
{
	struct tc_share sh[IMP_MAX_SPLITS];
	size_t n = 0;

	/* core/split.c reads the split as the engine and the order form do */
	if (tc_split_parse(s, strlen(s), sh, IMP_MAX_SPLITS, &n, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (sh[i].len > IMP_LOGIN_MAX)
			return -1;
		memcpy(out[i].login, sh[i].name, sh[i].len);
		out[i].login[sh[i].len] = '\0';
		out[i].share = sh[i].share;
	}
	return (int)n;
}

/* --- reading a table by column names --- */

struct col {
	const char *name;
	bool required;
};

/* Reads the header record: idx[k] receives the field index of cols[k]
 * or -1.  Returns 0, 1 when the file is unusable (errors added) or
 * TC_ENOMEM. */
static int
read_header(struct tce_csv *c, const struct col *cols, size_t ncol, int *idx,
    struct imp_errs *errs)
{
	uint32_t line = 0;
	const char *why = NULL;
	int rc = tce_csv_next(c, &line, &why);
	bool bad = false;

	if (rc == TC_ENOMEM)
		return rc;
	if (rc == TC_EINVAL)
		return imp_errs_add(errs, line, "", "imp_err_csv", why) ?
		    TC_ENOMEM : 1;
	if (rc == 0)
		return imp_errs_add(errs, 0, "", "imp_err_empty", NULL) ?
		    TC_ENOMEM : 1;
	for (size_t i = 0; i < c->nfield; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(c->field[i], c->field[j]) == 0) {
				if (imp_errs_add(errs, line, c->field[i],
				    "imp_err_dup_column", c->field[i]))
					return TC_ENOMEM;
				bad = true;
			}
	for (size_t k = 0; k < ncol; k++) {
		idx[k] = -1;
		for (size_t i = 0; i < c->nfield; i++)
			if (strcmp(c->field[i], cols[k].name) == 0)
				idx[k] = (int)i;
		if (idx[k] < 0 && cols[k].required) {
			if (imp_errs_add(errs, line, cols[k].name,
			    "imp_err_missing_column", cols[k].name))
				return TC_ENOMEM;
			bad = true;
		}
	}
	return bad ? 1 : 0;
}

/* Doubles the capacity of the array *arr of items of size bytes (64 at
 * first).  Returns 0, or TC_ENOMEM with *arr unchanged. */
static int
grow(void **arr, size_t *cap, size_t size)
{
	size_t nc = *cap ? *cap * 2 : 64;
	void *nv = realloc(*arr, nc * size);

	if (nv == NULL)
		return TC_ENOMEM;
	*arr = nv;
	*cap = nc;
	return 0;
}

static char *
dup_upload(const char *data, size_t len)
{
	char *b = malloc(len + 1);

	if (b != NULL) {
		memcpy(b, data, len);
		b[len] = '\0';
	}
	return b;
}

/* The field of column k in the current record, "" when absent. */
#define FLD(c, idx, k) ((idx)[k] >= 0 ? (c)->field[(idx)[k]] : "")

enum { O_ORDER, O_LINE, O_DATE, O_REP, O_CUSTOMER, O_PRODUCT, O_TYPE,
	O_REGION, O_CHANNEL, O_QTY, O_AMOUNT, O_COST, O_STATUS, O__MAX };

static const struct col order_cols[O__MAX] = {
	[O_ORDER] = { "order_id", true },
	[O_LINE] = { "line", false },
	[O_DATE] = { "date", true },
	[O_REP] = { "rep", true },
	[O_CUSTOMER] = { "customer", true },
	[O_PRODUCT] = { "product", true },
	[O_TYPE] = { "product_type", false },
	[O_REGION] = { "region", false },
	[O_CHANNEL] = { "channel", false },
	[O_QTY] = { "quantity", true },
	[O_AMOUNT] = { "amount", true },
	[O_COST] = { "cost", false },
	[O_STATUS] = { "status", false },
};

/* Marks row x bad with a problem in column col. */
static int
row_err(struct imp_errs *errs, bool *bad, uint32_t line, const char *col,
    const char *key, const char *value)
{
	*bad = true;
	return imp_errs_add(errs, line, col, key, value);
}

/* Checks the fields of one orders.csv record into x. */
static int
order_row(struct tce_csv *c, const int *idx, uint32_t line,
    struct imp_line *x, struct imp_errs *errs)
{
	const char *v;
	int rc = 0;

	memset(x, 0, sizeof(*x));
	x->line = line;
	x->order_id = (char *)FLD(c, idx, O_ORDER);
	x->rep = (char *)FLD(c, idx, O_REP);
	x->customer = (char *)FLD(c, idx, O_CUSTOMER);
	x->product = (char *)FLD(c, idx, O_PRODUCT);
	x->product_type = (char *)FLD(c, idx, O_TYPE);
	x->region = (char *)FLD(c, idx, O_REGION);
	x->channel = (char *)FLD(c, idx, O_CHANNEL);
	x->line_no = 1;

	if (*x->order_id == '\0')
		rc |= row_err(errs, &x->bad, line, "order_id",
		    "imp_err_required", NULL);
	else if (!imp_valid_code(x->order_id, 40))
		rc |= row_err(errs, &x->bad, line, "order_id",
		    "imp_err_order_id", x->order_id);
	v = FLD(c, idx, O_LINE);
	if (*v != '\0') {
		int64_t n;

		if (tc_dec_parse_str(v, 0, &n) != 0 || n < 1 || n > 100000)
			rc |= row_err(errs, &x->bad, line, "line",
			    "imp_err_line", v);
		else
			x->line_no = n;
	}
	v = FLD(c, idx, O_DATE);
	if (*v == '\0')
		rc |= row_err(errs, &x->bad, line, "date", "imp_err_required",
		    NULL);
	else if (tc_date_parse_str(v, &x->date) != 0)
		rc |= row_err(errs, &x->bad, line, "date", "imp_err_date", v);
	if (*x->rep == '\0')
		rc |= row_err(errs, &x->bad, line, "rep", "imp_err_required",
		    NULL);
	else if ((x->nsplit = imp_parse_rep(x->rep, x->split)) < 0) {
		x->nsplit = 0;
		rc |= row_err(errs, &x->bad, line, "rep", "imp_err_rep", x->rep);
	}
	if (*x->customer == '\0')
		rc |= row_err(errs, &x->bad, line, "customer",
		    "imp_err_required", NULL);
	if (*x->product == '\0')
		rc |= row_err(errs, &x->bad, line, "product",
		    "imp_err_required", NULL);
	v = FLD(c, idx, O_QTY);
	if (*v == '\0')
		rc |= row_err(errs, &x->bad, line, "quantity",
		    "imp_err_required", NULL);
	else if (tc_dec_parse_str(v, TC_SCALE_QTY, &x->qty) != 0 ||
	    x->qty > 999999999999LL || x->qty < -999999999999LL)
		rc |= row_err(errs, &x->bad, line, "quantity",
		    "imp_err_quantity", v);
	v = FLD(c, idx, O_AMOUNT);
	if (*v == '\0')
		rc |= row_err(errs, &x->bad, line, "amount", "imp_err_required",
		    NULL);
	else if (tc_dec_parse_str(v, TC_SCALE_MONEY, &x->amount) != 0 ||
	    x->amount > 99999999999999LL || x->amount < -99999999999999LL)
		rc |= row_err(errs, &x->bad, line, "amount", "imp_err_money", v);
	v = FLD(c, idx, O_COST);
	if (*v != '\0') {
		if (tc_dec_parse_str(v, TC_SCALE_MONEY, &x->cost) != 0 ||
		    x->cost > 99999999999999LL || x->cost < -99999999999999LL)
			rc |= row_err(errs, &x->bad, line, "cost",
			    "imp_err_money", v);
		else
			x->has_cost = true;
	}
	v = FLD(c, idx, O_STATUS);
	if (*v == '\0' || strcmp(v, "booked") == 0)
		x->cancelled = false;
	else if (strcmp(v, "cancelled") == 0)
		x->cancelled = true;
	else
		rc |= row_err(errs, &x->bad, line, "status", "imp_err_status",
		    v);
	return rc ? TC_ENOMEM : 0;
}

/* Whether two rows credit the same reps with the same shares (in any
 * order). */
static bool
same_split(const struct imp_line *a, const struct imp_line *b)
{
	if (a->nsplit != b->nsplit)
		return false;
	for (int i = 0; i < a->nsplit; i++) {
		int j;

		for (j = 0; j < b->nsplit; j++)
			if (strcmp(a->split[i].login, b->split[j].login) == 0 &&
			    a->split[i].share == b->split[j].share)
				break;
		if (j == b->nsplit)
			return false;
	}
	return true;
}

/* Groups rows by order_id and checks that the rows of one order agree
 * on the header fields and do not repeat a line number. */
static int
group_orders(struct imp_orders *o, struct imp_errs *errs)
{
	o->order = calloc(o->nrow ? o->nrow : 1, sizeof(*o->order));
	if (o->order == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < o->nrow; i++) {
		struct imp_line *x = &o->row[i];
		struct imp_line *h;
		struct imp_order *g = NULL;
		size_t k;

		for (k = 0; k < o->norder; k++)
			if (strcmp(o->row[o->order[k].first].order_id,
			    x->order_id) == 0) {
				g = &o->order[k];
				break;
			}
		if (g == NULL) {
			g = &o->order[o->norder];
			k = o->norder++;
			g->first = i;
			g->all_cancelled = true;
		}
		x->order = k;
		h = &o->row[g->first];
		g->nlines++;
		if (!x->cancelled) {
			g->all_cancelled = false;
			g->amount += x->amount;
			if (x->has_cost)
				g->cost += x->cost;
		}
		if (h == x)
			continue;
		/* the header fields agree with the order's first row */
		struct { const char *col, *a, *b; } hdr[] = {
			{ "customer", h->customer, x->customer },
			{ "region", h->region, x->region },
			{ "channel", h->channel, x->channel },
		};
		if (h->date != 0 && x->date != 0 && h->date != x->date) {
			if (row_err(errs, &x->bad, x->line, "date",
			    "imp_err_header_mismatch", h->order_id))
				return TC_ENOMEM;
		}
		if (h->nsplit > 0 && x->nsplit > 0 && !same_split(h, x)) {
			if (row_err(errs, &x->bad, x->line, "rep",
			    "imp_err_header_mismatch", h->order_id))
				return TC_ENOMEM;
		}
		for (size_t f = 0; f < sizeof(hdr) / sizeof(hdr[0]); f++)
			if (strcmp(hdr[f].a, hdr[f].b) != 0 &&
			    row_err(errs, &x->bad, x->line, hdr[f].col,
			    "imp_err_header_mismatch", h->order_id))
				return TC_ENOMEM;
		for (size_t j = g->first; j < i; j++)
			if (o->row[j].order == k &&
			    o->row[j].line_no == x->line_no) {
				char num[24];

				snprintf(num, sizeof(num), "%lld",
				    (long long)x->line_no);
				if (row_err(errs, &x->bad, x->line, "line",
				    "imp_err_dup_line", num))
					return TC_ENOMEM;
				break;
			}
	}
	return 0;
}

/* Reads every record after the header; calls row() for each. */
#define READ_RECORDS(c, errs, ncols_hdr, body)                               \
	for (;;) {                                                           \
		uint32_t line = 0;                                           \
		const char *why = NULL;                                      \
		int r_ = tce_csv_next(&(c), &line, &why);                    \
		if (r_ == 0)                                                 \
			break;                                               \
		if (r_ == TC_ENOMEM) {                                       \
			rc = TC_ENOMEM;                                      \
			goto out;                                            \
		}                                                            \
		if (r_ == TC_EINVAL) {                                       \
			/* the rest of the file cannot be trusted */         \
			if (imp_errs_add(errs, line, "", "imp_err_csv", why))\
				rc = TC_ENOMEM;                              \
			goto out;                                            \
		}                                                            \
		if ((c).nfield != (ncols_hdr)) {                             \
			if (imp_errs_add(errs, line, "", "imp_err_fields",   \
			    NULL)) {                                         \
				rc = TC_ENOMEM;                              \
				goto out;                                    \
			}                                                    \
			continue;                                            \
		}                                                            \
		body                                                         \
	}

int
imp_orders_read(const char *data, size_t len, struct imp_orders *out,
    struct imp_errs *errs)
{
	struct tce_csv c;
	int idx[O__MAX];
	size_t nhdr, cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((out->buf = dup_upload(data, len)) == NULL)
		return TC_ENOMEM;
	tce_csv_init(&c, out->buf, len);
	if ((rc = read_header(&c, order_cols, O__MAX, idx, errs)) != 0) {
		rc = rc == 1 ? 0 : rc;
		goto out;
	}
	nhdr = c.nfield;
	READ_RECORDS(c, errs, nhdr, {
		if (out->nrow == cap && grow((void **)&out->row, &cap,
		    sizeof(*out->row)) != 0) {
			rc = TC_ENOMEM;
			goto out;
		}
		if ((rc = order_row(&c, idx, line, &out->row[out->nrow],
		    errs)) != 0)
			goto out;
		out->nrow++;
	})
	if (out->nrow == 0 && errs->n == 0 &&
	    imp_errs_add(errs, 0, "", "imp_err_empty", NULL)) {
		rc = TC_ENOMEM;
		goto out;
	}
	rc = group_orders(out, errs);
out:
	tce_csv_free(&c);
	return rc;
}

void
imp_orders_free(struct imp_orders *o)
{
	if (o == NULL)
		return;
	free(o->buf);
	free(o->row);
	free(o->order);
	memset(o, 0, sizeof(*o));
}

enum { P_ID, P_ORDER, P_DATE, P_AMOUNT, P_REFERENCE, P__MAX };

static const struct col payment_cols[P__MAX] = {
	[P_ID] = { "payment_id", true },
	[P_ORDER] = { "order_id", true },
	[P_DATE] = { "date", true },
	[P_AMOUNT] = { "amount", true },
	[P_REFERENCE] = { "reference", false },
};

/* A reference: at most 128 characters (UTF-8, checked by the caller),
 * no control characters. */
static bool
ref_ok(const char *s)
{
	size_t chars = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return false;
		if ((*p & 0xC0) != 0x80)
			chars++;
	}
	return chars <= 128;
}

static int
payment_row(struct tce_csv *c, const int *idx, uint32_t line,
    struct imp_payment *x, const struct imp_payments *prev,
    struct imp_errs *errs)
{
	const char *v;
	int rc = 0;

	memset(x, 0, sizeof(*x));
	x->line = line;
	x->payment_id = (char *)FLD(c, idx, P_ID);
	x->order_id = (char *)FLD(c, idx, P_ORDER);
	x->reference = (char *)FLD(c, idx, P_REFERENCE);
	if (!ref_ok(x->reference))
		rc |= row_err(errs, &x->bad, line, "reference",
		    "imp_err_reference", x->reference);
	if (*x->payment_id == '\0')
		rc |= row_err(errs, &x->bad, line, "payment_id",
		    "imp_err_required", NULL);
	else if (!imp_valid_code(x->payment_id, 64))
		rc |= row_err(errs, &x->bad, line, "payment_id",
		    "imp_err_payment_id", x->payment_id);
	else
		for (size_t i = 0; i < prev->nrow; i++)
			if (strcmp(prev->row[i].payment_id, x->payment_id) == 0) {
				rc |= row_err(errs, &x->bad, line, "payment_id",
				    "imp_err_dup_payment", x->payment_id);
				break;
			}
	if (*x->order_id == '\0')
		rc |= row_err(errs, &x->bad, line, "order_id",
		    "imp_err_required", NULL);
	else if (!imp_valid_code(x->order_id, 40))
		rc |= row_err(errs, &x->bad, line, "order_id",
		    "imp_err_order_id", x->order_id);
	v = FLD(c, idx, P_DATE);
	if (*v == '\0')
		rc |= row_err(errs, &x->bad, line, "date", "imp_err_required",
		    NULL);
	else if (tc_date_parse_str(v, &x->date) != 0)
		rc |= row_err(errs, &x->bad, line, "date", "imp_err_date", v);
	v = FLD(c, idx, P_AMOUNT);
	if (*v == '\0')
		rc |= row_err(errs, &x->bad, line, "amount", "imp_err_required",
		    NULL);
	else if (tc_dec_parse_str(v, TC_SCALE_MONEY, &x->amount) != 0 ||
	    x->amount > 99999999999999LL || x->amount < -99999999999999LL)
		rc |= row_err(errs, &x->bad, line, "amount", "imp_err_money", v);
	else if (x->amount == 0)
		rc |= row_err(errs, &x->bad, line, "amount",
		    "imp_err_zero_amount", v);
	return rc ? TC_ENOMEM : 0;
}

int
imp_payments_read(const char *data, size_t len, struct imp_payments *out,
    struct imp_errs *errs)
{
	struct tce_csv c;
	int idx[P__MAX];
	size_t nhdr, cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((out->buf = dup_upload(data, len)) == NULL)
		return TC_ENOMEM;
	tce_csv_init(&c, out->buf, len);
	if ((rc = read_header(&c, payment_cols, P__MAX, idx, errs)) != 0) {
		rc = rc == 1 ? 0 : rc;
		goto out;
	}
	nhdr = c.nfield;
	READ_RECORDS(c, errs, nhdr, {
		if (out->nrow == cap && grow((void **)&out->row, &cap,
		    sizeof(*out->row)) != 0) {
			rc = TC_ENOMEM;
			goto out;
		}
		if ((rc = payment_row(&c, idx, line, &out->row[out->nrow], out,
		    errs)) != 0)
			goto out;
		out->nrow++;
	})
	if (out->nrow == 0 && errs->n == 0 &&
	    imp_errs_add(errs, 0, "", "imp_err_empty", NULL))
		rc = TC_ENOMEM;
out:
	tce_csv_free(&c);
	return rc;
}

void
imp_payments_free(struct imp_payments *p)
{
	if (p == NULL)
		return;
	free(p->buf);
	free(p->row);
	memset(p, 0, sizeof(*p));
}
