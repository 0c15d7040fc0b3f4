/* db-lost-t: losing the database in the middle of a query, and regaining
 * it.  The connection is killed from a second connection while a SLEEP
 * runs, and the server is stopped and started again (./dev service); run
 * under AddressSanitizer by ./dev test, so a statement handle used after
 * the connection closed it is a failure. */
#include "config.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/db.h"
#include "core/error.h"
#include "tests/db/harness.h"

enum stmt {
	STMT_SLEEP,
	STMT_ONE,
	STMT_KILL,
	STMT_ALIVE,
	STMT_SLOW_ROWS,
	STMT_LIMIT,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_SLEEP] = "SELECT SLEEP(?), CONNECTION_ID()",
	[STMT_ONE] = "SELECT 1",
	[STMT_KILL] = "KILL CONNECTION ?",
	[STMT_ALIVE] = "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
	    "WHERE ID = ?",
	/* The first row is big enough (64 KiB) that the server sends it,
	 * and so the result's metadata, before the second row sleeps: the
	 * statement has run and its rows are being read when the
	 * connection is lost. */
	[STMT_SLOW_ROWS] = "SELECT n, IF(n = 1, REPEAT('x', 65536), ''),"
	    " SLEEP(IF(n = 2, ?, 0)), CONNECTION_ID()"
	    " FROM (SELECT 1 AS n UNION ALL SELECT 2) AS t ORDER BY n",
	[STMT_LIMIT] = "SELECT @@max_statement_time",
};

static struct db_table lost_db = DB_TABLE("db-lost", sql);

/* Kills a connection from another one, once it has been running a
 * statement for a while. */
struct killer {
	pthread_t thread;
	unsigned long victim;
	int rc;
};

static void *
killer_run(void *arg)
{
	struct killer *k = arg;
	struct timespec pause = { 0, 400 * 1000 * 1000 };
	struct db *d = dbt_connect();

	nanosleep(&pause, NULL);
	k->rc = db_exec(d, &lost_db, STMT_KILL, DB_ARGS(P_INT(k->victim)),
	    NULL, NULL);
	db_close(d);
	return NULL;
}

static void
killer_start(struct killer *k, unsigned long victim)
{
	k->victim = victim;
	k->rc = 1;
	ck_assert_int_eq(pthread_create(&k->thread, NULL, killer_run, k), 0);
}

static void
killer_join(struct killer *k)
{
	ck_assert_int_eq(pthread_join(k->thread, NULL), 0);
	ck_assert_msg(k->rc == 0, "KILL CONNECTION %lu: %s", k->victim,
	    tc_strerror(k->rc));
}

/* Whether the server still has a connection with that id. */
static bool
connection_alive(unsigned long id)
{
	struct db *d = dbt_connect();
	struct dbres *r;
	bool alive;

	ck_assert_int_eq(db_query(d, &lost_db, STMT_ALIVE, DB_ARGS(P_INT(id)),
	    &r), 0);
	alive = dbres_int(r, 0, 0) > 0;
	dbres_free(r);
	db_close(d);
	return alive;
}

START_TEST(query_killed_midway_is_retried_once_on_a_new_connection)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct killer k;
	struct dbres *r = NULL;
	int rc;

	/* Warm up: the statement is prepared on the first connection. */
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_SLEEP,
	    DB_ARGS(P_INT(0)), &r), 0);
	dbres_free(r);
	killer_start(&k, first);
	rc = db_query(dbt_db, &lost_db, STMT_SLEEP, DB_ARGS(P_INT(2)), &r);
	killer_join(&k);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(dbres_rows(r), 1);
	/* The answer came from the retry: a new connection, and a full
	 * SLEEP (0), while the first connection is gone. */
	ck_assert_str_eq(dbres_text(r, 0, 0), "0");
	ck_assert_uint_ne((unsigned long)dbres_int(r, 0, 1), first);
	ck_assert_uint_eq((unsigned long)dbres_int(r, 0, 1),
	    dbt_connection_id(dbt_db));
	ck_assert(!connection_alive(first));
	dbres_free(r);
}
END_TEST

