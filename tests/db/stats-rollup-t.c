/* stats-rollup-t: the sales statistics read rollups (sql/sales/011) that
 * every write keeps equal to the base tables.
 *
 * - After writes through every path (the order form: a new order, a
 *   shared one, an edit of its lines, a cancellation; a payment; and by
 *   hand: a new date, a cancelled line, a new split, a product moved to
 *   another type, a bulk load refreshed as demo-data --scale does), both
 *   rollups and the credit sets equal a recomputation from orders,
 *   order_lines, order_reps and products, row for row.
 * - The statistics page's figures (stats_load: KPIs and every table)
 *   equal those of the statements the page used before the rollups
 *   (every booked line read, filters as "(? = 0 OR ...)"), for a rep, a
 *   manager and management, with each filter, over whole years, a cut
 *   month with orders outside the period, and a single cut month.
 *
 * The cast (dbt_person: forgotten at the end with what refers to them)
 * and its customer and product types are the test's own; the comparison
 * covers every row of the stack, demo data included. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "sales/sales.h"
#include "sales/stats.h"
#include "sales/write.h"
#include "tests/db/harness.h"

enum who { REP1, REP2, MGR, BOSS, FIN, WHO__MAX };

static const char *const who_name[WHO__MAX] = { "rep1", "rep2", "mgr",
    "boss", "fin" };

static struct person cast[WHO__MAX];
static char prefix[40], team[48], today[11];
static int64_t customer, product, ptype, ptype2;

/* The rollups recomputed from the base tables, every combination of
 * product type, region and channel (0: all) by its own GROUP BY, against
 * what the rollups hold: the rows missing and the rows extra. */
#define BASE_CTE \
	"WITH b AS (SELECT o.id, o.credit_set_id cs, DATE_FORMAT(o.order_date," \
	" '%Y-%m-01') m, pr.product_type_id pt, o.region_id rg," \
	" o.channel_id ch, l.amount, l.cost FROM orders o JOIN order_lines l" \
	" ON l.order_id = o.id AND l.status = 'booked' JOIN products pr" \
	" ON pr.id = l.product_id WHERE o.status = 'booked')," \
	" r AS (SELECT cs, m, 0 pt, 0 rg, 0 ch, SUM(amount) a, SUM(cost) c," \
	"  COUNT(DISTINCT id) n FROM b GROUP BY cs, m" \
	" UNION ALL SELECT cs, m, pt, 0, 0, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, pt" \
	" UNION ALL SELECT cs, m, 0, rg, 0, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, rg" \
	" UNION ALL SELECT cs, m, 0, 0, ch, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, ch" \
	" UNION ALL SELECT cs, m, pt, rg, 0, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, pt, rg" \
	" UNION ALL SELECT cs, m, pt, 0, ch, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, pt, ch" \
	" UNION ALL SELECT cs, m, 0, rg, ch, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, rg, ch" \
	" UNION ALL SELECT cs, m, pt, rg, ch, SUM(amount), SUM(cost)," \
	"  COUNT(DISTINCT id) FROM b GROUP BY cs, m, pt, rg, ch),"

/* The statements of the statistics before the rollups (the reference):
 * every booked line of the scope, the filters as "(? = 0 OR ...)". */
#define FILTER_SQL \
	" AND o.order_date >= ? AND o.order_date <= ?" \
	" AND (? = 0 OR EXISTS (SELECT 1 FROM order_reps fr" \
	"  WHERE fr.order_id = o.id AND fr.person_id = ?))" \
	" AND (? = '' OR EXISTS (SELECT 1 FROM order_reps ft" \
	"  JOIN people fp ON fp.id = ft.person_id" \
	"  WHERE ft.order_id = o.id AND fp.team = ?))" \
	" AND (? = 0 OR o.customer_id = ?)" \
	" AND (? = 0 OR EXISTS (SELECT 1 FROM order_lines fl" \
	"  JOIN products fx ON fx.id = fl.product_id" \
	"  WHERE fl.order_id = o.id AND fx.product_type_id = ?))" \
	" AND (? = 0 OR o.region_id = ?)" \
	" AND (? = 0 OR o.channel_id = ?)"
