/* orders-query.c: the order list (filters, sort, pages, totals), its CSV
 * export (one row per order line, the calculation spec's columns) and
 * the statistics page.  Every query is filtered by the reader's scope. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/chart.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/export.h"
#include "core/money.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/split.h"
#include "core/list.h"
#include "core/log.h"
#include "sales/order-math.h"
#include "sales/orders.h"
#include "sales/sales.h"
#include "sales/stats.h"

#define PAGE_SIZE 50

/* The filters of the list, the export and the statistics (query string
 * from, to, rep, team, customer, ptype, region, channel, status). */
struct ofilter {
	char from[16], to[16];
	int64_t rep, customer, ptype, region, channel;
	char team[65];
	char status[16];
};

enum stmt {
	Q_TEAMS,
	Q_PICK_CUSTOMERS,
	Q_PICK_REPS,
	Q__MAX
};

/* A filter bar lists at most this many customers or reps; past it (a
 * company ten or a hundred times the demo's) the filter is a field for
 * the number, so that no page sends thousands of options. */
#define PICKER_MAX 200

static const char *const stmts[Q__MAX] = {
	[Q_TEAMS] =
	    "SELECT DISTINCT team FROM people WHERE team <> '' ORDER BY team",
	/* the one chosen (first), then the first of the others, by name */
	[Q_PICK_CUSTOMERS] =
	    "SELECT c.id, c.code, c.name, c.id = ? AS chosen FROM customers c"
	    " WHERE c.id = ? OR (c.status <> 'inactive' AND "
	    SCOPE_SQL("c.owner_id") ") ORDER BY chosen DESC, c.name, c.code"
	    " LIMIT ?",
	[Q_PICK_REPS] =
	    "SELECT id, login, name, id = ? AS chosen FROM people"
	    " WHERE id = ? OR (active AND (CAST(roles AS UNSIGNED) & ?) <> 0)"
	    " ORDER BY chosen DESC, team, login LIMIT ?",
};

static struct db_table query_db = DB_TABLE("orders-query", stmts);

static int
parse_pos(const char *s, int64_t *v)
{
	char *end;
	long long x;

	if (s == NULL || s[0] < '1' || s[0] > '9' || strlen(s) > 10)
		return -1;
	x = strtoll(s, &end, 10);
	if (*end != '\0' || x <= 0)
		return -1;
	*v = x;
	return 0;
}

static bool
valid_date(const char *s)
{
	static const struct field f = { "d", form_date, 1, 0, 0, NULL, NULL };
	struct form_value v;

	return s != NULL && form_date(&f, s, &v) == 0;
}

/* Reads the filters of r's query.  Invalid values are ignored; with
 * default_year, an empty period is the last 12 months. */
static void
filter_read(struct req *r, struct ofilter *f, bool default_year)
{
	const char *v;

	memset(f, 0, sizeof(*f));
	v = req_get(&r->q, "from");
	snprintf(f->from, sizeof(f->from), "%s", valid_date(v) ? v : "");
	v = req_get(&r->q, "to");
	snprintf(f->to, sizeof(f->to), "%s", valid_date(v) ? v : "");
	if (default_year && f->from[0] == '\0' && f->to[0] == '\0') {
		int32_t today = tc_today();
		int y = tc_date_year(today), m = tc_date_month(today);

		tc_month_add(&y, &m, -11);
		tc_date_format(f->to, today);
		tc_date_format(f->from, tc_date_make(y, m, 1));
	}
	parse_pos(req_get(&r->q, "rep"), &f->rep);
	parse_pos(req_get(&r->q, "customer"), &f->customer);
	parse_pos(req_get(&r->q, "ptype"), &f->ptype);
	parse_pos(req_get(&r->q, "region"), &f->region);
	parse_pos(req_get(&r->q, "channel"), &f->channel);
	v = req_get(&r->q, "team");
	if (v != NULL && strlen(v) < sizeof(f->team))
		snprintf(f->team, sizeof(f->team), "%s", v);
	v = req_get(&r->q, "status");
	if (v != NULL && (strcmp(v, "booked") == 0 ||
	    strcmp(v, "cancelled") == 0))
		snprintf(f->status, sizeof(f->status), "%s", v);
}

/* The bounds bound to SQL: an empty date means no bound. */
static void
filter_bounds(struct ofilter *f)
{
	if (f->from[0] == '\0')
		strcpy(f->from, "1000-01-01");
	if (f->to[0] == '\0')
		strcpy(f->to, "9999-12-31");
}

static void
urlenc(char *dst, size_t len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (; *s != '\0' && o + 4 < len; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
			dst[o++] = (char)c;
		else {
			dst[o++] = '%';
			dst[o++] = hex[c >> 4];
			dst[o++] = hex[c & 15];
		}
	}
	dst[o] = '\0';
}

/* Writes the filter part of a query string ("from=..&to=.."), without
 * defaults, into buf. */
