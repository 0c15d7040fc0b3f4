/* workflow-t: core/workflow against MariaDB, on a record shaped like a
 * settlement statement: five states (draft, pending, reviewed, approved,
 * paid), rejection back to draft with a reason from pending and from
 * reviewed, segregation of duties (nobody acts on their own record; the
 * preparer and the submitter neither review nor approve), a payment that
 * records its reference and date, a recall only the submitter may make,
 * and a remark that keeps the state.  Two connections race one transition
 * (forced with the hold point after the row lock: the second must wait
 * for the lock, then be told it is too late, and nothing is written
 * twice); an edit holding the lock makes a move wait; guards, roles and
 * a wrong or stale state are refused with nothing written; the buttons a
 * person may press and the count of what waits for them; a transition's
 * effect in the same transaction; a move inside the caller's transaction;
 * the time of a move (history and declared columns) from core/clock: the
 * test clock at 02:00 Beijing time dates it on the Beijing day, a held
 * clock (the demo's story) at its moment.
 *
 * The test keeps its records in two tables of its own (wft_stmts,
 * wft_stmt_moves), created when missing; every test makes its own rows
 * and people. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/error.h"
#include "core/scope.h"
#include "core/testhook.h"
#include "core/workflow.h"
#include "tests/db/harness.h"

#define CREATE_DOCS "CREATE TABLE IF NOT EXISTS wft_stmts (" \
	" id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY," \
	" owner_id INT UNSIGNED NOT NULL," \
	" prepared_by INT UNSIGNED NOT NULL," \
	" submitted_by INT UNSIGNED NULL," \
	" state VARCHAR(16) NOT NULL DEFAULT 'draft'," \
	" reviewed_by INT UNSIGNED NULL," \
	" reviewed_at DATETIME NULL," \
	" reject_reason VARCHAR(255) NOT NULL DEFAULT ''," \
	" paid_ref VARCHAR(64) NULL," \
	" paid_on DATE NULL," \
	" paid_lines INT NOT NULL DEFAULT 0" \
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
#define CREATE_MOVES "CREATE TABLE IF NOT EXISTS wft_stmt_moves (" \
	" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY," \
	" stmt_id INT UNSIGNED NOT NULL," \
	" from_state VARCHAR(16) NULL," \
	" to_state VARCHAR(16) NOT NULL," \
	" moved_at DATETIME NOT NULL," \
	" moved_by INT UNSIGNED NOT NULL," \
	" action VARCHAR(32) NOT NULL," \
	" comment VARCHAR(255) NOT NULL," \
	" KEY wft_stmt_moves_stmt (stmt_id)" \
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

/* The people: a rep whose statement it is, three in finance (one
 * prepared it, one submits, one pays), two reviewers, management. */
enum who { REP, PREP, SUB, FIN2, REV, REV2, BOSS, WHO__MAX };

static const char *const who_name[WHO__MAX] = {
	"rep", "prep", "sub", "fin2", "rev", "rev2", "boss"
};
static const unsigned who_roles[WHO__MAX] = {
	ROLE_SALES, ROLE_FINANCE, ROLE_FINANCE, ROLE_FINANCE,
	ROLE_FINANCE | ROLE_REVIEWER, ROLE_FINANCE | ROLE_REVIEWER,
	ROLE_MANAGEMENT
};

static struct person cast[WHO__MAX];
static char prefix[40];

enum stmt {
	STMT_DOC, STMT_DOC_GET, STMT_MOVES, STMT_AUDIT,
	STMT_PAY_LINES, STMT_THREAD, STMT_EDIT, STMT_MOVED_AT, STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_DOC] = "INSERT INTO wft_stmts (owner_id, prepared_by,"
	    " submitted_by, state) VALUES (?, ?, ?, ?)",
	[STMT_DOC_GET] = "SELECT state, reviewed_by, reviewed_at IS NOT NULL,"
	    " reject_reason, paid_lines, submitted_by,"
	    " COALESCE(paid_ref, '-'), COALESCE(paid_on, '-')"
	    " FROM wft_stmts WHERE id = ?",
	[STMT_MOVES] = "SELECT COALESCE(from_state, '-'), to_state, moved_by,"
	    " action, comment FROM wft_stmt_moves WHERE stmt_id = ?"
	    " ORDER BY id",
	[STMT_AUDIT] = "SELECT action, actor, detail FROM audit WHERE"
	    " entity = 'wft_stmt' AND entity_id = ? ORDER BY id",
	[STMT_PAY_LINES] = "UPDATE wft_stmts SET paid_lines = paid_lines + ?"
	    " WHERE id = ?",
	[STMT_THREAD] = "SELECT COMMAND, COALESCE(TIME_MS, 0),"
	    " COALESCE(INFO, '') FROM information_schema.PROCESSLIST"
	    " WHERE ID = ?",
	[STMT_EDIT] = "UPDATE wft_stmts SET reject_reason = ? WHERE id = ?",
	[STMT_MOVED_AT] = "SELECT m.moved_at AS moved_at,"
	    " COALESCE(d.reviewed_at, '-') AS reviewed_at"
	    " FROM wft_stmt_moves m JOIN wft_stmts d ON d.id = m.stmt_id"
	    " WHERE m.stmt_id = ? ORDER BY m.id DESC LIMIT 1",
};

static struct db_table wft_db = DB_TABLE("workflow-t", sql);

