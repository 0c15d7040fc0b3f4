/* collections.c: payments received (回款) against orders.
 *
 * Finance (and settlement reviewers) record payments one by one or by
 * CSV import (collections-import.c); a refund is a negative payment.  A
 * payment on a cancelled order is refused; an over-payment (collected
 * above the order amount) is accepted with a warning, since the money did
 * arrive.  Everyone reads payments and receivables within their read
 * scope (SCOPE_ORDER_SQL): a rep sees the collection status of the orders
 * on which they hold a share, and gets 404 for any other.
 *
 * An order's amount is the sum of its booked lines' amounts; its
 * collected amount the sum of its payments; outstanding the difference.
 *
 * Routes (the imports of orders, import.c, share this route set):
 *   GET  /sales/collections              payments, filtered and sorted
 *   GET  /sales/collections/open         receivables per order
 *   GET  /sales/collections/order/#      one order's collection status
 *   GET  /sales/collections/new          record a payment (finance)
 *   POST /sales/collections/new
 *   GET  /sales/collections/import       import payments.csv (finance)
 *   POST /sales/collections/import
 *   GET  /sales/import                   import orders.csv (sales roles, as
 *                                        the order form)
 *   POST /sales/import
 *   GET  /sales/import/sample.csv        a sample orders file */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/charset.h"
#include "core/chart.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/money.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"
#include "sales/collections.h"
#include "sales/sales.h"
#include "sales/write.h"

#define PER_PAGE 50

/* Defined in collections-import.c and import.c. */
int coll_import_get(struct req *r);
int coll_import_post(struct req *r);
int imp_orders_get(struct req *r);
int imp_orders_post(struct req *r);
int imp_orders_sample(struct req *r);

/* --- shared helpers --- */

char *
coll_ymd(char buf[11], int32_t ymd)
{
	unsigned y = (unsigned)(ymd / 10000) % 10000u;
	unsigned m = (unsigned)(ymd / 100 % 100) % 100u;
	unsigned dd = (unsigned)(ymd % 100) % 100u;

	snprintf(buf, 11, "%04u-%02u-%02u", y, m, dd);
	return buf;
}

char *
coll_today(char buf[11])
{
	return tc_today_str(buf);
}

void
coll_set_money(struct tdict *d, const char *name, int64_t fen)
{
	char buf[TC_MONEY_SIZE], sec[64];

	tdict_set(d, name, tc_money_str(buf, fen, true));
	if (fen < 0) {
		snprintf(sec, sizeof(sec), "%s_NEG", name);
		tdict_show_section(d, sec);
	}
}

void
coll_report_errors(struct req *r, struct tdict *d, struct imp_errs *errs)
{
	const char *whole = NULL;
	struct form_errors fe;
	struct tdict *fs;
	char msg[512];
	size_t rows = 0;

	/* by line, keeping the order found within a line (a stable
	 * insertion sort: the lists are short) */
	for (size_t i = 1; i < errs->n; i++) {
		struct imp_err t = errs->v[i];
		size_t j = i;

		while (j > 0 && errs->v[j - 1].line > t.line) {
			errs->v[j] = errs->v[j - 1];
			j--;
		}
		errs->v[j] = t;
	}
	for (size_t i = 0; i < errs->n; i++) {
		const struct imp_err *x = &errs->v[i];
		struct tdict *e;

		if (x->line == 0) {
			if (whole == NULL)
				whole = x->key;
			continue;
		}
		e = tdict_add_section(d, "ERROR");
		tdict_set_int(e, "err_line", x->line);
		tdict_set(e, "err_column", x->column[0] ? x->column : "–");
		tdict_set(e, "err_reason", tr(r, x->key));
		tdict_set(e, "err_value", x->value);
		rows++;
	}
	if (whole != NULL)
		snprintf(msg, sizeof(msg), "%s", tr(r, whole));
	else
		snprintf(msg, sizeof(msg), "%zu %s%s", imp_errs_lines(errs),
		    tr(r, imp_errs_lines(errs) == 1 ? "imp_bad_row" :
		    "imp_bad_rows"), tr(r, "imp_see_report"));
	fs = tdict_add_section(d, "FILE_ERROR");
	tdict_set(fs, "error", msg);
	tdict_set(fs, "error_id", "file-error");
	form_errors_init(&fe, d, r->cat);
	form_summary_add(&fe, "file", tr(r, "imp_file"), msg);
	if (rows == 0)
		return;
	tdict_show_section(d, "REPORT");
	tdict_set_int(d, "bad_rows", (long long)imp_errs_lines(errs));
	tdict_set(d, "bad_rows_label", tr(r, imp_errs_lines(errs) == 1 ?
	    "imp_bad_row" : "imp_bad_rows"));
	tdict_set_int(d, "err_count", (long long)errs->n);
}

