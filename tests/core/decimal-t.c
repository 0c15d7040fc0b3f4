/* decimal-t: the one decimal grammar (spec section 1), for every kind of
 * figure; exact rounding half away from zero; printing without trailing
 * zeros. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"

/* Valid examples of each kind, and what they hold. */
static const struct { const char *s; int scale; int64_t want; } good[] = {
	/* money: at most 2 decimals */
	{ "0", TC_SCALE_MONEY, 0 }, { "-0", TC_SCALE_MONEY, 0 },
	{ "-0.00", TC_SCALE_MONEY, 0 }, { "1234.5", TC_SCALE_MONEY, 123450 },
	{ "-80.00", TC_SCALE_MONEY, -8000 }, { "007", TC_SCALE_MONEY, 700 },
	{ "0.01", TC_SCALE_MONEY, 1 }, { "-0.01", TC_SCALE_MONEY, -1 },
	{ "92233720368547758.07", TC_SCALE_MONEY, INT64_MAX },
	{ "-92233720368547758.07", TC_SCALE_MONEY, -INT64_MAX },
	/* quantity: at most 3 */
	{ "12", TC_SCALE_QTY, 12000 }, { "0.125", TC_SCALE_QTY, 125 },
	{ "-3.5", TC_SCALE_QTY, -3500 }, { "0.001", TC_SCALE_QTY, 1 },
	/* percent (without its sign here) and multiplier: at most 4 */
	{ "33.3333", TC_SCALE_PCT, 333333 }, { "100", TC_SCALE_PCT, TC_PCT_100 },
	{ "0.0125", TC_SCALE_PCT, 125 }, { "1.5", TC_SCALE_MULT, 15000 },
	/* integers */
	{ "9223372036854775807", 0, INT64_MAX }, { "42", 0, 42 },
};

/* Invalid examples, and the error each one gets. */
static const struct { const char *s; int scale; int err; } bad[] = {
	{ "", TC_SCALE_MONEY, TC_ENOTNUM }, { "-", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "+5", TC_SCALE_MONEY, TC_ENOTNUM }, { "5.", TC_SCALE_MONEY, TC_ENOTNUM },
	{ ".5", TC_SCALE_MONEY, TC_ENOTNUM }, { "-.5", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "1e3", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "1,000", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "12,5", TC_SCALE_MONEY, TC_ENOTNUM },
	{ " 100", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "100 ", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "¥5", TC_SCALE_MONEY, TC_ENOTNUM }, { "5元", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "1.2.3", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "--1", TC_SCALE_MONEY, TC_ENOTNUM }, { "1-", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "0x10", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "１２", TC_SCALE_MONEY, TC_ENOTNUM },   /* full-width digits */
	{ "5%", TC_SCALE_PCT, TC_ENOTNUM },
	{ "1.234", TC_SCALE_MONEY, TC_EDECIMALS },
	{ "0.0001", TC_SCALE_QTY, TC_EDECIMALS },
	{ "33.33333", TC_SCALE_PCT, TC_EDECIMALS },
	{ "1.5", 0, TC_EDECIMALS },
	{ "92233720368547758.08", TC_SCALE_MONEY, TC_ETOOBIG },
	{ "-92233720368547758.08", TC_SCALE_MONEY, TC_ETOOBIG },
	{ "99999999999999999999", TC_SCALE_MONEY, TC_ETOOBIG },
	{ "9223372036854775808", 0, TC_ETOOBIG },
	/* a malformed text is "not a number" before anything else */
	{ "99999999999999999999x", TC_SCALE_MONEY, TC_ENOTNUM },
	{ "1.23456789x", TC_SCALE_MONEY, TC_ENOTNUM },
};

START_TEST(valid_decimals_parse_exactly)
{
	int64_t v = -1;
	int rc = tc_dec_parse(good[_i].s, strlen(good[_i].s), good[_i].scale, &v);

	ck_assert_msg(rc == 0, "\"%s\" scale %d: expected ok, got %s",
	    good[_i].s, good[_i].scale, tc_strerror(rc));
	ck_assert_msg(v == good[_i].want, "\"%s\": expected %lld, got %lld",
	    good[_i].s, (long long)good[_i].want, (long long)v);
}
END_TEST

START_TEST(invalid_decimals_refused_with_the_reason)
{
	int64_t v = 77;
	int rc = tc_dec_parse(bad[_i].s, strlen(bad[_i].s), bad[_i].scale, &v);

	ck_assert_msg(rc == bad[_i].err, "\"%s\" scale %d: expected \"%s\", "
	    "got \"%s\"", bad[_i].s, bad[_i].scale, tc_strerror(bad[_i].err),
	    tc_strerror(rc));
	ck_assert_msg(v == 77, "\"%s\": the output was written", bad[_i].s);
}
END_TEST

START_TEST(length_bounds_the_text_not_a_nul)
{
	int64_t v;

	ck_assert_int_eq(tc_dec_parse("12.5|bob", 4, TC_SCALE_PCT, &v), 0);
	ck_assert_int_eq(v, 125000);
	ck_assert_int_eq(tc_dec_parse("12.5", 0, TC_SCALE_PCT, &v), TC_ENOTNUM);
	ck_assert_int_eq(tc_dec_parse_str("12.5", TC_SCALE_MONEY, &v), 0);
	ck_assert_int_eq(v, 1250);
}
END_TEST

