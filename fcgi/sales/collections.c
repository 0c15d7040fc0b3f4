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

#include "core/chart.h"
#include "core/error.h"
#include "core/fmt.h"
#include "core/form.h"
#include "core/formview.h"
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

void
coll_query_add(char *buf, size_t len, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(buf);

	if (value == NULL || *value == '\0')
		return;
#define PUT(ch) do { if (n + 1 >= len) { buf[n] = '\0'; return; } \
	buf[n++] = (ch); } while (0)
	if (n > 0)
		PUT('&');
	for (const char *p = name; *p; p++)
		PUT(*p);
	PUT('=');
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.' || *p == '~')
			PUT((char)*p);
		else {
			if (n + 3 >= len) {
				buf[n] = '\0';
				return;
			}
			buf[n++] = '%';
			buf[n++] = hex[*p >> 4];
			buf[n++] = hex[*p & 15];
		}
	}
#undef PUT
	buf[n] = '\0';
}

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
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
	return buf;
}

void
coll_set_money(struct tdict *d, const char *name, int64_t fen)
{
	char buf[FMT_MONEY_SIZE], sec[64];

	tdict_set(d, name, fmt_money(buf, fen, true));
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
		    tr(r, "imp_bad_rows"), tr(r, "imp_see_report"));
	fs = tdict_add_section(d, "FILE_ERROR");
	tdict_set(fs, "error", msg);
	tdict_set(fs, "error_id", "file-error");
	form_errors_init(&fe, d, r->cat);
	form_summary_add(&fe, "file", tr(r, "imp_file"), msg);
	if (rows == 0)
		return;
	tdict_show_section(d, "REPORT");
	tdict_set_int(d, "bad_rows", (long long)imp_errs_lines(errs));
	tdict_set_int(d, "err_count", (long long)errs->n);
}

const char *
coll_upload(const struct req *r, const char **data, size_t *len)
{
	const struct req_pair *p = req_first(&r->form, "file");

	if (p == NULL || p->filename == NULL || p->filename[0] == '\0')
		return "imp_err_no_file";
	if (p->valsz == 0)
		return "imp_err_empty";
	if (!req_utf8_valid(p->value, p->valsz))
		return "imp_err_utf8";
	*data = p->value;
	*len = p->valsz;
	return NULL;
}

