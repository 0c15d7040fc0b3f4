/* cost.c: the commission cost analysis (提成成本分析): for one period,
 * commission over sales by product type, region, channel and rep; and
 * the trend of that rate over the last 12 periods, with charts.
 *
 * Commission comes from the ledger's current lines (commission_lines,
 * removed_run_id NULL) of the period, joined to the order line each
 * comes from; sales are the credited amounts (amount x share) of the
 * booked lines of booked orders dated in the period, as the run credits
 * them.  The trend reads the run's summaries (sales and commission per
 * rep and period). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/chart.h"
#include "core/date.h"
#include "core/error.h"
#include "core/export.h"
#include "core/formview.h"
#include "settlement/settlement.h"

#define DIMS 4
#define TREND 12

enum stmt {
	ST_COMM_TYPE, ST_COMM_REGION, ST_COMM_CHANNEL, ST_COMM_REP,
	ST_SALES_TYPE, ST_SALES_REGION, ST_SALES_CHANNEL, ST_SALES_REP,
	ST_TREND, ST_PERIODS, ST__MAX
};

#define COMM(key, name_zh, name_en, joins) \
	"SELECT " key " AS k, " name_zh " AS zh, " name_en " AS en," \
	" SUM(l.commission) AS amount FROM commission_lines l" \
	" JOIN periods p ON p.id = l.period_id" \
	" JOIN order_lines ol ON ol.id = l.order_line_id" \
	" JOIN orders o ON o.id = ol.order_id " joins \
	" WHERE p.label = ? AND l.removed_run_id IS NULL GROUP BY k, zh, en"
#define SALES(key, joins) \
	"SELECT " key " AS k, ROUND(SUM(ol.amount * r.share / 100), 2) AS amount" \
	" FROM periods p JOIN orders o ON o.order_date BETWEEN p.first_day" \
	" AND p.last_day AND o.status = 'booked'" \
	" JOIN order_lines ol ON ol.order_id = o.id AND ol.status = 'booked'" \
	" JOIN order_reps r ON r.order_id = o.id " joins \
	" WHERE p.label = ? GROUP BY k"
#define J_TYPE " JOIN products pr ON pr.id = ol.product_id" \
	" JOIN product_types x ON x.id = pr.product_type_id"
#define J_REGION " JOIN regions x ON x.id = o.region_id"
#define J_CHANNEL " JOIN channels x ON x.id = o.channel_id"

static const char *const stmts[ST__MAX] = {
	[ST_COMM_TYPE] = COMM("x.id", "x.name_zh", "x.name_en", J_TYPE),
	[ST_COMM_REGION] = COMM("x.id", "x.name_zh", "x.name_en", J_REGION),
	[ST_COMM_CHANNEL] = COMM("x.id", "x.name_zh", "x.name_en", J_CHANNEL),
	[ST_COMM_REP] = COMM("x.id", "x.name", "x.name",
	    " JOIN people x ON x.id = l.person_id"),
	[ST_SALES_TYPE] = SALES("x.id", J_TYPE),
	[ST_SALES_REGION] = SALES("x.id", J_REGION),
	[ST_SALES_CHANNEL] = SALES("x.id", J_CHANNEL),
	[ST_SALES_REP] = SALES("r.person_id", ""),
	[ST_TREND] =
	    "SELECT p.label, SUM(c.sales) AS sales, SUM(c.commission) AS"
	    " commission FROM commission_summaries c JOIN periods p ON"
	    " p.id = c.period_id GROUP BY p.id, p.label"
	    " ORDER BY p.first_day DESC LIMIT 12",
	[ST_PERIODS] =
	    "SELECT p.label FROM periods p WHERE EXISTS (SELECT 1 FROM"
	    " commission_summaries c WHERE c.period_id = p.id)"
	    " ORDER BY p.first_day DESC",
};

static struct db_table cost_db = DB_TABLE("settlement.cost", stmts);

/* commission over sales in hundredths of a percent, CHART_NONE without
 * sales */
static int64_t
rate(money_t commission, money_t sales)
{
	if (sales <= 0)
		return CHART_NONE;
	return (int64_t)(((__int128)commission * 10000 + sales / 2) / sales);
}

static void
set_rate(struct tdict *d, int64_t r)
{
	char buf[32];

	if (r == CHART_NONE)
		snprintf(buf, sizeof(buf), "–");
	else
		snprintf(buf, sizeof(buf), "%s%lld.%02lld%%", r < 0 ? "-" : "",
		    (long long)(r < 0 ? -r : r) / 100,
		    (long long)(r < 0 ? -r : r) % 100);
	tdict_set(d, "rate", buf);
}

/* The commission (*comm) and sales (*sales) of dimension k in period
 * label; free both. */