static void
filter_query(const struct ofilter *f, const struct req *r, char *buf,
    size_t len)
{
	static const char *const names[] = { "from", "to", "rep", "team",
	    "customer", "ptype", "region", "channel", "status" };
	size_t o = 0;

	buf[0] = '\0';
	(void)f;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = req_get(&r->q, names[i]);
		char enc[256];

		if (v == NULL || v[0] == '\0')
			continue;
		urlenc(enc, sizeof(enc), v);
		o += (size_t)snprintf(buf + o, len > o ? len - o : 0, "%s%s=%s",
		    o ? "&" : "", names[i], enc);
		if (o >= len) {
			buf[0] = '\0';
			return;
		}
	}
}

/* The customer or rep picker of a filter bar (section F_CUSTOMER or
 * F_REP): a list of options (F_<X>_LIST) of at most PICKER_MAX, or past
 * that a field for the number (F_<X>_MANY: value, and the chosen one's
 * name as label). */
static int
picker(struct req *r, struct tdict *d, bool customers, int64_t chosen)
{
	struct scope s = scope_of(r, &sales_scope_read);
	const char *sec = customers ? "F_CUSTOMER" : "F_REP";
	struct dbres *res = NULL;
	char name[32];
	int rc;

	if (customers)
		rc = db_query(r->app->db, &query_db, Q_PICK_CUSTOMERS,
		    DB_ARGS(P_INT(chosen), P_INT(chosen), SCOPE_ARGS(&s),
		    P_INT(PICKER_MAX + 1)), &res);
	else
		rc = db_query(r->app->db, &query_db, Q_PICK_REPS,
		    DB_ARGS(P_INT(chosen), P_INT(chosen),
		    P_INT(ROLE_SALES | ROLE_MANAGER), P_INT(PICKER_MAX + 1)), &res);
	if (rc != 0)
		return rc;
	if (dbres_rows(res) > PICKER_MAX) {
		struct tdict *m;

		snprintf(name, sizeof(name), "%s_MANY", sec);
		m = tdict_add_section(d, name);
		if (chosen > 0) {
			tdict_set_int(m, "value", chosen);
			if (dbres_int(res, 0, 3) != 0)
				tdict_set(m, "label", dbres_text(res, 0, 2));
		}
	} else {
		snprintf(name, sizeof(name), "%s_LIST", sec);
		tdict_show_section(d, name);
		for (size_t i = 0; i < dbres_rows(res); i++) {
			char label[512];

			snprintf(label, sizeof(label), "%s · %s",
			    dbres_text(res, i, 2), dbres_text(res, i, 1));
			form_option(d, sec, dbres_text(res, i, 0), label,
			    dbres_int(res, i, 0) == chosen);
		}
	}
	dbres_free(res);
	return 0;
}

/* Fills the filter bar's values and pickers into d. */
static int
filter_form(struct req *r, struct tdict *d, const struct ofilter *f,
    bool with_status)
{
	struct dbres *teams = NULL;
	int rc;

	tdict_set(d, "f_from", f->from);
	tdict_set(d, "f_to", f->to);
	if ((rc = picker(r, d, false, f->rep)) != 0 ||
	    (rc = picker(r, d, true, f->customer)) != 0 ||
	    (rc = orders_options(r, d, "F_PTYPE", "ptype", f->ptype,
	    NULL)) != 0 ||
	    (rc = orders_options(r, d, "F_REGION", "region", f->region,
	    NULL)) != 0 ||
	    (rc = orders_options(r, d, "F_CHANNEL", "channel", f->channel,
	    NULL)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &query_db, Q_TEAMS, DB_NOARGS,
	    &teams)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(teams); i++) {
		const char *team = dbres_text(teams, i, 0);

		form_option(d, "F_TEAM", team, team,
		    strcmp(f->team, team) == 0);
	}
	dbres_free(teams);
	if (with_status) {
		static const char *const st[] = { "booked", "cancelled" };

		tdict_show_section(d, "WITH_STATUS");
		form_choices(d, "F_STATUS", st, r->cat, "sales_status_",
		    f->status);
	}
	return 0;
}

static void
set_money(struct tdict *d, const char *name, int64_t fen)
{
	char m[TC_MONEY_SIZE], neg[64];

	tdict_set(d, name, tc_money_str(m, fen, true));
	if (fen < 0) {
		snprintf(neg, sizeof(neg), "%s_neg", name);
		tdict_show_section(d, neg);
	}
}

/* --- the list (core/list) --- */

enum ofield { OF_FROM, OF_TO, OF_REP, OF_TEAM, OF_CUSTOMER, OF_PTYPE,
    OF_REGION, OF_CHANNEL, OF_STATUS, OF__MAX };

static const char *const order_statuses[] = { "booked", "cancelled", NULL };

#define ID_FIELD(name) { name, form_int64, 0, 1, 4294967295LL, NULL, NULL }

