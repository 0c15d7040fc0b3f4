/* clock-t (db): the database session runs in the business time zone, and
 * in test builds follows the test clock of the hooks folder, so that
 * NOW(), CURDATE() and DATETIME defaults agree with core/clock. */
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
#include "core/testhook.h"
#include "tests/db/harness.h"

enum stmt { S_ZONE, S_NOW, S_OFFSET, S__MAX };

static const char *const sql[S__MAX] = {
	[S_ZONE] = "SELECT @@session.time_zone AS zone",
	[S_NOW] = "SELECT CURDATE() AS today, NOW() AS now",
	[S_OFFSET] = "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())"
	    " AS shift",
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
