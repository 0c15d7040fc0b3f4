/* orders-form.c: the pages that book and change an order (header,
 * credited reps with split shares, lines), return part of it, and edit
 * its costs (finance).  What may be written, and every check, is in
 * orders-write.c (write.h); these handlers read the request, call it, and
 * show the form again with what it refused (core/formview).
 *
 * The forms work without JavaScript: the order form shows a number of
 * empty line rows (hidden field "lines") and rep rows ("rep_rows"); the
 * "more" submit button shows it again with more rows, keeping the input.
 * Lines are fields product_N, qty_N, price_N, discount_N, amount_N (and
 * lid_N, the line's id, on edit); reps are repeated rep / share pairs. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/money.h"
#include "core/formview.h"
#include "core/period.h"
#include "sales/order-math.h"
#include "sales/orders.h"
#include "sales/sales.h"
#include "sales/write.h"

#define MAX_LINES 100           /* line rows the form shows at most */
#define NEW_LINES 5
#define OPP_LINES_SQL "100"     /* MAX_LINES */

enum stmt {
	F_ORDER,
	F_REPS_OF,
	F_LINES_OF,
	F_OPP,
	F_CREDIT_PENDING,
	F_CUSTOMER,
	F_OPP_LINES,
	F__MAX
};

static const char *const stmts[F__MAX] = {
	/* id, write scope */
	[F_ORDER] =
	    "SELECT o.id, o.order_no, o.customer_id, o.order_date, o.region_id,"
	    " o.channel_id, o.note, o.payment_terms_days FROM orders o"
	    " WHERE o.id = ? AND " SCOPE_ORDER_SQL("o.id"),
	[F_REPS_OF] =
	    "SELECT person_id, share FROM order_reps WHERE order_id = ?"
	    " ORDER BY share DESC, person_id",
	[F_LINES_OF] =
	    "SELECT l.id, l.line_no, l.product_id, l.quantity, l.unit_price,"
	    " l.discount, l.amount, l.cost, l.status, pr.code, pr.name_zh,"
	    " pr.name_en, pr.standard_cost, COALESCE((SELECT -SUM(rl.quantity)"
	    " FROM order_lines rl JOIN orders ro ON ro.id = rl.order_id"
	    " WHERE rl.original_line_id = l.id AND rl.status = 'booked'"
	    " AND ro.status = 'booked'), 0)"
	    " FROM order_lines l JOIN products pr ON pr.id = l.product_id"
	    " WHERE l.order_id = ? ORDER BY l.line_no",
	/* id, write scope */
	[F_OPP] =
	    "SELECT o.id, o.customer_id, o.owner_id, o.amount, o.title,"
	    " o.order_id FROM opportunities o WHERE o.id = ? AND "
	    SCOPE_SQL("o.owner_id"),
	/* id, write scope: a new order for this customer */
	[F_CUSTOMER] =
	    "SELECT c.id, c.region_id, c.channel_id FROM customers c"
	    " WHERE c.id = ? AND c.status <> 'inactive' AND "
	    SCOPE_SQL("c.owner_id"),
	/* opportunity id (its scope checked by F_OPP): its product lines */
	[F_OPP_LINES] =
	    "SELECT product_id, quantity, amount FROM opportunity_lines"
	    " WHERE opportunity_id = ? ORDER BY line_no LIMIT " OPP_LINES_SQL,
	/* order id: whether a credit request of it waits */
	[F_CREDIT_PENDING] =
	    "SELECT COUNT(*) FROM order_credit_requests"
	    " WHERE order_id = ? AND state = 'pending'",
};

static struct db_table form_db = DB_TABLE("orders-form", stmts);

/* Columns of F_LINES_OF (as orders-write.c's). */
enum { L_ID, L_NO, L_PRODUCT, L_QTY, L_PRICE, L_DISCOUNT, L_AMOUNT, L_COST,
    L_STATUS, L_CODE, L_NAME_ZH, L_NAME_EN, L_STD_COST, L_RETURNED };

