/* clock-t: today and now in the business time zone, whatever the zone of
 * the machine; the zone from [site] timezone; the test clock of the hooks
 * folder. */
#include "config.h"

#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/conf.h"
#include "core/error.h"
#include "core/testhook.h"

/* 2026-12-01 18:00:00 UTC is 2026-12-02 02:00 in Beijing. */
#define BEIJING_2AM 1796148000

static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	    .tm_hour = h, .tm_min = mi };

	return (int64_t)timegm(&tm);
}

static void
shanghai(void)
{
	ck_assert_int_eq(tc_clock_set_zone("Asia/Shanghai"), 0);
}

START_TEST(the_default_zone_is_beijing)
{
	ck_assert_str_eq(tc_clock_zone(), "Asia/Shanghai");
	ck_assert_int_eq(utc(2026, 12, 1, 18, 0), BEIJING_2AM);
	ck_assert_int_eq(tc_date_of(BEIJING_2AM), 20261202);
}
END_TEST

START_TEST(a_beijing_day_starts_at_16_utc)
{
	shanghai();
	ck_assert_int_eq(tc_date_of(utc(2026, 12, 1, 15, 59)), 20261201);
	ck_assert_int_eq(tc_date_of(utc(2026, 12, 1, 16, 0)), 20261202);
	/* the last evening of a year is already the next year's first day */
	ck_assert_int_eq(tc_date_of(utc(2026, 12, 31, 16, 30)), 20270101);
	ck_assert_int_eq(tc_date_of(utc(2028, 2, 28, 17, 0)), 20280229);
}
END_TEST

START_TEST(the_machine_zone_does_not_matter)
{
	/* Whatever TZ the program was started with, the business zone
	 * decides. */
	setenv("TZ", "America/Los_Angeles", 1);
	tzset();
	shanghai();
	ck_assert_int_eq(tc_date_of(BEIJING_2AM), 20261202);
}
END_TEST

START_TEST(a_zone_with_summer_time_follows_it)
{
	struct tm tm;

	ck_assert_int_eq(tc_clock_set_zone("Europe/Berlin"), 0);
	ck_assert_str_eq(tc_clock_zone(), "Europe/Berlin");
	/* 23:30 UTC: 00:30 in winter (UTC+1), 01:30 in summer (UTC+2) */
	tc_local(utc(2026, 1, 10, 23, 30), &tm);
	ck_assert_int_eq(tm.tm_hour, 0);
	tc_local(utc(2026, 7, 10, 23, 30), &tm);
	ck_assert_int_eq(tm.tm_hour, 1);
	/* the night the clocks go forward: 00:59 UTC is 02:59 CEST */
	ck_assert_int_eq(tc_date_of(utc(2026, 3, 28, 22, 59)), 20260328);
	ck_assert_int_eq(tc_date_of(utc(2026, 3, 28, 23, 0)), 20260329);
	ck_assert_int_eq(tc_date_of(utc(2026, 10, 24, 21, 59)), 20261024);
	ck_assert_int_eq(tc_date_of(utc(2026, 10, 24, 22, 0)), 20261025);
	shanghai();
}
END_TEST

START_TEST(an_unknown_zone_is_refused_and_the_zone_kept)
{
	static const char *const bad[] = { "", "Asia/Nowhere", "../etc/passwd",
	    "/usr/share/zoneinfo/UTC", "Asia/Shanghai;rm", "Asia Shanghai",
	    "Asia/../Asia/Shanghai", NULL };

	shanghai();
	for (int i = 0; bad[i] != NULL; i++) {
		ck_assert_msg(tc_clock_set_zone(bad[i]) == TC_EINVAL,
		    "zone \"%s\" accepted", bad[i]);
		ck_assert_str_eq(tc_clock_zone(), "Asia/Shanghai");
	}
	ck_assert_int_eq(tc_clock_set_zone(NULL), TC_EINVAL);
	ck_assert_int_eq(tc_date_of(BEIJING_2AM), 20261202);
}
END_TEST

START_TEST(a_datetime_is_written_in_the_business_zone)
{
	char buf[TC_DATETIME_SIZE];

	shanghai();
	ck_assert_str_eq(tc_datetime_str(buf, BEIJING_2AM),
	    "2026-12-02 02:00:00");
	ck_assert_str_eq(tc_datetime_str(buf, utc(2026, 12, 31, 16, 0) + 5),
	    "2027-01-01 00:00:05");
	ck_assert_int_eq(tc_clock_set_zone("Europe/Berlin"), 0);
	ck_assert_str_eq(tc_datetime_str(buf, utc(2026, 7, 10, 23, 30)),
	    "2026-07-11 01:30:00");
	shanghai();
}
END_TEST

START_TEST(an_instant_is_read_on_the_business_clock)
{
	shanghai();
	ck_assert_int_eq(tc_instant(20261202, 2, 0, 0), BEIJING_2AM);
	ck_assert_int_eq(tc_instant(20270101, 0, 0, 0),
	    utc(2026, 12, 31, 16, 0));
	/* Berlin: UTC+1 in winter, UTC+2 in summer */
	ck_assert_int_eq(tc_clock_set_zone("Europe/Berlin"), 0);
	ck_assert_int_eq(tc_instant(20260110, 0, 30, 0),
	    utc(2026, 1, 9, 23, 30));
	ck_assert_int_eq(tc_instant(20260711, 1, 30, 0),
	    utc(2026, 7, 10, 23, 30));
	shanghai();
}
END_TEST

