/* performance-t: the performance module against the real MariaDB, on a
 * small company whose figures are worked out by hand below: evaluation
 * from stored summaries (with the zero rows of reps with a target and no
 * sales, and a quarter as the sum of its months), ranks with ties, the
 * stale flag, scope (a rep sees their own, a manager the team), and
 * targets saved all or nothing with every refused cell named, one's own
 * target refused and closed periods frozen.
 *
 * Every table read is hidden for the test's connection behind an empty
 * temporary copy, so nothing of the stack's data is read or changed. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "performance/perf.h"
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

/* The company, by hand:
 *
 *   id  login  team  manager   2026-01 sales / target   2026-02 sales / target
 *   1   ann    A     mia       10850.00 / 10000.00       9000.00 / 10000.00
 *   2   bob    A     mia        9000.00 / 10000.00      12000.00 / 10000.00
 *   3   cat    A     mia        9000.00 / 10000.00      (no row) / 8000.00
 *   4   dan    B     ned       12000.00 / 10000.00        500.00 / (none)
 *   5   eve    B     ned       (no row) / 4000.00       (no row) / (none)
 *   6   mia    A     -          manager of A (sales + manager)
 *
 * 2026-01: ann 108.50, bob 90.00, cat 90.00, dan 120.00, eve 0.00 (a
 * target, no sales): ranks by attainment dan 1, ann 2, bob 3, cat 3,
 * eve 5.  Company: sales 40850.00, target 44000.00, 92.84 (40850 /
 * 44000 = 0.928409...).
 * 2026-Q1 (Jan + Feb; March has no run): ann 19850 / 20000 = 99.25,
 * bob 21000 / 20000 = 105.00, cat 9000 / 18000 = 50.00, dan 12500 /
 * 10000 = 125.00, eve 0 / 4000 = 0.00. */
static void
setup(void)
{
	dbt_setup();
	shadow("people");
	shadow("periods");
	shadow("calc_runs");
	shadow("calc_inputs");
	shadow("commission_summaries");
	shadow("targets");
	shadow("team_targets");
	shadow("audit");
	shadow("orders");
	shadow("payments");
	shadow("contests");
	shadow("contest_prizes");
	shadow("commission_adjustments");
	shadow("commission_adjustment_moves");
	dbt_sql(dbt_db, "INSERT INTO people (id, login, dn, name, team,"
	    " manager_login, roles) VALUES"
	    " (1, 'ann', 'uid=ann', 'Ann', 'A', 'mia', '1'),"
	    " (2, 'bob', 'uid=bob', 'Bob', 'A', 'mia', '1'),"
	    " (3, 'cat', 'uid=cat', 'Cat', 'A', 'mia', '1'),"
	    " (4, 'dan', 'uid=dan', 'Dan', 'B', 'ned', '1'),"
	    " (5, 'eve', 'uid=eve', 'Eve', 'B', 'ned', '1'),"
	    " (6, 'mia', 'uid=mia', 'Mia', 'A', NULL, '3'),"
	    " (7, 'hr', 'uid=hr', 'Hana', '', NULL, '4')");
	dbt_sql(dbt_db, "INSERT INTO periods (id, kind, label, first_day,"
	    " last_day, state) VALUES"
	    " (1, 'month', '2026-01', '2026-01-01', '2026-01-31', 'open'),"
	    " (2, 'month', '2026-02', '2026-02-01', '2026-02-28', 'open'),"
	    " (3, 'month', '2026-03', '2026-03-01', '2026-03-31', 'open')");
	/* both runs read the inputs' versions of now (sql/commission/010) */
	dbt_sql(dbt_db, "INSERT INTO calc_runs (id, period_id, state,"
	    " started_by, started_at, input_version) VALUES"
	    " (1, 1, 'done', 'fin', NOW() - INTERVAL 1 HOUR, 4),"
	    " (2, 2, 'done', 'fin', NOW() - INTERVAL 1 HOUR, 7)");
	dbt_sql(dbt_db, "INSERT INTO calc_inputs (period_id, version) VALUES"
	    " (1, 4), (2, 7)");
	dbt_sql(dbt_db, "INSERT INTO commission_summaries (period_id,"
	    " person_id, run_id, team, manager_login, sales, target,"
	    " attainment, commission, bonus, total) VALUES"
	    " (1, 1, 1, 'A', 'mia', 10850.00, 10000.00, 108.50, 0, 0, 0),"
	    " (1, 2, 1, 'A', 'mia', 9000.00, 10000.00, 90.00, 0, 0, 0),"
	    " (1, 3, 1, 'A', 'mia', 9000.00, 10000.00, 90.00, 0, 0, 0),"
	    " (1, 4, 1, 'B', 'ned', 12000.00, 10000.00, 120.00, 0, 0, 0),"
	    " (2, 1, 2, 'A', 'mia', 9000.00, 10000.00, 90.00, 0, 0, 0),"
	    " (2, 2, 2, 'A', 'mia', 12000.00, 10000.00, 120.00, 0, 0, 0),"
	    " (2, 4, 2, 'B', 'ned', 500.00, NULL, NULL, 0, 0, 0)");
	dbt_sql(dbt_db, "INSERT INTO targets (person_id, period, kind,"
	    " first_day, amount, updated_by, updated_at) VALUES"
	    " (1, '2026-01', 'month', '2026-01-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (2, '2026-01', 'month', '2026-01-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (3, '2026-01', 'month', '2026-01-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (4, '2026-01', 'month', '2026-01-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (5, '2026-01', 'month', '2026-01-01', 4000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (1, '2026-02', 'month', '2026-02-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (2, '2026-02', 'month', '2026-02-01', 10000, 'hr', NOW() - INTERVAL 2 HOUR),"
	    " (3, '2026-02', 'month', '2026-02-01', 8000, 'hr', NOW() - INTERVAL 2 HOUR)");
}

