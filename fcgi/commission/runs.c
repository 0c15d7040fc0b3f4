/* runs.c: calculation runs and closing (结账) on the web, for finance.
 *
 *   GET  /commission/runs          every period: open or closed, its
 *                                  latest run, current or stale; the
 *                                  runs in progress (background jobs)
 *   POST /commission/runs          period=LABEL or period=open: queues a
 *                                  run (commission.run, jobs.h); 409 "a
 *                                  run is in progress", or for a closed
 *                                  period
 *   POST /commission/runs/close    period=LABEL: closes it (core/period,
 *                                  oldest first, only when its run is
 *                                  current)
 *   GET  /commission/runs/#        one run: who, when, how long, what it
 *                                  read, its totals, warnings (linked to
 *                                  their order), digest, stale or not,
 *                                  and the comparison with the previous
 *                                  run of its period, rep by rep
 *
 * Finance (reviewers are finance) runs and closes; HR and management
 * read.  Reps, managers and admin get 403. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/jobs.h"
#include "commission/run.h"
#include "commission/view.h"
#include "commission/web.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/job.h"
#include "core/money.h"
#include "core/period.h"

#define RUNS_READ (ROLE_FINANCE | ROLE_REVIEWER | ROLE_HR | ROLE_MANAGEMENT)
#define RUNS_WRITE (ROLE_FINANCE | ROLE_REVIEWER)

enum stmt {
	ST_PERIODS, ST_JOBS, ST_RUN, ST_WARNINGS, ST_PREVIOUS, ST_LATEST,
	ST_COMPARE, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	/* every period, newest first, with its latest done run */
	[ST_PERIODS] =
	    "SELECT p.id AS id, p.label AS label, p.state AS state,"
	    " p.last_day AS last_day, r.id AS run_id, r.started_by AS started_by,"
	    " DATE_FORMAT(r.finished_at, '%Y-%m-%d %H:%i:%s') AS finished_at,"
	    " r.duration_ms AS duration_ms, r.reps AS reps,"
	    " r.line_count AS line_count, r.commission AS commission,"
	    " r.total AS total, r.warnings AS warnings, s.stale AS stale"
	    " FROM periods p JOIN calc_period_status s ON s.period_id = p.id"
	    " LEFT JOIN calc_runs r ON r.id = s.run_id"
	    " ORDER BY p.first_day DESC",
	[ST_JOBS] =
	    "SELECT id FROM jobs WHERE kind = '" COMMISSION_JOB_RUN "'"
	    " AND active_key IS NOT NULL ORDER BY id",
	[ST_RUN] =
	    "SELECT r.id AS id, r.period_id AS period_id, p.label AS label,"
	    " p.state AS period_state, r.state AS state,"
	    " r.started_by AS started_by,"
	    " DATE_FORMAT(r.started_at, '%Y-%m-%d %H:%i:%s') AS started_at,"
	    " DATE_FORMAT(r.finished_at, '%Y-%m-%d %H:%i:%s') AS finished_at,"
	    " r.duration_ms AS duration_ms, r.in_lines AS in_lines,"
	    " r.in_payments AS in_payments, r.in_targets AS in_targets,"
	    " r.in_versions AS in_versions, r.digest AS digest, r.reps AS reps,"
	    " r.line_count AS line_count, r.lines_kept AS lines_kept,"
	    " r.lines_added AS lines_added, r.lines_removed AS lines_removed,"
	    " r.sales AS sales, r.commission AS commission, r.bonus AS bonus,"
	    " r.total AS total, r.warnings AS warnings, r.error AS error"
	    " FROM calc_runs r JOIN periods p ON p.id = r.period_id"
	    " WHERE r.id = ?",
	[ST_WARNINGS] =
	    "SELECT w.seq AS seq, w.source AS source, w.order_id AS order_id,"
	    " o.order_no AS order_no, w.message AS message"
	    " FROM calc_run_warnings w LEFT JOIN orders o ON o.id = w.order_id"
	    " WHERE w.run_id = ? ORDER BY w.seq LIMIT 500",
	[ST_PREVIOUS] =
	    "SELECT MAX(id) FROM calc_runs WHERE period_id = ?"
	    " AND state = 'done' AND id < ?",
	[ST_LATEST] =
	    "SELECT MAX(id) FROM calc_runs WHERE period_id = ?"
	    " AND state = 'done'",
	/* each rep of the run or of the previous one */
	[ST_COMPARE] =
	    "SELECT pe.login AS login, pe.name AS name,"
	    " MAX(CASE WHEN x.run_id = ? THEN 1 ELSE 0 END) AS in_cur,"
	    " MAX(CASE WHEN x.run_id = ? THEN 1 ELSE 0 END) AS in_prev,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.sales END), 0) AS sales,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.sales END), 0)"
	    "  AS prev_sales,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.commission END), 0)"
	    "  AS commission,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.commission END), 0)"
	    "  AS prev_commission,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.total END), 0) AS total,"
	    " COALESCE(SUM(CASE WHEN x.run_id = ? THEN x.total END), 0)"
	    "  AS prev_total"
	    " FROM calc_run_reps x JOIN people pe ON pe.id = x.person_id"
	    " WHERE x.run_id IN (?, ?) GROUP BY pe.id, pe.login, pe.name"
	    " ORDER BY pe.login",
};