static const struct list_filter order_filters[OF__MAX] = {
	[OF_FROM] = { .field = { "from", form_date, 0, 0, 0, "list_err_date",
	    NULL }, .label = "sales_from",
	    .where = { "o.order_date >= ?", { LA_TEXT } } },
	[OF_TO] = { .field = { "to", form_date, 0, 0, 0, "list_err_date",
	    NULL }, .label = "sales_to",
	    .where = { "o.order_date <= ?", { LA_TEXT } } },
	[OF_REP] = { .field = ID_FIELD("rep"), .label = "sales_rep",
	    .where = { "EXISTS (SELECT 1 FROM order_reps fr"
	    " WHERE fr.order_id = o.id AND fr.person_id = ?)", { LA_INT } } },
	[OF_TEAM] = { .field = { "team", form_text, 0, 1, 64, NULL, NULL },
	    .label = "sales_team",
	    .where = { "EXISTS (SELECT 1 FROM order_reps ft JOIN people fp"
	    " ON fp.id = ft.person_id WHERE ft.order_id = o.id"
	    " AND fp.team = ?)", { LA_TEXT } } },
	[OF_CUSTOMER] = { .field = ID_FIELD("customer"),
	    .label = "sales_customer",
	    .where = { "o.customer_id = ?", { LA_INT } } },
	/* orders with a line of the type (the row shows the whole order) */
	[OF_PTYPE] = { .field = ID_FIELD("ptype"),
	    .label = "sales_product_type",
	    .where = { "EXISTS (SELECT 1 FROM order_lines fl JOIN products fx"
	    " ON fx.id = fl.product_id WHERE fl.order_id = o.id"
	    " AND fx.product_type_id = ?)", { LA_INT } } },
	[OF_REGION] = { .field = ID_FIELD("region"), .label = "sales_region",
	    .where = { "o.region_id = ?", { LA_INT } } },
	[OF_CHANNEL] = { .field = ID_FIELD("channel"),
	    .label = "sales_channel",
	    .where = { "o.channel_id = ?", { LA_INT } } },
	[OF_STATUS] = { .field = { "status", form_oneof, 0, 0, 0, NULL,
	    order_statuses }, .label = "sales_status",
	    .where = { "o.status = ?", { LA_TEXT } } },
};

/* Each order is served by an index of orders (order_no is unique; the
 * others carry the id, the tie-breaker); the amounts are the rollups
 * the triggers of sql/sales/004 keep. */
static const struct list_sort order_sorts[] = {
	{ "date", "sales_date", "o.order_date, o.id",
	    "o.order_date DESC, o.id DESC", LIST_SORT_DESC_FIRST },
	{ "no", "sales_order_no", "o.order_no", "o.order_no DESC", 0 },
	{ "status", "sales_status", "o.status, o.order_date, o.id",
	    "o.status DESC, o.order_date DESC, o.id DESC", 0 },
	{ "amount", "sales_amount", "o.amount_total, o.id",
	    "o.amount_total DESC, o.id DESC", LIST_SORT_NUM },
	{ "margin", "sales_margin", "o.margin_total, o.id",
	    "o.margin_total DESC, o.id DESC", LIST_SORT_NUM },
	{ "collected", "sales_collected", "o.collected, o.id",
	    "o.collected DESC, o.id DESC", LIST_SORT_NUM },
};

const struct list_scope sales_order_scope = {
	"EXISTS (SELECT 1 FROM order_reps sx WHERE sx.order_id = o.id AND "
	    LIST_SCOPE_OWN_SQL("sx.person_id") ")",
	"EXISTS (SELECT 1 FROM order_reps sx WHERE sx.order_id = o.id AND "
	    LIST_SCOPE_TEAM_SQL("sx.person_id") ")",
};

/* The customer, reps, region and channel of the page's orders only (a
 * subquery in the select list runs for the rows sent, after the page is
 * cut).  Joined, MariaDB at times read the customers first, or the small
 * tables of regions and channels into a join buffer, and then sorted
 * every order (tests/db/lists-t, tests/bench/list). */
