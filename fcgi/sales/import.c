/* import.c: importing orders.csv (spec section 1.2), one row per line.
 *
 * Columns: order_id (our order number; its rows are the lines of one
 * order), line, date, rep ("alice" or "alice:60|bob:40"), customer and
 * product by code, optional region and channel by code (default: the
 * customer's), optional product_type (checked against the product's),
 * quantity, amount (the net line amount, taken as given), optional cost
 * (default: quantity x the product's standard cost, rounded half away
 * from zero), status (booked or cancelled).  The unit price stored is
 * amount / quantity to the fen (0 when the quantity is 0), discount 0.
 * An order whose lines are all cancelled is imported as cancelled.
 *
 * Each order of the file is booked by sales_order_save (write.h), the
 * function behind the order form, so the import applies exactly the
 * form's rules: sales reps and managers only, the customer in the
 * importer's write scope, every credited rep an active sales person and
 * at least one of them in the scope, the order number free, nothing in a
 * closed period.  Here only the codes become ids (an unknown code is a
 * bad row) and the function's refusals become the report's lines and
 * columns.
 *
 * All or nothing, in one transaction: every bad row is reported with its
 * physical line, column and reason, and nothing is written if any row is
 * bad.  One audit row per order created (by the function) and one for the
 * import (with its counts). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/error.h"
#include "core/testhook.h"
#include "core/money.h"
#include "sales/collections.h"
#include "sales/order-math.h"
#include "sales/sales.h"
#include "sales/write.h"

int imp_orders_get(struct req *r);
int imp_orders_post(struct req *r);
int imp_orders_sample(struct req *r);

enum stmt {
	S_PERSON,
	S_CUSTOMER,
	S_PRODUCT,
	S_REGION,
	S_CHANNEL,
	S_ORDER_COST,
	S__MAX
};

/* Codes to ids; whether a row may use them is sales_order_save's to say. */
static const char *const stmts[S__MAX] = {
	[S_PERSON] = "SELECT p.id FROM people p WHERE p.login = ?",
	[S_CUSTOMER] = "SELECT id, name FROM customers WHERE code = ?",
	[S_PRODUCT] =
	    "SELECT p.id, t.code AS type_code FROM products p"
	    " JOIN product_types t ON t.id = p.product_type_id"
	    " WHERE p.code = ?",
	[S_REGION] = "SELECT id FROM regions WHERE code = ?",
	[S_CHANNEL] = "SELECT id FROM channels WHERE code = ?",
	[S_ORDER_COST] =
	    "SELECT COALESCE(SUM(cost), 0) AS cost FROM order_lines"
	    " WHERE order_id = ? AND status = 'booked'",
};

static struct db_table imp_db = DB_TABLE("import", stmts);

static int
import_page(struct req *r, int status)
{
	sales_tabs(r, "orders");
	return page_send(r, status, "sales/import-orders.tpl",
	    "imp_title", "sales");
}

int
imp_orders_get(struct req *r)
{
	return import_page(r, 200);
}

/* A sample file in the accepted format. */
int
imp_orders_sample(struct req *r)
{
	static const char sample[] =
	    "\xEF\xBB\xBF"
	    "order_id,line,date,rep,customer,product,region,channel,"
	    "quantity,amount,cost,status\r\n"
	    "SO-2026-0001,1,2026-03-02,zhangwei,C0001,HW-100,,,2,24000.00,"
	    "15000.00,booked\r\n"
	    "SO-2026-0001,2,2026-03-02,zhangwei,C0001,SV-200,,,1,6000,,booked\r\n"
	    "SO-2026-0002,1,2026-03-05,zhangwei:60|lina:40,C0002,HW-100,east,"
	    "direct,1,12000,,booked\r\n";
	int rc;

	if ((rc = http_header(r, "Content-Disposition",
	    "attachment; filename=\"orders-sample.csv\"")) != 0 ||
	    (rc = http_open(r, 200, "text/csv; charset=utf-8")) != 0)
		return rc;
	return http_write(r, sample, sizeof(sample) - 1);
}

/* A cached code -> id lookup. */
struct cache_ent {
	const char *code;
	int64_t id;
	char type[33];          /* a product's type code */
	char name[201];         /* a customer's name */
	bool found;
};

struct cache {
	struct cache_ent *v;
	size_t n, cap;
};

static struct cache_ent *
cache_find(struct cache *c, const char *code)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].code, code) == 0)
			return &c->v[i];
	return NULL;
}

/* Looks code up with statement idx (one text parameter). */
static int
lookup(struct req *r, struct cache *c, int idx, const char *code,
    struct cache_ent **out)
{
	struct cache_ent *e = cache_find(c, code);
	struct dbres *res = NULL;
	int rc;

