/* run.h: calculation runs.  A run of a period reads the period's inputs
 * from MariaDB (book.h), makes the spec's files of them (export.h: their
 * digest is the run's), hands exactly those bytes to the engine through
 * its own readers, and replaces the period's results in one transaction:
 * every commission line whose identity (period, rep, order line,
 * payment, rule and so plan version) is unchanged keeps its id, a line
 * that no longer arises is marked removed, new ones are added, and the
 * per-rep summaries (with each rep's team at the time) are written anew.
 * It records who, when, how long, what it read, its totals and the
 * engine's warnings (each with its order).
 *
 * Two runs of one period at once: the second is refused ("a run is in
 * progress"), by a lock that the server releases when a process dies.
 * A closed period refuses a run; a close waits for a run that is
 * writing, and then finds it current or not. */
#ifndef TC_COMMISSION_RUN_H
#define TC_COMMISSION_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "commission/files.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/period.h"
#include "engine/engine.h"
#include "engine/money.h"

/* What a run of one period did. */
struct run_result {
	char     label[TC_PERIOD_SIZE];
	int64_t  run_id;
	bool     done;              /* stored: the period's results now */
	size_t   in_lines, in_payments, in_targets, in_versions;
	size_t   reps, lines, kept, changed, added, removed, warnings;
	money_t  sales, commission, bonus, total;
	char     digest[FILES_DIGEST_SIZE];
	int64_t  read_ms;           /* its share of reading MariaDB */
	int64_t  engine_ms;         /* making the files, the engine */
	int64_t  write_ms;          /* writing the results */
	int64_t  total_ms;
};

/* Runs the periods labelled labels[0..n) (each of kind, recorded and
 * open), reading their inputs once.  Fills results[0..n) as the runs go
 * (run_id 0 for one that did not run).  Stops at the first failure:
 * TC_EDENIED (refused: closed, unknown, in progress; why filled and
 * nothing run), TC_EINVAL (the engine refused the inputs: why names the
 * file, line and reason; that run is recorded as failed), TC_EDB,
 * TC_ENOMEM.  Returns 0 when every period ran.  why (core/period.h) has
 * a "run_err_..." key, or period_sync's. */
int run_periods(struct db *d, enum tc_period_kind kind, int32_t today,
    const struct actor *who, const char *const *labels, size_t n,
    struct run_result *results, struct period_why *why);

/* As run_periods, telling progress(arg, done, total) how far it is: the
 * inputs read (1 of n + 1), then each period stored (2 .. n + 1).  A
 * background job shows it (jobs.c).  progress may be NULL. */
typedef void (*run_progress_fn)(void *arg, size_t done, size_t total);
int run_periods_progress(struct db *d, enum tc_period_kind kind,
    int32_t today, const struct actor *who, const char *const *labels,
    size_t n, struct run_result *results, struct period_why *why,
    run_progress_fn progress, void *arg);

/* The engine on files made by run_export (or a run): reads the plan
 * versions and tables of fs with the engine's own readers into a new
 * *plan and in (initialised by the caller with tce_input_init), and
 * calculates into a new *res.  The caller frees *plan, in and *res
 * (also on failure).  Returns 0, TC_EINVAL with err filled (the engine
 * refused the inputs), TC_ENOMEM, TC_ETOOBIG.  "Why this amount" runs
 * the engine so, then tce_explain(). */
struct tce_plan;
struct tce_input;
struct tce_result;
struct tce_diag;
int run_engine(const struct file_set *fs, struct tce_plan **plan,
    struct tce_input *in, struct tce_result **res, struct tce_diag *err);

/* The labels of every open period (after period_sync), oldest first:
 * a new array of *n labels in *out (free with free()).  Returns 0 or a
 * tc_err. */
int run_open_periods(struct db *d, enum tc_period_kind kind, int32_t today,
    char (**out)[TC_PERIOD_SIZE], size_t *n);

/* The input files of [from, to] as export-period writes them (sorted by
 * name) and their digest.  Returns 0 or a tc_err. */
int run_export(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t to, struct file_set *out, char digest[FILES_DIGEST_SIZE]);

/* As run_export, with only the orders that credit person (people.id;
 * 0: everyone's): what the engine needs for that rep's results, which
 * are those of the whole files (the engine works per rep; an order's
 * payments spread over its own lines).  digest may be NULL (the digest
 * of a part is no run's). */
int run_export_rep(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t to, int64_t person, struct file_set *out,
    char digest[FILES_DIGEST_SIZE]);

/* The state of a period's results: its latest done run (0 when none),
 * that run's digest, and whether it is current: no input changed since
 * the run read them (the stored versions of sql/commission/010, a few
 * statements; a closed period is current).  For a run from before the
 * versions were kept, the digest of the inputs now (digest, filled only
 * then) is compared with the run's.  Returns 0, TC_ENOTFOUND (no such
 * period), or a tc_err. */
struct run_status {
	int64_t run_id;
	char    run_digest[FILES_DIGEST_SIZE];
	char    digest[FILES_DIGEST_SIZE];
	bool    current;
};
int run_status(struct db *d, enum tc_period_kind kind, const char *label,
    struct run_status *out);

/* A period_guard (core/period.h) for closing: the period's run must be
 * current.  arg: NULL. */
int run_close_guard(struct db *d, const struct period *p, void *arg,
    struct period_why *why);

/* Reads the files of fs (as run_export makes them) with the engine's
 * readers: the plan versions into a new *plan (free with
 * tce_plan_free, also on failure), the rows into in (initialised by the
 * caller; free with tce_input_free).  For a calculation of one's own on
 * a period's inputs (the estimate adds an order to them).  Returns 0;
 * TC_EINVAL (bad input or no version in force: err says why), TC_ENOMEM. */
int run_read_files(const struct file_set *fs, struct tce_plan **plan,
    struct tce_input *in, struct tce_diag *err);

#endif
