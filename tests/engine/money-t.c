/* money-t.c: the strict number and date parsers, exact rounding, the
 * printing of figures and the largest-remainder spread. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine/commission.h"
#include "engine/date.h"
#include "engine/money.h"
#include "core/error.h"

static const struct { const char *s; int dec; int64_t want; } good[] = {
	{ "0", 2, 0 }, { "-0", 2, 0 }, { "1234.5", 2, 123450 },
	{ "-80.00", 2, -8000 }, { "12", 3, 12000 }, { "0.125", 3, 125 },
	{ "007", 2, 700 }, { "1.5", 4, 15000 },
	{ "92233720368547758.07", 2, INT64_MAX },
};

static const struct { const char *s; int dec; const char *why; } bad[] = {
	{ "", 2, "not a number" }, { "-", 2, "not a number" },
	{ "+5", 2, "not a number" }, { "5.", 2, "not a number" },
	{ ".5", 2, "not a number" }, { "1e3", 2, "not a number" },
	{ "1,000", 2, "not a number" }, { " 100", 2, "not a number" },
	{ "100 ", 2, "not a number" }, { "¥5", 2, "not a number" },
	{ "1.2.3", 2, "not a number" }, { "--1", 2, "not a number" },
	{ "1.234", 2, "too many decimals" }, { "0.0001", 3,
	"too many decimals" }, { "12,5", 2, "not a number" },
	{ "92233720368547758.08", 2, "too large" },
};

START_TEST(decimal_valid_values_parse_exactly)
{
	const char *why;
	int64_t v;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		int rc = tce_decimal_parse(good[i].s, strlen(good[i].s),
		    good[i].dec, &v, &why);
		ck_assert_msg(rc == 0, "%s: expected ok, got %d", good[i].s, rc);
		ck_assert_msg(v == good[i].want, "%s: expected %lld, got %lld",
		    good[i].s, (long long)good[i].want, (long long)v);
	}
}
END_TEST

START_TEST(decimal_malformed_values_refused_with_reason)
{
	const char *why;
	int64_t v;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = tce_decimal_parse(bad[i].s, strlen(bad[i].s),
		    bad[i].dec, &v, &why);
		ck_assert_msg(rc != 0, "%s: expected refusal", bad[i].s);
		ck_assert_msg(strcmp(why, bad[i].why) == 0,
		    "%s: expected \"%s\", got \"%s\"", bad[i].s, bad[i].why, why);
	}
}
END_TEST

START_TEST(percent_needs_sign_and_four_decimals_at_most)
{
	const char *why;
	int64_t v;

	ck_assert_int_eq(tce_percent_parse("5%", 2, &v, &why), 0);
	ck_assert_int_eq(v, 50000);          /* 5% = 0.05 = 50000 x 10^-6 */
	ck_assert_int_eq(tce_percent_parse("0.0125%", 7, &v, &why), 0);
	ck_assert_int_eq(v, 125);            /* 0.000125 */
	ck_assert_int_eq(tce_percent_parse("100%", 4, &v, &why), 0);
	ck_assert_int_eq(v, 1000000);
	ck_assert_int_ne(tce_percent_parse("5", 1, &v, &why), 0);
	ck_assert_int_ne(tce_percent_parse("0.00001%", 8, &v, &why), 0);
	ck_assert_int_ne(tce_percent_parse("%", 1, &v, &why), 0);
}
END_TEST

START_TEST(rounding_is_half_away_from_zero)
{
	/* in units of 10^-3: 0.005 -> 0.01 and -0.005 -> -0.01 (fen) */
	ck_assert(tce_div_round(5, 1000) == 0);
	ck_assert(tce_div_round(500, 1000) == 1);
	ck_assert(tce_div_round(-500, 1000) == -1);
	ck_assert(tce_div_round(499, 1000) == 0);
	ck_assert(tce_div_round(-499, 1000) == 0);
	ck_assert(tce_div_round(-1500, 1000) == -2);
	ck_assert(tce_div_floor(-1, 1000) == -1);
	ck_assert(tce_div_floor(1999, 1000) == 1);
}
END_TEST

START_TEST(money_prints_two_decimals_never_minus_zero)
{
	char b[32];

	tce_money_format(b, 0);
	ck_assert_str_eq(b, "0.00");
	tce_money_format(b, -1);
	ck_assert_str_eq(b, "-0.01");
	tce_money_format(b, 123450);
	ck_assert_str_eq(b, "1234.50");
	tce_money_format(b, -4039);
	ck_assert_str_eq(b, "-40.39");
	tce_money_format(b, INT64_MIN + 1);
	ck_assert_str_eq(b, "-92233720368547758.07");
}
END_TEST

START_TEST(quantity_prints_without_trailing_zeros)
{
	char b[32];

	tce_qty_format(b, 12000);
	ck_assert_str_eq(b, "12");
	tce_qty_format(b, 12125);
	ck_assert_str_eq(b, "12.125");
	tce_qty_format(b, 500);
	ck_assert_str_eq(b, "0.5");
	tce_qty_format(b, -1250);
	ck_assert_str_eq(b, "-1.25");
	tce_qty_format(b, 0);
	ck_assert_str_eq(b, "0");
}
END_TEST

