/* plan-t.c: the plan loader: what a valid version becomes, and each
 * refusal named by its JSON path (or line, for a syntax error). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/plan_json.h"
#include "core/error.h"

#define HEAD "{\"plan\":\"p\",\"effective_from\":\"2026-01-01\","

START_TEST(plan_valid_version_is_typed)
{
	const char *j = HEAD "\"period\":\"quarter\",\"effective_to\":"
	    "\"2026-06-30\",\"cap\":\"80000\",\"rules\":["
	    "{\"id\":\"a\",\"priority\":10,\"match\":{\"region\":\"east\"},"
	    "\"base\":\"amount\",\"rate\":\"6%\"},"
	    "{\"id\":\"b\",\"base\":\"collected\",\"tiers\":{\"mode\":\"whole\","
	    "\"bands\":[{\"upto\":\"100\",\"rate\":\"1%\"},{\"rate\":\"2.5%\"}]}},"
	    "{\"id\":\"c\",\"base\":\"quantity\",\"per_unit\":\"2.50\"}],"
	    "\"accelerators\":[{\"attainment\":\"120%\",\"multiplier\":\"1.5\"},"
	    "{\"attainment\":\"100%\",\"multiplier\":\"1.2\"}],"
	    "\"bonuses\":[{\"attainment\":\"100%\",\"amount\":\"2000\"}]}";
	struct tce_version *v;
	struct tce_diag d;

	ck_assert_int_eq(tce_plan_json_parse(j, strlen(j), 0, &v, &d), 0);
	ck_assert_str_eq(v->currency, "CNY");
	ck_assert_int_eq(v->period, TC_PERIOD_QUARTER);
	ck_assert_int_eq(v->from, 20260101);
	ck_assert_int_eq(v->to, 20260630);
	ck_assert(v->has_cap && v->cap == 8000000);
	ck_assert_int_eq(v->nrules, 3);
	ck_assert_int_eq(v->rules[0].rate, 60000);
	ck_assert_int_eq(v->rules[0].nkeys, 1);
	ck_assert_int_eq(v->rules[1].kind, TCE_RATE_WHOLE);
	ck_assert_int_eq(v->rules[1].bands[0].upto, 10000);
	ck_assert_int_eq(v->rules[1].bands[1].rate, 25000);
	ck_assert_int_eq(v->rules[2].per_unit, 250);
	ck_assert_int_eq(v->naccel, 2);
	ck_assert_int_eq(v->nbonus, 1);
	tce_version_free(v);
}
END_TEST

static const struct { const char *name, *json, *want; } bad[] = {
	{ "plan-syntax-error-names-line", "{\n\"plan\": \"p\",\n,\n}",
	  "line 3" },
	{ "plan-repeated-key-refused", "{\"plan\":\"p\",\n\"plan\":\"q\"}",
	  "line 2" },
	{ "plan-unknown-key-refused", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"prioirty\":1,\"base\":\"amount\",\"rate\":\"1%\"}]}",
	  "rules[0].prioirty: unknown key" },
	{ "plan-missing-plan-name", "{\"effective_from\":\"2026-01-01\","
	  "\"rules\":[]}", "plan: missing" },
	{ "plan-missing-rules", HEAD "\"currency\":\"CNY\"}",
	  "rules: missing" },
	{ "plan-rule-without-id", HEAD "\"rules\":[{\"base\":\"amount\","
	  "\"rate\":\"1%\"}]}", "rules[0].id: missing" },
	{ "plan-rule-empty-id", HEAD "\"rules\":[{\"id\":\"\",\"base\":"
	  "\"amount\",\"rate\":\"1%\"}]}", "rules[0].id: empty" },
	{ "plan-duplicate-rule-id", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"rate\":\"1%\"},{\"id\":\"a\",\"base\":\"amount\","
	  "\"rate\":\"2%\"}]}", "rules[1].id: \"a\" repeated (also rules[0])" },
	{ "plan-rule-without-rate", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\"}]}", "rules[0]: none of rate, per_unit and tiers" },
	{ "plan-rule-with-two-rates", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"base\":\"quantity\",\"rate\":\"1%\",\"per_unit\":\"1\"}]}",
	  "rules[0]: several of rate, per_unit and tiers" },
	{ "plan-per-unit-on-money-base", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"base\":\"amount\",\"per_unit\":\"1\"}]}",
	  "rules[0].per_unit: needs base quantity" },
	{ "plan-rate-on-quantity-base", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"base\":\"quantity\",\"rate\":\"1%\"}]}",
	  "rules[0].rate: needs a money base" },
	{ "plan-negative-rate", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"rate\":\"-1%\"}]}", "rules[0].rate: negative" },
	{ "plan-rate-without-percent-sign", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"base\":\"amount\",\"rate\":\"0.06\"}]}",
	  "rules[0].rate: \"0.06\": not a percent" },
	{ "plan-number-instead-of-string", HEAD "\"cap\":80000,\"rules\":[]}",
	  "cap: an integer, not a string" },
	{ "plan-null-value", HEAD "\"cap\":null,\"rules\":[]}",
	  "cap: null, not a string" },
	{ "plan-priority-not-integer", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"priority\":\"1\",\"base\":\"amount\",\"rate\":\"1%\"}]}",
	  "rules[0].priority: a string, not an integer" },
	{ "plan-bands-not-ascending", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"tiers\":{\"mode\":\"marginal\",\"bands\":[{\"upto\":"
	  "\"100\",\"rate\":\"1%\"},{\"upto\":\"100\",\"rate\":\"2%\"},"
	  "{\"rate\":\"3%\"}]}}]}",
	  "rules[0].tiers.bands[1].upto: not above the previous band's" },
	{ "plan-first-upto-zero", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"tiers\":{\"mode\":\"marginal\",\"bands\":[{\"upto\":"
	  "\"0\",\"rate\":\"1%\"},{\"rate\":\"3%\"}]}}]}",
	  "rules[0].tiers.bands[0].upto: not above 0" },
	{ "plan-upto-on-last-band", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"tiers\":{\"mode\":\"whole\",\"bands\":[{\"upto\":"
	  "\"10\",\"rate\":\"1%\"}]}}]}",
	  "rules[0].tiers.bands[0].upto: the last band has no upto" },
	{ "plan-missing-upto-before-last", HEAD "\"rules\":[{\"id\":\"a\","
	  "\"base\":\"amount\",\"tiers\":{\"mode\":\"whole\",\"bands\":["
	  "{\"rate\":\"1%\"},{\"rate\":\"2%\"}]}}]}",
	  "rules[0].tiers.bands[0].upto: missing" },
	{ "plan-missing-tier-mode", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"tiers\":{\"bands\":[{\"rate\":\"1%\"}]}}]}",
	  "rules[0].tiers.mode: missing" },
	{ "plan-negative-multiplier", HEAD "\"rules\":[],\"accelerators\":["
	  "{\"attainment\":\"100%\",\"multiplier\":\"-1.5\"}]}",
	  "accelerators[0].multiplier: negative" },
	{ "plan-negative-bonus", HEAD "\"rules\":[],\"bonuses\":["
	  "{\"attainment\":\"100%\",\"amount\":\"-1\"}]}",
	  "bonuses[0].amount: negative" },
	{ "plan-negative-threshold", HEAD "\"rules\":[],\"bonuses\":["
	  "{\"attainment\":\"-1%\",\"amount\":\"1\"}]}",
	  "bonuses[0].attainment: negative" },
	{ "plan-negative-cap", HEAD "\"rules\":[],\"cap\":\"-1\"}",
	  "cap: negative" },
	{ "plan-negative-per-unit", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"quantity\",\"per_unit\":\"-2\"}]}", "rules[0].per_unit: negative" },
	{ "plan-repeated-threshold", HEAD "\"rules\":[],\"accelerators\":["
	  "{\"attainment\":\"100%\",\"multiplier\":\"1.5\"},{\"attainment\":"
	  "\"100.0%\",\"multiplier\":\"2\"}]}",
	  "accelerators[1].attainment: repeated threshold" },
	{ "plan-effective-from-mid-period", "{\"plan\":\"p\",\"effective_from\":"
	  "\"2026-01-02\",\"rules\":[]}",
	  "effective_from: not the first day of a month" },
	{ "plan-effective-to-mid-quarter", HEAD "\"period\":\"quarter\","
	  "\"effective_to\":\"2026-05-31\",\"rules\":[]}",
	  "effective_to: not the last day of a quarter" },
	{ "plan-bad-period-kind", HEAD "\"period\":\"week\",\"rules\":[]}",
	  "period: \"week\": not month, quarter or year" },
	{ "plan-bad-date", "{\"plan\":\"p\",\"effective_from\":\"2026-02-30\","
	  "\"rules\":[]}", "effective_from: \"2026-02-30\": not a date" },
	{ "plan-upto-three-decimals", HEAD "\"rules\":[{\"id\":\"a\",\"base\":"
	  "\"amount\",\"tiers\":{\"mode\":\"whole\",\"bands\":[{\"upto\":"
	  "\"1.005\",\"rate\":\"1%\"},{\"rate\":\"2%\"}]}}]}",
	  "rules[0].tiers.bands[0].upto: \"1.005\": too many decimals" },
	{ "plan-unknown-match-key", HEAD "\"rules\":[{\"id\":\"a\",\"match\":"
	  "{\"colour\":\"red\"},\"base\":\"amount\",\"rate\":\"1%\"}]}",
	  "rules[0].match.colour: unknown key" },
};

START_TEST(plan_bad_input_refused_with_path)
{
	struct tce_version *v;
	struct tce_diag d;
	char got[700];
	int rc = tce_plan_json_parse(bad[_i].json, strlen(bad[_i].json), 0,
	    &v, &d);

	ck_assert_msg(rc == TC_EINVAL, "%s: expected refusal, got %d",
	    bad[_i].name, rc);
	if (d.line)
		snprintf(got, sizeof(got), "line %u: %s", d.line, d.msg);
	else
		snprintf(got, sizeof(got), "%s%s%s", d.path, d.path[0] ? ": " :
		    "", d.msg);
	ck_assert_msg(strncmp(got, bad[_i].want, strlen(bad[_i].want)) == 0,
	    "%s: expected \"%s...\", got \"%s\"", bad[_i].name, bad[_i].want,
	    got);
	ck_assert_ptr_null(v);
}
END_TEST

static int
add(struct tce_plan *p, const char *j, const char **path, char *why)
{
	struct tce_version *v;
	struct tce_diag d;

	ck_assert_int_eq(tce_plan_json_parse(j, strlen(j), 0, &v, &d), 0);
	return tce_plan_add(p, v, path, why, 160);
}

START_TEST(plan_versions_overlapping_refused)
{
	struct tce_plan *p;
	const char *path;
	char why[160];

	tce_plan_new(&p);
	ck_assert_int_eq(add(p, "{\"plan\":\"a\",\"effective_from\":"
	    "\"2026-01-01\",\"effective_to\":\"2026-06-30\",\"rules\":[]}",
	    &path, why), 0);
	ck_assert_int_eq(add(p, "{\"plan\":\"b\",\"effective_from\":"
	    "\"2026-06-01\",\"rules\":[]}", &path, why), TC_EINVAL);
	ck_assert_str_eq(path, "effective_from");
	ck_assert_int_eq(add(p, "{\"plan\":\"c\",\"effective_from\":"
	    "\"2026-07-01\",\"currency\":\"USD\",\"rules\":[]}", &path, why),
	    TC_EINVAL);
	ck_assert_str_eq(path, "currency");
	ck_assert_int_eq(add(p, "{\"plan\":\"d\",\"effective_from\":"
	    "\"2026-07-01\",\"period\":\"quarter\",\"rules\":[]}", &path, why),
	    TC_EINVAL);
	ck_assert_str_eq(path, "period");
	/* a gap is fine */
	ck_assert_int_eq(add(p, "{\"plan\":\"e\",\"effective_from\":"
	    "\"2026-09-01\",\"rules\":[]}", &path, why), 0);
	ck_assert_int_eq(p->nversions, 2);
	tce_plan_free(p);
}
END_TEST