static int
dimension_read(struct req *r, const char *label, int k, struct dbres **comm,
    struct dbres **sales)
{
	int rc;

	*comm = *sales = NULL;
	if ((rc = db_query(r->app->db, &cost_db, ST_COMM_TYPE + k,
	    DB_ARGS(P_TEXT(label)), comm)) != 0)
		return rc;
	return db_query(r->app->db, &cost_db, ST_SALES_TYPE + k,
	    DB_ARGS(P_TEXT(label)), sales);
}

/* The sales of row i of comm: its key's row in sales, 0 without. */
static money_t
sales_of(const struct dbres *comm, size_t i, const struct dbres *sales)
{
	for (size_t j = 0; j < dbres_rows(sales); j++)
		if (dbres_int_col(sales, j, "k") == dbres_int_col(comm, i, "k"))
			return dbres_money_col(sales, j, "amount");
	return 0;
}

static int
dimension(struct req *r, struct tdict *d, const char *label, int k,
    const char *title_key)
{
	struct tdict *sec = tdict_add_section(d, "DIM");
	struct dbres *comm = NULL, *sales = NULL;
	char buf[TC_MONEY_SIZE];
	int rc;

	tdict_set(sec, "dim_title", tr(r, title_key));
	if ((rc = dimension_read(r, label, k, &comm, &sales)) != 0) {
		dbres_free(comm);
		dbres_free(sales);
		return rc;
	}
	for (size_t i = 0; i < dbres_rows(comm); i++) {
		struct tdict *row = tdict_add_section(sec, "ROW");
		money_t c = dbres_money_col(comm, i, "amount");
		money_t s = sales_of(comm, i, sales);

		tdict_set(row, "name", tr_stored(r, dbres_text_col(comm, i,
		    "zh"), dbres_text_col(comm, i, "en")));
		tdict_set(row, "commission", tc_money_str(buf, c, true));
		tdict_set(row, "sales", tc_money_str(buf, s, true));
		set_rate(row, rate(c, s));
	}
	dbres_free(comm);
	dbres_free(sales);
	return 0;
}

static const char *const titles[DIMS] = { "stl_cost_by_type",
    "stl_cost_by_region", "stl_cost_by_channel", "stl_cost_by_rep" };

/* The period asked for (?period=) if it has results, else the latest
 * such period, into label ("" when there is none); its options into d
 * when d is not NULL.  TC_ENOTFOUND for a period asked that has none. */