/* ---- the workflow under test, as a module would declare it ---- */

static int pay_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w);

/* Nobody acts on their own statement; the preparer and the submitter
 * neither review nor approve (nor reject). */
static const struct wf_guard not_own[] = {
	{ wf_not_actor, "owner_id", "test_err_own" },
	WF_END
};
static const struct wf_guard second_pair_of_eyes[] = {
	{ wf_not_actor, "owner_id", "test_err_own" },
	{ wf_not_actor, "prepared_by", "test_err_preparer" },
	{ wf_not_actor, "submitted_by", "test_err_submitter" },
	WF_END
};
static const struct wf_guard the_submitter[] = {
	{ wf_only_actor, "submitted_by", "test_err_not_submitter" },
	WF_END
};

static const struct wf_set submit_sets[] = {
	WF_SET_ACTOR("submitted_by"), WF_END
};
static const struct wf_set review_sets[] = {
	WF_SET_ACTOR("reviewed_by"), WF_SET_NOW("reviewed_at"), WF_END
};
static const struct wf_set reject_sets[] = {
	WF_SET_COMMENT("reject_reason"), WF_END
};
/* params: the bank's reference, the date paid */
static const struct wf_set pay_sets[] = {
	WF_SET_PARAM("paid_ref", 0), WF_SET_PARAM("paid_on", 1), WF_END
};

static const struct wf_transition doc_moves[] = {
	{ .action = "submit", .from = "draft", .to = "pending",
	    .roles = ROLE_FINANCE, .guards = not_own, .sets = submit_sets },
	{ .action = "recall", .from = "pending", .to = "draft",
	    .roles = ROLE_FINANCE, .guards = the_submitter },
	{ .action = "review", .from = "pending", .to = "reviewed",
	    .roles = ROLE_REVIEWER, .guards = second_pair_of_eyes,
	    .sets = review_sets },
	{ .action = "reject", .from = "pending", .to = "draft",
	    .roles = ROLE_REVIEWER, .guards = second_pair_of_eyes,
	    .comment_needed = "test_reason_needed", .sets = reject_sets },
	{ .action = "remark", .from = "pending", .to = "pending",
	    .roles = ROLE_FINANCE, .guards = not_own,
	    .comment_needed = "test_remark_needed" },
	{ .action = "approve", .from = "reviewed", .to = "approved",
	    .roles = ROLE_MANAGEMENT, .guards = second_pair_of_eyes },
	{ .action = "reject", .from = "reviewed", .to = "draft",
	    .roles = ROLE_MANAGEMENT, .guards = second_pair_of_eyes,
	    .comment_needed = "test_reason_needed", .sets = reject_sets },
	{ .action = "pay", .from = "approved", .to = "paid",
	    .roles = ROLE_FINANCE, .guards = not_own, .sets = pay_sets,
	    .effect = pay_effect },
};

#define DOC_HISTORY { "wft_stmt_moves", "stmt_id", "from_state", \
	"to_state", "moved_at", "moved_by", "action", "comment" }

static const struct wf_def doc_flow = {
	.name = "wft_stmt",
	.audit_action = NULL,
	.table = "wft_stmts",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { "owner_id", "prepared_by", "submitted_by", NULL },
	.sets = NULL,
	.history = DOC_HISTORY,
	.transitions = doc_moves,
	.ntransitions = sizeof(doc_moves) / sizeof(doc_moves[0]),
	.stmts = WF_STATEMENTS,
};

/* Who sees the records: the rep their own, finance, reviewers and
 * management all. */
static const struct scope_rule doc_scope = {
	"test.docs", ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT, 0,
	ROLE_SALES
};

/* Paying marks lines paid (as many as pay_lines); a negative pay_lines
 * makes the effect fail, which must undo the whole move. */
static int pay_lines = 3;

static int
pay_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	ck_assert_str_eq(t->to, "paid");
	ck_assert_uint_eq(w->nparams, 2);
	if (pay_lines < 0)
		return TC_EDB;
	return db_exec(a->db, &wft_db, STMT_PAY_LINES,
	    DB_ARGS(P_INT(pay_lines), P_INT(wf_row_id(row))), NULL, NULL);
}

/* ---- the cast and their requests ---- */

/* The actor w on connection db. */
static struct wf_actor
as(enum who w, struct db *db)
{
	struct wf_actor a = { db, &cast[w], { cast[w].login, "127.0.0.1" } };

	return a;
}

static void
setup(void)
{
	dbt_setup();
	dbt_sql(dbt_db, CREATE_DOCS);
	dbt_sql(dbt_db, CREATE_MOVES);
	dbt_unique(prefix, sizeof(prefix), "wft");
	/* a team of the test's own, for the team-scoped counts */
	for (int w = 0; w < WHO__MAX; w++)
		dbt_person(dbt_db, &cast[w], prefix, who_name[w], prefix, NULL,
		    who_roles[w]);
	pay_lines = 3;
}

/* A new statement of owner in state, prepared by PREP and, unless a
 * draft, submitted by SUB. */
static int64_t
new_doc_of(enum who owner, const char *state)
{
	uint64_t id = 0;

	ck_assert_int_eq(db_exec(dbt_db, &wft_db, STMT_DOC,
	    DB_ARGS(P_INT(cast[owner].id), P_INT(cast[PREP].id),
	    strcmp(state, "draft") == 0 ? P_NULL : P_INT(cast[SUB].id),
	    P_TEXT(state)), NULL, &id), 0);
	return (int64_t)id;
}