START_TEST(percent_needs_its_sign_and_four_decimals_at_most)
{
	int64_t v;

	ck_assert_int_eq(tc_pct_parse("5%", 2, &v), 0);
	ck_assert_int_eq(v, 50000);
	ck_assert_int_eq(tc_pct_parse("0.0125%", 7, &v), 0);
	ck_assert_int_eq(v, 125);
	ck_assert_int_eq(tc_pct_parse("100%", 4, &v), 0);
	ck_assert_int_eq(v, TC_PCT_100);
	ck_assert_int_eq(tc_pct_parse("-2.75%", 6, &v), 0);
	ck_assert_int_eq(v, -27500);
	ck_assert_int_eq(tc_pct_parse("5", 1, &v), TC_ENOTPCT);
	ck_assert_int_eq(tc_pct_parse("", 0, &v), TC_ENOTPCT);
	ck_assert_int_eq(tc_pct_parse("%", 1, &v), TC_ENOTNUM);
	ck_assert_int_eq(tc_pct_parse("5 %", 3, &v), TC_ENOTNUM);
	ck_assert_int_eq(tc_pct_parse("0.00001%", 8, &v), TC_EDECIMALS);
}
END_TEST

static const struct { int64_t a, d, round, floor; } div[] = {
	{ 5, 10, 1, 0 }, { -5, 10, -1, -1 }, { 4, 10, 0, 0 }, { -4, 10, 0, -1 },
	{ 15, 10, 2, 1 }, { -15, 10, -2, -2 }, { 14, 10, 1, 1 },
	{ -14, 10, -1, -2 }, { 0, 7, 0, 0 }, { 20, 10, 2, 2 },
	{ -20, 10, -2, -2 }, { 1, 3, 0, 0 }, { 2, 3, 1, 0 }, { -2, 3, -1, -1 },
	{ 1, 2, 1, 0 }, { -1, 2, -1, -1 }, { 7, 1, 7, 7 },
};

START_TEST(rounding_is_half_away_from_zero_and_floor_goes_down)
{
	ck_assert_msg(tc_div_round(div[_i].a, div[_i].d) == div[_i].round,
	    "round(%lld / %lld)", (long long)div[_i].a, (long long)div[_i].d);
	ck_assert_msg(tc_div_floor(div[_i].a, div[_i].d) == div[_i].floor,
	    "floor(%lld / %lld)", (long long)div[_i].a, (long long)div[_i].d);
}
END_TEST

START_TEST(rounding_is_exact_on_128_bit_values)
{
	tc_i128 big = (tc_i128)INT64_MAX * 1000000 + 500000;

	ck_assert(tc_div_round(big, 1000000) == (tc_i128)INT64_MAX + 1);
	ck_assert(tc_div_round(-big, 1000000) == -(tc_i128)INT64_MAX - 1);
	ck_assert(tc_div_floor(-big, 1000000) == -(tc_i128)INT64_MAX - 1);
	/* the spec's 0.005 -> 0.01 and -0.005 -> -0.01, in thousandths */
	ck_assert(tc_div_round(5, 10) == 1 && tc_div_round(-5, 10) == -1);
}
END_TEST

static const struct { int64_t v; int scale; const char *want; } out[] = {
	{ 12000, 3, "12" }, { 12125, 3, "12.125" }, { 500, 3, "0.5" },
	{ -125, 3, "-0.125" }, { 0, 3, "0" }, { -3500, 3, "-3.5" },
	{ 333333, 4, "33.3333" }, { 600000, 4, "60" }, { 25000, 4, "2.5" },
	{ 1, 4, "0.0001" }, { 123450, 2, "1234.5" }, { 7, 0, "7" },
	{ INT64_MIN, 2, "-92233720368547758.08" },
	{ INT64_MAX, 3, "9223372036854775.807" },
};

START_TEST(decimals_print_without_trailing_zeros_or_minus_zero)
{
	char buf[TC_DEC_SIZE];
	size_t n = tc_dec_format(buf, out[_i].v, out[_i].scale);

	ck_assert_str_eq(buf, out[_i].want);
	ck_assert_uint_eq(n, strlen(out[_i].want));
	ck_assert_str_eq(tc_qty_str(buf, 1500), "1.5");
	ck_assert_str_eq(tc_pct_str(buf, 125), "0.0125");
}
END_TEST

START_TEST(printed_decimals_parse_back_to_themselves)
{
	static const int64_t v[] = { 0, 1, -1, 10, 999, -1000, 123456789,
	    INT64_MAX, -INT64_MAX };
	char buf[TC_DEC_SIZE];

	for (int scale = 0; scale <= 4; scale++)
		for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
			int64_t back;

			tc_dec_format(buf, v[i], scale);
			ck_assert_int_eq(tc_dec_parse_str(buf, scale, &back), 0);
			ck_assert_int_eq(back, v[i]);
		}
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	Suite *s = suite_create("decimal");
	TCase *tc = tcase_create("decimal");
	SRunner *sr;

	tcase_add_loop_test(tc, valid_decimals_parse_exactly, 0, N(good));
	tcase_add_loop_test(tc, invalid_decimals_refused_with_the_reason, 0,
	    N(bad));
	tcase_add_test(tc, length_bounds_the_text_not_a_nul);
	tcase_add_test(tc, percent_needs_its_sign_and_four_decimals_at_most);
	tcase_add_loop_test(tc,
	    rounding_is_half_away_from_zero_and_floor_goes_down, 0, N(div));
	tcase_add_test(tc, rounding_is_exact_on_128_bit_values);
	tcase_add_loop_test(tc,
	    decimals_print_without_trailing_zeros_or_minus_zero, 0, N(out));
	tcase_add_test(tc, printed_decimals_parse_back_to_themselves);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
