/* flow.c: the statement workflow (settlement.h) and who reads which
 * statements. */
#include "config.h"

#include <string.h>

#include "core/error.h"
#include "settlement/settlement.h"

const char *const settlement_states[] = {
	"draft", "pending", "reviewed", "approved", "paid", NULL
};

const struct scope_rule settlement_scope_read = {
	"settlement.read",
	ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT,
	ROLE_MANAGER,
	ROLE_SALES,
};

const char *
settlement_state_key(const char *state)
{
	static const char *const keys[] = {
		"stl_state_draft", "stl_state_pending", "stl_state_reviewed",
		"stl_state_approved", "stl_state_paid",
	};

	for (size_t i = 0; settlement_states[i] != NULL; i++)
		if (strcmp(settlement_states[i], state) == 0)
			return keys[i];
	return "stl_state_draft";
}

const char *
settlement_secret(const struct conf *c)
{
	return c != NULL && c->form_secret != NULL ? c->form_secret : "";
}

enum stmt { ST_LINES, ST_ADJUSTMENTS, ST__MAX };

static const char *const stmts[ST__MAX] = {
	/* tracking, period, rep: the statement's ledger lines */
	[ST_LINES] =
	    "UPDATE commission_lines SET tracking = ? WHERE period_id = ?"
	    " AND person_id = ? AND removed_run_id IS NULL",
	/* tracking, statement: the adjustments and prizes it holds */
	[ST_ADJUSTMENTS] =
	    "UPDATE commission_adjustments SET tracking = ? WHERE id IN"
	    " (SELECT i.adjustment_id FROM settlement_items i"
	    " WHERE i.statement_id = ? AND i.adjustment_id IS NOT NULL)",
};

static struct db_table flow_db = DB_TABLE("settlement.flow", stmts);

/* The tracking state of the statement's ledger lines and adjustments
 * follows it: 'pending' once approved, 'paid' once paid. */
static int
track(const struct wf_actor *a, const struct wf_row *row,
    const char *tracking)
{
	int rc;

	if ((rc = db_exec(a->db, &flow_db, ST_LINES, DB_ARGS(P_TEXT(tracking),
	    P_INT(wf_row_int(row, "period_id")),
	    P_INT(wf_row_int(row, "person_id"))), NULL, NULL)) != 0)
		return rc;
	return db_exec(a->db, &flow_db, ST_ADJUSTMENTS, DB_ARGS(
	    P_TEXT(tracking), P_INT(wf_row_id(row))), NULL, NULL);
}

static int
approved_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	(void)t;
	(void)w;
	return track(a, row, "pending");
}

static int
paid_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	(void)t;
	(void)w;
	return track(a, row, "paid");
}

/* A leaver's final statement goes on only with no negative balance
 * left: nothing later would carry it (closure.c closes it). */
static bool
balance_settled(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	(void)a;
	(void)arg;
	return wf_row_int(row, "final") == 0 ||
	    wf_row_text(row, "carried_out")[0] != '-';
}

/* Nobody acts on their own statement. */
static const struct wf_guard not_own[] = {
	{ wf_not_actor, "person_id", "stl_err_own" },
	WF_END
};
static const struct wf_guard submit_guards[] = {
	{ wf_not_actor, "person_id", "stl_err_own" },
	{ balance_settled, NULL, "stl_err_final_negative" },
	WF_END
};
/* ... and whoever prepared or submitted it neither reviews, approves
 * nor rejects it. */
static const struct wf_guard second_eyes[] = {
	{ wf_not_actor, "person_id", "stl_err_own" },
	{ wf_not_actor, "prepared_by", "stl_err_preparer" },
	{ wf_not_actor, "submitted_by", "stl_err_submitter" },
	WF_END
};

static const struct wf_set submit_sets[] = {
	WF_SET_ACTOR("submitted_by"), WF_SET_NOW("submitted_at"), WF_END
};
static const struct wf_set review_sets[] = {
	WF_SET_ACTOR("reviewed_by"), WF_SET_NOW("reviewed_at"), WF_END
};
static const struct wf_set approve_sets[] = {
	WF_SET_ACTOR("approved_by"), WF_SET_NOW("approved_at"), WF_END
};
static const struct wf_set reject_sets[] = {
	WF_SET_COMMENT("rejected_reason"), WF_END
};
static const struct wf_set pay_sets[] = {
	WF_SET_ACTOR("paid_by"), WF_SET_NOW("paid_at"),
	WF_SET_PARAM("paid_reference", 0), WF_SET_PARAM("paid_on", 1), WF_END
};
static const struct wf_set every_move[] = {
	WF_SET_NOW("moved_at"), WF_END
};

static const struct wf_transition moves[] = {
	{ .action = "submit", .from = "draft", .to = "pending",
	    .roles = ROLE_FINANCE, .guards = submit_guards,
	    .sets = submit_sets },
	{ .action = "review", .from = "pending", .to = "reviewed",
	    .roles = ROLE_REVIEWER, .guards = second_eyes,
	    .sets = review_sets },
	{ .action = "approve", .from = "reviewed", .to = "approved",
	    .roles = ROLE_MANAGEMENT, .guards = second_eyes,
	    .sets = approve_sets, .effect = approved_effect },
	{ .action = "reject", .from = "pending", .to = "draft",
	    .roles = ROLE_REVIEWER, .guards = second_eyes,
	    .comment_needed = "stl_err_reason", .sets = reject_sets },
	{ .action = "reject", .from = "reviewed", .to = "draft",
	    .roles = ROLE_MANAGEMENT, .guards = second_eyes,
	    .comment_needed = "stl_err_reason", .sets = reject_sets },
	{ .action = "pay", .from = "approved", .to = "paid",
	    .roles = ROLE_FINANCE, .guards = not_own, .sets = pay_sets,
	    .effect = paid_effect },
};

const struct wf_def settlement_flow = {
	.name = "settlement_statement",
	.audit_action = NULL,
	.table = "settlement_statements",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_STORED_SQL("t.person_id", "t.team",
	    "t.manager_login"),
	.cols = { "person_id", "prepared_by", "submitted_by", "period_id",
	    "final", "carried_out", NULL },
	.sets = every_move,
	.history = { "settlement_history", "statement_id", "from_state",
	    "to_state", "at", "by_id", "action", "comment" },
	.transitions = moves,
	.ntransitions = sizeof(moves) / sizeof(moves[0]),
	.stmts = WF_STATEMENTS,
};
