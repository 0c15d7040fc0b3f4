/* orders.c: the orders area of sales.fcgi: its routes, the order detail
 * page, cancelling, and the pickers the forms share.
 *
 * Visibility: an order is in a person's scope when one of its credited
 * reps is (SCOPE_ORDER_SQL); a row out of scope is not found (404) and
 * nothing is changed. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/formview.h"
#include "core/money.h"
#include "sales/order-math.h"
#include "sales/orders.h"
#include "sales/sales.h"
#include "sales/write.h"

/* Whether order o is dated in a closed period (core/period): once per
 * query, the subquery does not depend on the row. */
#define CLOSED_SQL \
	"(o.order_date <= (SELECT COALESCE(MAX(pd.last_day), DATE '1000-01-01')" \
	" FROM periods pd WHERE pd.state = 'closed'))"

/* A credit request's split (proposed: "", as it stood: "NOT") as
 * "name share %, ...". */
#define SPLIT_SQL(neg) \
	"COALESCE((SELECT GROUP_CONCAT(CONCAT(xp.name, ' ', TRIM(TRAILING '.'" \
	" FROM TRIM(TRAILING '0' FROM x.share)), ' %') ORDER BY x.share DESC," \
	" xp.login SEPARATOR ', ') FROM order_credit_request_reps x" \
	" JOIN people xp ON xp.id = x.person_id WHERE x.request_id = r.id AND " \
	neg " x.proposed), '')"

enum stmt {
	ST_HEADER,
	ST_REPS,
	ST_LINES,
	ST_COLLECTED,
	ST_RETURNS,
	ST_WRITABLE,
	ST_OPT_REGION,
	ST_OPT_CHANNEL,
	ST_OPT_PTYPE,
	ST_OPT_PRODUCT,
	ST_OPT_CUSTOMER,
	ST_OPT_REP,
	ST_CREDIT_REQUESTS,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_HEADER] =
	    "SELECT o.id, o.order_no, o.order_date, o.status, " CLOSED_SQL ","
	    " o.note,"
	    " o.original_order_id, oo.order_no, o.opportunity_id, op.title,"
	    " c.id, c.code, c.name, rg.name_zh, rg.name_en, ch.name_zh,"
	    " ch.name_en, o.created_at, cp.name,"
	    " COALESCE(o.payment_terms_days, c.payment_terms_days),"
	    " DATE_ADD(o.order_date, INTERVAL COALESCE(o.payment_terms_days,"
	    " c.payment_terms_days) DAY), o.payment_terms_days IS NOT NULL"
	    " FROM orders o JOIN customers c ON c.id = o.customer_id"
	    " JOIN regions rg ON rg.id = o.region_id"
	    " JOIN channels ch ON ch.id = o.channel_id"
	    " JOIN people cp ON cp.id = o.created_by"
	    " LEFT JOIN orders oo ON oo.id = o.original_order_id"
	    " LEFT JOIN opportunities op ON op.id = o.opportunity_id"
	    " WHERE o.id = ? AND " SCOPE_ORDER_SQL("o.id"),
	[ST_REPS] =
	    "SELECT p.id, p.login, p.name, p.team, r.share FROM order_reps r"
	    " JOIN people p ON p.id = r.person_id WHERE r.order_id = ?"
	    " ORDER BY r.share DESC, p.login",
	[ST_LINES] =
	    "SELECT l.id, l.line_no, pr.code, pr.name_zh, pr.name_en,"
	    " pt.name_zh, pt.name_en, l.quantity, l.unit_price, l.discount,"
	    " l.amount, l.cost, l.status, ol.line_no"
	    " FROM order_lines l JOIN products pr ON pr.id = l.product_id"
	    " JOIN product_types pt ON pt.id = pr.product_type_id"
	    " LEFT JOIN order_lines ol ON ol.id = l.original_line_id"
	    " WHERE l.order_id = ? ORDER BY l.line_no",
	[ST_COLLECTED] =
	    "SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM payments"
	    " WHERE order_id = ?",
	[ST_RETURNS] =
	    "SELECT o.id, o.order_no, o.order_date, o.status,"
	    " COALESCE(SUM(CASE WHEN l.status = 'booked' THEN l.amount END), 0)"
	    " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id"
	    " WHERE o.original_order_id = ? GROUP BY o.id, o.order_no,"
	    " o.order_date, o.status ORDER BY o.order_date, o.id",
	[ST_WRITABLE] =
	    "SELECT o.id FROM orders o WHERE o.id = ? AND "
	    SCOPE_ORDER_SQL("o.id"),
	[ST_OPT_REGION] =
	    "SELECT id, code, name_zh, name_en FROM regions"
	    " WHERE active OR id = ? ORDER BY code",
	[ST_OPT_CHANNEL] =
	    "SELECT id, code, name_zh, name_en FROM channels"
	    " WHERE active OR id = ? ORDER BY code",
	[ST_OPT_PTYPE] =
	    "SELECT id, code, name_zh, name_en FROM product_types"
	    " WHERE active OR id = ? ORDER BY code",
	[ST_OPT_PRODUCT] =
	    "SELECT id, code, name_zh, name_en FROM products"
	    " WHERE active OR id = ? ORDER BY code",
	[ST_OPT_CUSTOMER] =
	    "SELECT c.id, c.code, c.name, c.name FROM customers c"
	    " WHERE c.id = ? OR (c.status <> 'inactive' AND "
	    SCOPE_SQL("c.owner_id") ") ORDER BY c.name, c.code",
	[ST_OPT_REP] =
	    "SELECT id, login, name, name FROM people"
	    " WHERE id = ? OR (active AND (CAST(roles AS UNSIGNED) & ?) <> 0)"
	    " ORDER BY team, login",
	/* the order's credit requests, newest first: id, kind, state, asked
	 * at, by, decided at, by, note, the split then and as proposed */
	[ST_CREDIT_REQUESTS] =
	    "SELECT r.id, r.kind, r.state, r.requested_at, rp.name,"
	    " COALESCE(r.decided_at, ''), COALESCE(dp.name, ''),"
	    " r.decision_note, " SPLIT_SQL("NOT") ", " SPLIT_SQL("")
	    " FROM order_credit_requests r"
	    " JOIN people rp ON rp.id = r.requested_by"
	    " LEFT JOIN people dp ON dp.id = r.decided_by"
	    " WHERE r.order_id = ? ORDER BY r.id DESC LIMIT 20",
};

