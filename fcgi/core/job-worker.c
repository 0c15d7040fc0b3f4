/* job-worker.c: taking jobs from the queue, running their handlers,
 * storing their outcome; progress reports from the handlers. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/job-worker.h"
#include "core/log.h"

enum stmt {
	STMT_SWEEP,
	STMT_NEXT,
	STMT_LOCK,
	STMT_UNLOCK,
	STMT_START,
	STMT_PROGRESS,
	STMT_DONE,
	STMT_FAILED,
	STMT_REQUEUE,
	STMT__MAX
};

/* The lock a running job's worker holds on its ctl connection. */
#define JOB_LOCK "CONCAT('ticheng-job-', ?)"

static const char *const stmts[STMT__MAX] = {
	[STMT_SWEEP] =
	    "UPDATE jobs SET state = 'failed', active_key = NULL,"
	    " finished_at = UTC_TIMESTAMP(),"
	    " error = 'the worker running it stopped (it may have crashed"
	    " the worker): start it again'"
	    " WHERE state = 'running'"
	    " AND IS_USED_LOCK(CONCAT('ticheng-job-', id)) IS NULL",
	/* Only kinds this worker runs: a job of a kind it does not know
	 * waits for a worker that does (one of a newer build). */
	[STMT_NEXT] =
	    "SELECT id, kind, job_key, params, who FROM jobs"
	    " WHERE state = 'queued' AND FIND_IN_SET(kind, ?)"
	    " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
	[STMT_LOCK] = "SELECT GET_LOCK(" JOB_LOCK ", 0) AS got",
	[STMT_UNLOCK] = "SELECT RELEASE_LOCK(" JOB_LOCK ")",
	[STMT_START] =
	    "UPDATE jobs SET state = 'running', worker = ?,"
	    " started_at = UTC_TIMESTAMP(), attempts = attempts + 1,"
	    " progress_done = 0, progress_total = 0"
	    " WHERE id = ? AND state = 'queued'",
	[STMT_PROGRESS] =
	    "UPDATE jobs SET progress_done = ?, progress_total = ?"
	    " WHERE id = ? AND state = 'running' AND worker = ?",
	[STMT_DONE] =
	    "UPDATE jobs SET state = 'done', active_key = NULL, result = ?,"
	    " finished_at = UTC_TIMESTAMP()"
	    " WHERE id = ? AND state = 'running' AND worker = ?",
	[STMT_FAILED] =
	    "UPDATE jobs SET state = 'failed', active_key = NULL, error = ?,"
	    " finished_at = UTC_TIMESTAMP()"
	    " WHERE id = ? AND state = 'running' AND worker = ?",
	[STMT_REQUEUE] =
	    "UPDATE jobs SET state = 'queued', worker = NULL,"
	    " started_at = NULL WHERE id = ? AND state = 'running'"
	    " AND worker = ?",
};

static struct db_table worker_db = DB_TABLE("job-worker", stmts);

/* What the worker keeps of the job it runs. */
struct job_run {
	struct job_worker *w;
	struct timespec last;       /* last progress written */
	bool wrote;                 /* progress written at least once */
	char *result;
	char error[512];
};

int
job_worker_init(struct job_worker *w)
{
	size_t len = 0;

	w->kind_list[0] = '\0';
	for (size_t i = 0; w->kinds != NULL && w->kinds[i] != NULL; i++) {
		const char *name = w->kinds[i]->name;
		size_t n = strlen(name);

		if (n == 0 || n > JOB_KIND_MAX || strchr(name, ',') != NULL ||
		    job_kind_find(w->kinds + i + 1, name) != NULL ||
		    len + n + 2 > sizeof(w->kind_list)) {
			log_msg("jobs: kind \"%s\": empty, too long, with a "
			    "comma, declared twice or one too many", name);
			return TC_EINVAL;
		}
		if (len > 0)
			w->kind_list[len++] = ',';
		memcpy(w->kind_list + len, name, n + 1);
		len += n;
	}
	return 0;
}

int
job_worker_sweep(struct job_worker *w, uint64_t *n)
{
	uint64_t swept = 0;
	int rc;

	rc = db_exec(w->ctl, &worker_db, STMT_SWEEP, DB_NOARGS, &swept, NULL);
	if (rc == 0 && swept > 0)
		log_msg("jobs: %llu job(s) failed: their worker stopped",
		    (unsigned long long)swept);
	if (n != NULL)
		*n = swept;
	return rc;
}

int
job_progress(struct job *j, int64_t done, int64_t total)
{
	struct job_run *run = j->run;
	struct timespec now;
	double since;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &now);
	since = (now.tv_sec - run->last.tv_sec) +
	    (now.tv_nsec - run->last.tv_nsec) / 1e9;
	if (run->wrote && since < 0.5 && (total <= 0 || done < total))
		return 0;
	rc = db_exec(run->w->ctl, &worker_db, STMT_PROGRESS, DB_ARGS(
	    P_INT(done), P_INT(total), P_INT(j->id), P_TEXT(run->w->name)),
	    NULL, NULL);
	if (rc == 0) {
		run->last = now;
		run->wrote = true;
	}
	return rc;
}

int
job_result(struct job *j, const char *text)
{
	char *copy = strdup(text != NULL ? text : "");

	if (copy == NULL)
		return TC_ENOMEM;
	free(j->run->result);
	j->run->result = copy;
	return 0;
}

void
job_error(struct job *j, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(j->run->error, sizeof(j->run->error), fmt, ap);
	va_end(ap);
}

bool
job_stopping(const struct job *j)
{
	return j->run->w->stop != NULL && *j->run->w->stop;
}

/* Takes the oldest free queued job on w->ctl: marks it running under
 * w's name and takes its lock, in one transaction.  Sets *row to its
 * row (id, kind, key, params, who), NULL when there is none. */
