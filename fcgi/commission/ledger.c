/* ledger.c: the ledger of commission lines (core/list), its totals, and
 * its CSV and XLSX export of exactly what the filters show
 * (core/export).
 *
 *   GET /commission/ledger          filters period (default: the latest
 *                                   period with results), rep,
 *                                   team (the rep's team of the run),
 *                                   rule (its code), product type,
 *                                   region, channel, state (tracking);
 *                                   sorts; the totals per state
 *   GET /commission/ledger.csv      the same rows; the first nine
 *   GET /commission/ledger.xlsx     columns are the spec's lines.csv
 *
 * Scope: a rep their own lines (of a split line, their share: each line
 * is one rep's), a manager their team's as the run recorded it
 * (commission_summaries.team and manager_login), HR, finance and
 * management every line; admin never (the route's roles). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/adjview.h"
#include "commission/view.h"
#include "commission/web.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/export.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"
#include "core/log.h"
#include "core/money.h"
#include "core/qs.h"
#include "core/scope.h"
#include "engine/explain.h"

const struct scope_rule cm_lines_read = {
	"commission.lines.read",
	ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT,
	ROLE_MANAGER,
	ROLE_SALES,
};

/* A line l is the reader's, or their team's as its run recorded it. */
const struct list_scope cm_lines_scope = {
	"l.person_id = ?",
	"EXISTS (SELECT 1 FROM commission_summaries sx"
	" WHERE sx.period_id = l.period_id AND sx.person_id = l.person_id"
	" AND (sx.person_id = ? OR (sx.team = ? AND sx.team <> '')"
	" OR sx.manager_login = ?))",
};

enum { LF_PERIOD, LF_REP, LF_TEAM, LF_RULE, LF_PTYPE, LF_REGION, LF_CHANNEL,
    LF_STATE, LF__MAX };

static const char *const states[] = { "calculated", "pending", "paid", NULL };

#define ID_FIELD(name) { name, form_int64, 0, 1, 4294967295LL, NULL, NULL }

static const struct list_filter filters[LF__MAX] = {
	[LF_PERIOD] = { .field = { "period", form_text, 0, 1, 8, NULL, NULL },
	    .label = "cml_period",
	    .where = { "l.period_id = (SELECT fp.id FROM periods fp"
	    " WHERE fp.label = ?)", { LA_TEXT } } },
	[LF_REP] = { .field = ID_FIELD("rep"), .label = "cml_rep",
	    .where = { "l.person_id = ?", { LA_INT } } },
	[LF_TEAM] = { .field = { "team", form_text, 0, 1, 64, NULL, NULL },
	    .label = "cml_team",
	    .where = { "EXISTS (SELECT 1 FROM commission_summaries ft"
	    " WHERE ft.period_id = l.period_id AND ft.person_id = l.person_id"
	    " AND ft.team = ?)", { LA_TEXT } } },
	[LF_RULE] = { .field = { "rule", form_text, 0, 1, 64, NULL, NULL },
	    .label = "cml_rule",
	    .where = { "l.rule_id IN (SELECT fr.id FROM plan_rules fr"
	    " WHERE fr.code = ?)", { LA_TEXT } } },
	[LF_PTYPE] = { .field = ID_FIELD("ptype"), .label = "cml_ptype",
	    .where = { "ol.product_id IN (SELECT fx.id FROM products fx"
	    " WHERE fx.product_type_id = ?)", { LA_INT } } },
	[LF_REGION] = { .field = ID_FIELD("region"), .label = "cml_region",
	    .where = { "o.region_id = ?", { LA_INT } } },
	[LF_CHANNEL] = { .field = ID_FIELD("channel"), .label = "cml_channel",
	    .where = { "o.channel_id = ?", { LA_INT } } },
	[LF_STATE] = { .field = { "state", form_oneof, 0, 0, 0, NULL, states },
	    .label = "cml_state", .where = { "l.tracking = ?", { LA_TEXT } } },
};

/* Each sort is read in the order of an index (sql/commission/011), so a
 * page of a period (or of every period: period first) reads its 50 lines
 * and no others: by date through commission_lines_ledger (period,
 * removed, date; the id every index carries), by amount through
 * commission_lines_amount (period, removed, commission), one rep's
 * through commission_lines_person_ledger.  Over every period, amounts
 * are sorted within each period, newest period first. */
