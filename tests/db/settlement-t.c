/* settlement-t: the settlement module's statements against MariaDB.
 *
 * Generation of a closed period (one statement per rep with anything to
 * settle, numbered without gaps, an open period refused), regeneration
 * (drafts made again, anything past draft untouched), the negative
 * balance carried across two periods and recovered, the workflow's
 * refusals (own statement, preparer, submitter, a rejection without a
 * reason, a payment without its reference), the tracking of the
 * statement's adjustments on approval and payment, and two approvals
 * raced through the core workflow's hold point: one wins, the other is
 * told it came too late, nothing happens twice.
 *
 * The test makes its own people and two periods of its own far in the
 * past (1990-01, 1990-02), closed, with a calculation run and summaries,
 * and removes them afterwards (the db suite runs one program at a time).
 *
 * Leavers: a rep marked inactive gets a final statement (even with
 * nothing else to settle); its negative balance cannot be submitted
 * until finance's proposal to recover or write it off is approved by
 * management (not by whoever proposed it), which brings it to zero and
 * survives a regeneration. */
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

#include "core/db.h"
#include "core/error.h"
#include "core/testhook.h"
#include "settlement/settlement.h"
#include "tests/db/harness.h"

#define SECRET "settlement-t-secret-0123456789"

enum who { REP, REP2, REP3, PREP, SUB, REV, REV2, BOSS, BOSS2, WHO__MAX };
static const char *const who_name[WHO__MAX] = {
	"rep", "rep2", "rep3", "prep", "sub", "rev", "rev2", "boss", "boss2"
};
static const unsigned who_roles[WHO__MAX] = {
	ROLE_SALES, ROLE_SALES, ROLE_SALES, ROLE_FINANCE, ROLE_FINANCE,
	ROLE_FINANCE | ROLE_REVIEWER, ROLE_FINANCE | ROLE_REVIEWER,
	ROLE_MANAGEMENT, ROLE_MANAGEMENT
};
static struct person cast[WHO__MAX];
static int64_t period1, period2;

enum stmt {
	S_PERIOD, S_RUN, S_SUMMARY, S_ADJ, S_STATEMENT, S_COUNT,
	S_HISTORY, S_ADJ_TRACKING, S_CLEAN_PREVIOUS, S_CLEAN_STATEMENTS, S_CLEAN_ADJ,
	S_CLEAN_SUMMARIES, S_CLEAN_RUNS, S_CLEAN_PERIODS, S_SET_STATE,
	S_THREAD, S_INACTIVE, S_FINAL, S_CLOSURE_ITEMS, S__MAX
};

