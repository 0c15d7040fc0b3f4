/* evaluation.c: attainment per rep, team and company for any period,
 * from the stored results (eval-data.c), with bands, the change against
 * the previous period and the same period a year before, the stale
 * flag, and the CSV export /performance/evaluation.csv?period=P (one row
 * per rep: rep,period,sales,target,attainment in the spec's formats,
 * scoped like the page). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/export.h"
#include "core/sort.h"
#include "performance/perf.h"

/* The band of an attainment (hundredths of a percent). */
static const char *
band_of(int64_t att, int64_t low, int64_t high)
{
	return att < low ? "low" : att < high ? "mid" : "high";
}

struct bands {
	int64_t low, high;          /* hundredths of a percent */
};

static struct bands
bands_of(struct req *r)
{
	struct bands b;

	b.low = perf_setting(r->app->db, "band_low", 80) * 100;
	b.high = perf_setting(r->app->db, "band_high", 100) * 100;
	if (b.low <= 0 || b.high <= b.low) {
		b.low = 8000;
		b.high = 10000;
	}
	return b;
}

static void
set_att(struct req *r, struct tdict *d, const char *prefix, money_t sales,
    money_t target, const struct bands *b)
{
	char name[64], buf[TC_DEC_SIZE], key[64];
	int64_t att;

	snprintf(name, sizeof(name), "%s_sales", prefix);
	perf_set_money(d, name, sales);
	snprintf(name, sizeof(name), "%s_target", prefix);
	if (target > 0)
		perf_set_money(d, name, target);
	else
		tdict_set(d, name, "–");
	snprintf(name, sizeof(name), "%s_att", prefix);
	if (target <= 0) {
		tdict_set(d, name, "–");
		return;
	}
	att = perf_attainment(sales, target);
	tdict_set(d, name, perf_pct_str(buf, att));
	snprintf(name, sizeof(name), "%s_band", prefix);
	tdict_set(d, name, band_of(att, b->low, b->high));
	snprintf(key, sizeof(key), "perf_band_%s", band_of(att, b->low,
	    b->high));
	snprintf(name, sizeof(name), "%s_band_label", prefix);
	tdict_set(d, name, tr(r, key));
	snprintf(name, sizeof(name), "%s_HAS_ATT", prefix);
	tdict_show_section(d, name);
}

/* The change of attainment in points ("+3.20", "-1.05") into d. */
static void
set_change(struct tdict *d, const char *name, const struct perf_rep *now,
    const struct perf_rep *then)
{
	char buf[TC_DEC_SIZE + 1], neg[80];
	int64_t delta;

	if (now == NULL || then == NULL || now->target <= 0 ||
	    then->target <= 0) {
		tdict_set(d, name, "–");
		return;
	}
	delta = now->att - then->att;
	buf[0] = delta > 0 ? '+' : '\0';
	perf_pct_str(buf + (delta > 0), delta);
	tdict_set(d, name, buf);
	if (delta < 0) {
		snprintf(neg, sizeof(neg), "%s_NEG", name);
		tdict_show_section(d, neg);
	}
}

/* Higher attainment first, then higher sales, then login. */
static int
by_attainment(const void *a, const void *b)
{
	const struct perf_rep *x = *(const struct perf_rep *const *)a;
	const struct perf_rep *y = *(const struct perf_rep *const *)b;
	int64_t ax = x->target > 0 ? x->att : INT64_MIN;
	int64_t ay = y->target > 0 ? y->att : INT64_MIN;

	if (ax != ay)
		return ax > ay ? -1 : 1;
	if (x->sales != y->sales)
		return x->sales > y->sales ? -1 : 1;
	return strcmp(x->login, y->login);
}

/* A team's figures, summed from its reps. */
struct team_sum {
	char team[65];
	money_t sales, target;
	size_t reps;
};

