/* money-t: money in figures, grouped for pages and plain for forms and
 * files, exactly two decimals and never "-0.00". */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/money.h"

static const struct { money_t fen; const char *grouped, *plain; } money[] = {
	{ 0, "0.00", "0.00" },
	{ 5, "0.05", "0.05" },
	{ -5, "-0.05", "-0.05" },
	{ 50, "0.50", "0.50" },
	{ -100, "-1.00", "-1.00" },
	{ 99999, "999.99", "999.99" },
	{ 100000, "1,000.00", "1000.00" },
	{ -100000, "-1,000.00", "-1000.00" },
	{ 123456789, "1,234,567.89", "1234567.89" },
	{ 12345678901, "123,456,789.01", "123456789.01" },
	{ 999999999999999999, "9,999,999,999,999,999.99",
	  "9999999999999999.99" },
	{ INT64_MAX, "92,233,720,368,547,758.07", "92233720368547758.07" },
	{ INT64_MIN, "-92,233,720,368,547,758.08", "-92233720368547758.08" },
};

START_TEST(money_prints_grouped_and_plain)
{
	char buf[TC_MONEY_SIZE];
	size_t n;

	n = tc_money_format(buf, money[_i].fen, true);
	ck_assert_str_eq(buf, money[_i].grouped);
	ck_assert_uint_eq(n, strlen(money[_i].grouped));
	n = tc_money_format(buf, money[_i].fen, false);
	ck_assert_str_eq(buf, money[_i].plain);
	ck_assert_uint_eq(n, strlen(money[_i].plain));
	ck_assert_str_eq(tc_money_str(buf, money[_i].fen, true),
	    money[_i].grouped);
}
END_TEST

START_TEST(plain_money_parses_back_to_the_same_fen)
{
	char buf[TC_MONEY_SIZE];

	for (size_t i = 0; i < sizeof(money) / sizeof(money[0]); i++) {
		int64_t back;

		if (money[i].fen == INT64_MIN)
			continue;   /* beyond the parser's +-INT64_MAX */
		tc_money_format(buf, money[i].fen, false);
		ck_assert_int_eq(tc_dec_parse_str(buf, TC_SCALE_MONEY, &back), 0);
		ck_assert_int_eq(back, money[i].fen);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");
	SRunner *sr;

	tcase_add_loop_test(tc, money_prints_grouped_and_plain, 0,
	    (int)(sizeof(money) / sizeof(money[0])));
	tcase_add_test(tc, plain_money_parses_back_to_the_same_fen);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