static const struct list_sort sorts[] = {
	{ "date", "cml_date", "l.period_id, l.line_date, l.id",
	    "l.period_id DESC, l.line_date DESC, l.id DESC",
	    LIST_SORT_DESC_FIRST },
	{ "amount", "cml_amount", "l.period_id DESC, l.commission, l.id",
	    "l.period_id DESC, l.commission DESC, l.id DESC",
	    LIST_SORT_NUM | LIST_SORT_DESC_FIRST },
};

/* The page's columns, read for the rows of the page only (subqueries in
 * the select list run after the page is cut). */
#define LEDGER_FROM " FROM commission_lines l" \
	" STRAIGHT_JOIN order_lines ol ON ol.id = l.order_line_id" \
	" STRAIGHT_JOIN orders o ON o.id = ol.order_id"

const struct list_def cm_ledger_list = {
	.name = "commission-ledger",
	.path = "/commission/ledger",
	.select = "SELECT l.id AS id,"
	    " (SELECT p.label FROM periods p WHERE p.id = l.period_id) AS period,"
	    " (SELECT pe.name FROM people pe WHERE pe.id = l.person_id) AS name,"
	    " (SELECT pe.login FROM people pe WHERE pe.id = l.person_id) AS login,"
	    " o.id AS order_id, o.order_no AS order_no, ol.line_no AS line_no,"
	    " (SELECT c.name FROM customers c WHERE c.id = o.customer_id)"
	    "  AS customer,"
	    " (SELECT pr.name_zh FROM products pr WHERE pr.id = ol.product_id)"
	    "  AS product_zh,"
	    " (SELECT pr.name_en FROM products pr WHERE pr.id = ol.product_id)"
	    "  AS product_en,"
	    " (SELECT pm.payment_no FROM payments pm WHERE pm.id = l.payment_id)"
	    "  AS payment_no,"
	    " (SELECT ru.code FROM plan_rules ru WHERE ru.id = l.rule_id) AS rule,"
	    " (SELECT ru.base FROM plan_rules ru WHERE ru.id = l.rule_id)"
	    "  AS base_kind,"
	    " l.base AS base, l.commission AS commission, l.tracking AS tracking,"
	    " l.line_date AS line_date,"
	    " (SELECT cs.multiplier FROM commission_summaries cs"
	    "  WHERE cs.period_id = l.period_id AND cs.person_id = l.person_id)"
	    "  AS multiplier",
	.from = LEDGER_FROM,
	.where = "l.removed_run_id IS NULL",
	.totals = "COUNT(*), COALESCE(SUM(t.c), 0),"
	    " COALESCE(SUM(CASE WHEN t.tr = 'calculated' THEN t.c END), 0),"
	    " COALESCE(SUM(CASE WHEN t.tr = 'pending' THEN t.c END), 0),"
	    " COALESCE(SUM(CASE WHEN t.tr = 'paid' THEN t.c END), 0)",
	.totals_cols = "l.commission AS c, l.tracking AS tr",
	.filters = filters, .nfilters = LF__MAX,
	.sorts = sorts, .nsorts = sizeof(sorts) / sizeof(sorts[0]),
	.sort_default = 0, .desc_default = true,
	.per_page = 50,
	/* the count alone (the index), then the totals only under the cap:
	 * a period's 100,000 lines are never read for a page of 50 */
	.totals_uncapped_only = true,
};