/* The canonical text of the version of plan_valid_version_is_typed. */
static const char canonical[] =
    "{\n"
    "  \"plan\": \"p\",\n"
    "  \"currency\": \"CNY\",\n"
    "  \"period\": \"quarter\",\n"
    "  \"effective_from\": \"2026-01-01\",\n"
    "  \"effective_to\": \"2026-06-30\",\n"
    "  \"rules\": [\n"
    "    {\n"
    "      \"id\": \"a\",\n"
    "      \"priority\": 10,\n"
    "      \"match\": {\n"
    "        \"region\": \"east\"\n"
    "      },\n"
    "      \"base\": \"amount\",\n"
    "      \"rate\": \"6%\"\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"b\",\n"
    "      \"base\": \"collected\",\n"
    "      \"tiers\": {\n"
    "        \"mode\": \"whole\",\n"
    "        \"bands\": [\n"
    "          {\n"
    "            \"upto\": \"100\",\n"
    "            \"rate\": \"1%\"\n"
    "          },\n"
    "          {\n"
    "            \"rate\": \"2.5%\"\n"
    "          }\n"
    "        ]\n"
    "      }\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"c\",\n"
    "      \"base\": \"quantity\",\n"
    "      \"per_unit\": \"2.50\"\n"
    "    }\n"
    "  ],\n"
    "  \"accelerators\": [\n"
    "    {\n"
    "      \"attainment\": \"120%\",\n"
    "      \"multiplier\": \"1.5\"\n"
    "    },\n"
    "    {\n"
    "      \"attainment\": \"100%\",\n"
    "      \"multiplier\": \"1.2\"\n"
    "    }\n"
    "  ],\n"
    "  \"cap\": \"80000\",\n"
    "  \"bonuses\": [\n"
    "    {\n"
    "      \"attainment\": \"100%\",\n"
    "      \"amount\": \"2000\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

