/* ldapesc-t: RFC 4515 escaping of LDAP filter values. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/ldapesc.h"

static void
expect(const char *in, size_t len, const char *want)
{
	char *got = ldapesc_filter_value(in, len);

	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(ldapesc_filter_value_len(in, len), strlen(want));
	free(got);
}

START_TEST(plain_login_unchanged)
{
	expect("zhang.wei", 9, "zhang.wei");
	expect("", 0, "");
	expect("张伟", strlen("张伟"), "张伟");
}
END_TEST

START_TEST(star_escaped)
{
	expect("*", 1, "\\2a");
}
END_TEST

START_TEST(injection_attempt_neutralised)
{
	expect("zhangwei)(uid=*", 15, "zhangwei\\29\\28uid=\\2a");
	expect("*)(|(objectClass=*", 18, "\\2a\\29\\28|\\28objectClass=\\2a");
}
END_TEST

START_TEST(backslash_and_nul_escaped)
{
	expect("a\\b", 3, "a\\5cb");
	expect("a\0b", 3, "a\\00b");
	expect("\\2a", 3, "\\5c2a");
}
END_TEST

START_TEST(control_characters_escaped)
{
	expect("a\nb\x7f", 4, "a\\0ab\\7f");
}
END_TEST

START_TEST(into_buffer_exact_fit_and_too_small)
{
	char buf[8];

	ck_assert_int_eq(ldapesc_filter_value_buf(buf, 4, "*", 1), 3);
	ck_assert_str_eq(buf, "\\2a");
	ck_assert_int_eq(ldapesc_filter_value_buf(buf, 3, "*", 1), TC_ETOOBIG);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(ldapesc_filter_value_buf(buf, sizeof(buf), "ab", 2), 2);
	ck_assert_str_eq(buf, "ab");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("ldapesc");
	TCase *t = tcase_create("filter");
	SRunner *sr;

	tcase_add_test(t, plain_login_unchanged);
	tcase_add_test(t, star_escaped);
	tcase_add_test(t, injection_attempt_neutralised);
	tcase_add_test(t, backslash_and_nul_escaped);
	tcase_add_test(t, control_characters_escaped);
	tcase_add_test(t, into_buffer_exact_fit_and_too_small);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