static struct db_table orders_db = DB_TABLE("orders", stmts);

static const struct route routes[] = {
	{ "GET", "/sales/orders", ROLES_ALL, orders_list_get },
	{ "GET", "/sales/orders.csv", ROLES_ALL, orders_export_get },
	{ "GET", "/sales/orders.xlsx", ROLES_ALL, orders_export_get },
	{ "GET", "/sales/stats", ROLES_ALL, orders_stats_get },
	{ "GET", "/sales/stats.csv", ROLES_ALL, orders_stats_export_get },
	{ "GET", "/sales/stats.xlsx", ROLES_ALL, orders_stats_export_get },
	{ "GET", "/sales/orders/new", ROLE_SALES | ROLE_MANAGER,
	    orders_new_get },
	{ "POST", "/sales/orders/new", ROLE_SALES | ROLE_MANAGER,
	    orders_new_post },
	{ "GET", "/sales/orders/#", ROLES_ALL, orders_detail_get },
	{ "GET", "/sales/orders/#/edit", ROLE_SALES | ROLE_MANAGER,
	    orders_edit_get },
	{ "POST", "/sales/orders/#/edit", ROLE_SALES | ROLE_MANAGER,
	    orders_edit_post },
	{ "POST", "/sales/orders/#/cancel", ROLE_SALES | ROLE_MANAGER,
	    orders_cancel_post },
	{ "POST", "/sales/orders/#/credit/#",
	    ROLE_SALES | ROLE_MANAGER | ROLE_FINANCE, orders_credit_post },
	{ "GET", "/sales/orders/#/return", ROLE_SALES | ROLE_MANAGER,
	    orders_return_get },
	{ "POST", "/sales/orders/#/return", ROLE_SALES | ROLE_MANAGER,
	    orders_return_post },
	{ "GET", "/sales/orders/#/costs", ROLE_FINANCE, orders_costs_get },
	{ "POST", "/sales/orders/#/costs", ROLE_FINANCE, orders_costs_post },
};

