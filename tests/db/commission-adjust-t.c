/* commission-adjust-t: adjustments and disputes against MariaDB.
 *
 * Adjustments: HR proposes, finance approves (and the other way round);
 * nobody approves their own proposal, an adjustment for themselves, or
 * one of their own department; bad input is refused field by field with
 * nothing written; a closed period refuses a proposal and an approval.
 * Two finance people approving one adjustment at once (forced with the
 * workflow's hold point after the row lock): the second waits for the
 * lock, is told it came too late, and one approval is recorded.
 *
 * Disputes: a rep raises one on a missing order; another rep does not
 * reach it; finance accepts it with an adjustment, HR rejects that
 * adjustment, which reopens the dispute; accepted again, approved; the
 * thread keeps every step.
 *
 * Most tests hide the tables they write behind empty temporary copies
 * on their own connection (nothing of the stack's data is read or
 * changed); the race needs two connections, so it writes real rows, of
 * people of its own, in a recorded open period. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commission/adjust.h"
#include "commission/dispute.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/period.h"
#include "core/testhook.h"
#include "tests/db/harness.h"

/* The cast: two reps, two in HR, two in finance, one in both. */
enum who { REP, REP2, HR, HR2, FIN, FIN2, BOTH, WHO__MAX };

static const char *const who_name[WHO__MAX] = {
	"rep", "rep2", "hr", "hr2", "fin", "fin2", "both"
};
static const unsigned who_roles[WHO__MAX] = {
	ROLE_SALES, ROLE_SALES, ROLE_HR, ROLE_HR, ROLE_FINANCE, ROLE_FINANCE,
	ROLE_HR | ROLE_FINANCE
};

static struct person cast[WHO__MAX];

enum stmt {
	T_PERIOD, T_ADJ, T_ADJ_COUNT, T_MOVES, T_AUDIT, T_DISPUTE,
	T_DMOVES, T_OPEN_PERIOD, T_THREAD, T_CLOSE, T__MAX
};

static const char *const sql[T__MAX] = {
	[T_PERIOD] = "INSERT INTO periods (kind, label, first_day, last_day,"
	    " state) VALUES ('month', ?, ?, ?, ?)",
	[T_ADJ] = "SELECT state, amount, kind, proposed_as,"
	    " COALESCE(approved_by, 0) AS approved_by,"
	    " COALESCE(rejected_by, 0) AS rejected_by, decision_note,"
	    " COALESCE(dispute_id, 0) AS dispute_id, tracking"
	    " FROM commission_adjustments WHERE id = ?",
	[T_ADJ_COUNT] = "SELECT COUNT(*) FROM commission_adjustments",
	[T_MOVES] = "SELECT GROUP_CONCAT(CONCAT(action, ':',"
	    " COALESCE(from_state, '-'), '>', to_state) ORDER BY id"
	    " SEPARATOR ' ') FROM commission_adjustment_moves"
	    " WHERE adjustment_id = ?",
	[T_AUDIT] = "SELECT GROUP_CONCAT(action ORDER BY id SEPARATOR ' ')"
	    " FROM audit WHERE entity = ? AND entity_id = ?",
	[T_DISPUTE] = "SELECT state, COALESCE(adjustment_id, 0) AS adj, reply,"
	    " COALESCE(answered_by, 0) AS answered_by"
	    " FROM commission_disputes WHERE id = ?",
	[T_DMOVES] = "SELECT GROUP_CONCAT(CONCAT(action, ':', to_state)"
	    " ORDER BY id SEPARATOR ' ') FROM commission_dispute_moves"
	    " WHERE dispute_id = ?",
	[T_OPEN_PERIOD] = "SELECT label FROM periods WHERE state = 'open'"
	    " ORDER BY first_day LIMIT 1",
	[T_THREAD] = "SELECT COMMAND, COALESCE(TIME_MS, 0),"
	    " COALESCE(INFO, '') FROM information_schema.PROCESSLIST"
	    " WHERE ID = ?",
	[T_CLOSE] = "UPDATE periods SET state = 'closed' WHERE label = ?",
};