	if (e != NULL) {
		*out = e;
		return 0;
	}
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 32;
		struct cache_ent *nv = realloc(c->v, nc * sizeof(*nv));

		if (nv == NULL)
			return TC_ENOMEM;
		c->v = nv;
		c->cap = nc;
	}
	e = &c->v[c->n++];
	memset(e, 0, sizeof(*e));
	e->code = code;
	if ((rc = db_query(r->app->db, &imp_db, idx, DB_ARGS(P_TEXT(code)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) > 0) {
		e->found = true;
		e->id = dbres_int_col(res, 0, "id");
		if (idx == S_CUSTOMER)
			snprintf(e->name, sizeof(e->name), "%s",
			    dbres_text_col(res, 0, "name"));
		else if (idx == S_PRODUCT)
			snprintf(e->type, sizeof(e->type), "%s",
			    dbres_text_col(res, 0, "type_code"));
	}
	dbres_free(res);
	*out = e;
	return 0;
}

/* The lookups of one import. */
struct codes {
	struct cache people, customers, products, regions, channels;
};

static void
codes_free(struct codes *c)
{
	free(c->people.v);
	free(c->customers.v);
	free(c->products.v);
	free(c->regions.v);
	free(c->channels.v);
}

/* Adds name_N = value to f. */
static int
add_row(struct req_fields *f, const char *name, size_t n, const char *value)
{
	char key[48];

	snprintf(key, sizeof(key), "%s_%zu", name, n);
	return req_fields_add(f, key, value);
}

#define ADD(errs, line, col, key, val) do { \
	if ((rc = imp_errs_add((errs), (line), (col), (key), (val))) != 0) \
		return rc; } while (0)

/* Turns the codes of order k's rows into the inputs of the order form,
 * appended to f; an unknown code is a bad row (*bad).  rows[0..n) are
 * the order's rows in file order. */
static int
order_fields_of(struct req *r, struct codes *c, struct imp_orders *o,
    const size_t *rows, size_t n, struct imp_errs *errs,
    struct req_fields *f, bool *bad)
{
	const struct imp_line *h = &o->row[rows[0]];
	struct cache_ent *e;
	char buf[TC_MONEY_SIZE], key[24], date[11];
	int rc;

