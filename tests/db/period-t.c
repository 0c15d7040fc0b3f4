/* period-t: the periods table against the real MariaDB: periods begin at
 * a period's first day and run to today's, close in order oldest first
 * once ended, reopen only the latest closed one with a reason, each with
 * its history and audit row; guards of other modules can refuse; and
 * period_state() freezes exactly the dates up to the latest closed day.
 *
 * The calendar is one per company, so every test works on its own copy:
 * temporary tables of the same names hide the real periods,
 * period_events and audit tables for the test's connection (and vanish
 * with it), and nothing another test or the demo relies on changes. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/period.h"
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
	dbt_setup();
	shadow("periods");
	shadow("period_events");
	shadow("audit");
}

static const struct actor finance = { "sunli", "127.0.0.1" };
static const struct actor admin = { "admin", "127.0.0.1" };

enum stmt { ST_EVENTS, ST_AUDIT, ST_STATES, ST__MAX };

static const char *const sql[ST__MAX] = {
	[ST_EVENTS] = "SELECT p.label, e.action, e.actor, e.reason"
	    " FROM period_events e JOIN periods p ON p.id = e.period_id"
	    " ORDER BY e.id",
	[ST_AUDIT] = "SELECT actor, action, entity, entity_id, detail"
	    " FROM audit ORDER BY id",
	[ST_STATES] = "SELECT GROUP_CONCAT(CONCAT(label, ':', state)"
	    " ORDER BY first_day SEPARATOR ' ') FROM periods",
};

static struct db_table t_db = DB_TABLE("period-t", sql);

/* The calendar as "2026-01:closed 2026-02:open ...". */
static const char *
states(void)
{
	static char buf[1024];
	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_STATES, DB_NOARGS, &r), 0);
	snprintf(buf, sizeof(buf), "%s", dbres_text(r, 0, 0));
	dbres_free(r);
	return buf;
}

static enum period_state
state_of(int32_t date)
{
	enum period_state s = PERIOD_OPEN;

	ck_assert_int_eq(period_state(dbt_db, date, &s), 0);
	return s;
}

static void
begin_months(int32_t first, int32_t today)
{
	struct period_why why = { 0 };

	ck_assert_msg(period_begin(dbt_db, TC_PERIOD_MONTH, first, today,
	    &why) == 0, "period_begin: %s", why.text);
}

static int
close_month(const char *label, int32_t today, struct period_why *why)
{
	return period_close(dbt_db, TC_PERIOD_MONTH, today, &finance, label,
	    NULL, 0, why);
}

START_TEST(labels_of_each_kind)
{
	struct period_span s;

	period_of_date(TC_PERIOD_MONTH, 20260715, &s);
	ck_assert_str_eq(s.label, "2026-07");
	ck_assert_int_eq(s.first, 20260701);
	ck_assert_int_eq(s.last, 20260731);
	period_of_date(TC_PERIOD_QUARTER, 20260815, &s);
	ck_assert_str_eq(s.label, "2026-Q3");
	ck_assert_int_eq(s.first, 20260701);
	ck_assert_int_eq(s.last, 20260930);
	period_of_date(TC_PERIOD_YEAR, 20240229, &s);
	ck_assert_str_eq(s.label, "2024");
	ck_assert_int_eq(s.last, 20241231);
	ck_assert_int_eq(period_of_label(TC_PERIOD_MONTH, "2024-02", &s), 0);
	ck_assert_int_eq(s.last, 20240229);
	ck_assert_int_eq(period_of_label(TC_PERIOD_MONTH, "2026-Q3", &s),
	    TC_EINVAL);
	ck_assert_int_eq(period_of_label(TC_PERIOD_QUARTER, "2026-Q5", &s),
	    TC_EINVAL);
	ck_assert_int_eq(period_of_label(TC_PERIOD_MONTH, "2026-13", &s),
	    TC_EINVAL);
	period_of_date(TC_PERIOD_MONTH, 20261231, &s);
	period_step(&s, 1, &s);
	ck_assert_str_eq(s.label, "2027-01");
}
END_TEST

START_TEST(before_any_period_every_date_is_open)
{
	int32_t through = -1, first_open = -1;

	ck_assert_int_eq(state_of(20000101), PERIOD_OPEN);
	ck_assert_int_eq(state_of(20260715), PERIOD_OPEN);
	ck_assert_int_eq(period_closed_through(dbt_db, &through), 0);
	ck_assert_int_eq(through, 0);
	ck_assert_int_eq(period_first_open_day(dbt_db, &first_open), 0);
	ck_assert_int_eq(first_open, 0);
}
END_TEST