static struct db_table t_db = DB_TABLE("commission-adjust-t", sql);

/* Hides table for this connection behind an empty copy of it. */
static void
shadow(const char *table)
{
	char text[256];

	snprintf(text, sizeof(text), "CREATE TEMPORARY TABLE %s_shadow LIKE %s",
	    table, table);
	dbt_sql(dbt_db, text);
	snprintf(text, sizeof(text), "ALTER TABLE %s_shadow RENAME TO %s",
	    table, table);
	dbt_sql(dbt_db, text);
}

static void
add_cast(void)
{
	char prefix[40];

	dbt_unique(prefix, sizeof(prefix), "adj");
	for (int w = 0; w < WHO__MAX; w++)
		dbt_person(dbt_db, &cast[w], prefix, who_name[w], NULL, NULL,
		    who_roles[w]);
}

/* The shadowed fixture: its own periods (2026-10 closed, 2026-11 open)
 * and empty adjustment, dispute and audit tables. */
static void
setup(void)
{
	static const char *const tables[] = { "periods",
	    "commission_adjustments", "commission_adjustment_moves",
	    "commission_disputes", "commission_dispute_moves", "audit" };

	dbt_setup();
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		shadow(tables[i]);
	ck_assert_int_eq(db_exec(dbt_db, &t_db, T_PERIOD, DB_ARGS(
	    P_TEXT("2026-10"), P_DATE(20261001), P_DATE(20261031),
	    P_TEXT("closed")), NULL, NULL), 0);
	ck_assert_int_eq(db_exec(dbt_db, &t_db, T_PERIOD, DB_ARGS(
	    P_TEXT("2026-11"), P_DATE(20261101), P_DATE(20261130),
	    P_TEXT("open")), NULL, NULL), 0);
	add_cast();
}

static struct wf_actor
as(enum who w, struct db *db)
{
	struct wf_actor a = { db, &cast[w], { cast[w].login, "127.0.0.1" } };

	return a;
}

/* Proposes amount for rep in period with reason as w; returns the rc,
 * the id in *id and the form in f (freed by the caller). */
static int
propose(enum who w, enum who rep, const char *period, const char *amount,
    const char *reason, struct form *f, int64_t *id)
{
	struct wf_actor a = as(w, dbt_db);
	struct req_fields in = { 0 };
	char pid[24];
	int rc;

	snprintf(pid, sizeof(pid), "%lld", (long long)cast[rep].id);
	ck_assert_int_eq(req_fields_add(&in, "person", pid), 0);
	if (period != NULL)
		ck_assert_int_eq(req_fields_add(&in, "period", period), 0);
	if (amount != NULL)
		ck_assert_int_eq(req_fields_add(&in, "amount", amount), 0);
	if (reason != NULL)
		ck_assert_int_eq(req_fields_add(&in, "reason", reason), 0);
	rc = adjustment_propose(&a, &in, f, ADJ_KIND_MANUAL, 0, id);
	req_fields_free(&in);
	return rc;
}

/* A proposal that must succeed. */
static int64_t
proposed(enum who w, enum who rep, const char *amount)
{
	struct form f;
	int64_t id = 0;

	ck_assert_int_eq(propose(w, rep, "2026-11", amount, "补发十月漏计的提成",
	    &f, &id), 0);
	form_free(&f);
	ck_assert_int_gt(id, 0);
	return id;
}

static int
decide(enum who w, int64_t id, const char *action, const char *comment,
    struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);
	struct wf_request rq = { action, "proposed", comment, NULL, 0 };

	return adjustment_move(&a, id, &rq, out);
}

/* The first column of the first row of statement idx, as text. */
static char *
one(int idx, const struct db_param *p, size_t np)
{
	static char buf[2048];
	struct dbres *res;

	ck_assert_int_eq(db_query(dbt_db, &t_db, idx, p, np, &res), 0);
	snprintf(buf, sizeof(buf), "%s", dbres_rows(res) > 0 ?
	    dbres_text(res, 0, 0) : "");
	dbres_free(res);
	return buf;
}

