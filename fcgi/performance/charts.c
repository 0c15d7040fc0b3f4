/* charts.c: the performance charts (core/chart, SVG drawn on the server,
 * readable without JavaScript, printable, each with its data table):
 * attainment by rep (sorted columns with the 100% reference line), team
 * comparison, the distribution of attainment, monthly sales against
 * target over 12 plan periods; and a rep's page with the rep's 12-month
 * trend (another rep's id, or another team's, is 404). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/error.h"
#include "core/sort.h"
#include "performance/perf.h"

#define MONTHS 12

enum stmt { ST_REP, ST_STEPS, ST_BONUS, ST_COST, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_REP] = "SELECT p.id, p.name, p.login, p.team FROM people p"
	    " WHERE p.id = ? AND (CAST(p.roles AS UNSIGNED) & 1) <> 0 AND "
	    SCOPE_SQL("p.id"),
	/* the accelerators and bonuses of the plan version in force over
	 * a period [first, last] */
	[ST_STEPS] =
	    "SELECT s.kind, s.attainment, s.multiplier, s.amount FROM"
	    " plan_steps s JOIN plan_versions v ON v.id = s.version_id WHERE"
	    " v.state IN ('active', 'ended') AND v.effective_from <= ? AND"
	    " (v.effective_to IS NULL OR v.effective_to >= ?)"
	    " ORDER BY s.attainment, s.kind",
	[ST_BONUS] =
	    "SELECT cs.bonus FROM commission_summaries cs JOIN periods pd ON"
	    " pd.id = cs.period_id WHERE cs.person_id = ? AND pd.label = ?",
	/* the period's commission and bonus as the runs stored them */
	[ST_COST] =
	    "SELECT COALESCE(SUM(cs.commission), 0) AS commission,"
	    " COALESCE(SUM(cs.bonus), 0) AS bonus, COALESCE(SUM(cs.sales), 0)"
	    " AS sales FROM commission_summaries cs JOIN periods pd ON pd.id ="
	    " cs.period_id WHERE pd.first_day >= ? AND pd.last_day <= ?",
};

static struct db_table ch_db = DB_TABLE("performance.charts", stmts);

/* Whole percent of hundredths, for the charts' axes. */
static int64_t
whole_pct(int64_t hundredths)
{
	return (int64_t)tc_div_round(hundredths, 100);
}

static int
by_att_desc(const void *a, const void *b)
{
	const struct perf_rep *x = *(const struct perf_rep *const *)a;
	const struct perf_rep *y = *(const struct perf_rep *const *)b;

	if (x->att != y->att)
		return x->att > y->att ? -1 : 1;
	return strcmp(x->login, y->login);
}

/* The 12 plan periods ending with the one holding span's last day. */
static void
months_to(enum tc_period_kind plan, const struct period_span *span,
    struct period_span *out)
{
	period_of_date(plan, span->last, &out[MONTHS - 1]);
	for (int i = MONTHS - 2; i >= 0; i--)
		period_step(&out[i + 1], -1, &out[i]);
}

/* Sales and target per plan period of the 12, for scope s, and for one
 * rep (person > 0) or all of s. */
static int
monthly(struct req *r, const struct scope *s, int64_t person,
    const struct period_span *m, int64_t *sales, int64_t *target,
    int64_t *att)
{
	enum tc_period_kind plan = perf_kind(r->app->conf);

	for (int i = 0; i < MONTHS; i++) {
		struct perf_eval e;
		const struct perf_rep *w;
		int rc;

		if ((rc = perf_eval_load(r->app->db, plan, &m[i], s, &e)) != 0)
			return rc;
		if (person > 0) {
			w = perf_eval_find(&e, person);
			sales[i] = w ? w->sales : 0;
			target[i] = w && w->target > 0 ? w->target : CHART_NONE;
		} else {
			sales[i] = e.sales;
			target[i] = e.target > 0 ? e.target : CHART_NONE;
		}
		if (att != NULL)
			att[i] = target[i] != CHART_NONE && target[i] > 0 ?
			    whole_pct(perf_attainment(sales[i], target[i])) :
			    CHART_NONE;
		perf_eval_free(&e);
	}
	return 0;
}