#define LINE_PTYPE_SQL "(? = 0 OR l.product_id IN (SELECT px.id FROM" \
	" products px WHERE px.product_type_id = ?))"
#define STATS_SQL(select, joins, group) \
	"SELECT " select " FROM orders o JOIN order_lines l" \
	" ON l.order_id = o.id AND l.status = 'booked'" \
	" JOIN products pr ON pr.id = l.product_id " joins \
	" WHERE o.status = 'booked' AND " LINE_PTYPE_SQL \
	" AND " SCOPE_ORDER_SQL("o.id") FILTER_SQL group

enum stmt {
	S_TYPE, S_PRODUCT, S_CUSTOMER, S_TODAY, S_MISMATCH,
	S_MISMATCH_ALL, S_SETS, S_REDATE, S_LINE_CANCEL, S_LINE_ID,
	S_REPS_DEL, S_REPS_ADD, S_RETYPE, S_BULK_ON, S_BULK_OFF, S_BULK_ORDER,
	S_BULK_REPS, S_BULK_LINE, S_REFRESH, S_REGION,
	Q_KPI, Q_BY_MONTH, Q_BY_REP, Q_BY_TEAM, Q_BY_PTYPE, Q_BY_REGION,
	Q_BY_CHANNEL, S__MAX
};

