/* request-t: query strings, urlencoded and multipart bodies, cookies and
 * Accept-Language, under limits. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/request.h"

static struct req_fields F;

static void
setup(void)
{
	req_fields_init(&F);
}

static void
teardown(void)
{
	req_fields_free(&F);
}

static int
urlenc(const char *s)
{
	return req_parse_urlencoded(&F, s, strlen(s), &req_limits_default);
}

static int
urlenc_lim(const char *s, const struct req_limits *lim)
{
	return req_parse_urlencoded(&F, s, strlen(s), lim);
}

#define ck_err(got, want) \
	ck_assert_str_eq(req_strerror(got), req_strerror(want))

START_TEST(urlencoded_pairs_decoded_in_order)
{
	ck_err(urlenc("user=zhang.wei&password=a%2Bb+c%26d&next=%2Fsales%2F"), 0);
	ck_assert_uint_eq(F.n, 3);
	ck_assert_str_eq(F.pairs[0].name, "user");
	ck_assert_str_eq(F.pairs[0].value, "zhang.wei");
	ck_assert_str_eq(F.pairs[1].value, "a+b c&d");
	ck_assert_str_eq(F.pairs[2].value, "/sales/");
	ck_assert_ptr_null(F.pairs[0].filename);
}
END_TEST

START_TEST(urlencoded_utf8_chinese_decoded)
{
	ck_err(urlenc("name=%E5%BC%A0%E4%BC%9F"), 0);
	ck_assert_str_eq(req_get(&F, "name"), "张伟");
}
END_TEST

START_TEST(urlencoded_repeated_names_iterated)
{
	const struct req_pair *p;
	const char *want[] = {"alice", "bob", "carol"};
	size_t i = 0;

	ck_err(urlenc("rep=alice&x=1&rep=bob&rep=carol"), 0);
	ck_assert_uint_eq(req_count(&F, "rep"), 3);
	ck_assert_str_eq(req_get(&F, "rep"), "alice");
	for (p = req_next(&F, "rep", NULL); p; p = req_next(&F, "rep", p))
		ck_assert_str_eq(p->value, want[i++]);
	ck_assert_uint_eq(i, 3);
	ck_assert_ptr_null(req_get(&F, "missing"));
	ck_assert_uint_eq(req_count(&F, "missing"), 0);
}
END_TEST

START_TEST(urlencoded_empty_segments_and_names_skipped)
{
	ck_err(urlenc("&&a=1&=orphan&&b&c="), 0);
	ck_assert_uint_eq(F.n, 3);
	ck_assert_str_eq(req_get(&F, "a"), "1");
	ck_assert_str_eq(req_get(&F, "b"), "");
	ck_assert_str_eq(req_get(&F, "c"), "");
}
END_TEST

START_TEST(urlencoded_empty_body_gives_no_fields)
{
	ck_err(urlenc(""), 0);
	ck_assert_uint_eq(F.n, 0);
}
END_TEST

START_TEST(urlencoded_bad_percent_escape_400)
{
	const char *bad[] = {"a=%", "a=%2", "a=%zz", "a=%2g", "%=1", "a=100%"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		req_fields_free(&F);
		ck_err(urlenc(bad[i]), TC_EBAD_ESCAPE);
	}
	ck_assert_int_eq(req_status(TC_EBAD_ESCAPE), 400);
}
END_TEST

START_TEST(urlencoded_invalid_utf8_400)
{
	const char *bad[] = {
		"a=%FF", "a=%C0%AF", "a=%E5%BC", "a=%ED%A0%80", "a=%F4%90%80%80",
		"a=%00", "n%80=1", "a=%E0%80%80",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		req_fields_free(&F);
		ck_err(urlenc(bad[i]), TC_EBAD_UTF8);
	}
}
END_TEST

START_TEST(urlencoded_too_many_fields_400)
{
	struct req_limits lim = req_limits_default;

	lim.max_fields = 3;
	ck_err(urlenc_lim("a=1&b=2&c=3", &lim), 0);
	req_fields_free(&F);
	ck_err(urlenc_lim("a=1&b=2&c=3&d=4", &lim), TC_ETOO_MANY_FIELDS);
	ck_assert_int_eq(req_status(TC_ETOO_MANY_FIELDS), 400);
}
END_TEST

START_TEST(fields_limit_counts_query_and_body_together)
{
	struct req_limits lim = req_limits_default;

	lim.max_fields = 3;
	ck_err(req_parse_query(&F, "a=1&b=2", 7, &lim), 0);
	ck_err(urlenc_lim("c=3&d=4", &lim), TC_ETOO_MANY_FIELDS);
}
END_TEST

START_TEST(urlencoded_name_too_long_400)
{
	struct req_limits lim = req_limits_default;

	lim.max_name = 4;
	ck_err(urlenc_lim("abcd=1", &lim), 0);
	req_fields_free(&F);
	ck_err(urlenc_lim("abcde=1", &lim), TC_ENAME_TOO_LONG);
	/* The limit is on the decoded name. */
	req_fields_free(&F);
	ck_err(urlenc_lim("%61%62%63%64=1", &lim), 0);
}
END_TEST

