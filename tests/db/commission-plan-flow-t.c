/* commission-plan-flow-t: activating a plan version takes four eyes,
 * through core/workflow (commission/versions-flow.c) against the real
 * MariaDB: HR proposes, management approves, never the person who
 * proposed (even one who holds both roles); the approval does the
 * activation in the same transaction, so a refused activation (an
 * overlap) leaves the version proposed; a second approval comes too late
 * (409); every move is in the history.
 *
 * Temporary tables of the same names hide the plan's tables, the
 * calendar and the audit for the test's connection. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/plans.h"
#include "commission/versions.h"
#include "core/error.h"
#include "tests/db/harness.h"

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
	    "plan_bands", "plan_steps", "plan_version_changes", "periods",
	    "period_events", "audit" };

	dbt_setup();
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		shadow(tables[i]);
}

static const struct plan_company months = { TC_PERIOD_MONTH, "CNY" };
static const struct scope all = { SCOPE_ALL, 0, "", "x" };

enum stmt { ST_PERSON, ST_STATE, ST_HISTORY, ST__MAX };

static const char *const sql[ST__MAX] = {
	[ST_PERSON] = "SELECT id FROM people WHERE login = ?",
	[ST_STATE] = "SELECT state FROM plan_versions WHERE id = ?",
	[ST_HISTORY] = "SELECT GROUP_CONCAT(CONCAT(IFNULL(from_state, '-'),"
	    " '>', to_state, ':', action) ORDER BY id SEPARATOR ' ')"
	    " FROM plan_version_changes WHERE version_id = ?",
};

static struct db_table t_db = DB_TABLE("commission-plan-flow-t", sql);

static const char *
text(int idx, struct db_param p)
{
	static char buf[1024];
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &t_db, idx, &p, 1, &r), 0);
	snprintf(buf, sizeof(buf), "%s", dbres_rows(r) == 0 ||
	    dbres_null(r, 0, 0) ? "" : dbres_text(r, 0, 0));
	dbres_free(r);
	return buf;
}

/* A person of the directory (the demo's), with the roles given. */
static struct person
person(const char *login, unsigned roles)
{
	struct person p = { 0 };

	p.id = strtoll(text(ST_PERSON, P_TEXT(login)), NULL, 10);
	ck_assert_int_gt(p.id, 0);
	snprintf(p.login, sizeof(p.login), "%s", login);
	p.roles = roles;
	return p;
}

static int64_t
draft(const char *from)
{
	struct tce_version *v = NULL;
	struct plan_why why = { 0 };
	struct tce_diag err;
	char *json = NULL;
	int64_t id = 0;

	ck_assert_int_ge(asprintf(&json, "{\"plan\": \"flow\", \"currency\":"
	    " \"CNY\", \"period\": \"month\", \"effective_from\": \"%s\","
	    " \"rules\": [{\"id\": \"all\", \"base\": \"amount\", \"rate\":"
	    " \"2%%\"}]}", from), 0);
	ck_assert_int_eq(plan_parse(json, strlen(json), &months, &v, &err), 0);
	ck_assert_int_eq(plan_save(dbt_db, v, "draft", &(struct actor){
	    "zhaomin", "127.0.0.1" }, &id, &why), 0);
	tce_version_free(v);
	free(json);
	return id;
}

/* One move as p, then (approve) the activation, in one transaction. */
static int
move(struct person *p, int64_t id, const char *action, const char *comment,
    struct wf_outcome *out)
{
	struct wf_actor a = { dbt_db, p, { p->login, "127.0.0.1" } };
	struct wf_request w = { .action = action, .comment = comment };
	struct plan_why why = { 0 };
	int rc;

	ck_assert_int_eq(db_begin(dbt_db), 0);
	rc = wf_apply(&a, &cm_plan_flow, id, &all, &w, out);
	if (rc == 0 && strcmp(action, "approve") == 0)
		rc = plan_activate_moved(dbt_db, id, &months, 20260115, &a.as,
		    "approved", &why);
	if (rc == 0)
		ck_assert_int_eq(db_commit(dbt_db), 0);
	else
		db_rollback(dbt_db);
	return rc;
}