void
coll_pager(struct req *r, struct tdict *d, const char *base, const char *qs,
    long page, long total, long per)
{
	long pages = total > 0 ? (total + per - 1) / per : 1;
	char href[2300], num[24];
	struct tdict *pg;

	(void)r;
	pg = tdict_add_section(d, "PAGER");
	tdict_set_int(pg, "page", page);
	tdict_set_int(pg, "pages", pages);
	tdict_set_int(pg, "total_rows", total);
	if (page > 1) {
		snprintf(num, sizeof(num), "%ld", page - 1);
		snprintf(href, sizeof(href), "%s?%s", base, qs);
		coll_query_add(href, sizeof(href), "page", num);
		if (href[strlen(base) + 1] == '&')
			memmove(href + strlen(base) + 1,
			    href + strlen(base) + 2,
			    strlen(href + strlen(base) + 2) + 1);
		tdict_set(tdict_add_section(pg, "PREV"), "href", href);
	}
	if (page < pages) {
		snprintf(num, sizeof(num), "%ld", page + 1);
		snprintf(href, sizeof(href), "%s?%s", base, qs);
		coll_query_add(href, sizeof(href), "page", num);
		if (href[strlen(base) + 1] == '&')
			memmove(href + strlen(base) + 1,
			    href + strlen(base) + 2,
			    strlen(href + strlen(base) + 2) + 1);
		tdict_set(tdict_add_section(pg, "NEXT"), "href", href);
	}
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

/* The filters of the payments list: from, to, order no, customer. */
#define PAY_WHERE \
	" WHERE " ORDER_IN_SCOPE("o.id") \
	" AND (? = '' OR pm.payment_date >= ?)" \
	" AND (? = '' OR pm.payment_date <= ?)" \
	" AND (? = '' OR o.order_no LIKE CONCAT('%', ?, '%'))" \
	" AND (? = '' OR c.name LIKE CONCAT('%', ?, '%') OR c.code = ?)" \
	" AND (? = '' OR (? = 'in' AND pm.amount > 0) OR" \
	"  (? = 'refund' AND pm.amount < 0))"
#define PAY_FROM \
	" FROM payments pm JOIN orders o ON o.id = pm.order_id" \
	" JOIN customers c ON c.id = o.customer_id"

/* The receivables list.  Amount and collected are correlated subqueries
 * (index lookups per order), not derived tables: a prepared statement
 * keeps plan decisions of its first execution, and derived tables with
 * pushed-down conditions made later executions crawl. */
#define AMT_OF_O \
	"(SELECT COALESCE(SUM(ol.amount), 0) FROM order_lines ol" \
	" WHERE ol.order_id = o.id AND ol.status = 'booked')"
#define COL_OF_O \
	"(SELECT COALESCE(SUM(pp.amount), 0) FROM payments pp" \
	" WHERE pp.order_id = o.id)"
#define OPEN_FROM \
	" FROM orders o JOIN customers c ON c.id = o.customer_id"
#define OPEN_WHERE \
	" WHERE o.status = 'booked' AND " ORDER_IN_SCOPE("o.id") \
	" AND (? = '' OR o.order_no LIKE CONCAT('%', ?, '%'))" \
	" AND (? = '' OR c.name LIKE CONCAT('%', ?, '%') OR c.code = ?)" \
	" AND (? = '' OR o.order_date >= ?)" \
	" AND (? = '' OR o.order_date <= ?)" \
	" AND ((? = 'open' AND " AMT_OF_O " - " COL_OF_O " > 0)" \
	"  OR (? = 'paid' AND " AMT_OF_O " > 0 AND " AMT_OF_O " = " COL_OF_O ")" \
	"  OR (? = 'over' AND " AMT_OF_O " >= 0 AND " COL_OF_O " > " AMT_OF_O ")" \
	"  OR (? = 'all'))"

/* Sort: one integer picks a column and direction (see the sort tables). */
#define SORT8(c1, c2, c3, c4) \
	" ORDER BY CASE WHEN ? = 1 THEN " c1 " END," \
	" CASE WHEN ? = 2 THEN " c1 " END DESC," \
	" CASE WHEN ? = 3 THEN " c2 " END," \
	" CASE WHEN ? = 4 THEN " c2 " END DESC," \
	" CASE WHEN ? = 5 THEN " c3 " END," \
	" CASE WHEN ? = 6 THEN " c3 " END DESC," \
	" CASE WHEN ? = 7 THEN " c4 " END," \
	" CASE WHEN ? = 8 THEN " c4 " END DESC"
#define SORT_ARGS(k) P_INT(k), P_INT(k), P_INT(k), P_INT(k), P_INT(k), \
	P_INT(k), P_INT(k), P_INT(k)

enum stmt {
	S_PAY_LIST,
	S_PAY_TOTALS,
	S_OPEN_LIST,
	S_OPEN_TOTALS,
	S_OPEN_AGING,
	S_PAY_MONTHS,
	S_ORDER,
	S_ORDER_PAYMENTS,
	S__MAX
};

static const char *const stmts[S__MAX] = {
	[S_PAY_LIST] =
	    "SELECT pm.id, pm.payment_no, pm.payment_date, pm.amount,"
	    " pm.reference, o.id, o.order_no, c.name, o.status"
	    PAY_FROM PAY_WHERE
	    SORT8("pm.payment_date", "pm.amount", "o.order_no", "c.name")
	    ", pm.payment_date DESC, pm.id DESC LIMIT ? OFFSET ?",
	[S_PAY_TOTALS] =
	    "SELECT COUNT(*), COALESCE(SUM(pm.amount), 0),"
	    " COALESCE(SUM(CASE WHEN pm.amount > 0 THEN pm.amount END), 0),"
	    " COALESCE(SUM(CASE WHEN pm.amount < 0 THEN pm.amount END), 0),"
	    " COUNT(DISTINCT pm.order_id)"
	    PAY_FROM PAY_WHERE,
	[S_OPEN_LIST] =
	    "SELECT o.id, o.order_no, o.order_date, c.name, " AMT_OF_O ", "
	    COL_OF_O ", " AMT_OF_O " - " COL_OF_O ","
	    " DATEDIFF(CURDATE(), o.order_date), (SELECT MAX(pp.payment_date)"
	    " FROM payments pp WHERE pp.order_id = o.id), " REPS_OF("o.id")
	    OPEN_FROM OPEN_WHERE
	    SORT8("(" AMT_OF_O " - " COL_OF_O ")", "o.order_date", "o.order_no",
	    "c.name")
	    ", o.order_date, o.id LIMIT ? OFFSET ?",
	[S_OPEN_TOTALS] =
	    "SELECT COUNT(*), COALESCE(SUM(t.amt), 0), COALESCE(SUM(t.col), 0),"
	    " COALESCE(SUM(t.amt - t.col), 0),"
	    " COALESCE(SUM(CASE WHEN t.age > 90 AND t.amt - t.col > 0"
	    "  THEN t.amt - t.col END), 0)"
	    " FROM (SELECT " AMT_OF_O " AS amt, " COL_OF_O " AS col,"
	    " DATEDIFF(CURDATE(), o.order_date) AS age"
	    OPEN_FROM OPEN_WHERE ") t",
	[S_OPEN_AGING] =
	    "SELECT CASE WHEN t.age <= 30 THEN 0 WHEN t.age <= 60 THEN 1"
	    " WHEN t.age <= 90 THEN 2 WHEN t.age <= 180 THEN 3 ELSE 4 END AS b,"
	    " COUNT(*), SUM(t.amt - t.col)"
	    " FROM (SELECT " AMT_OF_O " AS amt, " COL_OF_O " AS col,"
	    " DATEDIFF(CURDATE(), o.order_date) AS age"
	    OPEN_FROM OPEN_WHERE ") t WHERE t.amt - t.col > 0"
	    " GROUP BY b ORDER BY b",
	[S_PAY_MONTHS] =
	    "SELECT DATE_FORMAT(pm.payment_date, '%Y-%m') AS m,"
	    " COALESCE(SUM(CASE WHEN pm.amount > 0 THEN pm.amount END), 0),"
	    " COALESCE(-SUM(CASE WHEN pm.amount < 0 THEN pm.amount END), 0)"
	    " FROM payments pm JOIN orders o ON o.id = pm.order_id"
	    " WHERE " ORDER_IN_SCOPE("o.id")
	    " AND pm.payment_date >= DATE_FORMAT(CURDATE() - INTERVAL 11 MONTH,"
	    " '%Y-%m-01') AND pm.payment_date <= CURDATE()"
	    " GROUP BY m ORDER BY m",
	[S_ORDER] =
	    "SELECT o.id, o.order_no, o.order_date, o.status, c.name, c.code,"
	    " COALESCE((SELECT SUM(ol.amount) FROM order_lines ol WHERE"
	    "  ol.order_id = o.id AND ol.status = 'booked'), 0),"
	    " COALESCE((SELECT SUM(pp.amount) FROM payments pp WHERE"
	    "  pp.order_id = o.id), 0), " REPS_OF("o.id") ","
	    " DATEDIFF(CURDATE(), o.order_date), o.original_order_id"
	    " FROM orders o JOIN customers c ON c.id = o.customer_id"
	    " WHERE o.id = ? AND " ORDER_IN_SCOPE("o.id"),
	[S_ORDER_PAYMENTS] =
	    "SELECT pm.payment_no, pm.payment_date, pm.amount, pm.reference,"
	    " COALESCE(pe.name, ''), pm.created_at"
	    " FROM payments pm LEFT JOIN people pe ON pe.id = pm.created_by"
	    " WHERE pm.order_id = ? ORDER BY pm.payment_date, pm.payment_no",
};

static struct db_table coll_db = DB_TABLE("collections", stmts);

/* --- the payments list --- */

enum { L_FROM, L_TO, L_ORDER, L_CUSTOMER, L_KIND, L_SORT, L_DIR, L_PAGE,
	L__MAX };

static const char *const pay_sorts[] = { "date", "amount", "order",
	"customer", NULL };
static const char *const dirs[] = { "asc", "desc", NULL };
static const char *const kinds[] = { "in", "refund", NULL };

static const struct field list_fields[L__MAX] = {
	[L_FROM] = { "from", form_date, 0, 0, 0, "coll_err_date", NULL },
	[L_TO] = { "to", form_date, 0, 0, 0, "coll_err_date", NULL },
	[L_ORDER] = { "order", form_text, 0, 1, 40, "coll_err_text", NULL },
	[L_CUSTOMER] = { "customer", form_text, 0, 1, 100, "coll_err_text",
	    NULL },
	[L_KIND] = { "kind", form_oneof, 0, 0, 0, NULL, kinds },
	[L_SORT] = { "sort", form_oneof, 0, 0, 0, NULL, pay_sorts },
	[L_DIR] = { "dir", form_oneof, 0, 0, 0, NULL, dirs },
	[L_PAGE] = { "page", form_int64, 0, 1, 1000000, NULL, NULL },
};

/* The valid text of field k, or "" (an invalid filter is ignored). */
static const char *
fstr(const struct form *f, size_t k)
{
	const char *s = form_str(f, k);

	return s != NULL ? s : "";
}

/* Adds sort header links: for each column name, sort_<name> (href) and
 * aria_<name> ("ascending"/"descending"/"" ) in d. */
static void
sort_links(struct tdict *d, const char *base, const char *qs,
    const char *const *names, const char *cur, bool desc)
{
	for (size_t i = 0; names[i] != NULL; i++) {
		char href[2400], var[48];
		bool is = strcmp(names[i], cur) == 0;

		snprintf(href, sizeof(href), "%s", qs);
		coll_query_add(href, sizeof(href), "sort", names[i]);
		coll_query_add(href, sizeof(href), "dir",
		    is && !desc ? "desc" : "asc");
		snprintf(var, sizeof(var), "sort_%s", names[i]);
		{
			char full[2500];

			snprintf(full, sizeof(full), "%s?%s", base, href);
			tdict_set(d, var, full);
		}
		if (is) {
			snprintf(var, sizeof(var), "ARIA_%s", names[i]);
			tdict_set(tdict_add_section(d, var), "aria",
			    desc ? "descending" : "ascending");
		}
	}
}

static void
set_filter_values(struct tdict *d, const struct form *f, const char *const *n,
    size_t count)
{
	for (size_t k = 0; k < count; k++)
		tdict_set(d, n[k], f->e[k].raw);
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
	time_t t = time(NULL);
	struct tm tm;
	int y, m, rc;

	if ((rc = db_query(r->app->db, &coll_db, S_PAY_MONTHS,
	    DB_ARGS(SCOPE_ARGS(sc)), &res)) != 0)
		return rc;
	localtime_r(&t, &tm);
	y = tm.tm_year + 1900;
	m = tm.tm_mon + 1;
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

/* The amounts still open, by age (the buckets of S_OPEN_AGING), as bars
 * with the number of orders beside each. */
static int
aging_chart(struct req *r, struct tdict *d, struct dbres *ag)
{
	static const char *const bucket_keys[5] = { "coll_age_0_30",
	    "coll_age_31_60", "coll_age_61_90", "coll_age_91_180",
	    "coll_age_181" };
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
	static const char *const names[] = { "from", "to", "order", "customer",
	    "kind" };
	struct scope sc = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	struct form f;
	struct dbres *res = NULL, *tot = NULL;
	char qs[2048] = "", buf[FMT_MONEY_SIZE];
	const char *sort, *from, *to, *ord, *cust, *kind;
	bool desc;
	long page, total;
	int key, rc;

	if ((rc = form_validate(&f, list_fields, L__MAX, &r->q)) == TC_ENOMEM)
		goto out;
	from = fstr(&f, L_FROM);
	to = fstr(&f, L_TO);
	ord = fstr(&f, L_ORDER);
	cust = fstr(&f, L_CUSTOMER);
	kind = fstr(&f, L_KIND);
	sort = form_str(&f, L_SORT) ? form_str(&f, L_SORT) : "date";
	desc = form_str(&f, L_DIR) ? strcmp(form_str(&f, L_DIR), "desc") == 0 :
	    strcmp(sort, "date") == 0 || strcmp(sort, "amount") == 0;
	key = 1;
	for (int i = 0; pay_sorts[i] != NULL; i++)
		if (strcmp(pay_sorts[i], sort) == 0)
			key = i * 2 + 1 + (desc ? 1 : 0);
	page = (long)form_int(&f, L_PAGE, 1);

	for (size_t k = 0; k < 5; k++)
		coll_query_add(qs, sizeof(qs), names[k],
		    form_str(&f, k) ? form_str(&f, k) : "");

#define PAY_ARGS SCOPE_ARGS(&sc), P_TEXT(from), P_TEXT(from), P_TEXT(to), \
	P_TEXT(to), P_TEXT(ord), P_TEXT(ord), P_TEXT(cust), P_TEXT(cust), \
	P_TEXT(cust), P_TEXT(kind), P_TEXT(kind), P_TEXT(kind)
	if ((rc = db_query(r->app->db, &coll_db, S_PAY_TOTALS,
	    DB_ARGS(PAY_ARGS), &tot)) != 0)
		goto out;
	total = (long)dbres_int(tot, 0, 0);
	if (page > (total + PER_PAGE - 1) / PER_PAGE && total > 0)
		page = (total + PER_PAGE - 1) / PER_PAGE;
	if ((rc = db_query(r->app->db, &coll_db, S_PAY_LIST,
	    DB_ARGS(PAY_ARGS, SORT_ARGS(key), P_INT(PER_PAGE),
	    P_INT((page - 1) * PER_PAGE)), &res)) != 0)
		goto out;
#undef PAY_ARGS

	if ((rc = months_chart(r, d, &sc)) != 0)
		goto out;
	set_filter_values(d, &f, names, 5);
	if (strcmp(kind, "in") == 0)
		tdict_show_section(d, "KIND_IN");
	else if (strcmp(kind, "refund") == 0)
		tdict_show_section(d, "KIND_REFUND");
	tdict_set_int(d, "kpi_count", total);
	coll_set_money(d, "kpi_net", dbres_money(tot, 0, 1));
	coll_set_money(d, "kpi_in", dbres_money(tot, 0, 2));
	coll_set_money(d, "kpi_refund", dbres_money(tot, 0, 3));
	tdict_set_int(d, "kpi_orders", dbres_int(tot, 0, 4));
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER))
		tdict_show_section(d, "CAN_WRITE");
	sort_links(d, "/sales/collections", qs, pay_sorts, sort, desc);
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "PAYMENT");

		tdict_set(row, "payment_no", dbres_text(res, i, 1));
		tdict_set(row, "date", dbres_text(res, i, 2));
		coll_set_money(row, "amount", dbres_money(res, i, 3));
		if (dbres_money(res, i, 3) < 0)
			tdict_show_section(row, "REFUND");
		tdict_set(row, "reference", dbres_text(res, i, 4));
		tdict_set(row, "order_id", dbres_text(res, i, 5));
		tdict_set(row, "order_no", dbres_text(res, i, 6));
		tdict_set(row, "customer", dbres_text(res, i, 7));
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
	else
		tdict_set(d, "page_total", fmt_money(buf, dbres_money(tot, 0, 1),
		    true));
	coll_pager(r, d, "/sales/collections", qs, page, total, PER_PAGE);
	sales_tabs(r, "collections");
	rc = page_send(r, 200, "sales/collections-list.tpl", "coll_title",
	    "sales");