static struct db_table runs_db = DB_TABLE("commission.runs", stmts);

static void
flash_why(struct req *r, const struct period_why *why, const char *detail)
{
	char text[1200];

	page_flash(r, "error", cm_why_text(r, why, detail, text, sizeof(text)));
}

/* The runs in progress (and the job the reader just queued, job > 0,
 * even once over): the reader's own with the job's partial (it polls;
 * the page reloads when it ends), others' as a line. */
static int
fill_jobs(struct req *r, struct tdict *d, int64_t job)
{
	struct dbres *res = NULL;
	int64_t ids[32];
	size_t n = 0;
	bool live = false, seen = false;
	int rc;

	if ((rc = db_query(r->app->db, &runs_db, ST_JOBS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res) && n < 31; i++) {
		ids[n] = dbres_int(res, i, 0);
		seen = seen || ids[n] == job;
		n++;
	}
	dbres_free(res);
	if (job > 0 && !seen)
		ids[n++] = job;
	for (size_t i = 0; i < n; i++) {
		struct job_info j;

		if (job_find(r->app->db, ids[i], &j) != 0)
			continue;
		if (strcmp(j.kind, COMMISSION_JOB_RUN) == 0 &&
		    strcmp(j.who, r->me.login) == 0)
			job_status_fill(r, tdict_include(tdict_add_section(d,
			    "JOB"), "JOB_STATUS", "core/job-status.tpl"), &j);
		else if (strcmp(j.kind, COMMISSION_JOB_RUN) == 0 &&
		    (j.state == JOB_QUEUED || j.state == JOB_RUNNING)) {
			struct tdict *o = tdict_add_section(d, "OTHER_JOB");

			tdict_set(o, "key", j.key != NULL ? j.key : "");
			tdict_set(o, "who", j.who);
		} else {
			job_info_clear(&j);
			continue;
		}
		if (j.state == JOB_QUEUED || j.state == JOB_RUNNING)
			live = true;
		job_info_clear(&j);
	}
	if (live) {
		tdict_show_section(d, "RUNNING");
		page_refresh(r, 3);
	}
	return 0;
}

/* GET /commission/runs (also the page a refused POST answers with). */
static int
runs_page(struct req *r, int status)
{
	struct tdict *d = page_body(r);
	enum tc_period_kind kind = cm_kind(r);
	struct period_why pwhy;
	struct dbres *res = NULL;
	int32_t today = tc_today();
	const char *q;
	int64_t job = 0;
	bool oldest_open_seen = false;
	int rc;

	if ((rc = period_sync(r->app->db, kind, today, &pwhy)) != 0 &&
	    rc != TC_EINVAL)
		return rc;
	if ((q = req_get(&r->q, "job")) != NULL)
		job = strtoll(q, NULL, 10);
	if ((q = req_get(&r->q, "closed")) != NULL && strlen(q) < 16) {
		char text[160];

		snprintf(text, sizeof(text), "%s %s", tr(r, "cmr_closed_ok"), q);
		page_flash(r, "ok", text);
	}
	if ((rc = fill_jobs(r, d, job)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &runs_db, ST_PERIODS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	if (has_role(r, RUNS_WRITE))
		tdict_show_section(d, "CAN_RUN");
	for (size_t k = 0; k < dbres_rows(res); k++) {
		struct tdict *t = tdict_add_section(d, "PERIOD_ROW");
		const char *label = dbres_text_col(res, k, "label");
		bool open = strcmp(dbres_text_col(res, k, "state"), "open") == 0;
		bool has_run = !dbres_null_col(res, k, "run_id");
		int32_t last = 0;
		char key[48];

		tdict_set(t, "label", label);
		snprintf(key, sizeof(key), "period_state_%s",
		    dbres_text_col(res, k, "state"));
		tdict_set(t, "state", dbres_text_col(res, k, "state"));
		tdict_set(t, "state_label", tr(r, key));
		tdict_set(t, "state_badge", open ? "info" : "draft");
		dbres_date_col(res, k, "last_day", &last);
		if (has_run) {
			struct tdict *run = tdict_add_section(t, "HAS_RUN");

			tdict_set(run, "run_id", dbres_text_col(res, k, "run_id"));
			tdict_set(run, "started_by",
			    dbres_text_col(res, k, "started_by"));
			tdict_set(run, "finished_at",
			    dbres_text_col(res, k, "finished_at"));
			tdict_set(run, "duration_ms",
			    dbres_text_col(res, k, "duration_ms"));
			tdict_set(run, "reps", dbres_text_col(res, k, "reps"));
			tdict_set(run, "lines",
			    dbres_text_col(res, k, "line_count"));
			tdict_set(run, "warnings",
			    dbres_text_col(res, k, "warnings"));
			cm_money(run, "commission",
			    dbres_money_col(res, k, "commission"));
			cm_money(run, "total", dbres_money_col(res, k, "total"));
		} else
			tdict_show_section(t, "NO_RUN");
		if (!open) {
			tdict_show_section(t, "IS_CLOSED");
			continue;
		}
		/* open: current or stale (stored: sql/commission/010), and
		 * what finance may do */
		{
			bool current = has_run &&
			    dbres_int_col(res, k, "stale") == 0;
			bool oldest = false;

			if (has_run)
				tdict_show_section(t, current ? "IS_CURRENT" :
				    "IS_STALE");
			/* rows are newest first: the oldest open is the last
			 * open row; mark it when no older open row follows */
			for (size_t o = k + 1; o <= dbres_rows(res); o++) {
				if (o == dbres_rows(res)) {
					oldest = true;
					break;
				}
				if (strcmp(dbres_text_col(res, o, "state"),
				    "open") == 0)
					break;
			}
			if (!has_role(r, RUNS_WRITE))
				continue;
			tdict_show_section(t, "CAN_RUN_IT");
			if (oldest && !oldest_open_seen) {
				oldest_open_seen = true;
				if (current && last < today)
					tdict_show_section(t, "CAN_CLOSE");
				else if (last >= today)
					tdict_show_section(t, "NOT_ENDED");
				else
					tdict_show_section(t, "CLOSE_NEEDS_RUN");
			}
		}
	}
	commission_tabs(r, "runs");
	rc = page_send(r, status, "commission/runs.tpl", "cmr_title",
	    "commission");
	dbres_free(res);
	return rc;
}

static int
runs_get(struct req *r)
{
	return runs_page(r, 200);
}

/* POST /commission/runs: period=LABEL or "open". */
static int
runs_post(struct req *r)
{
	const char *label = req_get(&r->form, "period");
	struct period_why why = { 0 };
	struct period p;
	char to[64];
	int64_t id = 0;
	int rc;

	if (label == NULL || *label == '\0' || strlen(label) >= TC_PERIOD_SIZE) {
		period_why_set(&why, "cmr_err_period", "", "no period");
		flash_why(r, &why, NULL);
		return runs_page(r, 400);
	}
	if (strcmp(label, "open") != 0) {
		rc = period_find(r->app->db, cm_kind(r), label, &p);
		if (rc == TC_EINVAL || rc == TC_ENOTFOUND) {
			period_why_set(&why, "run_err_unknown", label, "unknown");
			flash_why(r, &why, NULL);
			return runs_page(r, 400);
		}
		if (rc != 0)
			return rc;
		if (p.state == PERIOD_CLOSED) {
			period_why_set(&why, "run_err_closed", label, "closed");
			flash_why(r, &why, NULL);
			return runs_page(r, 409);
		}
	}
	rc = commission_run_enqueue(r->app->db, strcmp(label, "open") == 0 ?
	    NULL : label, r->me.login, &id, &why);
	if (rc == TC_ECONFLICT) {
		flash_why(r, &why, NULL);
		return runs_page(r, 409);
	}
	if (rc != 0)
		return rc;
	snprintf(to, sizeof(to), "/commission/runs?job=%lld", (long long)id);
	return http_redirect(r, to);
}

/* POST /commission/runs/close: period=LABEL. */
static int
close_post(struct req *r)
{
	static const struct period_guard guards[] = {
		{ run_close_guard, NULL },
	};
	const char *label = req_get(&r->form, "period");
	struct actor who = { r->me.login, r->remote };
	struct period_why why = { 0 };
	char to[64];
	int rc;

	if (label == NULL || *label == '\0' || strlen(label) >= TC_PERIOD_SIZE) {
		period_why_set(&why, "cmr_err_period", "", "no period");
		flash_why(r, &why, NULL);
		return runs_page(r, 400);
	}
	rc = period_close(r->app->db, cm_kind(r), tc_today(), &who, label,
	    guards, 1, &why);
	if (rc == TC_ENOTFOUND || rc == TC_EINVAL) {
		if (why.key == NULL)
			period_why_set(&why, "run_err_unknown", label, "unknown");
		flash_why(r, &why, NULL);
		return runs_page(r, 400);
	}
	if (rc == TC_EDENIED) {
		flash_why(r, &why, NULL);
		return runs_page(r, 409);
	}
	if (rc != 0)
		return rc;
	snprintf(to, sizeof(to), "/commission/runs?closed=%s", label);
	return http_redirect(r, to);
}

/* GET /commission/runs/#: one run. */
static int
run_get(struct req *r)
{
	struct tdict *d = page_body(r), *hp;
	struct dbres *run = NULL, *w = NULL, *cmp = NULL, *x = NULL;
	int64_t id = r->ids[0], period, prev = 0, latest = 0;
	int rc;

	if ((rc = db_query(r->app->db, &runs_db, ST_RUN, DB_ARGS(P_INT(id)),
	    &run)) != 0)
		return rc;
	if (dbres_rows(run) != 1) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	period = dbres_int_col(run, 0, "period_id");
	{
		static const char *const text[] = { "id", "label", "state",
		    "started_by", "started_at", "finished_at", "duration_ms",
		    "in_lines", "in_payments", "in_targets", "in_versions",
		    "digest", "reps", "line_count", "lines_kept", "lines_added",
		    "lines_removed", "warnings" };
		static const char *const money[] = { "sales", "commission",
		    "bonus", "total" };
		char key[48];

		for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
			tdict_set(d, text[i], dbres_text_col(run, 0, text[i]));
		for (size_t i = 0; i < sizeof(money) / sizeof(money[0]); i++)
			cm_money(d, money[i], dbres_money_col(run, 0, money[i]));
		snprintf(key, sizeof(key), "cmr_state_%s",
		    dbres_text_col(run, 0, "state"));
		tdict_set(d, "state_label", tr(r, key));
		if (!dbres_null_col(run, 0, "error"))
			tdict_set(tdict_add_section(d, "ERROR"), "error",
			    dbres_text_col(run, 0, "error"));
	}
	if ((rc = db_query(r->app->db, &runs_db, ST_LATEST,
	    DB_ARGS(P_INT(period)), &x)) != 0)
		goto out;
	latest = dbres_null(x, 0, 0) ? 0 : dbres_int(x, 0, 0);
	dbres_free(x);
	x = NULL;
	if (strcmp(dbres_text_col(run, 0, "state"), "done") == 0 &&
	    latest == id) {
		if (strcmp(dbres_text_col(run, 0, "period_state"), "closed") == 0)
			tdict_show_section(d, "IS_CLOSED");
		else {
			struct run_status st;

			if ((rc = run_status(r->app->db, cm_kind(r),
			    dbres_text_col(run, 0, "label"), &st)) != 0)
				goto out;
			tdict_show_section(d, st.current ? "IS_CURRENT" :
			    "IS_STALE");
		}
	} else if (latest != 0 && latest != id)
		tdict_set_int(tdict_add_section(d, "SUPERSEDED"), "latest",
		    latest);
	/* warnings, each linked to its order */
	if ((rc = db_query(r->app->db, &runs_db, ST_WARNINGS,
	    DB_ARGS(P_INT(id)), &w)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(w); i++) {
		struct tdict *t = tdict_add_section(d, "WARNING");

		tdict_set(t, "seq", dbres_text_col(w, i, "seq"));
		tdict_set(t, "source", dbres_text_col(w, i, "source"));
		tdict_set(t, "message", dbres_text_col(w, i, "message"));
		if (!dbres_null_col(w, i, "order_id")) {
			struct tdict *o = tdict_add_section(t, "ORDER");

			tdict_set(o, "order_id", dbres_text_col(w, i, "order_id"));
			tdict_set(o, "order_no", dbres_text_col(w, i, "order_no"));
		}
	}
	if (dbres_rows(w) == 0)
		tdict_show_section(d, "NO_WARNINGS");
	/* the previous run of the period, rep by rep */
	if ((rc = db_query(r->app->db, &runs_db, ST_PREVIOUS,
	    DB_ARGS(P_INT(period), P_INT(id)), &x)) != 0)
		goto out;
	prev = dbres_null(x, 0, 0) ? 0 : dbres_int(x, 0, 0);
	if (prev == 0) {
		tdict_show_section(d, "NO_PREVIOUS");
		goto send;
	}
	hp = tdict_add_section(d, "HAS_PREVIOUS");
	tdict_set_int(hp, "prev", prev);
	if ((rc = db_query(r->app->db, &runs_db, ST_COMPARE, DB_ARGS(
	    P_INT(id), P_INT(prev), P_INT(id), P_INT(prev), P_INT(id),
	    P_INT(prev), P_INT(id), P_INT(prev), P_INT(id), P_INT(prev)),
	    &cmp)) != 0)
		goto out;
	{
		int64_t changed = 0, diff_total = 0;

		for (size_t i = 0; i < dbres_rows(cmp); i++) {
			struct tdict *t = tdict_add_section(hp, "REP");
			int64_t tot = dbres_money_col(cmp, i, "total");
			int64_t ptot = dbres_money_col(cmp, i, "prev_total");
			bool same = tot == ptot &&
			    dbres_money_col(cmp, i, "sales") ==
			    dbres_money_col(cmp, i, "prev_sales") &&
			    dbres_int_col(cmp, i, "in_cur") ==
			    dbres_int_col(cmp, i, "in_prev");

			tdict_set(t, "login", dbres_text_col(cmp, i, "login"));
			tdict_set(t, "name", dbres_text_col(cmp, i, "name"));
			cm_money(t, "sales", dbres_money_col(cmp, i, "sales"));
			cm_money(t, "prev_sales",
			    dbres_money_col(cmp, i, "prev_sales"));
			cm_money(t, "commission",
			    dbres_money_col(cmp, i, "commission"));
			cm_money(t, "prev_commission",
			    dbres_money_col(cmp, i, "prev_commission"));
			cm_money(t, "total", tot);
			cm_money(t, "prev_total", ptot);
			cm_money(t, "diff", tot - ptot);
			diff_total += tot - ptot;
			if (dbres_int_col(cmp, i, "in_prev") == 0)
				tdict_show_section(t, "NEW_REP");
			if (dbres_int_col(cmp, i, "in_cur") == 0)
				tdict_show_section(t, "GONE_REP");
			if (!same) {
				tdict_show_section(t, "CHANGED");
				changed++;
			}
		}
		tdict_set_int(hp, "changed", changed);
		cm_money(hp, "diff_total", diff_total);
	}
send:
	commission_tabs(r, "runs");
	rc = page_send(r, 200, "commission/run.tpl", "cmr_run_title",
	    "commission");
out:
	dbres_free(run);
	dbres_free(w);
	dbres_free(cmp);
	dbres_free(x);
	return rc;
}

static const struct route runs_routes[] = {
	{ "GET", "/commission/runs", RUNS_READ, runs_get },
	{ "POST", "/commission/runs", RUNS_WRITE, runs_post },
	{ "POST", "/commission/runs/close", RUNS_WRITE, close_post },
	{ "GET", "/commission/runs/#", RUNS_READ, run_get },
};

const struct route_set cm_runs_route_set = ROUTE_SET(runs_routes);
