/* csv-t.c: the RFC 4180 reader: quoting, line ends, BOM, no trimming,
 * empty lines, physical line numbers, and the refusals. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/csv.h"
#include "core/error.h"

/* Parses text; returns the records as "f1|f2;f1|f2;" plus, for each,
 * "@line" — or "ERR@line:why". */
static char *
parse(const char *text)
{
	size_t len = strlen(text);
	char *buf = malloc(len + 1), *out = calloc(1, 4096);
	struct tce_csv c;
	const char *why;
	uint32_t line;
	int rc;

	memcpy(buf, text, len);
	tce_csv_init(&c, buf, len);
	while ((rc = tce_csv_next(&c, &line, &why)) == 1) {
		size_t o = strlen(out);
		o += (size_t)sprintf(out + o, "@%u:", line);
		for (size_t i = 0; i < c.nfield; i++)
			o += (size_t)sprintf(out + o, "%s%s", i ? "|" : "",
			    c.field[i]);
		strcat(out, ";");
	}
	if (rc < 0)
		sprintf(out + strlen(out), "ERR@%u:%s", line, why);
	tce_csv_free(&c);
	free(buf);
	return out;
}

static const struct { const char *name, *in, *want; } cases[] = {
	{ "plain LF", "a,b\n1,2\n", "@1:a|b;@2:1|2;" },
	{ "CRLF", "a,b\r\n1,2\r\n", "@1:a|b;@2:1|2;" },
	{ "no final newline", "a,b\n1,2", "@1:a|b;@2:1|2;" },
	{ "BOM ignored", "\xEF\xBB\xBF" "a,b\n1,2\n", "@1:a|b;@2:1|2;" },
	{ "quoted comma", "a\n\"x,y\"\n", "@1:a;@2:x,y;" },
	{ "doubled quote", "a\n\"say \"\"hi\"\"\"\n", "@1:a;@2:say \"hi\";" },
	{ "newline in quotes, next record's line counts it",
	  "a,b\n\"l1\nl2\",x\ny,z\n", "@1:a|b;@2:l1\nl2|x;@4:y|z;" },
	{ "CRLF kept inside quotes", "a\n\"p\r\nq\"\n", "@1:a;@2:p\r\nq;" },
	{ "UTF-8 names", "rep\n李娜\n", "@1:rep;@2:李娜;" },
	{ "no trimming", "a,b\n 1 ,ann \n", "@1:a|b;@2: 1 |ann ;" },
	{ "empty lines skipped with their line numbers",
	  "a\n\n1\r\n\r\n2\n", "@1:a;@3:1;@5:2;" },
	{ "empty fields", "a,b,c\n,,\n", "@1:a|b|c;@2:||;" },
	{ "empty quoted field", "a,b\n\"\",x\n", "@1:a|b;@2:|x;" },
	{ "bare CR refused", "a,b\n1\r2\n", "@1:a|b;ERR@2:carriage return "
	  "not followed by a line feed" },
	{ "CR at end refused", "a\n1\r", "@1:a;ERR@2:carriage return not "
	  "followed by a line feed" },
	{ "stray quote in a field refused", "a\nx\"y\n",
	  "@1:a;ERR@2:stray quote" },
	{ "text after closing quote refused", "a\n\"x\"y\n",
	  "@1:a;ERR@2:stray quote (text after a closing quote)" },
	{ "unclosed quote refused at its record's first line",
	  "a\n1\n\"open\n\n", "@1:a;@2:1;ERR@3:quoted field not closed" },
};

START_TEST(csv_reader_cases)
{
	char *got = parse(cases[_i].in);

	ck_assert_msg(strcmp(got, cases[_i].want) == 0,
	    "%s: expected [%s], got [%s]", cases[_i].name, cases[_i].want, got);
	free(got);
}
END_TEST

START_TEST(csv_nul_byte_refused)
{
	char buf[] = "a\nx\0y\n";
	struct tce_csv c;
	const char *why;
	uint32_t line;

	tce_csv_init(&c, buf, sizeof(buf) - 1);
	ck_assert_int_eq(tce_csv_next(&c, &line, &why), 1);
	ck_assert_int_eq(tce_csv_next(&c, &line, &why), TC_EINVAL);
	ck_assert_str_eq(why, "NUL byte");
	tce_csv_free(&c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	SRunner *sr;
	int failed;

	tcase_add_loop_test(tc, csv_reader_cases, 0,
	    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, csv_nul_byte_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