out:
	dbres_free(res);
	dbres_free(tot);
	form_free(&f);
	return rc;
}

/* --- receivables --- */

enum { O_ORDER, O_CUSTOMER, O_FROM, O_TO, O_STATE, O_SORT, O_DIR, O_PAGE,
	O__MAX };

static const char *const open_sorts[] = { "outstanding", "date", "order",
	"customer", NULL };
static const char *const states[] = { "open", "paid", "over", "all", NULL };

static const struct field open_fields[O__MAX] = {
	[O_ORDER] = { "order", form_text, 0, 1, 40, NULL, NULL },
	[O_CUSTOMER] = { "customer", form_text, 0, 1, 100, NULL, NULL },
	[O_FROM] = { "from", form_date, 0, 0, 0, NULL, NULL },
	[O_TO] = { "to", form_date, 0, 0, 0, NULL, NULL },
	[O_STATE] = { "state", form_oneof, 0, 0, 0, NULL, states },
	[O_SORT] = { "sort", form_oneof, 0, 0, 0, NULL, open_sorts },
	[O_DIR] = { "dir", form_oneof, 0, 0, 0, NULL, dirs },
	[O_PAGE] = { "page", form_int64, 0, 1, 1000000, NULL, NULL },
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

static int
open_list(struct req *r)
{
	static const char *const names[] = { "order", "customer", "from", "to",
	    "state" };
	struct scope sc = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	struct form f;
	struct dbres *res = NULL, *tot = NULL;
	char qs[2048] = "";
	const char *sort, *ord, *cust, *from, *to, *state;
	bool desc;
	long page, total;
	int key, rc;

	if ((rc = form_validate(&f, open_fields, O__MAX, &r->q)) == TC_ENOMEM)
		goto out;
	ord = fstr(&f, O_ORDER);
	cust = fstr(&f, O_CUSTOMER);
	from = fstr(&f, O_FROM);
	to = fstr(&f, O_TO);
	state = form_str(&f, O_STATE) ? form_str(&f, O_STATE) : "open";
	sort = form_str(&f, O_SORT) ? form_str(&f, O_SORT) : "outstanding";
	desc = form_str(&f, O_DIR) ? strcmp(form_str(&f, O_DIR), "desc") == 0 :
	    strcmp(sort, "outstanding") == 0;
	key = 1;
	for (int i = 0; open_sorts[i] != NULL; i++)
		if (strcmp(open_sorts[i], sort) == 0)
			key = i * 2 + 1 + (desc ? 1 : 0);
	page = (long)form_int(&f, O_PAGE, 1);
	for (size_t k = 0; k < 5; k++)
		coll_query_add(qs, sizeof(qs), names[k],
		    form_str(&f, k) ? form_str(&f, k) : "");

#define OPEN_ARGS SCOPE_ARGS(&sc), P_TEXT(ord), P_TEXT(ord), P_TEXT(cust), \
	P_TEXT(cust), P_TEXT(cust), P_TEXT(from), P_TEXT(from), P_TEXT(to), \
	P_TEXT(to), P_TEXT(state), P_TEXT(state), P_TEXT(state), P_TEXT(state)
	if ((rc = db_query(r->app->db, &coll_db, S_OPEN_TOTALS,
	    DB_ARGS(OPEN_ARGS), &tot)) != 0)
		goto out;
	total = (long)dbres_int(tot, 0, 0);
	if (page > (total + PER_PAGE - 1) / PER_PAGE && total > 0)
		page = (total + PER_PAGE - 1) / PER_PAGE;
	if ((rc = db_query(r->app->db, &coll_db, S_OPEN_LIST,
	    DB_ARGS(OPEN_ARGS, SORT_ARGS(key), P_INT(PER_PAGE),
	    P_INT((page - 1) * PER_PAGE)), &res)) != 0)
		goto out;

	{
		struct dbres *ag = NULL;

		if ((rc = db_query(r->app->db, &coll_db, S_OPEN_AGING,
		    DB_ARGS(OPEN_ARGS), &ag)) != 0)
			goto out;
		rc = aging_chart(r, d, ag);
		dbres_free(ag);
		if (rc != 0)
			goto out;
	}
	set_filter_values(d, &f, names, 4);
	for (int i = 0; states[i] != NULL; i++) {
		struct tdict *o = tdict_add_section(d, "STATE");
		char k[40];

		tdict_set(o, "value", states[i]);
		snprintf(k, sizeof(k), "coll_filter_%s", states[i]);
		tdict_set(o, "label", tr(r, k));
		if (strcmp(states[i], state) == 0)
			tdict_show_section(o, "SELECTED");
	}
	tdict_set_int(d, "kpi_count", total);
	coll_set_money(d, "kpi_amount", dbres_money(tot, 0, 1));
	coll_set_money(d, "kpi_collected", dbres_money(tot, 0, 2));
	coll_set_money(d, "kpi_outstanding", dbres_money(tot, 0, 3));
	coll_set_money(d, "kpi_aged", dbres_money(tot, 0, 4));
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER))
		tdict_show_section(d, "CAN_WRITE");
	sort_links(d, "/sales/collections/open", qs, open_sorts, sort, desc);
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "ORDER");
		int64_t amt = dbres_money(res, i, 4), col = dbres_money(res, i, 5);
		int64_t age = dbres_int(res, i, 7);
		const char *cls, *k;
		long pct;

		tdict_set(row, "id", dbres_text(res, i, 0));
		tdict_set(row, "order_no", dbres_text(res, i, 1));
		tdict_set(row, "date", dbres_text(res, i, 2));
		tdict_set(row, "customer", dbres_text(res, i, 3));
		coll_set_money(row, "amount", amt);
		coll_set_money(row, "collected", col);
		coll_set_money(row, "outstanding", dbres_money(res, i, 6));
		tdict_set_int(row, "age", age);
		if (age > 90 && dbres_money(res, i, 6) > 0)
			tdict_show_section(row, "AGED");
		tdict_set(row, "last_paid", dbres_null(res, i, 8) ? "–" :
		    dbres_text(res, i, 8));
		tdict_set(row, "reps", dbres_text(res, i, 9));
		collection_state(amt, col, &cls, &k);
		tdict_set(row, "state_class", cls);
		tdict_set(row, "state", tr(r, k));
		pct = amt > 0 ? (long)((col > amt ? amt : col < 0 ? 0 : col) *
		    20 / amt) * 5 : 0;
		tdict_set_int(row, "pct", pct);
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
#undef OPEN_ARGS
	coll_pager(r, d, "/sales/collections/open", qs, page, total, PER_PAGE);
	sales_tabs(r, "collections");
	rc = page_send(r, 200, "sales/collections-open.tpl", "coll_open_title",
	    "sales");
out:
	dbres_free(res);
	dbres_free(tot);
	form_free(&f);
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
	long pct;
	int rc;

	if ((rc = db_query(r->app->db, &coll_db, S_ORDER,
	    DB_ARGS(P_INT(r->ids[0]), SCOPE_ARGS(&sc)), &o)) != 0)
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
	tdict_set_int(d, "age", dbres_int(o, 0, 9));
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
	if (rc == FORM_EINVALID)
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