START_TEST(begin_records_every_period_up_to_today)
{
	struct period_why why = { 0 };
	struct period *v = NULL;
	size_t n = 0;

	begin_months(20260101, 20260415);
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");
	/* Time goes on: listing adds the periods that began since. */
	ck_assert_int_eq(period_list(dbt_db, TC_PERIOD_MONTH, 20260602, &v, &n,
	    &why), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(v[5].span.label, "2026-06");
	ck_assert_int_eq(v[5].span.first, 20260601);
	ck_assert_int_eq(v[5].span.last, 20260630);
	ck_assert_int_eq(v[5].state, PERIOD_OPEN);
	free(v);
}
END_TEST

START_TEST(begin_refuses_a_day_that_starts_no_period)
{
	struct period_why why = { 0 };

	ck_assert_int_eq(period_begin(dbt_db, TC_PERIOD_MONTH, 20260115, 20260415,
	    &why), TC_EINVAL);
	ck_assert_str_eq(why.key, "period_err_start");
	ck_assert_ptr_nonnull(strstr(why.text, "2026-01-15 is not the first "
	    "day of a period"));
	ck_assert_int_eq(period_begin(dbt_db, TC_PERIOD_QUARTER, 20260201,
	    20260415, &why), TC_EINVAL);
	ck_assert_str_eq(states(), "");
}
END_TEST

START_TEST(begin_earlier_extends_back_while_nothing_is_closed)
{
	struct period_why why = { 0 };

	begin_months(20260301, 20260415);
	begin_months(20260101, 20260415);
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");
	/* A later start changes nothing. */
	begin_months(20260201, 20260415);
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(period_begin(dbt_db, TC_PERIOD_MONTH, 20251201,
	    20260415, &why), TC_ECONFLICT);
	ck_assert_str_eq(why.key, "period_err_before_closed");
	ck_assert_str_eq(states(), "2026-01:closed 2026-02:open "
	    "2026-03:open 2026-04:open");
}
END_TEST

START_TEST(periods_close_in_order_oldest_first)
{
	struct period_why why = { 0 };

	begin_months(20260101, 20260415);
	ck_assert_int_eq(close_month("2026-02", 20260415, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_order");
	ck_assert_str_eq(why.period, "2026-01");
	ck_assert_str_eq(why.text, "periods close in order, oldest first: "
	    "close 2026-01 before 2026-02");
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(close_month("2026-02", 20260415, &why), 0);
	ck_assert_str_eq(states(), "2026-01:closed 2026-02:closed "
	    "2026-03:open 2026-04:open");
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_closed");
	ck_assert_str_eq(why.text, "2026-01 is already closed");
}
END_TEST

START_TEST(a_period_closes_only_after_it_ended)
{
	struct period_why why = { 0 };

	begin_months(20260301, 20260415);
	ck_assert_int_eq(close_month("2026-03", 20260331, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_not_ended");
	ck_assert_str_eq(why.text, "2026-03 has not ended yet (its last day "
	    "is 2026-03-31)");
	ck_assert_int_eq(close_month("2026-03", 20260401, &why), 0);
	ck_assert_int_eq(close_month("2026-04", 20260415, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_not_ended");
}
END_TEST

START_TEST(unknown_and_malformed_periods_are_refused)
{
	struct period_why why = { 0 };

	begin_months(20260301, 20260415);
	ck_assert_int_eq(close_month("2025-12", 20260415, &why), TC_ENOTFOUND);
	ck_assert_int_eq(close_month("2026-3", 20260415, &why), TC_EINVAL);
	ck_assert_str_eq(why.key, "period_err_label");
	ck_assert_int_eq(close_month("2026-Q1", 20260415, &why), TC_EINVAL);
	ck_assert_str_eq(why.text, "\"2026-Q1\" is not a month label");
}
END_TEST

START_TEST(closed_periods_freeze_every_date_up_to_their_end)
{
	struct period_why why = { 0 };
	int32_t through, first_open;

	begin_months(20260101, 20260415);
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(close_month("2026-02", 20260415, &why), 0);
	ck_assert_int_eq(state_of(20251231), PERIOD_CLOSED);
	ck_assert_int_eq(state_of(20260101), PERIOD_CLOSED);
	ck_assert_int_eq(state_of(20260228), PERIOD_CLOSED);
	ck_assert_int_eq(state_of(20260301), PERIOD_OPEN);
	ck_assert_int_eq(state_of(20270101), PERIOD_OPEN);
	ck_assert_int_eq(period_closed_through(dbt_db, &through), 0);
	ck_assert_int_eq(through, 20260228);
	ck_assert_int_eq(period_first_open_day(dbt_db, &first_open), 0);
	ck_assert_int_eq(first_open, 20260301);
}
END_TEST

START_TEST(period_state_inside_a_transaction_answers_the_same)
{
	struct period_why why = { 0 };

	begin_months(20260101, 20260415);
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(state_of(20260131), PERIOD_CLOSED);
	ck_assert_int_eq(state_of(20260201), PERIOD_OPEN);
	ck_assert_int_eq(db_commit(dbt_db), 0);
}
END_TEST

START_TEST(close_and_reopen_write_history_and_audit)
{
	struct period_why why = { 0 };
	struct period p;
	struct dbres *r;

	begin_months(20260101, 20260415);
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(period_find(dbt_db, TC_PERIOD_MONTH, "2026-01", &p), 0);
	ck_assert_int_eq(p.state, PERIOD_CLOSED);
	ck_assert_str_eq(p.closed_by, "sunli");
	ck_assert_int_eq((int)strlen(p.closed_at), 19);
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-01",
	    "a return was booked in January by mistake", NULL, 0, &why), 0);
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");

	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_EVENTS, DB_NOARGS, &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 2);
	ck_assert_str_eq(dbres_text(r, 0, 0), "2026-01");
	ck_assert_str_eq(dbres_text(r, 0, 1), "close");
	ck_assert_str_eq(dbres_text(r, 0, 2), "sunli");
	ck_assert_str_eq(dbres_text(r, 1, 1), "reopen");
	ck_assert_str_eq(dbres_text(r, 1, 2), "admin");
	ck_assert_str_eq(dbres_text(r, 1, 3),
	    "a return was booked in January by mistake");
	dbres_free(r);

	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_AUDIT, DB_NOARGS, &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 2);
	ck_assert_str_eq(dbres_text(r, 0, 0), "sunli");
	ck_assert_str_eq(dbres_text(r, 0, 1), "period.close");
	ck_assert_str_eq(dbres_text(r, 0, 2), "period");
	ck_assert_str_eq(dbres_text(r, 0, 3), "2026-01");
	ck_assert_str_eq(dbres_text(r, 1, 0), "admin");
	ck_assert_str_eq(dbres_text(r, 1, 1), "period.reopen");
	ck_assert_str_eq(dbres_text(r, 1, 4),
	    "a return was booked in January by mistake");
	dbres_free(r);
}
END_TEST

START_TEST(only_the_latest_closed_period_reopens_and_with_a_reason)
{
	struct period_why why = { 0 };

	begin_months(20260101, 20260415);
	ck_assert_int_eq(close_month("2026-01", 20260415, &why), 0);
	ck_assert_int_eq(close_month("2026-02", 20260415, &why), 0);
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-01",
	    "wrong", NULL, 0, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_not_latest");
	ck_assert_str_eq(why.text, "only the latest closed period (2026-02) "
	    "may be reopened");
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-03",
	    "never closed", NULL, 0, &why), TC_EDENIED);
	ck_assert_str_eq(why.key, "period_err_open");
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-02",
	    " \t ", NULL, 0, &why), TC_EINVAL);
	ck_assert_str_eq(why.key, "period_err_reason");
	ck_assert_str_eq(states(), "2026-01:closed 2026-02:closed "
	    "2026-03:open 2026-04:open");
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-02",
	    "late invoice", NULL, 0, &why), 0);
	ck_assert_int_eq(state_of(20260215), PERIOD_OPEN);
	ck_assert_int_eq(state_of(20260131), PERIOD_CLOSED);
}
END_TEST