const struct route_set orders_route_set = ROUTE_SET(routes);

int
orders_options(struct req *r, struct tdict *d, const char *section,
    const char *kind, int64_t selected, const struct scope *s)
{
	struct dbres *res = NULL;
	int rc;

	if (strcmp(kind, "customer") == 0)
		rc = db_query(r->app->db, &orders_db, ST_OPT_CUSTOMER,
		    DB_ARGS(P_INT(selected), SCOPE_ARGS(s)), &res);
	else if (strcmp(kind, "rep") == 0)
		rc = db_query(r->app->db, &orders_db, ST_OPT_REP,
		    DB_ARGS(P_INT(selected), P_INT(ROLE_SALES | ROLE_MANAGER)),
		    &res);
	else
		rc = db_query(r->app->db, &orders_db,
		    strcmp(kind, "region") == 0 ? ST_OPT_REGION :
		    strcmp(kind, "channel") == 0 ? ST_OPT_CHANNEL :
		    strcmp(kind, "ptype") == 0 ? ST_OPT_PTYPE : ST_OPT_PRODUCT,
		    DB_ARGS(P_INT(selected)), &res);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		char label[512];

		if (strcmp(kind, "region") == 0 || strcmp(kind, "channel") == 0 ||
		    strcmp(kind, "ptype") == 0)
			snprintf(label, sizeof(label), "%s", tr_stored(r,
			    dbres_text(res, i, 2), dbres_text(res, i, 3)));
		else
			snprintf(label, sizeof(label), "%s · %s",
			    dbres_text(res, i, 2), dbres_text(res, i, 1));
		if (strcmp(kind, "product") == 0)
			snprintf(label, sizeof(label), "%s · %s",
			    dbres_text(res, i, 1), tr_stored(r,
			    dbres_text(res, i, 2), dbres_text(res, i, 3)));
		form_option(d, section, dbres_text(res, i, 0), label,
		    dbres_int(res, i, 0) == selected);
	}
	dbres_free(res);
	return 0;
}

/* Whether order id is in r's write scope. */
static int
order_writable(struct req *r, int64_t id, bool *yes)
{
	struct scope w = scope_of(r, &sales_scope_write);
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &orders_db, ST_WRITABLE,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&w)), &res)) != 0)
		return rc;
	*yes = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

static void
set_money(struct tdict *d, const char *name, int64_t fen)
{
	char m[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(m, fen, true));
	if (fen < 0) {
		char neg[64];

		snprintf(neg, sizeof(neg), "%s_neg", name);
		tdict_show_section(d, neg);
	}
}

static const char *const done_keys[][2] = {
	{ "created", "ord_done_created" },
	{ "saved", "ord_done_saved" },
	{ "cancelled", "ord_done_cancelled" },
	{ "returned", "ord_done_returned" },
	{ "costs", "ord_done_costs" },
	{ "credit_requested", "ord_done_credit_requested" },
	{ "cancel_requested", "ord_done_cancel_requested" },
	{ "credit_approved", "ord_done_credit_approved" },
	{ "credit_rejected", "ord_done_credit_rejected" },
	{ "credit_withdrawn", "ord_done_credit_withdrawn" },
};

/* The buttons of a pending credit request req that r's person may
 * press now, in section row. */
