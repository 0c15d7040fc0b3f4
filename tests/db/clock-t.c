/* clock-t (db): the database session runs in the business time zone, and
 * in test builds follows the test clock of the hooks folder, so that
 * NOW(), CURDATE() and DATETIME defaults agree with core/clock; the
 * times the core writes itself (a person's sync and sign-in) are the
 * business clock's too. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/error.h"
#include "core/people.h"
#include "core/testhook.h"
#include "tests/db/harness.h"

enum stmt {
	S_ZONE, S_NOW, S_OFFSET, S_PERSON_TIMES, S_STAMP, S_STAMPED, S__MAX
};

static const char *const sql[S__MAX] = {
	[S_ZONE] = "SELECT @@session.time_zone AS zone",
	[S_NOW] = "SELECT CURDATE() AS today, NOW() AS now",
	[S_OFFSET] = "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())"
	    " AS shift",
	[S_PERSON_TIMES] = "SELECT DATE_FORMAT(synced_at, '%Y-%m-%d %T') AS"
	    " synced, COALESCE(DATE_FORMAT(last_login_at, '%Y-%m-%d %T'), '-')"
	    " AS signed_in FROM people WHERE login = ?",
	[S_STAMP] = "INSERT INTO clock_t_rows () VALUES ()",
	[S_STAMPED] = "SELECT DATE_FORMAT(at, '%Y-%m-%d %T') AS at,"
	    " DATE_FORMAT(at3, '%Y-%m-%d %T.%f') AS at3 FROM clock_t_rows"
	    " WHERE id = ?",
};

static struct db_table clock_db = DB_TABLE("dbt-clock", sql);

static char *
one_text(struct db *d, int idx, const char *col, char *buf, size_t len)
{
	struct dbres *r;

	ck_assert_int_eq(db_query(d, &clock_db, idx, DB_NOARGS, &r), 0);
	snprintf(buf, len, "%s", dbres_text_col(r, 0, col));
	dbres_free(r);
	return buf;
}

START_TEST(the_session_runs_in_the_business_zone)
{
	char buf[64];
	struct dbres *r;

	ck_assert_str_eq(one_text(dbt_db, S_ZONE, "zone", buf,
	    sizeof(buf)), tc_clock_zone());
	ck_assert_str_eq(tc_clock_zone(), dbt_conf()->time_zone);
	/* Asia/Shanghai is UTC+8 all year */
	ck_assert_str_eq(tc_clock_zone(), "Asia/Shanghai");
	ck_assert_int_eq(db_query(dbt_db, &clock_db, S_OFFSET, DB_NOARGS, &r),
	    0);
	ck_assert_int_eq(dbres_int_col(r, 0, "shift"), 8 * 3600);
	dbres_free(r);
}
END_TEST

START_TEST(curdate_is_the_business_date)
{
	char buf[32], want[11];

	for (int tries = 0; tries < 2; tries++) {
		tc_today_str(want);
		one_text(dbt_db, S_NOW, "today", buf, sizeof(buf));
		if (strcmp(buf, want) == 0)
			break;  /* else midnight passed between the two */
	}
	ck_assert_str_eq(buf, want);
}
END_TEST

static const char *
person_time(const char *login, const char *col, char *buf, size_t len)
{
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &clock_db, S_PERSON_TIMES,
	    DB_ARGS(P_TEXT(login)), &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 1);
	snprintf(buf, len, "%s", dbres_text_col(r, 0, col));
	dbres_free(r);
	return buf;
}

/* 18:30 UTC on 1 December is 02:30 on 2 December in Beijing: the time a
 * person was synced and signed in is written in the business zone, the
 * zone of every other time the pages show (admin's people page). */
START_TEST(a_person_synced_and_signed_in_is_dated_by_the_business_clock)
{
	char login[64], dn[160], buf[32];
	struct dir_person p = { 0 };

	dbt_unique(login, sizeof(login), "clk");
	snprintf(dn, sizeof(dn), "uid=%s" DBT_PEOPLE_OU, login);
	p.dn = dn;
	p.login = login;
	p.name = login;
	p.email = "";
	p.department = "";
	p.team = "";
	p.employee_no = "";
	tc_clock_hold(tc_instant(20261202, 2, 30, 0));
	ck_assert_int_eq(people_upsert(dbt_db, &p, false, NULL), 0);
	ck_assert_str_eq(person_time(login, "synced", buf, sizeof(buf)),
	    "2026-12-02 02:30:00");
	ck_assert_str_eq(person_time(login, "signed_in", buf, sizeof(buf)),
	    "-");
	tc_clock_hold(tc_instant(20261202, 9, 15, 0));
	ck_assert_int_eq(people_upsert(dbt_db, &p, true, NULL), 0);
	tc_clock_hold(0);
	ck_assert_str_eq(person_time(login, "synced", buf, sizeof(buf)),
	    "2026-12-02 09:15:00");
	ck_assert_str_eq(person_time(login, "signed_in", buf, sizeof(buf)),
	    "2026-12-02 09:15:00");
}
END_TEST

