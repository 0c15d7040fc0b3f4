/* customers-code-t: customer codes are checked and generated in order,
 * and customer names compare trimmed, with blanks collapsed, ignoring
 * ASCII case. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "sales/customers-code.h"

static const struct { const char *code; int valid; } codes[] = {
	{ "C000123", 1 }, { "acme-01", 1 }, { "A_B", 1 }, { "x", 1 },
	{ "12345678901234567890123456789012", 1 },
	{ "123456789012345678901234567890123", 0 },
	{ "", 0 }, { "C 001", 0 }, { "客户1", 0 }, { "a/b", 0 }, { "a.b", 0 },
	{ "<x>", 0 },
};

START_TEST(code_valid_or_not)
{
	ck_assert_msg(cust_code_valid(codes[_i].code) == codes[_i].valid,
	    "code \"%s\": expected %s", codes[_i].code,
	    codes[_i].valid ? "valid" : "invalid");
}
END_TEST

START_TEST(code_null_is_invalid)
{
	ck_assert_int_eq(cust_code_valid(NULL), 0);
}
END_TEST

static const struct { const char *max; const char *next; } nexts[] = {
	{ NULL, "C000001" },
	{ "C000001", "C000002" },
	{ "C000122", "C000123" },
	{ "C009999", "C010000" },
	{ "C999999", "C1000000" },
	{ "C1000000", "C1000001" },
	{ "acme", "C000001" },          /* not a generated code */
	{ "C12345", "C000001" },        /* too few digits */
	{ "C00012a", "C000001" },
};

START_TEST(code_next_follows_the_highest)
{
	char buf[CUST_CODE_MAX + 1];

	ck_assert_int_eq(cust_code_next(buf, sizeof(buf), nexts[_i].max), 0);
	ck_assert_str_eq(buf, nexts[_i].next);
}
END_TEST

START_TEST(code_make_refuses_bad_input)
{
	char buf[8];

	ck_assert_int_eq(cust_code_make(buf, sizeof(buf), 0), -1);
	ck_assert_int_eq(cust_code_make(buf, sizeof(buf), -5), -1);
	ck_assert_int_eq(cust_code_make(buf, sizeof(buf), 123), 0);
	ck_assert_str_eq(buf, "C000123");
	/* "C1234567" needs 9 bytes */
	ck_assert_int_eq(cust_code_make(buf, sizeof(buf), 1234567), -1);
}
END_TEST

START_TEST(code_seq_reads_generated_codes)
{
	int64_t v = 0;

	ck_assert_int_eq(cust_code_seq("C000042", &v), 1);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(cust_code_seq("c000042", &v), 0);
	ck_assert_int_eq(cust_code_seq("C0000420000000000000", &v), 0);
	ck_assert_int_eq(cust_code_seq(NULL, &v), 0);
}
END_TEST

static const struct { const char *in, *clean, *key; } names[] = {
	{ "  Acme  Ltd ", "Acme Ltd", "acme ltd" },
	{ "ACME LTD", "ACME LTD", "acme ltd" },
	{ "\t上海  华信\n科技 ", "上海 华信 科技", "上海 华信 科技" },
	{ "\xe3\x80\x80北京星辰\xe3\x80\x80", "北京星辰", "北京星辰" },
	{ "北京\xe3\x80\x80星辰", "北京 星辰", "北京 星辰" },
	{ "", "", "" },
	{ "   ", "", "" },
	{ "É Co", "É Co", "É co" },     /* only ASCII letters fold */
};

START_TEST(name_clean_and_key)
{
	char buf[128];

	ck_assert_int_ge(cust_name_clean(names[_i].in, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, names[_i].clean);
	ck_assert_int_ge(cust_name_key(names[_i].in, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, names[_i].key);
}
END_TEST

START_TEST(name_clean_refuses_a_small_buffer)
{
	char buf[4];

	ck_assert_int_eq(cust_name_clean("abcd", buf, sizeof(buf)), -1);
	ck_assert_int_eq(cust_name_clean("abc", buf, sizeof(buf)), 3);
	ck_assert_int_eq(cust_name_clean("x", buf, 0), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("customers-code");
	TCase *tc = tcase_create("customers-code");
	SRunner *sr;

	tcase_add_loop_test(tc, code_valid_or_not, 0,
	    sizeof(codes) / sizeof(codes[0]));
	tcase_add_test(tc, code_null_is_invalid);
	tcase_add_loop_test(tc, code_next_follows_the_highest, 0,
	    sizeof(nexts) / sizeof(nexts[0]));
	tcase_add_test(tc, code_make_refuses_bad_input);
	tcase_add_test(tc, code_seq_reads_generated_codes);
	tcase_add_loop_test(tc, name_clean_and_key, 0,
	    sizeof(names) / sizeof(names[0]));
	tcase_add_test(tc, name_clean_refuses_a_small_buffer);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