	*bad = false;
	if ((rc = req_fields_add(f, "order_no", h->order_id)) != 0 ||
	    (rc = req_fields_add(f, "order_date", coll_ymd(date, h->date))) ||
	    (rc = req_fields_add(f, "note", "import")) != 0)
		return rc;
	if ((rc = lookup(r, &c->customers, S_CUSTOMER, h->customer, &e)) != 0)
		return rc;
	if (!e->found) {
		ADD(errs, h->line, "customer", "imp_err_unknown_customer",
		    h->customer);
		*bad = true;
	}
	snprintf(key, sizeof(key), "%" PRId64, e->id);
	if ((rc = req_fields_add(f, "customer", key)) != 0)
		return rc;
	if (*h->region != '\0') {
		if ((rc = lookup(r, &c->regions, S_REGION, h->region, &e)) != 0)
			return rc;
		if (!e->found) {
			ADD(errs, h->line, "region", "imp_err_unknown_region",
			    h->region);
			*bad = true;
		}
		snprintf(key, sizeof(key), "%" PRId64, e->id);
		if ((rc = req_fields_add(f, "region", key)) != 0)
			return rc;
	}
	if (*h->channel != '\0') {
		if ((rc = lookup(r, &c->channels, S_CHANNEL, h->channel,
		    &e)) != 0)
			return rc;
		if (!e->found) {
			ADD(errs, h->line, "channel", "imp_err_unknown_channel",
			    h->channel);
			*bad = true;
		}
		snprintf(key, sizeof(key), "%" PRId64, e->id);
		if ((rc = req_fields_add(f, "channel", key)) != 0)
			return rc;
	}
	for (int k = 0; k < h->nsplit; k++) {
		if ((rc = lookup(r, &c->people, S_PERSON, h->split[k].login,
		    &e)) != 0)
			return rc;
		if (!e->found) {
			ADD(errs, h->line, "rep", "imp_err_unknown_rep",
			    h->split[k].login);
			*bad = true;
		}
		snprintf(key, sizeof(key), "%" PRId64, e->id);
		if ((rc = req_fields_add(f, "rep", key)) != 0 ||
		    (rc = req_fields_add(f, "share", tc_pct_str(buf,
		    h->split[k].share))) != 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		const struct imp_line *x = &o->row[rows[i]];

		if ((rc = lookup(r, &c->products, S_PRODUCT, x->product,
		    &e)) != 0)
			return rc;
		if (!e->found) {
			ADD(errs, x->line, "product", "imp_err_unknown_product",
			    x->product);
			*bad = true;
		} else if (*x->product_type != '\0' &&
		    strcmp(x->product_type, e->type) != 0) {
			ADD(errs, x->line, "product_type",
			    "imp_err_product_type", x->product_type);
			*bad = true;
		}
		snprintf(key, sizeof(key), "%" PRId64, e->id);
		if ((rc = add_row(f, "product", i + 1, key)) != 0 ||
		    (rc = add_row(f, "qty", i + 1, tc_qty_str(buf, x->qty))) ||
		    (rc = add_row(f, "amount", i + 1,
		    tc_money_str(buf, x->amount, false))) != 0 ||
		    (x->has_cost && (rc = add_row(f, "cost", i + 1,
		    tc_money_str(buf, x->cost, false))) != 0) ||
		    (rc = add_row(f, "status", i + 1, x->cancelled ?
		    "cancelled" : "booked")) != 0)
			return rc;
		snprintf(key, sizeof(key), "%" PRId64, x->line_no);
		if ((rc = add_row(f, "lno", i + 1, key)) != 0)
			return rc;
	}
	return 0;
}

/* The column of orders.csv that field k of an order's head, a rep row
 * or a line row came from. */
static const char *const head_columns[ORDER__MAX] = {
	[ORDER_NO] = "order_id", [ORDER_CUSTOMER] = "customer",
	[ORDER_DATE] = "date", [ORDER_REGION] = "region",
	[ORDER_CHANNEL] = "channel", [ORDER_SPLIT] = "rep",
	[ORDER_LINES] = "line",
};
static const char *const line_columns[OLINE__MAX] = {
	[OLINE_NO] = "line", [OLINE_PRODUCT] = "product",
	[OLINE_QTY] = "quantity", [OLINE_AMOUNT] = "amount",
	[OLINE_COST] = "cost", [OLINE_STATUS] = "status",
};

/* What the file said in column col of row x. */
static const char *
cell(const struct imp_line *x, const char *col)
{
	if (strcmp(col, "order_id") == 0)
		return x->order_id;
	if (strcmp(col, "customer") == 0)
		return x->customer;
	if (strcmp(col, "region") == 0)
		return x->region;
	if (strcmp(col, "channel") == 0)
		return x->channel;
	if (strcmp(col, "rep") == 0)
		return x->rep;
	if (strcmp(col, "product") == 0)
		return x->product;
	return "";
}

/* Adds the refusals of form f (an order's head, rep or line row) to
 * errs, on the physical line of row x. */
static int
report_form(const struct form *f, const char *const *columns,
    const struct imp_line *x, struct imp_errs *errs)
{
	char date[11];
	int rc;

	for (size_t k = 0; k < f->n; k++) {
		const char *col;

		if (f->e[k].err == 0)
			continue;
		col = columns != NULL && columns[k] != NULL ? columns[k] : "rep";
		if (strcmp(col, "date") == 0 && x->date > 0)
			tc_date_format(date, x->date);  /* the date refused */
		ADD(errs, x->line, col, f->e[k].msg != NULL ? f->e[k].msg :
		    f->fields[k].msg, strcmp(col, "date") == 0 && x->date > 0 ?
		    date : cell(x, col)[0] != '\0' ? cell(x, col) :
		    f->e[k].detail);
	}
	return 0;
}

/* Adds every refusal of order in (rows[0..n) of o) to errs. */
static int
report_order(const struct order_input *in, const struct imp_orders *o,
    const size_t *rows, size_t n, struct imp_errs *errs)
{
	const struct imp_line *h = &o->row[rows[0]];
	int rc;

	if ((rc = report_form(&in->head, head_columns, h, errs)) != 0)
		return rc;
	for (size_t i = 0; i < in->nreps; i++)
		if ((rc = report_form(&in->reps[i], NULL, h, errs)) != 0)
			return rc;
	for (size_t i = 0; i < in->nlines && i < n; i++)
		if ((rc = report_form(&in->lines[i], line_columns,
		    &o->row[rows[i]], errs)) != 0)
			return rc;
	return 0;
}
#undef ADD

int
imp_orders_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	static const struct order_options file = { .from_file = true };
	struct tdict *d = page_body(r);
	struct imp_orders o;
	struct imp_errs errs = { 0 };
	struct codes codes;
	struct req_fields f;
	int64_t *order_ids = NULL;
	size_t *rows = NULL, nlines = 0, ncancelled = 0;
	const char *data = NULL, *why;
	char *owned = NULL;             /* the file converted from GB18030 */
	int64_t total_amount = 0, total_cost = 0;
	char detail[512], date[11], b1[TC_MONEY_SIZE], b2[TC_MONEY_SIZE];
	size_t len = 0;
	int rc;

