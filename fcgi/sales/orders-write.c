/* orders-write.c: booking and changing orders, with their lines and
 * credited reps (write.h).  The order form and the orders.csv import both
 * come here, so one set of rules decides what may be booked:
 *
 * - sales reps and managers only; the customer in the person's write
 *   scope (or the order's own customer, when editing);
 * - every credited rep an active person with a sales role (one already
 *   credited on the order stays allowed), at least one of them in the
 *   person's write scope, distinct, shares > 0 summing to exactly 100;
 * - products known (active, or already on the line), regions and
 *   channels active (or the order's own), the order number free;
 * - nothing dated in a closed period (core/period), neither the order as
 *   stored nor the date it would get;
 * - the credit of a saved order (its reps and shares) changes only
 *   through a credit request a second person approves (orders-credit.c),
 *   and so does the cancellation of an order that credits someone else
 *   or has payments.
 *
 * Every problem is marked on the form field it concerns, and nothing is
 * written unless there is none. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/money.h"
#include "core/period.h"
#include "core/split.h"
#include "sales/order-math.h"
#include "sales/orders-credit.h"
#include "sales/sales.h"
#include "sales/write-tx.h"

#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)
#define ID_MAX 4294967295LL

enum stmt {
	W_CUSTOMER,
	W_REGION,
	W_CHANNEL,
	W_REP,
	W_PRODUCT,
	W_OPP,
	W_NO_TAKEN,
	W_INSERT,
	W_SET_NO,
	W_REP_INSERT,
	W_LINE_INSERT,
	W_OPP_LINK,
	W_ORDER,
	W_ORDER_UPDATE,
	W_REPS_DELETE,
	W_REPS_OF,
	W_LINES_OF,
	W_LINE_UPDATE,
	W_LINE_DELETE,
	W_CANCEL,
	W_CANCEL_LINES,
	W_RETURN_COUNT,
	W_REPS_COPY,
	W_COST_UPDATE,
	W_PAYMENTS_OF,
	W__MAX
};

/* Columns of W_LINES_OF. */
enum { L_ID, L_NO, L_PRODUCT, L_QTY, L_PRICE, L_DISCOUNT, L_AMOUNT, L_COST,
    L_STATUS, L_CODE, L_NAME_ZH, L_NAME_EN, L_STD_COST, L_RETURNED };

/* Columns of W_ORDER. */
enum { O_ID, O_STATUS, O_CUSTOMER, O_ORIGINAL, O_NO, O_DATE, O_REGION,
    O_CHANNEL, O_NOTE };

static const char *const stmts[W__MAX] = {
	/* id, the order's own customer, write scope */
	[W_CUSTOMER] =
	    "SELECT c.id, c.region_id, c.channel_id FROM customers c"
	    " WHERE c.id = ? AND (c.id = ? OR " SCOPE_SQL("c.owner_id") ")",
	[W_REGION] = "SELECT id FROM regions WHERE id = ? AND (active OR id = ?)",
	[W_CHANNEL] =
	    "SELECT id FROM channels WHERE id = ? AND (active OR id = ?)",
	/* write scope, id, roles */
	[W_REP] =
	    "SELECT p.id, p.login, p.active, " SCOPE_SQL("p.id")
	    " FROM people p WHERE p.id = ? AND (CAST(p.roles AS UNSIGNED) & ?)"
	    " <> 0",
	[W_PRODUCT] =
	    "SELECT id, list_price, standard_cost, active FROM products"
	    " WHERE id = ?",
	[W_OPP] =
	    "SELECT o.id FROM opportunities o WHERE o.id = ? AND "
	    SCOPE_SQL("o.owner_id"),
	[W_NO_TAKEN] = "SELECT id FROM orders WHERE order_no = ? AND id <> ?",
	[W_INSERT] =
	    "INSERT INTO orders (order_no, customer_id, order_date, region_id,"
	    " channel_id, original_order_id, opportunity_id, note, created_by,"
	    " status, payment_terms_days) VALUES (COALESCE(?, CONCAT('tmp-',"
	    " REPLACE(UUID(), '-', ''))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[W_SET_NO] = "UPDATE orders SET order_no = ? WHERE id = ?",
	[W_REP_INSERT] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, ?)",
	[W_LINE_INSERT] =
	    "INSERT INTO order_lines (order_id, line_no, product_id, quantity,"
	    " unit_price, discount, amount, cost, original_line_id, status)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[W_OPP_LINK] =
	    "UPDATE opportunities SET order_id = ? WHERE id = ?"
	    " AND order_id IS NULL",
	/* id, write scope */
	[W_ORDER] =
	    "SELECT o.id, o.status, o.customer_id, o.original_order_id,"
	    " o.order_no, o.order_date, o.region_id, o.channel_id, o.note"
	    " FROM orders o WHERE o.id = ? AND " SCOPE_ORDER_SQL("o.id")
	    " FOR UPDATE",
	[W_ORDER_UPDATE] =
	    "UPDATE orders SET order_no = ?, customer_id = ?, order_date = ?,"
	    " region_id = ?, channel_id = ?, note = ?, payment_terms_days = ?"
	    " WHERE id = ? AND status = 'booked'",
	[W_REPS_DELETE] = "DELETE FROM order_reps WHERE order_id = ?",
	[W_REPS_OF] =
	    "SELECT person_id, share FROM order_reps WHERE order_id = ?"
	    " ORDER BY share DESC, person_id",
	[W_LINES_OF] =
	    "SELECT l.id, l.line_no, l.product_id, l.quantity, l.unit_price,"
	    " l.discount, l.amount, l.cost, l.status, pr.code, pr.name_zh,"
	    " pr.name_en, pr.standard_cost, COALESCE((SELECT -SUM(rl.quantity)"
	    " FROM order_lines rl JOIN orders ro ON ro.id = rl.order_id"
	    " WHERE rl.original_line_id = l.id AND rl.status = 'booked'"
	    " AND ro.status = 'booked'), 0)"
	    " FROM order_lines l JOIN products pr ON pr.id = l.product_id"
	    " WHERE l.order_id = ? ORDER BY l.line_no",
	[W_LINE_UPDATE] =
	    "UPDATE order_lines SET product_id = ?, quantity = ?,"
	    " unit_price = ?, discount = ?, amount = ?, cost = ?"
	    " WHERE id = ? AND order_id = ?",
	[W_LINE_DELETE] = "DELETE FROM order_lines WHERE id = ? AND order_id = ?",
	[W_CANCEL] =
	    "UPDATE orders SET status = 'cancelled' WHERE id = ?"
	    " AND status = 'booked'",
	[W_CANCEL_LINES] =
	    "UPDATE order_lines SET status = 'cancelled' WHERE order_id = ?",
	[W_RETURN_COUNT] =
	    "SELECT COUNT(*) FROM orders WHERE original_order_id = ?",
	[W_REPS_COPY] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " SELECT ?, person_id, share FROM order_reps WHERE order_id = ?",
	[W_COST_UPDATE] =
	    "UPDATE order_lines SET cost = ? WHERE id = ? AND order_id = ?",
	[W_PAYMENTS_OF] = "SELECT COUNT(*) FROM payments WHERE order_id = ?",
};

static struct db_table ow_db = DB_TABLE("orders-write", stmts);