START_TEST(urlencoded_value_too_long_400)
{
	struct req_limits lim = req_limits_default;

	lim.max_value = 5;
	ck_err(urlenc_lim("a=12345", &lim), 0);
	req_fields_free(&F);
	ck_err(urlenc_lim("a=123456", &lim), TC_EVALUE_TOO_LONG);
	ck_assert_int_eq(req_status(TC_EVALUE_TOO_LONG), 400);
}
END_TEST

START_TEST(body_too_large_413)
{
	struct req_limits lim = req_limits_default;

	lim.max_body = 10;
	ck_err(urlenc_lim("a=123456789", &lim), TC_EBODY_TOO_LARGE);
	ck_err(req_parse_body(&F, "application/x-www-form-urlencoded",
	    "a=123456789", 11, &lim), TC_EBODY_TOO_LARGE);
	ck_assert_int_eq(req_status(TC_EBODY_TOO_LARGE), 413);
}
END_TEST

START_TEST(body_dispatch_by_content_type)
{
	ck_err(req_parse_body(&F, "application/x-www-form-urlencoded; charset=UTF-8",
	    "a=1", 3, &req_limits_default), 0);
	ck_assert_str_eq(req_get(&F, "a"), "1");
	ck_err(req_parse_body(&F, NULL, "", 0, &req_limits_default), 0);
	ck_err(req_parse_body(&F, "application/json", "{}", 2,
	    &req_limits_default), TC_EBAD_MEDIA_TYPE);
	ck_err(req_parse_body(&F, "application/x-www-form-urlencodedX", "a=1",
	    3, &req_limits_default), TC_EBAD_MEDIA_TYPE);
	ck_assert_int_eq(req_status(TC_EBAD_MEDIA_TYPE), 415);
}
END_TEST

/* A CSV upload as Chromium sends it. */
static const char CT[] =
    "multipart/form-data; boundary=----WebKitFormBoundaryx7QmB3vZ9yTqP2aL";
#define B "------WebKitFormBoundaryx7QmB3vZ9yTqP2aL"

static int
mp(const char *ct, const char *body, size_t len)
{
	return req_parse_multipart(&F, ct, body, len, &req_limits_default);
}

static int
mps(const char *body)
{
	return mp(CT, body, strlen(body));
}