static int
credit_actions(struct req *r, int64_t req, struct tdict *row)
{
	struct scope s = scope_of(r, &sales_scope_credit);
	struct wf_actor wa = wf_actor_of(r);
	const struct wf_transition *t[4];
	struct wf_row *wr = NULL;
	size_t n;
	int rc;

	rc = wf_load(r->app->db, &sales_credit_flow, req, &s, &wr);
	if (rc == TC_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	n = wf_actions(&wa, wr, t, 4);
	for (size_t i = 0; i < n; i++) {
		char key[64];

		snprintf(key, sizeof(key), "CREDIT_%s", t[i]->action);
		for (char *k = key; *k != '\0'; k++)
			if (*k >= 'a' && *k <= 'z')
				*k = (char)(*k - 'a' + 'A');
		tdict_show_section(row, key);
		tdict_show_section(row, "CREDIT_ACTIONS");
	}
	wf_row_free(wr);
	return 0;
}

/* The order's credit requests, with what r's person may do to the
 * pending one; *pending says whether one is. */
static int
credit_section(struct req *r, struct tdict *d, int64_t id, bool *pending)
{
	struct dbres *res = NULL;
	char key[64];
	int rc;

	*pending = false;
	if ((rc = db_query(r->app->db, &orders_db, ST_CREDIT_REQUESTS,
	    DB_ARGS(P_INT(id)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "CREDIT_REQUEST");
		bool cancel = strcmp(dbres_text(res, i, 1), "cancel") == 0;

		tdict_set(row, "request_id", dbres_text(res, i, 0));
		tdict_set(row, "request_state", dbres_text(res, i, 2));
		snprintf(key, sizeof(key), "ord_credit_state_%s",
		    dbres_text(res, i, 2));
		tdict_set(row, "request_state_label", tr(r, key));
		tdict_set(row, "requested_at", dbres_text(res, i, 3));
		tdict_set(row, "requested_by", dbres_text(res, i, 4));
		tdict_set(row, "split_before", dbres_text(res, i, 8));
		tdict_show_section(row, cancel ? "KIND_CANCEL" : "KIND_CREDIT");
		if (!cancel)
			tdict_set(row, "split_after", dbres_text(res, i, 9));
		if (dbres_text(res, i, 6)[0] != '\0') {
			struct tdict *x = tdict_add_section(row, "DECIDED");

			tdict_set(x, "decided_at", dbres_text(res, i, 5));
			tdict_set(x, "decided_by", dbres_text(res, i, 6));
			if (dbres_text(res, i, 7)[0] != '\0')
				tdict_set(tdict_add_section(x, "DECISION_NOTE"),
				    "decision_note", dbres_text(res, i, 7));
		}
		if (strcmp(dbres_text(res, i, 2), "pending") == 0) {
			*pending = true;
			if ((rc = credit_actions(r, dbres_int(res, i, 0),
			    row)) != 0)
				break;
		}
	}
	if (dbres_rows(res) > 0)
		tdict_show_section(d, "HAS_CREDIT_REQUESTS");
	dbres_free(res);
	return rc;
}

/* Renders the detail page of order id with status (200, or 409 after a
 * refused change, with the flash already set). */
static int
detail_page(struct req *r, int64_t id, int status)
{
	struct scope s = scope_of(r, &sales_scope_read);
	struct dbres *h = NULL, *reps = NULL, *lines = NULL, *paid = NULL,
	    *rets = NULL;
	struct tdict *d = page_body(r);
	int64_t amount = 0, cost = 0, collected, returned = 0;
	bool writable = false, closed, booked, is_return, pending = false;
	const char *done;
	char buf[64], q[TC_MONEY_SIZE];
	int rc;

	if ((rc = db_query(r->app->db, &orders_db, ST_HEADER,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&s)), &h)) != 0)
		goto out;
	if (dbres_rows(h) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	if ((rc = db_query(r->app->db, &orders_db, ST_REPS,
	    DB_ARGS(P_INT(id)), &reps)) != 0 ||
	    (rc = db_query(r->app->db, &orders_db, ST_LINES,
	    DB_ARGS(P_INT(id)), &lines)) != 0 ||
	    (rc = db_query(r->app->db, &orders_db, ST_COLLECTED,
	    DB_ARGS(P_INT(id)), &paid)) != 0 ||
	    (rc = db_query(r->app->db, &orders_db, ST_RETURNS,
	    DB_ARGS(P_INT(id)), &rets)) != 0 ||
	    (rc = order_writable(r, id, &writable)) != 0 ||
	    (rc = credit_section(r, d, id, &pending)) != 0)
		goto out;
	if (pending)
		tdict_show_section(d, "CREDIT_PENDING");
	sales_tabs(r, "orders");
	done = req_get(&r->q, "done");
	for (size_t i = 0; done != NULL && i < sizeof(done_keys) /
	    sizeof(done_keys[0]); i++)
		if (strcmp(done, done_keys[i][0]) == 0)
			page_flash(r, "ok", tr(r, done_keys[i][1]));
	closed = dbres_int(h, 0, 4) != 0;
	booked = strcmp(dbres_text(h, 0, 3), "booked") == 0;
	is_return = !dbres_null(h, 0, 6);
	tdict_set(d, "id", dbres_text(h, 0, 0));
	tdict_set(d, "order_no", dbres_text(h, 0, 1));
	tdict_set(d, "order_date", dbres_text(h, 0, 2));
	order_state_key(buf, sizeof(buf), dbres_text(h, 0, 3), is_return);
	tdict_set(d, "status", buf + strlen("sales_status_"));
	tdict_set(d, "status_label", tr(r, buf));
	if (is_return && !booked)   /* "returned" says it when booked */
		tdict_show_section(d, "RETURN_TAG");
	if (closed)
		tdict_show_section(d, "CLOSED");
	if (dbres_text(h, 0, 5)[0] != '\0') {
		struct tdict *n = tdict_add_section(d, "NOTE");

		tdict_set(n, "note", dbres_text(h, 0, 5));
	}
	if (is_return) {
		struct tdict *o = tdict_add_section(d, "ORIGINAL");

		tdict_set(o, "original_id", dbres_text(h, 0, 6));
		tdict_set(o, "original_no", dbres_text(h, 0, 7));
		tdict_show_section(d, "IS_RETURN");
	}
	if (!dbres_null(h, 0, 8)) {
		struct tdict *o = tdict_add_section(d, "OPPORTUNITY");

		tdict_set(o, "opportunity_id", dbres_text(h, 0, 8));
		tdict_set(o, "opportunity_title", dbres_text(h, 0, 9));
	}
	tdict_set(d, "customer_id", dbres_text(h, 0, 10));
	tdict_set(d, "customer_code", dbres_text(h, 0, 11));
	tdict_set(d, "customer_name", dbres_text(h, 0, 12));
	tdict_set(d, "region", tr_stored(r, dbres_text(h, 0, 13),
	    dbres_text(h, 0, 14)));
	tdict_set(d, "channel", tr_stored(r, dbres_text(h, 0, 15),
	    dbres_text(h, 0, 16)));
	tdict_set(d, "created_at", dbres_text(h, 0, 17));
	tdict_set(d, "created_by", dbres_text(h, 0, 18));
	tdict_set(d, "terms", dbres_text(h, 0, 19));
	tdict_set(d, "due_date", dbres_text(h, 0, 20));
	tdict_set(d, "terms_whose", tr(r, dbres_int(h, 0, 21) != 0 ?
	    "ord_terms_own" : "ord_terms_of_customer"));
	for (size_t i = 0; i < dbres_rows(reps); i++) {
		struct tdict *p = tdict_add_section(d, "REP");
		int64_t sh;

		tdict_set(p, "rep_login", dbres_text(reps, i, 1));
		tdict_set(p, "rep_name", dbres_text(reps, i, 2));
		tdict_set(p, "rep_team", dbres_text(reps, i, 3));
		if (dbres_dec(reps, i, 4, TC_SCALE_PCT, &sh) != 0)
			sh = 0;
		tdict_set(p, "share", tc_pct_str(q, sh));
		tdict_set_int(p, "share_w", (long long)((sh / 10000 + 2) / 5 * 5));
	}
	for (size_t i = 0; i < dbres_rows(lines); i++) {
		struct tdict *l = tdict_add_section(d, "LINE");
		int64_t qty = 0, disc = 0, a = dbres_money(lines, i, 10),
		    c = dbres_money(lines, i, 11);
		bool lb = strcmp(dbres_text(lines, i, 12), "booked") == 0;

		tdict_set(l, "line_no", dbres_text(lines, i, 1));
		tdict_set(l, "product_code", dbres_text(lines, i, 2));
		tdict_set(l, "product", tr_stored(r, dbres_text(lines, i, 3),
		    dbres_text(lines, i, 4)));
		tdict_set(l, "ptype", tr_stored(r, dbres_text(lines, i, 5),
		    dbres_text(lines, i, 6)));
		dbres_dec(lines, i, 7, TC_SCALE_QTY, &qty);
		tdict_set(l, "quantity", tc_qty_str(q, qty));
		if (qty < 0)
			tdict_show_section(l, "quantity_neg");
		set_money(l, "unit_price", dbres_money(lines, i, 8));
		dbres_dec(lines, i, 9, TC_SCALE_PCT, &disc);
		tdict_set(l, "discount", tc_pct_str(q, disc));
		set_money(l, "amount", a);
		set_money(l, "cost", c);
		set_money(l, "margin", a - c);
		tdict_set(l, "line_status", dbres_text(lines, i, 12));
		snprintf(buf, sizeof(buf), "sales_status_%s",
		    dbres_text(lines, i, 12));
		tdict_set(l, "line_status_label", tr(r, buf));
		if (!dbres_null(lines, i, 13)) {
			struct tdict *o = tdict_add_section(l, "OF_LINE");

			tdict_set(o, "of_line", dbres_text(lines, i, 13));
		}
		if (lb) {
			amount += a;
			cost += c;
		}
	}
	if (dbres_rows(lines) == 0)
		tdict_show_section(d, "NO_LINES");
	collected = dbres_money(paid, 0, 0);
	set_money(d, "total_amount", amount);
	set_money(d, "total_cost", cost);
	set_money(d, "total_margin", amount - cost);
	if (amount != 0) {
		__int128 pm = (__int128)(amount - cost) * 1000 / amount;

		snprintf(buf, sizeof(buf), "%s%lld.%lld %%", pm < 0 ? "-" : "",
		    (long long)((pm < 0 ? -pm : pm) / 10),
		    (long long)((pm < 0 ? -pm : pm) % 10));
		tdict_set(d, "margin_pct", buf);
	} else
		tdict_set(d, "margin_pct", "–");
	set_money(d, "collected", collected);
	tdict_set(d, "payments", dbres_text(paid, 0, 1));
	for (size_t i = 0; i < dbres_rows(rets); i++) {
		struct tdict *t = tdict_add_section(d, "RETURN");

		tdict_set(t, "return_id", dbres_text(rets, i, 0));
		tdict_set(t, "return_no", dbres_text(rets, i, 1));
		tdict_set(t, "return_date", dbres_text(rets, i, 2));
		order_state_key(buf, sizeof(buf), dbres_text(rets, i, 3), 1);
		tdict_set(t, "return_status", buf + strlen("sales_status_"));
		tdict_set(t, "return_status_label", tr(r, buf));
		set_money(t, "return_amount", dbres_money(rets, i, 4));
		if (strcmp(dbres_text(rets, i, 3), "booked") == 0)
			returned += dbres_money(rets, i, 4);
	}
	if (dbres_rows(rets) > 0)
		tdict_show_section(d, "HAS_RETURNS");
	set_money(d, "returned", returned);
	/* Outstanding: what is owed for the order net of its returns. */
	set_money(d, "outstanding", booked ? amount + returned - collected :
	    -collected);
	if (writable && booked && !closed) {
		if (!is_return)     /* a return's lines come from its original */
			tdict_show_section(d, "CAN_EDIT");
		tdict_show_section(d, "CAN_CANCEL");
	}
	if (writable && booked && !is_return)
		tdict_show_section(d, "CAN_RETURN");
	if (has_role(r, ROLE_FINANCE) && !closed)
		tdict_show_section(d, "CAN_COSTS");
	/* Payments are finance's (collections.c's routes): recording one
	 * starts from this order, its number filled in. */
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER) && booked)
		tdict_show_section(d, "CAN_PAY");
	rc = page_send(r, status, "sales/orders-detail.tpl", "ord_detail_title",
	    "sales");
out:
	dbres_free(h);
	dbres_free(reps);
	dbres_free(lines);
	dbres_free(paid);
	dbres_free(rets);
	return rc;
}