static const char *const sql[S__MAX] = {
	[S_TYPE] = "INSERT INTO product_types (code, name_zh, name_en)"
	    " VALUES (?, ?, ?)",
	[S_PRODUCT] = "INSERT INTO products (code, name_zh, name_en,"
	    " product_type_id, list_price, standard_cost)"
	    " VALUES (?, ?, ?, ?, 123.45, 40)",
	[S_CUSTOMER] = "INSERT INTO customers (code, name, region_id,"
	    " channel_id, owner_id) SELECT ?, ?, (SELECT MAX(id) FROM regions"
	    " WHERE active), (SELECT MAX(id) FROM channels WHERE active), ?",
	[S_TODAY] = "SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')",
	[S_MISMATCH] = BASE_CTE
	    " s AS (SELECT credit_set_id cs, DATE_FORMAT(month, '%Y-%m-01') m,"
	    " product_type_id pt, region_id rg, channel_id ch, amount a,"
	    " cost c, orders n FROM sales_stats)"
	    " SELECT (SELECT COUNT(*) FROM (SELECT * FROM r EXCEPT"
	    " SELECT * FROM s) x), (SELECT COUNT(*) FROM (SELECT * FROM s"
	    " EXCEPT SELECT * FROM r) y), (SELECT COUNT(*) FROM s)",
	[S_MISMATCH_ALL] = BASE_CTE
	    " ra AS (SELECT m, pt, rg, ch, SUM(a) a, SUM(c) c, SUM(n) n FROM r"
	    " GROUP BY m, pt, rg, ch), s AS (SELECT DATE_FORMAT(month,"
	    " '%Y-%m-01') m, product_type_id pt, region_id rg, channel_id ch,"
	    " amount a, cost c, orders n FROM sales_stats_all)"
	    " SELECT (SELECT COUNT(*) FROM (SELECT * FROM ra EXCEPT"
	    " SELECT * FROM s) x), (SELECT COUNT(*) FROM (SELECT * FROM s"
	    " EXCEPT SELECT * FROM ra) y), (SELECT COUNT(*) FROM s)",
	/* orders whose credit set is not their reps and shares */
	[S_SETS] = "SELECT COUNT(*) FROM orders o WHERE NOT (COALESCE((SELECT"
	    " GROUP_CONCAT(r.person_id, ':', r.share ORDER BY r.person_id)"
	    " FROM order_reps r WHERE r.order_id = o.id), '') <=> (SELECT"
	    " COALESCE(GROUP_CONCAT(m.person_id, ':', m.share ORDER BY"
	    " m.person_id), '') FROM credit_set_reps m"
	    " WHERE m.set_id = o.credit_set_id))",
	[S_REDATE] = "UPDATE orders SET order_date = order_date - INTERVAL 1"
	    " MONTH WHERE id = ?",
	[S_LINE_CANCEL] = "UPDATE order_lines SET status = 'cancelled'"
	    " WHERE id = ?",
	[S_LINE_ID] = "SELECT MIN(id) FROM order_lines WHERE order_id = ?",
	[S_REPS_DEL] = "DELETE FROM order_reps WHERE order_id = ?",
	[S_REPS_ADD] = "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, 100)",
	[S_RETYPE] = "UPDATE products SET product_type_id = ? WHERE id = ?",
	[S_BULK_ON] = "SET @sales_stats_bulk = 1",
	[S_BULK_OFF] = "SET @sales_stats_bulk = NULL",
	[S_BULK_ORDER] = "INSERT INTO orders (order_no, customer_id,"
	    " order_date, region_id, channel_id, created_by) SELECT ?, c.id,"
	    " CURDATE(), c.region_id, c.channel_id, ? FROM customers c"
	    " WHERE c.id = ?",
	[S_BULK_REPS] = "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, 40), (?, ?, 60)",
	[S_BULK_LINE] = "INSERT INTO order_lines (order_id, line_no,"
	    " product_id, quantity, unit_price, amount, cost)"
	    " VALUES (?, 1, ?, 3, 10, 30, 12)",
	[S_REFRESH] = "CALL sales_stats_refresh(?, ?)",
	[S_REGION] = "SELECT region_id, channel_id FROM customers WHERE id = ?",
	[Q_KPI] = STATS_SQL("COALESCE(SUM(l.amount), 0),"
	    " COALESCE(SUM(l.cost), 0), COUNT(DISTINCT o.id)", "", ""),
	[Q_BY_MONTH] = STATS_SQL("DATE_FORMAT(o.order_date, '%Y-%m') AS m,"
	    " '', SUM(l.amount), SUM(l.cost), COUNT(DISTINCT o.id)", "",
	    " GROUP BY m ORDER BY m"),
	[Q_BY_REP] = STATS_SQL("p.login, p.name,"
	    " ROUND(SUM(l.amount * sr.share / 100), 2) AS a,"
	    " ROUND(SUM(l.cost * sr.share / 100), 2), COUNT(DISTINCT o.id)",
	    " JOIN order_reps sr ON sr.order_id = o.id"
	    " JOIN people p ON p.id = sr.person_id",
	    " GROUP BY p.id, p.login, p.name ORDER BY a DESC, p.login"),
	[Q_BY_TEAM] = STATS_SQL("p.team, p.team,"
	    " ROUND(SUM(l.amount * sr.share / 100), 2) AS a,"
	    " ROUND(SUM(l.cost * sr.share / 100), 2), COUNT(DISTINCT o.id)",
	    " JOIN order_reps sr ON sr.order_id = o.id"
	    " JOIN people p ON p.id = sr.person_id",
	    " GROUP BY p.team ORDER BY a DESC, p.team"),
	[Q_BY_PTYPE] = STATS_SQL("pt.name_zh, pt.name_en, SUM(l.amount) AS a,"
	    " SUM(l.cost), COUNT(DISTINCT o.id)",
	    " JOIN product_types pt ON pt.id = pr.product_type_id",
	    " GROUP BY pt.id, pt.name_zh, pt.name_en ORDER BY a DESC, pt.id"),
	[Q_BY_REGION] = STATS_SQL("rg.name_zh, rg.name_en, SUM(l.amount) AS a,"
	    " SUM(l.cost), COUNT(DISTINCT o.id)",
	    " JOIN regions rg ON rg.id = o.region_id",
	    " GROUP BY rg.id, rg.name_zh, rg.name_en ORDER BY a DESC, rg.id"),
	[Q_BY_CHANNEL] = STATS_SQL("ch.name_zh, ch.name_en, SUM(l.amount) AS a,"
	    " SUM(l.cost), COUNT(DISTINCT o.id)",
	    " JOIN channels ch ON ch.id = o.channel_id",
	    " GROUP BY ch.id, ch.name_zh, ch.name_en ORDER BY a DESC, ch.id"),
};

