/* job.h: background jobs: long work (calculation runs, large exports and
 * imports, statement generation) run by the job worker, ticheng-jobs,
 * outside any request and outside the pages' statement time limit.
 *
 * A page enqueues a job (job_enqueue) and shows its state from the jobs
 * table (job_find, and the partial template core/job-status.tpl, which
 * refreshes itself while the job is queued or running).  The worker takes
 * the oldest queued job (SELECT ... FOR UPDATE SKIP LOCKED, so that any
 * number of workers share the queue), runs the handler of its kind and
 * stores the result or the error.
 *
 * At most one job of a kind and key (what it works on: a period, an
 * export's filters) is queued or running at a time: a second enqueue is
 * refused with TC_ECONFLICT ("a run is in progress").
 *
 * Modules declare their kinds (struct job_kind) in their module code;
 * the worker runs the kinds of every module of the build. */
#ifndef TC_CORE_JOB_H
#define TC_CORE_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/conf.h"
#include "core/db.h"

#define JOB_KIND_MAX 64     /* bytes of a kind's name */
#define JOB_KEY_MAX 128     /* characters of a key */

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_FAILED };

/* A job being run, as its handler sees it (the worker owns it). */
struct job {
	int64_t id;
	const char *kind;
	const char *key;
	const char *params;         /* the JSON text given to job_enqueue */
	const char *who;            /* login of the person who asked */
	struct db *db;              /* the handler's own connection: it may
	                               begin and commit transactions; no
	                               statement time limit */
	const struct conf *conf;
	struct job_run *run;        /* the worker's bookkeeping */
};

/* A kind of job.  run() does the work: it reads j->params, reports its
 * progress with job_progress(), sets the result with job_result() and
 * returns 0; or it returns a tc_err, with a message set by job_error()
 * (else the error's name is stored).  It should return soon after
 * job_stopping() turns true: the job is then queued again for the next
 * worker, so run() must leave nothing half done (one transaction, or
 * steps that can be redone). */
struct job_kind {
	const char *name;           /* "commission.run": module.what */
	int (*run)(struct job *j);
};

/* The kind named name in the NULL-terminated list kinds, or NULL. */
const struct job_kind *job_kind_find(const struct job_kind *const *kinds,
    const char *name);

/* Records that done of total units are done (shown as a percentage;
 * total 0: unknown).  Written on the worker's own connection, so a page
 * sees it at once even while the handler's transaction is open; written
 * at most every half second, and always when done reaches total.
 * Returns 0, or TC_EDB when it could not be recorded (the job goes on). */
int job_progress(struct job *j, int64_t done, int64_t total);

/* Sets the job's result (shown on its status page; a JSON object or one
 * line of text), copied.  Returns 0 or TC_ENOMEM. */
int job_result(struct job *j, const char *text);

/* Sets the message stored when run() fails, copied (printf format). */
void job_error(struct job *j, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether the worker was asked to stop (SIGTERM). */
bool job_stopping(const struct job *j);

/* Queues a job of kind for key (may be ""), with params (a JSON object
 * text, NULL for "{}"), asked by who (a login), and sets *id when id is
 * not NULL.  Returns 0, TC_ECONFLICT when a job of that kind and key is
 * queued or running, TC_EINVAL for a name or key too long or params that
 * are not a JSON object, or TC_EDB. */
int job_enqueue(struct db *d, const char *kind, const char *key,
    const char *params, const char *who, int64_t *id);

/* A job's row, as its status page shows it. */
struct job_info {
	int64_t id;
	char kind[JOB_KIND_MAX + 1];
	char who[65];
	enum job_state state;
	int64_t done, total;        /* progress */
	int percent;                /* 0..100; -1 when the total is unknown */
	char *key;                  /* owned by the struct */
	char *result;               /* NULL unless done */
	char *error;                /* NULL unless failed */
	int64_t age;                /* seconds since it was queued */
	int64_t elapsed;            /* seconds it ran (so far); 0 if queued */
};

/* Reads job id into *out (free its strings with job_info_clear).
 * Returns 0, TC_ENOTFOUND, or TC_EDB. */
int job_find(struct db *d, int64_t id, struct job_info *out);

/* Frees what job_find set in info.  Accepts a zeroed struct. */
void job_info_clear(struct job_info *info);

/* The state's name in the database ("queued"). */
const char *job_state_name(enum job_state s);

/* --- pages (job-page.c) --- */

struct req;
struct tdict;
struct route_set;

/* Fills d for the partial template core/job-status.tpl with job j: its
 * state, progress, result or error, and JOB_LIVE (the partial then
 * polls, and offers a reload link) while it is queued or running.  A
 * page that started a job includes the partial with this dictionary and
 * may call page_refresh() while the job is live. */
void job_status_fill(struct req *r, struct tdict *d,
    const struct job_info *j);

/* GET /jobs/# (the job's page) and GET /jobs/#/status (the partial
 * alone, for JavaScript polling), for the person who queued the job; a
 * job of someone else is 404.  Served by the program at "/". */
extern const struct route_set job_route_set;

/* The core's own kind: core.purge (expired sessions, old sign-in
 * failures). */
extern const struct job_kind job_kind_purge;

#endif