static void
teardown(void)
{
	dbt_teardown();
}

static const struct actor hr = { "hr", "127.0.0.1" };

static struct period_span
span_of(const char *label)
{
	struct period_span s;
	enum tc_period_kind k;
	int32_t p;

	ck_assert_int_eq(tc_period_parse(label, strlen(label), &k, &p), 0);
	s.kind = k;
	tc_period_label(s.label, k, p);
	s.first = tc_period_first(k, p);
	s.last = tc_period_last(k, p);
	return s;
}

static const struct scope all = { SCOPE_ALL, 7, "", "hr" };

/* "login sales target att; ..." of e, amounts in fen, att in
 * hundredths (-1 without a target). */
static const char *
figures(const struct perf_eval *e)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < e->nrep; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s %lld %lld "
		    "%lld", i ? "; " : "", e->rep[i].login,
		    (long long)e->rep[i].sales, (long long)e->rep[i].target,
		    e->rep[i].target > 0 ? (long long)e->rep[i].att : -1LL);
	return buf;
}

START_TEST(eval_month_from_stored_summaries_with_zero_rows)
{
	struct period_span s = span_of("2026-01");
	struct perf_eval e;

	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &all,
	    &e), 0);
	ck_assert_str_eq(figures(&e), "ann 1085000 1000000 10850; "
	    "bob 900000 1000000 9000; cat 900000 1000000 9000; "
	    "dan 1200000 1000000 12000; eve 0 400000 0");
	ck_assert_int_eq(e.sales, 4085000);
	ck_assert_int_eq(e.target, 4400000);
	ck_assert_int_eq(perf_attainment(e.sales, e.target), 9284);
	ck_assert_uint_eq(e.nplan, 1);
	ck_assert_uint_eq(e.nrun, 1);
	ck_assert_uint_eq(e.nstale, 0);
	perf_eval_free(&e);
}
END_TEST