static int
eval_get(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	enum tc_period_kind plan = perf_kind(r->app->conf);
	struct tdict *d = page_body(r);
	struct perf_eval now, prev, last;
	struct period_span span, ps, ls;
	struct bands b = bands_of(r);
	struct team_sum *teams = NULL;
	const struct perf_rep **order = NULL;
	size_t nteam = 0;
	char buf[TC_DEC_SIZE];
	int rc;

	if (perf_period_param(r, &span) != 0)
		page_flash(r, "error", tr(r, "perf_err_label"));
	period_step(&span, -1, &ps);
	period_of_date(span.kind, tc_date_make(tc_date_year(span.first) - 1,
	    tc_date_month(span.first), 1), &ls);
	memset(&prev, 0, sizeof(prev));
	memset(&last, 0, sizeof(last));
	if ((rc = perf_eval_load(r->app->db, plan, &span, &s, &now)) != 0)
		return rc;
	if ((rc = perf_eval_load(r->app->db, plan, &ps, &s, &prev)) != 0 ||
	    (rc = perf_eval_load(r->app->db, plan, &ls, &s, &last)) != 0)
		goto out;
	tdict_set(d, "period", span.label);
	tdict_set(d, "prev_period", ps.label);
	tdict_set(d, "last_year_period", ls.label);
	{
		struct period_span nx;

		period_step(&span, 1, &nx);
		tdict_set(d, "next_period", nx.label);
	}
	tdict_set(d, "csv_href", "/performance/evaluation.csv");
	perf_pct_str(buf, b.low);
	tdict_set(d, "band_low", buf);
	perf_pct_str(buf, b.high);
	tdict_set(d, "band_high", buf);
	if (now.nplan == 0)
		tdict_show_section(d, "FINER_THAN_PLAN");
	if (now.nstale > 0) {
		struct tdict *st = tdict_add_section(d, "STALE");

		tdict_set(st, "stale_period", now.stale_label);
		if (has_role(r, ROLE_FINANCE))
			tdict_show_section(st, "CAN_RECALC");
	}
	/* the company */
	set_att(r, d, "co", now.sales, now.target, &b);
	{
		struct perf_rep a = { .sales = now.sales, .target = now.target,
		    .att = perf_attainment(now.sales, now.target) };
		struct perf_rep p0 = { .sales = prev.sales, .target =
		    prev.target, .att = perf_attainment(prev.sales,
		    prev.target) };
		struct perf_rep l0 = { .sales = last.sales, .target =
		    last.target, .att = perf_attainment(last.sales,
		    last.target) };

		set_change(d, "co_vs_prev", &a, &p0);
		set_change(d, "co_vs_last", &a, &l0);
	}
	tdict_set_int(d, "co_reps", (long long)now.nrep);
	/* reps */
	if ((teams = calloc(now.nrep + 1, sizeof(*teams))) == NULL ||
	    (order = calloc(now.nrep + 1, sizeof(*order))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < now.nrep; i++)
		order[i] = &now.rep[i];
	tc_sort(order, now.nrep, sizeof(*order), by_attainment);
	for (size_t i = 0; i < now.nrep; i++) {
		const struct perf_rep *w = order[i];
		struct tdict *row = tdict_add_section(d, "REP");
		size_t k;

		tdict_set(row, "name", w->name);
		tdict_set(row, "login", w->login);
		tdict_set(row, "team", w->team);
		set_att(r, row, "r", w->sales, w->target, &b);
		set_change(row, "vs_prev", w, perf_eval_find(&prev, w->person));
		set_change(row, "vs_last", w, perf_eval_find(&last, w->person));
		for (k = 0; k < nteam; k++)
			if (strcmp(teams[k].team, w->team) == 0)
				break;
		if (k == nteam)
			snprintf(teams[nteam++].team, sizeof(teams[0].team),
			    "%s", w->team);
		teams[k].sales += w->sales;
		teams[k].target += w->target;
		teams[k].reps++;
	}
	if (now.nrep == 0)
		tdict_show_section(d, "NO_REPS");
	for (size_t k = 0; k < nteam; k++) {
		struct tdict *row = tdict_add_section(d, "TEAM");

		tdict_set(row, "team", *teams[k].team ? teams[k].team : "–");
		tdict_set_int(row, "reps", (long long)teams[k].reps);
		set_att(r, row, "tm", teams[k].sales, teams[k].target, &b);
	}
	perf_tabs(r, "evaluation");
	rc = page_send(r, 200, "performance/evaluation.tpl",
	    "perf_eval_title", "performance");
out:
	free(order);
	free(teams);
	perf_eval_free(&now);
	perf_eval_free(&prev);
	perf_eval_free(&last);
	return rc;
}

static const struct export_col csv_cols[] = {
	{ "rep", "perf_rep", EXPORT_TEXT, 16 },
	{ "period", "perf_period", EXPORT_TEXT, 10 },
	{ "sales", "perf_sales", EXPORT_MONEY, 0 },
	{ "target", "perf_target", EXPORT_MONEY, 0 },
	{ "attainment", "perf_attainment", EXPORT_TEXT, 10 },
	{ "team", "perf_team", EXPORT_TEXT, 12 },
	{ "name", "perf_name", EXPORT_TEXT, 16 },
};

static int
eval_csv(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	struct perf_eval e;
	struct period_span span;
	struct export *x = NULL;
	char buf[TC_DEC_SIZE];
	int rc;

	if (perf_period_param(r, &span) != 0)
		return TC_EINVAL;
	if ((rc = perf_eval_load(r->app->db, perf_kind(r->app->conf), &span,
	    &s, &e)) != 0)
		return rc;
	if ((rc = export_start(r, EXPORT_CSV, "evaluation", "perf_eval_title",
	    csv_cols, sizeof(csv_cols) / sizeof(csv_cols[0]), &x)) != 0)
		goto out;
	for (size_t i = 0; i < e.nrep && rc == 0; i++) {
		const struct perf_rep *w = &e.rep[i];

		if ((rc = export_text(x, w->login)) != 0 ||
		    (rc = export_text(x, span.label)) != 0 ||
		    (rc = export_money(x, w->sales)) != 0 ||
		    (rc = w->target > 0 ? export_money(x, w->target) :
		    export_null(x)) != 0 ||
		    (rc = w->target > 0 ? export_text(x, perf_pct_str(buf,
		    w->att)) : export_null(x)) != 0 ||
		    (rc = export_text(x, w->team)) != 0 ||
		    (rc = export_text(x, w->name)) != 0)
			break;
		rc = export_end_row(x);
	}
	if (rc == 0)
		rc = export_finish(x);
out:
	export_free(x);
	perf_eval_free(&e);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/performance/", PERF_ROLES_READ, eval_get },
	{ "GET", "/performance/evaluation.csv", PERF_ROLES_READ, eval_csv },
};

const struct route_set perf_eval_route_set = ROUTE_SET(routes);