/* Writing a parsed version gives its canonical text, and parsing that
 * text gives the same version back (written again: the same bytes). */
START_TEST(plan_written_text_parses_back_to_the_same_version)
{
	const char *j = HEAD "\"period\":\"quarter\",\"effective_to\":"
	    "\"2026-06-30\",\"cap\":\"80000.00\",\"rules\":["
	    "{\"id\":\"a\",\"priority\":10,\"match\":{\"region\":\"east\"},"
	    "\"base\":\"amount\",\"rate\":\"6.00%\"},"
	    "{\"id\":\"b\",\"base\":\"collected\",\"tiers\":{\"mode\":\"whole\","
	    "\"bands\":[{\"upto\":\"100\",\"rate\":\"1%\"},{\"rate\":\"2.5000%\"}]}},"
	    "{\"id\":\"c\",\"priority\":0,\"base\":\"quantity\",\"per_unit\":\"2.5\"}],"
	    "\"accelerators\":[{\"attainment\":\"120%\",\"multiplier\":\"1.50\"},"
	    "{\"attainment\":\"100%\",\"multiplier\":\"1.2\"}],"
	    "\"bonuses\":[{\"attainment\":\"100%\",\"amount\":\"2000\"}]}";
	struct tce_version *v, *w;
	struct tce_diag d;
	char *text, *again;
	size_t len, len2;

	ck_assert_int_eq(tce_plan_json_parse(j, strlen(j), 0, &v, &d), 0);
	ck_assert_int_eq(tce_plan_json_write(v, &text, &len), 0);
	ck_assert_str_eq(text, canonical);
	ck_assert_uint_eq(len, strlen(canonical));
	ck_assert_int_eq(tce_plan_json_parse(text, len, 0, &w, &d), 0);
	ck_assert_int_eq(tce_plan_json_write(w, &again, &len2), 0);
	ck_assert_str_eq(again, text);
	ck_assert_int_eq(w->rules[1].bands[1].rate, 25000);
	ck_assert_int_eq(w->rules[2].per_unit, 250);
	ck_assert_int_eq(w->cap, 8000000);
	free(text);
	free(again);
	tce_version_free(v);
	tce_version_free(w);
}
END_TEST