START_TEST(eval_quarter_is_the_sum_of_its_months)
{
	struct period_span s = span_of("2026-Q1");
	struct perf_eval e;

	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &all,
	    &e), 0);
	ck_assert_str_eq(figures(&e), "ann 1985000 2000000 9925; "
	    "bob 2100000 2000000 10500; cat 900000 1800000 5000; "
	    "dan 1250000 1000000 12500; eve 0 400000 0");
	ck_assert_uint_eq(e.nplan, 3);
	ck_assert_uint_eq(e.nrun, 2);
	/* March has no run: the quarter says so */
	ck_assert_uint_eq(e.nstale, 1);
	ck_assert_str_eq(e.stale_label, "2026-03");
	perf_eval_free(&e);
}
END_TEST

START_TEST(eval_stale_when_a_target_changed_after_the_run)
{
	struct period_span s = span_of("2026-02");
	struct perf_eval e;

	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &all,
	    &e), 0);
	ck_assert_uint_eq(e.nstale, 0);
	perf_eval_free(&e);
	/* The change, and the version it bumps: commission's trigger on
	 * targets does that on the real table (commission-cli.test.mjs
	 * tests it); a temporary table has no triggers. */
	dbt_sql(dbt_db, "UPDATE targets SET amount = 11000, updated_at = NOW()"
	    " WHERE person_id = 1 AND period = '2026-02'");
	dbt_sql(dbt_db, "UPDATE calc_inputs SET version = version + 1"
	    " WHERE period_id = 2");
	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &all,
	    &e), 0);
	ck_assert_uint_eq(e.nstale, 1);
	ck_assert_str_eq(e.stale_label, "2026-02");
	perf_eval_free(&e);
}
END_TEST

START_TEST(ranks_with_ties_share_a_rank)
{
	struct period_span s = span_of("2026-01");
	struct perf_eval e;
	int64_t v[5];
	int rank[5];

	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &all,
	    &e), 0);
	ck_assert_uint_eq(e.nrep, 5);
	for (size_t i = 0; i < 5; i++)
		v[i] = e.rep[i].att;
	perf_rank(v, 5, rank);
	/* ann, bob, cat, dan, eve */
	ck_assert_int_eq(rank[0], 2);
	ck_assert_int_eq(rank[1], 3);
	ck_assert_int_eq(rank[2], 3);
	ck_assert_int_eq(rank[3], 1);
	ck_assert_int_eq(rank[4], 5);
	perf_eval_free(&e);
	{
		/* 1, 2, 2, 4 */
		int64_t w[4] = { 50, 40, 40, 10 };
		int k[4];

		perf_rank(w, 4, k);
		ck_assert_int_eq(k[0], 1);
		ck_assert_int_eq(k[1], 2);
		ck_assert_int_eq(k[2], 2);
		ck_assert_int_eq(k[3], 4);
	}
}
END_TEST

START_TEST(eval_scope_rep_own_manager_team)
{
	struct period_span s = span_of("2026-01");
	struct scope rep = { SCOPE_OWN, 4, "B", "dan" };
	struct scope mgr = { SCOPE_TEAM, 6, "A", "mia" };
	struct perf_eval e;

	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &rep,
	    &e), 0);
	ck_assert_str_eq(figures(&e), "dan 1200000 1000000 12000");
	perf_eval_free(&e);
	ck_assert_int_eq(perf_eval_load(dbt_db, TC_PERIOD_MONTH, &s, &mgr,
	    &e), 0);
	ck_assert_str_eq(figures(&e), "ann 1085000 1000000 10850; "
	    "bob 900000 1000000 9000; cat 900000 1000000 9000");
	perf_eval_free(&e);
}
END_TEST

static int64_t
count(const char *sql_text)
{
	struct dbres *r = NULL;
	int64_t n;
	ck_assert_int_eq(db_query_text(dbt_db, "performance-t", sql_text,
	    DB_NOARGS, &r), 0);
	n = dbres_int(r, 0, 0);
	dbres_free(r);
	return n;
}