#define new_doc(state) new_doc_of(REP, (state))

/* Applies action to statement id as w on dbt_db with params; fills
 * *out. */
static int
act_with(enum who w, int64_t id, const char *action, const char *expect,
    const char *comment, const struct db_param *params, size_t nparams,
    struct wf_outcome *out)
{
	struct wf_actor a = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &doc_scope);
	struct wf_request rq = { action, expect, comment, params, nparams };

	return wf_apply(&a, &doc_flow, id, &s, &rq, out);
}

#define act(w, id, action, expect, comment, out) \
	act_with((w), (id), (action), (expect), (comment), NULL, 0, (out))

/* Pays statement id as w with a reference and a date. */
static int
pay(enum who w, int64_t id, struct wf_outcome *out)
{
	struct db_param p[] = { P_TEXT("ICBC-20261130-0042"),
	    P_TEXT("2026-11-30") };

	return act_with(w, id, "pay", "approved", NULL, p, 2, out);
}

static const char *
state_of(int64_t id)
{
	static char state[WF_STATE_SIZE];
	struct dbres *res;

	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	snprintf(state, sizeof(state), "%s", dbres_text(res, 0, 0));
	dbres_free(res);
	return state;
}

static size_t
count_of(int stmt, int64_t id)
{
	struct dbres *res;
	size_t n;
	char idt[24];

	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, stmt, DB_ARGS(stmt ==
	    STMT_AUDIT ? P_TEXT(idt) : P_INT(id)), &res), 0);
	n = dbres_rows(res);
	dbres_free(res);
	return n;
}

#define moves_of(id) count_of(STMT_MOVES, (id))
#define audits_of(id) count_of(STMT_AUDIT, (id))

/* Nothing was written: the state is still state, no history, no audit. */
#define ASSERT_UNTOUCHED(id, state) do { \
	ck_assert_str_eq(state_of(id), (state)); \
	ck_assert_uint_eq(moves_of(id), 0); \
	ck_assert_uint_eq(audits_of(id), 0); \
} while (0)

/* ---- the race ---- */

static char hooks[64];

static void
hook_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", hooks, name);
}

/* A hooks folder of this test's own (the stack's workers are not held),
 * with DIR/hold-workflow-locked in place: the first to lock a row in
 * wf_apply or wf_lock waits there until release(). */
static void
hold_after_lock(char *hold, char *held)
{
	int fd;

	snprintf(hooks, sizeof(hooks), "/tmp/workflow-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(hooks));
	ck_assert_int_eq(tc_hook_set_dir(hooks), 0);
	ck_assert_msg(tc_hook_dir() != NULL, "forcing the race needs the hold "
	    "point: build with ./configure --enable-test-hooks (./dev does)");
	hook_path(hold, PATH_MAX, "hold-workflow-locked");
	hook_path(held, PATH_MAX, "held-workflow-locked");
	fd = open(hold, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

/* Runs action (expecting the page to show expect) as w in a child
 * process on a connection of its own; the child writes its connection id
 * to fd (if >= 0) and exits with -rc. */
static pid_t
racer(enum who w, int64_t id, const char *action, const char *expect,
    int fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct db *db = dbt_connect();
		struct wf_actor a = as(w, db);
		struct scope s = scope_person(&cast[w], &doc_scope);
		struct wf_request rq = { .action = action, .expect = expect };
		struct wf_outcome out;
		unsigned long cid = dbt_connection_id(db);
		int rc;

		if (fd >= 0 && write(fd, &cid, sizeof(cid)) != sizeof(cid))
			_exit(100);
		rc = wf_apply(&a, &doc_flow, id, &s, &rq, &out);
		db_close(db);
		_exit(-rc);
	}
	return pid;
}

/* Whether connection cid has been executing its read of wft_stmts for
 * at least 300 ms, within ms: only a wait for a row lock takes that
 * long.  Without the lock it would have read at once and be sleeping in
 * the hold point, or done, instead. */
static bool
waits_for_lock(unsigned long cid, long ms)
{
	const struct timespec tick = { 0, 20 * 1000 * 1000 };

	for (long t = 0; t < ms; t += 20) {
		struct dbres *res;
		bool waiting = false;

		ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_THREAD,
		    DB_ARGS(P_INT((int64_t)cid)), &res), 0);
		if (dbres_rows(res) == 1)
			waiting = strcmp(dbres_text(res, 0, 0), "Execute") == 0 &&
			    atof(dbres_text(res, 0, 1)) >= 300 &&
			    strstr(dbres_text(res, 0, 2), "wft_stmts") != NULL;
		dbres_free(res);
		if (waiting)
			return true;
		nanosleep(&tick, NULL);
	}
	return false;
}

