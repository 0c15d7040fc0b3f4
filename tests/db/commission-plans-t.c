/* commission-plans-t: the commission plan's versions against the real
 * MariaDB: stored as rows and given back as the same plan JSON; proposed,
 * then activated by someone, in force over ranges that never overlap (an
 * open-ended version is replaced from a later boundary by an open-ended
 * one); refused when the company's kind or currency differ; and, once a
 * period is closed, frozen over it: no version begins in it, a version
 * covering it cannot be changed, only ended on a later boundary.
 *
 * Each test works on its own copy of the plan and of the calendar:
 * temporary tables of the same names hide plan_versions, plan_rules,
 * plan_bands, plan_steps, periods, period_events and audit for the test's
 * connection, so nothing the demo or another test relies on changes. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/plans.h"
#include "core/error.h"
#include "core/period.h"
#include "engine/plan_json.h"
#include "tests/db/harness.h"

/* Hides table for this connection behind an empty copy of it. */
static void
shadow(const char *table)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE %s_shadow LIKE %s",
	    table, table);
	dbt_sql(dbt_db, sql);
	snprintf(sql, sizeof(sql), "ALTER TABLE %s_shadow RENAME TO %s", table,
	    table);
	dbt_sql(dbt_db, sql);
}

static void
setup(void)
{
	static const char *const tables[] = { "plan_versions", "plan_rules",
	    "plan_bands", "plan_steps", "periods", "period_events", "audit" };

	dbt_setup();
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		shadow(tables[i]);
}

static const struct actor hr = { "zhaomin", "127.0.0.1" };
static const struct actor management = { "wujun", "127.0.0.1" };
static const struct actor finance = { "sunli", "127.0.0.1" };
static const struct plan_company months = { TC_PERIOD_MONTH, "CNY" };

enum stmt { ST_VERSIONS, ST_AUDIT, ST_COUNTS, ST__MAX };

static const char *const sql[ST__MAX] = {
	[ST_VERSIONS] = "SELECT GROUP_CONCAT(CONCAT(id, ':', state, ':',"
	    " effective_from, '..', IFNULL(effective_to, 'open'))"
	    " ORDER BY id SEPARATOR ' ') FROM plan_versions",
	[ST_AUDIT] = "SELECT GROUP_CONCAT(CONCAT(actor, ' ', action, ' ',"
	    " entity_id, ' ', detail) ORDER BY id SEPARATOR '\n') FROM audit"
	    " WHERE entity = 'plan_version'",
	[ST_COUNTS] = "SELECT (SELECT COUNT(*) FROM plan_versions),"
	    " (SELECT COUNT(*) FROM plan_rules), (SELECT COUNT(*) FROM"
	    " plan_bands), (SELECT COUNT(*) FROM plan_steps)",
};

static struct db_table t_db = DB_TABLE("commission-plans-t", sql);

/* The first column of the first row of statement idx, as text. */
static const char *
one(int idx)
{
	static char buf[4096];
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &t_db, idx, DB_NOARGS, &r), 0);
	snprintf(buf, sizeof(buf), "%s", dbres_null(r, 0, 0) ? "" :
	    dbres_text(r, 0, 0));
	dbres_free(r);
	return buf;
}

/* "versions rules bands steps" */
static const char *
counts(void)
{
	static char buf[64];
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_COUNTS, DB_NOARGS, &r), 0);
	snprintf(buf, sizeof(buf), "%s %s %s %s", dbres_text(r, 0, 0),
	    dbres_text(r, 0, 1), dbres_text(r, 0, 2), dbres_text(r, 0, 3));
	dbres_free(r);
	return buf;
}

