/* eval-data.c: a period's figures per rep from the stored results of
 * the calculation runs (commission_summaries), so that evaluation and
 * rankings always agree with commission (perf.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/sort.h"
#include "performance/perf.h"

enum stmt { ST_SUMMARIES, ST_ZERO, ST_RUNS, ST_LATEST, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_SUMMARIES] =
	    "SELECT cs.person_id, p.name, p.login, MAX(cs.team) AS team,"
	    " SUM(cs.sales) AS sales, SUM(COALESCE(cs.target, 0)) AS target"
	    " FROM commission_summaries cs JOIN periods pd ON pd.id ="
	    " cs.period_id JOIN people p ON p.id = cs.person_id"
	    " WHERE pd.first_day >= ? AND pd.last_day <= ? AND "
	    SCOPE_STORED_SQL("cs.person_id", "cs.team", "cs.manager_login")
	    " GROUP BY cs.person_id, p.name, p.login",
	/* targets of plan periods in which the rep has no summary row */
	[ST_ZERO] =
	    "SELECT t.person_id, p.name, p.login, p.team, SUM(t.amount)"
	    " AS target FROM targets t JOIN people p ON p.id = t.person_id"
	    " WHERE t.kind = ? AND t.first_day >= ? AND t.first_day <= ?"
	    " AND NOT EXISTS (SELECT 1 FROM commission_summaries cs JOIN"
	    " periods pd ON pd.id = cs.period_id WHERE cs.person_id ="
	    " t.person_id AND pd.label = t.period) AND " SCOPE_SQL("p.id")
	    " GROUP BY t.person_id, p.name, p.login, p.team",
	/* each plan period in the span, its latest done run, and whether
	 * its results are stale as the commission module stores it
	 * (sql/commission/010, as its calc_period_status reads it): an
	 * input of the period changed since that run read them (the
	 * versions of calc_inputs), a run from before the versions, or no
	 * run; a closed period never */
	[ST_RUNS] =
	    "SELECT pd.label, cr.id IS NOT NULL AS ran, pd.state = 'open' AND"
	    " (cr.id IS NULL OR cr.input_version IS NULL"
	    "  OR cr.input_version <> COALESCE(ci.version, 0)) AS stale"
	    " FROM periods pd LEFT JOIN calc_runs cr ON cr.id = (SELECT"
	    " MAX(x.id) FROM calc_runs x WHERE x.period_id = pd.id AND"
	    " x.state = 'done') LEFT JOIN calc_inputs ci ON ci.period_id = pd.id"
	    " WHERE pd.kind = ? AND pd.first_day >= ?"
	    " AND pd.last_day <= ? ORDER BY pd.first_day",
	/* the latest period with a done run, up to today */
	[ST_LATEST] =
	    "SELECT pd.label FROM periods pd WHERE pd.first_day <= ? AND"
	    " EXISTS (SELECT 1 FROM calc_runs r WHERE r.period_id = pd.id"
	    " AND r.state = 'done') ORDER BY pd.first_day DESC LIMIT 1",
};

static struct db_table ed_db = DB_TABLE("performance.eval-data", stmts);

static int
by_login(const void *a, const void *b)
{
	return strcmp(((const struct perf_rep *)a)->login,
	    ((const struct perf_rep *)b)->login);
}

static void
fill(struct perf_rep *w, const struct dbres *res, size_t i)
{
	w->person = dbres_int(res, i, 0);
	snprintf(w->name, sizeof(w->name), "%s", dbres_text(res, i, 1));
	snprintf(w->login, sizeof(w->login), "%s", dbres_text(res, i, 2));
	snprintf(w->team, sizeof(w->team), "%s", dbres_text(res, i, 3));
}

int
perf_eval_load(struct db *d, enum tc_period_kind plan,
    const struct period_span *span, const struct scope *s,
    struct perf_eval *out)
{
	struct dbres *sum = NULL, *zero = NULL, *runs = NULL;
	char from[TC_DATE_SIZE], to[TC_DATE_SIZE];
	const char *kind = tc_period_kind_name(plan);
	int rc;

