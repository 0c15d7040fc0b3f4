/* i18n-t: .po catalogues read by the program itself. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

#ifndef TC_TEST_DATADIR
#define TC_TEST_DATADIR "tests/core/data"
#endif
#ifndef TC_TEST_TOPDIR
#define TC_TEST_TOPDIR "."
#endif

static struct i18n_cat *
parse_ok(const char *lang, const char *po)
{
	struct i18n_cat *cat = NULL;
	size_t line = 0;
	int r = i18n_parse(&cat, lang, po, strlen(po), &line);

	ck_assert_msg(r == 0, "parse failed (%d) at line %zu", r, line);
	return cat;
}

static size_t
parse_bad_line(const char *po)
{
	struct i18n_cat *cat = (struct i18n_cat *)1;
	size_t line = 0;
	int r = i18n_parse(&cat, "zh", po, strlen(po), &line);

	ck_assert_int_eq(r, TC_EINVAL);
	ck_assert_ptr_null(cat);
	return line;
}

START_TEST(files_load_and_translate)
{
	struct i18n_cat *zh, *en;

	ck_assert_int_eq(i18n_load(&zh, "zh", TC_TEST_DATADIR "/zh.po", NULL), 0);
	ck_assert_int_eq(i18n_load(&en, "en", TC_TEST_DATADIR "/en.po", NULL), 0);
	ck_assert_str_eq(i18n_get(zh, "login_title"), "登录");
	ck_assert_str_eq(i18n_get(en, "login_title"), "Sign in");
	ck_assert_str_eq(i18n_get(zh, "err_login"),
	    "用户名只能包含字母、数字、“.”、“_”和“-”");
	ck_assert_str_eq(i18n_get(en, "err_login"),
	    "Letters, digits, \".\", \"_\" and \"-\" only");
	ck_assert_str_eq(i18n_get(en, "quoted"), "Tab\there\nand \\ backslash");
	ck_assert_str_eq(i18n_lang(zh), "zh");
	i18n_free(zh);
	i18n_free(en);
}
END_TEST

START_TEST(fuzzy_entry_falls_back_to_key)
{
	struct i18n_cat *zh;

	ck_assert_int_eq(i18n_load(&zh, "zh", TC_TEST_DATADIR "/zh.po", NULL), 0);
	ck_assert_str_eq(i18n_get(zh, "logout"), "logout");
	ck_assert_ptr_null(i18n_lookup(zh, "logout"));
	i18n_free(zh);
}
END_TEST

START_TEST(missing_keys_listed_per_language)
{
	struct i18n_cat *zh, *en;
	const char **keys;
	size_t n;

	ck_assert_int_eq(i18n_load(&zh, "zh", TC_TEST_DATADIR "/zh.po", NULL), 0);
	ck_assert_int_eq(i18n_load(&en, "en", TC_TEST_DATADIR "/en.po", NULL), 0);
	ck_assert_int_eq(i18n_missing(zh, en, &keys, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(keys[0], "logout");
	ck_assert_str_eq(keys[1], "quoted");
	free(keys);
	ck_assert_int_eq(i18n_missing(en, zh, &keys, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(keys[0], "only_zh");
	free(keys);
	ck_assert_int_eq(i18n_missing(en, en, &keys, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(keys);
	i18n_free(zh);
	i18n_free(en);
}
END_TEST

static int misses;
static char last_miss[64];

static void
on_miss(const char *lang, const char *key, void *arg)
{
	(void)lang;
	*(int *)arg += 1;
	strncpy(last_miss, key, sizeof(last_miss) - 1);
}

START_TEST(unknown_key_returns_key_and_is_reported)
{
	struct i18n_cat *c = parse_ok("en", "msgid \"a\"\nmsgstr \"A\"\n");

	misses = 0;
	i18n_set_miss_hook(on_miss, &misses);
	ck_assert_str_eq(i18n_get(c, "a"), "A");
	ck_assert_int_eq(misses, 0);
	ck_assert_str_eq(i18n_get(c, "nope"), "nope");
	ck_assert_int_eq(misses, 1);
	ck_assert_str_eq(last_miss, "nope");
	ck_assert_str_eq(i18n_get(NULL, "x"), "x");
	i18n_set_miss_hook(NULL, NULL);
	i18n_free(c);
}
END_TEST

START_TEST(entries_iterate_in_key_order)
{
	struct i18n_cat *c = parse_ok("en",
	    "msgid \"b_key\"\nmsgstr \"B\"\n\nmsgid \"a_key\"\nmsgstr \"A\"\n"
	    "msgid \"c1\"\r\nmsgstr \"C\"\r\n");

	ck_assert_uint_eq(i18n_count(c), 3);
	ck_assert_str_eq(i18n_key(c, 0), "a_key");
	ck_assert_str_eq(i18n_value(c, 0), "A");
	ck_assert_str_eq(i18n_key(c, 2), "c1");
	ck_assert_ptr_null(i18n_key(c, 3));
	i18n_free(c);
}
END_TEST

START_TEST(plural_and_untranslated_entries_skipped)
{
	struct i18n_cat *c = parse_ok("en",
	    "msgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n"
	    "msgid \"empty\"\nmsgstr \"\"\n"
	    "#~ msgid \"old\"\n#~ msgstr \"Old\"\n"
	    "msgid \"ok\"\nmsgstr \"OK\"\n");

	ck_assert_uint_eq(i18n_count(c), 1);
	ck_assert_str_eq(i18n_get(c, "ok"), "OK");
	i18n_free(c);
}
END_TEST

START_TEST(many_keys_looked_up_by_bsearch)
{
	char *po = malloc(2000 * 40), key[32], want[32];
	size_t n = 0;
	struct i18n_cat *c;
	int i;

	for (i = 1999; i >= 0; i--)
		n += (size_t)sprintf(po + n, "msgid \"k%d\"\nmsgstr \"v%d\"\n", i, i);
	c = parse_ok("zh", po);
	ck_assert_uint_eq(i18n_count(c), 2000);
	for (i = 0; i < 2000; i += 7) {
		sprintf(key, "k%d", i);
		sprintf(want, "v%d", i);
		ck_assert_str_eq(i18n_get(c, key), want);
	}
	i18n_free(c);
	free(po);
}
END_TEST

START_TEST(invalid_key_refused_with_line)
{
	ck_assert_uint_eq(parse_bad_line("msgid \"ok\"\nmsgstr \"1\"\n\n"
	    "msgid \"Login Title\"\nmsgstr \"x\"\n"), 6);
	parse_bad_line("msgid \"t-x\"\nmsgstr \"x\"\n");
}
END_TEST

START_TEST(syntax_errors_refused_with_line)
{
	ck_assert_uint_eq(parse_bad_line("msgid \"a\"\nmsgstr \"x\\q\"\n"), 2);
	ck_assert_uint_eq(parse_bad_line("msgid \"a\"\nmsgstr \"unterminated\n"), 2);
	ck_assert_uint_eq(parse_bad_line("msgid \"a\"\nmsgstr \"x\" junk\n"), 2);
	ck_assert_uint_eq(parse_bad_line("\"orphan\"\n"), 1);
	ck_assert_uint_eq(parse_bad_line("msgid \"a\"\nmsgid \"b\"\n"), 2);
	ck_assert_uint_eq(parse_bad_line("msgstr \"x\"\n"), 1);
	ck_assert_uint_eq(parse_bad_line("bogus \"x\"\n"), 1);
	parse_bad_line("msgid \"a\"\n");
	parse_bad_line("msgid \"a\"\nmsgstr \"\xff\"\n");
}
END_TEST

START_TEST(duplicate_key_refused)
{
	parse_bad_line("msgid \"a\"\nmsgstr \"1\"\nmsgid \"a\"\nmsgstr \"2\"\n");
}
END_TEST

START_TEST(missing_file_is_io_error)
{
	struct i18n_cat *c;

	ck_assert_int_eq(i18n_load(&c, "zh", TC_TEST_DATADIR "/nonexistent.po",
	    NULL), TC_EIO);
	ck_assert_ptr_null(c);
}
END_TEST

START_TEST(key_validation)
{
	ck_assert_int_eq(i18n_key_valid("login_title"), 1);
	ck_assert_int_eq(i18n_key_valid("t2"), 1);
	ck_assert_int_eq(i18n_key_valid(""), 0);
	ck_assert_int_eq(i18n_key_valid("Login"), 0);
	ck_assert_int_eq(i18n_key_valid("a-b"), 0);
	ck_assert_int_eq(i18n_key_valid("a b"), 0);
	ck_assert_int_eq(i18n_key_valid(NULL), 0);
}
END_TEST

START_TEST(lang_pick_cookie_then_header_then_zh)
{
	ck_assert_str_eq(lang_pick(NULL, NULL), "zh");
	ck_assert_str_eq(lang_pick("en-US,en;q=0.9", NULL), "en");
	ck_assert_str_eq(lang_pick("en-US,en;q=0.9", "zh"), "zh");
	ck_assert_str_eq(lang_pick("zh-CN", "en"), "en");
	ck_assert_str_eq(lang_pick("en", "fr"), "en");
	ck_assert_str_eq(lang_pick("zh-CN,zh;q=0.9", ""), "zh");
}
END_TEST

START_TEST(empty_file_gives_empty_catalogue)
{
	struct i18n_cat *c = parse_ok("en", "");

	ck_assert_uint_eq(i18n_count(c), 0);
	ck_assert_str_eq(i18n_get(c, "x"), "x");
	i18n_free(c);
	c = parse_ok("en", "# only a comment\nmsgid \"\"\nmsgstr \"Language: en\\n\"\n");
	ck_assert_uint_eq(i18n_count(c), 0);
	i18n_free(c);
}
END_TEST

START_TEST(directory_files_merged_into_one_catalogue)
{
	struct i18n_cat *zh, *en;
	struct i18n_where w;
	const char **keys;
	size_t n;

	ck_assert_int_eq(i18n_load_dir(&zh, "zh", TC_TEST_DATADIR "/dir/zh", &w), 0);
	ck_assert_int_eq(i18n_load_dir(&en, "en", TC_TEST_DATADIR "/dir/en", NULL), 0);
	ck_assert_uint_eq(i18n_count(zh), 2);
	ck_assert_str_eq(i18n_get(zh, "a_one"), "一");
	ck_assert_str_eq(i18n_get(zh, "b_two"), "二");
	ck_assert_str_eq(i18n_get(en, "b_two"), "Two");
	ck_assert_int_eq(i18n_missing(zh, en, &keys, &n), 0);
	ck_assert_uint_eq(n, 0);
	i18n_free(zh);
	i18n_free(en);
}
END_TEST

START_TEST(directory_duplicate_key_across_files_refused)
{
	struct i18n_cat *c;
	struct i18n_where w;

	ck_assert_int_eq(i18n_load_dir(&c, "zh", TC_TEST_DATADIR "/dir/dup", &w),
	    TC_ECONFLICT);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(w.path, "dir/dup/b.po"));
}
END_TEST

START_TEST(directory_bad_file_named_with_line)
{
	struct i18n_cat *c;
	struct i18n_where w;

	ck_assert_int_eq(i18n_load_dir(&c, "zh", TC_TEST_DATADIR "/dir/bad", &w),
	    TC_EINVAL);
	ck_assert_ptr_nonnull(strstr(w.path, "dir/bad/b.po"));
	ck_assert_uint_eq(w.line, 2);
	ck_assert_int_eq(i18n_load_dir(&c, "zh", TC_TEST_DATADIR "/nonexistent",
	    &w), TC_EIO);
}
END_TEST

/* The project's own catalogues: both languages load and have the same
 * keys, so no page shows a raw key in one language only. */
