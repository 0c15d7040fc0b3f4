/* formview-t: a validated form shown the one way: the value as typed,
 * the message next to its input in the reader's language, aria-invalid
 * and aria-describedby, and the summary at the top linking every error
 * to its field; the options of a <select>, the chosen one marked. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/formview.h"

static const char zh_po[] =
    "msgid \"form_errors_one\"\nmsgstr \"请更正下面这处错误：\"\n"
    "msgid \"form_errors_many\"\nmsgstr \"请更正下面 {n} 处错误：\"\n"
    "msgid \"form_label_sep\"\nmsgstr \"：\"\n"
    "msgid \"form_err_value\"\nmsgstr \"这个值无效。\"\n"
    "msgid \"f_name\"\nmsgstr \"名称\"\n"
    "msgid \"f_qty\"\nmsgstr \"数量\"\n"
    "msgid \"f_line\"\nmsgstr \"第 {n} 行\"\n"
    "msgid \"err_name\"\nmsgstr \"请填写名称（最多 5 个字）。\"\n"
    "msgid \"err_email\"\nmsgstr \"请填写有效的电子邮件地址。\"\n"
    "msgid \"err_qty\"\nmsgstr \"请输入 1 到 100 之间的数量。\"\n"
    "msgid \"err_sum\"\nmsgstr \"合计须为 100，当前合计为\"\n";

static const char en_po[] =
    "msgid \"form_errors_one\"\nmsgstr \"Please correct this error:\"\n"
    "msgid \"form_errors_many\"\nmsgstr \"Please correct these {n} errors:\"\n"
    "msgid \"form_label_sep\"\nmsgstr \": \"\n"
    "msgid \"form_err_value\"\nmsgstr \"This value is not valid.\"\n"
    "msgid \"f_name\"\nmsgstr \"Name\"\n"
    "msgid \"f_qty\"\nmsgstr \"Quantity\"\n"
    "msgid \"f_line\"\nmsgstr \"Line {n}\"\n"
    "msgid \"err_name\"\nmsgstr \"Enter a name (at most 5 characters).\"\n"
    "msgid \"err_email\"\nmsgstr \"Enter a valid e-mail address.\"\n"
    "msgid \"err_qty\"\nmsgstr \"Enter a quantity from 1 to 100.\"\n"
    "msgid \"err_sum\"\nmsgstr \"The total must be 100; it is\"\n";

enum { F_NAME, F_EMAIL, F__MAX };
static const struct field fields[F__MAX] = {
	[F_NAME] = { "name", form_text, 1, 1, 5, "err_name", NULL },
	[F_EMAIL] = { "email", form_email, 0, 0, 0, "err_email", NULL },
};
static const char *const labels[F__MAX] = { [F_NAME] = "f_name" };

enum { L_QTY, L__MAX };
static const struct field line_fields[L__MAX] = {
	[L_QTY] = { "qty", form_int64, 1, 1, 100, "err_qty", NULL },
};
static const char *const line_labels[L__MAX] = { [L_QTY] = "f_qty" };

static struct i18n_cat *
catalogue(const char *lang, const char *po)
{
	struct i18n_cat *cat = NULL;

	ck_assert_int_eq(i18n_parse(&cat, lang, po, strlen(po), NULL), 0);
	return cat;
}

/* Renders the test form for input body in the language of po: the
 * header fields, then the given rows of lines.  Returns the HTML. */