static struct db_table st_db = DB_TABLE("stats-rollup-t", sql);

static int64_t
query_int(int idx, const struct db_param *p, size_t n)
{
	struct dbres *res = NULL;
	int64_t v;

	ck_assert_int_eq(db_query(dbt_db, &st_db, idx, p, n, &res), 0);
	v = dbres_int(res, 0, 0);
	dbres_free(res);
	return v;
}

static void
exec(int idx, const struct db_param *p, size_t n, uint64_t *id)
{
	ck_assert_int_eq(db_exec(dbt_db, &st_db, idx, p, n, NULL, id), 0);
}

static void
add_person(enum who w, const char *t, const char *manager, unsigned roles)
{
	dbt_person(dbt_db, &cast[w], prefix, who_name[w], t, manager, roles);
}

static void
setup(void)
{
	struct dbres *res;
	char code[64], name[64];
	uint64_t id = 0;

	dbt_setup();
	dbt_unique(prefix, sizeof(prefix), "srt");
	snprintf(team, sizeof(team), "T-%s", prefix);
	memset(cast, 0, sizeof(cast));
	add_person(MGR, team, NULL, ROLE_SALES | ROLE_MANAGER);
	add_person(REP1, team, cast[MGR].login, ROLE_SALES);
	add_person(REP2, "", cast[MGR].login, ROLE_SALES);
	add_person(BOSS, "", NULL, ROLE_MANAGEMENT);
	add_person(FIN, "", NULL, ROLE_FINANCE);
	for (int k = 0; k < 2; k++) {
		snprintf(code, sizeof(code), "%s-%d", prefix, k);
		snprintf(name, sizeof(name), "type %d of %s", k, prefix);
		exec(S_TYPE, DB_ARGS(P_TEXT(code), P_TEXT(name), P_TEXT(name)),
		    &id);
		*(k == 0 ? &ptype : &ptype2) = (int64_t)id;
	}
	snprintf(code, sizeof(code), "%s", prefix);
	exec(S_PRODUCT, DB_ARGS(P_TEXT(code), P_TEXT(prefix), P_TEXT(prefix),
	    P_INT(ptype)), &id);
	product = (int64_t)id;
	exec(S_CUSTOMER, DB_ARGS(P_TEXT(code), P_TEXT(prefix),
	    P_INT(cast[REP1].id)), &id);
	customer = (int64_t)id;
	ck_assert_int_eq(db_query(dbt_db, &st_db, S_TODAY, NULL, 0, &res), 0);
	snprintf(today, sizeof(today), "%s", dbres_text(res, 0, 0));
	dbres_free(res);
}

/* Both rollups and the credit sets equal the base tables (step names
 * the write just made, for the message). */
static void
rollups_equal(const char *step)
{
	struct dbres *res = NULL;

	for (int idx = S_MISMATCH; idx <= S_MISMATCH_ALL; idx++) {
		ck_assert_int_eq(db_query(dbt_db, &st_db, idx, NULL, 0, &res), 0);
		ck_assert_msg(dbres_int(res, 0, 0) == 0 &&
		    dbres_int(res, 0, 1) == 0, "after %s, %s: %lld rows missing,"
		    " %lld rows extra (of %lld)", step, idx == S_MISMATCH ?
		    "sales_stats" : "sales_stats_all",
		    (long long)dbres_int(res, 0, 0),
		    (long long)dbres_int(res, 0, 1),
		    (long long)dbres_int(res, 0, 2));
		ck_assert_msg(dbres_int(res, 0, 2) > 0, "after %s: empty", step);
		dbres_free(res);
	}
	ck_assert_msg(query_int(S_SETS, NULL, 0) == 0,
	    "after %s: orders whose credit set is not their reps", step);
}

static struct sales_actor
actor(enum who w)
{
	struct sales_actor a = { dbt_db, dbt_conf(), &cast[w],
	    { cast[w].login, "stats-rollup-t" } };

	return a;
}

