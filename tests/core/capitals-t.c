/* capitals-t: amounts in Chinese capitals (大写) as a bank writes them on
 * a cheque: 整 where no 分 follows, 零 for each run of zeros between
 * figures and between 元 and 分, 万 and 亿 where their groups hold any
 * figure, 负 for a negative.  Every case is written by hand. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/error.h"
#include "core/money.h"

static const struct { money_t fen; const char *words; } cases[] = {
	{ 0, "人民币零元整" },
	{ 1, "人民币壹分" },
	{ 10, "人民币壹角整" },
	{ 55, "人民币伍角伍分" },
	{ 100, "人民币壹元整" },
	{ 105, "人民币壹元零伍分" },
	{ 150, "人民币壹元伍角整" },
	{ 1000, "人民币壹拾元整" },
	{ 1100, "人民币壹拾壹元整" },
	{ 2000, "人民币贰拾元整" },
	{ 10100, "人民币壹佰零壹元整" },
	{ 11000, "人民币壹佰壹拾元整" },
	{ 20304, "人民币贰佰零叁元零肆分" },
	{ 32504, "人民币叁佰贰拾伍元零肆分" },
	{ 82500, "人民币捌佰贰拾伍元整" },
	{ 100000, "人民币壹仟元整" },
	{ 100001, "人民币壹仟元零壹分" },
	{ 100100, "人民币壹仟零壹元整" },
	{ 101000, "人民币壹仟零壹拾元整" },
	{ 140950, "人民币壹仟肆佰零玖元伍角整" },
	{ 168032, "人民币壹仟陆佰捌拾元叁角贰分" },
	{ 600714, "人民币陆仟零柒元壹角肆分" },
	{ 1000005, "人民币壹万元零伍分" },
	{ 1000050, "人民币壹万元伍角整" },
	{ 1234567, "人民币壹万贰仟叁佰肆拾伍元陆角柒分" },
	{ 1640902, "人民币壹万陆仟肆佰零玖元零贰分" },
	{ 3000600, "人民币叁万零陆元整" },
	{ 10000000, "人民币壹拾万元整" },
	{ 10050000, "人民币壹拾万零伍佰元整" },
	{ 10700053, "人民币壹拾万零柒仟元伍角叁分" },
	{ 50000000, "人民币伍拾万元整" },
	{ 100000000, "人民币壹佰万元整" },
	{ 300006000, "人民币叁佰万零陆拾元整" },
	{ 1000000000, "人民币壹仟万元整" },
	{ 10000000000, "人民币壹亿元整" },
	{ 10000000100, "人民币壹亿零壹元整" },
	{ 10001000000, "人民币壹亿零壹万元整" },
	{ 11000000000, "人民币壹亿壹仟万元整" },
	{ 100000000000000, "人民币壹万亿元整" },
	{ 100010000000000, "人民币壹万零壹亿元整" },
	{ 999999999999999999, "人民币玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿"
	  "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分" },
	{ 1000000000000000000, "人民币壹亿亿元整" },
	{ INT64_MAX, "人民币玖亿亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿"
	  "陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分" },
	{ -1, "人民币负壹分" },
	{ -52500, "人民币负伍佰贰拾伍元整" },
	{ -1234567, "人民币负壹万贰仟叁佰肆拾伍元陆角柒分" },
	{ INT64_MIN, "人民币负玖亿亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿"
	  "陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分" },
};

START_TEST(amount_in_capitals_as_on_a_cheque)
{
	char buf[TC_CAPITALS_SIZE];
	int n = tc_money_capitals(buf, sizeof(buf), cases[_i].fen);

	ck_assert_msg(n >= 0 && strcmp(buf, cases[_i].words) == 0,
	    "%lld fen: expected %s, got %s", (long long)cases[_i].fen,
	    cases[_i].words, buf);
	ck_assert_int_eq(n, (int)strlen(cases[_i].words));
}
END_TEST

START_TEST(too_small_a_buffer_is_refused_and_left_empty)
{
	char buf[20];

	ck_assert_int_eq(tc_money_capitals(buf, sizeof(buf), 1234567),
	    TC_ETOOBIG);
	ck_assert_str_eq(buf, "");
	/* "人民币壹元整": 6 characters of 3 bytes, and the NUL */
	ck_assert_int_eq(tc_money_capitals(buf, 18, 100), TC_ETOOBIG);
	ck_assert_int_eq(tc_money_capitals(buf, 19, 100), 18);
	ck_assert_str_eq(buf, "人民币壹元整");
	ck_assert_int_eq(tc_money_capitals(buf, 0, 100), TC_ETOOBIG);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("capitals");
	TCase *tc = tcase_create("capitals");
	SRunner *sr;

	tcase_add_loop_test(tc, amount_in_capitals_as_on_a_cheque, 0,
	    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, too_small_a_buffer_is_refused_and_left_empty);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