static int
charts_get(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	enum tc_period_kind plan = perf_kind(r->app->conf);
	struct tdict *d = page_body(r);
	struct period_span span, m[MONTHS];
	struct perf_eval e;
	const struct perf_rep **order = NULL;
	const char *cats[CHART_MAX_CATS], *mcats[MONTHS];
	int64_t att[CHART_MAX_CATS];
	int64_t msales[MONTHS], mtarget[MONTHS];
	size_t n;
	int rc;

	if (perf_period_param(r, &span) != 0)
		page_flash(r, "error", tr(r, "perf_err_label"));
	if ((rc = perf_eval_load(r->app->db, plan, &span, &s, &e)) != 0)
		return rc;
	tdict_set(d, "period", span.label);
	if ((order = calloc(e.nrep + 1, sizeof(*order))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	n = 0;
	for (size_t i = 0; i < e.nrep; i++)
		if (e.rep[i].target > 0)
			order[n++] = &e.rep[i];
	tc_sort(order, n, sizeof(*order), by_att_desc);
	if (n > CHART_MAX_CATS)
		n = CHART_MAX_CATS;
	for (size_t i = 0; i < n; i++) {
		cats[i] = order[i]->name;
		att[i] = whole_pct(order[i]->att);
	}
	{
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_COUNT,
		    .table = true, .id = "chart-attainment",
		    .title = tr(r, "perf_chart_att_title"),
		    .cat_title = tr(r, "perf_rep"), .cats = cats, .ncat = n,
		    .nseries = 1, .ref = 100,
		    .ref_label = tr(r, "perf_chart_100") };

		c.series[0].name = tr(r, "perf_attainment");
		c.series[0].v = att;
		if ((rc = chart_show(r, d, "CHART_ATT", &c)) != 0)
			goto out;
	}
	{
		/* teams: sales and target side by side */
		const char *tcats[CHART_MAX_CATS];
		int64_t ts[CHART_MAX_CATS] = { 0 }, tt[CHART_MAX_CATS] = { 0 };
		size_t nt = 0;

		for (size_t i = 0; i < e.nrep; i++) {
			size_t k;

			for (k = 0; k < nt; k++)
				if (strcmp(tcats[k], e.rep[i].team) == 0)
					break;
			if (k == nt) {
				if (nt == CHART_MAX_CATS)
					continue;
				tcats[nt++] = e.rep[i].team;
			}
			ts[k] += e.rep[i].sales;
			tt[k] += e.rep[i].target;
		}
		struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
		    .table = true, .id = "chart-teams",
		    .title = tr(r, "perf_chart_teams_title"),
		    .cat_title = tr(r, "perf_team"), .cats = tcats, .ncat = nt,
		    .nseries = 2 };

		c.series[0].name = tr(r, "perf_sales");
		c.series[0].v = ts;
		c.series[1].name = tr(r, "perf_target");
		c.series[1].v = tt;
		if ((rc = chart_show(r, d, "CHART_TEAMS", &c)) != 0)
			goto out;
	}
	{
		/* how many reps in each band of 20 points */
		static const char *const buckets[] = { "< 60%", "60–80%",
		    "80–100%", "100–120%", "≥ 120%" };
		int64_t cnt[5] = { 0 };

		for (size_t i = 0; i < e.nrep; i++) {
			int64_t a = e.rep[i].att;

			if (e.rep[i].target <= 0)
				continue;
			cnt[a < 6000 ? 0 : a < 8000 ? 1 : a < 10000 ? 2 :
			    a < 12000 ? 3 : 4]++;
		}
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_COUNT,
		    .table = true, .id = "chart-distribution",
		    .title = tr(r, "perf_chart_dist_title"), .width = 520,
		    .height = 260,
		    .cat_title = tr(r, "perf_attainment"),
		    .cats = (const char *const *)buckets, .ncat = 5,
		    .nseries = 1 };

		c.series[0].name = tr(r, "perf_chart_reps");
		c.series[0].v = cnt;
		if ((rc = chart_show(r, d, "CHART_DIST", &c)) != 0)
			goto out;
	}
	months_to(plan, &span, m);
	if ((rc = monthly(r, &s, 0, m, msales, mtarget, NULL)) != 0)
		goto out;
	for (int i = 0; i < MONTHS; i++)
		mcats[i] = m[i].label;
	{
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
		    .table = true, .id = "chart-months",
		    .title = tr(r, "perf_chart_months_title"),
		    .cat_title = tr(r, "perf_period"), .cats = mcats,
		    .ncat = MONTHS, .nseries = 2 };

		c.series[0].name = tr(r, "perf_sales");
		c.series[0].v = msales;
		c.series[1].name = tr(r, "perf_target");
		c.series[1].v = mtarget;
		c.series[1].line = true;
		rc = chart_show(r, d, "CHART_MONTHS", &c);
	}
	if (rc != 0)
		goto out;
	for (size_t i = 0; i < e.nrep; i++) {
		struct tdict *o = tdict_add_section(d, "REP_LINK");

		tdict_set_int(o, "id", e.rep[i].person);
		tdict_set(o, "name", e.rep[i].name);
	}
	perf_tabs(r, "charts");
	rc = page_send(r, 200, "performance/charts.tpl", "perf_charts_title",
	    "performance");