static void
add(struct req_fields *f, const char *name, const char *value)
{
	ck_assert_int_eq(req_fields_add(f, name, value), 0);
}

static void
add_id(struct req_fields *f, const char *name, int64_t v)
{
	char t[24];

	snprintf(t, sizeof(t), "%lld", (long long)v);
	add(f, name, t);
}

/* Saves the order form as REP1 (id 0: new): one line of qty of the
 * product, credited to REP1 (and REP2, sharing half). */
static int64_t
save(int64_t id, const char *qty, bool shared)
{
	struct sales_actor a = actor(REP1);
	struct req_fields f;
	struct order_input in;
	struct order_saved saved;

	req_fields_init(&f);
	add_id(&f, "customer", customer);
	add(&f, "order_date", today);
	add_id(&f, "rep", cast[REP1].id);
	add(&f, "share", shared ? "50" : "100");
	if (shared) {
		add_id(&f, "rep", cast[REP2].id);
		add(&f, "share", "50");
	}
	add_id(&f, "product_1", product);
	add(&f, "qty_1", qty);
	memset(&saved, 0, sizeof(saved));
	ck_assert_int_eq(sales_order_save(&a, id, &f, NULL, &in, &saved), 0);
	ck_assert_int_eq(saved.request, 0);
	order_input_free(&in);
	req_fields_free(&f);
	return saved.id;
}

START_TEST(every_write_keeps_the_rollups_equal_to_the_base_tables)
{
	struct sales_actor a = actor(REP1);
	struct order_saved saved;
	struct payment_saved paid;
	struct req_fields f;
	struct form pf;
	int64_t own, shared, line, bulk;
	char no[64];
	uint64_t id = 0;

	rollups_equal("the migration and the tests before");
	own = save(0, "2", false);
	rollups_equal("a new order (the form)");
	shared = save(0, "3", true);
	rollups_equal("a shared order (the form)");
	ck_assert_int_eq(save(own, "5", false), own);
	rollups_equal("an order's lines edited (the form)");
	{
		struct dbres *res;

		ck_assert_int_eq(db_query_text(dbt_db, "stats-rollup-t",
		    "SELECT order_no FROM orders WHERE id = ?",
		    DB_ARGS(P_INT(shared)), &res), 0);
		snprintf(no, sizeof(no), "%s", dbres_text(res, 0, 0));
		dbres_free(res);
	}
	req_fields_init(&f);
	add(&f, "order", no);
	add(&f, "date", today);
	add(&f, "amount", "10.00");
	memset(&pf, 0, sizeof(pf));
	memset(&paid, 0, sizeof(paid));
	{
		struct sales_actor fin = actor(FIN);

		ck_assert_int_eq(sales_payment_save(&fin, &f, &pf, &paid), 0);
	}
	form_free(&pf);
	req_fields_free(&f);
	rollups_equal("a payment (the form)");
	memset(&saved, 0, sizeof(saved));
	ck_assert_int_eq(sales_order_cancel(&a, own, &saved), 0);
	ck_assert_int_eq(saved.request, 0);
	rollups_equal("an order cancelled (the form)");

	exec(S_REDATE, DB_ARGS(P_INT(shared)), NULL);
	rollups_equal("an order moved to the month before (by hand)");
	line = query_int(S_LINE_ID, DB_ARGS(P_INT(shared)));
	exec(S_LINE_CANCEL, DB_ARGS(P_INT(line)), NULL);
	rollups_equal("a line cancelled (by hand)");
	bulk = save(0, "7", true);
	exec(S_REPS_DEL, DB_ARGS(P_INT(bulk)), NULL);
	exec(S_REPS_ADD, DB_ARGS(P_INT(bulk), P_INT(cast[REP2].id)), NULL);
	rollups_equal("a new split (by hand)");
	exec(S_RETYPE, DB_ARGS(P_INT(ptype2), P_INT(product)), NULL);
	rollups_equal("a product moved to another type (reference data)");

	/* a bulk load: the triggers skip, the refresh recomputes */
	exec(S_BULK_ON, NULL, 0, NULL);
	snprintf(no, sizeof(no), "%s-bulk", prefix);
	exec(S_BULK_ORDER, DB_ARGS(P_TEXT(no), P_INT(cast[REP1].id),
	    P_INT(customer)), &id);
	exec(S_BULK_REPS, DB_ARGS(P_INT(id), P_INT(cast[REP1].id), P_INT(id),
	    P_INT(cast[MGR].id)), NULL);
	exec(S_BULK_LINE, DB_ARGS(P_INT(id), P_INT(product)), NULL);
	exec(S_BULK_OFF, NULL, 0, NULL);
	exec(S_REFRESH, DB_ARGS(P_INT(id), P_INT(id)), NULL);
	rollups_equal("a bulk load and its refresh");
}
END_TEST

