/* charset-t: GB18030 (what Chinese Excel saves as CSV) to UTF-8: one-,
 * two- and four-byte characters, a whole CSV line, and what is not
 * GB18030 (an invalid byte, a cut character) refused with nothing
 * returned. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/charset.h"
#include "core/error.h"

static void
converts(const char *gb, size_t len, const char *utf8)
{
	char *out = NULL;
	size_t n = 0;

	ck_assert_int_eq(tc_gb18030_to_utf8(gb, len, &out, &n), 0);
	ck_assert_ptr_nonnull(out);
	ck_assert_str_eq(out, utf8);
	ck_assert_uint_eq(n, strlen(utf8));
	free(out);
}

static void
refused(const char *gb, size_t len)
{
	char *out = (char *)1;
	size_t n = 1;

	ck_assert_int_eq(tc_gb18030_to_utf8(gb, len, &out, &n), TC_EFORMAT);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(n, 0);
}

START_TEST(two_byte_characters_and_ascii_of_a_csv_line)
{
	/* "订单,客户\n": GBK as Excel writes it */
	converts("\xb6\xa9\xb5\xa5,\xbf\xcd\xbb\xa7\n", 10, "订单,客户\n");
	converts("\xbb\xaa\xb6\xab", 4, "华东");
	converts("\xa2\xe3", 2, "€");
}
END_TEST

START_TEST(four_byte_characters_beyond_gbk)
{
	converts("\x95\x32\x82\x36", 4, "\xf0\xa0\x80\x80");   /* U+20000 */
}
END_TEST

START_TEST(empty_text_is_empty)
{
	converts("", 0, "");
}
END_TEST

START_TEST(an_invalid_byte_or_a_cut_character_is_refused)
{
	refused("\xff\xff", 2);
	refused("ok\xbb", 3);               /* the second byte is missing */
	refused("\x95\x32\x82", 3);         /* three of four bytes */
}
END_TEST

START_TEST(an_upload_in_utf8_is_taken_as_it_is)
{
	const char *in = "订单,客户\n", *text = NULL;
	char *owned = (char *)1;
	size_t n = 0;

	ck_assert_int_eq(tc_upload_utf8(in, strlen(in), &text, &n, &owned), 0);
	ck_assert_ptr_eq(text, in);
	ck_assert_uint_eq(n, strlen(in));
	ck_assert_ptr_null(owned);
}
END_TEST

START_TEST(an_upload_in_gb18030_is_converted)
{
	const char *text = NULL;
	char *owned = NULL;
	size_t n = 0;

	ck_assert_int_eq(tc_upload_utf8("\xbb\xaa\xb6\xab,1\n", 7, &text, &n,
	    &owned), 0);
	ck_assert_ptr_nonnull(owned);
	ck_assert_ptr_eq(text, owned);
	ck_assert_str_eq(text, "华东,1\n");
	ck_assert_uint_eq(n, strlen("华东,1\n"));
	free(owned);
}
END_TEST

START_TEST(an_upload_neither_utf8_nor_gb18030_is_refused)
{
	const char *text = NULL;
	char *owned = (char *)1;
	size_t n = 0;

	/* a NUL is valid GB18030 but no text of a CSV */
	ck_assert_int_eq(tc_upload_utf8("a\0b", 3, &text, &n, &owned),
	    TC_EFORMAT);
	ck_assert_ptr_null(owned);
	ck_assert_int_eq(tc_upload_utf8("ok\xbb", 3, &text, &n, &owned),
	    TC_EFORMAT);
	ck_assert_ptr_null(owned);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("charset");
	TCase *t = tcase_create("gb18030");
	SRunner *sr;

	tcase_add_test(t, two_byte_characters_and_ascii_of_a_csv_line);
	tcase_add_test(t, four_byte_characters_beyond_gbk);
	tcase_add_test(t, empty_text_is_empty);
	tcase_add_test(t, an_invalid_byte_or_a_cut_character_is_refused);
	tcase_add_test(t, an_upload_in_utf8_is_taken_as_it_is);
	tcase_add_test(t, an_upload_in_gb18030_is_converted);
	tcase_add_test(t, an_upload_neither_utf8_nor_gb18030_is_refused);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