START_TEST(dates_must_be_real_calendar_days)
{
	int32_t d;

	ck_assert_int_eq(tce_date_parse("2026-02-28", 10, &d), 0);
	ck_assert_int_eq(d, 20260228);
	ck_assert_int_eq(tce_date_parse("2024-02-29", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026-02-29", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("1900-02-29", 10, &d), 0);
	ck_assert_int_eq(tce_date_parse("2000-02-29", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026-13-01", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026-04-31", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026-4-1", 8, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026/04/01", 10, &d), 0);
	ck_assert_int_ne(tce_date_parse("2026-04-01 ", 11, &d), 0);
}
END_TEST

START_TEST(periods_label_month_quarter_year)
{
	char b[16];
	enum tce_period_kind k;
	int32_t p;

	tce_period_label(b, TCE_PERIOD_MONTH,
	    tce_period_of(TCE_PERIOD_MONTH, 20260715));
	ck_assert_str_eq(b, "2026-07");
	tce_period_label(b, TCE_PERIOD_QUARTER,
	    tce_period_of(TCE_PERIOD_QUARTER, 20260930));
	ck_assert_str_eq(b, "2026-Q3");
	tce_period_label(b, TCE_PERIOD_YEAR,
	    tce_period_of(TCE_PERIOD_YEAR, 20261231));
	ck_assert_str_eq(b, "2026");
	ck_assert_int_eq(tce_period_first(TCE_PERIOD_QUARTER,
	    tce_period_of(TCE_PERIOD_QUARTER, 20260815)), 20260701);
	ck_assert_int_eq(tce_period_last(TCE_PERIOD_MONTH,
	    tce_period_of(TCE_PERIOD_MONTH, 20240210)), 20240229);
	ck_assert_int_eq(tce_period_parse("2026-Q4", 7, &k, &p), 0);
	ck_assert_int_eq(k, TCE_PERIOD_QUARTER);
	ck_assert_int_ne(tce_period_parse("2026-Q5", 7, &k, &p), 0);
	ck_assert_int_ne(tce_period_parse("2026-13", 7, &k, &p), 0);
	ck_assert_int_ne(tce_period_parse("2026-7", 6, &k, &p), 0);
	ck_assert_int_ne(tce_period_parse("26", 2, &k, &p), 0);
}
END_TEST

START_TEST(largest_remainder_matches_worked_example)
{
	/* 52500 fen over 8000, 6000, -1000: exact 32307.69, 24230.76,
	 * -4038.46; floors 32307, 24230, -4039 (sum 52498); the 2 fen go to
	 * remainders .69 (1st) and .76 (2nd): 32308, 24231, -4039. */
	tce_i128 w[] = { 8000, 6000, -1000 };
	int64_t out[3];

	ck_assert_int_eq(tce_largest_remainder(52500, w, 3, out), 0);
	ck_assert_int_eq(out[0], 32308);
	ck_assert_int_eq(out[1], 24231);
	ck_assert_int_eq(out[2], -4039);
}
END_TEST

START_TEST(largest_remainder_ties_go_to_earlier_items)
{
	/* 1 fen over three equal weights: 1/3 each, floors 0; the one fen
	 * goes to the first.  2 fen: the first two. */
	tce_i128 w[] = { 1, 1, 1 };
	int64_t out[3];

	ck_assert_int_eq(tce_largest_remainder(1, w, 3, out), 0);
	ck_assert(out[0] == 1 && out[1] == 0 && out[2] == 0);
	ck_assert_int_eq(tce_largest_remainder(2, w, 3, out), 0);
	ck_assert(out[0] == 1 && out[1] == 1 && out[2] == 0);
	/* -1 fen: floors -1 each (sum -3), 2 fen back to the first two */
	ck_assert_int_eq(tce_largest_remainder(-1, w, 3, out), 0);
	ck_assert(out[0] == 0 && out[1] == 0 && out[2] == -1);
}
END_TEST

START_TEST(largest_remainder_zero_weights_give_zero)
{
	tce_i128 w[] = { 5, -5 };
	int64_t out[2] = { 7, 7 };

	ck_assert_int_eq(tce_largest_remainder(100, w, 2, out), 0);
	ck_assert(out[0] == 0 && out[1] == 0);
}
END_TEST

START_TEST(overflow_is_refused_not_wrapped)
{
	tce_i128 r, big = (tce_i128)1 << 120;
	money_t m;

	ck_assert_int_eq(tce_mul(big, 1000, &r), TC_ETOOBIG);
	ck_assert_int_eq(tce_add(((tce_i128)1 << 126) - 1 + ((tce_i128)1 << 126),
	    ((tce_i128)1 << 126), &r), TC_ETOOBIG);
	/* 10^30 x 10^-12 fen x 1.0 multiplier = 10^18 fen > int64: refused */
	ck_assert_int_eq(tce_period_commission(big, 10000, 0, 0, &m),
	    TC_ETOOBIG);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, decimal_valid_values_parse_exactly);
	tcase_add_test(tc, decimal_malformed_values_refused_with_reason);
	tcase_add_test(tc, percent_needs_sign_and_four_decimals_at_most);
	tcase_add_test(tc, rounding_is_half_away_from_zero);
	tcase_add_test(tc, money_prints_two_decimals_never_minus_zero);
	tcase_add_test(tc, quantity_prints_without_trailing_zeros);
	tcase_add_test(tc, dates_must_be_real_calendar_days);
	tcase_add_test(tc, periods_label_month_quarter_year);
	tcase_add_test(tc, largest_remainder_matches_worked_example);
	tcase_add_test(tc, largest_remainder_ties_go_to_earlier_items);
	tcase_add_test(tc, largest_remainder_zero_weights_give_zero);
	tcase_add_test(tc, overflow_is_refused_not_wrapped);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