static const char *const sql[S__MAX] = {
	[S_PERIOD] = "INSERT INTO periods (kind, label, first_day, last_day,"
	    " state) VALUES ('month', ?, ?, ?, 'closed')",
	[S_RUN] = "INSERT INTO calc_runs (period_id, state, started_by)"
	    " VALUES (?, 'done', 'settlement-t')",
	[S_SUMMARY] = "INSERT INTO commission_summaries (period_id, person_id,"
	    " run_id, team, sales, commission, bonus, total) VALUES"
	    " (?, ?, ?, 'T-stlt', 0, ?, ?, ?)",
	[S_ADJ] = "INSERT INTO commission_adjustments (period_id, person_id,"
	    " amount, reason, kind, state, proposed_by, proposed_as,"
	    " approved_by) VALUES (?, ?, ?, ?, ?, 'approved', ?, 'hr', ?)",
	[S_STATEMENT] = "SELECT id, number, state, revision, commission,"
	    " bonus, prizes, adjustments, carried_in, net, payable,"
	    " carried_out, verify_code, paid_reference FROM"
	    " settlement_statements WHERE period_id = ? AND person_id = ?",
	[S_COUNT] = "SELECT COUNT(*), COALESCE(MIN(seq), 0),"
	    " COALESCE(MAX(seq), 0) FROM settlement_statements"
	    " WHERE period_id = ?",
	[S_HISTORY] = "SELECT COALESCE(from_state, '-'), to_state, by_id"
	    " FROM settlement_history WHERE statement_id = ? ORDER BY id",
	[S_ADJ_TRACKING] = "SELECT tracking FROM commission_adjustments"
	    " WHERE period_id = ? AND person_id = ?",
	[S_CLEAN_PREVIOUS] = "UPDATE settlement_statements s JOIN periods p"
	    " ON p.id = s.period_id SET s.previous_id = NULL"
	    " WHERE p.label LIKE '1990-0_'",
	[S_CLEAN_STATEMENTS] = "DELETE s FROM settlement_statements s JOIN"
	    " periods p ON p.id = s.period_id WHERE p.label LIKE '1990-0_'",
	[S_CLEAN_ADJ] = "DELETE a FROM commission_adjustments a JOIN periods p"
	    " ON p.id = a.period_id WHERE p.label LIKE '1990-0_'",
	[S_CLEAN_SUMMARIES] = "DELETE c FROM commission_summaries c JOIN"
	    " periods p ON p.id = c.period_id WHERE p.label LIKE '1990-0_'",
	[S_CLEAN_RUNS] = "DELETE c FROM calc_runs c JOIN periods p ON"
	    " p.id = c.period_id WHERE p.label LIKE '1990-0_'",
	[S_CLEAN_PERIODS] = "DELETE FROM periods WHERE label LIKE '1990-0_'",
	[S_SET_STATE] = "UPDATE periods SET state = ? WHERE id = ?",
	[S_THREAD] = "SELECT COMMAND, COALESCE(TIME_MS, 0), COALESCE(INFO, '')"
	    " FROM information_schema.PROCESSLIST WHERE ID = ?",
	/* what the directory sync does to a person who left */
	[S_INACTIVE] = "UPDATE people SET active = FALSE WHERE id = ?",
	[S_FINAL] = "SELECT final FROM settlement_statements WHERE id = ?",
	[S_CLOSURE_ITEMS] = "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM"
	    " settlement_items WHERE statement_id = ? AND kind = 'closure'",
};

static struct db_table t_db = DB_TABLE("settlement-t", sql);

static void
clean(void)
{
	for (int k = S_CLEAN_PREVIOUS; k <= S_CLEAN_PERIODS; k++)
		ck_assert_int_eq(db_exec(dbt_db, &t_db, k, DB_NOARGS, NULL,
		    NULL), 0);
}

static int64_t
insert(int k, const struct db_param *p, size_t n)
{
	return dbt_insert(dbt_db, &t_db, k, p, n);
}

/* A closed period with a run whose summaries give REP and REP2 their
 * commission and bonus (fen); REP3 has none. */
static int64_t
period(const char *label, int32_t first, int32_t last, money_t rep_c,
    money_t rep_b, money_t rep2_c)
{
	int64_t id = insert(S_PERIOD, DB_ARGS(P_TEXT(label), P_DATE(first),
	    P_DATE(last)));
	int64_t run = insert(S_RUN, DB_ARGS(P_INT(id)));

	insert(S_SUMMARY, DB_ARGS(P_INT(id), P_INT(cast[REP].id), P_INT(run),
	    P_MONEY(rep_c), P_MONEY(rep_b), P_MONEY(rep_c + rep_b)));
	insert(S_SUMMARY, DB_ARGS(P_INT(id), P_INT(cast[REP2].id), P_INT(run),
	    P_MONEY(rep2_c), P_MONEY(0), P_MONEY(rep2_c)));
	return id;
}

static void
setup(void)
{
	char prefix[40];

	dbt_setup();
	clean();
	dbt_unique(prefix, sizeof(prefix), "stlt");
	for (int w = 0; w < WHO__MAX; w++)
		dbt_person(dbt_db, &cast[w], prefix, who_name[w], "T-stlt", NULL,
		    who_roles[w]);
	/* REP: 1,000.00 + 200.00 bonus in January; REP2: 500.00 */
	period1 = period("1990-01", 19900101, 19900131, 100000, 20000, 50000);
	/* REP: 300.00 in February; REP2: 800.00 */
	period2 = period("1990-02", 19900201, 19900228, 30000, 0, 80000);
}

static void
teardown(void)
{
	clean();
	dbt_teardown();
}

static struct wf_actor
as(enum who w, struct db *db)
{
	struct wf_actor a = { db, &cast[w], { cast[w].login, "127.0.0.1" } };

	return a;
}

static void
gen(const char *label, struct settlement_gen *g)
{
	struct wf_actor a = as(PREP, dbt_db);

	ck_assert_int_eq(settlement_generate(&a, SECRET, label, g), 0);
}