static char *
render(const char *lang, const char *po, const char *body,
    const size_t *rows, size_t nrows, size_t *nerrors)
{
	struct i18n_cat *cat = catalogue(lang, po);
	struct tdict *d = tdict_new();
	struct req_fields in;
	struct form_errors s;
	struct form f;
	char *out = NULL;
	size_t len;

	req_fields_init(&in);
	ck_assert_int_eq(req_parse_urlencoded(&in, body, strlen(body),
	    &req_limits_default), 0);
	for (size_t i = 0; i < i18n_count(cat); i++) {
		char name[80];

		snprintf(name, sizeof(name), "t_%s", i18n_key(cat, i));
		tdict_set_global(d, name, i18n_value(cat, i));
	}
	form_errors_init(&s, d, cat);
	form_validate(&f, fields, F__MAX, &in);
	ck_assert_int_eq(form_show(&s, d, &f, labels, NULL), 0);
	form_free(&f);
	for (size_t i = 0; i < nrows; i++) {
		struct tdict *row = tdict_add_section(d, "LINE");

		tdict_set_int(row, "n", (long long)rows[i]);
		form_validate_row(&f, line_fields, L__MAX, &in, rows[i]);
		if (rows[i] == 2 && f.nerr == 0)
			ck_assert_int_eq(form_set_error(&f, L_QTY, "err_sum",
			    "90"), 0);
		ck_assert_int_eq(form_show(&s, row, &f, line_labels, "f_line"),
		    0);
		form_free(&f);
	}
	*nerrors = s.n;
	ck_assert_int_eq(tmpl_render(TEST_TEMPLATES "/form-view.tpl", d, &out,
	    &len), 0);
	tdict_free(d);
	req_fields_free(&in);
	i18n_free(cat);
	return out;
}

#define HAS(html, s) do { \
	if (strstr((html), (s)) == NULL) \
		ck_abort_msg("expected %s in:\n%s", (s), (html)); } while (0)
#define HAS_NOT(html, s) do { \
	if (strstr((html), (s)) != NULL) \
		ck_abort_msg("did not expect %s in:\n%s", (s), (html)); } while (0)

START_TEST(valid_form_keeps_values_and_shows_no_error)
{
	size_t n;
	char *html = render("en", en_po, "name=%3Cb%3E&email=a%40b.cn", NULL,
	    0, &n);

	ck_assert_uint_eq(n, 0);
	HAS(html, "<input id=\"name\" value=\"&lt;b&gt;\">");
	HAS(html, "<input id=\"email\" value=\"a@b.cn\">");
	HAS_NOT(html, "aria-invalid");
	HAS_NOT(html, "form-errors");
	free(html);
}
END_TEST

START_TEST(refused_value_is_kept_whole_with_its_message_beside_it)
{
	size_t n;
	char *html = render("zh", zh_po, "name=%E5%8D%8E%E4%B8%9C%E7%94%B5%E5%AD"
	    "%90%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8+&email=not-mail", NULL, 0,
	    &n);

	ck_assert_uint_eq(n, 2);
	/* exactly as typed, trailing blank included: not cut to 5 */
	HAS(html, "<input id=\"name\" value=\"华东电子有限公司 \" "
	    "aria-invalid=\"true\" aria-describedby=\"name-error\">"
	    "<p class=\"error\" id=\"name-error\">请填写名称（最多 5 个字）。</p>");
	HAS(html, "<input id=\"email\" value=\"not-mail\" aria-invalid=\"true\""
	    " aria-describedby=\"email-error\"><p class=\"error\" "
	    "id=\"email-error\">请填写有效的电子邮件地址。</p>");
	free(html);
}
END_TEST

START_TEST(summary_lists_every_error_in_order_with_a_link)
{
	size_t n, rows[] = { 1, 2, 3 };
	char *html = render("en", en_po, "name=&email=x&qty_1=5&qty_2=7"
	    "&qty_3=700", rows, 3, &n);
	const char *a, *b, *c, *d;

	ck_assert_uint_eq(n, 4);
	HAS(html, "role=\"alert\"");
	HAS(html, "<strong>Please correct these 4 errors:</strong>");
	a = strstr(html, "<li><a href=\"#name\"><span class=\"form-errors-label\">"
	    "Name</span>: Enter a name (at most 5 characters).</a></li>");
	/* a field without a label: the message alone */
	b = strstr(html, "<li><a href=\"#email\">Enter a valid e-mail address."
	    "</a></li>");
	/* a rule the handler checks, with its detail */
	c = strstr(html, "<li><a href=\"#qty_2\"><span class=\"form-errors-label\">"
	    "Line 2 · Quantity</span>: The total must be 100; it is 90</a></li>");
	d = strstr(html, "<li><a href=\"#qty_3\"><span class=\"form-errors-label\">"
	    "Line 3 · Quantity</span>: Enter a quantity from 1 to 100.</a></li>");
	ck_assert_msg(a && b && c && d && a < b && b < c && c < d,
	    "summary out of order or incomplete:\n%s", html);
	/* and it comes before the fields */
	ck_assert_msg(d < strstr(html, "<input id=\"name\""),
	    "summary after the fields:\n%s", html);
	free(html);
}
END_TEST

