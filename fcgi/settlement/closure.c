/* closure.c: closing a leaver's negative balance (settlement.h).
 *
 * A final statement (a rep the directory sync marked inactive) whose
 * balance is negative has no later statement to carry it to.  Finance
 * proposes to close it: recovered from the leaver (the receipt's
 * reference) or written off, with a reason; management approves or
 * rejects it (four eyes through core/workflow: nobody decides what they
 * proposed, nor their own).  The approval adds the closure to the draft
 * statement as an item, in the same transaction, bringing its balance to
 * zero (revision + 1, a new verification code); a regeneration keeps it
 * (generate.c).  Until then the statement cannot be submitted (flow.c),
 * so the balance is never dropped silently. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/formview.h"
#include "settlement/settlement.h"

enum stmt {
	ST_OPEN, ST_INSERT, ST_STATEMENT, ST_POSITION, ST_ITEM, ST_UPDATE,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	/* statement: its closures still proposed or approved */
	[ST_OPEN] =
	    "SELECT COUNT(*) FROM settlement_closures WHERE statement_id = ?"
	    " AND state IN ('proposed', 'approved')",
	[ST_INSERT] =
	    "INSERT INTO settlement_closures (statement_id, person_id, kind,"
	    " amount, reference, reason, proposed_by, proposed_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* id (locked by the caller) */
	[ST_STATEMENT] =
	    "SELECT s.number, s.person_id, p.label, s.net, s.revision,"
	    " s.final, s.state FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id WHERE s.id = ?",
	[ST_POSITION] =
	    "SELECT COALESCE(MAX(position), 0) FROM settlement_items"
	    " WHERE statement_id = ?",
	[ST_ITEM] =
	    "INSERT INTO settlement_items (statement_id, position, kind,"
	    " closure_id, label, amount) VALUES (?, ?, 'closure', ?, ?, ?)",
	/* amount, net, payable, carried_out, code, id */
	[ST_UPDATE] =
	    "UPDATE settlement_statements SET adjustments = adjustments + ?,"
	    " net = ?, payable = ?, carried_out = ?, revision = revision + 1,"
	    " verify_code = ? WHERE id = ? AND state = 'draft'",
};

static struct db_table closure_db = DB_TABLE("settlement.closure", stmts);

const char *const settlement_closure_kinds[] = { "recover", "write_off",
	NULL };

/* Locks statement id (settlement_flow) for a and reads it into *res. */
static int
lock_statement(const struct wf_actor *a, int64_t id, struct dbres **res)
{
	struct scope s = scope_person(a->who, &settlement_scope_read);
	struct wf_row *row = NULL;
	int rc;

	*res = NULL;
	if ((rc = wf_lock(a->db, &settlement_flow, id, &s, &row)) != 0)
		return rc;
	wf_row_free(row);
	if ((rc = db_query(a->db, &closure_db, ST_STATEMENT,
	    DB_ARGS(P_INT(id)), res)) != 0)
		return rc;
	if (dbres_rows(*res) != 1) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

static int
propose(const struct wf_actor *a, int64_t statement, const char *kind,
    const char *reference, const char *reason, int64_t *id,
    const char **msg)
{
	struct dbres *res = NULL, *open = NULL;
	char now[TC_DATETIME_SIZE];
	uint64_t newid = 0;
	money_t net;
	int rc;

	if ((rc = lock_statement(a, statement, &res)) != 0)
		return rc;
	net = dbres_money_col(res, 0, "net");
	if (dbres_int_col(res, 0, "person_id") == a->who->id) {
		*msg = "stl_err_own";
		rc = TC_EDENIED;
		goto out;
	}
	if (!dbres_int_col(res, 0, "final") || net >= 0) {
		*msg = "stl_err_closure_none";
		rc = TC_ECONFLICT;
		goto out;
	}
	if (strcmp(dbres_text_col(res, 0, "state"), "draft") != 0) {
		*msg = "stl_err_closure_state";
		rc = TC_ECONFLICT;
		goto out;
	}
	if ((rc = db_query(a->db, &closure_db, ST_OPEN,
	    DB_ARGS(P_INT(statement)), &open)) != 0)
		goto out;
	if (dbres_int(open, 0, 0) > 0) {
		*msg = "stl_err_closure_open";
		rc = TC_ECONFLICT;
		goto out;
	}
	tc_now_str(now);
	if ((rc = db_exec(a->db, &closure_db, ST_INSERT, DB_ARGS(
	    P_INT(statement), P_INT(dbres_int_col(res, 0, "person_id")),
	    P_TEXT(kind), P_MONEY(-net), P_TEXT(reference), P_TEXT(reason),
	    P_INT(a->who->id), P_TEXT(now)), NULL, &newid)) != 0)
		goto out;
	*id = (int64_t)newid;
	rc = wf_created(a, &settlement_closure_flow, *id, "proposed");
out:
	dbres_free(open);
	dbres_free(res);
	return rc;
}

int
settlement_closure_propose(const struct wf_actor *a, int64_t statement,
    const char *kind, const char *reference, const char *reason,
    int64_t *id, const char **msg)
{
	bool own = !db_in_transaction(a->db);
	bool known = false;
	int rc;

	*msg = NULL;
	*id = 0;
	if (a->who == NULL || (a->who->roles & ROLE_FINANCE) == 0)
		return TC_EDENIED;
	for (size_t i = 0; settlement_closure_kinds[i] != NULL; i++)
		known |= strcmp(kind, settlement_closure_kinds[i]) == 0;
	if (!known || reason == NULL || *reason == '\0' ||
	    strlen(reason) > 500 || strlen(reference) > 64) {
		*msg = known ? "stl_err_reason" : "stl_err_closure_kind";
		return TC_EINVAL;
	}
	if (strcmp(kind, "recover") == 0 && *reference == '\0') {
		*msg = "stl_err_closure_reference";
		return TC_EINVAL;
	}
	if (own && (rc = db_begin(a->db)) != 0)
		return rc;
	rc = propose(a, statement, kind, reference, reason, id, msg);
	if (!own)
		return rc;
	if (rc == 0)
		return db_commit(a->db);
	db_rollback(a->db);
	return rc;
}

/* The approval's effect: the closure becomes an item of its statement,
 * which must still be a draft with a negative balance; it clears that
 * balance and never more.  w->params[0] is the secret of the codes. */
static int
approved_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	struct dbres *res = NULL, *pos = NULL;
	char code[SETTLEMENT_CODE_SIZE], label[600];
	int64_t statement = wf_row_int(row, "statement_id");
	money_t amount, net;
	int rc;

	(void)t;
	if (w->nparams < 2 || w->params[0].type != DBT_TEXT ||
	    w->params[1].type != DBT_DEC)
		return TC_EINVAL;
	amount = w->params[1].i;
	if ((rc = lock_statement(a, statement, &res)) != 0)
		return rc;
	net = dbres_money_col(res, 0, "net");
	if (strcmp(dbres_text_col(res, 0, "state"), "draft") != 0 ||
	    net >= 0) {
		rc = TC_ECONFLICT;
		goto out;
	}
	if (amount > -net)
		amount = -net;
	net += amount;
	if ((rc = settlement_verify_code(w->params[0].s,
	    dbres_text_col(res, 0, "number"),
	    dbres_int_col(res, 0, "person_id"),
	    dbres_text_col(res, 0, "label"), net > 0 ? net : 0,
	    dbres_int_col(res, 0, "revision") + 1, code)) != 0)
		goto out;
	if ((rc = db_query(a->db, &closure_db, ST_POSITION,
	    DB_ARGS(P_INT(statement)), &pos)) != 0)
		goto out;
	snprintf(label, sizeof(label), "%s%s%s", wf_row_text(row, "reference"),
	    *wf_row_text(row, "reference") ? " · " : "",
	    wf_row_text(row, "reason"));
	if ((rc = db_exec(a->db, &closure_db, ST_ITEM, DB_ARGS(
	    P_INT(statement), P_INT(dbres_int(pos, 0, 0) + 1),
	    P_INT(wf_row_id(row)), P_TEXT(label), P_MONEY(amount)), NULL,
	    NULL)) != 0)
		goto out;
	rc = db_exec(a->db, &closure_db, ST_UPDATE, DB_ARGS(P_MONEY(amount),
	    P_MONEY(net), P_MONEY(net > 0 ? net : 0), P_MONEY(net < 0 ? net :
	    0), P_TEXT(code), P_INT(statement)), NULL, NULL);
out:
	dbres_free(pos);
	dbres_free(res);
	return rc;
}

