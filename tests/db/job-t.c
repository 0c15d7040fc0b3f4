/* job-t: background jobs against MariaDB: queueing, one run per kind and
 * key, the worker taking jobs (SKIP LOCKED), progress seen while the
 * handler's transaction is open, results, failures, a stop, and a
 * worker that dies. */
#include "config.h"

#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/db.h"
#include "core/error.h"
#include "core/job-worker.h"
#include "core/job.h"
#include "tests/db/harness.h"

/* Kinds unique to this process, so that no other worker (the stack's
 * ticheng-jobs, another test) ever takes these jobs. */
static char count_name[64], fail_name[64], open_name[64], peek_name[64],
    crash_name[64], stop_name[64], other_name[64];

static int count_run(struct job *j);
static int fail_run(struct job *j);
static int open_run(struct job *j);
static int peek_run(struct job *j);
static int crash_run(struct job *j);
static int stop_run(struct job *j);

static struct job_kind count_kind = { count_name, count_run };
static struct job_kind fail_kind = { fail_name, fail_run };
static struct job_kind open_kind = { open_name, open_run };
static struct job_kind peek_kind = { peek_name, peek_run };
static struct job_kind crash_kind = { crash_name, crash_run };
static struct job_kind stop_kind = { stop_name, stop_run };

static const struct job_kind *const kinds[] = {
	&count_kind, &fail_kind, &open_kind, &peek_kind, &crash_kind,
	&stop_kind, NULL,
};

enum stmt {
	STMT_ROW,
	STMT_LOCK_ROW,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_ROW] = "SELECT state, active_key, worker, attempts, params"
	    " FROM jobs WHERE id = ?",
	[STMT_LOCK_ROW] = "SELECT id FROM jobs WHERE id = ? FOR UPDATE",
};

static struct db_table test_db = DB_TABLE("job-t", sql);

static volatile sig_atomic_t stop_flag;
static struct job_worker worker;

static void
setup(void)
{
	static unsigned n;
	char base[48];

	dbt_setup();
	dbt_unique(base, sizeof(base), "t");
	/* Fresh names per test: a job left queued by one test is never
	 * taken by the next. */
	n++;
	snprintf(count_name, sizeof(count_name), "%s.count%u", base, n);
	snprintf(fail_name, sizeof(fail_name), "%s.fail%u", base, n);
	snprintf(open_name, sizeof(open_name), "%s.open%u", base, n);
	snprintf(peek_name, sizeof(peek_name), "%s.peek%u", base, n);
	snprintf(crash_name, sizeof(crash_name), "%s.crash%u", base, n);
	snprintf(stop_name, sizeof(stop_name), "%s.stop%u", base, n);
	snprintf(other_name, sizeof(other_name), "%s.other%u", base, n);
	memset(&worker, 0, sizeof(worker));
	worker.conf = dbt_conf();
	worker.ctl = dbt_db;
	worker.work = dbt_connect();
	worker.kinds = kinds;
	worker.stop = &stop_flag;
	stop_flag = 0;
	snprintf(worker.name, sizeof(worker.name), "job-t:%ld",
	    (long)getpid());
	ck_assert_int_eq(job_worker_init(&worker), 0);
}

static void
teardown(void)
{
	db_close(worker.work);
	dbt_teardown();
}

/* Counts to params' "n", reporting progress at every step. */
static int
count_run(struct job *j)
{
	json_t *p = json_loads(j->params, 0, NULL);
	int n = (int)json_integer_value(json_object_get(p, "n"));
	char result[64];

	json_decref(p);
	for (int i = 1; i <= n; i++)
		ck_assert_int_eq(job_progress(j, i, n), 0);
	snprintf(result, sizeof(result), "{\"counted\": %d}", n);
	return job_result(j, result);
}

static int
fail_run(struct job *j)
{
	job_progress(j, 1, 4);
	job_error(j, "the figures of %s do not add up", j->key);
	return TC_EINVAL;
}

/* Returns 0 with its transaction still open. */
static int
open_run(struct job *j)
{
	ck_assert_int_eq(db_begin(j->db), 0);
	return 0;
}

/* What a page saw of the job while the handler's transaction was
 * open. */
static struct job_info seen;

static int
peek_run(struct job *j)
{
	struct db *page = dbt_connect();

	ck_assert_int_eq(db_begin(j->db), 0);
	ck_assert_int_eq(job_progress(j, 1, 3), 0);
	/* A sweep (by any worker) spares a job whose worker is alive. */
	ck_assert_int_eq(job_worker_sweep(&worker, NULL), 0);
	ck_assert_int_eq(job_find(page, j->id, &seen), 0);
	db_close(page);
	return db_commit(j->db);
}

static int
crash_run(struct job *j)
{
	(void)j;
	_exit(3);       /* as a segfault would: no cleanup */
}

/* The first time, its worker is asked to stop while it runs: it gives
 * up, to be run again. */
static int
stop_run(struct job *j)
{
	static int runs;

	if (runs++ == 0)
		stop_flag = 1;
	return job_stopping(j) ? TC_EIO : 0;
}

