/* scope-t: a scope rule and a person's roles give the rows of MariaDB a
 * rep, a manager, finance and others see, for people columns and for
 * rows that store the team of their time; sales' own rules too. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "core/scope.h"
#include "sales/sales.h"
#include "tests/db/harness.h"

/* The cast of every test: a team T led by mgr (rep1, rep2 and mgr
 * herself), rep3 of another team whose manager is mgr, rep4 of a third
 * team, and fin of finance. */
enum who { REP1, REP2, REP3, REP4, MGR, FIN, WHO__MAX };

static const char *const who_name[WHO__MAX] = {
	"rep1", "rep2", "rep3", "rep4", "mgr", "fin"
};

static struct person cast[WHO__MAX];
static char prefix[40], team_t[64], team_u[64], team_v[64];

enum stmt { STMT_PEOPLE, STMT_LINE, STMT_LINES, STMT__MAX };

static const char *const sql[STMT__MAX] = {
	[STMT_PEOPLE] = "SELECT p.login FROM people p WHERE p.login LIKE"
	    " CONCAT(?, '-%') AND " SCOPE_SQL("p.id") " ORDER BY p.login",
	[STMT_LINE] = "INSERT INTO scope_lines (label, person_id, team,"
	    " manager_login) VALUES (?, ?, ?, ?)",
	[STMT_LINES] = "SELECT l.label FROM scope_lines l WHERE "
	    SCOPE_STORED_SQL("l.person_id", "l.team", "l.manager_login")
	    " ORDER BY l.label",
};

static struct db_table scope_db = DB_TABLE("scope-t", sql);

/* A module's rules, as a module would declare them. */
static const struct scope_rule read_rule = {
	"test.read", ROLE_FINANCE | ROLE_MANAGEMENT, ROLE_MANAGER, ROLE_SALES
};
static const struct scope_rule approve_rule = {
	"test.approve", ROLE_MANAGEMENT, 0, 0
};

static void
add_person(enum who w, const char *team, const char *manager,
    unsigned roles)
{
	dbt_person(dbt_db, &cast[w], prefix, who_name[w], team, manager,
	    roles);
}

static void
setup(void)
{
	dbt_setup();
	dbt_unique(prefix, sizeof(prefix), "sct");
	snprintf(team_t, sizeof(team_t), "%s-T", prefix);
	snprintf(team_u, sizeof(team_u), "%s-U", prefix);
	snprintf(team_v, sizeof(team_v), "%s-V", prefix);
	memset(cast, 0, sizeof(cast));
	add_person(MGR, team_t, NULL, ROLE_SALES | ROLE_MANAGER);
	add_person(REP1, team_t, NULL, ROLE_SALES);
	add_person(REP2, team_t, NULL, ROLE_SALES);
	add_person(REP3, team_u, cast[MGR].login, ROLE_SALES);
	add_person(REP4, team_v, NULL, ROLE_SALES);
	add_person(FIN, "", NULL, ROLE_FINANCE);
}

/* The people of the cast whom s sees, as "rep1 rep2 ..." in login
 * order ("" for none). */
static const char *
people_seen(const struct scope *s)
{
	static char out[256];
	struct dbres *r;
	size_t k = 0, plen = strlen(prefix) + 1;

	ck_assert_int_eq(db_query(dbt_db, &scope_db, STMT_PEOPLE,
	    DB_ARGS(P_TEXT(prefix), SCOPE_ARGS(s)), &r), 0);
	out[0] = '\0';
	for (size_t i = 0; i < dbres_rows(r); i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s",
		    k ? " " : "", dbres_text(r, i, 0) + plen);
	dbres_free(r);
	return out;
}

static const char *
seen_by(enum who w, const struct scope_rule *rule)
{
	struct scope s = scope_person(&cast[w], rule);

	return people_seen(&s);
}

#define ASSERT_SEES(w, rule, expected) do { \
	const char *got_ = seen_by((w), (rule)); \
	ck_assert_msg(strcmp(got_, (expected)) == 0, "%s under %s: expected " \
	    "to see \"%s\", saw \"%s\"", who_name[w], (rule)->name, \
	    (expected), got_); \
} while (0)

START_TEST(rep_sees_only_their_own_rows)
{
	struct scope s = scope_person(&cast[REP1], &read_rule);

	ck_assert_int_eq(s.kind, SCOPE_OWN);
	ASSERT_SEES(REP1, &read_rule, "rep1");
	ASSERT_SEES(REP4, &read_rule, "rep4");
}
END_TEST

START_TEST(manager_sees_the_team_and_whom_they_manage)
{
	struct scope s = scope_person(&cast[MGR], &read_rule);

	ck_assert_int_eq(s.kind, SCOPE_TEAM);
	/* rep3 is of another team, but mgr is their manager; rep4 is not
	 * mgr's in any way. */
	ASSERT_SEES(MGR, &read_rule, "mgr rep1 rep2 rep3");
}
END_TEST

START_TEST(finance_sees_every_row)
{
	struct scope s = scope_person(&cast[FIN], &read_rule);

	ck_assert_int_eq(s.kind, SCOPE_ALL);
	ASSERT_SEES(FIN, &read_rule, "fin mgr rep1 rep2 rep3 rep4");
}
END_TEST

START_TEST(a_role_the_rule_does_not_name_sees_nothing)
{
	struct scope s = scope_person(&cast[FIN], &approve_rule);

	ck_assert_int_eq(s.kind, SCOPE_NONE);
	ck_assert_int_eq(s.me, -1);
	ASSERT_SEES(FIN, &approve_rule, "");
	ASSERT_SEES(MGR, &approve_rule, "");
	ASSERT_SEES(REP1, &approve_rule, "");
}
END_TEST