/* --- the field tables --------------------------------------------------- */

/* A quantity in thousandths (order_parse_qty). */
int
order_valid_qty(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (order_parse_qty(in, &out->i) != 0)
		return TC_EFORMAT;
	out->s = in;
	return 0;
}

static int
valid_discount(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (order_parse_discount(in, &out->i) != 0)
		return TC_EFORMAT;
	out->s = in;
	return 0;
}

static int
valid_share(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (order_parse_share(in, &out->i) != 0)
		return TC_EFORMAT;
	out->s = in;
	return 0;
}

static const char *const line_statuses[] = { "booked", "cancelled", NULL };

const struct field order_fields[ORDER__MAX] = {
	[ORDER_NO] = { "order_no", form_code, 0, 0, 40, "ord_err_order_no",
	    NULL },
	[ORDER_CUSTOMER] = { "customer", form_int64, 1, 1, ID_MAX,
	    "ord_err_customer", NULL },
	[ORDER_DATE] = { "order_date", form_date, 1, 0, 0, "ord_err_date",
	    NULL },
	[ORDER_REGION] = { "region", form_int64, 0, 1, ID_MAX,
	    "ord_err_region", NULL },
	[ORDER_CHANNEL] = { "channel", form_int64, 0, 1, ID_MAX,
	    "ord_err_channel", NULL },
	[ORDER_NOTE] = { "note", form_text, 0, 0, 255, "ord_err_note", NULL },
	[ORDER_OPPORTUNITY] = { "opportunity", form_int64, 0, 1, ID_MAX,
	    "ord_err_opportunity", NULL },
	/* the credited reps and the lines as a whole: no input of their own */
	[ORDER_SPLIT] = { "split", form_text, 0, 0, 0, "ord_err_no_rep",
	    NULL },
	[ORDER_LINES] = { "order_lines", form_text, 0, 0, 0, "ord_err_no_lines",
	    NULL },
	[ORDER_TERMS] = { "payment_terms", form_int64, 0, 0, PAYMENT_TERMS_MAX,
	    "ord_err_terms", NULL },
};

const struct field order_rep_fields[OREP__MAX] = {
	[OREP_PERSON] = { "rep", form_int64, 1, 1, ID_MAX, "ord_err_rep",
	    NULL },
	[OREP_SHARE] = { "share", valid_share, 1, 0, 0, "ord_err_share", NULL },
};

const struct field order_line_fields[OLINE__MAX] = {
	[OLINE_ID] = { "lid", form_int64, 0, 1, ID_MAX, "ord_err_line", NULL },
	[OLINE_NO] = { "lno", form_int64, 0, 1, ID_MAX, "ord_err_line_no",
	    NULL },
	[OLINE_PRODUCT] = { "product", form_int64, 1, 1, ID_MAX,
	    "ord_err_product", NULL },
	[OLINE_QTY] = { "qty", order_valid_qty, 1, 0, 0, "ord_err_qty", NULL },
	[OLINE_PRICE] = { "price", form_money, 0, 0, ORDER_MAX_AMOUNT,
	    "ord_err_price", NULL },
	[OLINE_DISCOUNT] = { "discount", valid_discount, 0, 0, 0,
	    "ord_err_discount", NULL },
	[OLINE_AMOUNT] = { "amount", form_money, 0, -ORDER_MAX_AMOUNT,
	    ORDER_MAX_AMOUNT, "ord_err_amount", NULL },
	[OLINE_COST] = { "cost", form_money, 0, -ORDER_MAX_AMOUNT,
	    ORDER_MAX_AMOUNT, "ord_err_cost", NULL },
	[OLINE_STATUS] = { "status", form_oneof, 0, 0, 0, "ord_err_status",
	    line_statuses },
};

/* --- reading the input -------------------------------------------------- */

void
order_input_free(struct order_input *in)
{
	if (in == NULL)
		return;
	form_free(&in->head);
	for (size_t i = 0; i < in->nreps; i++)
		form_free(&in->reps[i]);
	for (size_t i = 0; i < in->nlines; i++)
		form_free(&in->lines[i]);
	free(in->reps);
	free(in->lines);
	memset(in, 0, sizeof(*in));
}

/* The number of line rows in: the highest N of an input named
 * "<line field>_N".  *over is set when some N is above ORDER_LINES_MAX. */
static size_t
line_rows(const struct req_fields *in, bool *over)
{
	size_t rows = 0;

	*over = false;
	for (size_t i = 0; in != NULL && i < in->n; i++) {
		const char *name = in->pairs[i].name, *us = strrchr(name, '_');
		unsigned long long n;
		char *end;
		size_t k;

		if (us == NULL || us[1] < '1' || us[1] > '9')
			continue;
		for (k = 0; k < OLINE__MAX; k++)
			if (strlen(order_line_fields[k].name) ==
			    (size_t)(us - name) && strncmp(name,
			    order_line_fields[k].name, (size_t)(us - name)) == 0)
				break;
		if (k == OLINE__MAX)
			continue;
		n = strtoull(us + 1, &end, 10);
		if (*end != '\0')
			continue;
		if (n > ORDER_LINES_MAX)
			*over = true;
		else if (n > rows)
			rows = (size_t)n;
	}
	return rows;
}

/* Whether row form f has none of the given fields. */
static bool
row_blank(const struct form *f, const size_t *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (form_present(f, k[i]))
			return false;
	return true;
}