int
orders_detail_get(struct req *r)
{
	return detail_page(r, r->ids[0], 200);
}

/* Why a change was refused, and for a closed period how to correct it. */
static void
refused_flash(struct req *r, const struct order_saved *saved)
{
	char text[1024];

	if (saved->closed_date > 0) {
		snprintf(text, sizeof(text), "%s %s", tr(r, saved->refused),
		    tr(r, "ord_closed_fix"));
		page_flash(r, "error", text);
	} else
		page_flash(r, "error", tr(r, saved->refused));
}

int
orders_cancel_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct order_saved saved;
	int64_t id = r->ids[0];
	char loc[64];
	int rc;

	rc = sales_order_cancel(&a, id, &saved);
	if (rc == TC_ECONFLICT && saved.refused != NULL) {
		/* already cancelled, or frozen: nothing changes */
		refused_flash(r, &saved);
		return detail_page(r, id, 409);
	}
	if (rc != 0)
		return rc;
	snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64 "?done=%s", id,
	    saved.request > 0 ? "cancel_requested" : "cancelled");
	return http_redirect(r, loc);
}

/* A decision on a credit request: its fields. */
enum { CR_ACTION, CR_FROM, CR_COMMENT, CR__MAX };

static const char *const credit_verbs[] = { "approve", "reject", "withdraw",
	NULL };

