/* jobs.c: commission.run, a calculation run in the job worker. */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/jobs.h"
#include "commission/run.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/money.h"

enum stmt { ST_ACTIVE, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_ACTIVE] =
	    "SELECT job_key FROM jobs WHERE kind = '" COMMISSION_JOB_RUN "'"
	    " AND active_key IS NOT NULL",
};

static struct db_table jobs_db = DB_TABLE("commission.jobs", stmts);

static void
progress(void *arg, size_t done, size_t total)
{
	job_progress(arg, (int64_t)done, (int64_t)total);
}

/* {"periods": "2026-10, 2026-11", "runs": "12, 13", ...}: what the
 * job's page lists (job_result_* labels). */
static int
set_result(struct job *j, const struct run_result *res, size_t n)
{
	json_t *o = json_object();
	char periods[1024] = "", runs[512] = "", m[TC_MONEY_SIZE];
	money_t commission = 0, total = 0;
	size_t lines = 0, warnings = 0, reps = 0, po = 0, ro = 0;
	char *text;
	int rc;

	if (o == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (!res[i].done)
			continue;
		if (po < sizeof(periods))
			po += (size_t)snprintf(periods + po, sizeof(periods) - po,
			    "%s%s", po ? ", " : "", res[i].label);
		if (ro < sizeof(runs))
			ro += (size_t)snprintf(runs + ro, sizeof(runs) - ro,
			    "%s%lld", ro ? ", " : "", (long long)res[i].run_id);
		lines += res[i].lines;
		warnings += res[i].warnings;
		reps += res[i].reps;
		commission += res[i].commission;
		total += res[i].total;
	}
	json_object_set_new(o, "periods", json_string(periods));
	json_object_set_new(o, "runs", json_string(runs));
	json_object_set_new(o, "reps", json_integer((json_int_t)reps));
	json_object_set_new(o, "lines", json_integer((json_int_t)lines));
	json_object_set_new(o, "warnings", json_integer((json_int_t)warnings));
	json_object_set_new(o, "commission",
	    json_string(tc_money_str(m, commission, true)));
	json_object_set_new(o, "total",
	    json_string(tc_money_str(m, total, true)));
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (text == NULL)
		return TC_ENOMEM;
	rc = job_result(j, text);
	free(text);
	return rc;
}

static int
run_job(struct job *j)
{
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	struct actor who = { j->who, "job" };
	struct period_why why = { 0 };
	struct run_result *res = NULL;
	char (*open)[TC_PERIOD_SIZE] = NULL;
	const char **labels = NULL;
	json_t *p = json_loads(j->params, 0, NULL);
	json_t *period = json_object_get(p, "period");
	size_t n = 0;
	int rc;

	tc_period_kind_parse(j->conf->period, &kind);
	if (json_is_true(json_object_get(p, "open"))) {
		if ((rc = run_open_periods(j->db, kind, tc_today(), &open,
		    &n)) != 0)
			goto out;
	} else if (json_is_string(period))
		n = 1;
	else {
		job_error(j, "no period to run");
		rc = TC_EINVAL;
		goto out;
	}
	if (n == 0) {
		rc = job_result(j, "{\"periods\": \"\"}");
		goto out;
	}
	if ((labels = calloc(n, sizeof(*labels))) == NULL ||
	    (res = calloc(n, sizeof(*res))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		labels[i] = open != NULL ? open[i] : json_string_value(period);
	job_progress(j, 0, (int64_t)n + 1);
	rc = run_periods_progress(j->db, kind, tc_today(), &who, labels, n,
	    res, &why, progress, j);
	if (rc == 0)
		rc = set_result(j, res, n);
	else if (why.text[0] != '\0')
		job_error(j, "%s", why.text);
out:
	json_decref(p);
	free(open);
	free(labels);
	free(res);
	return rc;
}

const struct job_kind commission_job_run = { COMMISSION_JOB_RUN, run_job };

const struct job_kind *const commission_jobs[] = {
	&commission_job_run, NULL,
};

int
commission_run_enqueue(struct db *d, const char *label, const char *login,
    int64_t *id, struct period_why *why)
{
	const char *key = label != NULL ? label : "open";
	struct dbres *r = NULL;
	char params[96];
	json_t *o;
	char *text;
	bool busy = false;
	int rc;

	memset(why, 0, sizeof(*why));
	if ((rc = db_query(d, &jobs_db, ST_ACTIVE, DB_NOARGS, &r)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(r) && !busy; i++) {
		const char *k = dbres_text(r, i, 0);

		busy = label == NULL || strcmp(k, "open") == 0 ||
		    strcmp(k, label) == 0;
	}
	dbres_free(r);
	if (!busy) {
		if ((o = json_object()) == NULL)
			return TC_ENOMEM;
		if (label != NULL)
			json_object_set_new(o, "period", json_string(label));
		else
			json_object_set_new(o, "open", json_true());
		text = json_dumps(o, JSON_COMPACT);
		json_decref(o);
		if (text == NULL)
			return TC_ENOMEM;
		snprintf(params, sizeof(params), "%s", text);
		free(text);
		rc = job_enqueue(d, COMMISSION_JOB_RUN, key, params, login, id);
		if (rc != TC_ECONFLICT)
			return rc;
	}
	period_why_set(why, "run_err_in_progress", label != NULL ? label : "",
	    "a run is in progress for %s", label != NULL ? label :
	    "an open period");
	return TC_ECONFLICT;
}