const struct list_def sales_orders_list = {
	.name = "orders-list",
	.path = "/sales/orders",
	.select = "SELECT o.id, o.order_no, o.order_date,"
	    " (SELECT c.name FROM customers c WHERE c.id = o.customer_id),"
	    " (SELECT rg.name_zh FROM regions rg WHERE rg.id = o.region_id),"
	    " (SELECT rg.name_en FROM regions rg WHERE rg.id = o.region_id),"
	    " (SELECT ch.name_zh FROM channels ch WHERE ch.id = o.channel_id),"
	    " (SELECT ch.name_en FROM channels ch WHERE ch.id = o.channel_id),"
	    " o.status, (o.order_date <="
	    " (SELECT COALESCE(MAX(pd.last_day), DATE '1000-01-01')"
	    " FROM periods pd WHERE pd.state = 'closed')),"
	    " o.original_order_id, o.amount_total, o.cost_total,"
	    " (SELECT GROUP_CONCAT(p.name ORDER BY r.share DESC, p.login"
	    "  SEPARATOR ', ') FROM order_reps r JOIN people p"
	    "  ON p.id = r.person_id WHERE r.order_id = o.id), o.collected",
	.from = " FROM orders o",
	/* what the KPIs add up: booked lines of booked orders */
	.totals = "COUNT(*),"
	    " COALESCE(SUM(CASE WHEN t.st = 'booked' THEN t.ab END), 0),"
	    " COALESCE(SUM(CASE WHEN t.st = 'booked' THEN t.cb END), 0)",
	.totals_cols = "o.status AS st, o.amount_booked AS ab,"
	    " o.cost_booked AS cb",
	.filters = order_filters, .nfilters = OF__MAX,
	.sorts = order_sorts, .nsorts = sizeof(order_sorts) /
	    sizeof(order_sorts[0]),
	.sort_default = 0, .desc_default = true,
	.per_page = PAGE_SIZE,
	/* past the cap the page shows no totals: count from an index */
	.totals_uncapped_only = true,
	/* the next page past the last row (the order of order_sorts) */
	.keyset_table = "orders", .keyset_alias = "o",
	.sort_keys = (const char *const[]){ "order_date,id", "order_no",
	    "status,order_date,id", "amount_total,id", "margin_total,id",
	    "collected,id" },
};

/* Columns of the page. */
enum { OL_ID, OL_NO, OL_DATE, OL_CUSTOMER, OL_REGION_ZH, OL_REGION_EN,
    OL_CHANNEL_ZH, OL_CHANNEL_EN, OL_STATUS, OL_CLOSED, OL_ORIGINAL,
    OL_AMOUNT, OL_COST, OL_REPS, OL_COLLECTED };

/* The id of filter k when set, else 0 (for the pickers). */
static int64_t
filter_id(const struct list *l, size_t k)
{
	const struct form_value *v = list_value(l, k);

	return v != NULL ? v->i : 0;
}

/* The pickers of the filter bar, the selected ones marked. */
static int
list_pickers(struct req *r, struct tdict *d, const struct list *l)
{
	const struct form_value *team = list_value(l, OF_TEAM);
	const struct form_value *st = list_value(l, OF_STATUS);
	struct dbres *teams = NULL;
	int rc;

	if ((rc = picker(r, d, false, filter_id(l, OF_REP))) != 0 ||
	    (rc = picker(r, d, true, filter_id(l, OF_CUSTOMER))) != 0 ||
	    (rc = orders_options(r, d, "F_PTYPE", "ptype",
	    filter_id(l, OF_PTYPE), NULL)) != 0 ||
	    (rc = orders_options(r, d, "F_REGION", "region",
	    filter_id(l, OF_REGION), NULL)) != 0 ||
	    (rc = orders_options(r, d, "F_CHANNEL", "channel",
	    filter_id(l, OF_CHANNEL), NULL)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &query_db, Q_TEAMS, DB_NOARGS,
	    &teams)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(teams); i++) {
		const char *name = dbres_text(teams, i, 0);

		form_option(d, "F_TEAM", name, name,
		    team != NULL && strcmp(team->s, name) == 0);
	}
	dbres_free(teams);
	form_choices(d, "F_STATUS", order_statuses, r->cat, "sales_status_",
	    st != NULL ? st->s : NULL);
	return 0;
}