static int64_t
enqueue(const char *kind, const char *key, const char *params)
{
	int64_t id = 0;

	ck_assert_int_eq(job_enqueue(dbt_db, kind, key, params, "jobtester",
	    &id), 0);
	ck_assert_int_gt(id, 0);
	return id;
}

static int64_t
run_one(void)
{
	int64_t id = -1;

	ck_assert_int_eq(job_worker_run_one(&worker, &id), 0);
	return id;
}

static struct dbres *
row_of(int64_t id)
{
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &test_db, STMT_ROW,
	    DB_ARGS(P_INT(id)), &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 1);
	return r;
}

START_TEST(queued_job_runs_to_done_with_result_and_progress)
{
	int64_t id = enqueue(count_name, "2026-07", "{\"n\": 7}");
	struct job_info j;
	struct dbres *r;

	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_QUEUED);
	ck_assert_str_eq(j.who, "jobtester");
	ck_assert_str_eq(j.kind, count_name);
	ck_assert_str_eq(j.key, "2026-07");
	ck_assert_int_eq(j.percent, -1);
	ck_assert_ptr_null(j.result);
	job_info_clear(&j);

	ck_assert_int_eq(run_one(), id);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_DONE);
	ck_assert_int_eq(j.done, 7);
	ck_assert_int_eq(j.total, 7);
	ck_assert_int_eq(j.percent, 100);
	ck_assert_str_eq(j.result, "{\"counted\": 7}");
	ck_assert_ptr_null(j.error);
	job_info_clear(&j);
	r = row_of(id);
	ck_assert(dbres_null(r, 0, 1));          /* active_key freed */
	ck_assert_str_eq(dbres_text(r, 0, 2), worker.name);
	ck_assert_int_eq(dbres_int(r, 0, 3), 1);
	dbres_free(r);
	/* Nothing else of these kinds is queued. */
	ck_assert_int_eq(run_one(), 0);
}
END_TEST

START_TEST(second_run_of_a_kind_and_key_refused_until_the_first_ends)
{
	int64_t first = enqueue(count_name, "2026-08", "{\"n\": 1}"), id = 0;

	ck_assert_int_eq(job_enqueue(dbt_db, count_name, "2026-08",
	    "{\"n\": 2}", "someone", &id), TC_ECONFLICT);
	ck_assert_int_eq(id, 0);
	/* Another key, or another kind with the same key, is free. */
	enqueue(count_name, "2026-09", "{\"n\": 1}");
	enqueue(fail_name, "2026-08", NULL);
	ck_assert_int_eq(run_one(), first);
	enqueue(count_name, "2026-08", "{\"n\": 3}");
}
END_TEST

START_TEST(bad_kind_or_params_are_refused)
{
	int64_t id = 0;
	char long_key[200];

	ck_assert_int_eq(job_enqueue(dbt_db, "", "", NULL, "x", &id),
	    TC_EINVAL);
	ck_assert_int_eq(job_enqueue(dbt_db, "a,b", "", NULL, "x", &id),
	    TC_EINVAL);
	ck_assert_int_eq(job_enqueue(dbt_db, count_name, "", "[1, 2]", "x",
	    &id), TC_EINVAL);
	ck_assert_int_eq(job_enqueue(dbt_db, count_name, "", "{\"n\": ", "x",
	    &id), TC_EINVAL);
	memset(long_key, 'k', sizeof(long_key) - 1);
	long_key[sizeof(long_key) - 1] = '\0';
	ck_assert_int_eq(job_enqueue(dbt_db, count_name, long_key, NULL, "x",
	    &id), TC_EINVAL);
	ck_assert_int_eq(id, 0);
	ck_assert_int_eq(job_find(dbt_db, 0, &(struct job_info){ 0 }),
	    TC_ENOTFOUND);
}
END_TEST

START_TEST(failing_handler_is_stored_and_the_worker_goes_on)
{
	int64_t bad = enqueue(fail_name, "2026-10", NULL);
	int64_t good = enqueue(count_name, "2026-10", "{\"n\": 2}");
	struct job_info j;

	ck_assert_int_eq(run_one(), bad);
	ck_assert_int_eq(run_one(), good);
	ck_assert_int_eq(job_find(dbt_db, bad, &j), 0);
	ck_assert_int_eq(j.state, JOB_FAILED);
	ck_assert_str_eq(j.error, "the figures of 2026-10 do not add up");
	ck_assert_ptr_null(j.result);
	ck_assert_int_eq(j.done, 1);
	ck_assert_int_eq(j.total, 4);
	job_info_clear(&j);
	ck_assert_int_eq(job_find(dbt_db, good, &j), 0);
	ck_assert_int_eq(j.state, JOB_DONE);
	job_info_clear(&j);
	/* Failed is over: the key is free again. */
	enqueue(fail_name, "2026-10", NULL);
}
END_TEST

START_TEST(handler_leaving_a_transaction_open_fails)
{
	int64_t id = enqueue(open_name, "", NULL);
	struct job_info j;

	ck_assert_int_eq(run_one(), id);
	ck_assert(!db_in_transaction(worker.work));
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_FAILED);
	ck_assert_msg(strstr(j.error, "transaction open") != NULL, "error: %s",
	    j.error);
	job_info_clear(&j);
}
END_TEST