/* Odd but valid values survive: small percents, an empty match value
 * (matches nothing), a negative priority, an open end, no steps. */
START_TEST(plan_written_text_keeps_edge_values)
{
	const char *j = HEAD "\"rules\":[{\"id\":\"x\",\"priority\":-3,"
	    "\"match\":{\"customer\":\"\",\"product\":\"p,\\\"q\"},"
	    "\"base\":\"margin\",\"rate\":\"0.0125%\"},"
	    "{\"id\":\"销售\",\"base\":\"amount\",\"tiers\":{\"mode\":\"marginal\","
	    "\"bands\":[{\"upto\":\"0.01\",\"rate\":\"0%\"},{\"rate\":\"100.5%\"}]}}]}";
	struct tce_version *v, *w;
	struct tce_diag d;
	char *text;
	size_t len;

	ck_assert_int_eq(tce_plan_json_parse(j, strlen(j), 0, &v, &d), 0);
	ck_assert_int_eq(tce_plan_json_write(v, &text, &len), 0);
	ck_assert_msg(strstr(text, "\"rate\": \"0.0125%\"") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"priority\": -3") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"upto\": \"0.01\"") != NULL, "%s", text);
	ck_assert_msg(strstr(text, "\"effective_to\"") == NULL, "%s", text);
	ck_assert_msg(strstr(text, "accelerators") == NULL, "%s", text);
	ck_assert_int_eq(tce_plan_json_parse(text, len, 0, &w, &d), 0);
	ck_assert_str_eq(w->rules[0].match[TCE_ATTR_CUSTOMER], "");
	ck_assert_str_eq(w->rules[0].match[TCE_ATTR_PRODUCT], "p,\"q");
	ck_assert_ptr_null(w->rules[0].match[TCE_ATTR_REGION]);
	ck_assert_int_eq(w->rules[0].priority, -3);
	ck_assert_int_eq(w->rules[0].rate, 125);
	ck_assert_str_eq(w->rules[1].id, "销售");
	ck_assert_int_eq(w->rules[1].kind, TCE_RATE_MARGINAL);
	ck_assert_int_eq(w->rules[1].bands[1].rate, 1005000);
	ck_assert_int_eq(w->to, TCE_DATE_OPEN);
	free(text);
	tce_version_free(v);
	tce_version_free(w);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("plan");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, plan_valid_version_is_typed);
	tcase_add_loop_test(tc, plan_bad_input_refused_with_path, 0,
	    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, plan_versions_overlapping_refused);
	tcase_add_test(tc, plan_written_text_parses_back_to_the_same_version);
	tcase_add_test(tc, plan_written_text_keeps_edge_values);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