START_TEST(row_fields_get_ids_of_their_row)
{
	size_t n, rows[] = { 1, 3 };
	char *html = render("zh", zh_po, "name=ok&qty_1=5&qty_3=0", rows, 2, &n);

	ck_assert_uint_eq(n, 1);
	HAS(html, "<input id=\"qty_1\" value=\"5\">");
	HAS(html, "<input id=\"qty_3\" value=\"0\" aria-invalid=\"true\" "
	    "aria-describedby=\"qty_3-error\"><p class=\"error\" "
	    "id=\"qty_3-error\">请输入 1 到 100 之间的数量。</p>");
	HAS(html, "<strong>请更正下面这处错误：</strong>");
	HAS(html, "<a href=\"#qty_3\"><span class=\"form-errors-label\">第 3 行 · "
	    "数量</span>：请输入 1 到 100 之间的数量。</a>");
	free(html);
}
END_TEST

START_TEST(summary_item_without_a_field)
{
	struct i18n_cat *cat = catalogue("en", en_po);
	struct tdict *d = tdict_new();
	struct form_errors s;
	char *out = NULL;
	size_t len;

	form_errors_init(&s, d, cat);
	ck_assert_int_eq(form_summary_add(&s, NULL, "Line 7", "Unknown <code>"),
	    0);
	ck_assert_int_eq(form_summary_add(&s, "file", NULL, "Not UTF-8"), 0);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_int_eq(tmpl_render(TEST_TEMPLATES "/form-view.tpl", d, &out,
	    &len), 0);
	HAS(out, "<li><span class=\"form-errors-label\">Line 7</span>Unknown "
	    "&lt;code&gt;</li>");
	HAS(out, "<li><a href=\"#file\">Not UTF-8</a></li>");
	free(out);
	tdict_free(d);
	i18n_free(cat);
}
END_TEST

START_TEST(values_only_for_a_form_not_yet_submitted)
{
	struct tdict *d = tdict_new();
	struct req_fields in;
	struct form f;
	char *out = NULL;
	size_t len;

	req_fields_init(&in);
	ck_assert_int_eq(req_fields_add(&in, "email", "x"), 0);
	form_validate(&f, fields, F__MAX, &in);
	ck_assert_uint_eq(f.nerr, 2);
	form_show_values(d, &f);
	ck_assert_int_eq(tmpl_render(TEST_TEMPLATES "/form-view.tpl", d, &out,
	    &len), 0);
	HAS(out, "<input id=\"email\" value=\"x\">");
	HAS_NOT(out, "aria-invalid");
	HAS_NOT(out, "form-errors");
	free(out);
	form_free(&f);
	req_fields_free(&in);
	tdict_free(d);
}
END_TEST

START_TEST(error_section_names)
{
	char buf[16];

	ck_assert_str_eq(form_error_section(buf, sizeof(buf), "order_no"),
	    "ORDER_NO_ERROR");
	ck_assert_str_eq(form_error_section(buf, sizeof(buf), "qty"),
	    "QTY_ERROR");
	ck_assert_ptr_null(form_error_section(buf, sizeof(buf), "much_too_long"));
}
END_TEST

/* Renders the status options of codes with selected marked, in the
 * language of po.  Returns the HTML. */