/* While a command holds the clock (the demo seeder), NOW(), a DEFAULT
 * CURRENT_TIMESTAMP column and CURRENT_TIMESTAMP(3) are the held
 * instant in the business zone; once it lets go, the server's clock. */
START_TEST(defaults_and_now_follow_the_held_clock)
{
	char buf[40];
	struct dbres *r;
	uint64_t id = 0;
	int64_t skew;

	dbt_sql(dbt_db, "CREATE TEMPORARY TABLE clock_t_rows (id INT"
	    " AUTO_INCREMENT PRIMARY KEY, at DATETIME NOT NULL DEFAULT"
	    " CURRENT_TIMESTAMP, at3 DATETIME(3) NOT NULL DEFAULT"
	    " CURRENT_TIMESTAMP(3))");
	/* 02:00 on 2 December in Beijing is 18:00 UTC the day before */
	tc_clock_hold(tc_instant(20261202, 2, 0, 0));
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "now", buf, sizeof(buf)),
	    "2026-12-02 02:00:00");
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "today", buf, sizeof(buf)),
	    "2026-12-02");
	ck_assert_int_eq(db_exec(dbt_db, &clock_db, S_STAMP, DB_NOARGS, NULL,
	    &id), 0);
	ck_assert_int_eq(db_query(dbt_db, &clock_db, S_STAMPED,
	    DB_ARGS(P_INT((int64_t)id)), &r), 0);
	ck_assert_str_eq(dbres_text_col(r, 0, "at"), "2026-12-02 02:00:00");
	ck_assert_str_eq(dbres_text_col(r, 0, "at3"),
	    "2026-12-02 02:00:00.000000");
	dbres_free(r);
	tc_clock_hold(tc_instant(20270101, 0, 0, 1));
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "now", buf, sizeof(buf)),
	    "2027-01-01 00:00:01");
	tc_clock_hold(0);
	ck_assert_int_eq(db_query_text(dbt_db, "clock",
	    "SELECT UNIX_TIMESTAMP() AS t", DB_NOARGS, &r), 0);
	skew = dbres_int_col(r, 0, "t") - tc_now();
	dbres_free(r);
	ck_assert_int_le(skew < 0 ? -skew : skew, 60);
}
END_TEST

#ifdef TC_TEST_HOOKS
static void
write_clock(const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	ck_assert_ptr_nonnull(tc_hook_dir());
	snprintf(path, sizeof(path), "%s/clock", tc_hook_dir());
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
remove_clock(void)
{
	char path[PATH_MAX];

	if (tc_hook_dir() == NULL)
		return;
	snprintf(path, sizeof(path), "%s/clock", tc_hook_dir());
	unlink(path);
}

START_TEST(the_session_follows_the_test_clock_and_lets_it_go)
{
	char buf[32];
	struct dbres *r;
	int64_t skew;

	/* 18:00 UTC on 1 December is 02:00 on 2 December in Beijing */
	write_clock("2026-12-01T18:00:00Z\n");
	db_sync_clock(dbt_db);
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "today", buf, sizeof(buf)),
	    "2026-12-02");
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "now", buf, sizeof(buf)),
	    "2026-12-02 02:00:00");
	ck_assert_int_eq(tc_today(), 20261202);
	/* the test moves the clock of a running worker */
	write_clock("2027-01-31T16:30:00Z");
	db_sync_clock(dbt_db);
	ck_assert_str_eq(one_text(dbt_db, S_NOW, "now", buf, sizeof(buf)),
	    "2027-02-01 00:30:00");
	/* gone: back to the server's clock */
	remove_clock();
	db_sync_clock(dbt_db);
	ck_assert_int_eq(db_query_text(dbt_db, "clock",
	    "SELECT UNIX_TIMESTAMP() AS t", DB_NOARGS, &r), 0);
	skew = dbres_int_col(r, 0, "t") - (int64_t)time(NULL);
	dbres_free(r);
	ck_assert_int_le(skew < 0 ? -skew : skew, 60);
}
END_TEST

START_TEST(a_new_connection_starts_on_the_test_clock)
{
	struct db *d;
	char buf[32];

	write_clock("2026-06-30T16:00:00Z");
	d = dbt_connect();
	ck_assert_str_eq(one_text(d, S_NOW, "now", buf, sizeof(buf)),
	    "2026-07-01 00:00:00");
	db_close(d);
	remove_clock();
}
END_TEST
#endif

int
main(void)
{
	Suite *s = suite_create("db-clock");
	TCase *tc = tcase_create("db-clock");
	SRunner *sr;

	tcase_add_checked_fixture(tc, dbt_setup, dbt_teardown);
	tcase_add_test(tc, the_session_runs_in_the_business_zone);
	tcase_add_test(tc, curdate_is_the_business_date);
	tcase_add_test(tc,
	    a_person_synced_and_signed_in_is_dated_by_the_business_clock);
	tcase_add_test(tc, defaults_and_now_follow_the_held_clock);
#ifdef TC_TEST_HOOKS
	tcase_add_checked_fixture(tc, NULL, remove_clock);
	tcase_add_test(tc, the_session_follows_the_test_clock_and_lets_it_go);
	tcase_add_test(tc, a_new_connection_starts_on_the_test_clock);
#endif
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