const char *
coll_upload(const struct req *r, const char **data, size_t *len,
    char **owned)
{
	const struct req_pair *p = req_first(&r->form, "file");

	*owned = NULL;
	if (p == NULL || p->filename == NULL || p->filename[0] == '\0')
		return "imp_err_no_file";
	if (p->valsz == 0)
		return "imp_err_empty";
	/* UTF-8, or Chinese Excel's CSV; what is neither is refused (a NUL,
	 * say) */
	if (tc_upload_utf8(p->value, p->valsz, data, len, owned) != 0)
		return "imp_err_utf8";
	return NULL;
}

/* --- statements --- */

/* Order column col is in scope: as SCOPE_ORDER_SQL (same parameters),
 * but as a scalar subquery.  With EXISTS, MariaDB 10.11 turned the test
 * into a semi-join that, in the prepared receivables list, returned an
 * order once per credited rep. */
#define ORDER_IN_SCOPE(col) \
	"(SELECT COUNT(*) FROM order_reps sx WHERE sx.order_id = " col \
	" AND " SCOPE_SQL("sx.person_id") ") > 0"

#define REPS_OF(col) \
	"(SELECT GROUP_CONCAT(rp.name ORDER BY orp.share DESC, rp.name" \
	" SEPARATOR ', ') FROM order_reps orp JOIN people rp ON" \
	" rp.id = orp.person_id WHERE orp.order_id = " col ")"

enum stmt {
	S_PAY_MONTHS,
	S_ORDER,
	S_ORDER_PAYMENTS,
	S__MAX
};

/* An order's due date: its order date plus its own payment terms, or
 * its customer's (sql/sales/014); receivables age from it. */
#define DUE_SQL \
	"DATE_ADD(o.order_date, INTERVAL COALESCE(o.payment_terms_days," \
	" (SELECT ct.payment_terms_days FROM customers ct" \
	" WHERE ct.id = o.customer_id)) DAY)"

static const char *const stmts[S__MAX] = {
	[S_PAY_MONTHS] =
	    "SELECT DATE_FORMAT(pm.payment_date, '%Y-%m') AS m,"
	    " COALESCE(SUM(CASE WHEN pm.amount > 0 THEN pm.amount END), 0),"
	    " COALESCE(-SUM(CASE WHEN pm.amount < 0 THEN pm.amount END), 0)"
	    " FROM payments pm JOIN orders o ON o.id = pm.order_id"
	    " WHERE " ORDER_IN_SCOPE("o.id")
	    " AND pm.payment_date >= ? AND pm.payment_date <= ?"
	    " GROUP BY m ORDER BY m",
	[S_ORDER] =
	    "SELECT o.id, o.order_no, o.order_date, o.status, c.name, c.code,"
	    " COALESCE((SELECT SUM(ol.amount) FROM order_lines ol WHERE"
	    "  ol.order_id = o.id AND ol.status = 'booked'), 0),"
	    " COALESCE((SELECT SUM(pp.amount) FROM payments pp WHERE"
	    "  pp.order_id = o.id), 0), " REPS_OF("o.id") ","
	    " DATEDIFF(?, " DUE_SQL "), o.original_order_id, " DUE_SQL
	    " FROM orders o JOIN customers c ON c.id = o.customer_id"
	    " WHERE o.id = ? AND " ORDER_IN_SCOPE("o.id"),
	[S_ORDER_PAYMENTS] =
	    "SELECT pm.payment_no, pm.payment_date, pm.amount, pm.reference,"
	    " COALESCE(pe.name, ''), pm.created_at"
	    " FROM payments pm LEFT JOIN people pe ON pe.id = pm.created_by"
	    " WHERE pm.order_id = ? ORDER BY pm.payment_date, pm.payment_no",
};