/* One statement's row: its columns by name. */
struct row {
	int64_t id, revision;
	char number[33], state[13], code[33], reference[65];
	money_t commission, bonus, adjustments, carried_in, net, payable,
	    carried_out;
	bool found;
};

static struct row
statement(int64_t period, enum who w)
{
	struct row r = { 0 };
	struct dbres *res;

	ck_assert_int_eq(db_query(dbt_db, &t_db, S_STATEMENT,
	    DB_ARGS(P_INT(period), P_INT(cast[w].id)), &res), 0);
	if ((r.found = dbres_rows(res) == 1)) {
		r.id = dbres_int_col(res, 0, "id");
		r.revision = dbres_int_col(res, 0, "revision");
		snprintf(r.number, sizeof(r.number), "%s",
		    dbres_text_col(res, 0, "number"));
		snprintf(r.state, sizeof(r.state), "%s",
		    dbres_text_col(res, 0, "state"));
		snprintf(r.code, sizeof(r.code), "%s",
		    dbres_text_col(res, 0, "verify_code"));
		snprintf(r.reference, sizeof(r.reference), "%s",
		    dbres_text_col(res, 0, "paid_reference"));
		r.commission = dbres_money_col(res, 0, "commission");
		r.bonus = dbres_money_col(res, 0, "bonus");
		r.adjustments = dbres_money_col(res, 0, "adjustments");
		r.carried_in = dbres_money_col(res, 0, "carried_in");
		r.net = dbres_money_col(res, 0, "net");
		r.payable = dbres_money_col(res, 0, "payable");
		r.carried_out = dbres_money_col(res, 0, "carried_out");
	}
	dbres_free(res);
	return r;
}

static int
act(enum who w, int64_t id, const char *action, const char *comment,
    const char *reference, struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &settlement_scope_read);
	struct db_param p[2] = { P_TEXT(reference), P_DATE(19900315) };
	struct wf_request rq = { .action = action, .comment = comment };

	if (reference != NULL) {
		rq.params = p;
		rq.nparams = 2;
	}
	return wf_apply(&a, &settlement_flow, id, &s, &rq, out);
}

static size_t
history_of(int64_t id)
{
	struct dbres *res;
	size_t n;

	ck_assert_int_eq(db_query(dbt_db, &t_db, S_HISTORY, DB_ARGS(P_INT(id)),
	    &res), 0);
	n = dbres_rows(res);
	dbres_free(res);
	return n;
}

/* Moves id from draft to approved through the right people. */
static void
to_approved(int64_t id)
{
	struct wf_outcome out;

	ck_assert_int_eq(act(SUB, id, "submit", NULL, NULL, &out), 0);
	ck_assert_int_eq(act(REV, id, "review", "ok", NULL, &out), 0);
	ck_assert_int_eq(act(BOSS, id, "approve", NULL, NULL, &out), 0);
}

START_TEST(one_statement_per_rep_with_anything_numbered_without_gaps)
{
	struct settlement_gen g;
	struct row a, b, c;
	struct dbres *res;

	gen("1990-01", &g);
	ck_assert_int_eq(g.made, 2);
	a = statement(period1, REP);
	b = statement(period1, REP2);
	c = statement(period1, REP3);
	ck_assert(a.found && b.found);
	ck_assert_msg(!c.found, "a rep with nothing to settle got a statement");
	ck_assert_str_eq(a.number, "JS-1990-01-0001");
	ck_assert_str_eq(b.number, "JS-1990-01-0002");
	ck_assert_str_eq(a.state, "draft");
	ck_assert_int_eq(a.commission, 100000);
	ck_assert_int_eq(a.bonus, 20000);
	ck_assert_int_eq(a.payable, 120000);
	ck_assert_int_eq((int)strlen(a.code), 32);
	ck_assert_str_ne(a.code, b.code);
	ck_assert_uint_eq(history_of(a.id), 1);     /* its creation */
	ck_assert_int_eq(db_query(dbt_db, &t_db, S_COUNT,
	    DB_ARGS(P_INT(period1)), &res), 0);
	ck_assert_int_eq(dbres_int(res, 0, 0), 2);
	ck_assert_int_eq(dbres_int(res, 0, 1), 1);
	ck_assert_int_eq(dbres_int(res, 0, 2), 2);
	dbres_free(res);
}
END_TEST

