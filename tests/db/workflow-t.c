/* workflow-t: core/workflow against MariaDB, on a statement-like record
 * with five states (draft, pending, reviewed, approved, paid) and
 * rejection back to draft with a reason: two connections racing one
 * transition (forced with the hold point after the row lock: the second
 * must wait for the lock, then be told it is too late, and nothing is
 * written twice); guards (no self-approval, not one's own record), roles
 * and a wrong or stale state refused with nothing written; the buttons a
 * person may press; a transition's effect in the same transaction.
 *
 * The test keeps its records in two tables of its own (wft_docs,
 * wft_doc_moves), created when missing; every test makes its own rows
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

#include "core/db.h"
#include "core/error.h"
#include "core/scope.h"
#include "core/testhook.h"
#include "core/workflow.h"
#include "tests/db/harness.h"

#define CREATE_DOCS "CREATE TABLE IF NOT EXISTS wft_docs (" \
	" id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY," \
	" owner_id INT UNSIGNED NOT NULL," \
	" prepared_by INT UNSIGNED NULL," \
	" state VARCHAR(16) NOT NULL DEFAULT 'draft'," \
	" reviewed_by INT UNSIGNED NULL," \
	" reviewed_at DATETIME NULL," \
	" reject_reason VARCHAR(255) NOT NULL DEFAULT ''," \
	" paid_lines INT NOT NULL DEFAULT 0" \
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
#define CREATE_MOVES "CREATE TABLE IF NOT EXISTS wft_doc_moves (" \
	" id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY," \
	" doc_id INT UNSIGNED NOT NULL," \
	" from_state VARCHAR(16) NULL," \
	" to_state VARCHAR(16) NOT NULL," \
	" moved_at DATETIME NOT NULL," \
	" moved_by INT UNSIGNED NOT NULL," \
	" action VARCHAR(32) NOT NULL," \
	" comment VARCHAR(255) NOT NULL," \
	" KEY wft_doc_moves_doc (doc_id)" \
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

/* The people: a rep whose statement it is, two in finance (one
 * prepares), two reviewers, management. */
enum who { REP, PREP, FIN2, REV, REV2, BOSS, WHO__MAX };

static const char *const who_name[WHO__MAX] = {
	"rep", "prep", "fin2", "rev", "rev2", "boss"
};
static const unsigned who_roles[WHO__MAX] = {
	ROLE_SALES, ROLE_FINANCE, ROLE_FINANCE, ROLE_FINANCE | ROLE_REVIEWER,
	ROLE_FINANCE | ROLE_REVIEWER, ROLE_MANAGEMENT
};

static struct person cast[WHO__MAX];
static char prefix[40];

enum stmt {
	STMT_PERSON, STMT_DOC, STMT_DOC_GET, STMT_MOVES, STMT_AUDIT,
	STMT_PAY_LINES, STMT_THREAD, STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_PERSON] = "INSERT INTO people (login, dn, name, department,"
	    " team) VALUES (?, ?, ?, '', '')",
	[STMT_DOC] = "INSERT INTO wft_docs (owner_id, prepared_by, state)"
	    " VALUES (?, ?, ?)",
	[STMT_DOC_GET] = "SELECT state, reviewed_by, reviewed_at IS NOT NULL,"
	    " reject_reason, paid_lines, prepared_by FROM wft_docs WHERE id = ?",
	[STMT_MOVES] = "SELECT COALESCE(from_state, '-'), to_state, moved_by,"
	    " action, comment FROM wft_doc_moves WHERE doc_id = ? ORDER BY id",
	[STMT_AUDIT] = "SELECT action, actor, detail FROM audit WHERE"
	    " entity = 'wft_doc' AND entity_id = ? ORDER BY id",
	[STMT_PAY_LINES] = "UPDATE wft_docs SET paid_lines = paid_lines + ?"
	    " WHERE id = ?",
	[STMT_THREAD] = "SELECT COMMAND, COALESCE(TIME_MS, 0),"
	    " COALESCE(INFO, '') FROM information_schema.PROCESSLIST"
	    " WHERE ID = ?",
};