/* --- the page's figures against the statements before the rollups --- */

static void
fake_req(struct req *r, struct app *app, enum who w)
{
	memset(r, 0, sizeof(*r));
	memset(app, 0, sizeof(*app));
	app->db = dbt_db;
	r->app = app;
	r->signed_in = true;
	r->me = cast[w];
	r->lang = "zh";
	r->remote = "stats-rollup-t";
}

/* Row x of the page equals row k of the reference (label in column
 * label_col; an empty one is "no team", as the page names it). */
static void
same_row(const struct stats_row *x, const struct dbres *res, size_t k,
    size_t label_col, enum who w, const char *what)
{
	const char *label = dbres_text(res, k, label_col);

	ck_assert_msg((label[0] == '\0' || strcmp(label, x->label) == 0) &&
	    x->amount == dbres_money(res, k, 2) &&
	    x->cost == dbres_money(res, k, 3) &&
	    x->count == dbres_int(res, k, 4), "%s, %s, row %zu: %s %lld %lld"
	    " %lld, expected %s %s %s %s", who_name[w], what, k, x->label,
	    (long long)x->amount, (long long)x->cost, (long long)x->count,
	    label, dbres_text(res, k, 2), dbres_text(res, k, 3),
	    dbres_text(res, k, 4));
}

/* The page's months (every month it shows, empty ones too) against the
 * reference's (the months with orders). */
static void
same_months(const struct stats *st, const struct dbres *res, enum who w,
    const char *what)
{
	for (size_t i = 0; i < st->n[SG_MONTH]; i++) {
		const struct stats_row *x = &st->rows[SG_MONTH][i];
		size_t k = 0;

		while (k < dbres_rows(res) && strcmp(dbres_text(res, k, 0),
		    x->label) != 0)
			k++;
		if (k < dbres_rows(res))
			same_row(x, res, k, 0, w, what);
		else
			ck_assert_msg(x->amount == 0 && x->count == 0, "%s, %s:"
			    " month %s has %lld, expected none", who_name[w], what,
			    x->label, (long long)x->amount);
	}
}