/* A plan with every kind of rule and step; to NULL: open-ended. */
static char *
plan_text(const char *name, const char *from, const char *to)
{
	static const char fmt[] =
	    "{\"plan\": \"%s\", \"currency\": \"CNY\", \"period\": \"month\",\n"
	    " \"effective_from\": \"%s\"%s%s%s,\n"
	    " \"rules\": [\n"
	    "  {\"id\": \"hw\", \"priority\": 5, \"match\": {\"product_type\":"
	    " \"hardware\", \"region\": \"east\"}, \"base\": \"amount\","
	    " \"rate\": \"2.75%%\"},\n"
	    "  {\"id\": \"sw\", \"match\": {\"product_type\": \"software\"},"
	    " \"base\": \"margin\", \"tiers\": {\"mode\": \"marginal\","
	    " \"bands\": [{\"upto\": \"80000\", \"rate\": \"3%%\"},"
	    " {\"rate\": \"4.5%%\"}]}},\n"
	    "  {\"id\": \"units\", \"match\": {\"product\": \"P-9\"},"
	    " \"base\": \"quantity\", \"per_unit\": \"2.50\"},\n"
	    "  {\"id\": \"cash\", \"base\": \"collected\", \"tiers\":"
	    " {\"mode\": \"whole\", \"bands\": [{\"upto\": \"100000\","
	    " \"rate\": \"1%%\"}, {\"rate\": \"1.5%%\"}]}}\n"
	    " ],\n"
	    " \"accelerators\": [{\"attainment\": \"100%%\", \"multiplier\":"
	    " \"1.2\"}],\n"
	    " \"cap\": \"50000\",\n"
	    " \"bonuses\": [{\"attainment\": \"120%%\", \"amount\": \"3000\"}]"
	    "}\n";
	char *s = NULL;

	ck_assert_int_ge(asprintf(&s, fmt, name, from,
	    to != NULL ? ", \"effective_to\": \"" : "", to != NULL ? to : "",
	    to != NULL ? "\"" : ""), 0);
	return s;
}

/* Parses and saves a plan as proposed; returns its id. */
static int64_t
propose(const char *name, const char *from, const char *to)
{
	struct tce_version *v = NULL;
	struct plan_why why = { 0 };
	struct tce_diag err;
	char *text = plan_text(name, from, to);
	int64_t id = 0;

	ck_assert_msg(plan_parse(text, strlen(text), &months, &v, &err) == 0,
	    "plan_parse: %s: %s", err.path, err.msg);
	ck_assert_msg(plan_save(dbt_db, v, "proposed", &hr, &id, &why) == 0,
	    "plan_save: %s", why.text);
	tce_version_free(v);
	free(text);
	return id;
}

static int
activate(int64_t id, int32_t today, struct plan_why *why)
{
	return plan_activate(dbt_db, id, &months, today, &management,
	    "approved by wujun", why);
}

static void
close_month(const char *label, int32_t today)
{
	struct period_why why = { 0 };

	ck_assert_msg(period_close(dbt_db, TC_PERIOD_MONTH, today, &finance,
	    label, NULL, 0, &why) == 0, "period_close %s: %s", label,
	    why.text);
}

START_TEST(export_gives_back_the_file_as_the_engine_writes_it)
{
	struct tce_version *v = NULL, *back = NULL;
	struct tce_diag err;
	char *text = plan_text("销售提成方案 2026", "2026-01-01", "2026-06-30");
	char *want = NULL, *json = NULL, *again = NULL;
	size_t wantlen = 0, len = 0, againlen = 0;
	int64_t id;

	ck_assert_int_eq(plan_parse(text, strlen(text), &months, &v, &err), 0);
	ck_assert_int_eq(tce_plan_json_write(v, &want, &wantlen), 0);
	id = propose("销售提成方案 2026", "2026-01-01", "2026-06-30");
	ck_assert_str_eq(counts(), "1 4 4 2");
	ck_assert_int_eq(plan_export(dbt_db, id, &json, &len), 0);
	ck_assert_uint_eq(len, wantlen);
	ck_assert_str_eq(json, want);
	/* the exported file is a plan the engine reads as the same version */
	ck_assert_int_eq(tce_plan_json_parse(json, len, 0, &back, &err), 0);
	ck_assert_int_eq(tce_plan_json_write(back, &again, &againlen), 0);
	ck_assert_str_eq(again, want);
	ck_assert_ptr_nonnull(strstr(json, "\"rate\": \"2.75%\""));
	ck_assert_ptr_nonnull(strstr(json, "\"per_unit\": \"2.50\""));
	ck_assert_ptr_nonnull(strstr(json, "\"effective_to\": \"2026-06-30\""));
	ck_assert_str_eq(one(ST_VERSIONS), "1:proposed:2026-01-01..2026-06-30");
	ck_assert_str_eq(one(ST_AUDIT), "zhaomin plan.import 1 proposed: "
	    "销售提成方案 2026, 4 rules");
	free(again);
	again = NULL;
	ck_assert_int_eq(plan_export(dbt_db, id + 1, &again, &againlen),
	    TC_ENOTFOUND);
	tce_version_free(v);
	tce_version_free(back);
	free(text);
	free(want);
	free(json);
	free(again);
}
END_TEST