START_TEST(race_one_wins_the_other_waits_for_the_lock_and_is_too_late)
{
	int64_t id = new_doc("pending");
	char hold[PATH_MAX], held[PATH_MAX];
	unsigned long cid_b = 0;
	int fds[2];
	pid_t a, b;
	int code_a, code_b;
	bool a_held, b_waited;
	struct dbres *res;

	hold_after_lock(hold, held);
	ck_assert_int_eq(pipe(fds), 0);
	a = racer(REV, id, "review", "pending", -1);
	a_held = dbt_appears(held, 10000);      /* A holds the row lock */
	b = a_held ? racer(REV2, id, "review", "pending", fds[1]) : -1;
	b_waited = false;
	if (b > 0 && read(fds[0], &cid_b, sizeof(cid_b)) == sizeof(cid_b))
		b_waited = waits_for_lock(cid_b, 10000);
	unlink(hold);                       /* let A go on */
	code_a = dbt_exit_code(a);
	code_b = b > 0 ? dbt_exit_code(b) : -1;
	close(fds[0]);
	close(fds[1]);
	rmdir(hooks);
	ck_assert_msg(a_held, "the first attempt never reached the hold "
	    "point after the row lock");
	ck_assert_msg(b_waited, "the second attempt did not wait for the "
	    "first one's row lock (is the SELECT ... FOR UPDATE gone?)");
	ck_assert_msg(code_a == 0, "the first attempt ended with %d, not 0",
	    -code_a);
	ck_assert_msg(code_b == -TC_ECONFLICT, "the second attempt ended with "
	    "%d, not TC_ECONFLICT", -code_b);

	/* One move, by the winner; one history row; one audit row. */
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "reviewed");
	ck_assert_int_eq(dbres_int(res, 0, 1), cast[REV].id);
	dbres_free(res);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	ck_assert_str_eq(dbres_text(res, 0, 0), "pending");
	ck_assert_str_eq(dbres_text(res, 0, 1), "reviewed");
	ck_assert_int_eq(dbres_int(res, 0, 2), cast[REV].id);
	dbres_free(res);
	ck_assert_uint_eq(audits_of(id), 1);
}
END_TEST

START_TEST(an_edit_holding_the_lock_makes_a_move_wait_and_the_move_sees_it)
{
	int64_t id = new_doc("draft");
	struct scope s = scope_person(&cast[PREP], &doc_scope);
	struct wf_row *row = (struct wf_row *)1;
	unsigned long cid = 0;
	bool waited;
	int fds[2], code;
	pid_t b;

	/* Outside a transaction a lock would end at once: refused. */
	ck_assert_int_eq(wf_lock(dbt_db, &doc_flow, id, &s, &row),
	    TC_EINVAL);
	ck_assert_ptr_null(row);

	/* The preparer edits the draft: lock, check, write, commit. */
	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(wf_lock(dbt_db, &doc_flow, id, &s, &row), 0);
	ck_assert_str_eq(wf_row_state(row), "draft");
	ck_assert_int_eq(wf_row_int(row, "prepared_by"), cast[PREP].id);
	wf_row_free(row);
	ck_assert_int_eq(pipe(fds), 0);
	b = racer(SUB, id, "submit", "draft", fds[1]);
	waited = read(fds[0], &cid, sizeof(cid)) == sizeof(cid) &&
	    waits_for_lock(cid, 10000);
	ck_assert_int_eq(db_exec(dbt_db, &wft_db, STMT_EDIT,
	    DB_ARGS(P_TEXT("edited"), P_INT(id)), NULL, NULL), 0);
	ck_assert_int_eq(db_commit(dbt_db), 0);
	code = dbt_exit_code(b);
	close(fds[0]);
	close(fds[1]);
	ck_assert_msg(waited, "the submit did not wait for the edit's lock");
	ck_assert_msg(code == 0, "the submit ended with %d", -code);
	ck_assert_str_eq(state_of(id), "pending");
	ck_assert_uint_eq(moves_of(id), 1);
}
END_TEST

/* ---- one connection ---- */

START_TEST(the_whole_path_writes_history_audit_and_the_declared_columns)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;
	struct dbres *res;

	ck_assert_int_eq(act(SUB, id, "submit", "draft", NULL, &o), 0);
	ck_assert_str_eq(o.from, "draft");
	ck_assert_str_eq(o.to, "pending");
	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
	ck_assert_int_eq(act(BOSS, id, "approve", NULL, NULL, &o), 0);
	ck_assert_int_eq(pay(FIN2, id, &o), 0);
	ck_assert_str_eq(o.to, "paid");

	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "paid");
	ck_assert_int_eq(dbres_int(res, 0, 1), cast[REV].id);
	ck_assert_int_eq(dbres_int(res, 0, 2), 1);      /* reviewed_at */
	ck_assert_int_eq(dbres_int(res, 0, 4), 3);      /* the effect */
	ck_assert_int_eq(dbres_int(res, 0, 5), cast[SUB].id);
	ck_assert_str_eq(dbres_text(res, 0, 6), "ICBC-20261130-0042");
	ck_assert_str_eq(dbres_text(res, 0, 7), "2026-11-30");
	dbres_free(res);

	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 4);
	{
		static const char *const want[4][3] = {
			{ "draft", "pending", "submit" },
			{ "pending", "reviewed", "review" },
			{ "reviewed", "approved", "approve" },
			{ "approved", "paid", "pay" },
		};
		static const enum who by[4] = { SUB, REV, BOSS, FIN2 };

		for (size_t i = 0; i < 4; i++) {
			ck_assert_str_eq(dbres_text(res, i, 0), want[i][0]);
			ck_assert_str_eq(dbres_text(res, i, 1), want[i][1]);
			ck_assert_int_eq(dbres_int(res, i, 2), cast[by[i]].id);
			ck_assert_str_eq(dbres_text(res, i, 3), want[i][2]);
		}
	}
	dbres_free(res);
	{
		char idt[24];

		snprintf(idt, sizeof(idt), "%lld", (long long)id);
		ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_AUDIT,
		    DB_ARGS(P_TEXT(idt)), &res), 0);
	}
	ck_assert_uint_eq(dbres_rows(res), 4);
	ck_assert_str_eq(dbres_text(res, 0, 0), "wft_stmt_submit");
	ck_assert_str_eq(dbres_text(res, 0, 1), cast[SUB].login);
	ck_assert_str_eq(dbres_text(res, 0, 2), "draft -> pending");
	ck_assert_str_eq(dbres_text(res, 3, 0), "wft_stmt_pay");
	ck_assert_str_eq(dbres_text(res, 3, 1), cast[FIN2].login);
	dbres_free(res);
}
END_TEST