START_TEST(signed_out_sees_nothing)
{
	struct scope s = scope_person(NULL, &read_rule);

	ck_assert_int_eq(s.kind, SCOPE_NONE);
	ck_assert_str_eq(people_seen(&s), "");
}
END_TEST

START_TEST(several_roles_give_the_widest_scope)
{
	cast[REP2].roles |= ROLE_FINANCE;
	ASSERT_SEES(REP2, &read_rule, "fin mgr rep1 rep2 rep3 rep4");
	cast[REP1].roles |= ROLE_MANAGER;
	ASSERT_SEES(REP1, &read_rule, "mgr rep1 rep2");
}
END_TEST

START_TEST(a_manager_without_team_sees_whom_they_manage)
{
	/* An empty team attribute is no team: it must not match everyone
	 * else without one (fin). */
	cast[MGR].team[0] = '\0';
	cast[MGR].roles = ROLE_MANAGER;
	ASSERT_SEES(MGR, &read_rule, "mgr rep3");
}
END_TEST

/* A row of scope_lines: person w's, with the team and manager of its
 * time. */
static void
add_line(const char *label, enum who w, const char *team,
    const char *manager)
{
	ck_assert_int_eq(db_exec(dbt_db, &scope_db, STMT_LINE,
	    DB_ARGS(P_TEXT(label), P_INT(cast[w].id), P_TEXT(team),
	    P_TEXT_OR_NULL(manager)), NULL, NULL), 0);
}

START_TEST(stored_team_of_the_time_decides_not_todays)
{
	struct scope s;
	struct dbres *r;
	char got[256] = "";
	size_t k = 0;

	dbt_sql(dbt_db, "CREATE TEMPORARY TABLE scope_lines (label"
	    " VARCHAR(32) NOT NULL, person_id INT UNSIGNED NOT NULL, team"
	    " VARCHAR(64) NOT NULL, manager_login VARCHAR(64) NULL)");
	/* rep2 was in team T in May and is in team U by June; rep4 was
	 * managed by mgr in May. */
	add_line("may-mgr", MGR, team_t, NULL);
	add_line("may-rep1", REP1, team_t, NULL);
	add_line("may-rep2", REP2, team_t, NULL);
	add_line("jun-rep2", REP2, team_u, NULL);
	add_line("may-rep4", REP4, team_v, cast[MGR].login);
	add_line("jun-rep4", REP4, team_v, NULL);
	s = scope_person(&cast[MGR], &read_rule);
	ck_assert_int_eq(db_query(dbt_db, &scope_db, STMT_LINES,
	    DB_ARGS(SCOPE_ARGS(&s)), &r), 0);
	for (size_t i = 0; i < dbres_rows(r); i++)
		k += (size_t)snprintf(got + k, sizeof(got) - k, "%s%s",
		    k ? " " : "", dbres_text(r, i, 0));
	dbres_free(r);
	ck_assert_msg(strcmp(got, "may-mgr may-rep1 may-rep2 may-rep4") == 0,
	    "the manager saw \"%s\"", got);
	s = scope_person(&cast[REP2], &read_rule);
	ck_assert_int_eq(db_query(dbt_db, &scope_db, STMT_LINES,
	    DB_ARGS(SCOPE_ARGS(&s)), &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 2);
	ck_assert_str_eq(dbres_text(r, 0, 0), "jun-rep2");
	ck_assert_str_eq(dbres_text(r, 1, 0), "may-rep2");
	dbres_free(r);
}
END_TEST

/* Sales' own rules: reps and managers change their rows, finance reads
 * everything but changes no sales data, yet edits the costs of every
 * order; admins read everything and change nothing. */
START_TEST(sales_rules_for_rep_manager_and_finance)
{
	struct person admin = cast[FIN];

	ASSERT_SEES(REP1, &sales_scope_read, "rep1");
	ASSERT_SEES(REP1, &sales_scope_write, "rep1");
	ASSERT_SEES(MGR, &sales_scope_read, "mgr rep1 rep2 rep3");
	ASSERT_SEES(MGR, &sales_scope_write, "mgr rep1 rep2 rep3");
	ASSERT_SEES(FIN, &sales_scope_read, "fin mgr rep1 rep2 rep3 rep4");
	ASSERT_SEES(FIN, &sales_scope_write, "");
	ASSERT_SEES(FIN, &sales_scope_costs, "fin mgr rep1 rep2 rep3 rep4");
	ASSERT_SEES(MGR, &sales_scope_costs, "");
	ASSERT_SEES(REP1, &sales_scope_costs, "");
	admin.roles = ROLE_ADMIN;
	{
		struct scope s = scope_person(&admin, &sales_scope_read);

		ck_assert_str_eq(people_seen(&s),
		    "fin mgr rep1 rep2 rep3 rep4");
		s = scope_person(&admin, &sales_scope_write);
		ck_assert_str_eq(people_seen(&s), "");
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("scope");
	TCase *tc = tcase_create("scope");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_add_test(tc, rep_sees_only_their_own_rows);
	tcase_add_test(tc, manager_sees_the_team_and_whom_they_manage);
	tcase_add_test(tc, finance_sees_every_row);
	tcase_add_test(tc, a_role_the_rule_does_not_name_sees_nothing);
	tcase_add_test(tc, signed_out_sees_nothing);
	tcase_add_test(tc, several_roles_give_the_widest_scope);
	tcase_add_test(tc, a_manager_without_team_sees_whom_they_manage);
	tcase_add_test(tc, stored_team_of_the_time_decides_not_todays);
	tcase_add_test(tc, sales_rules_for_rep_manager_and_finance);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
