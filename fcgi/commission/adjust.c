/* adjust.c: proposing, approving and rejecting adjustments (adjust.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/dispute.h"
#include "core/error.h"
#include "core/money.h"

#define MONEY_LIMIT 99999999999999LL  /* fen; DECIMAL(18,2) holds more */

enum stmt {
	A_PERSON,
	A_PERIOD,
	A_PERIOD_OF,
	A_INSERT,
	A__MAX
};

static const char *const stmts[A__MAX] = {
	/* a person of the sales roles (bits 1, 2), active */
	[A_PERSON] =
	    "SELECT p.login FROM people p WHERE p.id = ? AND p.active"
	    " AND (CAST(p.roles AS UNSIGNED) & 3) <> 0",
	/* a recorded period by label; LOCK IN SHARE MODE: a close waits for
	 * the proposal being written (core/period.h's period_state does
	 * the same) */
	[A_PERIOD] =
	    "SELECT id, state FROM periods WHERE label = ? LOCK IN SHARE MODE",
	[A_PERIOD_OF] =
	    "SELECT state FROM periods WHERE id = ? LOCK IN SHARE MODE",
	[A_INSERT] =
	    "INSERT INTO commission_adjustments (period_id, person_id, amount,"
	    " reason, kind, proposed_by, proposed_as, dispute_id)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
};

static struct db_table adj_db = DB_TABLE("commission.adjust", stmts);

const struct field adjustment_fields[ADJ__MAX] = {
	[ADJ_PERSON] = { "person", form_int64, 1, 1, 4294967295LL,
	    "adj_err_person", NULL },
	[ADJ_PERIOD] = { "period", form_code, 1, 1, 8, "adj_err_period",
	    NULL },
	[ADJ_AMOUNT] = { "amount", form_money, 1, -MONEY_LIMIT, MONEY_LIMIT,
	    "adj_err_amount", NULL },
	[ADJ_REASON] = { "reason", form_text, 1, 1, 500, "adj_err_reason",
	    NULL },
};

const struct scope_rule adjustment_scope = {
	"commission.adjustments",
	ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT,
	ROLE_MANAGER,
	ROLE_SALES,
};

/* ---- the workflow ---- */

/* The approver is of the other department than the proposer: finance
 * for a proposal made as HR, HR for one made as finance. */
static bool
other_department(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	const char *as = wf_row_text(row, arg);

	if (strcmp(as, "hr") == 0)
		return (a->who->roles & ROLE_FINANCE) != 0;
	if (strcmp(as, "finance") == 0)
		return (a->who->roles & ROLE_HR) != 0;
	return false;
}

/* The adjustment's period is still open: a closed period's statements
 * are made, and an adjustment approved into it would never be paid. */
static bool
period_open(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	struct dbres *res = NULL;
	bool open;

	if (db_query(a->db, &adj_db, A_PERIOD_OF,
	    DB_ARGS(P_INT(wf_row_int(row, arg))), &res) != 0)
		return false;
	open = dbres_rows(res) == 1 &&
	    strcmp(dbres_text(res, 0, 0), "open") == 0;
	dbres_free(res);
	return open;
}

static const struct wf_guard four_eyes[] = {
	{ wf_not_actor, "proposed_by", "adj_err_own_proposal" },
	{ wf_not_actor, "person_id", "adj_err_own_adjustment" },
	{ other_department, "proposed_as", "adj_err_same_department" },
	WF_END
};
static const struct wf_guard four_eyes_open[] = {
	{ wf_not_actor, "proposed_by", "adj_err_own_proposal" },
	{ wf_not_actor, "person_id", "adj_err_own_adjustment" },
	{ other_department, "proposed_as", "adj_err_same_department" },
	{ period_open, "period_id", "adj_err_period_closed" },
	WF_END
};

static const struct wf_set approve_sets[] = {
	WF_SET_ACTOR("approved_by"), WF_SET_NOW("approved_at"),
	WF_SET_COMMENT("decision_note"), WF_END
};
static const struct wf_set reject_sets[] = {
	WF_SET_ACTOR("rejected_by"), WF_SET_NOW("rejected_at"),
	WF_SET_COMMENT("decision_note"), WF_END
};

static int reject_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w);

static const struct wf_transition adjustment_moves[] = {
	{ .action = "approve", .from = "proposed", .to = "approved",
	    .roles = ROLE_HR | ROLE_FINANCE, .guards = four_eyes_open,
	    .sets = approve_sets },
	{ .action = "reject", .from = "proposed", .to = "rejected",
	    .roles = ROLE_HR | ROLE_FINANCE, .guards = four_eyes,
	    .comment_needed = "adj_err_reject_reason", .sets = reject_sets,
	    .effect = reject_effect },
};

const struct wf_def adjustment_flow = {
	.name = "adjustment",
	.audit_action = NULL,
	.table = "commission_adjustments",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.person_id"),
	.cols = { "person_id", "proposed_by", "proposed_as", "period_id",
	    "dispute_id", NULL },
	.sets = NULL,
	.history = { "commission_adjustment_moves", "adjustment_id",
	    "from_state", "to_state", "moved_at", "moved_by", "action",
	    "comment" },
	.transitions = adjustment_moves,
	.ntransitions = sizeof(adjustment_moves) / sizeof(adjustment_moves[0]),
	.stmts = WF_STATEMENTS,
};