static struct db_table coll_db = DB_TABLE("collections", stmts);

/* --- the payments list (core/list) --- */

enum pfilter { PF_FROM, PF_TO, PF_ORDER, PF_CUSTOMER, PF_KIND, PF__MAX };

static const char *const kinds[] = { "in", "refund", NULL };

static const struct list_frag kind_where[] = {
	{ "pm.amount > 0", { LA_END } },
	{ "pm.amount < 0", { LA_END } },
};

static const struct list_filter pay_filters[PF__MAX] = {
	[PF_FROM] = { .field = { "from", form_date, 0, 0, 0, "coll_err_date",
	    NULL }, .label = "sales_from",
	    .where = { "pm.payment_date >= ?", { LA_TEXT } } },
	[PF_TO] = { .field = { "to", form_date, 0, 0, 0, "coll_err_date",
	    NULL }, .label = "sales_to",
	    .where = { "pm.payment_date <= ?", { LA_TEXT } } },
	[PF_ORDER] = { .field = { "order", form_text, 0, 1, 40,
	    "coll_err_text", NULL }, .label = "sales_order_no",
	    .where = { "pm.order_id IN (SELECT ox.id FROM orders ox"
	    " WHERE ox.order_no LIKE ?)", { LA_CONTAINS } } },
	[PF_CUSTOMER] = { .field = { "customer", form_text, 0, 1, 100,
	    "coll_err_text", NULL }, .label = "sales_customer",
	    .where = { "pm.order_id IN (SELECT ox.id FROM orders ox"
	    " JOIN customers cx ON cx.id = ox.customer_id"
	    " WHERE cx.name LIKE ? OR cx.code = ?)",
	    { LA_CONTAINS, LA_TEXT } } },
	[PF_KIND] = { .field = { "kind", form_oneof, 0, 0, 0, NULL, kinds },
	    .label = "coll_kind", .choice_where = kind_where },
};

/* Served by payments_date and payments_amount (with the id).  By order
 * or customer no index of payments can sort: those orders went. */
static const struct list_sort pay_sorts[] = {
	{ "date", "sales_date", "pm.payment_date, pm.id",
	    "pm.payment_date DESC, pm.id DESC", LIST_SORT_DESC_FIRST },
	{ "amount", "sales_amount", "pm.amount, pm.id",
	    "pm.amount DESC, pm.id DESC", LIST_SORT_NUM | LIST_SORT_DESC_FIRST },
};

/* A payment is in scope when its order is (sales_order_scope, on the
 * payment's order id). */
const struct list_scope sales_payments_scope = {
	"EXISTS (SELECT 1 FROM order_reps sx WHERE sx.order_id = pm.order_id"
	    " AND " LIST_SCOPE_OWN_SQL("sx.person_id") ")",
	"EXISTS (SELECT 1 FROM order_reps sx WHERE sx.order_id = pm.order_id"
	    " AND " LIST_SCOPE_TEAM_SQL("sx.person_id") ")",
};

/* Payments alone in FROM: joined to their orders and customers, MariaDB
 * would at times read the customers first and sort every payment
 * (tests/db/lists-t).  The order and the customer are read for the rows
 * of the page (subqueries of the select list run for the rows sent), the
 * filters on them are semi-joins. */
const struct list_def sales_payments_list = {
	.name = "collections-payments",
	.path = "/sales/collections",
	.select = "SELECT pm.id, pm.payment_no, pm.payment_date, pm.amount,"
	    " pm.reference, pm.order_id,"
	    " (SELECT o.order_no FROM orders o WHERE o.id = pm.order_id),"
	    " (SELECT c.name FROM orders o JOIN customers c"
	    " ON c.id = o.customer_id WHERE o.id = pm.order_id),"
	    " (SELECT o.status FROM orders o WHERE o.id = pm.order_id)",
	.from = " FROM payments pm",
	.totals = "COUNT(*), COALESCE(SUM(t.a), 0),"
	    " COALESCE(SUM(CASE WHEN t.a > 0 THEN t.a END), 0),"
	    " COALESCE(SUM(CASE WHEN t.a < 0 THEN t.a END), 0),"
	    " COUNT(DISTINCT t.oid)",
	.totals_cols = "pm.amount AS a, pm.order_id AS oid",
	.filters = pay_filters, .nfilters = PF__MAX,
	.sorts = pay_sorts, .nsorts = sizeof(pay_sorts) / sizeof(pay_sorts[0]),
	.sort_default = 0, .desc_default = true,
	.per_page = PER_PAGE,
};

