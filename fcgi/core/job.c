/* job.c: queueing background jobs and reading their state. */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/job.h"

enum stmt {
	STMT_JOB_INSERT,
	STMT_JOB_FIND,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* active_key is the key while the job is queued or running, NULL
	 * after: the unique (kind, active_key) refuses a second run. */
	[STMT_JOB_INSERT] =
	    "INSERT INTO jobs (kind, job_key, active_key, params, who,"
	    " state, created_at) VALUES (?, ?, ?, ?, ?, 'queued',"
	    " UTC_TIMESTAMP())",
	[STMT_JOB_FIND] =
	    "SELECT id, kind, job_key, who, state, progress_done,"
	    " progress_total, result, error,"
	    " TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP()) AS age,"
	    " TIMESTAMPDIFF(SECOND, started_at,"
	    "  COALESCE(finished_at, UTC_TIMESTAMP())) AS elapsed"
	    " FROM jobs WHERE id = ?",
};

static struct db_table job_db = DB_TABLE("job", stmts);

static const char *const state_names[] = {
	[JOB_QUEUED] = "queued",
	[JOB_RUNNING] = "running",
	[JOB_DONE] = "done",
	[JOB_FAILED] = "failed",
};

const char *
job_state_name(enum job_state s)
{
	return (unsigned)s < sizeof(state_names) / sizeof(state_names[0]) ?
	    state_names[s] : "unknown";
}

static int
state_of(const char *name, enum job_state *out)
{
	for (size_t i = 0; i < sizeof(state_names) / sizeof(state_names[0]);
	    i++)
		if (strcmp(name, state_names[i]) == 0) {
			*out = (enum job_state)i;
			return 0;
		}
	return TC_EINVAL;
}

/* Whether params is a JSON object (what every handler reads). */
static bool
params_valid(const char *params)
{
	json_t *v = json_loads(params, JSON_REJECT_DUPLICATES, NULL);
	bool ok = v != NULL && json_is_object(v);

	json_decref(v);
	return ok;
}

int
job_enqueue(struct db *d, const char *kind, const char *key,
    const char *params, const char *who, int64_t *id)
{
	uint64_t last = 0;
	int rc;

	if (key == NULL)
		key = "";
	if (params == NULL)
		params = "{}";
	/* A key too long is refused by its column (TC_EINVAL). */
	if (kind == NULL || *kind == '\0' || strlen(kind) > JOB_KIND_MAX ||
	    strchr(kind, ',') != NULL || who == NULL || !params_valid(params))
		return TC_EINVAL;
	rc = db_exec(d, &job_db, STMT_JOB_INSERT, DB_ARGS(P_TEXT(kind),
	    P_TEXT(key), P_TEXT(key), P_TEXT(params), P_TEXT(who)), NULL,
	    &last);
	if (rc == 0 && id != NULL)
		*id = (int64_t)last;
	return rc;
}

const struct job_kind *
job_kind_find(const struct job_kind *const *kinds, const char *name)
{
	for (size_t i = 0; kinds != NULL && kinds[i] != NULL; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

static char *
dup_or_null(const struct dbres *r, size_t row, const char *col)
{
	return dbres_null_col(r, row, col) ? NULL :
	    strdup(dbres_text_col(r, row, col));
}

int
job_find(struct db *d, int64_t id, struct job_info *out)
{
	struct dbres *r;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(d, &job_db, STMT_JOB_FIND, DB_ARGS(P_INT(id)),
	    &r)) != 0)
		return rc;
	if (dbres_rows(r) == 0) {
		dbres_free(r);
		return TC_ENOTFOUND;
	}
	out->id = dbres_int_col(r, 0, "id");
	snprintf(out->kind, sizeof(out->kind), "%s",
	    dbres_text_col(r, 0, "kind"));
	snprintf(out->who, sizeof(out->who), "%s", dbres_text_col(r, 0, "who"));
	rc = state_of(dbres_text_col(r, 0, "state"), &out->state);
	out->done = dbres_int_col(r, 0, "progress_done");
	out->total = dbres_int_col(r, 0, "progress_total");
	out->percent = -1;
	if (out->total > 0) {
		int64_t done = out->done < 0 ? 0 : out->done > out->total ?
		    out->total : out->done;

		out->percent = (int)(done * 100 / out->total);
	}
	if (out->state == JOB_DONE)
		out->percent = 100;
	out->age = dbres_int_col(r, 0, "age");
	out->elapsed = dbres_int_col(r, 0, "elapsed");
	if (rc == 0 && ((out->key = strdup(dbres_text_col(r, 0,
	    "job_key"))) == NULL ||
	    (!dbres_null_col(r, 0, "result") &&
	    (out->result = dup_or_null(r, 0, "result")) == NULL) ||
	    (!dbres_null_col(r, 0, "error") &&
	    (out->error = dup_or_null(r, 0, "error")) == NULL)))
		rc = TC_ENOMEM;
	dbres_free(r);
	if (rc != 0)
		job_info_clear(out);
	return rc;
}

void
job_info_clear(struct job_info *info)
{
	free(info->key);
	free(info->result);
	free(info->error);
	info->key = info->result = info->error = NULL;
}