START_TEST(an_open_period_is_refused_and_nothing_is_written)
{
	struct wf_actor a = as(PREP, dbt_db);
	struct settlement_gen g;

	ck_assert_int_eq(db_exec(dbt_db, &t_db, S_SET_STATE, DB_ARGS(
	    P_TEXT("open"), P_INT(period2)), NULL, NULL), 0);
	ck_assert_int_eq(settlement_generate(&a, SECRET, "1990-02", &g),
	    TC_EDENIED);
	ck_assert_str_eq(g.err, "stl_err_period_open");
	ck_assert(!statement(period2, REP).found);
	ck_assert_int_eq(settlement_generate(&a, "short", "1990-01", &g),
	    TC_EINVAL);
	ck_assert(!statement(period1, REP).found);
}
END_TEST

START_TEST(regenerating_replaces_drafts_only_and_approved_stays_as_it_was)
{
	struct settlement_gen g;
	struct row a1, b1, a2, b2;

	gen("1990-01", &g);
	a1 = statement(period1, REP);
	b1 = statement(period1, REP2);
	to_approved(b1.id);
	/* an adjustment arrives for both; regenerate */
	insert(S_ADJ, DB_ARGS(P_INT(period1), P_INT(cast[REP].id),
	    P_MONEY(5000), P_TEXT("late correction"), P_TEXT("manual"),
	    P_INT(cast[PREP].id), P_INT(cast[SUB].id)));
	gen("1990-01", &g);
	ck_assert_int_eq(g.made, 0);
	ck_assert_int_eq(g.replaced, 1);
	ck_assert_int_eq(g.kept, 1);
	a2 = statement(period1, REP);
	b2 = statement(period1, REP2);
	ck_assert_str_eq(a2.number, a1.number);      /* same number */
	ck_assert_int_eq(a2.revision, 2);
	ck_assert_int_eq(a2.adjustments, 5000);
	ck_assert_int_eq(a2.payable, 125000);
	ck_assert_str_ne(a2.code, a1.code);           /* a new code */
	ck_assert_str_eq(b2.state, "approved");
	ck_assert_int_eq(b2.revision, 1);
	ck_assert_str_eq(b2.code, b1.code);
	ck_assert_int_eq(b2.payable, b1.payable);
}
END_TEST

START_TEST(a_negative_balance_is_carried_forward_never_paid_and_recovered)
{
	struct settlement_gen g;
	struct row jan, feb;

	/* a clawback of 1,500.00 against REP's 1,200.00 in January */
	insert(S_ADJ, DB_ARGS(P_INT(period1), P_INT(cast[REP].id),
	    P_MONEY(-150000), P_TEXT("return clawback"), P_TEXT("manual"),
	    P_INT(cast[PREP].id), P_INT(cast[SUB].id)));
	gen("1990-01", &g);
	jan = statement(period1, REP);
	ck_assert_int_eq(jan.net, -30000);
	ck_assert_int_eq(jan.payable, 0);
	ck_assert_int_eq(jan.carried_out, -30000);
	gen("1990-02", &g);
	feb = statement(period2, REP);
	ck_assert_int_eq(feb.commission, 30000);
	ck_assert_int_eq(feb.carried_in, -30000);
	ck_assert_int_eq(feb.net, 0);
	ck_assert_int_eq(feb.payable, 0);
	ck_assert_int_eq(feb.carried_out, 0);
	/* REP2 had nothing to carry */
	ck_assert_int_eq(statement(period2, REP2).carried_in, 0);
	ck_assert_int_eq(statement(period2, REP2).payable, 80000);
}
END_TEST