START_TEST(a_file_of_another_kind_or_currency_is_refused_by_path)
{
	static const char quarter[] = "{\"plan\": \"q\", \"period\": "
	    "\"quarter\", \"effective_from\": \"2026-01-01\", \"rules\": []}";
	static const char usd[] = "{\"plan\": \"u\", \"currency\": \"USD\", "
	    "\"effective_from\": \"2026-01-01\", \"rules\": []}";
	static const char bad_band[] = "{\"plan\": \"b\", \"effective_from\": "
	    "\"2026-01-01\", \"rules\": [{\"id\": \"a\", \"base\": \"amount\", "
	    "\"rate\": \"1%\"}, {\"id\": \"b\", \"base\": \"amount\", "
	    "\"rate\": \"1%\"}, {\"id\": \"c\", \"base\": \"amount\", \"tiers\": "
	    "{\"mode\": \"whole\", \"bands\": [{\"upto\": \"100\", \"rate\": "
	    "\"1%\"}, {\"upto\": \"50\", \"rate\": \"2%\"}, {\"rate\": \"3%\"}]}}]}";
	struct tce_version *v = NULL;
	struct tce_diag err;

	ck_assert_int_eq(plan_parse(quarter, strlen(quarter), &months, &v,
	    &err), TC_EINVAL);
	ck_assert_ptr_null(v);
	ck_assert_str_eq(err.path, "period");
	ck_assert_str_eq(err.msg, "\"quarter\", but the company's period is "
	    "month");
	ck_assert_int_eq(plan_parse(usd, strlen(usd), &months, &v, &err),
	    TC_EINVAL);
	ck_assert_str_eq(err.path, "currency");
	ck_assert_int_eq(plan_parse(bad_band, strlen(bad_band), &months, &v,
	    &err), TC_EINVAL);
	ck_assert_str_eq(err.path, "rules[2].tiers.bands[1].upto");
	ck_assert_str_eq(counts(), "0 0 0 0");
}
END_TEST