int
orders_list_get(struct req *r)
{
	struct scope s = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	struct list l;
	char link[2300];
	int rc;

	list_init(&l, &sales_orders_list);
	list_scope(&l, &sales_order_scope, s.kind, s.me, s.team, s.login);
	if ((rc = list_run(&l, r, d)) != 0 ||
	    (rc = list_pickers(r, d, &l)) != 0)
		goto out;
	sales_tabs(r, "orders");
	if (has_role(r, ROLE_SALES | ROLE_MANAGER))
		tdict_show_section(d, "CAN_CREATE");
	if (has_role(r, ROLE_SALES | ROLE_MANAGER))
		tdict_show_section(d, "CAN_IMPORT");
	if (!l.invalid) {
		struct qs q;
		const char *fq;

		qs_init(&q);
		list_filter_query(&l, &q);
		fq = qs_str(&q) != NULL ? qs_str(&q) : "";
		snprintf(link, sizeof(link), "/sales/orders.csv%s%s",
		    fq[0] ? "?" : "", fq);
		tdict_set(d, "csv_href", link);
		snprintf(link, sizeof(link), "/sales/orders.xlsx%s%s",
		    fq[0] ? "?" : "", fq);
		tdict_set(d, "xlsx_href", link);
		qs_free(&q);
	} else {
		tdict_set(d, "csv_href", "/sales/orders.csv");
		tdict_set(d, "xlsx_href", "/sales/orders.xlsx");
	}
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *t = tdict_add_section(d, "ORDER");
		int64_t a = dbres_money(l.rows, i, OL_AMOUNT);
		int64_t c = dbres_money(l.rows, i, OL_COST);
		char key[48];

		tdict_set(t, "id", dbres_text(l.rows, i, OL_ID));
		tdict_set(t, "order_no", dbres_text(l.rows, i, OL_NO));
		tdict_set(t, "order_date", dbres_text(l.rows, i, OL_DATE));
		tdict_set(t, "customer", dbres_text(l.rows, i, OL_CUSTOMER));
		tdict_set(t, "region", tr_stored(r, dbres_text(l.rows, i,
		    OL_REGION_ZH), dbres_text(l.rows, i, OL_REGION_EN)));
		tdict_set(t, "channel", tr_stored(r, dbres_text(l.rows, i,
		    OL_CHANNEL_ZH), dbres_text(l.rows, i, OL_CHANNEL_EN)));
		order_state_key(key, sizeof(key), dbres_text(l.rows, i,
		    OL_STATUS), !dbres_null(l.rows, i, OL_ORIGINAL));
		tdict_set(t, "status", key + strlen("sales_status_"));
		tdict_set(t, "status_label", tr(r, key));
		if (dbres_int(l.rows, i, OL_CLOSED) != 0)
			tdict_show_section(t, "CLOSED");
		if (!dbres_null(l.rows, i, OL_ORIGINAL))
			tdict_show_section(t, "IS_RETURN");
		set_money(t, "amount", a);
		set_money(t, "cost", c);
		set_money(t, "margin", a - c);
		tdict_set(t, "reps", dbres_text(l.rows, i, OL_REPS));
		set_money(t, "collected", dbres_money(l.rows, i, OL_COLLECTED));
	}
	if (!l.invalid) {
		int64_t amount = dbres_money(l.totals, 0, 1);
		int64_t cost = dbres_money(l.totals, 0, 2);

		if (l.capped) {
			/* the totals of the first rows would be wrong */
			tdict_set(d, "total_amount", "—");
			tdict_set(d, "total_cost", "—");
			tdict_set(d, "total_margin", "—");
		} else {
			set_money(d, "total_amount", amount);
			set_money(d, "total_cost", cost);
			set_money(d, "total_margin", amount - cost);
		}
	}
	rc = page_send(r, list_status(&l), "sales/orders-list.tpl",
	    "ord_list_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* --- export: the list's orders, one row per order line --- */

/* The columns of the export: the calculation spec's orders.csv columns
 * first (ticheng-calc and the import read them), then names for people.
 * EXPORT_HEAD selects them under these names. */
static const struct export_col order_cols[] = {
	{ "order_id", "sales_order_no", EXPORT_TEXT, 16 },
	{ "line", "sales_line", EXPORT_INT, 6 },
	{ "date", "sales_date", EXPORT_DATE, 0 },
	{ "rep", "ordx_split", EXPORT_TEXT, 24 },
	{ "customer", "ordx_customer_code", EXPORT_TEXT, 14 },
	{ "product", "ordx_product_code", EXPORT_TEXT, 14 },
	{ "product_type", "ordx_ptype_code", EXPORT_TEXT, 12 },
	{ "region", "ordx_region_code", EXPORT_TEXT, 10 },
	{ "channel", "ordx_channel_code", EXPORT_TEXT, 10 },
	{ "quantity", "sales_quantity", EXPORT_QTY, 0 },
	{ "amount", "sales_amount", EXPORT_MONEY, 0 },
	{ "cost", "sales_cost", EXPORT_MONEY, 0 },
	{ "status", "sales_status", EXPORT_TEXT, 10 },
	{ "customer_name", "sales_customer", EXPORT_TEXT, 28 },
	{ "product_name", "sales_product", EXPORT_TEXT, 24 },
	{ "rep_names", "sales_reps", EXPORT_TEXT, 20 },
	{ "original_order_id", "ord_original", EXPORT_TEXT, 16 },
	{ "unit_price", "sales_unit_price", EXPORT_MONEY, 0 },
	{ "discount", "sales_discount", EXPORT_PCT, 0 },
};
#define ORDER_COLS (sizeof(order_cols) / sizeof(order_cols[0]))

/* "zhangwei:60.0000|lina:40.0000" (GROUP_CONCAT of the stored split) ->
 * "zhangwei:60|lina:40"; "" when the stored split is not one. */
static void
split_clean(const char *in, char *out, size_t len)
{
	struct tc_share sh[ORDER_MAX_REPS];
	size_t n;

	if (tc_split_parse(in, strlen(in), sh, ORDER_MAX_REPS, &n, NULL) != 0 ||
	    tc_split_format(sh, n, out, len) < 0)
		out[0] = '\0';
}

/* The export's statement: every line of the orders the list shows (the
 * list's filters and scope make its WHERE), named as the columns. */
#define EXPORT_HEAD \
	"SELECT o.order_no AS order_id, l.line_no AS line," \
	" o.order_date AS date," \
	" (SELECT GROUP_CONCAT(p.login, ':', r.share ORDER BY r.share DESC," \
	"  p.login SEPARATOR '|') FROM order_reps r JOIN people p" \
	"  ON p.id = r.person_id WHERE r.order_id = o.id) AS rep," \
	" c.code AS customer, pr.code AS product, pt.code AS product_type," \
	" rg.code AS region, ch.code AS channel, l.quantity AS quantity," \
	" l.amount AS amount, l.cost AS cost, l.status AS status," \
	" c.name AS customer_name, pr.name_zh AS product_name_zh," \
	" pr.name_en AS product_name_en," \
	" (SELECT GROUP_CONCAT(p.name ORDER BY r.share DESC, p.login" \
	"  SEPARATOR '|') FROM order_reps r JOIN people p" \
	"  ON p.id = r.person_id WHERE r.order_id = o.id) AS rep_names," \
	" COALESCE(oo.order_no, '') AS original_order_id," \
	" l.unit_price AS unit_price, l.discount AS discount" \
	" FROM orders o JOIN order_lines l ON l.order_id = o.id" \
	" JOIN products pr ON pr.id = l.product_id" \
	" JOIN product_types pt ON pt.id = pr.product_type_id" \
	" JOIN customers c ON c.id = o.customer_id" \
	" JOIN regions rg ON rg.id = o.region_id" \
	" JOIN channels ch ON ch.id = o.channel_id" \
	" LEFT JOIN orders oo ON oo.id = o.original_order_id"
#define EXPORT_TAIL " ORDER BY o.order_date, o.order_no, l.line_no"

struct export_ctx {
	struct req *r;
	struct export *e;
	int col[ORDER_COLS];        /* result column of each export column */
	int name_zh, name_en;       /* the product's names */
	bool resolved;
};

/* Finds the result's columns by name, once. */
static int
export_resolve(struct export_ctx *x, const struct dbrow *w)
{
	for (size_t c = 0; c < ORDER_COLS; c++)
		if (strcmp(order_cols[c].name, "product_name") != 0 &&
		    (x->col[c] = dbrow_col(w, order_cols[c].name)) < 0) {
			log_msg("orders export: no column %s", order_cols[c].name);
			return TC_EINVAL;
		}
	x->name_zh = dbrow_col(w, "product_name_zh");
	x->name_en = dbrow_col(w, "product_name_en");
	if (x->name_zh < 0 || x->name_en < 0)
		return TC_EINVAL;
	x->resolved = true;
	return 0;
}

/* Writes one order line of the export. */
static int
export_order_row(void *ctx, const struct dbrow *w)
{
	struct export_ctx *x = ctx;
	int rc = 0;

	if (!x->resolved && (rc = export_resolve(x, w)) != 0)
		return rc;
	for (size_t c = 0; c < ORDER_COLS && rc == 0; c++) {
		const char *name = order_cols[c].name;
		const char *v = dbrow_text(w, (size_t)x->col[c]);
		int64_t n;

		if (strcmp(name, "rep") == 0) {
			char reps[2048];

			split_clean(v, reps, sizeof(reps));
			rc = export_text(x->e, reps);
		} else if (strcmp(name, "product_name") == 0)
			rc = export_text(x->e, tr_stored(x->r,
			    dbrow_text(w, (size_t)x->name_zh),
			    dbrow_text(w, (size_t)x->name_en)));
		else if (order_cols[c].kind == EXPORT_TEXT ||
		    order_cols[c].kind == EXPORT_DATE)
			rc = export_text(x->e, v);
		else if ((rc = dbrow_decimal(w, (size_t)x->col[c],
		    order_cols[c].kind == EXPORT_QTY ? 3 :
		    order_cols[c].kind == EXPORT_PCT ? 4 :
		    order_cols[c].kind == EXPORT_MONEY ? 2 : 0, &n)) != 0)
			log_msg("orders export: %s: bad value \"%s\"", name, v);
		else
			rc = order_cols[c].kind == EXPORT_QTY ? export_qty(x->e, n) :
			    order_cols[c].kind == EXPORT_PCT ? export_pct(x->e, n) :
			    order_cols[c].kind == EXPORT_MONEY ?
			    export_money(x->e, n) : export_int(x->e, n);
	}
	return rc != 0 ? rc : export_end_row(x->e);
}

/* GET /sales/orders.csv and /sales/orders.xlsx: every line of the orders
 * the list shows with the same filters, in the reader's scope.  A bad
 * filter gets the list itself, answered 400 with the field named. */
int
orders_export_get(struct req *r)
{
	struct scope s = scope_of(r, &sales_scope_read);
	struct export_ctx x = { .r = r };
	struct list l;
	int rc;

	list_init(&l, &sales_orders_list);
	list_scope(&l, &sales_order_scope, s.kind, s.me, s.team, s.login);
	if ((rc = list_validate(&l, &r->q)) != 0)
		goto out;
	if (l.invalid) {
		list_done(&l);
		return orders_list_get(r);
	}
	if ((rc = export_start(r, export_format_of(r), "orders",
	    "ord_list_title", order_cols, ORDER_COLS, &x.e)) != 0)
		goto out;
	if ((rc = list_each_with(&l, r, EXPORT_HEAD, NULL, 0, EXPORT_TAIL,
	    export_order_row, &x)) == 0)
		rc = export_finish(x.e);
	export_free(x.e);
out:
	list_done(&l);
	return rc;
}

/* --- statistics --- */

/* The export's name of each table's dimension, its title and note. */
static const struct stats_def {
	const char *title, *note;
	const char *dim;
} stats_defs[SG__MAX] = {
	[SG_MONTH] = { "ord_stats_by_month", NULL, "sales_month" },
	[SG_REP] = { "ord_stats_by_rep", "ord_stats_share_note", "sales_rep" },
	[SG_TEAM] = { "ord_stats_by_team", "ord_stats_share_note",
	    "sales_team" },
	[SG_PTYPE] = { "ord_stats_by_ptype", NULL, "sales_product_type" },
	[SG_REGION] = { "ord_stats_by_region", NULL, "sales_region" },
	[SG_CHANNEL] = { "ord_stats_by_channel", NULL, "sales_channel" },
};

/* The statistics of filters f (with bounds) in r's scope into st. */
static int
stats_read(struct req *r, const struct ofilter *f, struct stats *st)
{
	struct scope s = scope_of(r, &sales_scope_read);
	struct stats_filter sf = { .from = f->from, .to = f->to,
	    .rep = f->rep, .customer = f->customer, .ptype = f->ptype,
	    .region = f->region, .channel = f->channel, .team = f->team };

	return stats_load(r, &sf, &s, st);
}

/* The margin as a share of the amount, x 10^k (k = 3: tenths of a
 * percent; 6: a percent with 4 decimals), rounded half away from zero;
 * false when the amount is 0. */
static bool
margin_share(int64_t amount, int64_t cost, int k, int64_t *out)
{
	__int128 num = (__int128)amount - cost, den = amount, q;

	if (amount == 0)
		return false;
	for (int i = 0; i < k; i++)
		num *= 10;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	q = (num < 0 ? num - den / 2 : num + den / 2) / den;
	*out = (int64_t)q;
	return true;
}

/* The margin percent as the page shows it: one decimal ("59.0%"). */
static void
set_margin_pct(struct tdict *d, const char *name, int64_t amount,
    int64_t cost)
{
	int64_t p;
	char pct[32];

	if (!margin_share(amount, cost, 3, &p)) {
		tdict_set(d, name, "–");
		return;
	}
	snprintf(pct, sizeof(pct), "%s%lld.%lld%%", p < 0 ? "-" : "",
	    (long long)((p < 0 ? -p : p) / 10), (long long)((p < 0 ? -p : p) % 10));
	tdict_set(d, name, pct);
}

/* Fills a table's ROW sections and totals into g. */
static void
stats_rows(struct tdict *g, const struct stats_row *rows, size_t n,
    const char **labels, int64_t *amount, int64_t *margin)
{
	int64_t ta = 0, tc = 0;

	for (size_t i = 0; i < n; i++) {
		struct tdict *t = tdict_add_section(g, "ROW");
		const struct stats_row *w = &rows[i];

		labels[i] = w->label;
		amount[i] = w->amount;
		margin[i] = w->amount - w->cost;
		ta += w->amount;
		tc += w->cost;
		tdict_set(t, "label", w->label);
		set_money(t, "amount", w->amount);
		set_money(t, "margin", w->amount - w->cost);
		tdict_set_int(t, "count", w->count);
		set_margin_pct(t, "margin_pct", w->amount, w->cost);
	}
	set_money(g, "total_amount", ta);
	set_money(g, "total_margin", ta - tc);
}

/* The months: a table and columns of the amount with a line of the
 * margin. */
static int
stats_months_show(struct req *r, struct tdict *d, const struct stats *st)
{
	struct tdict *g = tdict_add_section(d, "MONTHS");
	const char *labels[STATS_MAX_MONTHS];
	int64_t v[STATS_MAX_MONTHS], mv[STATS_MAX_MONTHS];
	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
	    .id = "chart-months", .title = tr(r, "ord_stats_by_month"),
	    .desc = tr(r, "ord_kpi_booked_only"),
	    .cat_title = tr(r, "sales_month"), .cats = labels,
	    .ncat = st->n[SG_MONTH], .nseries = 2 };

	tdict_set(g, "title", tr(r, "ord_stats_by_month"));
	stats_rows(g, st->rows[SG_MONTH], st->n[SG_MONTH], labels, v, mv);
	c.series[0].name = tr(r, "sales_amount");
	c.series[0].v = v;
	c.series[1].name = tr(r, "sales_margin");
	c.series[1].v = mv;
	c.series[1].line = true;
	return chart_show(r, g, "CHART", &c);
}