static const struct field credit_fields[CR__MAX] = {
	[CR_ACTION] = { "action", form_oneof, 1, 0, 0, "wf_err_action",
	    credit_verbs },
	[CR_FROM] = { "from", form_code, 0, 0, 32, "wf_err_action", NULL },
	[CR_COMMENT] = { "comment", form_text, 0, 0, 255,
	    "ord_credit_err_comment", NULL },
};

/* Approves, rejects or withdraws credit request ids[1] of order ids[0],
 * from the state the page showed; the order's page again with what
 * came of it. */
int
orders_credit_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct wf_request w = { .action = "" };
	struct wf_outcome out;
	struct order_saved saved;
	int64_t id = r->ids[0];
	struct form f;
	char loc[96];
	int rc;

	if ((rc = form_validate(&f, credit_fields, CR__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (form_has_errors(&f)) {
		page_flash(r, "error", tr(r, f.e[CR_COMMENT].err != 0 ?
		    "ord_credit_err_comment" : "wf_err_action"));
		rc = detail_page(r, id, 422);
		goto out;
	}
	w.action = form_str(&f, CR_ACTION);
	w.expect = form_str(&f, CR_FROM);
	w.comment = form_str(&f, CR_COMMENT);
	rc = sales_credit_decide(&a, id, r->ids[1], &w, &out, &saved);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/orders/%" PRId64
		    "?done=credit_%s", id, out.to);
		rc = http_redirect(r, loc);
	} else if (rc == TC_ECONFLICT && saved.refused != NULL) {
		refused_flash(r, &saved);
		rc = detail_page(r, id, 409);
	} else if (rc == TC_ECONFLICT) {
		char key[64];

		snprintf(key, sizeof(key), "ord_credit_state_%s", out.from);
		wf_flash_conflict(r, tr(r, key));
		rc = detail_page(r, id, 409);
	} else if ((rc == TC_EDENIED || rc == TC_EINVAL) && out.msg != NULL) {
		page_flash(r, "error", tr(r, out.msg));
		rc = detail_page(r, id, rc == TC_EDENIED ? 403 : 422);
	}
out:
	form_free(&f);
	return rc;
}