struct refusal {
	int calls;
	const char *label_seen;
};

static int
refuse_guard(struct db *d, const struct period *p, void *arg,
    struct period_why *why)
{
	struct refusal *f = arg;
	enum period_state s;

	(void)d;
	f->calls++;
	f->label_seen = p->span.label[0] ? "seen" : "";
	/* The guard runs before the change: the period is still as it was. */
	ck_assert_int_eq(period_state(d, p->span.first, &s), 0);
	why->key = "test_err_statement_paid";
	snprintf(why->period, sizeof(why->period), "%s", p->span.label);
	snprintf(why->text, sizeof(why->text), "a statement of %s is paid",
	    p->span.label);
	return TC_EDENIED;
}

static int
allow_guard(struct db *d, const struct period *p, void *arg,
    struct period_why *why)
{
	(void)d;
	(void)p;
	(void)why;
	(*(int *)arg)++;
	return 0;
}

START_TEST(a_guard_of_another_module_can_refuse)
{
	struct period_why why = { 0 };
	struct refusal f = { 0, "" };
	int allowed = 0;
	struct period_guard guards[] = {
		{ allow_guard, &allowed }, { refuse_guard, &f },
	};
	struct dbres *r;

	begin_months(20260101, 20260415);
	ck_assert_int_eq(period_close(dbt_db, TC_PERIOD_MONTH, 20260415, &finance,
	    "2026-01", guards, 2, &why), TC_EDENIED);
	ck_assert_int_eq(allowed, 1);
	ck_assert_int_eq(f.calls, 1);
	ck_assert_str_eq(why.text, "a statement of 2026-01 is paid");
	ck_assert_str_eq(states(), "2026-01:open 2026-02:open 2026-03:open "
	    "2026-04:open");
	/* Nothing was written: no history, no audit. */
	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_AUDIT, DB_NOARGS, &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 0);
	dbres_free(r);

	ck_assert_int_eq(period_close(dbt_db, TC_PERIOD_MONTH, 20260415, &finance,
	    "2026-01", guards, 1, &why), 0);
	ck_assert_int_eq(period_reopen(dbt_db, TC_PERIOD_MONTH, &admin, "2026-01",
	    "statement check", &guards[1], 1, &why), TC_EDENIED);
	ck_assert_int_eq(f.calls, 2);
	ck_assert_int_eq(state_of(20260115), PERIOD_CLOSED);
}
END_TEST