/* A rejected answer to a dispute leaves the dispute open again, with
 * the rejection's reason in its thread. */
static int
reject_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	(void)t;
	if (wf_row_null(row, "dispute_id"))
		return 0;
	return dispute_reopen(a, wf_row_int(row, "dispute_id"), w->comment);
}

/* ---- proposing ---- */

/* The checks that need the database; marks f.  Sets *period_id. */
static int
proposal_check(const struct wf_actor *a, struct form *f, int64_t *period_id)
{
	struct dbres *res = NULL;
	int rc = 0;

	*period_id = 0;
	if (form_int(f, ADJ_PERSON, 0) > 0) {
		if ((rc = db_query(a->db, &adj_db, A_PERSON,
		    DB_ARGS(P_INT(form_int(f, ADJ_PERSON, 0))), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0 &&
		    (rc = form_set_error(f, ADJ_PERSON, NULL, NULL)) != 0)
			goto out;
		dbres_free(res);
		res = NULL;
	}
	if (form_str(f, ADJ_PERIOD) != NULL) {
		if ((rc = db_query(a->db, &adj_db, A_PERIOD,
		    DB_ARGS(P_TEXT(form_str(f, ADJ_PERIOD))), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0)
			rc = form_set_error(f, ADJ_PERIOD, NULL, NULL);
		else if (strcmp(dbres_text(res, 0, 1), "open") != 0)
			rc = form_set_error(f, ADJ_PERIOD,
			    "adj_err_period_closed", NULL);
		else
			*period_id = dbres_int(res, 0, 0);
		if (rc != 0)
			goto out;
	}
	if (form_str(f, ADJ_AMOUNT) != NULL && form_int(f, ADJ_AMOUNT, 0) == 0)
		rc = form_set_error(f, ADJ_AMOUNT, "adj_err_amount_zero", NULL);
out:
	dbres_free(res);
	return rc;
}

int
adjustment_propose(const struct wf_actor *a, const struct req_fields *in,
    struct form *f, const char *kind, int64_t dispute_id, int64_t *out)
{
	const char *as;
	char idt[24], detail[700], amount[TC_MONEY_SIZE];
	int64_t period_id = 0;
	uint64_t id = 0;
	bool own;
	int rc;

	*out = 0;
	if ((rc = form_validate(f, adjustment_fields, ADJ__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if (a->who == NULL || (a->who->roles & (ROLE_HR | ROLE_FINANCE)) == 0)
		return TC_EDENIED;
	as = (a->who->roles & ROLE_HR) != 0 ? "hr" : "finance";
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = proposal_check(a, f, &period_id)) != 0)
		goto out;
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	if ((rc = db_exec(a->db, &adj_db, A_INSERT, DB_ARGS(P_INT(period_id),
	    P_INT(form_int(f, ADJ_PERSON, 0)),
	    P_MONEY(form_int(f, ADJ_AMOUNT, 0)),
	    P_TEXT(form_str(f, ADJ_REASON)), P_TEXT(kind),
	    P_INT(a->who->id), P_TEXT(as),
	    dispute_id > 0 ? P_INT(dispute_id) : P_NULL), NULL, &id)) != 0)
		goto out;
	*out = (int64_t)id;
	snprintf(idt, sizeof(idt), "%" PRIu64, id);
	tc_money_str(amount, form_int(f, ADJ_AMOUNT, 0), false);
	snprintf(detail, sizeof(detail), "person %" PRId64 ", %s, %s: %s",
	    form_int(f, ADJ_PERSON, 0), form_str(f, ADJ_PERIOD), amount,
	    form_str(f, ADJ_REASON));
	if ((rc = audit_write_as(a->db, &a->as, "adjustment_propose",
	    "adjustment", idt, detail)) == 0)
		rc = wf_created(a, &adjustment_flow, *out, "proposed");
out:
	if ((rc = db_tx_end(a->db, own, rc)) != 0)
		*out = 0;
	return rc;
}

int
adjustment_move(const struct wf_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out)
{
	struct scope s = scope_person(a->who, &adjustment_scope);

	return wf_apply(a, &adjustment_flow, id, &s, w, out);
}

const char *
adjustment_state_key(const char *state)
{
	if (strcmp(state, "proposed") == 0)
		return "adj_state_proposed";
	if (strcmp(state, "approved") == 0)
		return "adj_state_approved";
	if (strcmp(state, "rejected") == 0)
		return "adj_state_rejected";
	return "adj_state_unknown";
}

const char *
adjustment_tracking_key(const char *tracking)
{
	if (strcmp(tracking, "pending") == 0)
		return "adj_tracking_pending";
	if (strcmp(tracking, "paid") == 0)
		return "adj_tracking_paid";
	return "adj_tracking_calculated";
}