/* Shows the kpi_<name> figures of the list's totals, or "—" when the
 * count stopped at its cap (totals of the first rows would be wrong). */
static void
set_kpi(const struct list *l, struct tdict *d, const char *name, size_t col)
{
	if (l->capped)
		tdict_set(d, name, "—");
	else
		coll_set_money(d, name, dbres_money(l->totals, 0, col));
}

/* The last twelve months of collections as a chart: received above the
 * zero line, refunds below it, in the reader's scope. */
static int
months_chart(struct req *r, struct tdict *d, const struct scope *sc)
{
	struct dbres *res = NULL;
	int64_t in[12] = { 0 }, out[12] = { 0 };
	char label[12][8];
	const char *cats[12];
	int32_t today = tc_today();
	char from[TC_DATE_SIZE], to[TC_DATE_SIZE];
	int y = tc_date_year(today), m = tc_date_month(today), fy = y, fm = m;
	int rc;

	tc_month_add(&fy, &fm, -11);
	tc_date_str(from, tc_date_make(fy, fm, 1));
	tc_date_str(to, today);
	if ((rc = db_query(r->app->db, &coll_db, S_PAY_MONTHS,
	    DB_ARGS(SCOPE_ARGS(sc), P_TEXT(from), P_TEXT(to)), &res)) != 0)
		return rc;
	for (int i = 11; i >= 0; i--) {
		snprintf(label[i], sizeof(label[i]), "%04u-%02u",
		    (unsigned)y % 10000u, (unsigned)m % 100u);
		cats[i] = label[i];
		for (size_t k = 0; k < dbres_rows(res); k++)
			if (strcmp(dbres_text(res, k, 0), label[i]) == 0) {
				in[i] = dbres_money(res, k, 1);
				out[i] = -dbres_money(res, k, 2);
			}
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
	dbres_free(res);

	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
	    .stacked = true, .table = true, .id = "chart-collections",
	    .title = tr(r, "coll_chart_months"),
	    .cat_title = tr(r, "sales_month"), .cats = cats, .ncat = 12,
	    .nseries = 2 };

	c.series[0].name = tr(r, "coll_kind_in");
	c.series[0].v = in;
	c.series[1].name = tr(r, "coll_kind_refund");
	c.series[1].v = out;
	return chart_show(r, tdict_add_section(d, "MONTHS_CHART"), "CHART", &c);
}

/* The amounts still open, by age (buckets 0..4: up to 30, 60, 90, 180
 * days, older), as bars with the number of orders beside each. */
static int
aging_chart(struct req *r, struct tdict *d, struct dbres *ag)
{
	static const char *const bucket_keys[5] = { "coll_due_not_yet",
	    "coll_due_1_30", "coll_due_31_60", "coll_due_61_90",
	    "coll_due_91" };
	int64_t amt[5] = { 0 }, cnt[5] = { 0 };
	const char *cats[5], *notes[5];
	char note[5][64];

	for (size_t k = 0; k < dbres_rows(ag); k++) {
		int64_t b = dbres_int(ag, k, 0);

		if (b >= 0 && b < 5) {
			cnt[b] = dbres_int(ag, k, 1);
			amt[b] = dbres_money(ag, k, 2);
		}
	}
	for (int b = 0; b < 5; b++) {
		char sh[CHART_LABEL_SIZE];

		cats[b] = tr(r, bucket_keys[b]);
		snprintf(note[b], sizeof(note[b]), "%s · %lld",
		    chart_short(sh, amt[b], CHART_MONEY, r->lang),
		    (long long)cnt[b]);
		notes[b] = note[b];
	}

	struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
	    .table = true, .id = "chart-aging", .title = tr(r, "coll_chart_aging"),
	    .cat_title = tr(r, "coll_age"), .cats = cats, .notes = notes,
	    .ncat = 5, .nseries = 1, .width = 960 };

	c.series[0].name = tr(r, "sales_outstanding");
	c.series[0].v = amt;
	return chart_show(r, tdict_add_section(d, "AGING"), "CHART", &c);
}