START_TEST(connection_killed_while_rows_are_read_is_retried_once)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct killer k;
	struct dbres *r = NULL;
	int rc;

	killer_start(&k, first);
	rc = db_query(dbt_db, &lost_db, STMT_SLOW_ROWS, DB_ARGS(P_INT(2)), &r);
	killer_join(&k);
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(dbres_rows(r), 2);
	ck_assert_uint_eq(strlen(dbres_text(r, 0, 1)), 65536);
	ck_assert_uint_ne((unsigned long)dbres_int(r, 1, 3), first);
	ck_assert(!connection_alive(first));
	dbres_free(r);
}
END_TEST

/* Counts the rows db_each hands over. */
static int
count_row(void *ctx, const struct dbrow *row)
{
	(void)row;
	++*(int *)ctx;
	return 0;
}

START_TEST(rows_streamed_when_the_connection_is_lost_are_an_error)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct killer k;
	int rows = 0, rc;

	killer_start(&k, first);
	rc = db_each(dbt_db, &lost_db, STMT_SLOW_ROWS, DB_ARGS(P_INT(2)),
	    count_row, &rows);
	killer_join(&k);
	/* The first row went out (to a download, say): not run again. */
	ck_assert_int_eq(rc, TC_EDB);
	ck_assert_int_eq(rows, 1);
	ck_assert_ptr_null(db_handle(dbt_db));
	rows = 0;
	ck_assert_int_eq(db_each(dbt_db, &lost_db, STMT_SLOW_ROWS,
	    DB_ARGS(P_INT(0)), count_row, &rows), 0);
	ck_assert_int_eq(rows, 2);
}
END_TEST

START_TEST(statement_on_a_connection_killed_while_idle_reconnects)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct db *other = dbt_connect();
	struct dbres *r = NULL;
	uint64_t affected = 99;

	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    0);
	dbres_free(r);
	ck_assert_int_eq(db_exec(other, &lost_db, STMT_KILL,
	    DB_ARGS(P_INT(first)), NULL, NULL), 0);
	db_close(other);
	/* Both kinds of call find the connection gone, and go on. */
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "1");
	dbres_free(r);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
	first = dbt_connection_id(dbt_db);
	other = dbt_connect();
	ck_assert_int_eq(db_exec(other, &lost_db, STMT_KILL,
	    DB_ARGS(P_INT(first)), NULL, NULL), 0);
	db_close(other);
	ck_assert_int_eq(db_exec(dbt_db, &lost_db, STMT_ONE, DB_NOARGS,
	    &affected, NULL), 0);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
}
END_TEST

START_TEST(write_killed_midway_is_not_run_again)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct killer k;
	int rc;

	killer_start(&k, first);
	/* db_exec: for all it knows a write, which may have been done. */
	rc = db_exec(dbt_db, &lost_db, STMT_SLEEP, DB_ARGS(P_INT(2)), NULL,
	    NULL);
	killer_join(&k);
	ck_assert_int_eq(rc, TC_EDB);
	/* Not run again: no new connection was made for it. */
	ck_assert_ptr_null(db_handle(dbt_db));
	ck_assert(!connection_alive(first));
	ck_assert_int_eq(db_exec(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, NULL,
	    NULL), 0);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
}
END_TEST

START_TEST(connection_lost_inside_a_transaction_is_an_error_until_ended)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct killer k;
	struct dbres *r = NULL;

	ck_assert_int_eq(db_begin(dbt_db), 0);
	killer_start(&k, first);
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_SLEEP,
	    DB_ARGS(P_INT(2)), &r), TC_EDB);
	killer_join(&k);
	ck_assert_ptr_null(r);
	/* The caller's transaction is lost: nothing more runs in it, and
	 * nothing runs outside it behind the caller's back. */
	ck_assert(db_in_transaction(dbt_db));
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    TC_EDB);
	ck_assert_int_eq(db_exec(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, NULL,
	    NULL), TC_EDB);
	ck_assert_ptr_null(db_handle(dbt_db));
	/* A commit cannot save it, and ends it; so does a rollback. */
	ck_assert_int_eq(db_commit(dbt_db), TC_EDB);
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(db_rollback(dbt_db), 0);
	ck_assert(!db_in_transaction(dbt_db));
	/* The next statement reconnects. */
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "1");
	dbres_free(r);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
}
END_TEST

