/* job-page.c: a job's status page and the partial that module pages
 * embed to show a job's progress. */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "core/error.h"
#include "core/job.h"
#include "core/tmpl.h"

/* Seconds between two looks at a job still queued or running. */
#define JOB_REFRESH_SECONDS 2

static void
set_label(struct req *r, struct tdict *d, const char *var,
    const char *prefix, const char *name)
{
	char key[128];
	const char *t;
	size_t n;

	n = (size_t)snprintf(key, sizeof(key), "%s%s", prefix, name);
	for (size_t i = strlen(prefix); i < n && i < sizeof(key); i++)
		if (key[i] == '.' || key[i] == '-')
			key[i] = '_';
	t = i18n_lookup(r->cat, key);
	tdict_set(d, var, t != NULL ? t : name);
}

/* One row per member of a result that is a JSON object; else the text. */
static void
fill_result(struct req *r, struct tdict *d, const char *result)
{
	json_t *v = json_loads(result, JSON_DECODE_ANY, NULL);
	struct tdict *sec = tdict_add_section(d, "JOB_RESULT");
	const char *name;
	json_t *m;

	if (sec == NULL)
		goto out;
	if (!json_is_object(v)) {
		tdict_set(tdict_add_section(sec, "JOB_RESULT_TEXT"),
		    "job_result_text", result);
		goto out;
	}
	json_object_foreach(v, name, m) {
		struct tdict *row = tdict_add_section(sec, "JOB_RESULT_ROW");
		char *text;

		if (row == NULL)
			break;
		set_label(r, row, "name", "job_result_", name);
		if (json_is_string(m))
			tdict_set(row, "value", json_string_value(m));
		else if ((text = json_dumps(m, JSON_ENCODE_ANY |
		    JSON_COMPACT)) != NULL) {
			tdict_set(row, "value", text);
			free(text);
		}
	}
out:
	json_decref(v);
}

/* The badge of each state (ticheng.css). */
static const char *const badges[] = {
	[JOB_QUEUED] = "pending",
	[JOB_RUNNING] = "info",
	[JOB_DONE] = "ok",
	[JOB_FAILED] = "danger",
};

void
job_status_fill(struct req *r, struct tdict *d, const struct job_info *j)
{
	bool live = j->state == JOB_QUEUED || j->state == JOB_RUNNING;
	char state_key[32];

	tdict_set_int(d, "job_id", j->id);
	tdict_set(d, "job_state", job_state_name(j->state));
	snprintf(state_key, sizeof(state_key), "job_state_%s",
	    job_state_name(j->state));
	tdict_set(d, "job_state_label", tr(r, state_key));
	tdict_set(d, "job_badge", badges[j->state]);
	set_label(r, d, "job_kind_label", "job_kind_", j->kind);
	if (j->key != NULL && *j->key != '\0')
		tdict_set(tdict_add_section(d, "JOB_KEY"), "job_key", j->key);
	if (j->state == JOB_RUNNING || j->state == JOB_DONE) {
		struct tdict *p = tdict_add_section(d, "JOB_PROGRESS");

		int pct = j->percent < 0 ? 0 : j->percent;

		tdict_set_int(p, "job_percent", pct);
		tdict_set_int(p, "job_width", pct / 5 * 5);
		if (j->percent >= 0)
			tdict_show_section(p, "JOB_PERCENT");
		if (j->total > 0) {
			struct tdict *c = tdict_add_section(p, "JOB_COUNT");

			tdict_set_int(c, "job_done", j->done);
			tdict_set_int(c, "job_total", j->total);
		}
	}
	if (j->state == JOB_DONE && j->result != NULL && *j->result != '\0')
		fill_result(r, d, j->result);
	if (j->state == JOB_FAILED)
		tdict_set(tdict_add_section(d, "JOB_ERROR"), "job_error",
		    j->error != NULL ? j->error : "");
	tdict_set_int(d, "job_age", j->age);
	if (j->state != JOB_QUEUED)
		tdict_set_int(tdict_add_section(d, "JOB_ELAPSED"),
		    "job_elapsed", j->elapsed);
	if (live)
		tdict_show_section(d, "JOB_LIVE");
}

/* The job of the route's id, when the signed-in person asked for it;
 * another person's job is not found (404), as is a missing one. */
static int
own_job(struct req *r, struct job_info *j)
{
	int rc;

	if ((rc = job_find(r->app->db, r->ids[0], j)) != 0)
		return rc;
	if (strcmp(j->who, r->me.login) != 0) {
		job_info_clear(j);
		return TC_ENOTFOUND;
	}
	return 0;
}

/* GET /jobs/#: the job's page; without JavaScript it reloads itself
 * (a meta refresh) while the job is queued or running. */
static int
job_get(struct req *r)
{
	struct job_info j;
	struct tdict *body = page_body(r);
	int rc;

	if ((rc = own_job(r, &j)) != 0)
		return rc;
	job_status_fill(r, tdict_include(body, "JOB_STATUS",
	    "core/job-status.tpl"), &j);
	if (j.state == JOB_QUEUED || j.state == JOB_RUNNING)
		page_refresh(r, JOB_REFRESH_SECONDS);
	job_info_clear(&j);
	return page_send(r, 200, "core/job.tpl", "job_title", NULL);
}

/* The catalogue entries the partial shows, for a render outside the
 * layout (which otherwise provides every t_<key>). */
static const char *const partial_keys[] = {
	"job_reload", "job_waited", "job_ago", "job_ran", "job_seconds",
	"job_progress",
	"job_result", "job_error",
};

/* GET /jobs/#/status: the partial alone, for a page that polls (JS). */
static int
job_status_get(struct req *r)
{
	struct job_info j;
	struct tdict *d;
	char *html = NULL, name[64];
	size_t len = 0;
	int rc;

	if ((rc = own_job(r, &j)) != 0)
		return rc;
	if ((d = tdict_new()) == NULL) {
		job_info_clear(&j);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < sizeof(partial_keys) / sizeof(partial_keys[0]);
	    i++) {
		snprintf(name, sizeof(name), "t_%s", partial_keys[i]);
		tdict_set_global(d, name, tr(r, partial_keys[i]));
	}
	job_status_fill(r, d, &j);
	job_info_clear(&j);
	rc = tmpl_render("core/job-status.tpl", d, &html, &len);
	tdict_free(d);
	if (rc == 0) {
		if ((rc = http_header(r, "Cache-Control", "no-store")) == 0 &&
		    (rc = http_open(r, 200, "text/html; charset=utf-8")) == 0)
			rc = http_write(r, html, len);
	}
	free(html);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/jobs/#", ROLES_ALL, job_get },
	{ "GET", "/jobs/#/status", ROLES_ALL, job_status_get },
};

const struct route_set job_route_set = ROUTE_SET(routes);