static int
payments_list(struct req *r)
{
	struct scope sc = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	const struct form_value *kind;
	struct list l;
	int rc;

	list_init(&l, &sales_payments_list);
	list_scope(&l, &sales_payments_scope, sc.kind, sc.me, sc.team,
	    sc.login);
	if ((rc = list_run(&l, r, d)) != 0 ||
	    (rc = months_chart(r, d, &sc)) != 0)
		goto out;
	kind = list_value(&l, PF_KIND);
	if (kind != NULL)
		tdict_show_section(d, kind->i == 0 ? "KIND_IN" : "KIND_REFUND");
	if (!l.invalid) {
		set_kpi(&l, d, "kpi_net", 1);
		set_kpi(&l, d, "kpi_in", 2);
		set_kpi(&l, d, "kpi_refund", 3);
		if (l.capped)
			tdict_set(d, "kpi_orders", "—");
		else
			tdict_set_int(d, "kpi_orders", dbres_int(l.totals, 0, 4));
	}
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER))
		tdict_show_section(d, "CAN_WRITE");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "PAYMENT");

		tdict_set(row, "payment_no", dbres_text(l.rows, i, 1));
		tdict_set(row, "date", dbres_text(l.rows, i, 2));
		coll_set_money(row, "amount", dbres_money(l.rows, i, 3));
		if (dbres_money(l.rows, i, 3) < 0)
			tdict_show_section(row, "REFUND");
		tdict_set(row, "reference", dbres_text(l.rows, i, 4));
		tdict_set(row, "order_id", dbres_text(l.rows, i, 5));
		tdict_set(row, "order_no", dbres_text(l.rows, i, 6));
		tdict_set(row, "customer", dbres_text(l.rows, i, 7));
	}
	sales_tabs(r, "collections");
	rc = page_send(r, list_status(&l), "sales/collections-list.tpl",
	    "coll_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* --- receivables (core/list) --- */

enum ofilter { OF_ORDER, OF_CUSTOMER, OF_FROM, OF_TO, OF_STATE, OF__MAX };

static const char *const states[] = { "open", "paid", "over", "all", NULL };

/* On the rollups of the order (sql/sales/004). */
static const struct list_frag state_where[] = {
	{ "o.outstanding > 0", { LA_END } },
	{ "o.amount_booked > 0 AND o.collected = o.amount_booked", { LA_END } },
	{ "o.amount_booked >= 0 AND o.collected > o.amount_booked", { LA_END } },
	{ NULL, { LA_END } },
};

static const struct list_filter open_filters[OF__MAX] = {
	[OF_ORDER] = { .field = { "order", form_text, 0, 1, 40,
	    "coll_err_text", NULL }, .label = "sales_order_no",
	    .where = { "o.order_no LIKE ?", { LA_CONTAINS } } },
	[OF_CUSTOMER] = { .field = { "customer", form_text, 0, 1, 100,
	    "coll_err_text", NULL }, .label = "sales_customer",
	    .where = { "o.customer_id IN (SELECT cx.id FROM customers cx"
	    " WHERE cx.name LIKE ? OR cx.code = ?)",
	    { LA_CONTAINS, LA_TEXT } } },
	[OF_FROM] = { .field = { "from", form_date, 0, 0, 0, "coll_err_date",
	    NULL }, .label = "sales_from",
	    .where = { "o.order_date >= ?", { LA_TEXT } } },
	[OF_TO] = { .field = { "to", form_date, 0, 0, 0, "coll_err_date",
	    NULL }, .label = "sales_to",
	    .where = { "o.order_date <= ?", { LA_TEXT } } },
	[OF_STATE] = { .field = { "state", form_oneof, 0, 0, 0, NULL, states },
	    .label = "coll_state", .choice_where = state_where, .def = "open" },
};

/* Booked orders by what is owed (orders_status_outstanding), by date
 * (orders_status_date) or by number (orders_no). */
static const struct list_sort open_sorts[] = {
	{ "outstanding", "sales_outstanding", "o.outstanding, o.id",
	    "o.outstanding DESC, o.id DESC", LIST_SORT_NUM |
	    LIST_SORT_DESC_FIRST },
	{ "date", "sales_date", "o.order_date, o.id",
	    "o.order_date DESC, o.id DESC", 0 },
	{ "order", "sales_order_no", "o.order_no", "o.order_no DESC", 0 },
};

/* LA_CTX0: today.  The customer, the last payment and the reps: for the
 * page only (joined, the customers were at times read first and every
 * open order sorted: tests/db/lists-t). */
const struct list_def sales_receivables_list = {
	.name = "collections-receivables",
	.path = "/sales/collections/open",
	.select = "SELECT o.id, o.order_no, o.order_date,"
	    " (SELECT c.name FROM customers c WHERE c.id = o.customer_id),"
	    " o.amount_booked, o.collected, o.outstanding,"
	    " DATEDIFF(?, " DUE_SQL "), (SELECT MAX(pp.payment_date)"
	    " FROM payments pp WHERE pp.order_id = o.id), " REPS_OF("o.id") ","
	    " " DUE_SQL,
	.select_args = { LA_CTX0 },
	.from = " FROM orders o",
	.where = "o.status = 'booked'",
	.totals = "COUNT(*), COALESCE(SUM(t.amt), 0), COALESCE(SUM(t.col), 0),"
	    " COALESCE(SUM(t.owed), 0),"
	    " COALESCE(SUM(CASE WHEN t.age > 90 AND t.owed > 0 THEN t.owed"
	    " END), 0)",
	.totals_cols = "o.amount_booked AS amt, o.collected AS col,"
	    " o.outstanding AS owed, DATEDIFF(?, " DUE_SQL ") AS age",
	.totals_args = { LA_CTX0 },
	.filters = open_filters, .nfilters = OF__MAX,
	.sorts = open_sorts, .nsorts = sizeof(open_sorts) /
	    sizeof(open_sorts[0]),
	.sort_default = 0, .desc_default = true,
	.per_page = PER_PAGE,
};

/* The badge class and catalogue key of an order's collection state. */
static void
collection_state(int64_t amount, int64_t collected, const char **cls,
    const char **key)
{
	if (amount > 0 && collected > amount) {
		*cls = "warn";
		*key = "coll_state_over";
	} else if (collected != 0 && collected == amount) {
		*cls = "paid";
		*key = "coll_state_paid";
	} else if (collected > 0) {
		*cls = "pending";
		*key = "coll_state_partial";
	} else if (amount == 0) {
		*cls = "draft";
		*key = "coll_state_nothing";
	} else {
		*cls = "danger";
		*key = "coll_state_unpaid";
	}
}

/* The aging chart of every order the list matches (not only the page's):
 * what is still owed, by age on today. */
static int
open_aging(struct req *r, struct tdict *d, struct list *l, const char *today)
{
	struct dbres *ag = NULL;
	int rc;

	if ((rc = list_query_with(l, r,
	    "SELECT CASE WHEN t.age <= 0 THEN 0 WHEN t.age <= 30 THEN 1"
	    " WHEN t.age <= 60 THEN 2 WHEN t.age <= 90 THEN 3 ELSE 4 END AS b,"
	    " COUNT(*), SUM(t.owed) FROM (SELECT o.outstanding AS owed,"
	    " DATEDIFF(?, DATE_ADD(o.order_date, INTERVAL"
	    " COALESCE(o.payment_terms_days, c.payment_terms_days) DAY)) AS age"
	    " FROM orders o JOIN customers c ON c.id = o.customer_id",
	    DB_ARGS(P_TEXT(today)),
	    ") t WHERE t.owed > 0 GROUP BY b ORDER BY b", &ag)) != 0)
		return rc;
	rc = aging_chart(r, d, ag);
	dbres_free(ag);
	return rc;
}

static int
open_list(struct req *r)
{
	struct scope sc = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	const struct form_value *state;
	char today[11];
	struct list l;
	int rc;

	coll_today(today);
	list_init(&l, &sales_receivables_list);
	list_scope(&l, &sales_order_scope, sc.kind, sc.me, sc.team, sc.login);
	list_ctx(&l, 0, P_TEXT(today));
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	if (!l.invalid && (rc = open_aging(r, d, &l, today)) != 0)
		goto out;
	state = list_value(&l, OF_STATE);
	form_choices(d, "STATE", states, r->cat, "coll_filter_",
	    state != NULL ? state->s : NULL);
	if (!l.invalid) {
		set_kpi(&l, d, "kpi_amount", 1);
		set_kpi(&l, d, "kpi_collected", 2);
		set_kpi(&l, d, "kpi_outstanding", 3);
		set_kpi(&l, d, "kpi_aged", 4);
	}
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER))
		tdict_show_section(d, "CAN_WRITE");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ORDER");
		int64_t amt = dbres_money(l.rows, i, 4);
		int64_t col = dbres_money(l.rows, i, 5);
		int64_t owed = dbres_money(l.rows, i, 6);
		int64_t age = dbres_int(l.rows, i, 7);
		const char *cls, *k;
		long pct;

		tdict_set(row, "id", dbres_text(l.rows, i, 0));
		tdict_set(row, "order_no", dbres_text(l.rows, i, 1));
		tdict_set(row, "date", dbres_text(l.rows, i, 2));
		tdict_set(row, "customer", dbres_text(l.rows, i, 3));
		coll_set_money(row, "amount", amt);
		coll_set_money(row, "collected", col);
		coll_set_money(row, "outstanding", owed);
		tdict_set_int(row, "age", age);
		tdict_set(row, "due", dbres_text(l.rows, i, 10));
		if (age > 0 && owed > 0) {
			struct tdict *o = tdict_add_section(row, "OVERDUE");

			tdict_set_int(o, "days", age);
			if (age > 90)
				tdict_show_section(o, "AGED");
		}
		tdict_set(row, "last_paid", dbres_null(l.rows, i, 8) ? "–" :
		    dbres_text(l.rows, i, 8));
		tdict_set(row, "reps", dbres_text(l.rows, i, 9));
		collection_state(amt, col, &cls, &k);
		tdict_set(row, "state_class", cls);
		tdict_set(row, "state", tr(r, k));
		pct = amt > 0 ? (long)((col > amt ? amt : col < 0 ? 0 : col) *
		    20 / amt) * 5 : 0;
		tdict_set_int(row, "pct", pct);
	}
	sales_tabs(r, "collections");
	rc = page_send(r, list_status(&l), "sales/collections-open.tpl",
	    "coll_open_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* --- one order --- */

static int
order_get(struct req *r)
{
	struct scope sc = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	struct dbres *o = NULL, *pm = NULL;
	const char *done = req_get(&r->q, "done");
	int64_t amt, col;
	const char *cls, *k;
	char today[TC_DATE_SIZE];
	long pct;
	int rc;

	if ((rc = db_query(r->app->db, &coll_db, S_ORDER,
	    DB_ARGS(P_TEXT(coll_today(today)), P_INT(r->ids[0]),
	    SCOPE_ARGS(&sc)), &o)) != 0)
		goto out;
	if (dbres_rows(o) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	if ((rc = db_query(r->app->db, &coll_db, S_ORDER_PAYMENTS,
	    DB_ARGS(P_INT(r->ids[0])), &pm)) != 0)
		goto out;
	amt = dbres_money(o, 0, 6);
	col = dbres_money(o, 0, 7);
	tdict_set(d, "id", dbres_text(o, 0, 0));
	tdict_set(d, "order_no", dbres_text(o, 0, 1));
	tdict_set(d, "date", dbres_text(o, 0, 2));
	tdict_set(d, "customer", dbres_text(o, 0, 4));
	tdict_set(d, "customer_code", dbres_text(o, 0, 5));
	tdict_set(d, "reps", dbres_text(o, 0, 8));
	if (dbres_int(o, 0, 9) > 0)
		tdict_set_int(d, "age", dbres_int(o, 0, 9));
	else
		tdict_set(d, "age", tr(r, "coll_due_not_yet"));
	tdict_set(d, "due", dbres_text(o, 0, 11));
	coll_set_money(d, "amount", amt);
	coll_set_money(d, "collected", col);
	coll_set_money(d, "outstanding", amt - col);
	if (strcmp(dbres_text(o, 0, 3), "cancelled") == 0) {
		tdict_show_section(d, "CANCELLED");
		cls = "cancelled";
		k = "sales_status_cancelled";
	} else
		collection_state(amt, col, &cls, &k);
	tdict_set(d, "state_class", cls);
	tdict_set(d, "state", tr(r, k));
	if (!dbres_null(o, 0, 10))
		tdict_show_section(d, "RETURN");
	pct = amt > 0 ? (long)((col > amt ? amt : col < 0 ? 0 : col) * 20 /
	    amt) * 5 : 0;
	tdict_set_int(d, "pct", pct);
	if (amt > 0 && col > amt)
		tdict_show_section(d, "OVER");
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER) &&
	    strcmp(dbres_text(o, 0, 3), "cancelled") != 0)
		tdict_show_section(d, "CAN_WRITE");
	for (size_t i = 0; i < dbres_rows(pm); i++) {
		struct tdict *row = tdict_add_section(d, "PAYMENT");

		tdict_set(row, "payment_no", dbres_text(pm, i, 0));
		tdict_set(row, "date", dbres_text(pm, i, 1));
		coll_set_money(row, "amount", dbres_money(pm, i, 2));
		if (dbres_money(pm, i, 2) < 0)
			tdict_show_section(row, "REFUND");
		tdict_set(row, "reference", dbres_text(pm, i, 3));
		tdict_set(row, "by", dbres_text(pm, i, 4));
	}
	if (dbres_rows(pm) == 0)
		tdict_show_section(d, "NO_PAYMENTS");
	if (done != NULL && strcmp(done, "created") == 0)
		page_flash(r, "ok", tr(r, "coll_done_created"));
	if (req_get(&r->q, "over") != NULL)
		page_flash(r, "warn", tr(r, "coll_warn_over"));
	sales_tabs(r, "collections");
	rc = page_send(r, 200, "sales/collections-order.tpl",
	    "coll_order_title", "sales");
out:
	dbres_free(o);
	dbres_free(pm);
	return rc;
}