enum stmt {
	ST_LATEST, ST_PERIODS, ST_REPS, ST_TEAMS, ST_RULES, ST_PTYPES,
	ST_REGIONS, ST_CHANNELS, ST_PERIOD_ID, ST_STORED_TOTAL, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_LATEST] =
	    "SELECT p.label FROM periods p WHERE EXISTS (SELECT 1 FROM"
	    " commission_summaries s WHERE s.period_id = p.id)"
	    " ORDER BY p.first_day DESC LIMIT 1",
	[ST_PERIODS] = "SELECT label FROM periods ORDER BY first_day DESC",
	[ST_REPS] =
	    "SELECT pe.id, pe.name, pe.login FROM people pe WHERE pe.id IN"
	    " (SELECT DISTINCT person_id FROM commission_summaries)"
	    " ORDER BY pe.login",
	[ST_TEAMS] =
	    "SELECT DISTINCT team FROM commission_summaries WHERE team <> ''"
	    " ORDER BY team",
	[ST_RULES] =
	    "SELECT DISTINCT r.code FROM plan_rules r JOIN plan_versions v"
	    " ON v.id = r.version_id WHERE v.state IN ('active', 'ended')"
	    " ORDER BY r.code",
	[ST_PTYPES] = "SELECT id, name_zh, name_en FROM product_types"
	    " ORDER BY code",
	[ST_REGIONS] = "SELECT id, name_zh, name_en FROM regions ORDER BY code",
	[ST_CHANNELS] = "SELECT id, name_zh, name_en FROM channels"
	    " ORDER BY code",
	[ST_PERIOD_ID] = "SELECT id FROM periods WHERE label = ?",
	/* the commission of a period's lines (or every period's, label
	 * NULL) as the runs stored it: a rep's lines add up to the rep's
	 * period commission (spec, step 10) */
	[ST_STORED_TOTAL] =
	    "SELECT COALESCE(SUM(s.commission), 0) FROM commission_summaries s"
	    " WHERE ? IS NULL OR s.period_id = (SELECT p.id FROM periods p"
	    " WHERE p.label = ?)",
};

static struct db_table ledger_db = DB_TABLE("commission.ledger", stmts);

/* --- figures of a line --- */

static bool
base_is_quantity(const char *kind)
{
	return kind != NULL && strcmp(kind, "quantity") == 0;
}

/* The effective rate: commission over base, as a percent of a money
 * base ("5.25%") or money per unit of a quantity base ("2.50/unit"),
 * into buf; "" when the base is 0. */
const char *
cm_effective_rate(const struct req *r, int64_t commission, int64_t base,
    const char *kind, char *buf, size_t len)
{
	char num[TCE_XFMT_LEN];
	tc_i128 n, dd = base;

	if (base == 0) {
		snprintf(buf, len, "—");
		return buf;
	}
	/* percent = commission x 10^8 / base; yuan per unit = commission x
	 * 10^7 / base (base in 10^-9 units, commission in fen) */
	n = (tc_i128)commission * (base_is_quantity(kind) ? 10000000 :
	    100000000);
	if (dd < 0) {
		n = -n;
		dd = -dd;
	}
	/* exact to 4 decimals, else rounded there and marked "≈" */
	tce_xfmt_ratio(num, n, dd, 4, 2);
	{
		char *dots = strstr(num, "...");

		if (dots != NULL)
			*dots = '\0';
		snprintf(buf, len, "%s%s%s", dots != NULL ? "≈" : "", num,
		    base_is_quantity(kind) ? tr(r, "cml_per_unit") : "%");
	}
	return buf;
}

/* "1.5" from "1.5000"; "1" from "1.0000". */
static const char *
trim_dec(const char *s, char *buf, size_t len)
{
	size_t n;

	snprintf(buf, len, "%s", s != NULL ? s : "");
	if (strchr(buf, '.') == NULL)
		return buf;
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	return buf;
}

/* --- the page --- */