START_TEST(targets_saved_all_or_nothing_every_bad_cell_named)
{
	struct perf_cell c[] = {
		{ .person = 1, .label = "2026-03", .raw = "12000" },
		{ .person = 2, .label = "2026-03", .raw = "12,000" },
		{ .person = 3, .label = "2026-03", .raw = "1.005" },
		{ .person = 4, .label = "2026-03", .raw = "-5" },
		{ .person = 99, .label = "2026-03", .raw = "100" },
		{ .person = 5, .label = "2026-13", .raw = "100" },
		{ .team = "A", .label = "2026-03", .raw = "50000" },
	};
	struct perf_save_report rep;

	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, c, 7, &rep),
	    TC_EINVAL);
	ck_assert_ptr_null(c[0].err);
	ck_assert_str_eq(c[1].err, "perf_err_not_number");
	ck_assert_str_eq(c[2].err, "perf_err_decimals");
	ck_assert_str_eq(c[3].err, "perf_err_positive");
	ck_assert_str_eq(c[4].err, "perf_err_rep");
	ck_assert_str_eq(c[5].err, "perf_err_label");
	ck_assert_ptr_null(c[6].err);
	ck_assert_uint_eq(rep.refused, 5);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM targets"
	    " WHERE period = '2026-03'"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM team_targets"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit"), 0);
	/* the good ones alone go through, with one audit row */
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, (struct perf_cell[]){
	    c[0], c[6], { .person = 1, .label = "2026-01", .raw = "" } }, 3,
	    &rep), 0);
	ck_assert_uint_eq(rep.added, 2);
	ck_assert_uint_eq(rep.removed, 1);
	ck_assert_int_eq(count("SELECT amount * 100 FROM targets"
	    " WHERE person_id = 1 AND period = '2026-03'"), 1200000);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM targets"
	    " WHERE person_id = 1 AND period = '2026-01'"), 0);
	ck_assert_int_eq(count("SELECT amount FROM team_targets"
	    " WHERE team = 'A' AND period = '2026-03'"), 50000);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit"
	    " WHERE action = 'targets_save' AND actor = 'hr'"), 1);
}
END_TEST

START_TEST(a_whole_grid_is_saved_in_a_handful_of_statements)
{
	struct perf_cell c[5 * 12 + 2 * 12];
	char labels[12][8], amounts[12][16];
	struct perf_save_report rep;
	int64_t before, after;
	size_t n = 0;

	for (int m = 0; m < 12; m++) {
		snprintf(labels[m], sizeof(labels[m]), "2027-%02d", m + 1);
		snprintf(amounts[m], sizeof(amounts[m]), "%d", 1000 + m);
		for (int p = 1; p <= 5; p++)
			c[n++] = (struct perf_cell){ .person = p,
			    .label = labels[m], .raw = amounts[m] };
		c[n++] = (struct perf_cell){ .team = "A", .label = labels[m],
		    .raw = amounts[m] };
		c[n++] = (struct perf_cell){ .team = "B", .label = labels[m],
		    .raw = amounts[m] };
	}
	before = count("SELECT VARIABLE_VALUE FROM information_schema"
	    ".SESSION_STATUS WHERE VARIABLE_NAME = 'QUESTIONS'");
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, c, n, &rep), 0);
	after = count("SELECT VARIABLE_VALUE FROM information_schema"
	    ".SESSION_STATUS WHERE VARIABLE_NAME = 'QUESTIONS'");
	ck_assert_uint_eq(rep.added, n);
	/* begin, the closed periods, reps, teams, 2 reads per label, 2
	 * bulk writes, the audit, commit: not 3 a cell (252) */
	ck_assert_msg(after - before - 1 <= 2 * 12 + 12, "the save of %zu "
	    "cells sent %lld statements", n, (long long)(after - before - 1));
	ck_assert_int_eq(count("SELECT COUNT(*) FROM targets WHERE period"
	    " LIKE '2027-%'"), 60);
	ck_assert_int_eq(count("SELECT amount FROM team_targets WHERE team ="
	    " 'B' AND period = '2027-12'"), 1011);
	/* the same again changes nothing and writes nothing */
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, c, n, &rep), 0);
	ck_assert_uint_eq(rep.unchanged, n);
	ck_assert_uint_eq(rep.added + rep.changed + rep.removed, 0);
}
END_TEST