/* One dimension: a table and bars of the amount. */
static int
stats_group_show(struct req *r, struct tdict *d, const struct stats *st,
    size_t grp)
{
	const struct stats_def *def = &stats_defs[grp];
	struct tdict *g = tdict_add_section(d, "GROUP");
	const char *labels[STATS_MAX_GROUP];
	int64_t v[STATS_MAX_GROUP], mv[STATS_MAX_GROUP];
	char id[32];
	struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
	    .id = id, .title = tr(r, def->title), .cat_title = tr(r, def->title),
	    .desc = tr(r, "ord_kpi_booked_only"), .cats = labels,
	    .ncat = st->n[grp], .nseries = 1 };

	tdict_set(g, "title", tr(r, def->title));
	if (def->note != NULL)
		tdict_set(tdict_add_section(g, "NOTE"), "note", tr(r, def->note));
	stats_rows(g, st->rows[grp], st->n[grp], labels, v, mv);
	if (st->n[grp] == 0) {
		tdict_show_section(g, "EMPTY");
		return 0;
	}
	snprintf(id, sizeof(id), "chart-group-%zu", grp);
	c.series[0].name = tr(r, "sales_amount");
	c.series[0].v = v;
	return chart_show(r, g, "CHART", &c);
}

int
orders_stats_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct stats st;
	struct ofilter f;
	char fq[2048], link[2100];
	int rc;

	filter_read(r, &f, true);
	f.status[0] = '\0';
	if ((rc = filter_form(r, d, &f, false)) != 0)
		return rc;
	filter_query(&f, r, fq, sizeof(fq));
	snprintf(link, sizeof(link), "/sales/orders%s%s", fq[0] ? "?" : "", fq);
	tdict_set(d, "orders_href", link);
	snprintf(link, sizeof(link), "/sales/stats.csv%s%s", fq[0] ? "?" : "",
	    fq);
	tdict_set(d, "csv_href", link);
	snprintf(link, sizeof(link), "/sales/stats.xlsx%s%s", fq[0] ? "?" : "",
	    fq);
	tdict_set(d, "xlsx_href", link);
	filter_bounds(&f);
	sales_tabs(r, "stats");
	if ((rc = stats_read(r, &f, &st)) != 0)
		goto out;
	set_money(d, "kpi_amount", st.amount);
	set_money(d, "kpi_margin", st.amount - st.cost);
	tdict_set_int(d, "kpi_count", st.count);
	set_margin_pct(d, "kpi_margin_pct", st.amount, st.cost);
	if ((rc = stats_months_show(r, d, &st)) != 0)
		goto out;
	for (size_t g = SG_REP; g < SG__MAX; g++)
		if ((rc = stats_group_show(r, d, &st, g)) != 0)
			goto out;
	rc = page_send(r, 200, "sales/orders-stats.tpl", "ord_stats_title",
	    "sales");
