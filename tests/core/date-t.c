/* date-t: real calendar dates (one lowest year everywhere), day numbers,
 * weekdays and months, and the period labels of a date. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/date.h"
#include "core/error.h"

static const struct { const char *s; int32_t ymd; } good[] = {
	{ "2026-02-28", 20260228 }, { "2024-02-29", 20240229 },
	{ "2000-02-29", 20000229 }, { "1000-01-01", 10000101 },
	{ "9999-12-31", 99991231 }, { "2026-07-05", 20260705 },
	{ "1970-01-01", 19700101 }, { "2026-12-31", 20261231 },
};

static const char *const bad[] = {
	"", "2026-02-30", "2026-02-29", "1900-02-29", "2100-02-29",
	"2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2026-1-05",
	"2026-01-5", "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05",
	"2026-01-05T00:00", "20260105", "0999-12-31", "0000-01-01",
	"2026-0a-05", "+026-01-05", "２０２６-01-05",
};

START_TEST(real_dates_parse)
{
	int32_t ymd = 0;
	char buf[TC_DATE_SIZE];

	ck_assert_int_eq(tc_date_parse(good[_i].s, strlen(good[_i].s), &ymd), 0);
	ck_assert_int_eq(ymd, good[_i].ymd);
	ck_assert_uint_eq(tc_date_format(buf, ymd), 10);
	ck_assert_str_eq(buf, good[_i].s);
	ck_assert_str_eq(tc_date_str(buf, ymd), good[_i].s);
}
END_TEST

START_TEST(malformed_and_unreal_dates_refused)
{
	int32_t ymd = 7;

	ck_assert_msg(tc_date_parse_str(bad[_i], &ymd) == TC_ENOTDATE,
	    "\"%s\" accepted", bad[_i]);
	ck_assert_int_eq(ymd, 7);
}
END_TEST

START_TEST(date_is_bounded_by_its_length)
{
	int32_t ymd;

	ck_assert_int_eq(tc_date_parse("2026-03-05,ann", 10, &ymd), 0);
	ck_assert_int_eq(ymd, 20260305);
	ck_assert_int_eq(tc_date_parse("2026-03-05", 9, &ymd), TC_ENOTDATE);
}
END_TEST

START_TEST(day_numbers_round_trip_over_every_allowed_day)
{
	int64_t first = tc_days_from_civil(TC_YEAR_MIN, 1, 1);
	int64_t last = tc_days_from_civil(TC_YEAR_MAX, 12, 31);
	int32_t prev = 0;

	ck_assert_int_eq(tc_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(tc_days_from_civil(1969, 12, 31), -1);
	for (int64_t z = first; z <= last; z++) {
		int32_t ymd = tc_date_from_days(z);

		if (ymd <= prev || tc_date_days(ymd) != z ||
		    !tc_date_valid(tc_date_year(ymd), tc_date_month(ymd),
		    tc_date_day(ymd)))
			ck_abort_msg("day %lld: %d after %d", (long long)z, ymd,
			    prev);
		prev = ymd;
	}
	ck_assert_int_eq(prev, 99991231);
}
END_TEST

START_TEST(days_add_across_months_years_and_leap_days)
{
	ck_assert_int_eq(tc_date_add_days(20260228, 1), 20260301);
	ck_assert_int_eq(tc_date_add_days(20240228, 1), 20240229);
	ck_assert_int_eq(tc_date_add_days(20261231, 1), 20270101);
	ck_assert_int_eq(tc_date_add_days(20260101, -1), 20251231);
	ck_assert_int_eq(tc_date_add_days(20260705, 90), 20261003);
	ck_assert_int_eq(tc_date_diff(20260101, 20261231), 364);
	ck_assert_int_eq(tc_date_diff(20240301, 20240201), -29);
}
END_TEST

START_TEST(weekdays_are_iso)
{
	ck_assert_int_eq(tc_weekday(0), 4);               /* 1970-01-01 Thu */
	ck_assert_int_eq(tc_weekday(tc_date_days(20260706)), 1);  /* Mon */
	ck_assert_int_eq(tc_weekday(tc_date_days(20260705)), 7);  /* Sun */
	ck_assert_int_eq(tc_weekday(tc_date_days(19691231)), 3);  /* Wed */
	ck_assert_int_eq(tc_weekday(tc_date_days(10000101)), 3);  /* Wed */
}
END_TEST

START_TEST(months_add_across_years)
{
	int y = 2026, m = 11;

	tc_month_add(&y, &m, 3);
	ck_assert(y == 2027 && m == 2);
	tc_month_add(&y, &m, -14);
	ck_assert(y == 2025 && m == 12);
	tc_month_add(&y, &m, -11);
	ck_assert(y == 2025 && m == 1);
	ck_assert_int_eq(tc_days_in_month(2024, 2), 29);
	ck_assert_int_eq(tc_days_in_month(2026, 2), 28);
	ck_assert_int_eq(tc_days_in_month(2026, 4), 30);
	ck_assert_int_eq(tc_days_in_month(2026, 13), 0);
}
END_TEST