	memset(out, 0, sizeof(*out));
	out->span = *span;
	if ((int)span->kind < (int)plan)
		return 0;           /* finer than the plan: no figures */
	tc_date_format(from, span->first);
	tc_date_format(to, span->last);
	{
		/* the plan periods of the span */
		struct period_span p;

		period_of_date(plan, span->first, &p);
		while (p.last <= span->last) {
			out->nplan++;
			period_step(&p, 1, &p);
		}
	}
	if ((rc = db_query(d, &ed_db, ST_RUNS, DB_ARGS(P_TEXT(kind),
	    P_TEXT(from), P_TEXT(to)), &runs)) != 0 ||
	    (rc = db_query(d, &ed_db, ST_SUMMARIES, DB_ARGS(P_TEXT(from),
	    P_TEXT(to), SCOPE_ARGS(s)), &sum)) != 0 ||
	    (rc = db_query(d, &ed_db, ST_ZERO, DB_ARGS(P_TEXT(kind),
	    P_TEXT(from), P_TEXT(to), SCOPE_ARGS(s)), &zero)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(runs); i++) {
		if (dbres_int(runs, i, 1))
			out->nrun++;
		if (dbres_int(runs, i, 2)) {
			if (out->nstale++ == 0)
				snprintf(out->stale_label,
				    sizeof(out->stale_label), "%s",
				    dbres_text(runs, i, 0));
		}
	}
	/* plan periods the periods table does not hold count as not run */
	if (dbres_rows(runs) < out->nplan && out->nstale == 0) {
		out->nstale = out->nplan - dbres_rows(runs);
		snprintf(out->stale_label, sizeof(out->stale_label), "%s",
		    span->label);
	}
	rc = TC_ENOMEM;
	if ((out->rep = calloc(dbres_rows(sum) + dbres_rows(zero) + 1,
	    sizeof(*out->rep))) == NULL)
		goto out;
	for (size_t i = 0; i < dbres_rows(sum); i++) {
		struct perf_rep *w = &out->rep[out->nrep++];

		fill(w, sum, i);
		w->sales = dbres_money_col(sum, i, "sales");
		w->target = dbres_money_col(sum, i, "target");
	}
	for (size_t i = 0; i < dbres_rows(zero); i++) {
		int64_t id = dbres_int(zero, i, 0);
		struct perf_rep *w = NULL;

		for (size_t k = 0; k < out->nrep && w == NULL; k++)
			if (out->rep[k].person == id)
				w = &out->rep[k];
		if (w == NULL) {
			w = &out->rep[out->nrep++];
			fill(w, zero, i);
		}
		w->target += dbres_money_col(zero, i, "target");
	}
	for (size_t i = 0; i < out->nrep; i++) {
		struct perf_rep *w = &out->rep[i];

		if (w->target > 0)
			w->att = perf_attainment(w->sales, w->target);
		out->sales += w->sales;
		out->target += w->target;
	}
	tc_sort(out->rep, out->nrep, sizeof(*out->rep), by_login);
	rc = 0;
out:
	dbres_free(sum);
	dbres_free(zero);
	dbres_free(runs);
	if (rc != 0)
		perf_eval_free(out);
	return rc;
}

void
perf_eval_free(struct perf_eval *e)
{
	if (e == NULL)
		return;
	free(e->rep);
	e->rep = NULL;
	e->nrep = 0;
}

const struct perf_rep *
perf_eval_find(const struct perf_eval *e, int64_t person)
{
	for (size_t i = 0; i < e->nrep; i++)
		if (e->rep[i].person == person)
			return &e->rep[i];
	return NULL;
}

int
perf_period_param(struct req *r, struct period_span *span)
{
	const char *q = req_get(&r->q, "period");
	enum tc_period_kind k;
	int32_t p;

	period_of_date(perf_kind(r->app->conf), tc_today(), span);
	if (q == NULL || *q == '\0') {
		struct dbres *res = NULL;

		if (db_query(r->app->db, &ed_db, ST_LATEST,
		    DB_ARGS(P_DATE(tc_today())), &res) == 0 &&
		    dbres_rows(res) == 1)
			q = dbres_text(res, 0, 0);
		if (q == NULL || tc_period_parse(q, strlen(q), &k, &p) != 0) {
			dbres_free(res);
			return 0;
		}
		dbres_free(res);
		span->kind = k;
		tc_period_label(span->label, k, p);
		span->first = tc_period_first(k, p);
		span->last = tc_period_last(k, p);
		return 0;
	}
	if (tc_period_parse(q, strlen(q), &k, &p) != 0)
		return TC_EINVAL;
	span->kind = k;
	tc_period_label(span->label, k, p);
	span->first = tc_period_first(k, p);
	span->last = tc_period_last(k, p);
	return 0;
}

void
perf_rank(const int64_t *v, size_t n, int *rank)
{
	for (size_t i = 0; i < n; i++) {
		int higher = 0;

		for (size_t k = 0; k < n; k++)
			if (v[k] > v[i])
				higher++;
		rank[i] = higher + 1;
	}
}