/* --- recording a payment --- */

static const char *const payment_labels[PAY__MAX] = {
	[PAY_ORDER] = "sales_order_no", [PAY_DATE] = "coll_payment_date",
	[PAY_AMOUNT] = "sales_amount", [PAY_REFERENCE] = "coll_reference",
	[PAY_NO] = "coll_payment_no",
};

/* Shows the payment form: what was typed, with what was refused (f), or
 * a fresh one (f NULL). */
static int
new_page(struct req *r, int status, const struct form *f)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	char today[11];
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f == NULL) {
		const char *o = req_get(&r->q, "order");

		tdict_set(d, "order", o != NULL ? o : "");
		tdict_set(d, "date", coll_today(today));
	} else if ((rc = form_show(&fe, d, f, payment_labels, NULL)) != 0)
		return rc;
	sales_tabs(r, "collections");
	return page_send(r, status, "sales/collections-new.tpl",
	    "coll_new_title", "sales");
}

static int
new_get(struct req *r)
{
	return new_page(r, 200, NULL);
}

static int
new_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct payment_saved saved;
	struct form f;
	char loc[96];
	int rc;

	rc = sales_payment_save(&a, &r->form, &f, &saved);
	if (rc == TC_EINVAL)
		rc = new_page(r, 422, &f);
	else if (rc == 0) {
		snprintf(loc, sizeof(loc),
		    "/sales/collections/order/%lld?done=created%s",
		    (long long)saved.order_id, saved.over ? "&over=1" : "");
		rc = http_redirect(r, loc);
	}
	form_free(&f);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/sales/collections", ROLES_ALL, payments_list },
	{ "GET", "/sales/collections/open", ROLES_ALL, open_list },
	{ "GET", "/sales/collections/order/#", ROLES_ALL, order_get },
	{ "GET", "/sales/collections/new", ROLE_FINANCE | ROLE_REVIEWER,
	    new_get },
	{ "POST", "/sales/collections/new", ROLE_FINANCE | ROLE_REVIEWER,
	    new_post },
	{ "GET", "/sales/collections/import", ROLE_FINANCE | ROLE_REVIEWER,
	    coll_import_get },
	{ "POST", "/sales/collections/import", ROLE_FINANCE | ROLE_REVIEWER,
	    coll_import_post },
	{ "GET", "/sales/import", ROLE_SALES | ROLE_MANAGER,
	    imp_orders_get },
	{ "POST", "/sales/import", ROLE_SALES | ROLE_MANAGER,
	    imp_orders_post },
	{ "GET", "/sales/import/sample.csv", ROLES_ALL, imp_orders_sample },
};

const struct route_set collections_route_set = ROUTE_SET(routes);