/* How the error summary names the fields. */
static const char *const head_labels[ORDER__MAX] = {
	[ORDER_NO] = "sales_order_no", [ORDER_CUSTOMER] = "sales_customer",
	[ORDER_DATE] = "sales_date", [ORDER_REGION] = "sales_region",
	[ORDER_CHANNEL] = "sales_channel", [ORDER_NOTE] = "sales_notes",
	[ORDER_OPPORTUNITY] = "sales_opportunity",
	[ORDER_SPLIT] = "ord_credited_reps", [ORDER_LINES] = "ord_lines",
	[ORDER_TERMS] = "ord_terms",
};
static const char *const rep_labels[OREP__MAX] = {
	[OREP_PERSON] = "sales_rep", [OREP_SHARE] = "ord_share",
};
static const char *const line_labels[OLINE__MAX] = {
	[OLINE_PRODUCT] = "sales_product", [OLINE_QTY] = "sales_quantity",
	[OLINE_PRICE] = "sales_unit_price", [OLINE_DISCOUNT] = "sales_discount",
	[OLINE_AMOUNT] = "sales_amount", [OLINE_COST] = "sales_cost",
};

static int64_t
id_of(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? v : 0;
}

/* A number of rows asked for by hidden field name, within [def, max]. */
static size_t
rows_asked(const struct req *r, const char *name, size_t def, size_t max)
{
	int64_t n = id_of(req_get(&r->form, name));

	if (n < (int64_t)def)
		return def;
	return n > (int64_t)max ? max : (size_t)n;
}

static void
today(char buf[16])
{
	tc_today_str(buf);
}

/* The label of the period of date ("2026-05"), by the company's kind. */
static void
period_label(const struct req *r, int32_t date, char *buf, size_t len)
{
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	struct period_span sp;

	tc_period_kind_parse(r->app->conf->period, &kind);
	period_of_date(kind, date, &sp);
	snprintf(buf, len, "%s", sp.label);
}

/* Refuses a change to an order that may not change (saved->refused):
 * back to the detail page with the reason and what to do instead. */
static int
refuse(struct req *r, const struct order_saved *saved)
{
	struct tdict *d = page_body(r);
	char loc[96], label[TC_PERIOD_SIZE];

	snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64, saved->id);
	tdict_set(d, "back", loc);
	tdict_set(d, "message", tr(r, saved->refused));
	if (saved->closed_date > 0) {
		period_label(r, saved->closed_date, label, sizeof(label));
		tdict_set(tdict_add_section(d, "CLOSED"), "period", label);
	}
	sales_tabs(r, "orders");
	return page_send(r, 409, "sales/orders-refused.tpl",
	    "ord_refused_title", "sales");
}

/* Shows form f of one part of the order in d: with its errors after a
 * submission, else its values. */
static int
show(struct form_errors *fe, struct tdict *d, const struct form *f,
    const char *const *labels, const char *row_key, bool errors)
{
	if (!errors) {
		form_show_values(d, f);
		return 0;
	}
	return form_show(fe, d, f, labels, row_key);
}

/* Renders the order form (new when id is 0, else edit) with in.  errors:
 * show what in refused (after a submission). */
