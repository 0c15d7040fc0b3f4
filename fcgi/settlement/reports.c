/* reports.c: the settlement reports (结算报表) and the payroll export.
 *
 * The summary by period is also the accrual and reconciliation
 * (计提与核对): per period, the commission accrued (commission, bonus,
 * prizes and adjustments of its statements), the balance carried in,
 * what is payable, what was paid, and the balance carried out, with the
 * check opening + accrued - payable = closing per period (it holds by
 * construction of each statement: net = payable + carried_out).  The
 * summary of one period by team and state follows.  Both as CSV and XLSX
 * (core/export), spreadsheet-safe.
 *
 * The payroll export (finance only): employee number, name, department,
 * period, statement number and amount payable of every approved or paid
 * statement of a period with something to pay. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/export.h"
#include "core/formview.h"
#include "settlement/settlement.h"

enum stmt {
	ST_BY_PERIOD, ST_BY_TEAM, ST_BY_REP, ST_PAYROLL, ST_PERIODS, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_BY_PERIOD] =
	    "SELECT p.label, COUNT(*) AS n,"
	    " SUM(s.commission + s.bonus + s.prizes + s.adjustments) AS accrued,"
	    " SUM(s.carried_in) AS opening, SUM(s.payable) AS payable,"
	    " SUM(CASE WHEN s.state = 'paid' THEN s.payable ELSE 0 END) AS paid,"
	    " SUM(CASE WHEN s.state IN ('approved', 'paid') THEN s.payable"
	    " ELSE 0 END) AS approved, SUM(s.carried_out) AS closing"
	    " FROM settlement_statements s JOIN periods p ON p.id = s.period_id"
	    " GROUP BY p.id, p.label ORDER BY p.first_day DESC",
	/* label */
	[ST_BY_TEAM] =
	    "SELECT s.team, pe.department, s.state, COUNT(*) AS statements,"
	    " SUM(s.payable) AS payable FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id WHERE p.label = ?"
	    " GROUP BY s.team, pe.department, s.state"
	    " ORDER BY s.team, pe.department, FIELD(s.state, 'draft', 'pending',"
	    " 'reviewed', 'approved', 'paid')",
	/* label: the reconciliation per rep, named as its export's columns */
	[ST_BY_REP] =
	    "SELECT pe.employee_no, pe.name, s.team, s.number AS statement,"
	    " s.state, s.carried_in AS opening_balance,"
	    " s.commission + s.bonus + s.prizes + s.adjustments AS accrued,"
	    " s.payable, CASE WHEN s.state IN ('approved', 'paid')"
	    " THEN s.payable ELSE 0 END AS approved,"
	    " CASE WHEN s.state = 'paid' THEN s.payable ELSE 0 END AS paid,"
	    " s.carried_out AS closing_balance"
	    " FROM settlement_statements s JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id WHERE p.label = ?"
	    " ORDER BY s.seq",
	/* label */
	[ST_PAYROLL] =
	    "SELECT pe.employee_no, pe.name, pe.department, p.label, s.number,"
	    " s.payable, s.state FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id WHERE p.label = ?"
	    " AND s.state IN ('approved', 'paid') AND s.payable > 0"
	    " ORDER BY s.seq",
	[ST_PERIODS] =
	    "SELECT DISTINCT p.label, p.first_day FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id ORDER BY p.first_day DESC",
};

static struct db_table rep_db = DB_TABLE("settlement.reports", stmts);

static void
money(struct tdict *d, const char *name, money_t v)
{
	char buf[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(buf, v, true));
}

/* The period asked for (?period=), when it is a plain label. */
static const char *
period_of(struct req *r)
{
	const char *p = req_get(&r->q, "period");

	if (p == NULL || *p == '\0' || strlen(p) > 8 ||
	    strspn(p, "0123456789-Q") != strlen(p))
		return NULL;
	return p;
}