static struct db_table wft_db = DB_TABLE("workflow-t", sql);

/* ---- the workflow under test, as a module would declare it ---- */

static int pay_effect(struct req *r, const struct wf_row *row,
    const char *comment);

static const struct wf_set submit_sets[] = {
	{ "prepared_by", WF_ACTOR }, { NULL, 0 }
};
static const struct wf_set review_sets[] = {
	{ "reviewed_by", WF_ACTOR }, { "reviewed_at", WF_NOW }, { NULL, 0 }
};
static const struct wf_set reject_sets[] = {
	{ "reject_reason", WF_COMMENT }, { NULL, 0 }
};

static const struct wf_transition doc_moves[] = {
	{ "submit", "draft", "pending", ROLE_FINANCE, wf_not_actor,
	    "owner_id", "wf_err_not_own", NULL, submit_sets, NULL },
	{ "review", "pending", "reviewed", ROLE_REVIEWER, wf_not_actor,
	    "prepared_by", "wf_err_not_own", NULL, review_sets, NULL },
	{ "reject", "pending", "draft", ROLE_REVIEWER, NULL, NULL, NULL,
	    "test_reason_needed", reject_sets, NULL },
	{ "approve", "reviewed", "approved", ROLE_MANAGEMENT, wf_not_actor,
	    "prepared_by", "wf_err_not_own", NULL, NULL, NULL },
	{ "reject", "reviewed", "draft", ROLE_MANAGEMENT, NULL, NULL, NULL,
	    "test_reason_needed", reject_sets, NULL },
	{ "pay", "approved", "paid", ROLE_FINANCE, NULL, NULL, NULL, NULL,
	    NULL, pay_effect },
};

static const struct wf_def doc_flow = {
	.name = "wft_doc",
	.audit_action = NULL,
	.table = "wft_docs",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { "owner_id", "prepared_by", NULL },
	.sets = NULL,
	.history = { "wft_doc_moves", "doc_id", "from_state", "to_state",
	    "moved_at", "moved_by", "action", "comment" },
	.transitions = doc_moves,
	.ntransitions = sizeof(doc_moves) / sizeof(doc_moves[0]),
	.stmts = WF_STATEMENTS,
};

/* Who sees the records: the rep their own, finance and management all. */
static const struct scope_rule doc_scope = {
	"test.docs", ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT, 0,
	ROLE_SALES
};

/* Paying marks lines paid; a payment of the test's "broken" amount
 * fails, which must undo the whole move. */
static int pay_lines = 3;

static int
pay_effect(struct req *r, const struct wf_row *row, const char *comment)
{
	(void)comment;
	if (pay_lines < 0)
		return TC_EDB;
	return db_exec(r->app->db, &wft_db, STMT_PAY_LINES,
	    DB_ARGS(P_INT(pay_lines), P_INT(wf_row_id(row))), NULL, NULL);
}

/* ---- the cast and their requests ---- */

static struct app app;

/* A request signed in as w on connection db. */
static struct req
as(enum who w, struct db *db)
{
	struct req r;

	memset(&r, 0, sizeof(r));
	app.db = db;
	r.app = &app;
	r.remote = "127.0.0.1";
	r.signed_in = true;
	r.me = cast[w];
	return r;
}

static void
setup(void)
{
	dbt_setup();
	dbt_sql(dbt_db, CREATE_DOCS);
	dbt_sql(dbt_db, CREATE_MOVES);
	dbt_unique(prefix, sizeof(prefix), "wft");
	for (int w = 0; w < WHO__MAX; w++) {
		struct person *p = &cast[w];
		char dn[160];
		uint64_t id = 0;

		memset(p, 0, sizeof(*p));
		snprintf(p->login, sizeof(p->login), "%s-%s", prefix,
		    who_name[w]);
		snprintf(p->name, sizeof(p->name), "%s", who_name[w]);
		snprintf(dn, sizeof(dn), "uid=%s,ou=people,dc=example,dc=com",
		    p->login);
		p->roles = who_roles[w];
		ck_assert_int_eq(db_exec(dbt_db, &wft_db, STMT_PERSON,
		    DB_ARGS(P_TEXT(p->login), P_TEXT(dn), P_TEXT(p->name)),
		    NULL, &id), 0);
		p->id = (int64_t)id;
	}
	pay_lines = 3;
}