START_TEST(multipart_chromium_csv_upload_parsed)
{
	static const char body[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "0123abcd\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
	    "Content-Type: text/csv\r\n\r\n"
	    "order_id,rep,amount\r\nA1,zhangwei,100.00\r\n\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
	    "第一批\r\n"
	    B "--\r\n";
	const struct req_pair *p;

	ck_err(mps(body), 0);
	ck_assert_uint_eq(F.n, 3);
	ck_assert_str_eq(req_get(&F, "csrf"), "0123abcd");
	p = req_first(&F, "file");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->filename, "orders.csv");
	ck_assert_str_eq(p->ctype, "text/csv");
	ck_assert_uint_eq(p->valsz, 41);
	ck_assert_str_eq(p->value, "order_id,rep,amount\r\nA1,zhangwei,100.00\r\n");
	ck_assert_str_eq(req_get(&F, "note"), "第一批");
	ck_assert_ptr_null(req_first(&F, "note")->filename);
}
END_TEST

START_TEST(multipart_file_bytes_kept_exactly_with_nul_and_crlf)
{
	static const char body[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\0\r\n\r\n--\r\n-" "\xff\xfe\r\r\n\n\r\n"
	    B "--\r\n";
	static const char want[] = "\0\r\n\r\n--\r\n-" "\xff\xfe\r\r\n\n";
	const struct req_pair *p;

	ck_err(mp(CT, body, sizeof(body) - 1), 0);
	p = req_first(&F, "f");
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->valsz, sizeof(want) - 1);
	ck_assert_mem_eq(p->value, want, sizeof(want) - 1);
}
END_TEST

START_TEST(multipart_empty_file_input_gives_empty_filename)
{
	static const char body[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\r\n"
	    B "--\r\n";
	const struct req_pair *p;

	ck_err(mps(body), 0);
	p = req_first(&F, "file");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->filename, "");
	ck_assert_uint_eq(p->valsz, 0);
}
END_TEST

