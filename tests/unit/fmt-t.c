/* fmt-t: figures are written and read exactly, capitals as on a cheque. */
#include "config.h"

#include <check.h>
#include <stdint.h>

#include "core/fmt.h"

static const struct { int64_t fen; const char *grouped, *plain; } money[] = {
	{ 0, "0.00", "0.00" },
	{ 5, "0.05", "0.05" },
	{ -5, "-0.05", "-0.05" },
	{ 123456789, "1,234,567.89", "1234567.89" },
	{ -100000, "-1,000.00", "-1000.00" },
	{ 99999, "999.99", "999.99" },
	{ INT64_MIN, "-92,233,720,368,547,758.08", "-92233720368547758.08" },
};

START_TEST(money_formats_grouped_and_plain)
{
	char buf[FMT_MONEY_SIZE];

	ck_assert_str_eq(fmt_money(buf, money[_i].fen, true), money[_i].grouped);
	ck_assert_str_eq(fmt_money(buf, money[_i].fen, false), money[_i].plain);
}
END_TEST

static const struct { int64_t fen; const char *words; } capitals[] = {
	{ 0, "零元整" },
	{ 100, "壹元整" },
	{ 105, "壹元零伍分" },
	{ 50, "伍角整" },
	{ 1234567, "壹万贰仟叁佰肆拾伍元陆角柒分" },
	{ 10000000, "壹拾万元整" },
	{ 10050000, "壹拾万零伍佰元整" },
	{ 101000, "壹仟零壹拾元整" },
	{ 10000000100LL, "壹亿零壹元整" },
	{ -52500, "负伍佰贰拾伍元整" },
	{ 82500, "捌佰贰拾伍元整" },
};

START_TEST(money_in_chinese_capitals)
{
	char buf[256];

	ck_assert_int_eq(fmt_money_chinese(buf, sizeof(buf), capitals[_i].fen), 0);
	ck_assert_str_eq(buf, capitals[_i].words);
}
END_TEST

static const struct { const char *in; int scale; int ok; int64_t v; } parse[] = {
	{ "12", 2, 1, 1200 }, { "-0.5", 2, 1, -50 }, { "0.125", 3, 1, 125 },
	{ "33.3333", 4, 1, 333333 }, { "1.005", 2, 0, 0 }, { "5.", 2, 0, 0 },
	{ ".5", 2, 0, 0 }, { "+1", 2, 0, 0 }, { "1e3", 2, 0, 0 },
	{ "1,000", 2, 0, 0 }, { " 1", 2, 0, 0 }, { "", 2, 0, 0 },
	{ "-", 2, 0, 0 }, { "99999999999999999999", 2, 0, 0 },
};

START_TEST(decimal_parse_is_strict)
{
	int64_t v = 0;
	int rc = fmt_parse_scaled(parse[_i].in, parse[_i].scale, &v);

	ck_assert_msg((rc == 0) == parse[_i].ok, "\"%s\": expected %s, got rc %d",
	    parse[_i].in, parse[_i].ok ? "ok" : "refused", rc);
	if (parse[_i].ok)
		ck_assert_int_eq(v, parse[_i].v);
}
END_TEST

START_TEST(quantity_and_percent_drop_trailing_zeros)
{
	char buf[FMT_MONEY_SIZE];

	ck_assert_str_eq(fmt_qty(buf, 12000), "12");
	ck_assert_str_eq(fmt_qty(buf, 12500), "12.5");
	ck_assert_str_eq(fmt_qty(buf, -125), "-0.125");
	ck_assert_str_eq(fmt_pct4(buf, 333333), "33.3333");
	ck_assert_str_eq(fmt_pct4(buf, 600000), "60");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("fmt");
	SRunner *sr;

	tcase_add_loop_test(tc, money_formats_grouped_and_plain, 0,
	    sizeof(money) / sizeof(money[0]));
	tcase_add_loop_test(tc, money_in_chinese_capitals, 0,
	    sizeof(capitals) / sizeof(capitals[0]));
	tcase_add_loop_test(tc, decimal_parse_is_strict, 0,
	    sizeof(parse) / sizeof(parse[0]));
	tcase_add_test(tc, quantity_and_percent_drop_trailing_zeros);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