/* A new record of the rep in state, prepared by PREP unless draft. */
static int64_t
new_doc(const char *state)
{
	uint64_t id = 0;

	ck_assert_int_eq(db_exec(dbt_db, &wft_db, STMT_DOC,
	    DB_ARGS(P_INT(cast[REP].id), strcmp(state, "draft") == 0 ?
	    P_NULL : P_INT(cast[PREP].id), P_TEXT(state)), NULL, &id), 0);
	return (int64_t)id;
}

/* Applies action to doc id as w on dbt_db; fills *out. */
static int
act(enum who w, int64_t id, const char *action, const char *expect,
    const char *comment, struct wf_outcome *out)
{
	struct req r = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &doc_scope);
	struct wf_request rq = { action, expect, comment };

	return wf_apply(&r, &doc_flow, id, &s, &rq, out);
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

/* Runs action as w in a child process on a connection of its own; the
 * child writes its connection id to fd (if >= 0) and exits with -rc. */
static pid_t
racer(enum who w, int64_t id, int fd)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct db *db = dbt_connect();
		struct req r = as(w, db);
		struct scope s = scope_person(&cast[w], &doc_scope);
		struct wf_request rq = { "review", "pending", NULL };
		struct wf_outcome out;
		unsigned long cid = dbt_connection_id(db);
		int rc;

		if (fd >= 0 && write(fd, &cid, sizeof(cid)) != sizeof(cid))
			_exit(100);
		rc = wf_apply(&r, &doc_flow, id, &s, &rq, &out);
		db_close(db);
		_exit(-rc);
	}
	return pid;
}

/* Waits up to ms for path to exist. */
static bool
appears(const char *path, long ms)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (long t = 0; t < ms; t += 10) {
		if (access(path, F_OK) == 0)
			return true;
		nanosleep(&tick, NULL);
	}
	return access(path, F_OK) == 0;
}

/* Whether connection cid has been executing its read of wft_docs for
 * at least 300 ms, within ms: only a wait for a row lock takes that
 * long.  Without the lock it would have read at once and be sleeping in
 * the hold point instead. */
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
			    strstr(dbres_text(res, 0, 2), "wft_docs") != NULL;
		dbres_free(res);
		if (waiting)
			return true;
		nanosleep(&tick, NULL);
	}
	return false;
}