static const char *
audit_of(const char *entity, int64_t id)
{
	char idt[24];

	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	return one(T_AUDIT, DB_ARGS(P_TEXT(entity), P_TEXT(idt)));
}

/* ---- adjustments ---- */

START_TEST(adjustment_proposed_by_hr_is_approved_by_finance)
{
	int64_t id = proposed(HR, REP, "-1234.56");
	struct wf_outcome out;
	struct dbres *res;

	/* HR's own proposal: not by the proposer, not by HR */
	ck_assert_int_eq(decide(HR, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_own_proposal");
	ck_assert_int_eq(decide(HR2, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_same_department");
	/* a rep holds neither department */
	ck_assert_int_eq(decide(REP2, id, "approve", NULL, &out), TC_ENOTFOUND);
	ck_assert_str_eq(one(T_MOVES, DB_ARGS(P_INT(id))), "create:->proposed");

	ck_assert_int_eq(decide(FIN, id, "approve", "核对无误", &out), 0);
	ck_assert_str_eq(out.to, "approved");
	ck_assert_int_eq(db_query(dbt_db, &t_db, T_ADJ, DB_ARGS(P_INT(id)),
	    &res), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "state"), "approved");
	ck_assert_int_eq(dbres_money_col(res, 0, "amount"), -123456);
	ck_assert_str_eq(dbres_text_col(res, 0, "kind"), "manual");
	ck_assert_str_eq(dbres_text_col(res, 0, "proposed_as"), "hr");
	ck_assert_int_eq(dbres_int_col(res, 0, "approved_by"), cast[FIN].id);
	ck_assert_str_eq(dbres_text_col(res, 0, "decision_note"), "核对无误");
	ck_assert_str_eq(dbres_text_col(res, 0, "tracking"), "calculated");
	dbres_free(res);
	ck_assert_str_eq(one(T_MOVES, DB_ARGS(P_INT(id))),
	    "create:->proposed approve:proposed>approved");
	ck_assert_str_eq(audit_of("adjustment", id),
	    "adjustment_propose adjustment_create adjustment_approve");
	/* decided once */
	ck_assert_int_eq(decide(FIN2, id, "approve", NULL, &out), TC_ECONFLICT);
}
END_TEST

START_TEST(adjustment_proposed_by_finance_is_rejected_by_hr_with_a_reason)
{
	int64_t id = proposed(FIN, REP, "800");
	struct wf_outcome out;
	struct dbres *res;

	ck_assert_int_eq(decide(FIN2, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_same_department");
	ck_assert_int_eq(decide(HR, id, "reject", NULL, &out), TC_EINVAL);
	ck_assert_str_eq(out.msg, "adj_err_reject_reason");
	ck_assert_int_eq(decide(HR, id, "reject", "金额无依据", &out), 0);
	ck_assert_int_eq(db_query(dbt_db, &t_db, T_ADJ, DB_ARGS(P_INT(id)),
	    &res), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "state"), "rejected");
	ck_assert_int_eq(dbres_int_col(res, 0, "rejected_by"), cast[HR].id);
	ck_assert_int_eq(dbres_int_col(res, 0, "approved_by"), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "decision_note"), "金额无依据");
	dbres_free(res);
	ck_assert_int_eq(decide(FIN2, id, "approve", NULL, &out), TC_ECONFLICT);
}
END_TEST

START_TEST(adjustment_self_approval_refused_even_holding_both_departments)
{
	int64_t id = proposed(BOTH, REP, "100");
	struct wf_outcome out;

	ck_assert_int_eq(decide(BOTH, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_own_proposal");
	ck_assert_int_eq(decide(BOTH, id, "reject", "撤回", &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_own_proposal");
	ck_assert_str_eq(one(T_MOVES, DB_ARGS(P_INT(id))), "create:->proposed");
	/* proposed as HR (they hold it): finance decides */
	ck_assert_int_eq(decide(FIN, id, "approve", NULL, &out), 0);
}
END_TEST

START_TEST(adjustment_for_a_person_outside_the_sales_roles_refused)
{
	struct form f;
	int64_t id = 1;

	ck_assert_int_eq(propose(HR, FIN, "2026-11", "50", "给财务", &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[ADJ_PERSON].msg, "adj_err_person");
	ck_assert_int_eq(f.nerr, 1);
	ck_assert_int_eq(id, 0);
	form_free(&f);
	ck_assert_str_eq(one(T_ADJ_COUNT, DB_NOARGS), "0");
}
END_TEST

START_TEST(adjustment_bad_input_is_refused_field_by_field_nothing_written)
{
	struct form f;
	int64_t id = 1;

	ck_assert_int_eq(propose(HR, REP, "2026-11", "0", "零", &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[ADJ_AMOUNT].msg, "adj_err_amount_zero");
	ck_assert_int_eq(id, 0);
	form_free(&f);

	ck_assert_int_eq(propose(HR, REP, "2026-10", "12.345", NULL, &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[ADJ_PERIOD].msg, "adj_err_period_closed");
	ck_assert_str_eq(f.e[ADJ_AMOUNT].msg, "adj_err_amount");
	ck_assert_str_eq(form_raw(&f, ADJ_AMOUNT), "12.345");
	ck_assert_str_eq(f.e[ADJ_REASON].msg, "adj_err_reason");
	form_free(&f);

	ck_assert_int_eq(propose(HR, REP, "2030-01", "1", "未来", &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[ADJ_PERIOD].msg, "adj_err_period");
	ck_assert_int_eq(f.nerr, 1);
	form_free(&f);

	/* a rep proposes nothing */
	ck_assert_int_eq(propose(REP2, REP, "2026-11", "1", "自己", &f, &id),
	    TC_EDENIED);
	form_free(&f);
	ck_assert_str_eq(one(T_ADJ_COUNT, DB_NOARGS), "0");
}
END_TEST

START_TEST(adjustment_approval_refused_once_its_period_closed)
{
	int64_t id = proposed(HR, REP, "66.60");
	struct wf_outcome out;

	ck_assert_int_eq(db_exec(dbt_db, &t_db, T_CLOSE,
	    DB_ARGS(P_TEXT("2026-11")), NULL, NULL), 0);
	ck_assert_int_eq(decide(FIN, id, "approve", NULL, &out), TC_EDENIED);
	ck_assert_str_eq(out.msg, "adj_err_period_closed");
	/* rejecting it is still possible */
	ck_assert_int_eq(decide(FIN, id, "reject", "期间已结账", &out), 0);
}
END_TEST

/* ---- disputes ---- */

static int
raise_missing(enum who w, const char *order, const char *period,
    const char *comment, struct form *f, int64_t *id)
{
	struct wf_actor a = as(w, dbt_db);
	struct req_fields in = { 0 };
	int rc;

	if (order != NULL)
		ck_assert_int_eq(req_fields_add(&in, "order", order), 0);
	if (period != NULL)
		ck_assert_int_eq(req_fields_add(&in, "period", period), 0);
	if (comment != NULL)
		ck_assert_int_eq(req_fields_add(&in, "comment", comment), 0);
	rc = dispute_raise(&a, &in, f, id);
	req_fields_free(&in);
	return rc;
}

static int
accept_with(enum who w, int64_t id, const char *amount, const char *reason,
    struct form *f, int64_t *adj, struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);
	struct req_fields in = { 0 };
	int rc;

	ck_assert_int_eq(req_fields_add(&in, "period", "2026-11"), 0);
	ck_assert_int_eq(req_fields_add(&in, "amount", amount), 0);
	if (reason != NULL)
		ck_assert_int_eq(req_fields_add(&in, "reason", reason), 0);
	rc = dispute_accept(&a, id, "open", &in, f, adj, out);
	req_fields_free(&in);
	return rc;
}

static int
dmove(enum who w, int64_t id, const char *action, const char *comment,
    struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);
	struct wf_request rq = { action, NULL, comment, NULL, 0 };

	return dispute_move(&a, id, &rq, out);
}

START_TEST(dispute_accepted_rejected_adjustment_reopens_then_approved)
{
	struct wf_outcome out;
	struct form f;
	struct dbres *res;
	int64_t id = 0, adj = 0, adj2 = 0;

	ck_assert_int_eq(raise_missing(REP, "SO-2026-1107", "2026-10",
	    "十月这张订单没有算提成", &f, &id), 0);
	form_free(&f);
	ck_assert_int_gt(id, 0);
	ck_assert_str_eq(audit_of("dispute", id), "dispute_raise dispute_create");

	/* another rep does not reach it */
	ck_assert_int_eq(dmove(REP2, id, "withdraw", NULL, &out), TC_ENOTFOUND);
	ck_assert_int_eq(dmove(REP2, id, "reply", "?", &out), TC_ENOTFOUND);
	/* the rep neither accepts nor answers their own */
	ck_assert_int_eq(dmove(REP, id, "reply", "补充：合同已签", &out), 0);

	/* finance accepts with an adjustment; no reason, nothing written */
	ck_assert_int_eq(accept_with(FIN, id, "300", NULL, &f, &adj, &out),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[ADJ_REASON].msg, "adj_err_reason");
	form_free(&f);
	ck_assert_str_eq(one(T_ADJ_COUNT, DB_NOARGS), "0");
	ck_assert_int_eq(accept_with(FIN, id, "300", "补发漏计订单提成", &f, &adj,
	    &out), 0);
	form_free(&f);
	ck_assert_int_gt(adj, 0);
	ck_assert_int_eq(db_query(dbt_db, &t_db, T_DISPUTE, DB_ARGS(P_INT(id)),
	    &res), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "state"), "accepted");
	ck_assert_int_eq(dbres_int_col(res, 0, "adj"), adj);
	ck_assert_str_eq(dbres_text_col(res, 0, "reply"), "补发漏计订单提成");
	ck_assert_int_eq(dbres_int_col(res, 0, "answered_by"), cast[FIN].id);
	dbres_free(res);
	ck_assert_int_eq(db_query(dbt_db, &t_db, T_ADJ, DB_ARGS(P_INT(adj)),
	    &res), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "state"), "proposed");
	ck_assert_str_eq(dbres_text_col(res, 0, "kind"), "dispute");
	ck_assert_str_eq(dbres_text_col(res, 0, "proposed_as"), "finance");
	ck_assert_int_eq(dbres_int_col(res, 0, "dispute_id"), id);
	dbres_free(res);
	/* a second answer comes too late */
	ck_assert_int_eq(accept_with(HR, id, "1", "再补", &f, &adj2, &out),
	    TC_ECONFLICT);
	form_free(&f);
	ck_assert_int_eq(dmove(HR, id, "reject", "不同意", &out), TC_ECONFLICT);

	/* HR rejects the adjustment: the dispute is open again */
	ck_assert_int_eq(decide(HR, adj, "reject", "金额应为 250", &out), 0);
	ck_assert_int_eq(db_query(dbt_db, &t_db, T_DISPUTE, DB_ARGS(P_INT(id)),
	    &res), 0);
	ck_assert_str_eq(dbres_text_col(res, 0, "state"), "open");
	ck_assert_int_eq(dbres_int_col(res, 0, "adj"), 0);
	dbres_free(res);

	/* accepted again at 250, approved by HR */
	ck_assert_int_eq(accept_with(FIN, id, "250", "按 250 补发", &f, &adj2,
	    &out), 0);
	form_free(&f);
	ck_assert_int_ne(adj2, adj);
	ck_assert_int_eq(decide(HR, adj2, "approve", NULL, &out), 0);
	ck_assert_str_eq(one(T_DMOVES, DB_ARGS(P_INT(id))),
	    "create:open reply:open accept:accepted reopen:open "
	    "accept:accepted");
	/* once answered, the rep can no longer withdraw */
	ck_assert_int_eq(dmove(REP, id, "withdraw", NULL, &out), TC_ECONFLICT);
}
END_TEST

START_TEST(dispute_refused_without_order_or_comment_and_withdrawn)
{
	struct wf_outcome out;
	struct form f;
	int64_t id = 7;

	ck_assert_int_eq(raise_missing(REP, NULL, NULL, NULL, &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[DSP_ORDER].msg, "dsp_err_order_needed");
	ck_assert_str_eq(f.e[DSP_PERIOD].msg, "dsp_err_period_needed");
	ck_assert_str_eq(f.e[DSP_COMMENT].msg, "dsp_err_comment");
	ck_assert_int_eq(id, 0);
	form_free(&f);
	ck_assert_int_eq(raise_missing(REP, "SO 1", "2099-01", "x", &f, &id),
	    TC_EINVAL);
	ck_assert_str_eq(f.e[DSP_ORDER].msg, "dsp_err_order");
	ck_assert_str_eq(f.e[DSP_PERIOD].msg, "dsp_err_period");
	form_free(&f);
	/* HR raises none */
	ck_assert_int_eq(raise_missing(HR, "SO-1", "2026-11", "x", &f, &id),
	    TC_EDENIED);
	form_free(&f);

	ck_assert_int_eq(raise_missing(REP, "SO-1", "2026-11", "漏单", &f, &id),
	    0);
	form_free(&f);
	ck_assert_int_eq(dmove(FIN, id, "withdraw", NULL, &out), TC_EDENIED);
	ck_assert_int_eq(dmove(REP, id, "withdraw", NULL, &out), 0);
	ck_assert_int_eq(dmove(FIN, id, "reject", "已撤回", &out), TC_ECONFLICT);
}
END_TEST

/* ---- the race (real tables, two connections) ---- */

static char hooks[64];

static pid_t
racer(enum who w, int64_t id, int fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct db *db = dbt_connect();
		struct wf_actor a = as(w, db);
		struct wf_request rq = { .action = "approve",
		    .expect = "proposed" };
		struct wf_outcome out;
		unsigned long cid = dbt_connection_id(db);
		int rc;

		if (fd >= 0 && write(fd, &cid, sizeof(cid)) != sizeof(cid))
			_exit(100);
		rc = adjustment_move(&a, id, &rq, &out);
		db_close(db);
		_exit(-rc);
	}
	return pid;
}

/* Whether connection cid has been executing its read of the adjustment
 * for at least 300 ms within ms: only a row lock wait takes so long. */
static bool
waits_for_lock(unsigned long cid, long ms)
{
	const struct timespec tick = { 0, 20 * 1000 * 1000 };

	for (long t = 0; t < ms; t += 20) {
		struct dbres *res;
		bool waiting;

		ck_assert_int_eq(db_query(dbt_db, &t_db, T_THREAD,
		    DB_ARGS(P_INT((int64_t)cid)), &res), 0);
		waiting = dbres_rows(res) == 1 &&
		    strcmp(dbres_text(res, 0, 0), "Execute") == 0 &&
		    atof(dbres_text(res, 0, 1)) >= 300 &&
		    strstr(dbres_text(res, 0, 2), "commission_adjustments") !=
		    NULL;
		dbres_free(res);
		if (waiting)
			return true;
		nanosleep(&tick, NULL);
	}
	return false;
}

START_TEST(adjustment_approved_twice_at_once_one_wins_the_other_is_too_late)
{
	char hold[PATH_MAX], held[PATH_MAX], label[TC_PERIOD_SIZE];
	struct period_why why;
	struct period_span now;
	unsigned long cid = 0;
	int64_t id;
	int fds[2], fd, code_a, code_b;
	bool a_held, b_waited = false;
	pid_t a, b;

	dbt_setup();
	add_cast();
	/* a recorded open period (the stack's; begun here if none is) */
	period_of_date(TC_PERIOD_MONTH, tc_today(), &now);
	snprintf(label, sizeof(label), "%s", one(T_OPEN_PERIOD, DB_NOARGS));
	if (label[0] == '\0') {
		ck_assert_int_eq(period_begin(dbt_db, TC_PERIOD_MONTH, now.first,
		    tc_today(), &why), 0);
		snprintf(label, sizeof(label), "%s", one(T_OPEN_PERIOD,
		    DB_NOARGS));
	}
	{
		struct form f;

		id = 0;
		ck_assert_int_eq(propose(HR, REP, label, "999.99", "竞态测试",
		    &f, &id), 0);
		form_free(&f);
	}

	snprintf(hooks, sizeof(hooks), "/tmp/commission-adjust-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(hooks));
	ck_assert_int_eq(tc_hook_set_dir(hooks), 0);
	ck_assert_msg(tc_hook_dir() != NULL, "forcing the race needs the hold "
	    "point: build with ./configure --enable-test-hooks (./dev does)");
	snprintf(hold, sizeof(hold), "%s/hold-workflow-locked", hooks);
	snprintf(held, sizeof(held), "%s/held-workflow-locked", hooks);
	fd = open(hold, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(pipe(fds), 0);

	a = racer(FIN, id, -1);
	a_held = dbt_appears(held, 10000);
	b = a_held ? racer(FIN2, id, fds[1]) : -1;
	if (b > 0 && read(fds[0], &cid, sizeof(cid)) == sizeof(cid))
		b_waited = waits_for_lock(cid, 10000);
	unlink(hold);
	code_a = dbt_exit_code(a);
	code_b = b > 0 ? dbt_exit_code(b) : -1;
	close(fds[0]);
	close(fds[1]);
	unlink(held);
	rmdir(hooks);
	ck_assert_msg(a_held, "the first approval never reached the hold "
	    "point after the row lock");
	ck_assert_msg(b_waited, "the second approval did not wait for the "
	    "first one's row lock");
	ck_assert_msg(code_a == 0, "the first approval ended with %d", -code_a);
	ck_assert_msg(code_b == -TC_ECONFLICT, "the second approval ended with "
	    "%d, not TC_ECONFLICT", -code_b);
	ck_assert_str_eq(one(T_MOVES, DB_ARGS(P_INT(id))),
	    "create:->proposed approve:proposed>approved");
	{
		struct dbres *res;

		ck_assert_int_eq(db_query(dbt_db, &t_db, T_ADJ,
		    DB_ARGS(P_INT(id)), &res), 0);
		ck_assert_int_eq(dbres_int_col(res, 0, "approved_by"),
		    cast[FIN].id);
		dbres_free(res);
	}
	ck_assert_str_eq(audit_of("adjustment", id),
	    "adjustment_propose adjustment_create adjustment_approve");
	dbt_teardown();
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("commission-adjust");
	TCase *adj = tcase_create("adjustments");
	TCase *dsp = tcase_create("disputes");
	TCase *race = tcase_create("race");
	SRunner *sr;

	tcase_add_checked_fixture(adj, setup, dbt_teardown);
	tcase_add_test(adj, adjustment_proposed_by_hr_is_approved_by_finance);
	tcase_add_test(adj,
	    adjustment_proposed_by_finance_is_rejected_by_hr_with_a_reason);
	tcase_add_test(adj,
	    adjustment_self_approval_refused_even_holding_both_departments);
	tcase_add_test(adj,
	    adjustment_for_a_person_outside_the_sales_roles_refused);
	tcase_add_test(adj,
	    adjustment_bad_input_is_refused_field_by_field_nothing_written);
	tcase_add_test(adj, adjustment_approval_refused_once_its_period_closed);
	suite_add_tcase(s, adj);
	tcase_add_checked_fixture(dsp, setup, dbt_teardown);
	tcase_add_test(dsp,
	    dispute_accepted_rejected_adjustment_reopens_then_approved);
	tcase_add_test(dsp, dispute_refused_without_order_or_comment_and_withdrawn);
	suite_add_tcase(s, dsp);
	tcase_set_timeout(race, 60);
	tcase_add_test(race,
	    adjustment_approved_twice_at_once_one_wins_the_other_is_too_late);
	suite_add_tcase(s, race);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