/* The reconciliation of period per rep, and its total, into sec. */
static int
by_rep(struct req *r, struct tdict *sec, const char *period)
{
	static const char *const cols[6] = { "opening_balance", "accrued",
	    "payable", "approved", "paid", "closing_balance" };
	struct dbres *res = NULL;
	money_t t[6] = { 0 };
	int rc;

	if ((rc = db_query(r->app->db, &rep_db, ST_BY_REP,
	    DB_ARGS(P_TEXT(period)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(sec, "REP_ROW");
		money_t v[6];

		tdict_set(row, "employee_no", dbres_text_col(res, i,
		    "employee_no"));
		tdict_set(row, "name", dbres_text_col(res, i, "name"));
		tdict_set(row, "team", dbres_text_col(res, i, "team"));
		tdict_set(row, "statement", dbres_text_col(res, i,
		    "statement"));
		tdict_set(row, "state_label", tr(r, settlement_state_key(
		    dbres_text_col(res, i, "state"))));
		for (size_t k = 0; k < 6; k++) {
			v[k] = dbres_money_col(res, i, cols[k]);
			t[k] += v[k];
			money(row, cols[k], v[k]);
		}
		tdict_set(row, "check", v[0] + v[1] - v[2] == v[5] ? "✓" :
		    "✗");
	}
	dbres_free(res);
	for (size_t k = 0; k < 6; k++) {
		char name[40];

		snprintf(name, sizeof(name), "rep_total_%s", cols[k]);
		money(sec, name, t[k]);
	}
	tdict_set(sec, "rep_total_check", t[0] + t[1] - t[2] == t[5] ? "✓" :
	    "✗");
	return 0;
}

static int
reports_get(struct req *r)
{
	struct tdict *d = page_body(r);
	const char *period = period_of(r);
	struct dbres *res = NULL;
	money_t t[6] = { 0 };
	int64_t n = 0;
	int rc;

	if ((rc = db_query(r->app->db, &rep_db, ST_PERIODS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		form_option(d, "PERIOD_OPTION", dbres_text(res, i, 0),
		    dbres_text(res, i, 0), period != NULL &&
		    strcmp(period, dbres_text(res, i, 0)) == 0);
	dbres_free(res);
	if ((rc = db_query(r->app->db, &rep_db, ST_BY_PERIOD, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		static const char *const cols[6] = { "accrued", "opening",
		    "payable", "approved", "paid", "closing" };
		struct tdict *row = tdict_add_section(d, "PERIOD_ROW");
		money_t v[6];

		tdict_set(row, "period", dbres_text_col(res, i, "label"));
		tdict_set(row, "n", dbres_text_col(res, i, "n"));
		n += dbres_int_col(res, i, "n");
		for (size_t k = 0; k < 6; k++) {
			v[k] = dbres_money_col(res, i, cols[k]);
			t[k] += v[k];
			money(row, cols[k], v[k]);
		}
		/* opening + accrued - payable = closing */
		tdict_set(row, "check", v[1] + v[0] - v[2] == v[5] ? "✓" :
		    "✗");
	}
	dbres_free(res);
	tdict_set_int(d, "total_n", n);
	money(d, "total_accrued", t[0]);
	money(d, "total_opening", t[1]);
	money(d, "total_payable", t[2]);
	money(d, "total_approved", t[3]);
	money(d, "total_paid", t[4]);
	money(d, "total_closing", t[5]);
	if (period != NULL) {
		struct tdict *sec = tdict_add_section(d, "TEAMS");

		tdict_set(sec, "period", period);
		if ((rc = db_query(r->app->db, &rep_db, ST_BY_TEAM,
		    DB_ARGS(P_TEXT(period)), &res)) != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++) {
			struct tdict *row = tdict_add_section(sec, "TEAM_ROW");

			tdict_set(row, "team", dbres_text_col(res, i, "team"));
			tdict_set(row, "department", dbres_text_col(res, i,
			    "department"));
			tdict_set(row, "state_label", tr(r, settlement_state_key(
			    dbres_text_col(res, i, "state"))));
			tdict_set(row, "n", dbres_text_col(res, i,
			    "statements"));
			money(row, "payable", dbres_money_col(res, i,
			    "payable"));
		}
		dbres_free(res);
		if (has_role(r, ROLE_FINANCE))
			tdict_show_section(sec, "CAN_PAYROLL");
		if ((rc = by_rep(r, sec, period)) != 0)
			return rc;
	}
	settlement_tabs(r, "reports");
	return page_send(r, 200, "settlement/reports.tpl", "stl_reports",
	    "settlement");
}

static const struct export_col period_cols[] = {
	{ "period", "stl_period", EXPORT_TEXT, 10 },
	{ "statements", "stl_kpi_count", EXPORT_INT, 0 },
	{ "accrued", "stl_accrued", EXPORT_MONEY, 0 },
	{ "opening_balance", "stl_opening", EXPORT_MONEY, 0 },
	{ "payable", "stl_payable", EXPORT_MONEY, 0 },
	{ "approved", "stl_approved_amount", EXPORT_MONEY, 0 },
	{ "paid", "stl_paid_amount", EXPORT_MONEY, 0 },
	{ "closing_balance", "stl_closing", EXPORT_MONEY, 0 },
};

static int
reports_export(struct req *r)
{
	static const char *const cols[6] = { "accrued", "opening", "payable",
	    "approved", "paid", "closing" };
	struct export *e = NULL;
	struct dbres *res = NULL;
	int rc;

	if ((rc = db_query(r->app->db, &rep_db, ST_BY_PERIOD, DB_NOARGS,
	    &res)) != 0)
		return rc;
	if ((rc = export_start(r, export_format_of(r), "settlement-summary",
	    "stl_reports", period_cols, sizeof(period_cols) /
	    sizeof(period_cols[0]), &e)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res) && rc == 0; i++) {
		rc = export_text(e, dbres_text_col(res, i, "label"));
		if (rc == 0)
			rc = export_int(e, dbres_int_col(res, i, "n"));
		for (size_t k = 0; k < 6 && rc == 0; k++)
			rc = export_money(e, dbres_money_col(res, i, cols[k]));
		if (rc == 0)
			rc = export_end_row(e);
	}
	if (rc == 0)
		rc = export_finish(e);
out:
	export_free(e);
	dbres_free(res);
	return rc;
}

/* A state shown by its name in the reader's language. */
static const char *
state_name(void *ctx, const char *col, const char *value)
{
	return strcmp(col, "state") == 0 ? tr(ctx, settlement_state_key(value)) :
	    value;
}

/* Sends the rows of statement k for the ?period= asked (400 without
 * one) as an export of cols, named base-PERIOD. */
static int
period_export(struct req *r, int k, const char *base, const char *sheet_key,
    const struct export_col *cols, size_t ncols)
{
	const char *period = period_of(r);
	struct export *e = NULL;
	struct dbres *res = NULL;
	char name[48];
	int rc;

	if (period == NULL)
		return TC_EINVAL;
	if ((rc = db_query(r->app->db, &rep_db, k, DB_ARGS(P_TEXT(period)),
	    &res)) != 0)
		return rc;
	snprintf(name, sizeof(name), "%s-%s", base, period);
	if ((rc = export_start(r, export_format_of(r), name, sheet_key, cols,
	    ncols, &e)) == 0 && (rc = export_result(e, res, state_name,
	    r)) == 0)
		rc = export_finish(e);
	export_free(e);
	dbres_free(res);
	return rc;
}

static const struct export_col team_cols[] = {
	{ "team", "stl_team", EXPORT_TEXT, 14 },
	{ "department", "stl_department", EXPORT_TEXT, 12 },
	{ "state", "stl_state", EXPORT_TEXT, 10 },
	{ "statements", "stl_kpi_count", EXPORT_INT, 0 },
	{ "payable", "stl_payable", EXPORT_MONEY, 0 },
};

static int
teams_export(struct req *r)
{
	return period_export(r, ST_BY_TEAM, "settlement-teams", "stl_by_team",
	    team_cols, sizeof(team_cols) / sizeof(team_cols[0]));
}

static const struct export_col rep_cols[] = {
	{ "employee_no", "stl_employee_no", EXPORT_TEXT, 10 },
	{ "name", "stl_rep", EXPORT_TEXT, 12 },
	{ "team", "stl_team", EXPORT_TEXT, 12 },
	{ "statement", "stl_number", EXPORT_TEXT, 18 },
	{ "state", "stl_state", EXPORT_TEXT, 9 },
	{ "opening_balance", "stl_opening", EXPORT_MONEY, 0 },
	{ "accrued", "stl_accrued", EXPORT_MONEY, 0 },
	{ "payable", "stl_payable", EXPORT_MONEY, 0 },
	{ "approved", "stl_approved_amount", EXPORT_MONEY, 0 },
	{ "paid", "stl_paid_amount", EXPORT_MONEY, 0 },
	{ "closing_balance", "stl_closing", EXPORT_MONEY, 0 },
};

static int
reconciliation_export(struct req *r)
{
	return period_export(r, ST_BY_REP, "settlement-reconciliation",
	    "stl_reconciliation", rep_cols, sizeof(rep_cols) /
	    sizeof(rep_cols[0]));
}

static const struct export_col payroll_cols[] = {
	{ "employee_no", "stl_employee_no", EXPORT_TEXT, 10 },
	{ "name", "stl_rep", EXPORT_TEXT, 12 },
	{ "department", "stl_department", EXPORT_TEXT, 12 },
	{ "period", "stl_period", EXPORT_TEXT, 10 },
	{ "statement", "stl_number", EXPORT_TEXT, 18 },
	{ "amount_payable", "stl_payable", EXPORT_MONEY, 0 },
	{ "state", "stl_state", EXPORT_TEXT, 8 },
};

static int
payroll_export(struct req *r)
{
	const char *period = period_of(r);
	struct export *e = NULL;
	struct dbres *res = NULL;
	char base[48];
	int rc;

	if (period == NULL)
		return TC_EINVAL;
	if ((rc = db_query(r->app->db, &rep_db, ST_PAYROLL,
	    DB_ARGS(P_TEXT(period)), &res)) != 0)
		return rc;
	snprintf(base, sizeof(base), "payroll-%s", period);
	if ((rc = export_start(r, export_format_of(r), base, "stl_payroll",
	    payroll_cols, sizeof(payroll_cols) / sizeof(payroll_cols[0]),
	    &e)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res) && rc == 0; i++) {
		for (size_t k = 0; k < 5 && rc == 0; k++)
			rc = export_text(e, dbres_text(res, i, k));
		if (rc == 0)
			rc = export_money(e, dbres_money(res, i, 5));
		if (rc == 0)
			rc = export_text(e, tr(r, settlement_state_key(
			    dbres_text(res, i, 6))));
		if (rc == 0)
			rc = export_end_row(e);
	}
	if (rc == 0)
		rc = export_finish(e);
out:
	export_free(e);
	dbres_free(res);
	return rc;
}

#define REPORT_ROLES (ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)

static const struct route routes[] = {
	{ "GET", "/settlement/reports", REPORT_ROLES, reports_get },
	{ "GET", "/settlement/reports.csv", REPORT_ROLES, reports_export },
	{ "GET", "/settlement/reports.xlsx", REPORT_ROLES, reports_export },
	{ "GET", "/settlement/reports/teams.csv", REPORT_ROLES, teams_export },
	{ "GET", "/settlement/reports/teams.xlsx", REPORT_ROLES, teams_export },
	{ "GET", "/settlement/reports/reconciliation.csv", REPORT_ROLES,
	    reconciliation_export },
	{ "GET", "/settlement/reports/reconciliation.xlsx", REPORT_ROLES,
	    reconciliation_export },
	{ "GET", "/settlement/payroll.csv", ROLE_FINANCE, payroll_export },
	{ "GET", "/settlement/payroll.xlsx", ROLE_FINANCE, payroll_export },
};

const struct route_set settlement_report_routes = ROUTE_SET(routes);
