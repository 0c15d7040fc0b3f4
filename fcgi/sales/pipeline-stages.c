/* pipeline-stages.c: the admin page of the stages' probabilities and
 * the stale-days setting.  The probabilities are a table of rows, one
 * per stage in funnel order: input prob_<n> for the n-th stage. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "sales/pipeline.h"

enum stmt {
	STMT_SET_PROBABILITY,
	STMT_SET_STALE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_SET_PROBABILITY] =
	    "UPDATE stages SET probability = ? WHERE code = ?",
	[STMT_SET_STALE] =
	    "INSERT INTO settings (name, value) VALUES ('stale_days', ?)"
	    " ON DUPLICATE KEY UPDATE value = VALUES(value)",
};

static struct db_table stages_db = DB_TABLE("pipeline-stages", stmts);

enum { PROB, PROB__MAX };
static const struct field prob_fields[PROB__MAX] = {
	[PROB] = { "prob", form_int64, 1, 0, 100, "pipe_err_probability",
	    NULL },
};

enum { STALE, STALE__MAX };
static const struct field stale_fields[STALE__MAX] = {
	[STALE] = { "stale_days", form_int64, 1, 1, 365, "pipe_err_stale_days",
	    NULL },
};
static const char *const stale_labels[STALE__MAX] = {
	[STALE] = "pipe_stale_days",
};

/* The settings as posted: a row per stage, and the stale days. */
struct stage_settings {
	struct form prob[PIPE_MAX_STAGES];
	size_t n;
	struct form stale;
};

static void
settings_free(struct stage_settings *in)
{
	for (size_t k = 0; k < in->n; k++)
		form_free(&in->prob[k]);
	form_free(&in->stale);
}

/* Reads the posted settings of the n stages into *in (free with
 * settings_free whatever the result).  Returns 0, TC_EINVAL when
 * some value is refused, or TC_ENOMEM. */
static int
settings_read(struct req *r, size_t n, struct stage_settings *in)
{
	bool bad = false;
	int rc;

	memset(in, 0, sizeof(*in));
	for (size_t k = 0; k < n; k++) {
		rc = form_validate_row(&in->prob[k], prob_fields, PROB__MAX,
		    &r->form, k + 1);
		in->n = k + 1;
		if (rc == TC_ENOMEM)
			return rc;
		bad |= rc != 0;
	}
	if ((rc = form_validate(&in->stale, stale_fields, STALE__MAX,
	    &r->form)) == TC_ENOMEM)
		return rc;
	return bad || rc != 0 ? TC_EINVAL : 0;
}

/* The page; in: the settings as posted, shown with their errors (NULL:
 * the stored ones). */
static int
stages_page(struct req *r, int status, const struct pipe_stage *st,
    size_t nst, const struct stage_settings *in)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	int stale, rc;

	if ((rc = pipe_stale_days(r, &stale)) != 0)
		return rc;
	form_errors_init(&fe, d, r->cat);
	for (size_t k = 0; k < nst; k++) {
		struct tdict *row = tdict_add_section(d, "STAGE");
		char key[64];
		const char *label[PROB__MAX] = { key };

		snprintf(key, sizeof(key), "sales_stage_%s", st[k].code);
		tdict_set(row, "code", st[k].code);
		tdict_set(row, "label", pipe_stage_label(r, st[k].code));
		tdict_set_int(row, "position", st[k].position);
		tdict_set_int(row, "n", (long long)k + 1);
		tdict_set(row, "state", tr(r, st[k].open ? "pipe_stage_open" :
		    "pipe_stage_closed"));
		if (in == NULL)
			tdict_set_int(row, "prob", st[k].probability);
		else if ((rc = form_show(&fe, row, &in->prob[k], label,
		    NULL)) != 0)
			return rc;
	}
	if (in == NULL)
		tdict_set_int(d, "stale_days", stale);
	else if ((rc = form_show(&fe, d, &in->stale, stale_labels, NULL)) != 0)
		return rc;
	if (req_get(&r->q, "done") != NULL)
		page_flash(r, "ok", tr(r, "pipe_flash_saved"));
	sales_tabs(r, "overview");
	return page_send(r, status, "sales/pipeline-stages.tpl",
	    "pipe_stages_title", "sales");
}

int
pipe_stages_get(struct req *r)
{
	struct pipe_stage st[PIPE_MAX_STAGES];
	size_t nst;
	int rc;

	if ((rc = pipe_stages(r, st, &nst)) != 0)
		return rc;
	return stages_page(r, 200, st, nst, NULL);
}

int
pipe_stages_post(struct req *r)
{
	struct pipe_stage st[PIPE_MAX_STAGES];
	struct stage_settings in;
	char detail[256], stale[24];
	size_t nst, k = 0;
	int rc;

	if ((rc = pipe_stages(r, st, &nst)) != 0)
		return rc;
	if ((rc = settings_read(r, nst, &in)) == TC_EINVAL) {
		rc = stages_page(r, 400, st, nst, &in);
		goto out;
	}
	if (rc != 0 || (rc = db_begin(r->app->db)) != 0)
		goto out;
	detail[0] = '\0';
	for (size_t i = 0; i < nst; i++) {
		int64_t p = form_int(&in.prob[i], PROB, 0);

		if ((rc = db_exec(r->app->db, &stages_db, STMT_SET_PROBABILITY,
		    DB_ARGS(P_INT(p), P_TEXT(st[i].code)), NULL, NULL)) != 0)
			goto fail;
		k += (size_t)snprintf(detail + k, k < sizeof(detail) ?
		    sizeof(detail) - k : 0, "%s=%lld ", st[i].code,
		    (long long)p);
	}
	snprintf(stale, sizeof(stale), "%lld",
	    (long long)form_int(&in.stale, STALE, 0));
	if (k < sizeof(detail))
		snprintf(detail + k, sizeof(detail) - k, "stale_days=%s", stale);
	if ((rc = db_exec(r->app->db, &stages_db, STMT_SET_STALE,
	    DB_ARGS(P_TEXT(stale)), NULL, NULL)) != 0 ||
	    (rc = audit_write(r, "pipeline_settings", "stages", "", detail)) != 0)
		goto fail;
	if ((rc = db_commit(r->app->db)) != 0)
		goto out;
	rc = http_redirect(r, "/sales/stages?done=saved");
	goto out;
fail:
	db_rollback(r->app->db);
out:
	settings_free(&in);
	return rc;
}