/* Stops the stack's MariaDB while a query runs. */
static void *
stopper_run(void *arg)
{
	struct timespec pause = { 0, 400 * 1000 * 1000 };

	nanosleep(&pause, NULL);
	*(int *)arg = dbt_service("stop", "mariadb");
	return NULL;
}

START_TEST(server_stopped_midway_is_an_error_then_regained)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct dbres *r = NULL;
	pthread_t stopper;
	int stopped = -1, rc;

	ck_assert_int_eq(pthread_create(&stopper, NULL, stopper_run,
	    &stopped), 0);
	rc = db_query(dbt_db, &lost_db, STMT_SLEEP, DB_ARGS(P_INT(5)), &r);
	ck_assert_int_eq(pthread_join(stopper, NULL), 0);
	ck_assert_int_eq(stopped, 0);
	ck_assert_int_eq(rc, TC_EDB);
	ck_assert_ptr_null(r);
	/* While it is down, every call fails, none crashes. */
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    TC_EDB);
	ck_assert_int_eq(db_exec(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, NULL,
	    NULL), TC_EDB);
	ck_assert_int_eq(db_begin(dbt_db), TC_EDB);
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(db_ping(dbt_db), TC_EDB);

	ck_assert_int_eq(dbt_service("start", "mariadb"), 0);
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "1");
	dbres_free(r);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
	ck_assert_int_eq(db_ping(dbt_db), 0);
}
END_TEST

START_TEST(a_page_query_waited_out_is_an_error_and_not_run_again)
{
	unsigned long first = dbt_connection_id(dbt_db);
	struct dbres *r = NULL;

	/* Longer than a page's connection waits (5 s): given up, and not
	 * run a second time while the server may still run the first. */
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_SLEEP,
	    DB_ARGS(P_INT(7)), &r), TC_EDB);
	ck_assert_ptr_null(r);
	ck_assert_ptr_null(db_handle(dbt_db));
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_ONE, DB_NOARGS, &r),
	    0);
	dbres_free(r);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), first);
}
END_TEST

START_TEST(an_unlimited_connection_waits_for_long_statements)
{
	unsigned long id;
	struct dbres *r = NULL;

	db_set_unlimited(dbt_db);
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_SLEEP,
	    DB_ARGS(P_INT(7)), &r), 0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "0");
	dbres_free(r);
	/* Still so on the next connection. */
	id = dbt_connection_id(dbt_db);
	{
		struct db *other = dbt_connect();

		ck_assert_int_eq(db_exec(other, &lost_db, STMT_KILL,
		    DB_ARGS(P_INT(id)), NULL, NULL), 0);
		db_close(other);
	}
	ck_assert_int_eq(db_query(dbt_db, &lost_db, STMT_LIMIT, DB_NOARGS,
	    &r), 0);
	ck_assert_uint_ne(dbt_connection_id(dbt_db), id);
	ck_assert_int_eq(dbres_int(r, 0, 0), 0);
	dbres_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db-lost");
	TCase *kill = tcase_create("kill"), *stop = tcase_create("stop");
	TCase *wait = tcase_create("wait");
	SRunner *sr;

	tcase_add_checked_fixture(kill, dbt_setup, dbt_teardown);
	tcase_add_test(kill,
	    query_killed_midway_is_retried_once_on_a_new_connection);
	tcase_add_test(kill,
	    connection_killed_while_rows_are_read_is_retried_once);
	tcase_add_test(kill,
	    rows_streamed_when_the_connection_is_lost_are_an_error);
	tcase_add_test(kill,
	    statement_on_a_connection_killed_while_idle_reconnects);
	tcase_add_test(kill, write_killed_midway_is_not_run_again);
	tcase_add_test(kill,
	    connection_lost_inside_a_transaction_is_an_error_until_ended);
	tcase_add_checked_fixture(stop, dbt_setup, dbt_teardown);
	tcase_set_timeout(stop, 60);
	tcase_add_test(stop, server_stopped_midway_is_an_error_then_regained);
	tcase_add_checked_fixture(wait, dbt_setup, dbt_teardown);
	tcase_set_timeout(wait, 30);
	tcase_add_test(wait,
	    a_page_query_waited_out_is_an_error_and_not_run_again);
	tcase_add_test(wait, an_unlimited_connection_waits_for_long_statements);
	suite_add_tcase(s, kill);
	suite_add_tcase(s, wait);
	suite_add_tcase(s, stop);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