static int
form_page(struct req *r, int status, int64_t id, const struct order_input *in,
    bool errors, size_t rep_rows, size_t line_rows)
{
	struct scope w = scope_of(r, &sales_scope_write);
	struct tdict *d = page_body(r);
	struct form_errors fe;
	size_t rows;
	int rc;

	sales_tabs(r, "orders");
	form_errors_init(&fe, d, r->cat);
	if (id > 0) {
		char action[64];

		snprintf(action, sizeof(action), "/sales/orders/%" PRId64
		    "/edit", id);
		tdict_set(d, "action", action);
		struct dbres *res;

		tdict_set_int(d, "id", id);
		tdict_show_section(d, "EDIT");
		/* Said before anyone types: a credit change waits, so the
		 * reps and shares shown stand and cannot change again. */
		if ((rc = db_query(r->app->db, &form_db, F_CREDIT_PENDING,
		    DB_ARGS(P_INT(id)), &res)) != 0)
			return rc;
		if (dbres_int(res, 0, 0) > 0)
			tdict_show_section(d, "CREDIT_PENDING");
		dbres_free(res);
	} else {
		tdict_set(d, "action", "/sales/orders/new");
		tdict_show_section(d, "NEW");
	}
	if ((rc = show(&fe, d, &in->head, head_labels, NULL, errors)) != 0)
		return rc;
	if ((rc = orders_options(r, d, "CUSTOMER_OPT", "customer",
	    form_int(&in->head, ORDER_CUSTOMER, 0), &w)) != 0 ||
	    (rc = orders_options(r, d, "REGION_OPT", "region",
	    id_of(form_raw(&in->head, ORDER_REGION)), NULL)) != 0 ||
	    (rc = orders_options(r, d, "CHANNEL_OPT", "channel",
	    id_of(form_raw(&in->head, ORDER_CHANNEL)), NULL)) != 0)
		return rc;

	/* credited reps: every row typed, then the empty ones asked for */
	rows = rep_rows > in->nreps ? rep_rows : in->nreps;
	if (rows > ORDER_MAX_REPS)
		rows = ORDER_MAX_REPS > in->nreps ? ORDER_MAX_REPS : in->nreps;
	tdict_set_int(d, "rep_rows", (long long)rows);
	for (size_t i = 0; i < rows; i++) {
		struct tdict *p = tdict_add_section(d, "REPROW");
		int64_t v = 0;

		tdict_set_int(p, "n", (long long)(i + 1));
		if (i < in->nreps) {
			if ((rc = show(&fe, p, &in->reps[i], rep_labels,
			    "ord_rep_n", errors)) != 0)
				return rc;
			v = id_of(form_raw(&in->reps[i], OREP_PERSON));
		}
		if ((rc = orders_options(r, p, "REP_OPT", "rep", v, NULL)) != 0)
			return rc;
	}

	/* lines */
	rows = line_rows > in->nlines ? line_rows : in->nlines;
	tdict_set_int(d, "lines", (long long)rows);
	for (size_t i = 0; i < rows; i++) {
		struct tdict *t = tdict_add_section(d, "LINE");
		int64_t v = 0;

		tdict_set_int(t, "n", (long long)(i + 1));
		if (i < in->nlines) {
			if ((rc = show(&fe, t, &in->lines[i], line_labels,
			    "ord_line_n", errors)) != 0)
				return rc;
			v = id_of(form_raw(&in->lines[i], OLINE_PRODUCT));
		}
		if ((rc = orders_options(r, t, "PRODUCT_OPT", "product", v,
		    NULL)) != 0)
			return rc;
	}
	return page_send(r, status, "sales/orders-form.tpl",
	    id > 0 ? "ord_edit_title" : "ord_new_title", "sales");
}

/* Shows the form from fields made by the page (defaults, or the stored
 * order), read through the same tables. */
static int
form_page_of(struct req *r, int64_t id, const struct req_fields *f,
    size_t rep_rows, size_t line_rows)
{
	struct order_input in;
	int rc;

	if ((rc = order_input_read(f, NULL, &in)) == 0)
		rc = form_page(r, 200, id, &in, false, rep_rows, line_rows);
	order_input_free(&in);
	return rc;
}

/* Adds name_N = value to f. */
static int
add_row(struct req_fields *f, const char *name, size_t n, const char *value)
{
	char key[48];

	snprintf(key, sizeof(key), "%s_%zu", name, n);
	return req_fields_add(f, key, value);
}

/* Adds the product lines of opportunity id to f as the order form's
 * line rows (product_N, qty_N, amount_N; the unit price left to the
 * product's list price, the amount the opportunity's); *n gets their
 * number.  Returns 0 or a tc_err. */
