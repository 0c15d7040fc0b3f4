/* job-worker.h: the job worker's loop (ticheng-jobs), in the core so
 * that the db suite drives it step by step.
 *
 * A worker holds two connections: ctl for its bookkeeping (taking a job,
 * progress, the outcome; never inside a handler's transaction, so a page
 * sees progress at once) and work, the handlers' own.  Neither has a
 * statement time limit.  While a job runs, ctl holds the MariaDB lock
 * "ticheng-job-<id>": when the worker dies, the server frees it, and the
 * next sweep (any worker) marks the job failed, since the job may be what
 * killed it. */
#ifndef TC_CORE_JOB_WORKER_H
#define TC_CORE_JOB_WORKER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/conf.h"
#include "core/db.h"
#include "core/job.h"

struct job_worker {
	const struct conf *conf;
	struct db *ctl;             /* bookkeeping; not owned */
	struct db *work;            /* the handlers' connection; not owned */
	const struct job_kind *const *kinds; /* NULL-terminated */
	char kind_list[4096];       /* their names, "a,b" (job_worker_init) */
	char name[128];             /* "host:pid", stored with the job */
	volatile sig_atomic_t *stop;/* set (by SIGTERM): finish up, exit */
};

/* Checks w->kinds (names of at most JOB_KIND_MAX bytes, no comma, none
 * twice) and prepares w to take jobs of those kinds only.  Call once
 * before the functions below.  Returns 0 or TC_EINVAL (logged). */
int job_worker_init(struct job_worker *w);

/* Marks failed every running job whose worker is gone, and sets *n (when
 * not NULL) to their number.  Returns 0 or TC_EDB. */
int job_worker_sweep(struct job_worker *w, uint64_t *n);

/* Takes the oldest queued job of w's kinds that no other worker holds
 * and runs it to its end: done (with its result), failed (with its
 * error: the handler failed, or left a transaction open), or
 * queued again when the worker was asked to stop first.  Sets *id to the
 * job's id, 0 when the queue was empty.  Returns 0 (whatever the job's
 * outcome), or TC_EDB when the queue could not be read or the outcome
 * not stored. */
int job_worker_run_one(struct job_worker *w, int64_t *id);

/* Sweeps, then runs jobs until *w->stop, waiting poll_ms between looks
 * at an empty queue.  Returns 0 once stopped. */
int job_worker_loop(struct job_worker *w, int poll_ms);

#endif