static int
exit_code(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(race_one_wins_the_other_waits_for_the_lock_and_is_too_late)
{
	int64_t id = new_doc("pending");
	char hold[PATH_MAX], held[PATH_MAX];
	unsigned long cid_b = 0;
	int fds[2], fd;
	pid_t a, b;
	int code_a, code_b;
	bool a_held, b_waited;
	struct dbres *res;

	/* A hooks folder of this test's own: the stack's workers are not
	 * held. */
	snprintf(hooks, sizeof(hooks), "/tmp/workflow-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(hooks));
	ck_assert_int_eq(tc_hook_set_dir(hooks), 0);
	ck_assert_msg(tc_hook_dir() != NULL, "forcing the race needs the hold "
	    "point: build with ./configure --enable-test-hooks (./dev does)");
	hook_path(hold, sizeof(hold), "hold-workflow-locked");
	hook_path(held, sizeof(held), "held-workflow-locked");
	fd = open(hold, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(pipe(fds), 0);

	a = racer(REV, id, -1);
	a_held = appears(held, 10000);      /* A holds the row lock */
	b = a_held ? racer(REV2, id, fds[1]) : -1;
	b_waited = false;
	if (b > 0 && read(fds[0], &cid_b, sizeof(cid_b)) == sizeof(cid_b))
		b_waited = waits_for_lock(cid_b, 10000);
	unlink(hold);                       /* let A go on */
	code_a = exit_code(a);
	code_b = b > 0 ? exit_code(b) : -1;
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

/* ---- one connection ---- */

START_TEST(the_whole_path_writes_history_audit_and_the_declared_columns)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;
	struct dbres *res;

	ck_assert_int_eq(act(PREP, id, "submit", "draft", NULL, &o), 0);
	ck_assert_str_eq(o.from, "draft");
	ck_assert_str_eq(o.to, "pending");
	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
	ck_assert_int_eq(act(BOSS, id, "approve", NULL, NULL, &o), 0);
	ck_assert_int_eq(act(FIN2, id, "pay", "approved", NULL, &o), 0);

	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_DOC_GET,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_str_eq(dbres_text(res, 0, 0), "paid");
	ck_assert_int_eq(dbres_int(res, 0, 1), cast[REV].id);
	ck_assert_int_eq(dbres_int(res, 0, 2), 1);      /* reviewed_at */
	ck_assert_int_eq(dbres_int(res, 0, 4), 3);      /* the effect */
	ck_assert_int_eq(dbres_int(res, 0, 5), cast[PREP].id);
	dbres_free(res);

	ck_assert_int_eq(db_query(dbt_db, &wft_db, STMT_MOVES,
	    DB_ARGS(P_INT(id)), &res), 0);
	ck_assert_uint_eq(dbres_rows(res), 4);
	{
		static const char *const want[4][4] = {
			{ "draft", "pending", "submit", "prep" },
			{ "pending", "reviewed", "review", "rev" },
			{ "reviewed", "approved", "approve", "boss" },
			{ "approved", "paid", "pay", "fin2" },
		};
		static const enum who by[4] = { PREP, REV, BOSS, FIN2 };

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
	ck_assert_str_eq(dbres_text(res, 0, 0), "wft_doc_submit");
	ck_assert_str_eq(dbres_text(res, 0, 1), cast[PREP].login);
	ck_assert_str_eq(dbres_text(res, 0, 2), "draft -> pending");
	ck_assert_str_eq(dbres_text(res, 3, 0), "wft_doc_pay");
	dbres_free(res);
}
END_TEST

START_TEST(self_approval_is_refused_by_the_guard)
{
	int64_t id = new_doc("pending");
	struct wf_outcome o;

	/* PREP prepared it: reviewing it needs someone else, even when
	 * PREP is a reviewer too. */
	cast[PREP].roles |= ROLE_REVIEWER;
	ck_assert_int_eq(act(PREP, id, "review", "pending", NULL, &o),
	    TC_EDENIED);
	ck_assert_str_eq(o.msg, "wf_err_not_own");
	ASSERT_UNTOUCHED(id, "pending");
	ck_assert_int_eq(act(REV, id, "review", "pending", NULL, &o), 0);
}
END_TEST

START_TEST(ones_own_record_is_refused_by_the_guard)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;

	/* The rep joined finance: still not the one to submit their own. */
	cast[REP].roles |= ROLE_FINANCE;
	ck_assert_int_eq(act(REP, id, "submit", NULL, NULL, &o), TC_EDENIED);
	ck_assert_str_eq(o.msg, "wf_err_not_own");
	ASSERT_UNTOUCHED(id, "draft");
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

START_TEST(reject_needs_a_reason_and_keeps_it)
{
	int64_t id = new_doc("pending");
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
}
END_TEST

START_TEST(another_persons_record_is_not_found)
{
	int64_t id = new_doc("draft");
	struct wf_outcome o;
	struct req r = as(REP, dbt_db);
	struct scope s;
	struct wf_row *row = (struct wf_row *)1;

	/* A second rep sees only their own. */
	cast[FIN2].roles = ROLE_SALES;
	ck_assert_int_eq(act(FIN2, id, "submit", NULL, NULL, &o),
	    TC_ENOTFOUND);
	ASSERT_UNTOUCHED(id, "draft");
	r = as(FIN2, dbt_db);
	s = scope_person(&cast[FIN2], &doc_scope);
	ck_assert_int_eq(wf_load(&r, &doc_flow, id, &s, &row), TC_ENOTFOUND);
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
	ck_assert_int_eq(act(PREP, id, "pay", NULL, NULL, &o), TC_EDB);
	ASSERT_UNTOUCHED(id, "approved");
}
END_TEST

/* The actions a person may take now, as buttons: "a,b" in table order. */
static const char *
buttons(enum who w, int64_t id)
{
	static char out[128];
	const struct wf_transition *t[8];
	struct req r = as(w, dbt_db);
	struct scope s = scope_person(&cast[w], &doc_scope);
	struct wf_row *row;
	size_t n, k = 0;

	if (wf_load(&r, &doc_flow, id, &s, &row) != 0)
		return "(not found)";
	n = wf_actions(&r, row, t, 8);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%s",
		    i ? "," : "", t[i]->action);
		ck_assert(wf_may(&r, row, t[i]->action));
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
	ASSERT_BUTTONS(PREP, pending, "");          /* prepared it */
	ASSERT_BUTTONS(REV, pending, "review,reject");
	ASSERT_BUTTONS(REV, reviewed, "");
	ASSERT_BUTTONS(BOSS, reviewed, "approve,reject");
	ASSERT_BUTTONS(BOSS, paid, "");
	ASSERT_BUTTONS(FIN2, paid, "");
}
END_TEST

/* A declaration naming something that is not a plain identifier is
 * refused before any SQL is sent. */
static const struct wf_transition one_move[] = {
	{ "go", "a", "b", ROLE_FINANCE, NULL, NULL, NULL, NULL, NULL, NULL },
};
static const struct wf_def bad_flow = {
	.name = "wft_bad",
	.table = "wft_docs; DROP TABLE wft_docs",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { NULL },
	.history = { "wft_doc_moves", "doc_id", "from_state", "to_state",
	    "moved_at", "moved_by", NULL, NULL },
	.transitions = one_move,
	.ntransitions = 1,
	.stmts = WF_STATEMENTS,
};

START_TEST(a_bad_declaration_is_refused)
{
	int64_t id = new_doc("draft");
	struct req r = as(PREP, dbt_db);
	struct scope s = scope_person(&cast[PREP], &doc_scope);
	struct wf_request rq = { "go", NULL, NULL };
	struct wf_outcome o;

	ck_assert_int_eq(wf_apply(&r, &bad_flow, id, &s, &rq, &o), TC_EINVAL);
	ck_assert_int_eq(wf_apply(&r, &bad_flow, id, &s, &rq, &o), TC_EINVAL);
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
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc,
	    race_one_wins_the_other_waits_for_the_lock_and_is_too_late);
	tcase_add_test(tc,
	    the_whole_path_writes_history_audit_and_the_declared_columns);
	tcase_add_test(tc, self_approval_is_refused_by_the_guard);
	tcase_add_test(tc, ones_own_record_is_refused_by_the_guard);
	tcase_add_test(tc, a_role_without_the_action_is_refused);
	tcase_add_test(tc, a_wrong_from_state_is_too_late);
	tcase_add_test(tc, a_page_showing_another_state_is_too_late);
	tcase_add_test(tc, reject_needs_a_reason_and_keeps_it);
	tcase_add_test(tc, another_persons_record_is_not_found);
	tcase_add_test(tc, an_unknown_action_is_refused);
	tcase_add_test(tc, a_failing_effect_undoes_the_move);
	tcase_add_test(tc, each_person_sees_only_the_buttons_they_may_press);
	tcase_add_test(tc, a_bad_declaration_is_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