START_TEST(project_catalogues_load_with_the_same_keys)
{
	struct i18n_cat *zh, *en;
	struct i18n_where w;
	const char **keys;
	size_t n, i;

	ck_assert_msg(i18n_load_dir(&zh, "zh", TC_TEST_TOPDIR "/templates/i18n/zh",
	    &w) == 0, "zh catalogue: %s line %zu", w.path, w.line);
	ck_assert_msg(i18n_load_dir(&en, "en", TC_TEST_TOPDIR "/templates/i18n/en",
	    &w) == 0, "en catalogue: %s line %zu", w.path, w.line);
	ck_assert_int_eq(i18n_missing(zh, en, &keys, &n), 0);
	for (i = 0; i < n; i++)
		fprintf(stderr, "zh lacks %s\n", keys[i]);
	free(keys);
	ck_assert_msg(n == 0, "%zu keys missing in zh (listed on stderr)", n);
	ck_assert_int_eq(i18n_missing(en, zh, &keys, &n), 0);
	for (i = 0; i < n; i++)
		fprintf(stderr, "en lacks %s\n", keys[i]);
	free(keys);
	ck_assert_msg(n == 0, "%zu keys missing in en (listed on stderr)", n);
	i18n_free(zh);
	i18n_free(en);
}
END_TEST

