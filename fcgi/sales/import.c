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
 * Who: sales reps and managers, for the reps of their write scope (every
 * credited rep of a row must be in it: a rep imports their own orders, a
 * manager the team's); admins for anyone.  Finance does not import
 * orders (DESIGN: finance reads sales data and writes collections).
 *
 * All or nothing, in one transaction: every bad row is reported with its
 * physical line, column and reason, and nothing is written if any row is
 * bad.  An order number already in the database, an unknown (or inactive)
 * rep, an unknown customer, product, region or channel code is a bad row,
 * never an update.  One audit row per order created and one for the
 * import (with its counts). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/fmt.h"
#include "sales/collections.h"
#include "sales/order-math.h"
#include "sales/sales.h"
#include "sales/scope.h"

int imp_orders_get(struct req *r);
int imp_orders_post(struct req *r);
int imp_orders_sample(struct req *r);

enum stmt {
	S_ORDER_EXISTS,
	S_PERSON,
	S_CUSTOMER,
	S_PRODUCT,
	S_REGION,
	S_CHANNEL,
	S_ORDER_INSERT,
	S_REP_INSERT,
	S_LINE_INSERT,
	S__MAX
};

static const char *const stmts[S__MAX] = {
	[S_ORDER_EXISTS] = "SELECT id FROM orders WHERE order_no = ?",
	[S_PERSON] =
	    "SELECT p.id, p.active, " SCOPE_SQL("p.id")
	    " FROM people p WHERE p.login = ?",
	[S_CUSTOMER] =
	    "SELECT id, region_id, channel_id, name FROM customers"
	    " WHERE code = ?",
	[S_PRODUCT] =
	    "SELECT p.id, p.standard_cost, t.code FROM products p"
	    " JOIN product_types t ON t.id = p.product_type_id"
	    " WHERE p.code = ?",
	[S_REGION] = "SELECT id FROM regions WHERE code = ?",
	[S_CHANNEL] = "SELECT id FROM channels WHERE code = ?",
	[S_ORDER_INSERT] =
	    "INSERT INTO orders (order_no, customer_id, order_date, region_id,"
	    " channel_id, status, note, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[S_REP_INSERT] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, ?)",
	[S_LINE_INSERT] =
	    "INSERT INTO order_lines (order_id, line_no, product_id, quantity,"
	    " unit_price, discount, amount, cost, status)"
	    " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
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

/* Rounds n / d half away from zero (d != 0). */
static int64_t
div_round(__int128 n, __int128 d)
{
	__int128 q, rem;
	bool neg = (n < 0) != (d < 0);

	if (n < 0)
		n = -n;
	if (d < 0)
		d = -d;
	q = n / d;
	rem = n % d;
	if (rem * 2 >= d)
		q++;
	return (int64_t)(neg ? -q : q);
}

/* What the database knows of one row's codes. */
struct rowref {
	int64_t customer, region, channel, product, std_cost;
	int64_t person[IMP_MAX_SPLITS];
};

/* A cached code -> id (and extra) lookup. */
struct cache_ent {
	const char *code;
	int64_t id, a, b;
	char type[33];
	char name[201];         /* a customer's name */
	int found;              /* 1 found, 0 not, 2 found but inactive/out */
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

static struct cache_ent *
cache_new(struct cache *c, const char *code)
{
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 32;
		struct cache_ent *nv = realloc(c->v, nc * sizeof(*nv));

		if (nv == NULL)
			return NULL;
		c->v = nv;
		c->cap = nc;
	}
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	c->v[c->n].code = code;
	return &c->v[c->n++];
}

/* Looks code up with statement idx (one text parameter, or the scope
 * and the login for S_PERSON). */
static int
lookup(struct req *r, struct cache *c, int idx, const char *code,
    const struct scope *sc, struct cache_ent **out)
{
	struct cache_ent *e = cache_find(c, code);
	struct dbres *res = NULL;
	int rc;

	if (e != NULL) {
		*out = e;
		return 0;
	}
	if ((e = cache_new(c, code)) == NULL)
		return TC_ENOMEM;
	if (idx == S_PERSON)
		rc = db_query(r->app->db, &imp_db, idx,
		    DB_ARGS(SCOPE_ARGS(sc), P_TEXT(code)), &res);
	else
		rc = db_query(r->app->db, &imp_db, idx, DB_ARGS(P_TEXT(code)),
		    &res);
	if (rc != 0)
		return rc;
	if (dbres_rows(res) > 0) {
		e->found = 1;
		e->id = dbres_int(res, 0, 0);
		if (idx == S_PERSON) {
			e->a = dbres_int(res, 0, 1);        /* active */
			e->b = dbres_int(res, 0, 2);        /* in scope */
		} else if (idx == S_CUSTOMER) {
			e->a = dbres_int(res, 0, 1);
			e->b = dbres_int(res, 0, 2);
			snprintf(e->name, sizeof(e->name), "%s",
			    dbres_text(res, 0, 3));
		} else if (idx == S_PRODUCT) {
			e->a = dbres_money(res, 0, 1);
			snprintf(e->type, sizeof(e->type), "%s",
			    dbres_text(res, 0, 2));
		}
	}
	dbres_free(res);
	*out = e;
	return 0;
}

int
imp_orders_post(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope sc = scope_write(r);
	struct imp_orders o;
	struct imp_errs errs = { 0 };
	struct cache people = { 0 }, customers = { 0 }, products = { 0 },
	    regions = { 0 }, channels = { 0 };
	struct rowref *ref = NULL;
	int64_t *order_ids = NULL;
	signed char *exists = NULL;
	const char *data = NULL, *why;
	size_t len = 0, nlines = 0, ncancelled = 0;
	int64_t total_amount = 0, total_cost = 0;
	char detail[512], idtext[24], date[11], b1[FMT_MONEY_SIZE],
	    b2[FMT_MONEY_SIZE];
	int rc;

	memset(&o, 0, sizeof(o));
	if (has_role(r, ROLE_ADMIN))
		sc.kind = SCOPE_ALL;        /* admins import for anyone */
	if ((why = coll_upload(r, &data, &len)) != NULL) {
		if ((rc = imp_errs_add(&errs, 0, "", why, NULL)) != 0)
			goto out;
		coll_report_errors(r, d, &errs);
		rc = import_page(r, 422);
		goto out;
	}
	if ((rc = imp_orders_read(data, len, &o, &errs)) != 0)
		goto out;
	ref = calloc(o.nrow ? o.nrow : 1, sizeof(*ref));
	order_ids = calloc(o.norder ? o.norder : 1, sizeof(*order_ids));
	exists = calloc(o.norder ? o.norder : 1, 1);
	if (ref == NULL || order_ids == NULL || exists == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}

	/* The checks that need the database. */
	for (size_t i = 0; i < o.nrow; i++) {
		struct imp_line *x = &o.row[i];
		struct rowref *f = &ref[i];
		struct cache_ent *e;

#define ADD(col, key, val) do { \
	if ((rc = imp_errs_add(&errs, x->line, (col), (key), (val))) != 0) \
		goto out; } while (0)
		if (x->order < o.norder && *x->order_id != '\0' &&
		    imp_valid_code(x->order_id, 40)) {
			if (exists[x->order] == 0) {
				struct dbres *res = NULL;

				if ((rc = db_query(r->app->db, &imp_db,
				    S_ORDER_EXISTS, DB_ARGS(P_TEXT(x->order_id)),
				    &res)) != 0)
					goto out;
				exists[x->order] = dbres_rows(res) > 0 ? 1 : -1;
				dbres_free(res);
			}
			if (exists[x->order] == 1)
				ADD("order_id", "imp_err_order_exists",
				    x->order_id);
		}
		for (int k = 0; k < x->nsplit; k++) {
			if ((rc = lookup(r, &people, S_PERSON,
			    x->split[k].login, &sc, &e)) != 0)
				goto out;
			if (!e->found || !e->a)
				ADD("rep", "imp_err_unknown_rep",
				    x->split[k].login);
			else if (!e->b)
				ADD("rep", "imp_err_rep_scope",
				    x->split[k].login);
			f->person[k] = e->id;
		}
		if (*x->customer != '\0') {
			if ((rc = lookup(r, &customers, S_CUSTOMER, x->customer,
			    NULL, &e)) != 0)
				goto out;
			if (!e->found)
				ADD("customer", "imp_err_unknown_customer",
				    x->customer);
			f->customer = e->id;
			f->region = e->a;
			f->channel = e->b;
		}
		if (*x->product != '\0') {
			if ((rc = lookup(r, &products, S_PRODUCT, x->product,
			    NULL, &e)) != 0)
				goto out;
			if (!e->found)
				ADD("product", "imp_err_unknown_product",
				    x->product);
			else if (*x->product_type != '\0' &&
			    strcmp(x->product_type, e->type) != 0)
				ADD("product_type", "imp_err_product_type",
				    x->product_type);
			f->product = e->id;
			f->std_cost = e->a;
		}
		if (*x->region != '\0') {
			if ((rc = lookup(r, &regions, S_REGION, x->region, NULL,
			    &e)) != 0)
				goto out;
			if (!e->found)
				ADD("region", "imp_err_unknown_region",
				    x->region);
			f->region = e->id;
		}
		if (*x->channel != '\0') {
			if ((rc = lookup(r, &channels, S_CHANNEL, x->channel,
			    NULL, &e)) != 0)
				goto out;
			if (!e->found)
				ADD("channel", "imp_err_unknown_channel",
				    x->channel);
			f->channel = e->id;
		}
#undef ADD
	}
	if (errs.n > 0) {
		coll_report_errors(r, d, &errs);
		tdict_set_int(d, "rows_read", (long long)o.nrow);
		rc = import_page(r, 422);
		goto out;
	}

	/* Everything is good: write it all, or nothing. */
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	for (size_t k = 0; k < o.norder; k++) {
		struct imp_order *g = &o.order[k];
		struct imp_line *h = &o.row[g->first];
		struct rowref *hf = &ref[g->first];
		uint64_t id = 0;

		rc = db_exec(r->app->db, &imp_db, S_ORDER_INSERT,
		    DB_ARGS(P_TEXT(h->order_id), P_INT(hf->customer),
		    P_TEXT(coll_ymd(date, h->date)), P_INT(hf->region),
		    P_INT(hf->channel),
		    P_TEXT(g->all_cancelled ? "cancelled" : "booked"),
		    P_TEXT("import"), P_INT(r->me.id)), NULL, &id);
		if (rc != 0)
			goto fail;
		order_ids[k] = (int64_t)id;
		for (int s = 0; s < h->nsplit; s++) {
			char share[FMT_MONEY_SIZE];

			if ((rc = db_exec(r->app->db, &imp_db, S_REP_INSERT,
			    DB_ARGS(P_INT(id), P_INT(hf->person[s]),
			    P_TEXT(fmt_pct4(share, h->split[s].share))),
			    NULL, NULL)) != 0)
				goto fail;
		}
		snprintf(idtext, sizeof(idtext), "%llu", (unsigned long long)id);
		snprintf(detail, sizeof(detail),
		    "order %s imported: %zu lines, amount %s, rep %s",
		    h->order_id, g->nlines, fmt_money(b1, g->amount, false),
		    h->rep);
		if ((rc = audit_write(r, "order_create", "order", idtext,
		    detail)) != 0)
			goto fail;
	}
	for (size_t i = 0; i < o.nrow; i++) {
		struct imp_line *x = &o.row[i];
		int64_t cost = x->cost;
		int64_t price = x->qty != 0 ?
		    div_round((__int128)x->amount * 1000, x->qty) : 0;
		char qty[FMT_MONEY_SIZE];

		/* the default cost as the orders form computes it */
		if (!x->has_cost &&
		    order_line_cost(x->qty, ref[i].std_cost, &cost) != 0) {
			rc = TC_EINVAL;
			goto fail;
		}
		if ((rc = db_exec(r->app->db, &imp_db, S_LINE_INSERT,
		    DB_ARGS(P_INT(order_ids[x->order]), P_INT(x->line_no),
		    P_INT(ref[i].product), P_TEXT(fmt_qty(qty, x->qty)),
		    P_MONEY(price), P_MONEY(x->amount), P_MONEY(cost),
		    P_TEXT(x->cancelled ? "cancelled" : "booked")),
		    NULL, NULL)) != 0)
			goto fail;
		nlines++;
		if (x->cancelled)
			ncancelled++;
		else {
			total_amount += x->amount;
			total_cost += cost;
		}
	}
	snprintf(detail, sizeof(detail),
	    "%zu orders, %zu lines (%zu cancelled), amount %s, cost %s",
	    o.norder, nlines, ncancelled, fmt_money(b1, total_amount, false),
	    fmt_money(b2, total_cost, false));
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
		struct cache_ent *c = cache_find(&customers, h->customer);
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
	free(people.v);
	free(customers.v);
	free(products.v);
	free(regions.v);
	free(channels.v);
	free(ref);
	free(order_ids);
	free(exists);
	imp_orders_free(&o);
	imp_errs_free(&errs);
	return rc;
}
