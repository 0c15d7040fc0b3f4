/* dispute.c: raising and answering disputes (dispute.h). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/dispute.h"
#include "core/error.h"

enum stmt {
	D_LINE,
	D_LINE_OPEN,
	D_PERIOD,
	D_INSERT,
	D__MAX
};

static const char *const stmts[D__MAX] = {
	/* the rep's own line (removed or not: a rep may question a line
	 * that a re-run took away) */
	[D_LINE] =
	    "SELECT period_id FROM commission_lines WHERE id = ? AND"
	    " person_id = ?",
	[D_LINE_OPEN] =
	    "SELECT id FROM commission_disputes WHERE line_id = ? AND"
	    " person_id = ? AND state = 'open'",
	[D_PERIOD] = "SELECT id FROM periods WHERE label = ?",
	[D_INSERT] =
	    "INSERT INTO commission_disputes (person_id, period_id, line_id,"
	    " order_ref, comment) VALUES (?, ?, ?, ?, ?)",
};

static struct db_table dsp_db = DB_TABLE("commission.dispute", stmts);

const struct field dispute_fields[DSP__MAX] = {
	[DSP_LINE] = { "line", form_int64, 0, 1, INT64_MAX, "dsp_err_line",
	    NULL },
	[DSP_ORDER] = { "order", form_code, 0, 1, 64, "dsp_err_order", NULL },
	[DSP_PERIOD] = { "period", form_code, 0, 1, 8, "dsp_err_period",
	    NULL },
	[DSP_COMMENT] = { "comment", form_text_multiline, 1, 1, 2000,
	    "dsp_err_comment", NULL },
};

const struct scope_rule dispute_scope = {
	"commission.disputes",
	ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT,
	ROLE_MANAGER,
	ROLE_SALES,
};

/* ---- the workflow ---- */

#define STAFF (ROLE_HR | ROLE_FINANCE)
#define REPS (ROLE_SALES | ROLE_MANAGER)

/* HR and finance write in any thread; a rep only in their own. */
static bool
staff_or_owner(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	return (a->who->roles & STAFF) != 0 ||
	    wf_only_actor(a, row, arg);
}

static const struct wf_guard not_own[] = {
	{ wf_not_actor, "person_id", "dsp_err_own" },
	WF_END
};
static const struct wf_guard the_rep[] = {
	{ wf_only_actor, "person_id", "dsp_err_not_yours" },
	WF_END
};
static const struct wf_guard in_thread[] = {
	{ staff_or_owner, "person_id", "dsp_err_not_yours" },
	WF_END
};

/* params: the adjustment made (accept), NULL (reopen) */
static const struct wf_set accept_sets[] = {
	WF_SET_ACTOR("answered_by"), WF_SET_NOW("answered_at"),
	WF_SET_COMMENT("reply"), WF_SET_PARAM("adjustment_id", 0), WF_END
};
static const struct wf_set reject_sets[] = {
	WF_SET_ACTOR("answered_by"), WF_SET_NOW("answered_at"),
	WF_SET_COMMENT("reply"), WF_END
};
static const struct wf_set reopen_sets[] = {
	WF_SET_PARAM("adjustment_id", 0), WF_END
};

static const struct wf_transition dispute_moves[] = {
	{ .action = "accept", .from = "open", .to = "accepted",
	    .roles = STAFF, .guards = not_own,
	    .comment_needed = "dsp_err_reply", .sets = accept_sets },
	{ .action = "reject", .from = "open", .to = "rejected",
	    .roles = STAFF, .guards = not_own,
	    .comment_needed = "dsp_err_reply", .sets = reject_sets },
	{ .action = "reply", .from = "open", .to = "open",
	    .roles = STAFF | REPS, .guards = in_thread,
	    .comment_needed = "dsp_err_message" },
	{ .action = "withdraw", .from = "open", .to = "withdrawn",
	    .roles = REPS, .guards = the_rep },
	{ .action = "reopen", .from = "accepted", .to = "open",
	    .roles = STAFF, .guards = not_own,
	    .comment_needed = "dsp_err_reply", .sets = reopen_sets },
};