/* When the request names no period, the latest period with results. */
static int
default_period(struct req *r)
{
	struct dbres *res = NULL;
	int rc;

	if (req_get(&r->q, "period") != NULL)
		return 0;
	if ((rc = db_query(r->app->db, &ledger_db, ST_LATEST, DB_NOARGS,
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) == 1)
		rc = req_fields_add(&r->q, "period", dbres_text(res, 0, 0));
	dbres_free(res);
	return rc;
}

static int
options(struct req *r, struct tdict *d, int idx, const char *section,
    const char *selected, bool names)
{
	struct dbres *res = NULL;
	int rc;

	if ((rc = db_query(r->app->db, &ledger_db, idx, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *v = dbres_text(res, i, 0);
		const char *label = v;
		char both[200];

		if (names && dbres_cols(res) == 3 && idx == ST_REPS) {
			snprintf(both, sizeof(both), "%s (%s)",
			    dbres_text(res, i, 1), dbres_text(res, i, 2));
			label = both;
		} else if (names)
			label = tr_stored_col(r, res, i, 1);
		form_option(d, section, v, label, selected != NULL &&
		    strcmp(selected, v) == 0);
	}
	dbres_free(res);
	return 0;
}

static int
pickers(struct req *r, struct tdict *d, const struct list *l)
{
	const char *raw[LF__MAX];
	char ids[LF__MAX][24];
	int rc;

	for (size_t k = 0; k < LF__MAX; k++) {
		const struct form_value *v = list_value(l, k);

		raw[k] = NULL;
		if (v == NULL)
			continue;
		if (filters[k].field.valid == form_int64) {
			snprintf(ids[k], sizeof(ids[k]), "%lld",
			    (long long)v->i);
			raw[k] = ids[k];
		} else
			raw[k] = v->s;
	}
	/* period= (empty): every period */
	form_option(d, "F_PERIOD", "", tr(r, "cml_all_periods"),
	    raw[LF_PERIOD] == NULL);
	if ((rc = options(r, d, ST_PERIODS, "F_PERIOD", raw[LF_PERIOD],
	    false)) != 0 ||
	    (rc = options(r, d, ST_RULES, "F_RULE", raw[LF_RULE], false)) != 0 ||
	    (rc = options(r, d, ST_PTYPES, "F_PTYPE", raw[LF_PTYPE], true)) != 0 ||
	    (rc = options(r, d, ST_REGIONS, "F_REGION", raw[LF_REGION],
	    true)) != 0 ||
	    (rc = options(r, d, ST_CHANNELS, "F_CHANNEL", raw[LF_CHANNEL],
	    true)) != 0)
		return rc;
	/* a rep sees their own lines only: no rep or team to pick */
	if (scope_of(r, &cm_lines_read).kind != SCOPE_OWN) {
		tdict_show_section(d, "PICK_PEOPLE");
		if ((rc = options(r, d, ST_REPS, "F_REP", raw[LF_REP],
		    true)) != 0 ||
		    (rc = options(r, d, ST_TEAMS, "F_TEAM", raw[LF_TEAM],
		    false)) != 0)
			return rc;
	}
	form_choices(d, "F_STATE", states, r->cat, "cml_tracking_",
	    raw[LF_STATE]);
	return 0;
}

static void
export_links(struct tdict *d, const struct list *l)
{
	struct qs q;
	const char *fq;
	char link[2300];

	qs_init(&q);
	if (!l->invalid)
		list_filter_query(l, &q);
	fq = qs_str(&q) != NULL ? qs_str(&q) : "";
	/* the period filter, even when empty ("all"), is what was shown */
	snprintf(link, sizeof(link), "/commission/ledger.csv%s%s",
	    fq[0] ? "?" : "", fq);
	tdict_set(d, "csv_href", link);
	snprintf(link, sizeof(link), "/commission/ledger.xlsx%s%s",
	    fq[0] ? "?" : "", fq);
	tdict_set(d, "xlsx_href", link);
	qs_free(&q);
}

static void
line_row(struct req *r, struct tdict *t, const struct dbres *rows, size_t i)
{
	const char *kind = dbres_null_col(rows, i, "base_kind") ? NULL :
	    dbres_text_col(rows, i, "base_kind");
	int64_t commission = dbres_money_col(rows, i, "commission");
	char buf[64], key[48];

	tdict_set(t, "id", dbres_text_col(rows, i, "id"));
	tdict_set(t, "period", dbres_text_col(rows, i, "period"));
	tdict_set(t, "name", dbres_text_col(rows, i, "name"));
	tdict_set(t, "login", dbres_text_col(rows, i, "login"));
	tdict_set(t, "order_id", dbres_text_col(rows, i, "order_id"));
	tdict_set(t, "order_no", dbres_text_col(rows, i, "order_no"));
	tdict_set(t, "line_no", dbres_text_col(rows, i, "line_no"));
	tdict_set(t, "customer", dbres_text_col(rows, i, "customer"));
	tdict_set(t, "product", tr_stored(r, dbres_text_col(rows, i,
	    "product_zh"), dbres_text_col(rows, i, "product_en")));
	tdict_set(t, "line_date", dbres_text_col(rows, i, "line_date"));
	if (!dbres_null_col(rows, i, "payment_no"))
		tdict_set(tdict_add_section(t, "PAYMENT"), "payment_no",
		    dbres_text_col(rows, i, "payment_no"));
	if (kind != NULL) {
		int64_t base = dbres_int_col(rows, i, "base");
		struct tdict *m = tdict_add_section(t, "MATCHED");

		tdict_set(m, "rule", dbres_text_col(rows, i, "rule"));
		snprintf(key, sizeof(key), "cml_base_%s", kind);
		tdict_set(m, "base_kind", tr(r, key));
		if (base_is_quantity(kind)) {
			char q[TC_DEC_SIZE];

			tdict_set(m, "base", tc_qty_str(q,
			    (int64_t)tc_div_round(base, 1000000)));
		} else
			cm_money(m, "base", (int64_t)tc_div_round(base, 1000000));
		tdict_set(m, "rate", cm_effective_rate(r, commission, base, kind,
		    buf, sizeof(buf)));
	} else
		tdict_show_section(t, "UNMATCHED");
	tdict_set(t, "multiplier", trim_dec(dbres_text_col(rows, i,
	    "multiplier"), buf, sizeof(buf)));
	cm_money(t, "commission", commission);
	tdict_set(t, "tracking", dbres_text_col(rows, i, "tracking"));
	snprintf(key, sizeof(key), "cml_tracking_%s",
	    dbres_text_col(rows, i, "tracking"));
	tdict_set(t, "tracking_label", tr(r, key));
}

static void
scope_list(struct req *r, struct list *l)
{
	struct scope s = scope_of(r, &cm_lines_read);

	list_scope(l, &cm_lines_scope, s.kind, s.me, s.team, s.login);
}

/* The approved adjustments of the period and rep shown, in the reader's
 * scope, as lines of their own under the ledger (c4's adjview.h). */
static int
adjustments(struct req *r, struct tdict *d, const struct list *l)
{
	const struct form_value *period = list_value(l, LF_PERIOD);
	const struct form_value *rep = list_value(l, LF_REP);
	struct scope s = scope_of(r, &cm_lines_read);
	struct dbres *res = NULL;
	int64_t period_id = 0;
	int rc;

	if (period != NULL) {
		if ((rc = db_query(r->app->db, &ledger_db, ST_PERIOD_ID,
		    DB_ARGS(P_TEXT(period->s)), &res)) != 0)
			return rc;
		period_id = dbres_rows(res) == 1 ? dbres_int(res, 0, 0) : -1;
		dbres_free(res);
		if (period_id < 0)
			return 0;
	}
	return cm_adjustment_rows(r, tdict_include(d, "ADJ_LINES",
	    "commission/adjustments-rows.tpl"), &s, period_id,
	    rep != NULL ? rep->i : 0);
}

/* Past the cap, a period's lines (or every period's) unfiltered, as
 * everyone's reader sees them, still have their total: the runs'
 * summaries (a few thousand rows, not the lines). */
static int
stored_total(struct req *r, struct tdict *d, const struct list *l)
{
	const struct form_value *period = list_value(l, LF_PERIOD);
	struct dbres *res = NULL;
	int rc;

	if (scope_of(r, &cm_lines_read).kind != SCOPE_ALL)
		return 0;
	for (size_t k = 0; k < LF__MAX; k++)
		if (k != LF_PERIOD && list_value(l, k) != NULL)
			return 0;
	if ((rc = db_query(r->app->db, &ledger_db, ST_STORED_TOTAL, DB_ARGS(
	    period != NULL ? P_TEXT(period->s) : P_NULL,
	    period != NULL ? P_TEXT(period->s) : P_NULL), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 1)
		cm_money(d, "total_commission", dbres_money(res, 0, 0));
	dbres_free(res);
	return 0;
}

static int
ledger_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct list l;
	int rc;

	if ((rc = default_period(r)) != 0)
		return rc;
	list_init(&l, &cm_ledger_list);
	scope_list(r, &l);
	if ((rc = list_run(&l, r, d)) != 0 || (rc = pickers(r, d, &l)) != 0)
		goto out;
	export_links(d, &l);
	for (size_t i = 0; i < list_rows(&l); i++)
		line_row(r, tdict_add_section(d, "LINE"), l.rows, i);
	if (!l.invalid && !l.capped) {
		cm_money(d, "total_commission", dbres_money(l.totals, 0, 1));
		cm_money(d, "total_calculated", dbres_money(l.totals, 0, 2));
		cm_money(d, "total_pending", dbres_money(l.totals, 0, 3));
		cm_money(d, "total_paid", dbres_money(l.totals, 0, 4));
	} else {
		tdict_set(d, "total_commission", "—");
		tdict_set(d, "total_calculated", "—");
		tdict_set(d, "total_pending", "—");
		tdict_set(d, "total_paid", "—");
		if (!l.invalid && (rc = stored_total(r, d, &l)) != 0)
			goto out;
	}
	if (!l.invalid && (rc = adjustments(r, d, &l)) != 0)
		goto out;
	commission_tabs(r, "ledger");
	rc = page_send(r, list_status(&l), "commission/ledger.tpl",
	    "cml_title", "commission");
out:
	list_done(&l);
	return rc;
}

/* --- export --- */

/* The spec's lines.csv columns first (ticheng-calc's --lines), then
 * names and the ledger's own columns. */
static const struct export_col cols[] = {
	{ "rep", "cml_rep_login", EXPORT_TEXT, 14 },
	{ "period", "cml_period", EXPORT_TEXT, 9 },
	{ "order_id", "cml_order", EXPORT_TEXT, 16 },
	{ "line", "cml_line", EXPORT_INT, 6 },
	{ "payment_id", "cml_payment", EXPORT_TEXT, 14 },
	{ "rule", "cml_rule", EXPORT_TEXT, 14 },
	{ "base_kind", "cml_base_kind", EXPORT_TEXT, 10 },
	{ "base_value", "cml_base", EXPORT_TEXT, 14 },
	{ "commission", "cml_amount", EXPORT_MONEY, 0 },
	{ "rep_name", "cml_rep", EXPORT_TEXT, 12 },
	{ "date", "cml_date", EXPORT_DATE, 0 },
	{ "customer", "cml_customer", EXPORT_TEXT, 24 },
	{ "product", "cml_product", EXPORT_TEXT, 20 },
	{ "effective_rate", "cml_rate", EXPORT_TEXT, 12 },
	{ "multiplier", "cml_multiplier", EXPORT_TEXT, 10 },
	{ "tracking", "cml_state", EXPORT_TEXT, 10 },
	{ "line_id", "cml_line_id", EXPORT_INT, 10 },
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

/* Every line the list shows, in the spec's order (rep, period, date,
 * order, line, payment). */
#define EXPORT_HEAD \
	"SELECT l.id AS id, pe.login AS login, pe.name AS name," \
	" p.label AS period, o.order_no AS order_no, ol.line_no AS line_no," \
	" pm.payment_no AS payment_no, ru.code AS rule, ru.base AS base_kind," \
	" l.base AS base, l.commission AS commission, l.line_date AS line_date," \
	" c.name AS customer, pr.name_zh AS product_zh, pr.name_en AS product_en," \
	" l.tracking AS tracking, cs.multiplier AS multiplier" \
	LEDGER_FROM \
	" JOIN people pe ON pe.id = l.person_id" \
	" JOIN periods p ON p.id = l.period_id" \
	" JOIN customers c ON c.id = o.customer_id" \
	" JOIN products pr ON pr.id = ol.product_id" \
	" LEFT JOIN payments pm ON pm.id = l.payment_id" \
	" LEFT JOIN plan_rules ru ON ru.id = l.rule_id" \
	" LEFT JOIN commission_summaries cs ON cs.period_id = l.period_id" \
	"  AND cs.person_id = l.person_id"
#define EXPORT_TAIL " ORDER BY pe.login, p.first_day, l.line_date," \
	" o.order_no, ol.line_no, pm.payment_no, l.id"

struct export_ctx {
	struct req *r;
	struct export *e;
};

static const char *
col_text(const struct dbrow *w, const char *name)
{
	int c = dbrow_col(w, name);

	return c < 0 || dbrow_null(w, (size_t)c) ? NULL :
	    dbrow_text(w, (size_t)c);
}

static int
export_row(void *ctx, const struct dbrow *w)
{
	struct export_ctx *x = ctx;
	struct export *e = x->e;
	const char *kind = col_text(w, "base_kind");
	const char *pay = col_text(w, "payment_no");
	int64_t commission = 0, base = 0;
	char buf[64], num[TC_DEC_SIZE];
	const char *cm = col_text(w, "commission");
	int rc;

	if (cm == NULL || tc_dec_parse(cm, strlen(cm), 2, &commission) != 0)
		return TC_EDB;
	if (kind != NULL)
		base = strtoll(col_text(w, "base"), NULL, 10);
	if ((rc = export_text(e, col_text(w, "login"))) != 0 ||
	    (rc = export_text(e, col_text(w, "period"))) != 0 ||
	    (rc = export_text(e, col_text(w, "order_no"))) != 0 ||
	    (rc = export_int(e, strtoll(col_text(w, "line_no"), NULL,
	    10))) != 0 ||
	    (rc = pay != NULL ? export_text(e, pay) : export_null(e)) != 0 ||
	    (rc = kind != NULL ? export_text(e, col_text(w, "rule")) :
	    export_null(e)) != 0 ||
	    (rc = kind != NULL ? export_text(e, kind) : export_null(e)) != 0)
		return rc;
	if (kind == NULL)
		rc = export_null(e);
	else if (base_is_quantity(kind))
		rc = export_text(e, tc_qty_str(num,
		    (int64_t)tc_div_round(base, 1000000)));
	else {
		char m[TC_MONEY_SIZE];

		rc = export_text(e, tc_money_str(m,
		    (int64_t)tc_div_round(base, 1000000), false));
	}
	if (rc != 0 || (rc = export_money(e, commission)) != 0 ||
	    (rc = export_text(e, col_text(w, "name"))) != 0 ||
	    (rc = export_text(e, col_text(w, "line_date"))) != 0 ||
	    (rc = export_text(e, col_text(w, "customer"))) != 0 ||
	    (rc = export_text(e, tr_stored(x->r, col_text(w, "product_zh"),
	    col_text(w, "product_en")))) != 0 ||
	    (rc = kind != NULL ? export_text(e, cm_effective_rate(x->r,
	    commission, base, kind, buf, sizeof(buf))) : export_null(e)) != 0 ||
	    (rc = export_text(e, trim_dec(col_text(w, "multiplier"), buf,
	    sizeof(buf)))) != 0 ||
	    (rc = export_text(e, col_text(w, "tracking"))) != 0 ||
	    (rc = export_int(e, strtoll(col_text(w, "id"), NULL, 10))) != 0)
		return rc;
	return export_end_row(e);
}

static int
ledger_export_get(struct req *r)
{
	struct export_ctx x = { .r = r };
	struct list l;
	int rc;

	if ((rc = default_period(r)) != 0)
		return rc;
	list_init(&l, &cm_ledger_list);
	scope_list(r, &l);
	if ((rc = list_validate(&l, &r->q)) != 0)
		goto out;
	if (l.invalid) {
		list_done(&l);
		return ledger_get(r);
	}
	if ((rc = export_start(r, export_format_of(r), "commission-lines",
	    "cml_title", cols, NCOLS, &x.e)) != 0)
		goto out;
	if ((rc = list_each_with(&l, r, EXPORT_HEAD, NULL, 0, EXPORT_TAIL,
	    export_row, &x)) == 0)
		rc = export_finish(x.e);
	export_free(x.e);
out:
	list_done(&l);
	return rc;
}

static const struct route ledger_routes[] = {
	{ "GET", "/commission/ledger", CM_ROLES_ALL, ledger_get },
	{ "GET", "/commission/ledger.csv", CM_ROLES_ALL, ledger_export_get },
	{ "GET", "/commission/ledger.xlsx", CM_ROLES_ALL, ledger_export_get },
};

const struct route_set cm_ledger_route_set = ROUTE_SET(ledger_routes);