START_TEST(preparer_submitter_and_owner_are_refused_each_with_a_reason)
{
	int64_t id = new_doc("pending");
	int64_t rv = new_doc("reviewed");
	struct wf_outcome o;

	/* Each of them a reviewer too: still not the one to review it. */
	cast[PREP].roles |= ROLE_REVIEWER;
	cast[SUB].roles |= ROLE_REVIEWER;
	cast[REP].roles |= ROLE_REVIEWER;
	ck_assert_int_eq(act(PREP, id, "review", "pending", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_preparer");
	ck_assert_int_eq(act(SUB, id, "review", "pending", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_submitter");
	ck_assert_int_eq(act(REP, id, "review", "pending", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_own");
	/* nor reject it */
	ck_assert_int_eq(act(SUB, id, "reject", "pending", "no", &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_submitter");
	ASSERT_UNTOUCHED(id, "pending");

	/* and in management, not the one to approve it */
	cast[PREP].roles |= ROLE_MANAGEMENT;
	ck_assert_int_eq(act(PREP, rv, "approve", "reviewed", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_preparer");
	ASSERT_UNTOUCHED(rv, "reviewed");

	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
	ck_assert_int_eq(act(BOSS, rv, "approve", "reviewed", NULL, &o), 0);
}
END_TEST

START_TEST(ones_own_record_is_refused_by_the_guard)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;

	/* The rep joined finance: still not the one to submit their own. */
	cast[REP].roles |= ROLE_FINANCE;
	ck_assert_int_eq(act(REP, id, "submit", NULL, NULL, &o), TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_own");
	ASSERT_UNTOUCHED(id, "draft");
}
END_TEST

START_TEST(a_recall_is_the_submitters_alone)
{
	int64_t id = new_doc("pending");
	struct wf_outcome o;

	ck_assert_int_eq(act(FIN2, id, "recall", "pending", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "test_err_not_submitter");
	ASSERT_UNTOUCHED(id, "pending");
	ck_assert_int_eq(act(SUB, id, "recall", "pending", NULL, &o), 0);
	ck_assert_str_eq(state_of(id), "draft");
}
END_TEST

START_TEST(a_role_without_the_action_is_refused)
{
	int64_t id = new_doc("reviewed");
	struct wf_outcome o;

	ck_assert_int_eq(act(REV, id, "approve", "reviewed", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "wf_err_role");
	ASSERT_UNTOUCHED(id, "reviewed");
	/* reject exists for reviewers too, but not from reviewed */
	ck_assert_int_eq(act(REV, id, "reject", NULL, "no", &o), TC_EDENIED);
	ASSERT_UNTOUCHED(id, "reviewed");
}
END_TEST

START_TEST(a_wrong_from_state_is_too_late)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;

	ck_assert_int_eq(act(BOSS, id, "approve", NULL, NULL, &o),
	    TC_ECONFLICT);
	ck_assert_str_eq(o.from, "draft");
	ASSERT_UNTOUCHED(id, "draft");
}
END_TEST

START_TEST(a_page_showing_another_state_is_too_late)
{
	int64_t id = new_doc("pending");
	struct wf_outcome o;

	/* The reviewer's page still showed draft: reject exists from
	 * pending, but the person decided on what they saw. */
	ck_assert_int_eq(act(REV, id, "reject", "draft", "typo", &o),
	    TC_ECONFLICT);
	ck_assert_str_eq(o.from, "pending");
	ASSERT_UNTOUCHED(id, "pending");
}
END_TEST

START_TEST(reject_needs_a_reason_and_keeps_it_from_either_level)
{
	int64_t id = new_doc("pending"), rv = new_doc("reviewed");
	struct wf_outcome o;
	struct dbres *res;

	ck_assert_int_eq(act(REV, id, "reject", "pending", "", &o),
	    TC_EINVAL);
	ck_assert_str_eq(o.msg, "test_reason_needed");
	ASSERT_UNTOUCHED(id, "pending");
	ck_assert_int_eq(act(REV, id, "reject", "pending", "金额有误", &o), 0);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "draft");
	ck_assert_str_eq(dbres_text(res, 0, 3), "金额有误");
	dbres_free(res);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	ck_assert_str_eq(dbres_text(res, 0, 3), "reject");
	ck_assert_str_eq(dbres_text(res, 0, 4), "金额有误");
	dbres_free(res);

	/* management rejects a reviewed one the same way */
	ck_assert_int_eq(act(BOSS, rv, "reject", "reviewed", NULL, &o),
	    TC_EINVAL);
	ASSERT_UNTOUCHED(rv, "reviewed");
	ck_assert_int_eq(act(BOSS, rv, "reject", "reviewed", "缺少签字", &o),
	    0);
	ck_assert_str_eq(state_of(rv), "draft");
	ck_assert_uint_eq(audits_of(rv), 1);
}
END_TEST

START_TEST(a_payment_needs_its_reference_and_date)
{
	int64_t id = new_doc("approved");
	struct db_param one[] = { P_TEXT("ICBC-1") };
	struct wf_outcome o;

	ck_assert_int_eq(act(FIN2, id, "pay", "approved", NULL, &o),
	    TC_EINVAL);
	ASSERT_UNTOUCHED(id, "approved");
	ck_assert_int_eq(act_with(FIN2, id, "pay", "approved", NULL, one, 1,
	    &o), TC_EINVAL);
	ASSERT_UNTOUCHED(id, "approved");
	ck_assert_int_eq(pay(FIN2, id, &o), 0);
	ck_assert_str_eq(state_of(id), "paid");
}
END_TEST

START_TEST(a_remark_keeps_the_state_and_is_recorded)
{
	int64_t id = new_doc("pending");
	struct wf_outcome o;
	struct dbres *res;

	ck_assert_int_eq(act(FIN2, id, "remark", "pending", NULL, &o),
	    TC_EINVAL);
	ck_assert_str_eq(o.msg, "test_remark_needed");
	ASSERT_UNTOUCHED(id, "pending");
	/* the UPDATE changes nothing: still a move, recorded, not a
	 * conflict */
	ck_assert_int_eq(act(FIN2, id, "remark", "pending", "请核对11月", &o),
	    0);
	ck_assert_str_eq(o.to, "pending");
	ck_assert_int_eq(act(REV, id, "remark", "pending", "已核对", &o), 0);
	ck_assert_str_eq(state_of(id), "pending");
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 2);
	ck_assert_str_eq(dbres_text(res, 0, 0), "pending");
	ck_assert_str_eq(dbres_text(res, 0, 1), "pending");
	ck_assert_str_eq(dbres_text(res, 0, 4), "请核对11月");
	ck_assert_int_eq(dbres_int(res, 1, 2), cast[REV].id);
	dbres_free(res);
	ck_assert_uint_eq(audits_of(id), 2);
	/* and the record goes on from where it was */
	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
}
END_TEST

START_TEST(another_persons_record_is_not_found)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;
	struct scope s;
	struct wf_row *row = (struct wf_row *)1;

	/* A second rep sees only their own. */
	cast[FIN2].roles = ROLE_SALES;
	ck_assert_int_eq(act(FIN2, id, "submit", NULL, NULL, &o),
	    TC_ENOTFOUND);
	ASSERT_UNTOUCHED(id, "draft");
	s = scope_person(&cast[FIN2], &doc_scope);
	ck_assert_int_eq(wf_load(dbt_db, &doc_flow, id, &s, &row),
	    TC_ENOTFOUND);
	ck_assert_ptr_null(row);
}
END_TEST

START_TEST(an_unknown_action_is_refused)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;

	ck_assert_int_eq(act(PREP, id, "shred", NULL, NULL, &o), TC_EINVAL);
	ck_assert_str_eq(o.msg, "wf_err_action");
	ASSERT_UNTOUCHED(id, "draft");
}
END_TEST

START_TEST(a_failing_effect_undoes_the_move)
{
	int64_t id = new_doc("approved");
	struct wf_outcome o;

	pay_lines = -1;
	ck_assert_int_eq(pay(FIN2, id, &o), TC_EDB);
	ASSERT_UNTOUCHED(id, "approved");
	{
		struct dbres *res;

		ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
		    DB_ARGS(P_INT(id)), &res), 0);
		ck_assert_str_eq(dbres_text(res, 0, 6), "-");   /* paid_ref */
		dbres_free(res);
	}
}
END_TEST

START_TEST(a_move_inside_the_callers_transaction_is_theirs_to_end)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;

	/* A module function (or a seeder) moving records in a transaction
	 * of its own: the move stays open until the caller ends it. */
	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(act(SUB, id, "submit", "draft", NULL, &o), 0);
	ck_assert(db_in_transaction(dbt_db));
	ck_assert_int_eq(db_rollback(dbt_db), 0);
	ASSERT_UNTOUCHED(id, "draft");

	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(act(SUB, id, "submit", "draft", NULL, &o), 0);
	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
	ck_assert_int_eq(db_commit(dbt_db), 0);
	ck_assert_str_eq(state_of(id), "reviewed");
	ck_assert_uint_eq(moves_of(id), 2);
	ck_assert_uint_eq(audits_of(id), 2);
}
END_TEST

START_TEST(a_creation_is_recorded_from_nothing)
{
	int64_t id = new_doc("draft");
	struct wf_actor a = as(PREP, dbt_db);
	struct wf_actor nobody = { dbt_db, NULL, { "-", "127.0.0.1" } };
	struct dbres *res;

	ck_assert_int_eq(wf_created(&nobody, &doc_flow, id, "draft"),
	    TC_EDENIED);
	ASSERT_UNTOUCHED(id, "draft");
	ck_assert_int_eq(wf_created(&a, &doc_flow, id, "draft"), 0);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	ck_assert_str_eq(dbres_text(res, 0, 0), "-");
	ck_assert_str_eq(dbres_text(res, 0, 1), "draft");
	ck_assert_str_eq(dbres_text(res, 0, 3), "create");
	dbres_free(res);
	ck_assert_uint_eq(audits_of(id), 1);
}
END_TEST

/* Reviews statement id (pending) as REV and checks that the history row
 * and the declared column reviewed_at both say want. */
static void
review_is_dated(int64_t id, const char *want)
{
	struct wf_outcome out;
	struct dbres *res;

	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &out), 0);
	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVED_AT,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 1);
	ck_assert_str_eq(dbres_text_col(res, 0, "moved_at"), want);
	ck_assert_str_eq(dbres_text_col(res, 0, "reviewed_at"), want);
	dbres_free(res);
}

START_TEST(a_move_under_a_held_clock_is_dated_at_its_moment)
{
	int64_t id = new_doc("pending");

	/* the demo's story: 10:30 on 15 March 2026, Beijing time; the
	 * database session's clock is not touched */
	tc_clock_hold(tc_instant(20260315, 10, 30, 0));
	review_is_dated(id, "2026-03-15 10:30:00");
	tc_clock_hold(0);
	ck_assert_int_ne(tc_today(), 20260315);
}
END_TEST

#ifdef TC_TEST_HOOKS
static void
write_clock(const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	ck_assert_ptr_nonnull(tc_hook_dir());
	snprintf(path, sizeof(path), "%s/clock", tc_hook_dir());
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void
remove_clock(void)
{
	char path[PATH_MAX];

	if (tc_hook_dir() == NULL)
		return;
	snprintf(path, sizeof(path), "%s/clock", tc_hook_dir());
	unlink(path);
}

START_TEST(a_move_at_two_in_the_night_lands_on_the_beijing_date)
{
	int64_t id = new_doc("pending");

	/* 18:00 UTC on 1 December is 02:00 on 2 December in Beijing.  The
	 * session is left on the server's clock (no db_sync_clock): the
	 * move's time comes from core/clock, as "today" does. */
	write_clock("2026-12-01T18:00:00Z");
	ck_assert_int_eq(tc_today(), 20261202);
	review_is_dated(id, "2026-12-02 02:00:00");
	remove_clock();
}
END_TEST
#endif

/* The actions a person may take now, as buttons: "a,b" in table order. */
static const char *
buttons(enum who w, int64_t id)
{
	static char out[128];
	const struct wf_transition *t[8];
	struct wf_actor a = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &doc_scope);
	struct wf_row *row;
	size_t n, k = 0;

	if (wf_load(a.db, &doc_flow, id, &s, &row) != 0)
		return "(not found)";
	n = wf_actions(&a, row, t, 8);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s",
		    i ? "," : "", t[i]->action);
		ck_assert(wf_may(&a, row, t[i]->action));
	}
	wf_row_free(row);
	return out;
}

