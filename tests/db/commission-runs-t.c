/* commission-runs-t: calculation runs as background jobs (commission.run)
 * against the real MariaDB: queued for a period by finance, taken by a
 * job worker, run with its progress and a result naming the run; a
 * second run of the same period (or of every open period) refused with
 * "a run is in progress" while the first is queued; a closed period's
 * job failing with the reason; each run's rep results kept, so a later
 * run is compared with it; and the period's multiplier as the engine
 * decides it (attainment compared exactly, not as rounded).
 *
 * Each test works on a company of its own: temporary tables of the same
 * names hide every table a run reads or writes (and the jobs table), on
 * both the worker's connections, so neither the stack's job worker nor
 * its demo data ever see them. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commission/jobs.h"
#include "commission/plans.h"
#include "core/error.h"
#include "core/job-worker.h"
#include "core/period.h"
#include "tests/db/harness.h"

static const char *const shadowed[] = {
	"people", "product_types", "regions", "channels", "products",
	"customers", "orders", "order_reps", "order_lines", "payments",
	"plan_versions", "plan_rules", "plan_bands", "plan_steps", "targets",
	"periods", "period_events", "calc_runs", "calc_run_warnings",
	"calc_run_reps", "commission_summaries", "commission_lines", "audit",
	"jobs",
};

static const struct job_kind *const kinds[] = { &commission_job_run, NULL };
static volatile sig_atomic_t stop_flag;
static struct job_worker worker;
static struct db *work;     /* the worker's handler connection */

static const struct actor finance = { "sunli", "127.0.0.1" };
static const struct plan_company months = { TC_PERIOD_MONTH, "CNY" };

/* Hides table on d behind an empty copy of it. */
static void
shadow(struct db *d, const char *table)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE %s_shadow LIKE %s",
	    table, table);
	dbt_sql(d, sql);
	snprintf(sql, sizeof(sql), "ALTER TABLE %s_shadow RENAME TO %s", table,
	    table);
	dbt_sql(d, sql);
}

/* Two reps with a target of 10,000.00 in 2026-03: ann sells 9,999.60
 * (attainment 99.996%, printed 100.00, which reaches no accelerator),
 * bob 20,000.00 (200%: the multiplier 1.5). */
static void
company(struct db *d)
{
	static const char plan[] =
	    "{\"plan\": \"runs-t\", \"currency\": \"CNY\", \"period\": \"month\","
	    " \"effective_from\": \"2026-01-01\","
	    " \"rules\": [{\"id\": \"all\", \"base\": \"amount\","
	    " \"rate\": \"5%\"}],"
	    " \"accelerators\": [{\"attainment\": \"100%\","
	    " \"multiplier\": \"1.5\"}]}";
	static const char *const rows[] = {
	    "INSERT INTO people (id, login, dn, name, team, manager_login)"
	    " VALUES (1, 'ann', 'uid=ann', 'Ann', 'east', 'chen'),"
	    " (2, 'bob', 'uid=bob', 'Bob', 'north', 'yang')",
	    "INSERT INTO product_types (id, code, name_zh, name_en)"
	    " VALUES (1, 'hardware', '硬件', 'Hardware')",
	    "INSERT INTO regions (id, code, name_zh, name_en)"
	    " VALUES (1, 'east', '华东', 'East')",
	    "INSERT INTO channels (id, code, name_zh, name_en)"
	    " VALUES (1, 'direct', '直销', 'Direct')",
	    "INSERT INTO products (id, code, name_zh, name_en, product_type_id,"
	    " list_price, standard_cost) VALUES (1, 'P-1', '服务器', 'Server',"
	    " 1, 100, 50)",
	    "INSERT INTO customers (id, code, name, region_id, channel_id,"
	    " owner_id) VALUES (1, 'C-1', 'Acme', 1, 1, 1)",
	    "INSERT INTO orders (id, order_no, customer_id, order_date,"
	    " region_id, channel_id, created_by) VALUES"
	    " (1, 'O-1', 1, '2026-03-05', 1, 1, 1),"
	    " (2, 'O-2', 1, '2026-03-10', 1, 1, 2)",
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (1, 1, 100), (2, 2, 100)",
	    "INSERT INTO order_lines (id, order_id, line_no, product_id,"
	    " quantity, unit_price, amount, cost) VALUES"
	    " (1, 1, 1, 1, 1, 9999.60, 9999.60, 0),"
	    " (2, 2, 1, 1, 2, 10000, 20000, 0)",
	    "INSERT INTO targets (person_id, period, kind, first_day, amount,"
	    " updated_by) VALUES (1, '2026-03', 'month', '2026-03-01', 10000,"
	    " 't'), (2, '2026-03', 'month', '2026-03-01', 10000, 't')",
	};
	struct tce_version *v = NULL;
	struct plan_why why = { 0 };
	struct tce_diag err;
	int64_t id = 0;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		dbt_sql(d, rows[i]);
	ck_assert_int_eq(plan_parse(plan, strlen(plan), &months, &v, &err), 0);
	ck_assert_int_eq(plan_save(d, v, "proposed", &finance, &id, &why), 0);
	ck_assert_int_eq(plan_activate(d, id, &months, 20260315, &finance,
	    "runs-t", &why), 0);
	tce_version_free(v);
}