int
order_input_read(const struct req_fields *in, const struct order_options *o,
    struct order_input *out)
{
	static const size_t line_data[] = { OLINE_PRODUCT, OLINE_QTY,
	    OLINE_PRICE, OLINE_DISCOUNT, OLINE_AMOUNT, OLINE_COST,
	    OLINE_STATUS };
	bool file = o != NULL && o->from_file, over;
	size_t nrep;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = form_validate(&out->head, order_fields, ORDER__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	nrep = in != NULL ? req_count(in, "rep") : 0;
	if (in != NULL && req_count(in, "share") > nrep)
		nrep = req_count(in, "share");
	if (nrep > 0 && (out->reps = calloc(nrep, sizeof(*out->reps))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < nrep; i++) {
		struct form *f = &out->reps[out->nreps++];

		if ((rc = form_validate_nth(f, order_rep_fields, OREP__MAX, in,
		    i)) == TC_ENOMEM)
			return rc;
		if (!form_present(f, OREP_PERSON) &&
		    !form_present(f, OREP_SHARE)) {
			form_ignore(f, OREP_PERSON);    /* an empty row */
			form_ignore(f, OREP_SHARE);
		}
	}
	out->nlines = line_rows(in, &over);
	if (over && (rc = form_set_error(&out->head, ORDER_LINES,
	    "ord_err_too_many_lines", NULL)) != 0)
		return rc;
	if (out->nlines > 0 &&
	    (out->lines = calloc(out->nlines, sizeof(*out->lines))) == NULL) {
		out->nlines = 0;
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < out->nlines; i++) {
		struct form *f = &out->lines[i];

		if ((rc = form_validate_row(f, order_line_fields, OLINE__MAX, in,
		    i + 1)) == TC_ENOMEM)
			return rc;
		if (!file) {
			/* what only a file gives: the form never offers it */
			form_ignore(f, OLINE_NO);
			form_ignore(f, OLINE_COST);
			form_ignore(f, OLINE_STATUS);
		}
		if (row_blank(f, line_data, sizeof(line_data) /
		    sizeof(line_data[0]))) {
			form_ignore(f, OLINE_PRODUCT);
			form_ignore(f, OLINE_QTY);
		}
	}
	return 0;
}

bool
order_line_blank(const struct order_input *in, size_t i)
{
	const struct form *f = &in->lines[i];

	return !form_present(f, OLINE_PRODUCT) && !form_present(f, OLINE_QTY) &&
	    !form_present(f, OLINE_PRICE) && !form_present(f, OLINE_DISCOUNT) &&
	    !form_present(f, OLINE_AMOUNT) && !form_present(f, OLINE_COST) &&
	    !form_present(f, OLINE_STATUS);
}

bool
order_input_has_errors(const struct order_input *in)
{
	if (form_has_errors(&in->head))
		return true;
	for (size_t i = 0; i < in->nreps; i++)
		if (form_has_errors(&in->reps[i]))
			return true;
	for (size_t i = 0; i < in->nlines; i++)
		if (form_has_errors(&in->lines[i]))
			return true;
	return false;
}

/* --- checking against the database -------------------------------------- */

/* What a line becomes once checked. */
struct line_val {
	bool blank;
	int64_t id, no, product, qty, price, disc, amount, cost;
	bool cancelled;
};

/* What a rep becomes once checked. */
struct rep_val {
	bool blank;
	int64_t person, share;
	char key[24];
	char login[65];
};

/* The order being checked: input, the stored order when editing, and
 * what the checks found. */
struct order_check {
	const struct sales_actor *a;
	const struct order_options *o;
	struct order_input *in;
	struct scope w;
	struct dbres *old, *old_reps, *old_lines;   /* editing: the stored */
	int64_t customer, region, channel, opportunity;
	int32_t date;
	struct rep_val *reps;
	struct line_val *lines;
	size_t nbooked;
	bool credit_change;         /* editing: the split differs from the
	                               stored one (a request, not written) */
};

static bool
from_file(const struct order_check *c)
{
	return c->o != NULL && c->o->from_file;
}

/* Runs query idx and reports whether it found a row; *res (may be NULL)
 * keeps the result. */
static int
found(struct db *db, int idx, const struct db_param *p, size_t np,
    struct dbres **res, bool *yes)
{
	struct dbres *r = NULL;
	int rc;

	if ((rc = db_query(db, &ow_db, idx, p, np, &r)) != 0)
		return rc;
	*yes = dbres_rows(r) > 0;
	if (res != NULL)
		*res = r;
	else
		dbres_free(r);
	return 0;
}

/* Marks field k of f with msg unless a validator already did. */
static int
mark(struct form *f, size_t k, const char *msg)
{
	return form_set_error(f, k, msg, NULL);
}

/* Whether date is in a closed period.  Returns 0 or TC_EDB. */
static int
date_closed(struct db *db, int32_t date, bool *closed)
{
	enum period_state st = PERIOD_OPEN;
	int rc;

	if ((rc = period_state(db, date, &st)) != 0)
		return rc;
	*closed = st == PERIOD_CLOSED;
	return 0;
}

static int
check_header(struct order_check *c, bool editing)
{
	struct form *h = &c->in->head;
	struct dbres *res = NULL;
	int64_t cur_customer = editing ? dbres_int(c->old, 0, O_CUSTOMER) : 0;
	int64_t cur_region = editing ? dbres_int(c->old, 0, O_REGION) : 0;
	int64_t cur_channel = editing ? dbres_int(c->old, 0, O_CHANNEL) : 0;
	bool yes, closed;
	int rc;

	c->customer = form_int(h, ORDER_CUSTOMER, 0);
	c->region = form_int(h, ORDER_REGION, 0);
	c->channel = form_int(h, ORDER_CHANNEL, 0);
	if (c->customer > 0) {
		if ((rc = found(c->a->db, W_CUSTOMER, DB_ARGS(P_INT(c->customer),
		    P_INT(cur_customer), SCOPE_ARGS(&c->w)), &res, &yes)) != 0)
			return rc;
		if (!yes)
			rc = mark(h, ORDER_CUSTOMER, NULL);
		else {
			/* region and channel default to the customer's */
			if (!form_present(h, ORDER_REGION))
				c->region = dbres_int(res, 0, 1);
			if (!form_present(h, ORDER_CHANNEL))
				c->channel = dbres_int(res, 0, 2);
		}
		dbres_free(res);
		if (rc != 0)
			return rc;
	}
	if (form_present(h, ORDER_REGION) && c->region > 0) {
		if ((rc = found(c->a->db, W_REGION, DB_ARGS(P_INT(c->region),
		    P_INT(cur_region)), NULL, &yes)) != 0)
			return rc;
		if (!yes && (rc = mark(h, ORDER_REGION, NULL)) != 0)
			return rc;
	}
	if (form_present(h, ORDER_CHANNEL) && c->channel > 0) {
		if ((rc = found(c->a->db, W_CHANNEL, DB_ARGS(P_INT(c->channel),
		    P_INT(cur_channel)), NULL, &yes)) != 0)
			return rc;
		if (!yes && (rc = mark(h, ORDER_CHANNEL, NULL)) != 0)
			return rc;
	}
	c->date = (int32_t)form_int(h, ORDER_DATE, 0);
	if (c->date > 0) {
		if ((rc = date_closed(c->a->db, c->date, &closed)) != 0)
			return rc;
		if (closed && (rc = mark(h, ORDER_DATE,
		    "ord_err_date_closed")) != 0)
			return rc;
	}
	c->opportunity = form_int(h, ORDER_OPPORTUNITY, 0);
	if (c->opportunity > 0) {
		if ((rc = found(c->a->db, W_OPP, DB_ARGS(P_INT(c->opportunity),
		    SCOPE_ARGS(&c->w)), NULL, &yes)) != 0)
			return rc;
		if (!yes)
			return TC_ENOTFOUND;
	}
	if (form_str(h, ORDER_NO) != NULL) {
		if ((rc = found(c->a->db, W_NO_TAKEN,
		    DB_ARGS(P_TEXT(form_str(h, ORDER_NO)),
		    P_INT(editing ? dbres_int(c->old, 0, O_ID) : 0)), NULL,
		    &yes)) != 0)
			return rc;
		if (yes && (rc = mark(h, ORDER_NO, "ord_err_order_no_taken")) != 0)
			return rc;
	}
	return 0;
}

/* Whether person is credited on the stored order. */
static bool
credited_now(const struct order_check *c, int64_t person)
{
	for (size_t i = 0; c->old_reps != NULL && i < dbres_rows(c->old_reps);
	    i++)
		if (dbres_int(c->old_reps, i, 0) == person)
			return true;
	return false;
}

static int
check_reps(struct order_check *c)
{
	struct order_input *in = c->in;
	struct tc_share *sh = NULL;
	struct tc_split_fault bad;
	bool row_err = false, in_scope = false;
	size_t n = 0;
	int rc = 0, e;

	if (in->nreps > 0 &&
	    ((c->reps = calloc(in->nreps, sizeof(*c->reps))) == NULL ||
	    (sh = calloc(in->nreps, sizeof(*sh))) == NULL))
		return TC_ENOMEM;
	for (size_t i = 0; i < in->nreps; i++) {
		struct form *f = &in->reps[i];
		struct rep_val *v = &c->reps[i];
		struct dbres *res = NULL;
		bool yes;

		v->blank = !form_present(f, OREP_PERSON) &&
		    !form_present(f, OREP_SHARE);
		if (v->blank)
			continue;
		v->person = form_int(f, OREP_PERSON, 0);
		v->share = form_int(f, OREP_SHARE, 0);
		if (v->person > 0) {
			if ((rc = found(c->a->db, W_REP, DB_ARGS(SCOPE_ARGS(&c->w),
			    P_INT(v->person), P_INT(SALES_ROLES)), &res,
			    &yes)) != 0)
				goto out;
			if (!yes || (dbres_int(res, 0, 2) == 0 &&
			    !credited_now(c, v->person)))
				rc = mark(f, OREP_PERSON, NULL);
			else {
				snprintf(v->login, sizeof(v->login), "%s",
				    dbres_text(res, 0, 1));
				if (dbres_int(res, 0, 3) != 0)
					in_scope = true;
			}
			dbres_free(res);
			if (rc != 0)
				goto out;
		}
		if (form_has_errors(f)) {
			row_err = true;
			continue;
		}
		snprintf(v->key, sizeof(v->key), "%" PRId64, v->person);
		sh[n].name = v->key;
		sh[n].len = strlen(v->key);
		sh[n].share = v->share;
		n++;
	}
	if (row_err)
		goto out;
	e = tc_split_check_shares(sh, n, ORDER_MAX_REPS, &bad);
	if (e == TC_ESPLIT_EMPTY)
		rc = mark(&in->head, ORDER_SPLIT, "ord_err_no_rep");
	else if (e == TC_ESPLIT_TOO_MANY)
		rc = mark(&in->head, ORDER_SPLIT, "ord_err_too_many_reps");
	else if (e == TC_ESPLIT_DUPLICATE) {
		/* bad counts the reps kept: find its row */
		for (size_t i = 0; i < in->nreps; i++)
			if (!c->reps[i].blank && bad.entry-- == 0) {
				rc = mark(&in->reps[i], OREP_PERSON,
				    "ord_err_rep_twice");
				break;
			}
	} else if (e == TC_ESPLIT_SUM) {
		char sum[TC_MONEY_SIZE];
		int64_t total = 0;

		for (size_t i = 0; i < n; i++)
			total += sh[i].share;
		tc_pct_str(sum, total);
		rc = form_set_error(&in->head, ORDER_SPLIT, "ord_err_split_sum",
		    sum);
	} else if (e != 0)
		rc = mark(&in->head, ORDER_SPLIT, "ord_err_share");
	else if (!in_scope)
		rc = mark(&in->head, ORDER_SPLIT, "ord_err_rep_scope");
out:
	free(sh);
	return rc;
}

/* The stored line of id on the order being edited, or -1. */
static long
stored_line(const struct order_check *c, int64_t id)
{
	for (size_t k = 0; c->old_lines != NULL && k < dbres_rows(c->old_lines);
	    k++)
		if (dbres_int(c->old_lines, k, L_ID) == id)
			return (long)k;
	return -1;
}

static int64_t
scaled(const struct dbres *r, size_t row, size_t col, int scale)
{
	int64_t v;

	dbres_dec(r, row, col, scale, &v);   /* a bad value is logged */
	return v;
}

static int
check_line(struct order_check *c, size_t i)
{
	struct form *f = &c->in->lines[i];
	struct line_val *v = &c->lines[i];
	struct dbres *res = NULL;
	int64_t std = 0;
	long k = -1;
	bool yes;
	int rc = 0;

	v->id = form_int(f, OLINE_ID, 0);
	if (v->id > 0 || form_present(f, OLINE_ID)) {
		/* a line of this order, or none at all */
		if (c->old_lines == NULL || (k = stored_line(c, v->id)) < 0)
			return TC_ENOTFOUND;
	}
	v->blank = order_line_blank(c->in, i);
	if (v->blank) {
		if (k >= 0 && scaled(c->old_lines, (size_t)k, L_RETURNED,
		    TC_SCALE_QTY) > 0)
			return mark(f, OLINE_PRODUCT, "ord_err_line_returned");
		return 0;
	}
	v->product = form_int(f, OLINE_PRODUCT, 0);
	v->qty = form_int(f, OLINE_QTY, 0);
	v->disc = form_int(f, OLINE_DISCOUNT, 0);
	v->no = form_int(f, OLINE_NO, 0);
	v->cancelled = form_int(f, OLINE_STATUS, 0) == 1;
	if (v->product > 0) {
		if ((rc = found(c->a->db, W_PRODUCT, DB_ARGS(P_INT(v->product)),
		    &res, &yes)) != 0)
			return rc;
		if (!yes || (dbres_int(res, 0, 3) == 0 && (k < 0 ||
		    dbres_int(c->old_lines, (size_t)k, L_PRODUCT) != v->product)))
			rc = mark(f, OLINE_PRODUCT, NULL);
		else {
			v->price = dbres_money(res, 0, 1);
			std = dbres_money(res, 0, 2);
		}
		dbres_free(res);
		if (rc != 0)
			return rc;
	}
	if (form_present(f, OLINE_QTY) && f->e[OLINE_QTY].err == 0 &&
	    v->qty <= 0 && !from_file(c) &&
	    (rc = mark(f, OLINE_QTY, "ord_err_qty_positive")) != 0)
		return rc;
	if (k >= 0) {
		int64_t back = scaled(c->old_lines, (size_t)k, L_RETURNED,
		    TC_SCALE_QTY);

		/* what came back cannot be undone by shrinking the line */
		if (back > 0 && f->e[OLINE_QTY].err == 0 && (v->qty < back ||
		    dbres_int(c->old_lines, (size_t)k, L_PRODUCT) != v->product) &&
		    (rc = mark(f, OLINE_QTY, "ord_err_below_returned")) != 0)
			return rc;
	}
	if (form_has_errors(f))
		return 0;
	if (form_present(f, OLINE_PRICE))
		v->price = form_int(f, OLINE_PRICE, 0);
	if (form_present(f, OLINE_AMOUNT)) {
		v->amount = form_int(f, OLINE_AMOUNT, 0);
		/* a file gives the net amount: the unit price follows it */
		if (from_file(c) && !form_present(f, OLINE_PRICE))
			v->price = v->qty != 0 ?
			    order_prorate(v->amount, 1000, v->qty) : 0;
	} else if (order_line_amount(v->qty, v->price, v->disc,
	    &v->amount) != 0)
		return mark(f, OLINE_AMOUNT, NULL);
	if (form_present(f, OLINE_COST))
		v->cost = form_int(f, OLINE_COST, 0);
	else if (k >= 0 && dbres_int(c->old_lines, (size_t)k, L_PRODUCT) ==
	    v->product &&
	    scaled(c->old_lines, (size_t)k, L_QTY, TC_SCALE_QTY) == v->qty)
		v->cost = dbres_money(c->old_lines, (size_t)k, L_COST);
	else if (order_line_cost(v->qty, std, &v->cost) != 0)
		return mark(f, OLINE_QTY, NULL);
	if (!v->cancelled)
		c->nbooked++;
	return 0;
}

static int
check_lines(struct order_check *c)
{
	size_t nonblank = 0;
	int rc;

	if (c->in->nlines > 0 &&
	    (c->lines = calloc(c->in->nlines, sizeof(*c->lines))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < c->in->nlines; i++) {
		if ((rc = check_line(c, i)) != 0)
			return rc;
		if (!c->lines[i].blank)
			nonblank++;
	}
	if (nonblank == 0)
		return mark(&c->in->head, ORDER_LINES, "ord_err_no_lines");
	return 0;
}

static void
check_free(struct order_check *c)
{
	dbres_free(c->old);
	dbres_free(c->old_reps);
	dbres_free(c->old_lines);
	free(c->reps);
	free(c->lines);
}

/* --- writing ------------------------------------------------------------- */

/* Gives order id its number: "PREFIX-YYYYMM-NNNNN" from date. */
static int
number_order(struct db *db, int64_t id, const char *prefix, int32_t date,
    char *no, size_t len)
{
	int rc;

	snprintf(no, len, "%s-%06" PRId32 "-%05" PRId64, prefix, date / 100,
	    id);
	rc = db_exec(db, &ow_db, W_SET_NO, DB_ARGS(P_TEXT(no), P_INT(id)), NULL,
	    NULL);
	if (rc == TC_ECONFLICT) {
		/* someone typed that number by hand: make it unique */
		snprintf(no, len, "%s-%06" PRId32 "-%05" PRId64 "-%" PRId64,
		    prefix, date / 100, id, id);
		rc = db_exec(db, &ow_db, W_SET_NO, DB_ARGS(P_TEXT(no),
		    P_INT(id)), NULL, NULL);
	}
	return rc;
}

static int
insert_line(struct db *db, int64_t order, int64_t no, int64_t product,
    int64_t qty, int64_t price, int64_t disc, int64_t amount, int64_t cost,
    int64_t original_line, bool cancelled)
{
	char q[TC_MONEY_SIZE], d[TC_MONEY_SIZE];

	return db_exec(db, &ow_db, W_LINE_INSERT, DB_ARGS(P_INT(order),
	    P_INT(no), P_INT(product), P_TEXT(tc_qty_str(q, qty)), P_MONEY(price),
	    P_TEXT(tc_pct_str(d, disc)), P_MONEY(amount), P_MONEY(cost),
	    original_line > 0 ? P_INT(original_line) : P_NULL,
	    P_TEXT(cancelled ? "cancelled" : "booked")), NULL, NULL);
}

static int
save_reps(const struct order_check *c, int64_t id)
{
	int rc;

	for (size_t i = 0; i < c->in->nreps; i++) {
		char pct[TC_MONEY_SIZE];

		if (c->reps[i].blank)
			continue;
		if ((rc = db_exec(c->a->db, &ow_db, W_REP_INSERT,
		    DB_ARGS(P_INT(id), P_INT(c->reps[i].person),
		    P_TEXT(tc_pct_str(pct, c->reps[i].share))), NULL, NULL)) != 0)
			return rc;
	}
	return 0;
}

/* The audit detail: number, customer, date, lines, amount, split. */
static int
order_audit(const struct order_check *c, const char *action, int64_t id,
    const char *no, int64_t request)
{
	size_t len = 256 + 96 * c->in->nreps, o, nl = 0;
	char idtext[24], m[TC_MONEY_SIZE], date[11], *detail;
	int64_t total = 0;
	int rc;

	if ((detail = malloc(len)) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < c->in->nlines; i++)
		if (!c->lines[i].blank) {
			if (!c->lines[i].cancelled)
				total += c->lines[i].amount;
			nl++;
		}
	tc_date_format(date, c->date);
	o = (size_t)snprintf(detail, len, "%s customer=%" PRId64 " date=%s"
	    " lines=%zu amount=%s reps=", no, c->customer, date, nl,
	    tc_money_str(m, total, false));
	if (request > 0 && o < len)
		o += (size_t)snprintf(detail + o, len - o, "unchanged, change"
		    " asked in credit request %" PRId64, request);
	for (size_t i = 0, k = 0; request == 0 && i < c->in->nreps && o < len;
	    i++) {
		if (c->reps[i].blank)
			continue;
		o += (size_t)snprintf(detail + o, len - o, "%s%s:%s",
		    k++ ? "|" : "", c->reps[i].login,
		    tc_pct_str(m, c->reps[i].share));
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	rc = audit_write_as(c->a->db, &c->a->as, action, "order", idtext,
	    detail);
	free(detail);
	return rc;
}

/* The order's own payment terms (NULL: the customer's). */
static struct db_param
terms_param(const struct form *h)
{
	return form_present(h, ORDER_TERMS) ? P_INT(form_int(h, ORDER_TERMS, 0)) :
	    P_NULL;
}

static int
write_new(struct order_check *c, struct order_saved *saved)
{
	struct db *db = c->a->db;
	const struct form *h = &c->in->head;
	const char *given = form_str(h, ORDER_NO), *note = form_str(h, ORDER_NOTE);
	char date[11];
	uint64_t id = 0;
	int64_t line_no = 0;
	int rc;

	tc_date_format(date, c->date);
	if ((rc = db_exec(db, &ow_db, W_INSERT, DB_ARGS(P_TEXT_OR_NULL(given),
	    P_INT(c->customer), P_TEXT(date), P_INT(c->region),
	    P_INT(c->channel), P_NULL,
	    c->opportunity > 0 ? P_INT(c->opportunity) : P_NULL,
	    P_TEXT(note != NULL ? note : ""), P_INT(c->a->who->id),
	    P_TEXT(c->nbooked == 0 ? "cancelled" : "booked"), terms_param(h)),
	    NULL, &id)) != 0)
		return rc;
	saved->id = (int64_t)id;
	if (given != NULL)
		snprintf(saved->order_no, sizeof(saved->order_no), "%s", given);
	else if ((rc = number_order(db, saved->id, "SO", c->date,
	    saved->order_no, sizeof(saved->order_no))) != 0)
		return rc;
	if ((rc = save_reps(c, saved->id)) != 0)
		return rc;
	for (size_t i = 0; i < c->in->nlines; i++) {
		const struct line_val *l = &c->lines[i];

		if (l->blank)
			continue;
		line_no = l->no > 0 ? l->no : line_no + 1;
		if ((rc = insert_line(db, saved->id, line_no, l->product, l->qty,
		    l->price, l->disc, l->amount, l->cost, 0,
		    l->cancelled)) != 0)
			return rc;
	}
	if (c->opportunity > 0 && (rc = db_exec(db, &ow_db, W_OPP_LINK,
	    DB_ARGS(P_INT(saved->id), P_INT(c->opportunity)), NULL,
	    NULL)) != 0)
		return rc;
	return order_audit(c, "order_create", saved->id, saved->order_no, 0);
}

/* Whether the split typed differs from the stored order's. */
static bool
split_changed(const struct order_check *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->in->nreps; i++) {
		const struct rep_val *v = &c->reps[i];
		bool same = false;

		if (v->blank)
			continue;
		n++;
		for (size_t k = 0; !same && k < dbres_rows(c->old_reps); k++) {
			int64_t sh = -1;

			dbres_dec(c->old_reps, k, 1, TC_SCALE_PCT, &sh);
			same = dbres_int(c->old_reps, k, 0) == v->person &&
			    sh == v->share;
		}
		if (!same)
			return true;
	}
	return n != dbres_rows(c->old_reps);
}

/* Asks for the split typed as a credit request of order id. */
static int
request_credit(const struct order_check *c, int64_t id,
    struct order_saved *saved)
{
	struct credit_rep *p;
	size_t n = 0;
	int rc;

	if ((p = calloc(c->in->nreps + 1, sizeof(*p))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < c->in->nreps; i++)
		if (!c->reps[i].blank) {
			p[n].person = c->reps[i].person;
			p[n++].share = c->reps[i].share;
		}
	rc = credit_request(c->a, id, saved->order_no, "credit", p, n,
	    &saved->request);
	free(p);
	return rc;
}

static int
write_edit(struct order_check *c, int64_t id, struct order_saved *saved)
{
	struct db *db = c->a->db;
	const struct form *h = &c->in->head;
	const char *note = form_str(h, ORDER_NOTE);
	int64_t next_no = 0;
	char date[11];
	int rc;

	saved->id = id;
	snprintf(saved->order_no, sizeof(saved->order_no), "%s",
	    form_str(h, ORDER_NO) != NULL ? form_str(h, ORDER_NO) :
	    dbres_text(c->old, 0, O_NO));
	for (size_t k = 0; k < dbres_rows(c->old_lines); k++)
		if (dbres_int(c->old_lines, k, L_NO) > next_no)
			next_no = dbres_int(c->old_lines, k, L_NO);
	tc_date_format(date, c->date);
	if ((rc = db_exec(db, &ow_db, W_ORDER_UPDATE,
	    DB_ARGS(P_TEXT(saved->order_no), P_INT(c->customer), P_TEXT(date),
	    P_INT(c->region), P_INT(c->channel),
	    P_TEXT(note != NULL ? note : ""), terms_param(h), P_INT(id)), NULL,
	    NULL)) != 0)
		return rc;
	if (c->credit_change)
		rc = request_credit(c, id, saved);
	else if ((rc = db_exec(db, &ow_db, W_REPS_DELETE, DB_ARGS(P_INT(id)),
	    NULL, NULL)) == 0)
		rc = save_reps(c, id);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < c->in->nlines; i++) {
		const struct line_val *l = &c->lines[i];
		char q[TC_MONEY_SIZE], d[TC_MONEY_SIZE];

		if (l->id > 0 && l->blank)
			rc = db_exec(db, &ow_db, W_LINE_DELETE,
			    DB_ARGS(P_INT(l->id), P_INT(id)), NULL, NULL);
		else if (l->id > 0)
			rc = db_exec(db, &ow_db, W_LINE_UPDATE,
			    DB_ARGS(P_INT(l->product), P_TEXT(tc_qty_str(q, l->qty)),
			    P_MONEY(l->price), P_TEXT(tc_pct_str(d, l->disc)),
			    P_MONEY(l->amount), P_MONEY(l->cost), P_INT(l->id),
			    P_INT(id)), NULL, NULL);
		else if (!l->blank)
			rc = insert_line(db, id, ++next_no, l->product, l->qty,
			    l->price, l->disc, l->amount, l->cost, 0, false);
		if (rc != 0)
			return rc;
	}
	return order_audit(c, "order_edit", id, saved->order_no,
	    saved->request);
}

/* Loads order id in scope w, locked, and says whether it may undergo
 * change: saved->refused gets the reason when not (rc TC_ECONFLICT).
 * The period of a closed order is frozen, except that it may be
 * returned: the return is the correction, dated in an open period. */
static int
load_changeable(const struct sales_actor *a, int64_t id,
    const struct scope *w, struct dbres **o, struct order_saved *saved,
    enum order_change change)
{
	int32_t date = 0;
	bool closed = false, booked;
	int rc;

	if ((rc = db_query(a->db, &ow_db, W_ORDER, DB_ARGS(P_INT(id),
	    SCOPE_ARGS(w)), o)) != 0)
		return rc;
	if (dbres_rows(*o) == 0)
		return TC_ENOTFOUND;
	dbres_date(*o, 0, O_DATE, &date);
	if (change != ORDER_CHANGE_RETURN &&
	    (rc = date_closed(a->db, date, &closed)) != 0)
		return rc;
	booked = strcmp(dbres_text(*o, 0, O_STATUS), "booked") == 0;
	if (closed) {
		saved->refused = "ord_err_period_closed";
		saved->closed_date = date;
	} else if (!booked && change != ORDER_CHANGE_COSTS)
		saved->refused = "ord_err_cancelled";
	else if (change == ORDER_CHANGE_EDIT && !dbres_null(*o, 0, O_ORIGINAL))
		saved->refused = "ord_err_return_edit";
	else if (change == ORDER_CHANGE_RETURN && !dbres_null(*o, 0, O_ORIGINAL))
		saved->refused = "ord_err_return_of_return";
	if (saved->refused != NULL) {
		saved->id = id;
		return TC_ECONFLICT;
	}
	return 0;
}

int
sales_order_may(const struct sales_actor *a, int64_t id,
    enum order_change change, struct order_saved *saved)
{
	struct scope w = scope_person(a->who, change == ORDER_CHANGE_COSTS ?
	    &sales_scope_costs : &sales_scope_write);
	struct dbres *o = NULL;
	int rc;

	memset(saved, 0, sizeof(*saved));
	if (!actor_has(a, change == ORDER_CHANGE_COSTS ? ROLE_FINANCE :
	    SALES_ROLES))
		return TC_EDENIED;
	rc = load_changeable(a, id, &w, &o, saved, change);
	dbres_free(o);
	return rc;
}

int
sales_order_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, const struct order_options *opts,
    struct order_input *input, struct order_saved *saved)
{
	struct order_check c;
	bool own = false;
	int rc;

	memset(&c, 0, sizeof(c));
	memset(saved, 0, sizeof(*saved));
	c.a = a;
	c.o = opts;
	c.in = input;
	c.w = scope_person(a->who, &sales_scope_write);
	if ((rc = order_input_read(in, opts, input)) != 0)
		return rc;
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if (id > 0) {
		if ((rc = load_changeable(a, id, &c.w, &c.old, saved,
		    ORDER_CHANGE_EDIT)) != 0)
			goto out;
		/* an order's opportunity is set when it is booked */
		form_ignore(&input->head, ORDER_OPPORTUNITY);
		if ((rc = db_query(a->db, &ow_db, W_REPS_OF, DB_ARGS(P_INT(id)),
		    &c.old_reps)) != 0 ||
		    (rc = db_query(a->db, &ow_db, W_LINES_OF, DB_ARGS(P_INT(id)),
		    &c.old_lines)) != 0)
			goto out;
	}
	if ((rc = check_header(&c, id > 0)) != 0 ||
	    (rc = check_reps(&c)) != 0 || (rc = check_lines(&c)) != 0)
		goto out;
	if (!order_input_has_errors(input) && id > 0 && split_changed(&c)) {
		int64_t pending;

		/* under the order's lock: one request at a time */
		if ((rc = credit_pending(a->db, id, &pending)) != 0)
			goto out;
		if (pending > 0 && (rc = mark(&input->head, ORDER_SPLIT,
		    "ord_err_credit_pending")) != 0)
			goto out;
		c.credit_change = true;
	}
	if (order_input_has_errors(input)) {
		rc = TC_EINVAL;
		goto out;
	}
	rc = id > 0 ? write_edit(&c, id, saved) : write_new(&c, saved);
	if (rc == TC_ECONFLICT) {
		/* the number was taken meanwhile */
		rc = mark(&input->head, ORDER_NO, "ord_err_order_no_taken");
		if (rc == 0)
			rc = TC_EINVAL;
	}
out:
	rc = db_tx_end(a->db, own, rc);
	check_free(&c);
	return rc;
}

int
order_cancel_write(const struct sales_actor *a, int64_t id,
    const char *order_no)
{
	char idtext[24];
	int rc;

	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	if ((rc = db_exec(a->db, &ow_db, W_CANCEL, DB_ARGS(P_INT(id)), NULL,
	    NULL)) == 0 &&
	    (rc = db_exec(a->db, &ow_db, W_CANCEL_LINES, DB_ARGS(P_INT(id)),
	    NULL, NULL)) == 0)
		rc = audit_write_as(a->db, &a->as, "order_cancel", "order",
		    idtext, order_no);
	return rc;
}

/* Whether cancelling order id needs a second person: it credits someone
 * besides a, or has payments. */
static int
cancel_needs_approval(const struct sales_actor *a, int64_t id, bool *ask)
{
	struct dbres *res = NULL;
	int rc;

	*ask = false;
	if ((rc = db_query(a->db, &ow_db, W_REPS_OF, DB_ARGS(P_INT(id)),
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		if (dbres_int(res, i, 0) != a->who->id)
			*ask = true;
	dbres_free(res);
	if (*ask)
		return 0;
	if ((rc = db_query(a->db, &ow_db, W_PAYMENTS_OF, DB_ARGS(P_INT(id)),
	    &res)) != 0)
		return rc;
	*ask = dbres_int(res, 0, 0) > 0;
	dbres_free(res);
	return 0;
}

int
sales_order_cancel(const struct sales_actor *a, int64_t id,
    struct order_saved *saved)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	struct dbres *o = NULL;
	int64_t pending = 0;
	bool own = false, ask = false;
	int rc;

	memset(saved, 0, sizeof(*saved));
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = load_changeable(a, id, &w, &o, saved, ORDER_CHANGE_CANCEL)) != 0)
		goto out;
	saved->id = id;
	snprintf(saved->order_no, sizeof(saved->order_no), "%s",
	    dbres_text(o, 0, O_NO));
	if ((rc = cancel_needs_approval(a, id, &ask)) != 0)
		goto out;
	if (!ask)
		rc = order_cancel_write(a, id, saved->order_no);
	else if ((rc = credit_pending(a->db, id, &pending)) == 0) {
		if (pending > 0) {
			saved->refused = "ord_err_credit_pending";
			rc = TC_ECONFLICT;
		} else
			rc = credit_request(a, id, saved->order_no, "cancel", NULL,
			    0, &saved->request);
	}
out:
	dbres_free(o);
	return db_tx_end(a->db, own, rc);
}

/* --- returns ------------------------------------------------------------- */

const struct field order_return_fields[ORET__MAX] = {
	[ORET_DATE] = { "return_date", form_date, 1, 0, 0, "ord_err_date",
	    NULL },
	[ORET_NOTE] = { "note", form_text, 0, 0, 255, "ord_err_note", NULL },
	[ORET_LINES] = { "return_lines", form_text, 0, 0, 0,
	    "ord_err_return_nothing", NULL },
};

const struct field order_return_line_fields[ORETL__MAX] = {
	[ORETL_QTY] = { "rq", order_valid_qty, 0, 0, 0, "ord_err_qty", NULL },
};

void
order_return_free(struct order_return *rt)
{
	if (rt == NULL)
		return;
	form_free(&rt->head);
	for (size_t i = 0; i < rt->nlines; i++)
		form_free(&rt->lines[i]);
	free(rt->lines);
	dbres_free(rt->order);
	dbres_free(rt->stored);
	memset(rt, 0, sizeof(*rt));
}

int
sales_order_return_load(const struct sales_actor *a, int64_t id,
    struct order_return *rt, struct order_saved *saved)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	int rc;

	memset(saved, 0, sizeof(*saved));
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = load_changeable(a, id, &w, &rt->order, saved,
	    ORDER_CHANGE_RETURN)) != 0)
		return rc;
	return db_query(a->db, &ow_db, W_LINES_OF, DB_ARGS(P_INT(id)),
	    &rt->stored);
}