#define ASSERT_BUTTONS(w, id, want) do { \
	const char *got_ = buttons((w), (id)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "%s: expected buttons " \
	    "\"%s\", got \"%s\"", who_name[w], (want), got_); \
} while (0)

START_TEST(each_person_sees_only_the_buttons_they_may_press)
{
	int64_t draft = new_doc("draft"), pending = new_doc("pending");
	int64_t reviewed = new_doc("reviewed"), paid = new_doc("paid");

	ASSERT_BUTTONS(REP, draft, "");
	ASSERT_BUTTONS(PREP, draft, "submit");
	ASSERT_BUTTONS(SUB, pending, "recall,remark");  /* submitted it */
	ASSERT_BUTTONS(FIN2, pending, "remark");
	ASSERT_BUTTONS(REV, pending, "review,reject,remark");
	ASSERT_BUTTONS(REV, reviewed, "");
	ASSERT_BUTTONS(BOSS, reviewed, "approve,reject");
	ASSERT_BUTTONS(BOSS, paid, "");
	ASSERT_BUTTONS(FIN2, paid, "");
}
END_TEST

/* Another workflow on the same records, one of whose moves leaves any
 * state: archiving, for finance. */
static const struct wf_transition archive_moves[] = {
	{ .action = "archive", .from = NULL, .to = "archived",
	    .roles = ROLE_FINANCE },
};
static const struct wf_def archive_flow = {
	.name = "wft_stmt",
	.table = "wft_stmts",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { NULL },
	.history = DOC_HISTORY,
	.transitions = archive_moves,
	.ntransitions = 1,
	.stmts = WF_STATEMENTS,
};