out:
	free(order);
	perf_eval_free(&e);
	return rc;
}

/* The plan's bonus of the rep's last period (from the engine) and the
 * distance to each threshold not yet reached: the least sales whose
 * attainment, compared exactly as the engine does, reaches it. */
static int
incentives(struct req *r, struct tdict *d, int64_t person,
    const struct period_span *p, money_t sales, int64_t target)
{
	struct dbres *res = NULL;
	char first[TC_DATE_SIZE], last[TC_DATE_SIZE], buf[TC_DEC_SIZE];
	int rc;

	tdict_set(d, "inc_period", p->label);
	if ((rc = db_query(r->app->db, &ch_db, ST_BONUS, DB_ARGS(P_INT(person),
	    P_TEXT(p->label)), &res)) != 0)
		return rc;
	perf_set_money(d, "inc_bonus", dbres_rows(res) ?
	    dbres_money(res, 0, 0) : 0);
	dbres_free(res);
	if (target == CHART_NONE || target <= 0) {
		tdict_show_section(d, "INC_NO_TARGET");
		return 0;
	}
	tdict_show_section(d, "INC_HAS_TARGET");
	tdict_set(d, "inc_att", perf_pct_str(buf, perf_attainment(sales,
	    target)));
	tc_date_format(first, p->first);
	tc_date_format(last, p->last);
	if ((rc = db_query(r->app->db, &ch_db, ST_STEPS, DB_ARGS(P_TEXT(first),
	    P_TEXT(last)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		int64_t thr = 0, mult = 0;
		money_t need, at;
		struct tdict *row;
		bool bonus = strcmp(dbres_text(res, i, 0), "bonus") == 0;

		if (dbres_dec(res, i, 1, TC_SCALE_PCT, &thr) != 0)
			continue;
		/* the least sales s with s / target >= thr / 100% */
		at = (money_t)-tc_div_floor(-(tc_i128)thr * target, TC_PCT_100);
		need = at - sales;
		row = tdict_add_section(d, "STEP");
		tdict_set(row, "threshold", tc_pct_str(buf, thr));
		if (bonus)
			perf_set_money(row, "reward", dbres_money(res, i, 3));
		else {
			(void)dbres_dec(res, i, 2, TC_SCALE_MULT, &mult);
			tdict_set(row, "reward", tc_dec_str(buf, mult,
			    TC_SCALE_MULT));
			tdict_show_section(row, "MULT");
		}
		tdict_show_section(row, bonus ? "IS_BONUS" : "IS_ACCEL");
		if (need <= 0)
			tdict_show_section(row, "REACHED");
		else {
			perf_set_money(row, "need", need);
			tdict_show_section(row, "TO_GO");
		}
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "INC_NO_STEPS");
	dbres_free(res);
	return 0;
}

static int
rep_get(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	enum tc_period_kind plan = perf_kind(r->app->conf);
	struct tdict *d = page_body(r);
	struct period_span span, m[MONTHS];
	struct dbres *res = NULL;
	const char *mcats[MONTHS];
	int64_t msales[MONTHS], mtarget[MONTHS], matt[MONTHS];
	int64_t id = r->ids[0];
	int rc;

	if ((rc = db_query(r->app->db, &ch_db, ST_REP, DB_ARGS(P_INT(id),
	    SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	tdict_set(d, "name", dbres_text_col(res, 0, "name"));
	tdict_set(d, "team", dbres_text_col(res, 0, "team"));
	dbres_free(res);
	(void)perf_period_param(r, &span);
	months_to(plan, &span, m);
	if ((rc = monthly(r, &s, id, m, msales, mtarget, matt)) != 0)
		return rc;
	for (int i = 0; i < MONTHS; i++) {
		struct tdict *row = tdict_add_section(d, "MONTH");
		char buf[TC_DEC_SIZE];

		mcats[i] = m[i].label;
		tdict_set(row, "period", m[i].label);
		perf_set_money(row, "sales", msales[i]);
		if (mtarget[i] != CHART_NONE) {
			perf_set_money(row, "target", mtarget[i]);
			tdict_set(row, "att", perf_pct_str(buf,
			    perf_attainment(msales[i], mtarget[i])));
		} else {
			tdict_set(row, "target", "–");
			tdict_set(row, "att", "–");
		}
	}
	tdict_set(d, "period", span.label);
	if ((rc = incentives(r, d, id, &m[MONTHS - 1], msales[MONTHS - 1],
	    mtarget[MONTHS - 1])) != 0)
		return rc;
	{
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
		    .id = "chart-rep-months",
		    .title = tr(r, "perf_chart_months_title"),
		    .cat_title = tr(r, "perf_period"), .cats = mcats,
		    .ncat = MONTHS, .nseries = 2 };

		c.series[0].name = tr(r, "perf_sales");
		c.series[0].v = msales;
		c.series[1].name = tr(r, "perf_target");
		c.series[1].v = mtarget;
		c.series[1].line = true;
		if ((rc = chart_show(r, d, "CHART_MONTHS", &c)) != 0)
			return rc;
	}
	{
		struct chart c = { .kind = CHART_LINES, .unit = CHART_COUNT,
		    .id = "chart-rep-trend",
		    .title = tr(r, "perf_chart_trend_title"),
		    .cat_title = tr(r, "perf_period"), .cats = mcats,
		    .ncat = MONTHS, .nseries = 1 };

		c.series[0].name = tr(r, "perf_attainment");
		c.series[0].v = matt;
		if ((rc = chart_show(r, d, "CHART_TREND", &c)) != 0)
			return rc;
	}
	perf_tabs(r, "charts");
	return page_send(r, 200, "performance/rep.tpl", "perf_rep_title",
	    "performance");
}

/* The management dashboard: the company against target for the month,
 * its quarter and its year, the commission cost as a share of sales
 * (settlement's cost analysis owns the figure: linked), top and bottom
 * performers, the distribution and 12 periods of sales against target;
 * each figure links to the list behind it. */
static int
dashboard_get(struct req *r)
{
	static const struct scope all = { SCOPE_ALL, -1, "", "" };
	enum tc_period_kind plan = perf_kind(r->app->conf);
	struct tdict *d = page_body(r);
	struct period_span span, spans[3], m[MONTHS];
	struct perf_eval e;
	const struct perf_rep **order = NULL;
	const char *mcats[MONTHS];
	int64_t msales[MONTHS], mtarget[MONTHS];
	size_t n = 0;
	char buf[TC_DEC_SIZE];
	int rc;

	(void)perf_period_param(r, &span);
	period_of_date(plan, span.last, &spans[0]);
	period_of_date(TC_PERIOD_QUARTER, span.last, &spans[1]);
	period_of_date(TC_PERIOD_YEAR, span.last, &spans[2]);
	tdict_set(d, "period", spans[0].label);
	for (int k = 0; k < 3; k++) {
		struct tdict *kpi = tdict_add_section(d, "TOTAL");
		struct perf_eval t;

		if ((rc = perf_eval_load(r->app->db, plan, &spans[k], &all, &t))
		    != 0)
			return rc;
		tdict_set(kpi, "label", spans[k].label);
		perf_set_money(kpi, "sales", t.sales);
		perf_set_money(kpi, "target", t.target);
		tdict_set(kpi, "att", t.target > 0 ? perf_pct_str(buf,
		    perf_attainment(t.sales, t.target)) : "–");
		if (t.nstale > 0)
			tdict_show_section(kpi, "STALE");
		perf_eval_free(&t);
	}
	{
		struct dbres *res = NULL;
		char from[TC_DATE_SIZE], to[TC_DATE_SIZE];
		money_t cost, sales;

		tc_date_format(from, spans[0].first);
		tc_date_format(to, spans[0].last);
		if ((rc = db_query(r->app->db, &ch_db, ST_COST, DB_ARGS(
		    P_TEXT(from), P_TEXT(to)), &res)) != 0)
			return rc;
		cost = dbres_money_col(res, 0, "commission") +
		    dbres_money_col(res, 0, "bonus");
		sales = dbres_money_col(res, 0, "sales");
		dbres_free(res);
		perf_set_money(d, "cost", cost);
		tdict_set(d, "cost_share", sales > 0 ? perf_pct_str(buf,
		    perf_attainment(cost, sales)) : "–");
	}
	if ((rc = perf_eval_load(r->app->db, plan, &spans[0], &all, &e)) != 0)
		return rc;
	if ((order = calloc(e.nrep + 1, sizeof(*order))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < e.nrep; i++)
		if (e.rep[i].target > 0)
			order[n++] = &e.rep[i];
	tc_sort(order, n, sizeof(*order), by_att_desc);
	for (size_t i = 0; i < n && i < 5; i++) {
		struct tdict *row = tdict_add_section(d, "TOP");

		tdict_set_int(row, "id", order[i]->person);
		tdict_set(row, "name", order[i]->name);
		tdict_set(row, "att", perf_pct_str(buf, order[i]->att));
	}
	for (size_t i = n > 5 ? n - 5 : 0; i < n; i++) {
		struct tdict *row = tdict_add_section(d, "BOTTOM");

		tdict_set_int(row, "id", order[i]->person);
		tdict_set(row, "name", order[i]->name);
		tdict_set(row, "att", perf_pct_str(buf, order[i]->att));
	}
	{
		static const char *const buckets[] = { "< 60%", "60–80%",
		    "80–100%", "100–120%", "≥ 120%" };
		int64_t cnt[5] = { 0 };

		for (size_t i = 0; i < n; i++) {
			int64_t a = order[i]->att;

			cnt[a < 6000 ? 0 : a < 8000 ? 1 : a < 10000 ? 2 :
			    a < 12000 ? 3 : 4]++;
		}
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_COUNT,
		    .table = true, .id = "dash-distribution",
		    .title = tr(r, "perf_chart_dist_title"), .width = 520,
		    .height = 260, .cat_title = tr(r, "perf_attainment"),
		    .cats = (const char *const *)buckets, .ncat = 5,
		    .nseries = 1 };

		c.series[0].name = tr(r, "perf_chart_reps");
		c.series[0].v = cnt;
		if ((rc = chart_show(r, d, "CHART_DIST", &c)) != 0)
			goto out;
	}
	months_to(plan, &spans[0], m);
	if ((rc = monthly(r, &all, 0, m, msales, mtarget, NULL)) != 0)
		goto out;
	for (int i = 0; i < MONTHS; i++)
		mcats[i] = m[i].label;
	{
		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
		    .table = true, .id = "dash-months",
		    .title = tr(r, "perf_chart_months_title"),
		    .cat_title = tr(r, "perf_period"), .cats = mcats,
		    .ncat = MONTHS, .nseries = 2 };

		c.series[0].name = tr(r, "perf_sales");
		c.series[0].v = msales;
		c.series[1].name = tr(r, "perf_target");
		c.series[1].v = mtarget;
		c.series[1].line = true;
		rc = chart_show(r, d, "CHART_MONTHS", &c);
	}
	if (rc != 0)
		goto out;
	perf_tabs(r, "dashboard");
	rc = page_send(r, 200, "performance/dashboard.tpl",
	    "perf_dashboard_title", "performance");
out:
	free(order);
	perf_eval_free(&e);
	return rc;
}

#define DASHBOARD_ROLES (ROLE_MANAGEMENT | ROLE_HR | ROLE_FINANCE | \
	ROLE_REVIEWER)

static const struct route routes[] = {
	{ "GET", "/performance/dashboard", DASHBOARD_ROLES, dashboard_get },
	{ "GET", "/performance/charts", PERF_ROLES_READ, charts_get },
	{ "GET", "/performance/reps/#", PERF_ROLES_READ, rep_get },
};

const struct route_set perf_charts_route_set = ROUTE_SET(routes);