static void
setup(void)
{
	dbt_setup();
	work = dbt_connect();
	for (size_t i = 0; i < sizeof(shadowed) / sizeof(shadowed[0]); i++) {
		shadow(dbt_db, shadowed[i]);
		shadow(work, shadowed[i]);
	}
	company(work);
	memset(&worker, 0, sizeof(worker));
	worker.conf = dbt_conf();
	worker.ctl = dbt_db;        /* the shadowed jobs table */
	worker.work = work;         /* the shadowed company */
	worker.kinds = kinds;
	worker.stop = &stop_flag;
	stop_flag = 0;
	snprintf(worker.name, sizeof(worker.name), "commission-runs-t:%ld",
	    (long)getpid());
	ck_assert_int_eq(job_worker_init(&worker), 0);
}

static void
teardown(void)
{
	db_close(work);
	dbt_teardown();
}

/* The first column of the first row of sql on d, as text ("" for NULL,
 * "-" for no row). */
static const char *
one(struct db *d, const char *sql)
{
	static char buf[2048];
	struct dbres *r = NULL;

	ck_assert_int_eq(db_query_text(d, "commission-runs-t", sql, NULL, 0,
	    &r), 0);
	snprintf(buf, sizeof(buf), "%s", dbres_rows(r) == 0 ? "-" :
	    dbres_null(r, 0, 0) ? "" : dbres_text(r, 0, 0));
	dbres_free(r);
	return buf;
}