START_TEST(free_accepts_null)
{
	i18n_free(NULL);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("i18n");
	TCase *t = tcase_create("catalogue");
	SRunner *sr;

	tcase_add_test(t, files_load_and_translate);
	tcase_add_test(t, fuzzy_entry_falls_back_to_key);
	tcase_add_test(t, missing_keys_listed_per_language);
	tcase_add_test(t, unknown_key_returns_key_and_is_reported);
	tcase_add_test(t, entries_iterate_in_key_order);
	tcase_add_test(t, plural_and_untranslated_entries_skipped);
	tcase_add_test(t, many_keys_looked_up_by_bsearch);
	tcase_add_test(t, invalid_key_refused_with_line);
	tcase_add_test(t, syntax_errors_refused_with_line);
	tcase_add_test(t, duplicate_key_refused);
	tcase_add_test(t, missing_file_is_io_error);
	tcase_add_test(t, key_validation);
	tcase_add_test(t, lang_pick_cookie_then_header_then_zh);
	tcase_add_test(t, empty_file_gives_empty_catalogue);
	tcase_add_test(t, directory_files_merged_into_one_catalogue);
	tcase_add_test(t, directory_duplicate_key_across_files_refused);
	tcase_add_test(t, directory_bad_file_named_with_line);
	tcase_add_test(t, project_catalogues_load_with_the_same_keys);
	tcase_add_test(t, free_accepts_null);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