out:
	stats_free(&st);
	return rc;
}

/* The export of the statistics: every row of every table of the page. */
static const struct export_col stats_cols[] = {
	{ "dimension", "ordx_dimension", EXPORT_TEXT, 14 },
	{ "name", "sales_name", EXPORT_TEXT, 24 },
	{ "amount", "sales_amount", EXPORT_MONEY, 0 },
	{ "margin", "sales_margin", EXPORT_MONEY, 0 },
	{ "margin_pct", "ord_margin_pct", EXPORT_PCT, 0 },
	{ "orders", "ord_kpi_orders", EXPORT_INT, 0 },
};

/* GET /sales/stats.csv and /sales/stats.xlsx: the statistics page's
 * tables, with the same filters. */
int
orders_stats_export_get(struct req *r)
{
	struct export *e = NULL;
	struct stats st;
	struct ofilter f;
	int rc;

	filter_read(r, &f, true);
	f.status[0] = '\0';
	filter_bounds(&f);
	if ((rc = stats_read(r, &f, &st)) != 0 ||
	    (rc = export_start(r, export_format_of(r), "sales-statistics",
	    "ord_stats_title", stats_cols, sizeof(stats_cols) /
	    sizeof(stats_cols[0]), &e)) != 0)
		goto out;
	for (size_t g = 0; g < SG__MAX && rc == 0; g++)
		for (size_t i = 0; i < st.n[g] && rc == 0; i++) {
			const struct stats_row *w = &st.rows[g][i];
			int64_t p4;

			if ((rc = export_text(e, tr(r, stats_defs[g].dim))) != 0 ||
			    (rc = export_text(e, w->label)) != 0 ||
			    (rc = export_money(e, w->amount)) != 0 ||
			    (rc = export_money(e, w->amount - w->cost)) != 0 ||
			    (rc = margin_share(w->amount, w->cost, 6, &p4) ?
			    export_pct(e, p4) : export_null(e)) != 0 ||
			    (rc = export_int(e, w->count)) != 0)
				break;
			rc = export_end_row(e);
		}
	if (rc == 0)
		rc = export_finish(e);
out:
	export_free(e);
	stats_free(&st);
	return rc;
}
