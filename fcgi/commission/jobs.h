/* jobs.h: the commission module's background jobs (core/job.h).
 *
 * commission.run: a calculation run (run.h) of one period, or of every
 * open period, for the finance person who asked, in the job worker: its
 * progress is the inputs read, then each period stored; its result names
 * the runs made.  Its key is the period's label, or "open". */
#ifndef TC_COMMISSION_JOBS_H
#define TC_COMMISSION_JOBS_H

#include <stdint.h>

#include "core/db.h"
#include "core/job.h"
#include "core/period.h"

#define COMMISSION_JOB_RUN "commission.run"

extern const struct job_kind commission_job_run;

/* The module's kinds, NULL-terminated (module-code.c). */
extern const struct job_kind *const commission_jobs[];

/* Queues a run of the period labelled label (NULL: every open period)
 * asked by login.  Refused (TC_ECONFLICT, why filled with the key
 * "run_err_in_progress") while a run of that period, of every open
 * period, or (for NULL) of any period is queued or running.  Sets *id.
 * Returns 0, TC_ECONFLICT, TC_EINVAL or TC_EDB. */
int commission_run_enqueue(struct db *d, const char *label,
    const char *login, int64_t *id, struct period_why *why);

#endif