/* Management decides; nobody decides what they proposed or their own. */
static const struct wf_guard four_eyes[] = {
	{ wf_not_actor, "person_id", "stl_err_own" },
	{ wf_not_actor, "proposed_by", "stl_err_closure_proposer" },
	WF_END
};
static const struct wf_set decide_sets[] = {
	WF_SET_ACTOR("decided_by"), WF_SET_NOW("decided_at"),
	WF_SET_COMMENT("decision_note"), WF_END
};

static const struct wf_transition closure_moves[] = {
	{ .action = "approve", .from = "proposed", .to = "approved",
	    .roles = ROLE_MANAGEMENT, .guards = four_eyes,
	    .sets = decide_sets, .effect = approved_effect },
	{ .action = "reject", .from = "proposed", .to = "rejected",
	    .roles = ROLE_MANAGEMENT, .guards = four_eyes,
	    .comment_needed = "stl_err_reason", .sets = decide_sets },
};

const struct wf_def settlement_closure_flow = {
	.name = "settlement_closure",
	.table = "settlement_closures",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.person_id"),
	.cols = { "person_id", "proposed_by", "statement_id", "reference",
	    "reason", NULL },
	.history = { "settlement_closure_history", "closure_id", "from_state",
	    "to_state", "at", "by_id", "action", "comment" },
	.transitions = closure_moves,
	.ntransitions = sizeof(closure_moves) / sizeof(closure_moves[0]),
	.stmts = WF_STATEMENTS,
};

int
settlement_closure_decide(const struct wf_actor *a, const char *secret,
    int64_t id, const char *action, const char *comment,
    struct wf_outcome *out)
{
	struct scope s = scope_person(a->who, &settlement_scope_read);
	struct dbres *res = NULL;
	struct db_param params[2];
	struct wf_request w = { .action = action, .comment = comment,
	    .params = params, .nparams = 2 };
	static const char *const amount_sql[] = {
		"SELECT amount FROM settlement_closures WHERE id = ?",
	};
	static struct db_table amount_db = DB_TABLE("settlement.closure-amount",
	    amount_sql);
	int rc;

	memset(out, 0, sizeof(*out));
	if (a->who == NULL)
		return TC_EDENIED;
	if ((rc = db_query(a->db, &amount_db, 0, DB_ARGS(P_INT(id)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	params[0] = P_TEXT(secret);
	params[1] = P_MONEY(dbres_money(res, 0, 0));
	dbres_free(res);
	return wf_apply(a, &settlement_closure_flow, id, &s, &w, out);
}