START_TEST(multipart_client_path_reduced_to_base_name)
{
	static const char body[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"C:\\Users\\wei\\q1.csv\"\r\n\r\n"
	    "x\r\n"
	    B "--";

	ck_err(mps(body), 0);
	ck_assert_str_eq(req_first(&F, "f")->filename, "q1.csv");
}
END_TEST

START_TEST(multipart_quoted_boundary_and_preamble_accepted)
{
	static const char body[] =
	    "preamble to ignore\r\n"
	    "--a b'c\r\n"
	    "content-disposition: FORM-DATA; name=k\r\n\r\n"
	    "v\r\n"
	    "--a b'c--\r\nepilogue";

	ck_err(mp("multipart/form-data; charset=utf-8; boundary=\"a b'c\"",
	    body, strlen(body)), 0);
	ck_assert_str_eq(req_get(&F, "k"), "v");
}
END_TEST

START_TEST(multipart_no_parts_gives_no_fields)
{
	ck_err(mps(B "--\r\n"), 0);
	ck_assert_uint_eq(F.n, 0);
}
END_TEST

START_TEST(multipart_missing_boundary_refused)
{
	const char *cts[] = {
		"multipart/form-data", "multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"unterminated",
		"multipart/form-data; boundary=" /* 71 chars */
		"12345678901234567890123456789012345678901234567890123456789012345678901",
	};
	size_t i;

	for (i = 0; i < sizeof(cts) / sizeof(cts[0]); i++)
		ck_err(mp(cts[i], "x", 1), TC_ENO_BOUNDARY);
	ck_err(mp(NULL, "x", 1), TC_ENO_BOUNDARY);
}
END_TEST

START_TEST(multipart_missing_final_boundary_refused)
{
	static const char cut[] =
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "1\r\n"
	    B "\r\n"
	    "Content-Disposition: form-data; name=\"b\"\r\n\r\n"
	    "2";

	ck_err(mps(cut), TC_ENO_FINAL_BOUNDARY);
	req_fields_free(&F);
	ck_err(mps(B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" B),
	    TC_ENO_FINAL_BOUNDARY);
	req_fields_free(&F);
	ck_err(mps(B "\r\nContent-Disposition: form-data; name=\"a\"\r\n"),
	    TC_ENO_FINAL_BOUNDARY);
	req_fields_free(&F);
	ck_err(mps(B), TC_ENO_FINAL_BOUNDARY);
	ck_assert_int_eq(req_status(TC_ENO_FINAL_BOUNDARY), 400);
}
END_TEST

START_TEST(multipart_body_without_delimiter_refused)
{
	ck_err(mps("just some text"), TC_EMULTIPART);
	req_fields_free(&F);
	ck_err(mps(""), TC_EMULTIPART);
	req_fields_free(&F);
	/* Delimiter followed by junk instead of CRLF. */
	ck_err(mps(B "junk\r\n"), TC_EMULTIPART);
}
END_TEST

START_TEST(multipart_header_line_too_long_refused)
{
	char *body = malloc(4096);
	size_t n;

	n = (size_t)sprintf(body, B "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: ");
	memset(body + n, 'x', 1100);
	n += 1100;
	n += (size_t)sprintf(body + n, "\r\n\r\nv\r\n" B "--\r\n");
	ck_err(mp(CT, body, n), TC_EHEADER_TOO_LONG);
	free(body);
}
END_TEST

START_TEST(multipart_too_many_header_lines_refused)
{
	char body[2048];
	size_t n, i;

	n = (size_t)sprintf(body, B "\r\nContent-Disposition: form-data; name=\"a\"\r\n");
	for (i = 0; i < 20; i++)
		n += (size_t)sprintf(body + n, "X-H%zu: 1\r\n", i);
	n += (size_t)sprintf(body + n, "\r\nv\r\n" B "--\r\n");
	ck_err(mp(CT, body, n), TC_EHEADER_TOO_LONG);
}
END_TEST

START_TEST(multipart_part_without_name_refused)
{
	ck_err(mps(B "\r\nContent-Disposition: form-data\r\n\r\nv\r\n" B "--"),
	    TC_EBAD_DISPOSITION);
	req_fields_free(&F);
	ck_err(mps(B "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n" B "--"),
	    TC_EBAD_DISPOSITION);
	req_fields_free(&F);
	ck_err(mps(B "\r\nContent-Type: text/plain\r\n\r\nv\r\n" B "--"),
	    TC_EBAD_DISPOSITION);
	req_fields_free(&F);
	ck_err(mps(B "\r\n\r\nv\r\n" B "--"), TC_EBAD_DISPOSITION);
	req_fields_free(&F);
	ck_err(mps(B "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n" B "--"),
	    TC_EBAD_DISPOSITION);
}
END_TEST

START_TEST(multipart_header_without_colon_refused)
{
	ck_err(mps(B "\r\nContent-Disposition: form-data; name=\"a\"\r\nbogus\r\n\r\nv\r\n" B "--"),
	    TC_EMULTIPART);
}
END_TEST

START_TEST(multipart_text_part_invalid_utf8_refused)
{
	ck_err(mps(B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n" B "--"),
	    TC_EBAD_UTF8);
}
END_TEST

START_TEST(multipart_file_too_large_413)
{
	struct req_limits lim = req_limits_default;
	static const char body[] =
	    B "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n\r\n"
	    "0123456789\r\n" B "--\r\n";

	lim.max_file = 9;
	ck_err(req_parse_multipart(&F, CT, body, strlen(body), &lim),
	    TC_EFILE_TOO_LARGE);
	ck_assert_int_eq(req_status(TC_EFILE_TOO_LARGE), 413);
	req_fields_free(&F);
	lim.max_file = 10;
	ck_err(req_parse_multipart(&F, CT, body, strlen(body), &lim), 0);
}
END_TEST

START_TEST(multipart_text_value_too_long_400)
{
	struct req_limits lim = req_limits_default;
	static const char body[] =
	    B "\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n"
	    "0123456789\r\n" B "--\r\n";

	lim.max_value = 9;
	ck_err(req_parse_multipart(&F, CT, body, strlen(body), &lim),
	    TC_EVALUE_TOO_LONG);
}
END_TEST

START_TEST(multipart_too_many_fields_400)
{
	struct req_limits lim = req_limits_default;
	static const char body[] =
	    B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    B "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
	    B "--\r\n";

	lim.max_fields = 1;
	ck_err(req_parse_multipart(&F, CT, body, strlen(body), &lim),
	    TC_ETOO_MANY_FIELDS);
}
END_TEST

START_TEST(multipart_via_parse_body)
{
	static const char body[] =
	    B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" B "--\r\n";

	ck_err(req_parse_body(&F, CT, body, strlen(body), &req_limits_default), 0);
	ck_assert_str_eq(req_get(&F, "a"), "1");
}
END_TEST

static void
cookies(const char *h)
{
	ck_err(req_parse_cookies(&F, h, strlen(h), &req_limits_default), 0);
}

START_TEST(cookie_pairs_parsed_and_trimmed)
{
	cookies("tc_session=0123abcd; tc_lang=en;tc_pre=\"q u\"; ");
	ck_assert_uint_eq(F.n, 3);
	ck_assert_str_eq(req_get(&F, "tc_session"), "0123abcd");
	ck_assert_str_eq(req_get(&F, "tc_lang"), "en");
	ck_assert_str_eq(req_get(&F, "tc_pre"), "q u");
}
END_TEST

START_TEST(cookie_malformed_pairs_ignored)
{
	cookies("novalue; =anon; a b=1; ok=1;  ; bad=\x01x; q=\"in\"side\"; "
	    "u=\xff; good=2;;");
	ck_assert_uint_eq(F.n, 2);
	ck_assert_str_eq(req_get(&F, "ok"), "1");
	ck_assert_str_eq(req_get(&F, "good"), "2");
}
END_TEST

START_TEST(cookie_first_of_duplicates_wins)
{
	cookies("sid=specific; sid=general");
	ck_assert_str_eq(req_get(&F, "sid"), "specific");
	ck_assert_uint_eq(req_count(&F, "sid"), 2);
}
END_TEST

START_TEST(cookie_empty_or_null_header_gives_nothing)
{
	cookies("");
	ck_err(req_parse_cookies(&F, NULL, 0, &req_limits_default), 0);
	ck_assert_uint_eq(F.n, 0);
}
END_TEST

START_TEST(cookie_over_limits_skipped_not_fatal)
{
	struct req_limits lim = req_limits_default;
	const char *h = "a=1; b=2; c=3; toolong=123456789";

	lim.max_fields = 2;
	lim.max_value = 5;
	ck_err(req_parse_cookies(&F, h, strlen(h), &lim), 0);
	ck_assert_uint_eq(F.n, 2);
	ck_assert_ptr_null(req_get(&F, "c"));
}
END_TEST

START_TEST(accept_language_picks_by_q)
{
	static const struct { const char *h, *want; } t[] = {
		{NULL, "zh"},
		{"", "zh"},
		{"en-US,en;q=0.9", "en"},
		{"zh-CN,zh;q=0.9,en;q=0.8", "zh"},
		{"en-US,en;q=0.9,zh-CN;q=0.8", "en"},
		{"en;q=0.5, zh;q=0.7", "zh"},
		{"zh;q=0.3, en;q=0.7", "en"},
		{"fr-FR,fr;q=0.9", "zh"},
		{"fr, en;q=0.1", "en"},
		{"*", "zh"},
		{"en;q=0", "zh"},
		{"en;q=0.5, zh;q=0.5", "zh"},
		{"EN-gb", "en"},
		{"english", "zh"},
		{"en;q=2", "zh"},
		{"en;q=abc", "zh"},
		{"en;x=1", "zh"},
		{"zh-TW;q=0.8, *;q=0.5", "zh"},
		{"zh;q=0.1, *;q=0.5", "en"},
		{",,,;;;q=,", "zh"},
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(strcmp(req_accept_language(t[i].h), t[i].want) == 0,
		    "Accept-Language \"%s\": expected %s, got %s",
		    t[i].h ? t[i].h : "(null)", t[i].want,
		    req_accept_language(t[i].h));
}
END_TEST

START_TEST(error_names_distinct)
{
	int e;

	for (e = TC_EBAD_DISPOSITION; e <= TC_EBODY_TOO_LARGE; e++) {
		int e2;
		ck_assert_str_ne(req_strerror(e), "unknown-error");
		for (e2 = e + 1; e2 <= TC_EBODY_TOO_LARGE; e2++)
			ck_assert_str_ne(req_strerror(e), req_strerror(e2));
	}
	ck_assert_str_eq(req_strerror(-999), "unknown-error");
	ck_assert_int_eq(req_status(TC_ENOMEM), 500);
	ck_assert_int_eq(req_status(0), 200);
}
END_TEST

START_TEST(free_accepts_null)
{
	req_fields_free(NULL);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("request");
	TCase *u = tcase_create("urlencoded"), *m = tcase_create("multipart"),
	    *c = tcase_create("headers");
	SRunner *sr;

	tcase_add_checked_fixture(u, setup, teardown);
	tcase_add_checked_fixture(m, setup, teardown);
	tcase_add_checked_fixture(c, setup, teardown);
	tcase_add_test(u, urlencoded_pairs_decoded_in_order);
	tcase_add_test(u, urlencoded_utf8_chinese_decoded);
	tcase_add_test(u, urlencoded_repeated_names_iterated);
	tcase_add_test(u, urlencoded_empty_segments_and_names_skipped);
	tcase_add_test(u, urlencoded_empty_body_gives_no_fields);
	tcase_add_test(u, urlencoded_bad_percent_escape_400);
	tcase_add_test(u, urlencoded_invalid_utf8_400);
	tcase_add_test(u, urlencoded_too_many_fields_400);
	tcase_add_test(u, fields_limit_counts_query_and_body_together);
	tcase_add_test(u, urlencoded_name_too_long_400);
	tcase_add_test(u, urlencoded_value_too_long_400);
	tcase_add_test(u, body_too_large_413);
	tcase_add_test(u, body_dispatch_by_content_type);
	tcase_add_test(m, multipart_chromium_csv_upload_parsed);
	tcase_add_test(m, multipart_file_bytes_kept_exactly_with_nul_and_crlf);
	tcase_add_test(m, multipart_empty_file_input_gives_empty_filename);
	tcase_add_test(m, multipart_client_path_reduced_to_base_name);
	tcase_add_test(m, multipart_quoted_boundary_and_preamble_accepted);
	tcase_add_test(m, multipart_no_parts_gives_no_fields);
	tcase_add_test(m, multipart_missing_boundary_refused);
	tcase_add_test(m, multipart_missing_final_boundary_refused);
	tcase_add_test(m, multipart_body_without_delimiter_refused);
	tcase_add_test(m, multipart_header_line_too_long_refused);
	tcase_add_test(m, multipart_too_many_header_lines_refused);
	tcase_add_test(m, multipart_part_without_name_refused);
	tcase_add_test(m, multipart_header_without_colon_refused);
	tcase_add_test(m, multipart_text_part_invalid_utf8_refused);
	tcase_add_test(m, multipart_file_too_large_413);
	tcase_add_test(m, multipart_text_value_too_long_400);
	tcase_add_test(m, multipart_too_many_fields_400);
	tcase_add_test(m, multipart_via_parse_body);
	tcase_add_test(c, cookie_pairs_parsed_and_trimmed);
	tcase_add_test(c, cookie_malformed_pairs_ignored);
	tcase_add_test(c, cookie_first_of_duplicates_wins);
	tcase_add_test(c, cookie_empty_or_null_header_gives_nothing);
	tcase_add_test(c, cookie_over_limits_skipped_not_fatal);
	tcase_add_test(c, accept_language_picks_by_q);
	tcase_add_test(c, error_names_distinct);
	tcase_add_test(c, free_accepts_null);
	suite_add_tcase(s, u);
	suite_add_tcase(s, m);
	suite_add_tcase(s, c);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