START_TEST(the_preparer_the_submitter_and_the_rep_are_refused_each_with_a_reason)
{
	struct settlement_gen g;
	struct wf_outcome out;
	struct row a;
	struct person rep_reviewer;

	gen("1990-01", &g);
	a = statement(period1, REP);
	/* the preparer submits; nobody else of the four-eyes pair */
	ck_assert_int_eq(act(PREP, a.id, "submit", NULL, NULL, &out), 0);
	/* a reviewer who prepared it: make REV the preparer's twin by
	 * reviewing as PREP with the reviewer role */
	cast[PREP].roles |= ROLE_REVIEWER;
	ck_assert_int_eq(act(PREP, a.id, "review", NULL, NULL, &out),
	    TC_EDENIED);
	ck_assert_str_eq(out.msg, "stl_err_preparer");
	cast[PREP].roles = ROLE_FINANCE;
	/* the rep themselves, even holding the reviewer role */
	rep_reviewer = cast[REP];
	cast[REP].roles = ROLE_SALES | ROLE_FINANCE | ROLE_REVIEWER;
	ck_assert_int_eq(act(REP, a.id, "review", NULL, NULL, &out),
	    TC_EDENIED);
	ck_assert_str_eq(out.msg, "stl_err_own");
	cast[REP] = rep_reviewer;
	/* finance without the reviewer role */
	ck_assert_int_eq(act(SUB, a.id, "review", NULL, NULL, &out),
	    TC_EDENIED);
	/* a rejection needs its reason */
	ck_assert_int_eq(act(REV, a.id, "reject", NULL, NULL, &out), TC_EINVAL);
	ck_assert_str_eq(out.msg, "stl_err_reason");
	ck_assert_str_eq(statement(period1, REP).state, "pending");
	ck_assert_int_eq(act(REV, a.id, "reject", "wrong rule", NULL, &out),
	    0);
	ck_assert_str_eq(statement(period1, REP).state, "draft");
	/* submitted by SUB this time: SUB may not review it either */
	ck_assert_int_eq(act(SUB, a.id, "submit", NULL, NULL, &out), 0);
	cast[SUB].roles |= ROLE_REVIEWER;
	ck_assert_int_eq(act(SUB, a.id, "review", NULL, NULL, &out),
	    TC_EDENIED);
	ck_assert_str_eq(out.msg, "stl_err_submitter");
	cast[SUB].roles = ROLE_FINANCE;
	ck_assert_int_eq(act(REV, a.id, "review", NULL, NULL, &out), 0);
	/* management approves; a reviewer cannot */
	ck_assert_int_eq(act(REV2, a.id, "approve", NULL, NULL, &out),
	    TC_EDENIED);
	ck_assert_int_eq(act(BOSS, a.id, "approve", NULL, NULL, &out), 0);
	ck_assert_uint_eq(history_of(a.id), 6);
}
END_TEST