START_TEST(activation_begins_the_periods_and_is_audited)
{
	struct plan_why why = { 0 };
	struct period *ps = NULL;
	struct period_why pwhy = { 0 };
	struct plan_text *t = NULL;
	size_t n = 0;
	int64_t id = propose("a", "2026-02-01", NULL);

	ck_assert_msg(activate(id, 20260415, &why) == 0, "%s", why.text);
	ck_assert_str_eq(one(ST_VERSIONS), "1:active:2026-02-01..open");
	ck_assert_int_eq(period_list(dbt_db, TC_PERIOD_MONTH, 20260415, &ps, &n,
	    &pwhy), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(ps[0].span.label, "2026-02");
	free(ps);
	ck_assert_ptr_nonnull(strstr(one(ST_AUDIT), "wujun plan.activate 1 "
	    "2026-02-01, open-ended; approved by wujun"));
	/* an active version is not activated twice */
	ck_assert_int_eq(activate(id, 20260415, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_state");
	ck_assert_int_eq(activate(id + 7, 20260415, &why), TC_ENOTFOUND);
	/* in force over any range it meets, with its JSON */
	ck_assert_int_eq(plan_in_force(dbt_db, 20260301, 20260331, &t, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(t[0].id, id);
	ck_assert_int_eq(t[0].from, 20260201);
	ck_assert_str_eq(t[0].state, "active");
	ck_assert_ptr_nonnull(strstr(t[0].json, "\"plan\": \"a\""));
	plan_texts_free(t, n);
	ck_assert_int_eq(plan_in_force(dbt_db, 20260101, 20260131, &t, &n), 0);
	ck_assert_uint_eq(n, 0);
	plan_texts_free(t, n);
}
END_TEST

START_TEST(versions_in_force_never_overlap)
{
	struct plan_why why = { 0 };
	int64_t h1 = propose("h1", "2026-01-01", "2026-06-30");
	int64_t mid = propose("mid", "2026-06-01", "2026-07-31");
	int64_t h2 = propose("h2", "2026-07-01", "2026-12-31");

	ck_assert_int_eq(activate(h1, 20260115, &why), 0);
	ck_assert_int_eq(activate(mid, 20260115, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_overlap");
	ck_assert_str_eq(why.path, "effective_from");
	ck_assert_str_eq(why.text, "version 2 overlaps version 1 in force "
	    "(2026-01-01 to 2026-06-30)");
	ck_assert_int_eq(activate(h2, 20260115, &why), 0);
	/* an open-ended version does not end a bounded one */
	ck_assert_int_eq(activate(propose("open", "2026-03-01", NULL),
	    20260115, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_overlap");
	ck_assert_str_eq(one(ST_VERSIONS), "1:active:2026-01-01..2026-06-30 "
	    "2:proposed:2026-06-01..2026-07-31 "
	    "3:active:2026-07-01..2026-12-31 4:proposed:2026-03-01..open");
}
END_TEST

START_TEST(an_open_ended_version_is_replaced_from_a_later_boundary)
{
	struct plan_why why = { 0 };
	struct plan_text *t = NULL;
	size_t n = 0;
	int64_t old = propose("old", "2026-01-01", NULL);
	int64_t new = propose("new", "2026-05-01", NULL);

	ck_assert_int_eq(activate(old, 20260415, &why), 0);
	ck_assert_msg(activate(new, 20260415, &why) == 0, "%s", why.text);
	ck_assert_str_eq(one(ST_VERSIONS), "1:ended:2026-01-01..2026-04-30 "
	    "2:active:2026-05-01..open");
	ck_assert_ptr_nonnull(strstr(one(ST_AUDIT), "wujun plan.end 1 ended "
	    "by version 2, from 2026-05-01"));
	/* April and May are each under one version, the ended one exported
	 * with its end */
	ck_assert_int_eq(plan_in_force(dbt_db, 20260401, 20260531, &t, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(t[0].to, 20260430);
	ck_assert_str_eq(t[0].state, "ended");
	ck_assert_ptr_nonnull(strstr(t[0].json,
	    "\"effective_to\": \"2026-04-30\""));
	ck_assert_int_eq(t[1].to, TCE_DATE_OPEN);
	plan_texts_free(t, n);
}
END_TEST

START_TEST(a_closed_period_freezes_the_versions_over_it)
{
	struct tce_version *v = NULL;
	struct plan_why why = { 0 };
	struct tce_diag err;
	char *text;
	int64_t id = propose("frozen", "2026-01-01", NULL), late;

	ck_assert_int_eq(activate(id, 20260415, &why), 0);
	ck_assert_int_eq(plan_editable(dbt_db, id, &why), 0);
	close_month("2026-01", 20260415);
	close_month("2026-02", 20260415);
	ck_assert_int_eq(plan_editable(dbt_db, id, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_frozen");
	ck_assert_str_eq(why.text, "version 1 covers closed periods (up to "
	    "2026-02-28): it can only be ended on a later period boundary; "
	    "make a new version from it instead");
	/* a proposed version beginning after the closed periods may change */
	late = propose("late", "2026-05-01", NULL);
	ck_assert_int_eq(plan_editable(dbt_db, late, &why), 0);
	/* no version begins in a closed period */
	text = plan_text("early", "2026-02-01", NULL);
	ck_assert_int_eq(plan_parse(text, strlen(text), &months, &v, &err), 0);
	ck_assert_int_eq(plan_save(dbt_db, v, "draft", &hr, &late, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_closed");
	ck_assert_str_eq(why.path, "effective_from");
	ck_assert_str_eq(why.text, "2026-02-01 is in a closed period (the "
	    "periods up to 2026-02-28 are closed): a new version must begin "
	    "after them");
	ck_assert_str_eq(counts(), "2 8 8 4");
	tce_version_free(v);
	free(text);
}
END_TEST

START_TEST(a_frozen_version_ends_only_on_a_later_boundary)
{
	struct plan_why why = { 0 };
	int64_t id = propose("ends", "2026-01-01", NULL);
	int64_t draft = propose("draft", "2026-09-01", NULL);

	ck_assert_int_eq(activate(id, 20260415, &why), 0);
	close_month("2026-01", 20260415);
	close_month("2026-02", 20260415);
	ck_assert_int_eq(plan_end(dbt_db, id, 20260131, &months, &hr, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_closed");
	ck_assert_int_eq(plan_end(dbt_db, id, 20260415, &months, &hr, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_boundary");
	ck_assert_str_eq(why.text, "2026-04-15 is not the last day of a "
	    "period");
	ck_assert_int_eq(plan_end(dbt_db, id, 20251231, &months, &hr, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_end_range");
	ck_assert_int_eq(plan_end(dbt_db, draft, 20261031, &months, &hr, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_state");
	ck_assert_msg(plan_end(dbt_db, id, 20260430, &months, &hr, &why) == 0,
	    "%s", why.text);
	ck_assert_str_eq(one(ST_VERSIONS), "1:ended:2026-01-01..2026-04-30 "
	    "2:proposed:2026-09-01..open");
	ck_assert_ptr_nonnull(strstr(one(ST_AUDIT), "zhaomin plan.end 1 ends "
	    "on 2026-04-30"));
	/* ended, it may be shortened again, never lengthened */
	ck_assert_int_eq(plan_end(dbt_db, id, 20260531, &months, &hr, &why),
	    TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_end_range");
	ck_assert_int_eq(plan_end(dbt_db, id, 20260331, &months, &hr, &why), 0);
	ck_assert_str_eq(one(ST_VERSIONS), "1:ended:2026-01-01..2026-03-31 "
	    "2:proposed:2026-09-01..open");
	ck_assert_int_eq(plan_end(dbt_db, 99, 20260331, &months, &hr, &why),
	    TC_ENOTFOUND);
}
END_TEST

START_TEST(activation_refuses_another_company_and_a_closed_start)
{
	static const struct plan_company quarters = { TC_PERIOD_QUARTER, "CNY" };
	struct plan_why why = { 0 };
	int64_t a = propose("a", "2026-01-01", NULL);
	int64_t b = propose("b", "2026-02-01", NULL);

	/* ticheng.conf changed since the version was saved */
	ck_assert_int_eq(plan_activate(dbt_db, a, &quarters, 20260415,
	    &management, "approved", &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_company");
	ck_assert_int_eq(activate(a, 20260415, &why), 0);
	close_month("2026-01", 20260415);
	close_month("2026-02", 20260415);
	/* b was proposed before February closed: it may no longer begin
	 * there */
	ck_assert_int_eq(activate(b, 20260415, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "plan_err_closed");
	ck_assert_str_eq(one(ST_VERSIONS), "1:active:2026-01-01..open "
	    "2:proposed:2026-02-01..open");
}
END_TEST

static Suite *
plans_suite(void)
{
	Suite *s = suite_create("commission-plans");
	TCase *tc = tcase_create("plans");

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_add_test(tc, export_gives_back_the_file_as_the_engine_writes_it);
	tcase_add_test(tc, a_file_of_another_kind_or_currency_is_refused_by_path);
	tcase_add_test(tc, activation_begins_the_periods_and_is_audited);
	tcase_add_test(tc, versions_in_force_never_overlap);
	tcase_add_test(tc, an_open_ended_version_is_replaced_from_a_later_boundary);
	tcase_add_test(tc, a_closed_period_freezes_the_versions_over_it);
	tcase_add_test(tc, a_frozen_version_ends_only_on_a_later_boundary);
	tcase_add_test(tc, activation_refuses_another_company_and_a_closed_start);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(plans_suite());

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