START_TEST(progress_is_seen_at_once_and_a_live_job_is_not_swept)
{
	int64_t id = enqueue(peek_name, "", NULL);

	ck_assert_int_eq(run_one(), id);
	ck_assert_int_eq(seen.id, id);
	ck_assert_int_eq(seen.state, JOB_RUNNING);
	ck_assert_int_eq(seen.done, 1);
	ck_assert_int_eq(seen.total, 3);
	ck_assert_int_eq(seen.percent, 33);
	job_info_clear(&seen);
}
END_TEST

START_TEST(a_job_row_locked_by_another_worker_is_skipped_not_waited_for)
{
	int64_t first = enqueue(count_name, "a", "{\"n\": 1}");
	int64_t second = enqueue(count_name, "b", "{\"n\": 1}");
	struct db *other = dbt_connect();
	struct dbres *r;

	/* Another worker in the middle of taking the first job. */
	ck_assert_int_eq(db_begin(other), 0);
	ck_assert_int_eq(db_query(other, &test_db, STMT_LOCK_ROW,
	    DB_ARGS(P_INT(first)), &r), 0);
	dbres_free(r);
	/* Without SKIP LOCKED this waits for the lock (50 s) and times
	 * out. */
	ck_assert_int_eq(run_one(), second);
	ck_assert_int_eq(db_rollback(other), 0);
	db_close(other);
	ck_assert_int_eq(run_one(), first);
}
END_TEST

START_TEST(jobs_of_kinds_the_worker_does_not_run_stay_queued)
{
	int64_t id = enqueue(other_name, "", NULL);
	struct job_info j;

	ck_assert_int_eq(run_one(), 0);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_QUEUED);
	job_info_clear(&j);
}
END_TEST

START_TEST(a_stopped_worker_queues_its_job_again)
{
	int64_t id = enqueue(stop_name, "2026-11", NULL);
	struct job_info j;
	struct dbres *r;

	ck_assert_int_eq(run_one(), id);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_QUEUED);
	job_info_clear(&j);
	r = row_of(id);
	ck_assert_str_eq(dbres_text(r, 0, 1), "2026-11");  /* still held */
	ck_assert(dbres_null(r, 0, 2));
	dbres_free(r);
	ck_assert_int_eq(job_enqueue(dbt_db, stop_name, "2026-11", NULL, "x",
	    NULL), TC_ECONFLICT);
	/* The next worker (not asked to stop) runs it. */
	stop_flag = 0;
	ck_assert_int_eq(run_one(), id);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_DONE);
	job_info_clear(&j);
	r = row_of(id);
	ck_assert_int_eq(dbres_int(r, 0, 3), 2);
	dbres_free(r);
}
END_TEST

START_TEST(a_job_whose_worker_died_is_failed_by_the_next_sweep)
{
	int64_t id = enqueue(crash_name, "2026-12", NULL);
	struct job_info j;
	uint64_t swept = 0;
	int status;
	pid_t pid;

	/* A worker process that dies in the handler. */
	if ((pid = fork()) == 0) {
		struct job_worker w = worker;

		w.ctl = dbt_connect();
		w.work = dbt_connect();
		snprintf(w.name, sizeof(w.name), "job-t-child:%ld",
		    (long)getpid());
		job_worker_run_one(&w, &(int64_t){ 0 });
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_RUNNING);
	job_info_clear(&j);
	/* The server frees the dead worker's lock once it sees the
	 * connection closed: sweep until then (at most 5 s). */
	for (int i = 0; i < 50 && swept == 0; i++) {
		ck_assert_int_eq(job_worker_sweep(&worker, &swept), 0);
		if (swept == 0)
			usleep(100 * 1000);
	}
	ck_assert_uint_ge(swept, 1);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_FAILED);
	ck_assert_msg(strstr(j.error, "worker running it stopped") != NULL,
	    "error: %s", j.error);
	job_info_clear(&j);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("job");
	TCase *t = tcase_create("jobs");
	SRunner *sr;

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 30);
	tcase_add_test(t, queued_job_runs_to_done_with_result_and_progress);
	tcase_add_test(t,
	    second_run_of_a_kind_and_key_refused_until_the_first_ends);
	tcase_add_test(t, bad_kind_or_params_are_refused);
	tcase_add_test(t, failing_handler_is_stored_and_the_worker_goes_on);
	tcase_add_test(t, handler_leaving_a_transaction_open_fails);
	tcase_add_test(t, progress_is_seen_at_once_and_a_live_job_is_not_swept);
	tcase_add_test(t,
	    a_job_row_locked_by_another_worker_is_skipped_not_waited_for);
	tcase_add_test(t, jobs_of_kinds_the_worker_does_not_run_stay_queued);
	tcase_add_test(t, a_stopped_worker_queues_its_job_again);
	tcase_add_test(t, a_job_whose_worker_died_is_failed_by_the_next_sweep);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