START_TEST(paying_needs_a_reference_and_moves_the_tracking)
{
	struct settlement_gen g;
	struct wf_outcome out;
	struct dbres *res;
	struct row a;

	insert(S_ADJ, DB_ARGS(P_INT(period1), P_INT(cast[REP].id),
	    P_MONEY(7000), P_TEXT("contest"), P_TEXT("contest_prize"),
	    P_INT(cast[PREP].id), P_INT(cast[SUB].id)));
	gen("1990-01", &g);
	a = statement(period1, REP);
	to_approved(a.id);
	ck_assert_int_eq(db_query(dbt_db, &t_db, S_ADJ_TRACKING,
	    DB_ARGS(P_INT(period1), P_INT(cast[REP].id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "pending");
	dbres_free(res);
	/* without the reference and date: refused, nothing moves */
	ck_assert_int_eq(act(SUB, a.id, "pay", NULL, NULL, &out), TC_EINVAL);
	ck_assert_str_eq(statement(period1, REP).state, "approved");
	ck_assert_int_eq(act(SUB, a.id, "pay", NULL, "BANK-0001", &out), 0);
	a = statement(period1, REP);
	ck_assert_str_eq(a.state, "paid");
	ck_assert_str_eq(a.reference, "BANK-0001");
	ck_assert_int_eq(db_query(dbt_db, &t_db, S_ADJ_TRACKING,
	    DB_ARGS(P_INT(period1), P_INT(cast[REP].id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "paid");
	dbres_free(res);
	/* paid is final: no second payment, no rejection */
	ck_assert_int_eq(act(SUB, a.id, "pay", NULL, "BANK-0002", &out),
	    TC_ECONFLICT);
	ck_assert_int_eq(act(BOSS, a.id, "reject", "late", NULL, &out),
	    TC_ECONFLICT);
	ck_assert_str_eq(statement(period1, REP).reference, "BANK-0001");
}
END_TEST

START_TEST(the_code_is_keyed_and_covers_every_field)
{
	char a[SETTLEMENT_CODE_SIZE], b[SETTLEMENT_CODE_SIZE];

	ck_assert_int_eq(settlement_verify_code(SECRET, "JS-1990-01-0001", 7,
	    "1990-01", 120000, 1, a), 0);
	ck_assert_int_eq(settlement_verify_code(SECRET, "JS-1990-01-0001", 7,
	    "1990-01", 120000, 1, b), 0);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(settlement_verify_code(SECRET, "JS-1990-01-0001", 7,
	    "1990-01", 120001, 1, b), 0);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(settlement_verify_code(SECRET, "JS-1990-01-0001", 7,
	    "1990-01", 120000, 2, b), 0);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(settlement_verify_code(SECRET "x", "JS-1990-01-0001",
	    7, "1990-01", 120000, 1, b), 0);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(settlement_verify_code("too-short", "x", 1, "y", 0, 1,
	    b), TC_EINVAL);
}
END_TEST

/* ---- the race ---- */

static char hooks[64];

/* Approves id as w in a child on its own connection; the child sends its
 * connection id on fd (when >= 0) and exits with -rc. */
static pid_t
approver(enum who w, int64_t id, int fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct db *db = dbt_connect();
		struct wf_actor a = as(w, db);
		struct scope s = scope_person(&cast[w], &settlement_scope_read);
		struct wf_request rq = { .action = "approve",
		    .expect = "reviewed" };
		struct wf_outcome out;
		unsigned long cid = dbt_connection_id(db);
		int rc;

		if (fd >= 0 && write(fd, &cid, sizeof(cid)) != sizeof(cid))
			_exit(100);
		rc = wf_apply(&a, &settlement_flow, id, &s, &rq, &out);
		db_close(db);
		_exit(-rc);
	}
	return pid;
}

/* Whether connection cid spends 300 ms or more in one statement on
 * settlement_statements within ms: waiting for the row lock. */
static bool
waits_for_lock(unsigned long cid, long ms)
{
	const struct timespec tick = { 0, 20 * 1000 * 1000 };

	for (long t = 0; t < ms; t += 20, nanosleep(&tick, NULL)) {
		struct dbres *res;
		bool waiting = false;

		ck_assert_int_eq(db_query(dbt_db, &t_db, S_THREAD,
		    DB_ARGS(P_INT((int64_t)cid)), &res), 0);
		if (dbres_rows(res) == 1)
			waiting = strcmp(dbres_text(res, 0, 0), "Execute") == 0
			    && atof(dbres_text(res, 0, 1)) >= 300 &&
			    strstr(dbres_text(res, 0, 2),
			    "settlement_statements") != NULL;
		dbres_free(res);
		if (waiting)
			return true;
	}
	return false;
}

static int
exit_of(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(two_approvals_at_once_one_wins_the_other_is_too_late)
{
	struct settlement_gen g;
	struct wf_outcome out;
	char hold[PATH_MAX], held[PATH_MAX];
	unsigned long cid = 0;
	int fds[2], fd, code_a, code_b;
	bool a_held, b_waited = false;
	pid_t a, b = -1;
	struct row st;

	gen("1990-01", &g);
	st = statement(period1, REP);
	ck_assert_int_eq(act(SUB, st.id, "submit", NULL, NULL, &out), 0);
	ck_assert_int_eq(act(REV, st.id, "review", NULL, NULL, &out), 0);

	snprintf(hooks, sizeof(hooks), "/tmp/settlement-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(hooks));
	ck_assert_int_eq(tc_hook_set_dir(hooks), 0);
	ck_assert_msg(tc_hook_dir() != NULL, "the race needs the hold point: "
	    "./configure --enable-test-hooks (./dev does)");
	snprintf(hold, sizeof(hold), "%s/hold-workflow-locked", hooks);
	snprintf(held, sizeof(held), "%s/held-workflow-locked", hooks);
	fd = open(hold, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(pipe(fds), 0);

	a = approver(BOSS, st.id, -1);
	a_held = dbt_appears(held, 10000);          /* A holds the row lock */
	if (a_held) {
		b = approver(BOSS2, st.id, fds[1]);
		if (read(fds[0], &cid, sizeof(cid)) == sizeof(cid))
			b_waited = waits_for_lock(cid, 10000);
	}
	unlink(hold);                           /* A goes on */
	code_a = exit_of(a);
	code_b = b > 0 ? exit_of(b) : -1;
	close(fds[0]);
	close(fds[1]);
	unlink(held);
	rmdir(hooks);
	ck_assert_msg(a_held, "the first approval never reached the hold "
	    "point after its row lock");
	ck_assert_msg(b_waited, "the second approval did not wait for the "
	    "first one's row lock");
	ck_assert_msg(code_a == 0, "the first approval ended with %d", -code_a);
	ck_assert_msg(code_b == -TC_ECONFLICT, "the second approval ended "
	    "with %d, not TC_ECONFLICT", -code_b);
	ck_assert_str_eq(statement(period1, REP).state, "approved");
	/* created, submitted, reviewed, approved once */
	ck_assert_uint_eq(history_of(st.id), 4);
}
END_TEST

static void
leave(enum who w)
{
	ck_assert_int_eq(db_exec(dbt_db, &t_db, S_INACTIVE, DB_ARGS(
	    P_INT(cast[w].id)), NULL, NULL), 0);
}

static int64_t
one_int(int k, int64_t id, size_t col)
{
	struct dbres *res;
	int64_t v;

	ck_assert_int_eq(db_query(dbt_db, &t_db, k, DB_ARGS(P_INT(id)), &res),
	    0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	v = col == 1 ? dbres_money(res, 0, 1) : dbres_int(res, 0, col);
	dbres_free(res);
	return v;
}

static int
decide(enum who w, int64_t closure, const char *action, const char *comment,
    struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);

	return settlement_closure_decide(&a, SECRET, closure, action, comment,
	    out);
}

START_TEST(a_leaver_s_negative_balance_is_written_off_by_management_never_dropped)
{
	struct wf_actor prep = as(PREP, dbt_db), rep = as(REP, dbt_db);
	struct settlement_gen g;
	struct wf_outcome out;
	const char *msg;
	int64_t closure = 0, other = 0;
	struct row jan, again;

	/* REP leaves with a clawback of 1,500.00 against 1,200.00 */
	insert(S_ADJ, DB_ARGS(P_INT(period1), P_INT(cast[REP].id),
	    P_MONEY(-150000), P_TEXT("return clawback"), P_TEXT("manual"),
	    P_INT(cast[PREP].id), P_INT(cast[SUB].id)));
	leave(REP);
	gen("1990-01", &g);
	jan = statement(period1, REP);
	ck_assert_int_eq(one_int(S_FINAL, jan.id, 0), 1);
	ck_assert_int_eq(one_int(S_FINAL, statement(period1, REP2).id, 0), 0);
	ck_assert_int_eq(jan.carried_out, -30000);
	/* not submitted while the balance is open */
	ck_assert_int_eq(act(SUB, jan.id, "submit", NULL, NULL, &out),
	    TC_EDENIED);
	ck_assert_str_eq(out.msg, "stl_err_final_negative");
	/* a recovery needs its receipt; the rep cannot propose; a statement
	 * that is not final has nothing to close */
	ck_assert_int_eq(settlement_closure_propose(&prep, jan.id, "recover",
	    "", "repaid", &closure, &msg), TC_EINVAL);
	ck_assert_str_eq(msg, "stl_err_closure_reference");
	ck_assert_int_eq(settlement_closure_propose(&rep, jan.id, "write_off",
	    "", "mine", &closure, &msg), TC_EDENIED);
	ck_assert_int_eq(settlement_closure_propose(&prep,
	    statement(period1, REP2).id, "write_off", "", "x", &other, &msg),
	    TC_ECONFLICT);
	ck_assert_str_eq(msg, "stl_err_closure_none");
	ck_assert_int_eq(settlement_closure_propose(&prep, jan.id, "write_off",
	    "", "left the company, nothing to recover", &closure, &msg), 0);
	ck_assert_int_gt(closure, 0);
	ck_assert_int_eq(settlement_closure_propose(&prep, jan.id, "write_off",
	    "", "twice", &other, &msg), TC_ECONFLICT);
	ck_assert_str_eq(msg, "stl_err_closure_open");
	/* proposed is not approved: still refused, still negative */
	ck_assert_int_eq(act(SUB, jan.id, "submit", NULL, NULL, &out),
	    TC_EDENIED);
	/* four eyes: not finance, not the proposer even holding the role */
	ck_assert_int_eq(decide(SUB, closure, "approve", NULL, &out),
	    TC_EDENIED);
	cast[PREP].roles |= ROLE_MANAGEMENT;
	ck_assert_int_eq(decide(PREP, closure, "approve", NULL, &out),
	    TC_EDENIED);
	ck_assert_str_eq(out.msg, "stl_err_closure_proposer");
	cast[PREP].roles = ROLE_FINANCE;
	ck_assert_int_eq(decide(BOSS, closure, "reject", NULL, &out),
	    TC_EINVAL);
	ck_assert_int_eq(decide(BOSS, closure, "approve", "agreed", &out), 0);
	ck_assert_int_eq(decide(BOSS2, closure, "approve", NULL, &out),
	    TC_ECONFLICT);
	again = statement(period1, REP);
	ck_assert_int_eq(again.net, 0);
	ck_assert_int_eq(again.payable, 0);
	ck_assert_int_eq(again.carried_out, 0);
	ck_assert_int_eq(again.adjustments, -150000 + 30000);
	ck_assert_int_eq(again.revision, jan.revision + 1);
	ck_assert_str_ne(again.code, jan.code);
	ck_assert_int_eq(one_int(S_CLOSURE_ITEMS, jan.id, 0), 1);
	ck_assert_int_eq(one_int(S_CLOSURE_ITEMS, jan.id, 1), 30000);
	/* a regeneration keeps the closure, once */
	gen("1990-01", &g);
	again = statement(period1, REP);
	ck_assert_int_eq(again.net, 0);
	ck_assert_int_eq(one_int(S_CLOSURE_ITEMS, jan.id, 0), 1);
	ck_assert_int_eq(one_int(S_CLOSURE_ITEMS, jan.id, 1), 30000);
	ck_assert_int_eq(one_int(S_FINAL, jan.id, 0), 1);
	ck_assert_int_eq(act(SUB, jan.id, "submit", NULL, NULL, &out), 0);
	/* nothing is carried into February */
	gen("1990-02", &g);
	ck_assert_int_eq(statement(period2, REP).carried_in, 0);
}
END_TEST

START_TEST(a_leaver_with_nothing_left_still_gets_a_final_statement)
{
	struct settlement_gen g;
	struct row feb;

	/* REP3 had only an adjustment in January, then left */
	insert(S_ADJ, DB_ARGS(P_INT(period1), P_INT(cast[REP3].id),
	    P_MONEY(10000), P_TEXT("spot bonus"), P_TEXT("manual"),
	    P_INT(cast[PREP].id), P_INT(cast[SUB].id)));
	gen("1990-01", &g);
	ck_assert_int_eq(one_int(S_FINAL, statement(period1, REP3).id, 0), 0);
	leave(REP3);
	gen("1990-02", &g);
	feb = statement(period2, REP3);
	ck_assert_msg(feb.found, "the leaver got no final statement");
	ck_assert_int_eq(one_int(S_FINAL, feb.id, 0), 1);
	ck_assert_int_eq(feb.net, 0);
	ck_assert_int_eq(feb.payable, 0);
	/* made again, not twice */
	gen("1990-02", &g);
	ck_assert_int_eq(g.made, 0);
	ck_assert_int_eq(statement(period2, REP3).revision, 2);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("settlement");
	TCase *tc = tcase_create("settlement");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	    one_statement_per_rep_with_anything_numbered_without_gaps);
	tcase_add_test(tc, an_open_period_is_refused_and_nothing_is_written);
	tcase_add_test(tc,
	    regenerating_replaces_drafts_only_and_approved_stays_as_it_was);
	tcase_add_test(tc,
	    a_negative_balance_is_carried_forward_never_paid_and_recovered);
	tcase_add_test(tc,
	    the_preparer_the_submitter_and_the_rep_are_refused_each_with_a_reason);
	tcase_add_test(tc, paying_needs_a_reference_and_moves_the_tracking);
	tcase_add_test(tc, the_code_is_keyed_and_covers_every_field);
	tcase_add_test(tc, two_approvals_at_once_one_wins_the_other_is_too_late);
	tcase_add_test(tc,
	    a_leaver_s_negative_balance_is_written_off_by_management_never_dropped);
	tcase_add_test(tc, a_leaver_with_nothing_left_still_gets_a_final_statement);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
