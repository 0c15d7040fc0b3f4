/* autoescape-t: every template of the product (each .tpl under
 * templates/) begins with its AUTOESCAPE pragma, so that ctemplate
 * escapes every value it prints; without it, values are printed raw. */
#include "config.h"

#include <check.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The escaping contexts of ctemplate's AUTOESCAPE pragma. */
static const char *const contexts[] = {
	"HTML", "JAVASCRIPT", "CSS", "JSON", "XML",
};

/* Whether text starts, at its first byte, with
 * {{%AUTOESCAPE context="C"}} for one of the contexts (HTML may add
 * state="IN_TAG", for a partial included inside a tag).  Nothing may come
 * before it: not a comment, not a blank line, not a byte order mark. */
static bool
begins_with_pragma(const char *text, size_t len)
{
	static const char head[] = "{{%AUTOESCAPE context=\"";
	static const char in_tag[] = "HTML\" state=\"IN_TAG\"}}";

	if (len < sizeof(head) - 1 || memcmp(text, head, sizeof(head) - 1) != 0)
		return false;
	text += sizeof(head) - 1;
	len -= sizeof(head) - 1;
	for (size_t i = 0; i < sizeof(contexts) / sizeof(contexts[0]); i++) {
		char tail[64];
		size_t n;

		n = (size_t)snprintf(tail, sizeof(tail), "%s\"}}", contexts[i]);
		if (len >= n && memcmp(text, tail, n) == 0)
			return true;
	}
	return len >= sizeof(in_tag) - 1 &&
	    memcmp(text, in_tag, sizeof(in_tag) - 1) == 0;
}

START_TEST(the_check_refuses_a_template_without_the_pragma_first)
{
	static const struct {
		const char *text;
		bool ok;
	} examples[] = {
		{ "{{%AUTOESCAPE context=\"HTML\"}}<p>{{x}}</p>", true },
		{ "{{%AUTOESCAPE context=\"HTML\"}}{{! a comment }}", true },
		{ "{{%AUTOESCAPE context=\"JSON\"}}{\"a\": \"{{a}}\"}", true },
		{ "{{%AUTOESCAPE context=\"HTML\" state=\"IN_TAG\"}}"
		  " a=\"{{a}}\"", true },
		{ "", false },
		{ "<p>{{x}}</p>", false },
		{ "\n{{%AUTOESCAPE context=\"HTML\"}}", false },
		{ " {{%AUTOESCAPE context=\"HTML\"}}", false },
		{ "{{! first }}{{%AUTOESCAPE context=\"HTML\"}}", false },
		{ "\xEF\xBB\xBF{{%AUTOESCAPE context=\"HTML\"}}", false },
		{ "{{%AUTOESCAPE context=\"NONE\"}}", false },
		{ "{{%AUTOESCAPE context=\"html\"}}", false },
		{ "{{%AUTOESCAPE context=\"HTML\"", false },
		{ "{{%AUTOESCAPE}}", false },
	};

	for (size_t i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
		ck_assert_msg(begins_with_pragma(examples[i].text,
		    strlen(examples[i].text)) == examples[i].ok,
		    "\"%s\": expected %s", examples[i].text,
		    examples[i].ok ? "accepted" : "refused");
}
END_TEST

/* What the walk over the templates found. */
static size_t templates_seen;
static bool layout_seen;
static char offenders[4096];

static void
offend(const char *path, const char *why)
{
	size_t n = strlen(offenders);

	snprintf(offenders + n, sizeof(offenders) - n, "\n  %s: %s",
	    path + strlen(TC_TEMPLATES) + 1, why);
}

static int
check_file(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	char buf[128];
	size_t len = strlen(path), n;
	FILE *f;

	(void)st;
	(void)ftw;
	if (type != FTW_F || len < 4 || strcmp(path + len - 4, ".tpl") != 0)
		return 0;
	templates_seen++;
	if (strcmp(path + strlen(TC_TEMPLATES), "/core/layout.tpl") == 0)
		layout_seen = true;
	if ((f = fopen(path, "rb")) == NULL) {
		offend(path, "cannot be read");
		return 0;
	}
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	if (!begins_with_pragma(buf, n))
		offend(path, "does not begin with {{%AUTOESCAPE context=...}}");
	return 0;
}

START_TEST(every_template_begins_with_its_autoescape_pragma)
{
	ck_assert_int_eq(nftw(TC_TEMPLATES, check_file, 16, FTW_PHYS), 0);
	/* The walk did look at the product's templates. */
	ck_assert_msg(layout_seen, "core/layout.tpl not found under %s",
	    TC_TEMPLATES);
	ck_assert_uint_ge(templates_seen, 10);
	ck_assert_msg(offenders[0] == '\0', "templates without the pragma "
	    "first:%s", offenders);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("autoescape");
	TCase *tc = tcase_create("autoescape");
	SRunner *sr;

	tcase_add_test(tc,
	    the_check_refuses_a_template_without_the_pragma_first);
	tcase_add_test(tc, every_template_begins_with_its_autoescape_pragma);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
