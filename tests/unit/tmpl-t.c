/* tmpl-t: templates render through the C bridge and escape every value. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/tmpl.h"

START_TEST(template_escapes_html_in_values)
{
	struct tdict *d = tdict_new();
	char *out;
	size_t len;

	ck_assert_ptr_nonnull(d);
	tdict_set(d, "NAME", "<b>&x\"'</b>");
	tdict_set(tdict_add_section(d, "ROW"), "V", "李娜");
	tdict_set(tdict_add_section(d, "ROW"), "V", "<script>");
	ck_assert_int_eq(tmpl_render("escape.tpl", d, &out, &len), 0);
	ck_assert_str_eq(out, "<p>&lt;b&gt;&amp;x&quot;&#39;&lt;/b&gt;</p>"
	    "<li>李娜</li><li>&lt;script&gt;</li>\n");
	free(out);
	tdict_free(d);
}
END_TEST

START_TEST(template_missing_file_is_not_found)
{
	struct tdict *d = tdict_new();
	char *out;
	size_t len;

	ck_assert_int_lt(tmpl_render("no-such.tpl", d, &out, &len), 0);
	ck_assert_ptr_null(out);
	tdict_free(d);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("tmpl");
	TCase *tc = tcase_create("tmpl");
	SRunner *sr;

	tmpl_set_root(TEST_TEMPLATES);
	tcase_add_test(tc, template_escapes_html_in_values);
	tcase_add_test(tc, template_missing_file_is_not_found);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