START_TEST(the_proposer_never_approves_even_holding_both_roles)
{
	struct person both = person("zhaomin", ROLE_HR | ROLE_MANAGEMENT);
	struct person other = person("wujun", ROLE_MANAGEMENT);
	struct wf_outcome out;
	int64_t id = draft("2026-01-01");

	ck_assert_int_eq(move(&both, id, "propose", NULL, &out), 0);
	ck_assert_int_eq(move(&both, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "cm_plan_err_own_proposal");
	ck_assert_str_eq(text(ST_STATE, P_INT(id)), "proposed");
	ck_assert_int_eq(move(&other, id, "approve", NULL, &out), 0);
	ck_assert_str_eq(text(ST_STATE, P_INT(id)), "active");
	/* the late one finds it moved on */
	ck_assert_int_eq(move(&other, id, "approve", NULL, &out), TC_ECONFLICT);
	ck_assert_str_eq(text(ST_HISTORY, P_INT(id)),
	    "draft>proposed:propose proposed>active:approve");
}
END_TEST

START_TEST(hr_neither_approves_nor_rejects_and_a_rejection_needs_a_reason)
{
	struct person hr = person("zhaomin", ROLE_HR);
	struct person mg = person("wujun", ROLE_MANAGEMENT);
	struct wf_outcome out;
	int64_t id = draft("2026-01-01");

	ck_assert_int_eq(move(&mg, id, "propose", NULL, &out), TC_EDENIED);
	ck_assert_int_eq(move(&hr, id, "propose", NULL, &out), 0);
	ck_assert_int_eq(move(&hr, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_int_eq(move(&mg, id, "reject", "", &out), TC_EINVAL);
	ck_assert_str_eq(out.msg, "cm_plan_err_reject_reason");
	ck_assert_int_eq(move(&mg, id, "reject", "too generous", &out), 0);
	ck_assert_str_eq(text(ST_STATE, P_INT(id)), "draft");
}
END_TEST

START_TEST(a_refused_activation_leaves_the_version_proposed)
{
	struct person hr = person("zhaomin", ROLE_HR);
	struct person mg = person("wujun", ROLE_MANAGEMENT);
	struct wf_outcome out;
	struct plan_why why = { 0 };
	int64_t in_force = draft("2026-01-01"), id;
	struct tce_version *v = NULL;
	struct tce_diag err;
	static const char bounded[] = "{\"plan\": \"b\", \"currency\": \"CNY\","
	    " \"period\": \"month\", \"effective_from\": \"2026-03-01\","
	    " \"effective_to\": \"2026-03-31\", \"rules\": []}";

	ck_assert_int_eq(plan_activate(dbt_db, in_force, &months, 20260115,
	    &(struct actor){ "op", "" }, "operator", &why), 0);
	/* a bounded version over the open-ended one in force: an overlap */
	ck_assert_int_eq(plan_parse(bounded, strlen(bounded), &months, &v,
	    &err), 0);
	ck_assert_int_eq(plan_save(dbt_db, v, "draft", &(struct actor){
	    "zhaomin", "" }, &id, &why), 0);
	tce_version_free(v);
	ck_assert_int_eq(move(&hr, id, "propose", NULL, &out), 0);
	ck_assert_int_eq(move(&mg, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(text(ST_STATE, P_INT(id)), "proposed");
	ck_assert_str_eq(text(ST_HISTORY, P_INT(id)), "draft>proposed:propose");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("commission-plan-flow");
	TCase *tc = tcase_create("flow");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_add_test(tc, the_proposer_never_approves_even_holding_both_roles);
	tcase_add_test(tc,
	    hr_neither_approves_nor_rejects_and_a_rejection_needs_a_reason);
	tcase_add_test(tc, a_refused_activation_leaves_the_version_proposed);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