static int
opp_lines_fields(struct req *r, struct req_fields *f, int64_t id, size_t *n)
{
	struct dbres *res;
	char q[TC_MONEY_SIZE];
	int64_t v;
	int rc = 0;

	*n = 0;
	if ((rc = db_query(r->app->db, &form_db, F_OPP_LINES,
	    DB_ARGS(P_INT(id)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res) && rc == 0; i++) {
		if ((rc = add_row(f, "product", i + 1, dbres_text(res, i, 0))) !=
		    0)
			break;
		if (dbres_dec(res, i, 1, TC_SCALE_QTY, &v) == 0 &&
		    (rc = add_row(f, "qty", i + 1, tc_qty_str(q, v))) != 0)
			break;
		rc = add_row(f, "amount", i + 1, tc_money_str(q,
		    dbres_money(res, i, 2), false));
		*n = i + 1;
	}
	dbres_free(res);
	return rc;
}

int
orders_new_get(struct req *r)
{
	struct scope w = scope_of(r, &sales_scope_write);
	const char *opp = req_get(&r->q, "opportunity");
	const char *cust = req_get(&r->q, "customer");
	struct req_fields f;
	struct dbres *res = NULL;
	size_t nlines = 0;
	char d[16], me[24];
	int rc;

	req_fields_init(&f);
	today(d);
	snprintf(me, sizeof(me), "%" PRId64, r->me.id);
	if ((rc = req_fields_add(&f, "order_date", d)) != 0)
		goto out;
	if (opp != NULL) {
		char m[TC_MONEY_SIZE], note[600];

		if ((rc = db_query(r->app->db, &form_db, F_OPP,
		    DB_ARGS(P_INT(id_of(opp)), SCOPE_ARGS(&w)), &res)) != 0)
			goto out;
		if (dbres_rows(res) == 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		snprintf(note, sizeof(note), "%s: %s (%s %s)",
		    tr(r, "sales_opportunity"), dbres_text(res, 0, 4),
		    tr(r, "sales_amount"),
		    tc_money_str(m, dbres_money(res, 0, 3), true));
		if ((rc = req_fields_add(&f, "opportunity",
		    dbres_text(res, 0, 0))) != 0 ||
		    (rc = req_fields_add(&f, "customer",
		    dbres_text(res, 0, 1))) != 0 ||
		    (rc = req_fields_add(&f, "note", note)) != 0)
			goto out;
		snprintf(me, sizeof(me), "%s", dbres_text(res, 0, 2));
		if (!dbres_null(res, 0, 5))
			page_flash(r, "warn", tr(r, "ord_opp_has_order"));
		if ((rc = opp_lines_fields(r, &f, id_of(opp), &nlines)) != 0)
			goto out;
	}
	/* A new order for a customer (its page's button): its region and
	 * default channel filled in; 404 outside the write scope. */
	if (opp == NULL && cust != NULL) {
		if ((rc = db_query(r->app->db, &form_db, F_CUSTOMER,
		    DB_ARGS(P_INT(id_of(cust)), SCOPE_ARGS(&w)), &res)) != 0)
			goto out;
		if (dbres_rows(res) == 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		if ((rc = req_fields_add(&f, "customer",
		    dbres_text(res, 0, 0))) != 0 ||
		    (rc = req_fields_add(&f, "region",
		    dbres_text(res, 0, 1))) != 0 ||
		    (rc = req_fields_add(&f, "channel",
		    dbres_text(res, 0, 2))) != 0)
			goto out;
	}
	/* the rep booking is credited 100 % unless they say otherwise */
	if ((rc = req_fields_add(&f, "rep", me)) != 0 ||
	    (rc = req_fields_add(&f, "share", "100")) != 0)
		goto out;
	rc = form_page_of(r, 0, &f, 2, nlines > NEW_LINES ? nlines : NEW_LINES);
out:
	dbres_free(res);
	req_fields_free(&f);
	return rc;
}

/* Shows the form again with more rows when "more" was pressed: nothing
 * is saved.  Returns 1 when it did (rc set), 0 otherwise. */
static int
more_rows(struct req *r, int64_t id, int *rc)
{
	const char *more = req_get(&r->form, "more");
	size_t reps = rows_asked(r, "rep_rows", 1, ORDER_MAX_REPS);
	size_t lines = rows_asked(r, "lines", 1, MAX_LINES);
	struct order_input in;

	if (more == NULL)
		return 0;
	if (strcmp(more, "reps") == 0)
		reps = reps + 1 > ORDER_MAX_REPS ? ORDER_MAX_REPS : reps + 1;
	else
		lines = lines + NEW_LINES > MAX_LINES ? MAX_LINES :
		    lines + NEW_LINES;
	if ((*rc = order_input_read(&r->form, NULL, &in)) == 0)
		*rc = form_page(r, 200, id, &in, false, reps, lines);
	order_input_free(&in);
	return 1;
}

/* Saves the posted order (id 0: a new one) and answers. */
static int
order_post(struct req *r, int64_t id)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	struct order_input in;
	char loc[96];
	int rc;

	if (more_rows(r, id, &rc))
		return rc;
	rc = sales_order_save(&a, id, &r->form, NULL, &in, &saved);
	if (rc == TC_EINVAL)
		rc = form_page(r, 422, id, &in, true,
		    rows_asked(r, "rep_rows", 1, ORDER_MAX_REPS),
		    rows_asked(r, "lines", 1, MAX_LINES));
	else if (rc == TC_ECONFLICT && saved.refused != NULL)
		rc = refuse(r, &saved);
	else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64 "?done=%s",
		    saved.id, saved.request > 0 ? "credit_requested" :
		    id > 0 ? "saved" : "created");
		rc = http_redirect(r, loc);
	}
	order_input_free(&in);
	return rc;
}

int
orders_new_post(struct req *r)
{
	return order_post(r, 0);
}

/* Whether order id may undergo change by r: 0, or the answer sent (rc
 * set) and 1. */
static int
refused(struct req *r, int64_t id, enum order_change change, int *rc)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;

	*rc = sales_order_may(&a, id, change, &saved);
	if (*rc == TC_ECONFLICT && saved.refused != NULL) {
		*rc = refuse(r, &saved);
		return 1;
	}
	return *rc != 0;
}