/* stats_load's KPIs and tables for f as w equal the reference's. */
static void
same_figures(enum who w, const struct stats_filter *f, const char *what)
{
	struct app app;
	struct req r;
	struct scope s;
	struct stats st;
	struct dbres *res = NULL;
	const struct db_param p[] = {
	    P_INT(f->ptype), P_INT(f->ptype), P_INT(0), P_INT(0), P_INT(0),
	    P_TEXT(""), P_TEXT(""),
	    P_TEXT(f->from), P_TEXT(f->to), P_INT(f->rep), P_INT(f->rep),
	    P_TEXT(f->team), P_TEXT(f->team), P_INT(f->customer),
	    P_INT(f->customer), P_INT(f->ptype), P_INT(f->ptype),
	    P_INT(f->region), P_INT(f->region), P_INT(f->channel),
	    P_INT(f->channel) };
	struct db_param q[sizeof(p) / sizeof(p[0])];

	fake_req(&r, &app, w);
	s = scope_of(&r, &sales_scope_read);
	memcpy(q, p, sizeof(p));
	q[2] = P_INT(s.kind);
	q[3] = P_INT(s.me);
	q[4] = P_INT(s.kind);
	q[5] = P_TEXT(s.team);
	q[6] = P_TEXT(s.login);
	ck_assert_int_eq(stats_load(&r, f, &s, &st), 0);
	ck_assert_int_eq(db_query(dbt_db, &st_db, Q_KPI, q,
	    sizeof(q) / sizeof(q[0]), &res), 0);
	ck_assert_msg(st.amount == dbres_money(res, 0, 0) &&
	    st.cost == dbres_money(res, 0, 1) && st.count == dbres_int(res, 0, 2),
	    "%s, %s: KPIs %lld %lld %lld, expected %s %s %s", who_name[w], what,
	    (long long)st.amount, (long long)st.cost, (long long)st.count,
	    dbres_text(res, 0, 0), dbres_text(res, 0, 1), dbres_text(res, 0, 2));
	dbres_free(res);
	for (size_t g = 0; g < SG__MAX; g++) {
		ck_assert_int_eq(db_query(dbt_db, &st_db, Q_BY_MONTH + (int)g, q,
		    sizeof(q) / sizeof(q[0]), &res), 0);
		if (g == SG_MONTH)
			same_months(&st, res, w, what);
		else {
			size_t want = dbres_rows(res) < STATS_MAX_GROUP ?
			    dbres_rows(res) : STATS_MAX_GROUP;   /* the page's */

			ck_assert_msg(st.n[g] == want, "%s, %s, table"
			    " %zu: %zu rows, expected %zu", who_name[w], what, g,
			    st.n[g], want);
			for (size_t i = 0; i < st.n[g]; i++)
				same_row(&st.rows[g][i], res, i, g == SG_REP ||
				    g == SG_TEAM ? 1 : 0, w, what);
		}
		dbres_free(res);
	}
	stats_free(&st);
}

START_TEST(the_page_reads_the_same_figures_as_every_line_gave)
{
	struct stats_filter f = { .from = "1000-01-01", .to = "9999-12-31",
	    .team = "" };
	int64_t region, channel;
	char year_ago[24], mid[24];
	static const enum who readers[] = { REP1, MGR, BOSS };
	struct dbres *res;

	save(0, "2", false);
	save(0, "3", true);
	ck_assert_int_eq(db_query(dbt_db, &st_db, S_REGION,
	    DB_ARGS(P_INT(customer)), &res), 0);
	region = dbres_int(res, 0, 0);
	channel = dbres_int(res, 0, 1);
	dbres_free(res);
	snprintf(year_ago, sizeof(year_ago), "%04d-%.2s-01",
	    atoi(today) - 1, today + 5);
	snprintf(mid, sizeof(mid), "%.8s15", today);
	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		enum who w = readers[i];
		struct stats_filter x = f;

		same_figures(w, &x, "every date");
		x.from = year_ago;
		x.to = today;
		same_figures(w, &x, "the last year to today");
		x.from = mid;
		same_figures(w, &x, "from the 15th of this month");
		x.from = "2026-01-10";
		x.to = "2026-03-20";
		same_figures(w, &x, "2026-01-10 to 2026-03-20");
		x.from = "2026-02-03";
		x.to = "2026-02-17";
		same_figures(w, &x, "within February");
		x = f;
		x.rep = cast[REP2].id;
		same_figures(w, &x, "rep2");
		x = f;
		x.team = team;
		same_figures(w, &x, "the team");
		x = f;
		x.customer = customer;
		same_figures(w, &x, "the customer");
		x = f;
		x.ptype = ptype;
		same_figures(w, &x, "the product type");
		x = f;
		x.region = region;
		same_figures(w, &x, "the region");
		x.channel = channel;
		x.from = year_ago;
		x.to = mid;
		same_figures(w, &x, "the region and channel, to the 15th");
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("stats-rollup");
	TCase *tc = tcase_create("rollups");

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_write_keeps_the_rollups_equal_to_the_base_tables);
	tcase_add_test(tc, the_page_reads_the_same_figures_as_every_line_gave);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