START_TEST(a_held_clock_is_now_until_it_is_let_go)
{
	char buf[TC_DATETIME_SIZE];
	int64_t t0;

	shanghai();
	tc_clock_hold(BEIJING_2AM);
	ck_assert_int_eq(tc_now(), BEIJING_2AM);
	ck_assert_int_eq(tc_today(), 20261202);
	ck_assert_str_eq(tc_now_str(buf), "2026-12-02 02:00:00");
	tc_clock_hold(0);
	t0 = (int64_t)time(NULL);
	ck_assert_int_ge(tc_now(), t0);
	ck_assert_int_le(tc_now(), t0 + 60);
}
END_TEST

START_TEST(today_is_the_business_date_of_now)
{
	int32_t before, after, today;
	char buf[11], want[32];

	shanghai();
	before = tc_date_of((int64_t)time(NULL));
	today = tc_today();
	after = tc_date_of((int64_t)time(NULL));
	ck_assert(today == before || today == after);
	tc_today_str(buf);
	snprintf(want, sizeof(want), "%04d-%02d-%02d", (int)(today / 10000),
	    (int)(today / 100 % 100), (int)(today % 100));
	if (tc_today() == today)
		ck_assert_str_eq(buf, want);
}
END_TEST

/* Writes a ticheng.conf with the given [site] lines; returns its path. */
static const char *
conf_file(const char *site)
{
	static char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/clock-t.conf.XXXXXX");
	ck_assert_int_ge(mkstemp(path), 0);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[site]\n%s", site);
	fclose(f);
	return path;
}

START_TEST(conf_sets_the_zone_and_refuses_an_unknown_one)
{
	struct conf *c = NULL;
	char err[512];
	const char *p;

	shanghai();
	p = conf_file("timezone = Europe/Berlin\n");
	ck_assert_int_eq(conf_load(p, &c, err, sizeof(err)), 0);
	ck_assert_str_eq(c->time_zone, "Europe/Berlin");
	ck_assert_str_eq(tc_clock_zone(), "Europe/Berlin");
	conf_free(c);
	unlink(p);

	p = conf_file("company = x\n");
	ck_assert_int_eq(conf_load(p, &c, err, sizeof(err)), 0);
	ck_assert_str_eq(c->time_zone, "Asia/Shanghai");
	ck_assert_str_eq(tc_clock_zone(), "Asia/Shanghai");
	conf_free(c);
	unlink(p);

	p = conf_file("timezone = Mars/Olympus\n");
	ck_assert_int_eq(conf_load(p, &c, err, sizeof(err)), TC_EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "site.timezone"));
	ck_assert_ptr_nonnull(strstr(err, "Mars/Olympus"));
	ck_assert_str_eq(tc_clock_zone(), "Asia/Shanghai");
	unlink(p);
}
END_TEST

#ifdef TC_TEST_HOOKS
static char dir[64];

static void
write_clock(const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/clock", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
hooks_setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/clock-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(tc_hook_set_dir(dir), 0);
	shanghai();
}

static void
hooks_teardown(void)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/clock", dir);
	unlink(path);
	rmdir(dir);
	tc_hook_set_dir(NULL);
}

START_TEST(the_test_clock_is_now_and_read_at_every_call)
{
	char buf[11];
	int64_t fake = 0;

	ck_assert(!tc_clock_fake(&fake));
	write_clock("2026-12-01T18:00:00Z\n");
	ck_assert(tc_clock_fake(&fake));
	ck_assert_int_eq(fake, BEIJING_2AM);
	ck_assert_int_eq(tc_now(), BEIJING_2AM);
	ck_assert_int_eq(tc_today(), 20261202);
	ck_assert_str_eq(tc_today_str(buf), "2026-12-02");
	write_clock("2026-12-01T15:59:59Z");
	ck_assert_int_eq(tc_today(), 20261201);
}
END_TEST

START_TEST(a_bad_test_clock_falls_back_to_the_system_clock)
{
	static const char *const bad[] = { "2026-12-01 18:00:00",
	    "2026-12-01T18:00:00", "2026-12-01T18:00:00Z junk", "tomorrow",
	    "", NULL };

	for (int i = 0; bad[i] != NULL; i++) {
		int64_t t0 = (int64_t)time(NULL), fake;

		write_clock(bad[i]);
		ck_assert_msg(!tc_clock_fake(&fake), "clock \"%s\" taken", bad[i]);
		ck_assert_int_ge(tc_now(), t0);
	}
}
END_TEST
#endif

int
main(void)
{
	Suite *s = suite_create("clock");
	TCase *tc = tcase_create("clock");
	SRunner *sr;

	/* the order matters for the first: nothing has set a zone yet */
	tcase_add_test(tc, the_default_zone_is_beijing);
	tcase_add_test(tc, a_beijing_day_starts_at_16_utc);
	tcase_add_test(tc, the_machine_zone_does_not_matter);
	tcase_add_test(tc, a_zone_with_summer_time_follows_it);
	tcase_add_test(tc, an_unknown_zone_is_refused_and_the_zone_kept);
	tcase_add_test(tc, a_datetime_is_written_in_the_business_zone);
	tcase_add_test(tc, an_instant_is_read_on_the_business_clock);
	tcase_add_test(tc, a_held_clock_is_now_until_it_is_let_go);
	tcase_add_test(tc, today_is_the_business_date_of_now);
	tcase_add_test(tc, conf_sets_the_zone_and_refuses_an_unknown_one);
	suite_add_tcase(s, tc);
#ifdef TC_TEST_HOOKS
	tc = tcase_create("test clock");
	tcase_add_checked_fixture(tc, hooks_setup, hooks_teardown);
	tcase_add_test(tc, the_test_clock_is_now_and_read_at_every_call);
	tcase_add_test(tc, a_bad_test_clock_falls_back_to_the_system_clock);
	suite_add_tcase(s, tc);
#endif
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