int
orders_edit_get(struct req *r)
{
	struct scope w = scope_of(r, &sales_scope_write);
	struct dbres *o = NULL, *reps = NULL, *lines = NULL;
	struct req_fields f;
	int64_t id = r->ids[0];
	size_t n = 0;
	int rc;

	if (refused(r, id, ORDER_CHANGE_EDIT, &rc))
		return rc;
	req_fields_init(&f);
	if ((rc = db_query(r->app->db, &form_db, F_ORDER,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&w)), &o)) != 0)
		goto out;
	if (dbres_rows(o) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	if ((rc = db_query(r->app->db, &form_db, F_REPS_OF,
	    DB_ARGS(P_INT(id)), &reps)) != 0 ||
	    (rc = db_query(r->app->db, &form_db, F_LINES_OF,
	    DB_ARGS(P_INT(id)), &lines)) != 0)
		goto out;
	/* the stored order, as the form would post it */
	if ((rc = req_fields_add(&f, "order_no", dbres_text(o, 0, 1))) != 0 ||
	    (rc = req_fields_add(&f, "customer", dbres_text(o, 0, 2))) != 0 ||
	    (rc = req_fields_add(&f, "order_date", dbres_text(o, 0, 3))) != 0 ||
	    (rc = req_fields_add(&f, "region", dbres_text(o, 0, 4))) != 0 ||
	    (rc = req_fields_add(&f, "channel", dbres_text(o, 0, 5))) != 0 ||
	    (rc = req_fields_add(&f, "note", dbres_text(o, 0, 6))) != 0 ||
	    (!dbres_null(o, 0, 7) && (rc = req_fields_add(&f, "payment_terms",
	    dbres_text(o, 0, 7))) != 0))
		goto out;
	for (size_t i = 0; i < dbres_rows(reps) && i < ORDER_MAX_REPS; i++) {
		char pct[TC_MONEY_SIZE];
		int64_t sv = 0;

		dbres_dec(reps, i, 1, TC_SCALE_PCT, &sv);
		if ((rc = req_fields_add(&f, "rep", dbres_text(reps, i, 0))) != 0 ||
		    (rc = req_fields_add(&f, "share", tc_pct_str(pct, sv))) != 0)
			goto out;
	}
	for (size_t i = 0; i < dbres_rows(lines) && i < MAX_LINES; i++) {
		int64_t qty = 0, disc = 0, computed = 0;
		int64_t price = dbres_money(lines, i, L_PRICE);
		char b[TC_MONEY_SIZE];

		n = i + 1;
		dbres_dec(lines, i, L_QTY, TC_SCALE_QTY, &qty);
		dbres_dec(lines, i, L_DISCOUNT, TC_SCALE_PCT, &disc);
		if ((rc = add_row(&f, "lid", n, dbres_text(lines, i, L_ID))) ||
		    (rc = add_row(&f, "product", n,
		    dbres_text(lines, i, L_PRODUCT))) ||
		    (rc = add_row(&f, "qty", n, tc_qty_str(b, qty))) ||
		    (rc = add_row(&f, "price", n, tc_money_str(b, price, false))) ||
		    (disc != 0 && (rc = add_row(&f, "discount", n,
		    tc_pct_str(b, disc)))))
			goto out;
		/* an amount entered by hand is shown; a computed one is left
		 * empty so that it follows the quantity and price */
		if ((order_line_amount(qty, price, disc, &computed) != 0 ||
		    computed != dbres_money(lines, i, L_AMOUNT)) &&
		    (rc = add_row(&f, "amount", n, tc_money_str(b,
		    dbres_money(lines, i, L_AMOUNT), false))) != 0)
			goto out;
	}
	rc = form_page_of(r, id, &f, dbres_rows(reps) + 1,
	    n + 2 > MAX_LINES ? MAX_LINES : n + 2);
out:
	req_fields_free(&f);
	dbres_free(o);
	dbres_free(reps);
	dbres_free(lines);
	return rc;
}