/* Everyone sees their team's (the cast is a team of its own), so that
 * the counts are of this test's records only. */
static const struct scope_rule team_scope = {
	"test.team", 0, ROLES_ALL, 0
};

static int64_t
waiting(enum who w, const struct wf_def *def)
{
	struct wf_actor a = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &team_scope);
	int64_t n = -1;

	ck_assert_int_eq(s.kind, SCOPE_TEAM);
	ck_assert_int_eq(wf_waiting(&a, def, &s, &n), 0);
	return n;
}

START_TEST(what_waits_for_each_person_is_counted_with_the_same_checks)
{
	struct wf_actor nobody = { dbt_db, NULL, { "-", "127.0.0.1" } };
	struct scope none = scope_person(NULL, &team_scope);
	int64_t n = -1;

	new_doc("draft");
	new_doc("pending");
	new_doc("reviewed");
	new_doc_of(BOSS, "reviewed");   /* the boss's own: not for him */
	new_doc("approved");
	new_doc("paid");

	ck_assert_int_eq(waiting(REP, &doc_flow), 0);
	/* the draft (submit), the pending one (recall, remark), the
	 * approved one (pay) */
	ck_assert_int_eq(waiting(SUB, &doc_flow), 3);
	/* the draft, the pending one (review and more), the approved one */
	ck_assert_int_eq(waiting(REV, &doc_flow), 3);
	/* the rep's reviewed one, not his own */
	ck_assert_int_eq(waiting(BOSS, &doc_flow), 1);
	cast[PREP].roles = ROLE_REVIEWER;      /* prepared them all */
	ck_assert_int_eq(waiting(PREP, &doc_flow), 0);
	/* a move from any state: every record not archived yet */
	ck_assert_int_eq(waiting(SUB, &archive_flow), 6);
	ck_assert_int_eq(waiting(BOSS, &archive_flow), 0);
	ck_assert_int_eq(wf_waiting(&nobody, &doc_flow, &none, &n), 0);
	ck_assert_int_eq(n, 0);
}
END_TEST