START_TEST(the_same_rep_and_period_twice_is_refused)
{
	struct perf_cell c[] = {
		{ .person = 1, .label = "2026-03", .raw = "100" },
		{ .person = 1, .label = "2026-03", .raw = "200" },
		{ .team = "A", .label = "2026-03", .raw = "100" },
		{ .team = "A", .label = "2026-03", .raw = "100" },
	};
	struct perf_save_report rep;

	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, c, 4, &rep),
	    TC_EINVAL);
	ck_assert_ptr_null(c[0].err);
	ck_assert_str_eq(c[1].err, "perf_err_duplicate");
	ck_assert_ptr_null(c[2].err);
	ck_assert_str_eq(c[3].err, "perf_err_duplicate");
	ck_assert_int_eq(count("SELECT COUNT(*) FROM targets"
	    " WHERE period = '2026-03'"), 0);
}
END_TEST

START_TEST(own_target_refused)
{
	struct perf_cell c = { .person = 6, .label = "2026-03", .raw = "100" };
	struct perf_save_report rep;

	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 6, &c, 1, &rep),
	    TC_EINVAL);
	ck_assert_str_eq(c.err, "perf_err_own_target");
	ck_assert_int_eq(count("SELECT COUNT(*) FROM targets"
	    " WHERE person_id = 6"), 0);
}
END_TEST

START_TEST(closed_period_targets_frozen)
{
	struct perf_cell same = { .person = 1, .label = "2026-01",
	    .raw = "10000.00" };
	struct perf_cell change = { .person = 1, .label = "2026-01",
	    .raw = "10001" };
	struct perf_cell open = { .person = 1, .label = "2026-02",
	    .raw = "10001" };
	struct perf_save_report rep;

	dbt_sql(dbt_db, "UPDATE periods SET state = 'closed' WHERE id = 1");
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, &same, 1, &rep), 0);
	ck_assert_uint_eq(rep.unchanged, 1);
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, &change, 1, &rep),
	    TC_EINVAL);
	ck_assert_str_eq(change.err, "perf_err_closed");
	ck_assert_int_eq(perf_targets_save(dbt_db, &hr, 7, &open, 1, &rep), 0);
	ck_assert_uint_eq(rep.changed, 1);
}
END_TEST

/* A contest of 2026-01 with prizes 1000, 600, 300, 100 for ranks 1 to
 * 4, on sales: dan 12000 (1st: 1000.00), ann 10850 (2nd: 600.00), bob
 * and cat 9000 tied 3rd, sharing the prizes of ranks 3 and 4: (300 +
 * 100) / 2 = 200.00 each; eve 0 (5th, nothing).  For team A alone: ann
 * 1st (1000.00), bob and cat tied 2nd sharing (600 + 300) / 2 = 450.00. */
static int64_t
contest(const char *team)
{
	char sql[400];

	snprintf(sql, sizeof(sql), "INSERT INTO contests (name, period,"
	    " first_day, last_day, team, created_by) VALUES ('January push',"
	    " '2026-01', '2026-01-01', '2026-01-31', '%s', 7)", team);
	dbt_sql(dbt_db, sql);
	{
		int64_t id = count("SELECT MAX(id) FROM contests");

		snprintf(sql, sizeof(sql), "INSERT INTO contest_prizes VALUES"
		    " (%lld, 1, 1000), (%lld, 2, 600), (%lld, 3, 300),"
		    " (%lld, 4, 100)", (long long)id, (long long)id,
		    (long long)id, (long long)id);
		dbt_sql(dbt_db, sql);
		return id;
	}
}

static const char *
standings(int64_t id)
{
	static char buf[512];
	struct perf_contest c;
	struct perf_standing *v = NULL;
	size_t n = 0, len = 0;

	ck_assert_int_eq(perf_contest_load(dbt_db, id, &c), 0);
	ck_assert_int_eq(perf_contest_standings(dbt_db, TC_PERIOD_MONTH, &c,
	    &v, &n), 0);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
		    "%s%d %s %lld", i ? "; " : "", v[i].rank, v[i].login,
		    (long long)v[i].prize);
	free(v);
	return buf;
}

