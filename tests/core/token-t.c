/* token-t: random tokens, hashes, CSRF binding and Set-Cookie values. */
#include <check.h>
#include <string.h>

#include "core/token.h"

START_TEST(new_token_is_64_lowercase_hex_and_unique)
{
	char a[TOKEN_HEX_SIZE], b[TOKEN_HEX_SIZE];

	ck_assert_int_eq(token_new(a), 0);
	ck_assert_int_eq(token_new(b), 0);
	ck_assert_uint_eq(strlen(a), 64);
	ck_assert_int_eq(token_well_formed(a), 1);
	ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(random_fills_large_buffers)
{
	static unsigned char buf[1 << 16];
	size_t i, zeros = 0;

	memset(buf, 0, sizeof(buf));
	ck_assert_int_eq(token_random(buf, sizeof(buf)), 0);
	for (i = 0; i < sizeof(buf); i++)
		zeros += buf[i] == 0;
	/* About 256 expected; all zeros would mean nothing was written. */
	ck_assert_uint_lt(zeros, 1024);
}
END_TEST

START_TEST(well_formed_rejects_other_shapes)
{
	static const char *bad[] = {
		"", "abc",
		"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
	};
	size_t i;

	ck_assert_int_eq(token_well_formed(NULL), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!token_well_formed(bad[i]), "accepted \"%s\"", bad[i]);
	ck_assert_int_eq(token_well_formed(
	    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 1);
}
END_TEST

START_TEST(hex_encoding_of_known_bytes)
{
	static const unsigned char in[] = {0x00, 0x0f, 0xa5, 0xff};
	char out[9];

	token_hex(in, sizeof(in), out);
	ck_assert_str_eq(out, "000fa5ff");
}
END_TEST

START_TEST(hash_is_sha256_hex)
{
	char out[TOKEN_HEX_SIZE];

	token_hash("abc", out);
	ck_assert_str_eq(out,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	token_hash("", out);
	ck_assert_str_eq(out,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

START_TEST(equal_compares_whole_strings)
{
	ck_assert_int_eq(token_equal("abc", "abc"), 1);
	ck_assert_int_eq(token_equal("abc", "abd"), 0);
	ck_assert_int_eq(token_equal("abc", "ab"), 0);
	ck_assert_int_eq(token_equal("", ""), 1);
	ck_assert_int_eq(token_equal(NULL, "a"), 0);
	ck_assert_int_eq(token_equal("a", NULL), 0);
}
END_TEST

START_TEST(csrf_token_is_hmac_of_session)
{
	char out[TOKEN_HEX_SIZE];

	/* HMAC-SHA256(key="key", "csrf") as computed
	 * independently with openssl dgst -sha256 -hmac key. */
	token_csrf("key", out);
	ck_assert_str_eq(out,
	    "b16b91124d187af339b515f5f6046a55a985f32065b63e3ea9e3f0b32f05e336");
}
END_TEST

START_TEST(csrf_check_accepts_own_session_token_only)
{
	char s1[TOKEN_HEX_SIZE], s2[TOKEN_HEX_SIZE], c1[TOKEN_HEX_SIZE];

	ck_assert_int_eq(token_new(s1), 0);
	ck_assert_int_eq(token_new(s2), 0);
	token_csrf(s1, c1);
	ck_assert_int_eq(token_csrf_check(s1, c1), 1);
	ck_assert_int_eq(token_csrf_check(s2, c1), 0);
	ck_assert_int_eq(token_csrf_check(s1, s1), 0);
	ck_assert_int_eq(token_csrf_check(s1, ""), 0);
	ck_assert_int_eq(token_csrf_check(s1, NULL), 0);
	ck_assert_int_eq(token_csrf_check("", c1), 0);
	ck_assert_int_eq(token_csrf_check(NULL, c1), 0);
	c1[0] = c1[0] == 'a' ? 'b' : 'a';
	ck_assert_int_eq(token_csrf_check(s1, c1), 0);
}
END_TEST

START_TEST(cookie_session_default_lax_httponly)
{
	char buf[256];
	int n = cookie_format(buf, sizeof(buf), "tc_session", "abc123", NULL);

	ck_assert_str_eq(buf, "tc_session=abc123; Path=/; HttpOnly; SameSite=Lax");
	ck_assert_int_eq(n, (int)strlen(buf));
}
END_TEST

START_TEST(cookie_with_max_age_secure_strict)
{
	char buf[256];
	struct cookie_opts o = {1, 1, 28800, NULL};

	ck_assert_int_gt(cookie_format(buf, sizeof(buf), "tc_session", "abc", &o), 0);
	ck_assert_str_eq(buf, "tc_session=abc; Path=/; Max-Age=28800; HttpOnly; "
	    "SameSite=Strict; Secure");
	o.path = "/sales";
	o.max_age = 0;
	o.strict = 0;
	o.secure = 0;
	ck_assert_int_gt(cookie_format(buf, sizeof(buf), "a", "b", &o), 0);
	ck_assert_str_eq(buf, "a=b; Path=/sales; Max-Age=0; HttpOnly; SameSite=Lax");
}
END_TEST

START_TEST(cookie_delete_expires_in_the_past)
{
	char buf[256];
	struct cookie_opts o = {1, 0, 3600, NULL};

	ck_assert_int_gt(cookie_format_delete(buf, sizeof(buf), "tc_session", &o), 0);
	ck_assert_str_eq(buf, "tc_session=; Path=/; Max-Age=0; "
	    "Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax; Secure");
}
END_TEST

START_TEST(cookie_bad_name_value_or_path_refused)
{
	char buf[256];
	struct cookie_opts o = {0, 0, -1, "/a;b"};

	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a b", "v", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a=", "v", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "", "v", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a", "v;Domain=x", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a", "v\r\nX: y", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a", "\"q\"", NULL), TC_EINVAL);
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a", "v", &o), TC_EINVAL);
	o.path = "rel";
	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "a", "v", &o), TC_EINVAL);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(cookie_small_buffer_refused_and_emptied)
{
	char buf[16];

	ck_assert_int_eq(cookie_format(buf, sizeof(buf), "tc_session", "abc", NULL),
	    TC_ETOOBIG);
	ck_assert_str_eq(buf, "");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("token");
	TCase *t = tcase_create("tokens"), *c = tcase_create("cookies");
	SRunner *sr;

	tcase_add_test(t, new_token_is_64_lowercase_hex_and_unique);
	tcase_add_test(t, random_fills_large_buffers);
	tcase_add_test(t, well_formed_rejects_other_shapes);
	tcase_add_test(t, hex_encoding_of_known_bytes);
	tcase_add_test(t, hash_is_sha256_hex);
	tcase_add_test(t, equal_compares_whole_strings);
	tcase_add_test(t, csrf_token_is_hmac_of_session);
	tcase_add_test(t, csrf_check_accepts_own_session_token_only);
	tcase_add_test(c, cookie_session_default_lax_httponly);
	tcase_add_test(c, cookie_with_max_age_secure_strict);
	tcase_add_test(c, cookie_delete_expires_in_the_past);
	tcase_add_test(c, cookie_bad_name_value_or_path_refused);
	tcase_add_test(c, cookie_small_buffer_refused_and_emptied);
	suite_add_tcase(s, t);
	suite_add_tcase(s, c);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