int
sales_order_return(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct order_return *rt,
    struct order_saved *saved)
{
	struct db *db = a->db;
	struct dbres *cnt = NULL;
	int64_t *rq = NULL, line_no = 0;
	char date[11], idtext[24], detail[512];
	const char *note;
	int32_t d;
	size_t n, nret = 0;
	uint64_t newid = 0;
	bool own = false, closed;
	int rc;

	memset(rt, 0, sizeof(*rt));
	if ((rc = form_validate(&rt->head, order_return_fields, ORET__MAX,
	    in)) == TC_ENOMEM)
		return rc;
	/* one transaction: the original stays locked (FOR UPDATE) from
	 * reading what was returned until the return is written, so two
	 * returns cannot both take the same goods back */
	if ((rc = db_tx_begin(db, &own)) != 0)
		return rc;
	if ((rc = sales_order_return_load(a, id, rt, saved)) != 0)
		goto out;
	n = dbres_rows(rt->stored);
	if ((rt->lines = calloc(n + 1, sizeof(*rt->lines))) == NULL ||
	    (rq = calloc(n + 1, sizeof(*rq))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	d = (int32_t)form_int(&rt->head, ORET_DATE, 0);
	if (d > 0) {
		int32_t ordered = 0;

		dbres_date(rt->order, 0, O_DATE, &ordered);
		if (d < ordered)
			rc = mark(&rt->head, ORET_DATE, "ord_err_return_date");
		else if ((rc = date_closed(db, d, &closed)) == 0 && closed)
			rc = mark(&rt->head, ORET_DATE, "ord_err_date_closed");
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct form *f = &rt->lines[rt->nlines++];
		int64_t qty = scaled(rt->stored, i, L_QTY, TC_SCALE_QTY);
		int64_t back = scaled(rt->stored, i, L_RETURNED, TC_SCALE_QTY);

		if ((rc = form_validate_row(f, order_return_line_fields,
		    ORETL__MAX, in, (size_t)dbres_int(rt->stored, i, L_NO))) ==
		    TC_ENOMEM)
			goto out;
		rc = 0;
		if (strcmp(dbres_text(rt->stored, i, L_STATUS), "booked") != 0) {
			form_ignore(f, ORETL_QTY);
			continue;
		}
		rq[i] = form_int(f, ORETL_QTY, 0);
		if (form_has_errors(f) || !form_present(f, ORETL_QTY))
			continue;
		if (rq[i] < 0)
			rc = mark(f, ORETL_QTY, NULL);
		else if (rq[i] > qty - back)
			rc = mark(f, ORETL_QTY, "ord_err_return_too_much");
		else if (rq[i] > 0)
			nret++;
		if (rc != 0)
			goto out;
	}
	for (size_t i = 0; i < rt->nlines; i++)
		if (form_has_errors(&rt->lines[i]))
			rc = TC_EINVAL;
	/* nothing to return, unless a quantity typed was refused */
	if (rc == 0 && nret == 0 &&
	    (rc = mark(&rt->head, ORET_LINES, NULL)) != 0)
		goto out;
	if (form_has_errors(&rt->head))
		rc = TC_EINVAL;
	if (rc != 0)
		goto out;
	note = form_str(&rt->head, ORET_NOTE);
	tc_date_format(date, d);
	if ((rc = db_query(db, &ow_db, W_RETURN_COUNT, DB_ARGS(P_INT(id)),
	    &cnt)) != 0 ||
	    (rc = db_exec(db, &ow_db, W_INSERT, DB_ARGS(P_NULL,
	    P_INT(dbres_int(rt->order, 0, O_CUSTOMER)), P_TEXT(date),
	    P_INT(dbres_int(rt->order, 0, O_REGION)),
	    P_INT(dbres_int(rt->order, 0, O_CHANNEL)), P_INT(id), P_NULL,
	    P_TEXT(note != NULL ? note : ""), P_INT(a->who->id),
	    P_TEXT("booked"), P_NULL), NULL, &newid)) != 0)
		goto out;
	saved->id = (int64_t)newid;
	if (strlen(dbres_text(rt->order, 0, O_NO)) + 6 <= 40) {
		snprintf(saved->order_no, sizeof(saved->order_no), "%s-R%" PRId64,
		    dbres_text(rt->order, 0, O_NO), dbres_int(cnt, 0, 0) + 1);
		rc = db_exec(db, &ow_db, W_SET_NO,
		    DB_ARGS(P_TEXT(saved->order_no), P_INT(saved->id)), NULL,
		    NULL);
		if (rc == TC_ECONFLICT)
			rc = number_order(db, saved->id, "RT", d,
			    saved->order_no, sizeof(saved->order_no));
	} else
		rc = number_order(db, saved->id, "RT", d, saved->order_no,
		    sizeof(saved->order_no));
	if (rc != 0 || (rc = db_exec(db, &ow_db, W_REPS_COPY,
	    DB_ARGS(P_INT(saved->id), P_INT(id)), NULL, NULL)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int64_t qty = scaled(rt->stored, i, L_QTY, TC_SCALE_QTY);

		if (rq[i] <= 0)
			continue;
		if ((rc = insert_line(db, saved->id, ++line_no,
		    dbres_int(rt->stored, i, L_PRODUCT), -rq[i],
		    dbres_money(rt->stored, i, L_PRICE),
		    scaled(rt->stored, i, L_DISCOUNT, TC_SCALE_PCT),
		    -order_prorate(dbres_money(rt->stored, i, L_AMOUNT), rq[i],
		    qty), -order_prorate(dbres_money(rt->stored, i, L_COST),
		    rq[i], qty), dbres_int(rt->stored, i, L_ID), false)) != 0)
			goto out;
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, saved->id);
	snprintf(detail, sizeof(detail), "%s return of order %" PRId64
	    " (%s) dated %s, %" PRId64 " lines", saved->order_no, id,
	    dbres_text(rt->order, 0, O_NO), date, line_no);
	rc = audit_write_as(db, &a->as, "order_return", "order", idtext,
	    detail);
out:
	dbres_free(cnt);
	free(rq);
	return db_tx_end(db, own, rc);
}

/* --- costs (finance) ----------------------------------------------------- */

const struct field order_cost_fields[OCOST__MAX] = {
	[OCOST_COST] = { "cost", form_money, 1, -ORDER_MAX_AMOUNT,
	    ORDER_MAX_AMOUNT, "ord_err_cost", NULL },
};

int
sales_order_costs_load(const struct sales_actor *a, int64_t id,
    struct order_costs *oc, struct order_saved *saved)
{
	struct scope all = scope_person(a->who, &sales_scope_costs);
	int rc;

	memset(saved, 0, sizeof(*saved));
	if (!actor_has(a, ROLE_FINANCE))
		return TC_EDENIED;
	if ((rc = load_changeable(a, id, &all, &oc->order, saved,
	    ORDER_CHANGE_COSTS)) != 0)
		return rc;
	return db_query(a->db, &ow_db, W_LINES_OF, DB_ARGS(P_INT(id)),
	    &oc->stored);
}

void
order_costs_free(struct order_costs *oc)
{
	if (oc == NULL)
		return;
	for (size_t i = 0; i < oc->nlines; i++)
		form_free(&oc->lines[i]);
	free(oc->lines);
	dbres_free(oc->order);
	dbres_free(oc->stored);
	memset(oc, 0, sizeof(*oc));
}

int
sales_order_costs(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct order_costs *oc,
    struct order_saved *saved)
{
	char idtext[24], *detail = NULL;
	size_t n, len, o, changed = 0;
	bool own = false, bad = false;
	int rc;

	memset(oc, 0, sizeof(*oc));
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = sales_order_costs_load(a, id, oc, saved)) != 0)
		goto out;
	n = dbres_rows(oc->stored);
	len = 64 + 96 * n;
	if ((oc->lines = calloc(n + 1, sizeof(*oc->lines))) == NULL ||
	    (detail = malloc(len)) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct form *f = &oc->lines[oc->nlines++];

		if ((rc = form_validate_row(f, order_cost_fields, OCOST__MAX, in,
		    (size_t)dbres_int(oc->stored, i, L_NO))) == TC_ENOMEM)
			goto out;
		rc = 0;
		if (form_has_errors(f))
			bad = true;
	}
	if (bad) {
		rc = TC_EINVAL;
		goto out;
	}
	o = (size_t)snprintf(detail, len, "%s costs:",
	    dbres_text(oc->order, 0, O_NO));
	for (size_t i = 0; i < n; i++) {
		int64_t was = dbres_money(oc->stored, i, L_COST);
		int64_t cost = form_int(&oc->lines[i], OCOST_COST, 0);
		char x[TC_MONEY_SIZE], y[TC_MONEY_SIZE];

		if (cost == was)
			continue;
		if ((rc = db_exec(a->db, &ow_db, W_COST_UPDATE,
		    DB_ARGS(P_MONEY(cost), P_INT(dbres_int(oc->stored, i, L_ID)),
		    P_INT(id)), NULL, NULL)) != 0)
			goto out;
		if (o < len)
			o += (size_t)snprintf(detail + o, len - o,
			    " line %s %s -> %s;", dbres_text(oc->stored, i, L_NO),
			    tc_money_str(x, was, false), tc_money_str(y, cost, false));
		changed++;
	}
	snprintf(idtext, sizeof(idtext), "%" PRId64, id);
	if (changed > 0)
		rc = audit_write_as(a->db, &a->as, "order_costs", "order", idtext,
		    detail);
out:
	free(detail);
	return db_tx_end(a->db, own, rc);
}