static int
cost_period(struct req *r, struct tdict *d, char label[TC_PERIOD_SIZE])
{
	const char *asked = req_get(&r->q, "period");
	struct dbres *res = NULL;
	int rc;

	label[0] = '\0';
	if ((rc = db_query(r->app->db, &cost_db, ST_PERIODS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *p = dbres_text(res, i, 0);

		if ((asked != NULL && strcmp(asked, p) == 0) ||
		    (asked == NULL && i == 0))
			snprintf(label, TC_PERIOD_SIZE, "%s", p);
	}
	for (size_t i = 0; d != NULL && i < dbres_rows(res); i++)
		form_option(d, "PERIOD_OPTION", dbres_text(res, i, 0),
		    dbres_text(res, i, 0), strcmp(label,
		    dbres_text(res, i, 0)) == 0);
	dbres_free(res);
	return asked != NULL && label[0] == '\0' ? TC_ENOTFOUND : 0;
}

/* commission over sales as percent x 10^4 (export_pct), 0 without
 * sales */
static int64_t
rate4(money_t commission, money_t sales)
{
	if (sales <= 0)
		return 0;
	return (int64_t)(((__int128)commission * 1000000 + sales / 2) / sales);
}

static const struct export_col cost_cols[] = {
	{ "dimension", "stl_cost_export_dimension", EXPORT_TEXT, 14 },
	{ "name", "stl_cost_name", EXPORT_TEXT, 16 },
	{ "commission", "stl_cost_commission", EXPORT_MONEY, 0 },
	{ "sales", "stl_cost_sales", EXPORT_MONEY, 0 },
	{ "rate", "stl_cost_rate", EXPORT_PCT, 0 },
};

/* One row of the cost export. */
static int
cost_row(struct export *e, const char *dim, const char *name, money_t c,
    money_t s)
{
	int rc;

	if ((rc = export_text(e, dim)) != 0 || (rc = export_text(e, name)) !=
	    0 || (rc = export_money(e, c)) != 0 ||
	    (rc = export_money(e, s)) != 0)
		return rc;
	if ((rc = s > 0 ? export_pct(e, rate4(c, s)) : export_null(e)) != 0)
		return rc;
	return export_end_row(e);
}

/* The period's four dimensions, then the trend of the 12 latest
 * periods, one row each, as CSV or XLSX. */
static int
cost_export(struct req *r)
{
	char label[TC_PERIOD_SIZE], base[48];
	struct dbres *comm = NULL, *sales = NULL;
	struct export *e = NULL;
	int rc;

	if ((rc = cost_period(r, NULL, label)) != 0)
		return rc;
	if (label[0] == '\0')
		return TC_ENOTFOUND;
	snprintf(base, sizeof(base), "commission-cost-%s", label);
	if ((rc = export_start(r, export_format_of(r), base, "stl_cost",
	    cost_cols, sizeof(cost_cols) / sizeof(cost_cols[0]), &e)) != 0)
		return rc;
	for (int k = 0; k < DIMS && rc == 0; k++) {
		if ((rc = dimension_read(r, label, k, &comm, &sales)) == 0)
			for (size_t i = 0; i < dbres_rows(comm) && rc == 0;
			    i++)
				rc = cost_row(e, tr(r, titles[k]), tr_stored(r,
				    dbres_text_col(comm, i, "zh"),
				    dbres_text_col(comm, i, "en")),
				    dbres_money_col(comm, i, "amount"),
				    sales_of(comm, i, sales));
		dbres_free(comm);
		dbres_free(sales);
		comm = sales = NULL;
	}
	if (rc == 0 && (rc = db_query(r->app->db, &cost_db, ST_TREND,
	    DB_NOARGS, &comm)) == 0)
		for (size_t i = dbres_rows(comm); i-- > 0 && rc == 0;)
			rc = cost_row(e, tr(r, "stl_cost_trend"),
			    dbres_text_col(comm, i, "label"),
			    dbres_money_col(comm, i, "commission"),
			    dbres_money_col(comm, i, "sales"));
	dbres_free(comm);
	if (rc == 0)
		rc = export_finish(e);
	export_free(e);
	return rc;
}

static int
cost_get(struct req *r)
{
	struct tdict *d = page_body(r);
	char label[TC_PERIOD_SIZE] = "";
	char lab[TREND][TC_PERIOD_SIZE];
	const char *cats[TREND];
	int64_t rates[TREND];
	struct dbres *res = NULL;
	size_t n;
	int rc;

	if ((rc = cost_period(r, d, label)) != 0)
		return rc;
	settlement_tabs(r, "cost");
	if (label[0] == '\0') {
		tdict_show_section(d, "EMPTY");
		return page_send(r, 200, "settlement/cost.tpl", "stl_cost",
		    "settlement");
	}
	tdict_set(d, "period", label);
	tdict_show_section(d, "EXPORTS");
	for (int k = 0; k < DIMS; k++)
		if ((rc = dimension(r, d, label, k, titles[k])) != 0)
			return rc;
	/* the trend, oldest first */
	if ((rc = db_query(r->app->db, &cost_db, ST_TREND, DB_NOARGS,
	    &res)) != 0)
		return rc;
	n = dbres_rows(res);
	for (size_t i = 0; i < n; i++) {
		size_t at = n - 1 - i;
		struct tdict *row = tdict_add_section(d, "TREND_ROW");
		char buf[TC_MONEY_SIZE];
		money_t s = dbres_money_col(res, i, "sales");
		money_t c = dbres_money_col(res, i, "commission");

		snprintf(lab[at], sizeof(lab[at]), "%s",
		    dbres_text_col(res, i, "label"));
		cats[at] = lab[at];
		rates[at] = rate(c, s);
		tdict_set(row, "period", lab[at]);
		tdict_set(row, "sales", tc_money_str(buf, s, true));
		tdict_set(row, "commission", tc_money_str(buf, c, true));
		set_rate(row, rates[at]);
	}
	dbres_free(res);
	if (n > 0) {
		struct chart c = { .kind = CHART_LINES, .unit = CHART_PERCENT,
		    .table = false, .id = "chart-cost-trend",
		    .title = tr(r, "stl_cost_trend"),
		    .cat_title = tr(r, "stl_period"), .cats = cats, .ncat = n,
		    .nseries = 1 };

		c.series[0].name = tr(r, "stl_cost_rate");
		c.series[0].v = rates;
		if ((rc = chart_show(r, tdict_add_section(d, "TREND_CHART"),
		    "CHART", &c)) != 0)
			return rc;
	}
	return page_send(r, 200, "settlement/cost.tpl", "stl_cost",
	    "settlement");
}

#define COST_ROLES (ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)

static const struct route routes[] = {
	{ "GET", "/settlement/cost", COST_ROLES, cost_get },
	{ "GET", "/settlement/cost.csv", COST_ROLES, cost_export },
	{ "GET", "/settlement/cost.xlsx", COST_ROLES, cost_export },
};

const struct route_set settlement_cost_routes = ROUTE_SET(routes);