static const struct {
	enum tc_period_kind kind;
	int32_t date;
	const char *label;
	int32_t first, last;
} periods[] = {
	{ TC_PERIOD_MONTH, 20260705, "2026-07", 20260701, 20260731 },
	{ TC_PERIOD_MONTH, 20240215, "2024-02", 20240201, 20240229 },
	{ TC_PERIOD_MONTH, 20260228, "2026-02", 20260201, 20260228 },
	{ TC_PERIOD_MONTH, 20261231, "2026-12", 20261201, 20261231 },
	{ TC_PERIOD_QUARTER, 20260705, "2026-Q3", 20260701, 20260930 },
	{ TC_PERIOD_QUARTER, 20260101, "2026-Q1", 20260101, 20260331 },
	{ TC_PERIOD_QUARTER, 20260630, "2026-Q2", 20260401, 20260630 },
	{ TC_PERIOD_QUARTER, 20261231, "2026-Q4", 20261001, 20261231 },
	{ TC_PERIOD_YEAR, 20260705, "2026", 20260101, 20261231 },
	{ TC_PERIOD_YEAR, 10000101, "1000", 10000101, 10001231 },
	{ TC_PERIOD_MONTH, 99991231, "9999-12", 99991201, 99991231 },
};

START_TEST(a_date_has_a_period_with_a_label_a_first_and_a_last_day)
{
	char buf[TC_PERIOD_SIZE];
	enum tc_period_kind k;
	int32_t p = tc_period_of(periods[_i].kind, periods[_i].date), back;

	ck_assert_uint_eq(tc_period_label(buf, periods[_i].kind, p),
	    strlen(periods[_i].label));
	ck_assert_str_eq(buf, periods[_i].label);
	ck_assert_int_eq(tc_period_first(periods[_i].kind, p), periods[_i].first);
	ck_assert_int_eq(tc_period_last(periods[_i].kind, p), periods[_i].last);
	ck_assert_int_eq(tc_period_parse(buf, strlen(buf), &k, &back), 0);
	ck_assert_int_eq(k, periods[_i].kind);
	ck_assert_int_eq(back, p);
	/* the period after it starts the day after its last day */
	if (periods[_i].last != 99991231)
		ck_assert_int_eq(tc_period_first(k, p + 1),
		    tc_date_add_days(periods[_i].last, 1));
}
END_TEST

static const char *const bad_labels[] = {
	"", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-q3", "2026-7",
	"26-07", "2026-07-01", "0999", "0999-12", "10000", "2026-", "2026 ",
	"2026-Q", "2026-Q34", "20a6", "2026-H1",
};

START_TEST(malformed_period_labels_refused)
{
	enum tc_period_kind k;
	int32_t p;

	ck_assert_msg(tc_period_parse(bad_labels[_i], strlen(bad_labels[_i]),
	    &k, &p) == TC_ENOTPERIOD, "\"%s\" accepted", bad_labels[_i]);
}
END_TEST

START_TEST(period_kinds_have_names)
{
	enum tc_period_kind k;

	ck_assert_str_eq(tc_period_kind_name(TC_PERIOD_MONTH), "month");
	ck_assert_str_eq(tc_period_kind_name(TC_PERIOD_QUARTER), "quarter");
	ck_assert_str_eq(tc_period_kind_name(TC_PERIOD_YEAR), "year");
	ck_assert_int_eq(tc_period_kind_parse("quarter", &k), 0);
	ck_assert_int_eq(k, TC_PERIOD_QUARTER);
	ck_assert_int_eq(tc_period_kind_parse("Month", &k), TC_EINVAL);
	ck_assert_int_eq(tc_period_kind_parse("week", &k), TC_EINVAL);
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	SRunner *sr;

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, real_dates_parse, 0, N(good));
	tcase_add_loop_test(tc, malformed_and_unreal_dates_refused, 0, N(bad));
	tcase_add_test(tc, date_is_bounded_by_its_length);
	tcase_add_test(tc, day_numbers_round_trip_over_every_allowed_day);
	tcase_add_test(tc, days_add_across_months_years_and_leap_days);
	tcase_add_test(tc, weekdays_are_iso);
	tcase_add_test(tc, months_add_across_years);
	tcase_add_loop_test(tc,
	    a_date_has_a_period_with_a_label_a_first_and_a_last_day, 0,
	    N(periods));
	tcase_add_loop_test(tc, malformed_period_labels_refused, 0,
	    N(bad_labels));
	tcase_add_test(tc, period_kinds_have_names);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