START_TEST(contest_prizes_by_rank_ties_share)
{
	ck_assert_str_eq(standings(contest("")), "1 dan 100000; 2 ann 60000; "
	    "3 bob 20000; 3 cat 20000; 5 eve 0");
	ck_assert_str_eq(standings(contest("A")), "1 ann 100000; 2 bob 45000; "
	    "2 cat 45000");
}
END_TEST

START_TEST(contest_end_writes_prizes_exactly_once)
{
	int64_t id = contest("");
	const char *why = NULL;
	size_t written = 0;

	/* not over yet */
	ck_assert_int_eq(perf_contest_finish(dbt_db, TC_PERIOD_MONTH, &hr, 7,
	    id, 20260131, &written, &why), TC_EDENIED);
	ck_assert_str_eq(why, "perf_err_contest_running");
	/* January closed: booked in February, the first open period */
	dbt_sql(dbt_db, "UPDATE periods SET state = 'closed' WHERE id = 1");
	ck_assert_int_eq(perf_contest_finish(dbt_db, TC_PERIOD_MONTH, &hr, 7,
	    id, 20260215, &written, &why), 0);
	ck_assert_uint_eq(written, 4);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM commission_adjustments"
	    " WHERE kind = 'contest_prize' AND period_id = 2 AND state ="
	    " 'proposed' AND proposed_as = 'hr' AND proposed_by = 7"), 4);
	ck_assert_int_eq(count("SELECT SUM(amount) * 100 FROM"
	    " commission_adjustments"), 200000);
	ck_assert_int_eq(count("SELECT amount * 100 FROM commission_adjustments"
	    " WHERE person_id = 3"), 20000);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM"
	    " commission_adjustment_moves WHERE action = 'create'"), 4);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM contests WHERE state ="
	    " 'ended'"), 1);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit WHERE action ="
	    " 'contest_end'"), 1);
	/* recomputed after a change of the figures: nothing twice */
	dbt_sql(dbt_db, "UPDATE commission_summaries SET sales = 20000"
	    " WHERE person_id = 5 AND period_id = 1");
	dbt_sql(dbt_db, "INSERT INTO commission_summaries (period_id,"
	    " person_id, run_id, team, manager_login, sales, commission,"
	    " bonus, total) VALUES (1, 5, 1, 'B', 'ned', 20000, 0, 0, 0)");
	ck_assert_int_eq(perf_contest_finish(dbt_db, TC_PERIOD_MONTH, &hr, 7,
	    id, 20260215, &written, &why), 0);
	ck_assert_uint_eq(written, 1);  /* eve's new prize only */
	ck_assert_int_eq(count("SELECT COUNT(*) FROM commission_adjustments"
	    " WHERE person_id = 4"), 1);
	ck_assert_int_eq(count("SELECT amount * 100 FROM commission_adjustments"
	    " WHERE person_id = 4"), 100000);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("performance");
	TCase *tc = tcase_create("performance");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, eval_month_from_stored_summaries_with_zero_rows);
	tcase_add_test(tc, eval_quarter_is_the_sum_of_its_months);
	tcase_add_test(tc, eval_stale_when_a_target_changed_after_the_run);
	tcase_add_test(tc, ranks_with_ties_share_a_rank);
	tcase_add_test(tc, eval_scope_rep_own_manager_team);
	tcase_add_test(tc, targets_saved_all_or_nothing_every_bad_cell_named);
	tcase_add_test(tc, own_target_refused);
	tcase_add_test(tc, a_whole_grid_is_saved_in_a_handful_of_statements);
	tcase_add_test(tc, the_same_rep_and_period_twice_is_refused);
	tcase_add_test(tc, closed_period_targets_frozen);
	tcase_add_test(tc, contest_prizes_by_rank_ties_share);
	tcase_add_test(tc, contest_end_writes_prizes_exactly_once);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