static int64_t
enqueue(const char *label)
{
	struct period_why why;
	int64_t id = 0;

	ck_assert_int_eq(commission_run_enqueue(dbt_db, label, "sunli", &id,
	    &why), 0);
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

START_TEST(a_queued_run_stores_the_period_with_progress_and_result)
{
	int64_t id = enqueue("2026-03");
	struct job_info j;

	ck_assert_int_eq(run_one(), id);
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_msg(j.state == JOB_DONE, "job %s: %s", job_state_name(j.state),
	    j.error != NULL ? j.error : "");
	/* the inputs read, then the one period stored */
	ck_assert_int_eq(j.done, 2);
	ck_assert_int_eq(j.total, 2);
	ck_assert_ptr_nonnull(strstr(j.result, "\"periods\":\"2026-03\""));
	ck_assert_ptr_nonnull(strstr(j.result, "\"total\":\"1,999.98\""));
	job_info_clear(&j);
	ck_assert_str_eq(one(work, "SELECT CONCAT(state, ' ', started_by, ' ',"
	    " reps, ' ', line_count, ' ', commission) FROM calc_runs"),
	    "done sunli 2 2 1999.98");
	ck_assert_str_eq(one(work, "SELECT COUNT(*) FROM audit"
	    " WHERE action = 'calc.run' AND actor = 'sunli'"), "1");
}
END_TEST

START_TEST(the_multiplier_is_reached_by_exact_attainment_not_the_rounded_one)
{
	enqueue("2026-03");
	run_one();
	/* ann: 99.996% is printed 100.00 but reaches no accelerator */
	ck_assert_str_eq(one(work, "SELECT GROUP_CONCAT(CONCAT(p.login, ' ',"
	    " s.attainment, ' ', s.multiplier, ' ', s.commission) ORDER BY"
	    " p.login SEPARATOR '; ') FROM commission_summaries s JOIN people p"
	    " ON p.id = s.person_id"),
	    "ann 100.00 1.0000 499.98; bob 200.00 1.5000 1500.00");
	ck_assert_str_eq(one(work, "SELECT GROUP_CONCAT(CONCAT(person_id, ' ',"
	    " multiplier, ' ', total, ' ', line_count) ORDER BY person_id"
	    " SEPARATOR '; ') FROM calc_run_reps"),
	    "1 1.0000 499.98 1; 2 1.5000 1500.00 1");
}
END_TEST

START_TEST(a_second_run_of_the_period_is_refused_while_the_first_is_queued)
{
	struct period_why why;
	int64_t id = 0;

	enqueue("2026-03");
	ck_assert_int_eq(commission_run_enqueue(dbt_db, "2026-03", "zhouhang",
	    &id, &why), TC_ECONFLICT);
	ck_assert_str_eq(why.key, "run_err_in_progress");
	ck_assert_ptr_nonnull(strstr(why.text, "a run is in progress"));
	/* every open period includes it */
	ck_assert_int_eq(commission_run_enqueue(dbt_db, NULL, "zhouhang", &id,
	    &why), TC_ECONFLICT);
	/* another period may run */
	enqueue("2026-04");
	ck_assert_str_eq(one(dbt_db, "SELECT COUNT(*) FROM jobs"), "2");
	/* once the first is over, the period may run again */
	run_one();
	run_one();
	enqueue("2026-03");
}
END_TEST

START_TEST(every_open_period_refuses_any_other_run_while_queued)
{
	struct period_why why;
	int64_t id = 0;

	enqueue(NULL);
	ck_assert_int_eq(commission_run_enqueue(dbt_db, "2026-05", "zhouhang",
	    &id, &why), TC_ECONFLICT);
	ck_assert_str_eq(why.key, "run_err_in_progress");
}
END_TEST

START_TEST(every_open_period_runs_each_one_and_lists_them)
{
	int64_t id = enqueue(NULL);
	struct job_info j;

	run_one();
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_msg(j.state == JOB_DONE, "job %s: %s", job_state_name(j.state),
	    j.error != NULL ? j.error : "");
	ck_assert_ptr_nonnull(strstr(j.result, "2026-01, 2026-02, 2026-03"));
	ck_assert_int_eq(j.done, j.total);
	ck_assert_int_gt(j.total, 3);
	job_info_clear(&j);
	ck_assert_str_eq(one(work, "SELECT COUNT(*) FROM calc_runs"
	    " WHERE state = 'done' AND period_id = (SELECT id FROM periods"
	    " WHERE label = '2026-03')"), "1");
}
END_TEST

START_TEST(a_closed_period_fails_its_run_with_the_reason)
{
	struct period_why why = { 0 };
	struct job_info j;
	int64_t id;

	ck_assert_int_eq(period_close(work, TC_PERIOD_MONTH, 20261202,
	    &finance, "2026-01", NULL, 0, &why), 0);
	id = enqueue("2026-01");
	run_one();
	ck_assert_int_eq(job_find(dbt_db, id, &j), 0);
	ck_assert_int_eq(j.state, JOB_FAILED);
	ck_assert_msg(strstr(j.error, "2026-01 is closed") != NULL, "error: %s",
	    j.error);
	job_info_clear(&j);
	ck_assert_str_eq(one(work, "SELECT COUNT(*) FROM calc_runs"), "0");
}
END_TEST

START_TEST(a_rerun_keeps_the_previous_runs_rep_results)
{
	enqueue("2026-03");
	run_one();
	dbt_sql(work, "UPDATE order_lines SET amount = 30000, unit_price = 15000"
	    " WHERE id = 2");
	enqueue("2026-03");
	run_one();
	ck_assert_str_eq(one(work, "SELECT GROUP_CONCAT(CONCAT(r.run_id, ' ',"
	    " r.total) ORDER BY r.run_id SEPARATOR '; ') FROM calc_run_reps r"
	    " WHERE r.person_id = 2"), "1 1500.00; 2 2250.00");
	/* the current results are the second run's */
	ck_assert_str_eq(one(work, "SELECT CONCAT(run_id, ' ', total) FROM"
	    " commission_summaries WHERE person_id = 2"), "2 2250.00");
}
END_TEST

static Suite *
runs_suite(void)
{
	Suite *s = suite_create("commission-runs");
	TCase *tc = tcase_create("runs");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_queued_run_stores_the_period_with_progress_and_result);
	tcase_add_test(tc, the_multiplier_is_reached_by_exact_attainment_not_the_rounded_one);
	tcase_add_test(tc, a_second_run_of_the_period_is_refused_while_the_first_is_queued);
	tcase_add_test(tc, every_open_period_refuses_any_other_run_while_queued);
	tcase_add_test(tc, every_open_period_runs_each_one_and_lists_them);
	tcase_add_test(tc, a_closed_period_fails_its_run_with_the_reason);
	tcase_add_test(tc, a_rerun_keeps_the_previous_runs_rep_results);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(runs_suite());

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