START_TEST(quarters_and_a_change_of_kind)
{
	struct period_why why = { 0 };
	struct period *v = NULL;
	size_t n = 0;

	ck_assert_int_eq(period_begin(dbt_db, TC_PERIOD_QUARTER, 20260101,
	    20260801, &why), 0);
	ck_assert_str_eq(states(), "2026-Q1:open 2026-Q2:open 2026-Q3:open");
	ck_assert_int_eq(period_close(dbt_db, TC_PERIOD_QUARTER, 20260801,
	    &finance, "2026-Q1", NULL, 0, &why), 0);
	ck_assert_int_eq(state_of(20260331), PERIOD_CLOSED);
	ck_assert_int_eq(state_of(20260401), PERIOD_OPEN);
	/* ticheng.conf now says month: the recorded quarters are not
	 * silently mixed with months. */
	ck_assert_int_eq(period_list(dbt_db, TC_PERIOD_MONTH, 20260801, &v, &n,
	    &why), TC_EINVAL);
	ck_assert_str_eq(why.key, "period_err_kind");
	ck_assert_str_eq(why.text, "the periods recorded are of kind quarter, "
	    "but ticheng.conf sets [site] period = month");
	ck_assert_ptr_null(v);
}
END_TEST

static Suite *
period_suite(void)
{
	Suite *s = suite_create("period");
	TCase *tc = tcase_create("periods");

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_add_test(tc, labels_of_each_kind);
	tcase_add_test(tc, before_any_period_every_date_is_open);
	tcase_add_test(tc, begin_records_every_period_up_to_today);
	tcase_add_test(tc, begin_refuses_a_day_that_starts_no_period);
	tcase_add_test(tc, begin_earlier_extends_back_while_nothing_is_closed);
	tcase_add_test(tc, periods_close_in_order_oldest_first);
	tcase_add_test(tc, a_period_closes_only_after_it_ended);
	tcase_add_test(tc, unknown_and_malformed_periods_are_refused);
	tcase_add_test(tc, closed_periods_freeze_every_date_up_to_their_end);
	tcase_add_test(tc, period_state_inside_a_transaction_answers_the_same);
	tcase_add_test(tc, close_and_reopen_write_history_and_audit);
	tcase_add_test(tc, only_the_latest_closed_period_reopens_and_with_a_reason);
	tcase_add_test(tc, a_guard_of_another_module_can_refuse);
	tcase_add_test(tc, quarters_and_a_change_of_kind);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(period_suite());

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