static int
claim(struct job_worker *w, struct dbres **row)
{
	struct dbres *r = NULL, *lock = NULL;
	uint64_t started = 0;
	int64_t id = 0;
	int rc;

	*row = NULL;
	if ((rc = db_begin(w->ctl)) != 0)
		return rc;
	if ((rc = db_query(w->ctl, &worker_db, STMT_NEXT,
	    DB_ARGS(P_TEXT(w->kind_list)), &r)) != 0)
		goto out;
	if (dbres_rows(r) == 0)
		goto out;
	id = dbres_int_col(r, 0, "id");
	if ((rc = db_query(w->ctl, &worker_db, STMT_LOCK, DB_ARGS(P_INT(id)),
	    &lock)) != 0)
		goto out;
	if (dbres_int_col(lock, 0, "got") != 1) {
		/* Held by a worker that lost its row lock: leave the job. */
		log_msg("jobs: job %lld: its lock is held elsewhere",
		    (long long)id);
		goto out;
	}
	if ((rc = db_exec(w->ctl, &worker_db, STMT_START, DB_ARGS(
	    P_TEXT(w->name), P_INT(id)), &started, NULL)) != 0)
		goto out;
	if (started == 1 && (rc = db_commit(w->ctl)) == 0) {
		*row = r;
		r = NULL;
	}
out:
	if (db_in_transaction(w->ctl))
		db_rollback(w->ctl);
	if (*row == NULL && lock != NULL && dbres_int_col(lock, 0, "got") == 1)
		db_exec(w->ctl, &worker_db, STMT_UNLOCK, DB_ARGS(P_INT(id)),
		    NULL, NULL);
	dbres_free(lock);
	dbres_free(r);
	return rc;
}

/* Stores the outcome of job j, whose handler returned rc. */
static int
finish(struct job_worker *w, struct job *j, int rc)
{
	struct job_run *run = j->run;
	uint64_t n = 0;
	int st;

	if (rc == 0 && db_in_transaction(w->work)) {
		snprintf(run->error, sizeof(run->error), "the handler left a "
		    "transaction open: nothing it wrote was kept");
		rc = TC_EINVAL;
	}
	if (db_in_transaction(w->work))
		db_rollback(w->work);
	if (rc != 0 && job_stopping(j)) {
		st = db_exec(w->ctl, &worker_db, STMT_REQUEUE, DB_ARGS(
		    P_INT(j->id), P_TEXT(w->name)), &n, NULL);
		log_msg("jobs: job %lld (%s) stopped: queued again",
		    (long long)j->id, j->kind);
	} else if (rc == 0) {
		st = db_exec(w->ctl, &worker_db, STMT_DONE, DB_ARGS(
		    P_TEXT(run->result != NULL ? run->result : ""),
		    P_INT(j->id), P_TEXT(w->name)), &n, NULL);
		log_msg("jobs: job %lld (%s) done", (long long)j->id, j->kind);
	} else {
		if (run->error[0] == '\0')
			snprintf(run->error, sizeof(run->error), "%s",
			    tc_strerror(rc));
		st = db_exec(w->ctl, &worker_db, STMT_FAILED, DB_ARGS(
		    P_TEXT(run->error), P_INT(j->id), P_TEXT(w->name)), &n,
		    NULL);
		log_msg("jobs: job %lld (%s) failed: %s", (long long)j->id,
		    j->kind, run->error);
	}
	if (st == 0 && n == 0)
		log_msg("jobs: job %lld was given up while it ran (its "
		    "worker's connection was lost): outcome not stored",
		    (long long)j->id);
	db_exec(w->ctl, &worker_db, STMT_UNLOCK, DB_ARGS(P_INT(j->id)), NULL,
	    NULL);
	return st;
}

int
job_worker_run_one(struct job_worker *w, int64_t *id)
{
	struct job_run run = { .w = w };
	struct job j = { .conf = w->conf, .db = w->work, .run = &run };
	const struct job_kind *kind;
	struct dbres *row;
	int rc;

	*id = 0;
	/* As a request does: the sessions follow the test clock (a no-op
	 * outside test builds). */
	db_sync_clock(w->ctl);
	db_sync_clock(w->work);
	if ((rc = claim(w, &row)) != 0 || row == NULL)
		return rc;
	j.id = dbres_int_col(row, 0, "id");
	j.kind = dbres_text_col(row, 0, "kind");
	j.key = dbres_text_col(row, 0, "job_key");
	j.params = dbres_text_col(row, 0, "params");
	j.who = dbres_text_col(row, 0, "who");
	*id = j.id;
	log_msg("jobs: job %lld (%s %s) for %s started", (long long)j.id,
	    j.kind, j.key, j.who);
	if ((kind = job_kind_find(w->kinds, j.kind)) == NULL) {
		/* Not taken by STMT_NEXT; a kind named in another case. */
		snprintf(run.error, sizeof(run.error), "no handler for the "
		    "kind %s in this worker", j.kind);
		rc = TC_ENOTFOUND;
	} else
		rc = kind->run(&j);
	rc = finish(w, &j, rc);
	free(run.result);
	dbres_free(row);
	return rc;
}

int
job_worker_loop(struct job_worker *w, int poll_ms)
{
	struct timespec pause = { poll_ms / 1000,
	    (long)(poll_ms % 1000) * 1000000L };
	int64_t id;

	job_worker_sweep(w, NULL);
	while (!*w->stop) {
		if (job_worker_run_one(w, &id) != 0 || id == 0) {
			/* Empty queue, or the database is away: look again
			 * later (statements reconnect on their own). */
			nanosleep(&pause, NULL);
			job_worker_sweep(w, NULL);
		}
	}
	return 0;
}