int
orders_edit_post(struct req *r)
{
	return order_post(r, r->ids[0]);
}

/* --- returns --- */

static const char *const return_labels[ORET__MAX] = {
	[ORET_DATE] = "ord_return_date", [ORET_NOTE] = "sales_notes",
	[ORET_LINES] = "ord_lines",
};
static const char *const return_line_labels[ORETL__MAX] = {
	[ORETL_QTY] = "ord_return_qty",
};

/* Renders the return form of rt (its original and stored lines), with
 * what was refused when errors. */
static int
return_page(struct req *r, int status, int64_t id, const struct order_return *rt,
    bool errors)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	char b[TC_MONEY_SIZE];
	int rc;

	sales_tabs(r, "orders");
	form_errors_init(&fe, d, r->cat);
	tdict_set_int(d, "id", id);
	tdict_set(d, "order_no", dbres_text(rt->order, 0, 4));
	tdict_set(d, "order_date", dbres_text(rt->order, 0, 5));
	if ((rc = show(&fe, d, &rt->head, return_labels, NULL, errors)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(rt->stored); i++) {
		struct tdict *t;
		int64_t qty = 0, back = 0;

		if (strcmp(dbres_text(rt->stored, i, L_STATUS), "booked") != 0)
			continue;
		t = tdict_add_section(d, "LINE");
		dbres_dec(rt->stored, i, L_QTY, TC_SCALE_QTY, &qty);
		dbres_dec(rt->stored, i, L_RETURNED, TC_SCALE_QTY, &back);
		tdict_set(t, "line_no", dbres_text(rt->stored, i, L_NO));
		tdict_set(t, "product_code", dbres_text(rt->stored, i, L_CODE));
		tdict_set(t, "product", tr_stored(r,
		    dbres_text(rt->stored, i, L_NAME_ZH),
		    dbres_text(rt->stored, i, L_NAME_EN)));
		tdict_set(t, "sold", tc_qty_str(b, qty));
		tdict_set(t, "returned", tc_qty_str(b, back));
		tdict_set(t, "returnable", tc_qty_str(b, qty - back));
		tdict_set(t, "amount", tc_money_str(b,
		    dbres_money(rt->stored, i, L_AMOUNT), true));
		if (i < rt->nlines && (rc = show(&fe, t, &rt->lines[i],
		    return_line_labels, "ord_line_n", errors)) != 0)
			return rc;
	}
	return page_send(r, status, "sales/orders-return.tpl",
	    "ord_return_title", "sales");
}