const struct wf_def dispute_flow = {
	.name = "dispute",
	.audit_action = NULL,
	.table = "commission_disputes",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.person_id"),
	.cols = { "person_id", "adjustment_id", NULL },
	.sets = NULL,
	.history = { "commission_dispute_moves", "dispute_id", "from_state",
	    "to_state", "moved_at", "moved_by", "action", "comment" },
	.transitions = dispute_moves,
	.ntransitions = sizeof(dispute_moves) / sizeof(dispute_moves[0]),
	.stmts = WF_STATEMENTS,
};

/* ---- raising ---- */

/* The checks that need the database or several fields; marks f and
 * sets *period_id.  TC_ENOTFOUND: the line is not the rep's. */
static int
raise_check(const struct wf_actor *a, struct form *f, int64_t *period_id)
{
	struct dbres *res = NULL;
	int64_t line = form_int(f, DSP_LINE, 0);
	int rc = 0;

	*period_id = 0;
	if (form_present(f, DSP_LINE)) {
		if (line <= 0)
			return 0;       /* the field says why */
		if ((rc = db_query(a->db, &dsp_db, D_LINE, DB_ARGS(P_INT(line),
		    P_INT(a->who->id)), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0) {
			dbres_free(res);
			return TC_ENOTFOUND;
		}
		*period_id = dbres_int(res, 0, 0);
		dbres_free(res);
		if ((rc = db_query(a->db, &dsp_db, D_LINE_OPEN,
		    DB_ARGS(P_INT(line), P_INT(a->who->id)), &res)) != 0)
			return rc;
		if (dbres_rows(res) > 0)
			rc = form_set_error(f, DSP_LINE, "dsp_err_line_open",
			    NULL);
		dbres_free(res);
		return rc;
	}
	/* a missing order: its number and its period */
	if (!form_present(f, DSP_ORDER) &&
	    (rc = form_set_error(f, DSP_ORDER, "dsp_err_order_needed",
	    NULL)) != 0)
		return rc;
	if (!form_present(f, DSP_PERIOD))
		return form_set_error(f, DSP_PERIOD, "dsp_err_period_needed",
		    NULL);
	if (form_str(f, DSP_PERIOD) == NULL)
		return 0;
	if ((rc = db_query(a->db, &dsp_db, D_PERIOD,
	    DB_ARGS(P_TEXT(form_str(f, DSP_PERIOD))), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 0)
		rc = form_set_error(f, DSP_PERIOD, NULL, NULL);
	else
		*period_id = dbres_int(res, 0, 0);
	dbres_free(res);
	return rc;
}

int
dispute_raise(const struct wf_actor *a, const struct req_fields *in,
    struct form *f, int64_t *out)
{
	const char *order;
	char idt[24];
	int64_t period_id = 0;
	uint64_t id = 0;
	bool own;
	int rc;

	*out = 0;
	if ((rc = form_validate(f, dispute_fields, DSP__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if (a->who == NULL || (a->who->roles & REPS) == 0)
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = raise_check(a, f, &period_id)) != 0)
		goto out;
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	order = form_present(f, DSP_LINE) ? NULL : form_str(f, DSP_ORDER);
	if ((rc = db_exec(a->db, &dsp_db, D_INSERT, DB_ARGS(P_INT(a->who->id),
	    P_INT(period_id),
	    form_present(f, DSP_LINE) ? P_INT(form_int(f, DSP_LINE, 0)) :
	    P_NULL, P_TEXT(order != NULL ? order : ""),
	    P_TEXT(form_str(f, DSP_COMMENT))), NULL, &id)) != 0)
		goto out;
	*out = (int64_t)id;
	snprintf(idt, sizeof(idt), "%" PRIu64, id);
	if ((rc = audit_write_as(a->db, &a->as, "dispute_raise", "dispute",
	    idt, form_str(f, DSP_COMMENT))) == 0)
		rc = wf_created(a, &dispute_flow, *out, "open");
out:
	if ((rc = db_tx_end(a->db, own, rc)) != 0)
		*out = 0;
	return rc;
}

/* ---- answering ---- */

/* The adjustment's fields for the dispute's rep: in's period, amount
 * and reason, and the rep. */
static int
adjustment_input(const struct req_fields *in, int64_t person,
    struct req_fields *out)
{
	static const char *const copied[] = { "period", "amount", "reason" };
	char idt[24];
	int rc;

	snprintf(idt, sizeof(idt), "%" PRId64, person);
	if ((rc = req_fields_add(out, "person", idt)) != 0)
		return rc;
	for (size_t i = 0; i < sizeof(copied) / sizeof(copied[0]); i++)
		for (size_t k = 0; in != NULL && k < in->n; k++)
			if (strcmp(in->pairs[k].name, copied[i]) == 0) {
				if ((rc = req_fields_add(out, copied[i],
				    in->pairs[k].value)) != 0)
					return rc;
				break;
			}
	return 0;
}

int
dispute_accept(const struct wf_actor *a, int64_t id, const char *expect,
    const struct req_fields *in, struct form *f, int64_t *adjustment,
    struct wf_outcome *out)
{
	struct scope s = scope_person(a->who, &dispute_scope);
	struct req_fields adj = { 0 };
	struct wf_row *row = NULL;
	struct wf_request w = { .action = "accept", .expect = expect };
	struct db_param p[1];
	bool own = !db_in_transaction(a->db);
	int rc;

	memset(out, 0, sizeof(*out));
	*adjustment = 0;
	if (own && (rc = db_begin(a->db)) != 0)
		return rc;
	/* the dispute first, so that a second answer waits here */
	if ((rc = wf_lock(a->db, &dispute_flow, id, &s, &row)) != 0)
		goto fail;
	snprintf(out->from, sizeof(out->from), "%s", wf_row_state(row));
	if (strcmp(wf_row_state(row), "open") != 0 ||
	    (expect != NULL && strcmp(expect, wf_row_state(row)) != 0)) {
		rc = TC_ECONFLICT;
		goto fail;
	}
	if ((rc = adjustment_input(in, wf_row_int(row, "person_id"),
	    &adj)) != 0 ||
	    (rc = adjustment_propose(a, &adj, f, ADJ_KIND_DISPUTE, id,
	    adjustment)) != 0)
		goto fail;
	p[0] = P_INT(*adjustment);
	w.comment = form_str(f, ADJ_REASON);
	w.params = p;
	w.nparams = 1;
	if ((rc = wf_apply(a, &dispute_flow, id, &s, &w, out)) != 0)
		goto fail;
	if (own && (rc = db_commit(a->db)) != 0)
		goto fail_done;
	wf_row_free(row);
	req_fields_free(&adj);
	return 0;
fail:
	if (own)
		db_rollback(a->db);
fail_done:
	*adjustment = 0;
	wf_row_free(row);
	req_fields_free(&adj);
	return rc;
}

int
dispute_move(const struct wf_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out)
{
	struct scope s = scope_person(a->who, &dispute_scope);

	if (strcmp(w->action, "accept") == 0 || strcmp(w->action, "reopen") == 0) {
		memset(out, 0, sizeof(*out));
		out->msg = "wf_err_action";
		return TC_EINVAL;       /* through dispute_accept, adjust.h */
	}
	return wf_apply(a, &dispute_flow, id, &s, w, out);
}

int
dispute_reopen(const struct wf_actor *a, int64_t id, const char *comment)
{
	struct scope s = scope_person(a->who, &dispute_scope);
	struct db_param p[1] = { P_NULL };
	struct wf_request w = { .action = "reopen", .comment = comment,
	    .params = p, .nparams = 1 };
	struct wf_outcome out;

	return wf_apply(a, &dispute_flow, id, &s, &w, &out);
}

const char *
dispute_state_key(const char *state)
{
	if (strcmp(state, "open") == 0)
		return "dsp_state_open";
	if (strcmp(state, "accepted") == 0)
		return "dsp_state_accepted";
	if (strcmp(state, "rejected") == 0)
		return "dsp_state_rejected";
	if (strcmp(state, "withdrawn") == 0)
		return "dsp_state_withdrawn";
	return "dsp_state_unknown";
}