/* Declarations naming something that is not a plain identifier, or a
 * guard without its refusal, are refused before any SQL is sent. */
static const struct wf_transition one_move[] = {
	{ .action = "go", .from = "a", .to = "b", .roles = ROLE_FINANCE },
};
static const struct wf_def bad_flow = {
	.name = "wft_bad",
	.table = "wft_stmts; DROP TABLE wft_stmts",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { NULL },
	.history = DOC_HISTORY,
	.transitions = one_move,
	.ntransitions = 1,
	.stmts = WF_STATEMENTS,
};
static const struct wf_guard mute_guard[] = {
	{ wf_not_actor, "owner_id", NULL }, WF_END
};
static const struct wf_transition mute_move[] = {
	{ .action = "go", .from = "draft", .to = "pending",
	    .roles = ROLE_FINANCE, .guards = mute_guard },
};
static const struct wf_def mute_flow = {
	.name = "wft_mute",
	.table = "wft_stmts",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { "owner_id", NULL },
	.history = DOC_HISTORY,
	.transitions = mute_move,
	.ntransitions = 1,
	.stmts = WF_STATEMENTS,
};

START_TEST(a_bad_declaration_is_refused)
{
	int64_t id = new_doc("draft");
	struct wf_actor a = as(PREP, dbt_db);
	struct scope s = scope_person(&cast[PREP], &doc_scope);
	struct wf_request rq = { .action = "go" };
	struct wf_outcome o;
	int64_t n = -1;

	ck_assert_int_eq(wf_apply(&a, &bad_flow, id, &s, &rq, &o), TC_EINVAL);
	ck_assert_int_eq(wf_apply(&a, &bad_flow, id, &s, &rq, &o), TC_EINVAL);
	ck_assert_int_eq(wf_waiting(&a, &bad_flow, &s, &n), TC_EINVAL);
	ck_assert_int_eq(wf_apply(&a, &mute_flow, id, &s, &rq, &o),
	    TC_EINVAL);
	ASSERT_UNTOUCHED(id, "draft");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("workflow");
	TCase *tc = tcase_create("workflow");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
#ifdef TC_TEST_HOOKS
	tcase_add_checked_fixture(tc, NULL, remove_clock);
#endif
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	    race_one_wins_the_other_waits_for_the_lock_and_is_too_late);
	tcase_add_test(tc,
	    an_edit_holding_the_lock_makes_a_move_wait_and_the_move_sees_it);
	tcase_add_test(tc,
	    the_whole_path_writes_history_audit_and_the_declared_columns);
	tcase_add_test(tc,
	    preparer_submitter_and_owner_are_refused_each_with_a_reason);
	tcase_add_test(tc, ones_own_record_is_refused_by_the_guard);
	tcase_add_test(tc, a_recall_is_the_submitters_alone);
	tcase_add_test(tc, a_role_without_the_action_is_refused);
	tcase_add_test(tc, a_wrong_from_state_is_too_late);
	tcase_add_test(tc, a_page_showing_another_state_is_too_late);
	tcase_add_test(tc,
	    reject_needs_a_reason_and_keeps_it_from_either_level);
	tcase_add_test(tc, a_payment_needs_its_reference_and_date);
	tcase_add_test(tc, a_remark_keeps_the_state_and_is_recorded);
	tcase_add_test(tc, another_persons_record_is_not_found);
	tcase_add_test(tc, an_unknown_action_is_refused);
	tcase_add_test(tc, a_failing_effect_undoes_the_move);
	tcase_add_test(tc,
	    a_move_inside_the_callers_transaction_is_theirs_to_end);
	tcase_add_test(tc, a_creation_is_recorded_from_nothing);
	tcase_add_test(tc, a_move_under_a_held_clock_is_dated_at_its_moment);
#ifdef TC_TEST_HOOKS
	tcase_add_test(tc, a_move_at_two_in_the_night_lands_on_the_beijing_date);
#endif
	tcase_add_test(tc, each_person_sees_only_the_buttons_they_may_press);
	tcase_add_test(tc,
	    what_waits_for_each_person_is_counted_with_the_same_checks);
	tcase_add_test(tc, a_bad_declaration_is_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