int
orders_return_get(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	struct order_return rt;
	struct req_fields f;
	char d[16];
	int rc;

	memset(&rt, 0, sizeof(rt));
	req_fields_init(&f);
	today(d);
	rc = sales_order_return_load(&a, r->ids[0], &rt, &saved);
	if (rc == TC_ECONFLICT && saved.refused != NULL)
		rc = refuse(r, &saved);
	else if (rc == 0 && (rc = req_fields_add(&f, "return_date", d)) == 0 &&
	    (rc = form_validate(&rt.head, order_return_fields, ORET__MAX,
	    &f)) != TC_ENOMEM)
		rc = return_page(r, 200, r->ids[0], &rt, false);
	order_return_free(&rt);
	req_fields_free(&f);
	return rc;
}

int
orders_return_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	struct order_return rt;
	char loc[96];
	int rc;

	rc = sales_order_return(&a, r->ids[0], &r->form, &rt, &saved);
	if (rc == TC_EINVAL)
		rc = return_page(r, 422, r->ids[0], &rt, true);
	else if (rc == TC_ECONFLICT && saved.refused != NULL)
		rc = refuse(r, &saved);
	else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64
		    "?done=returned", saved.id);
		rc = http_redirect(r, loc);
	}
	order_return_free(&rt);
	return rc;
}

/* --- costs (finance) --- */

static const char *const cost_labels[OCOST__MAX] = {
	[OCOST_COST] = "sales_cost",
};

/* Renders the cost form of oc: the posted costs with what was refused
 * (errors), else the stored ones. */
static int
costs_page(struct req *r, int status, int64_t id, const struct order_costs *oc,
    bool errors)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	char b[TC_MONEY_SIZE];
	int rc;

	sales_tabs(r, "orders");
	form_errors_init(&fe, d, r->cat);
	tdict_set_int(d, "id", id);
	tdict_set(d, "order_no", dbres_text(oc->order, 0, 4));
	for (size_t i = 0; i < dbres_rows(oc->stored); i++) {
		struct tdict *t = tdict_add_section(d, "LINE");
		int64_t qty = 0, def = 0;

		dbres_dec(oc->stored, i, L_QTY, TC_SCALE_QTY, &qty);
		tdict_set(t, "line_no", dbres_text(oc->stored, i, L_NO));
		tdict_set(t, "product_code", dbres_text(oc->stored, i, L_CODE));
		tdict_set(t, "product", tr_stored(r,
		    dbres_text(oc->stored, i, L_NAME_ZH),
		    dbres_text(oc->stored, i, L_NAME_EN)));
		tdict_set(t, "quantity", tc_qty_str(b, qty));
		tdict_set(t, "amount", tc_money_str(b,
		    dbres_money(oc->stored, i, L_AMOUNT), true));
		order_line_cost(qty, dbres_money(oc->stored, i, L_STD_COST), &def);
		tdict_set(t, "default_cost", tc_money_str(b, def, true));
		if (errors && i < oc->nlines) {
			if ((rc = form_show(&fe, t, &oc->lines[i], cost_labels,
			    "ord_line_n")) != 0)
				return rc;
		} else
			tdict_set(t, "cost", tc_money_str(b,
			    dbres_money(oc->stored, i, L_COST), false));
	}
	return page_send(r, status, "sales/orders-costs.tpl",
	    "ord_costs_title", "sales");
}

int
orders_costs_get(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	struct order_costs oc;
	int rc;

	memset(&oc, 0, sizeof(oc));
	rc = sales_order_costs_load(&a, r->ids[0], &oc, &saved);
	if (rc == TC_ECONFLICT && saved.refused != NULL)
		rc = refuse(r, &saved);
	else if (rc == 0)
		rc = costs_page(r, 200, r->ids[0], &oc, false);
	order_costs_free(&oc);
	return rc;
}

int
orders_costs_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	struct order_costs oc;
	char loc[96];
	int rc;

	rc = sales_order_costs(&a, r->ids[0], &r->form, &oc, &saved);
	if (rc == TC_EINVAL)
		rc = costs_page(r, 422, r->ids[0], &oc, true);
	else if (rc == TC_ECONFLICT && saved.refused != NULL)
		rc = refuse(r, &saved);
	else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64
		    "?done=costs", r->ids[0]);
		rc = http_redirect(r, loc);
	}
	order_costs_free(&oc);
	return rc;
}