	memset(&o, 0, sizeof(o));
	memset(&codes, 0, sizeof(codes));
	req_fields_init(&f);
	if ((why = coll_upload(r, &data, &len, &owned)) != NULL) {
		if ((rc = imp_errs_add(&errs, 0, "", why, NULL)) != 0)
			goto out;
		coll_report_errors(r, d, &errs);
		rc = import_page(r, 422);
		goto out;
	}
	if ((rc = imp_orders_read(data, len, &o, &errs)) != 0)
		goto out;
	order_ids = calloc(o.norder ? o.norder : 1, sizeof(*order_ids));
	rows = calloc(o.nrow ? o.nrow : 1, sizeof(*rows));
	if (order_ids == NULL || rows == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}

	/* Every order through the order form's function, in one
	 * transaction that is kept only if no row of the file is bad. */
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	for (size_t k = 0; k < o.norder; k++) {
		struct order_input in;
		struct order_saved saved;
		size_t n = 0;
		bool bad = false;

		for (size_t i = 0; i < o.nrow; i++)
			if (o.row[i].order == k) {
				rows[n++] = i;
				bad = bad || o.row[i].bad;
			}
		if (bad || n == 0)
			continue;           /* reported by the reading */
		req_fields_free(&f);
		if ((rc = order_fields_of(r, &codes, &o, rows, n, &errs, &f,
		    &bad)) != 0)
			goto fail;
		if (bad)
			continue;
		rc = sales_order_save(&a, 0, &f, &file, &in, &saved);
		if (rc == TC_EINVAL)
			rc = report_order(&in, &o, rows, n, &errs);
		else if (rc == 0)
			order_ids[k] = saved.id;
		order_input_free(&in);
		if (rc != 0)
			goto fail;
	}
	if (errs.n > 0) {
		db_rollback(r->app->db);
		coll_report_errors(r, d, &errs);
		tdict_set_int(d, "rows_read", (long long)o.nrow);
		rc = import_page(r, 422);
		goto out;
	}
	for (size_t i = 0; i < o.nrow; i++) {
		nlines++;
		if (o.row[i].cancelled)
			ncancelled++;
		else
			total_amount += o.row[i].amount;
	}
	/* the costs as booked: given, or the standard cost */
	for (size_t k = 0; k < o.norder; k++) {
		struct dbres *res = NULL;

		if ((rc = db_query(r->app->db, &imp_db, S_ORDER_COST,
		    DB_ARGS(P_INT(order_ids[k])), &res)) != 0)
			goto fail;
		total_cost += dbres_money_col(res, 0, "cost");
		dbres_free(res);
	}
	snprintf(detail, sizeof(detail),
	    "%zu orders, %zu lines (%zu cancelled), amount %s, cost %s",
	    o.norder, nlines, ncancelled, tc_money_str(b1, total_amount, false),
	    tc_money_str(b2, total_cost, false));
	/* Test builds: every order written, not yet committed (the fault
	 * tests stop MariaDB here). */
	tc_hold("import-written");
	if ((rc = audit_write(r, "order_import", "order", "", detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto fail;
	/* The summary of what was imported. */
	tdict_show_section(d, "DONE");
	tdict_set_int(d, "done_orders", (long long)o.norder);
	tdict_set_int(d, "done_lines", (long long)nlines);
	tdict_set_int(d, "done_cancelled", (long long)ncancelled);
	coll_set_money(d, "done_amount", total_amount);
	coll_set_money(d, "done_cost", total_cost);
	coll_set_money(d, "done_margin", total_amount - total_cost);
	for (size_t k = 0; k < o.norder; k++) {
		struct imp_order *g = &o.order[k];
		struct imp_line *h = &o.row[g->first];
		struct cache_ent *c = cache_find(&codes.customers, h->customer);
		struct tdict *row = tdict_add_section(d, "DONE_ORDER");

		tdict_set_int(row, "id", order_ids[k]);
		tdict_set(row, "order_no", h->order_id);
		tdict_set(row, "date", coll_ymd(date, h->date));
		tdict_set(row, "customer", c != NULL ? c->name : "");
		tdict_set(row, "customer_code", h->customer);
		tdict_set(row, "rep", h->rep);
		tdict_set_int(row, "lines", (long long)g->nlines);
		coll_set_money(row, "amount", g->amount);
		if (g->all_cancelled)
			tdict_show_section(row, "CANCELLED");
	}
	page_flash(r, "ok", tr(r, "imp_done"));
	rc = import_page(r, 200);
	goto out;
fail:
	if (db_in_transaction(r->app->db))
		db_rollback(r->app->db);
out:
	codes_free(&codes);
	req_fields_free(&f);
	free(order_ids);
	free(rows);
	imp_orders_free(&o);
	imp_errs_free(&errs);
	free(owned);
	return rc;
}