static char *
render_choices(const char *lang, const char *po, const char *selected)
{
	static const char *const codes[] = { "booked", "cancelled",
	    "a_code_whose_catalogue_key_is_much_longer_than_any_key_may_be_"
	    "in_the_catalogue_at_all_and_then_some", NULL };
	struct i18n_cat *cat = catalogue(lang, po);
	struct tdict *d = tdict_new();
	char *out = NULL;
	size_t len;

	form_choices(d, "STATUS_OPT", codes, cat, "st_", selected);
	form_option(d, "STATUS_OPT", "x\"y", "<b>", false);
	ck_assert_int_eq(tmpl_render(TEST_TEMPLATES "/form-choices.tpl", d,
	    &out, &len), 0);
	tdict_free(d);
	i18n_free(cat);
	return out;
}

static const char choices_zh[] =
    "msgid \"st_booked\"\nmsgstr \"已确认\"\n"
    "msgid \"st_cancelled\"\nmsgstr \"已取消\"\n";
static const char choices_en[] =
    "msgid \"st_booked\"\nmsgstr \"Booked\"\n"
    "msgid \"st_cancelled\"\nmsgstr \"Cancelled\"\n";

START_TEST(choices_labelled_in_the_readers_language_selected_one_marked)
{
	char *html = render_choices("zh", choices_zh, "cancelled");

	HAS(html, "<option value=\"booked\">已确认</option>"
	    "<option value=\"cancelled\" selected>已取消</option>");
	free(html);
	html = render_choices("en", choices_en, "booked");
	HAS(html, "<option value=\"booked\" selected>Booked</option>"
	    "<option value=\"cancelled\">Cancelled</option>");
	free(html);
}
END_TEST

START_TEST(choices_without_a_selection_mark_none)
{
	char *html = render_choices("en", choices_en, NULL);

	HAS_NOT(html, "selected");
	free(html);
	html = render_choices("en", choices_en, "pending");
	HAS_NOT(html, "selected");
	free(html);
}
END_TEST

START_TEST(choice_with_too_long_a_key_shows_its_code_and_options_are_escaped)
{
	char *html = render_choices("en", choices_en, NULL);

	HAS(html, "<option value=\"a_code_whose_catalogue_key_is_much_longer"
	    "_than_any_key_may_be_in_the_catalogue_at_all_and_then_some\">"
	    "a_code_whose");
	HAS(html, "<option value=\"x&quot;y\">&lt;b&gt;</option>");
	free(html);
}
END_TEST

START_TEST(shown_value_is_the_typed_one_after_a_post_else_the_stored_one)
{
	struct req_fields in;
	struct form f;

	req_fields_init(&in);
	ck_assert_int_eq(req_parse_urlencoded(&in, "name=abcdefgh", 13,
	    &req_limits_default), 0);
	form_validate(&f, fields, F__MAX, &in);
	ck_assert_str_eq(form_shown(&f, F_NAME, "stored"), "abcdefgh");
	ck_assert_str_eq(form_shown(&f, F_EMAIL, "a@example.com"), "");
	ck_assert_str_eq(form_shown(NULL, F_NAME, "stored"), "stored");
	ck_assert_str_eq(form_shown(NULL, F_NAME, NULL), "");
	form_free(&f);
	req_fields_free(&in);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("formview");
	TCase *tc = tcase_create("formview");
	SRunner *sr;

	tmpl_set_root(TC_TEMPLATES);
	tcase_add_test(tc, valid_form_keeps_values_and_shows_no_error);
	tcase_add_test(tc, refused_value_is_kept_whole_with_its_message_beside_it);
	tcase_add_test(tc, summary_lists_every_error_in_order_with_a_link);
	tcase_add_test(tc, row_fields_get_ids_of_their_row);
	tcase_add_test(tc, summary_item_without_a_field);
	tcase_add_test(tc, values_only_for_a_form_not_yet_submitted);
	tcase_add_test(tc, error_section_names);
	tcase_add_test(tc,
	    choices_labelled_in_the_readers_language_selected_one_marked);
	tcase_add_test(tc, choices_without_a_selection_mark_none);
	tcase_add_test(tc,
	    shown_value_is_the_typed_one_after_a_post_else_the_stored_one);
	tcase_add_test(tc,
	    choice_with_too_long_a_key_shows_its_code_and_options_are_escaped);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
