/* proposals.c: a manager proposes targets for the members of the team,
 * never his own; HR approves (the target is written by
 * perf_targets_save in the same transaction) or rejects with a reason,
 * through core/workflow (row lock, history, audit, 409 for the late
 * one). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "core/form.h"
#include "core/period.h"
#include "core/workflow.h"
#include "performance/perf.h"

int perf_proposals_get(struct req *r);
int perf_proposals_post(struct req *r);
int perf_proposal_decide(struct req *r);

enum stmt { ST_LIST, ST_MEMBERS, ST_MEMBER, ST_INSERT, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_LIST] =
	    "SELECT t.id, t.period, t.amount, t.note, t.state, t.decision_note,"
	    " p.name AS rep, b.name AS proposer, DATE_FORMAT(t.proposed_at,"
	    " '%Y-%m-%d %H:%i') AS at, (SELECT x.amount FROM targets x WHERE"
	    " x.person_id = t.person_id AND x.period = t.period) AS current"
	    " FROM target_proposals t JOIN people p ON p.id = t.person_id"
	    " JOIN people b ON b.id = t.proposed_by WHERE "
	    SCOPE_STORED_SQL("t.person_id", "t.person_team", "t.person_manager")
	    " ORDER BY t.state = 'proposed' DESC, t.id DESC LIMIT 200",
	/* the team members a manager may propose for: not himself */
	[ST_MEMBERS] =
	    "SELECT p.id, p.name FROM people p WHERE p.active"
	    " AND (CAST(p.roles AS UNSIGNED) & 1) <> 0 AND p.id <> ? AND "
	    SCOPE_SQL("p.id") " ORDER BY p.name",
	[ST_MEMBER] =
	    "SELECT p.team, p.manager_login FROM people p WHERE p.id = ?"
	    " AND p.active AND (CAST(p.roles AS UNSIGNED) & 1) <> 0 AND "
	    SCOPE_SQL("p.id"),
	[ST_INSERT] =
	    "INSERT INTO target_proposals (person_id, person_team,"
	    " person_manager, period, kind, first_day, amount, note,"
	    " proposed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
};

static struct db_table pr_db = DB_TABLE("performance.proposals", stmts);

/* The refusal of the last approval's target, for the page. */
static const char *approve_refusal;

static int
approve_effect(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t, const struct wf_request *w)
{
	struct perf_cell cell;
	struct perf_save_report rep;
	int rc;

	(void)t;
	(void)w;
	memset(&cell, 0, sizeof(cell));
	cell.person = wf_row_int(row, "person_id");
	cell.label = wf_row_text(row, "period");
	cell.raw = wf_row_text(row, "amount");
	approve_refusal = NULL;
	rc = perf_targets_save(a->db, &a->as, a->who->id, &cell, 1, &rep);
	if (rc == TC_EINVAL)
		approve_refusal = cell.err;
	return rc;
}

static const struct wf_guard approve_guards[] = {
	{ wf_not_actor, "proposed_by", "wf_err_not_own" },
	{ wf_not_actor, "person_id", "perf_err_own_target" },
	WF_END
};

static const struct wf_set decide_sets[] = {
	WF_SET_ACTOR("decided_by"), WF_SET_NOW("decided_at"),
	WF_SET_COMMENT("decision_note"), WF_END
};

static const struct wf_transition moves[] = {
	{ .action = "approve", .from = "proposed", .to = "approved",
	    .roles = ROLE_HR, .guards = approve_guards, .sets = decide_sets,
	    .effect = approve_effect },
	{ .action = "reject", .from = "proposed", .to = "rejected",
	    .roles = ROLE_HR, .guards = approve_guards,
	    .comment_needed = "perf_err_reject_reason", .sets = decide_sets },
};

const struct wf_def perf_proposal_flow = {
	.name = "target_proposal",
	.table = "target_proposals",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_STORED_SQL("t.person_id", "t.person_team",
	    "t.person_manager"),
	.cols = { "person_id", "period", "amount", "proposed_by", NULL },
	.history = { "target_proposal_history", "proposal_id", "from_state",
	    "to_state", "at", "by_id", "action", "comment" },
	.transitions = moves,
	.ntransitions = sizeof(moves) / sizeof(moves[0]),
	.stmts = WF_STATEMENTS,
};

enum pfield { PF_REP, PF_PERIOD, PF_AMOUNT, PF_NOTE, PF__MAX };

static const struct field pfields[PF__MAX] = {
	[PF_REP] = { "rep", form_int64, 1, 1, INT32_MAX, "perf_err_rep", NULL },
	[PF_PERIOD] = { "period", form_text, 1, 4, 8, "perf_err_label", NULL },
	[PF_AMOUNT] = { "amount", form_money, 1, 1, 999999999999999LL,
	    "perf_err_positive", NULL },
	[PF_NOTE] = { "note", form_text, 0, 0, 500, "perf_err_note", NULL },
};

static const char *const plabels[PF__MAX] = {
	"perf_rep", "perf_period", "perf_amount", "perf_note",
};

static int
page(struct req *r, int status, const struct form *f)
{
	struct scope s = scope_of(r, &perf_scope_read);
	struct wf_actor a = wf_actor_of(r);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL;
	char buf[TC_MONEY_SIZE];
	int rc;

	if ((rc = db_query(r->app->db, &pr_db, ST_LIST,
	    DB_ARGS(SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "PROPOSAL");
		const char *state = dbres_text_col(res, i, "state");
		char key[64];
		struct wf_row *wr = NULL;

		tdict_set(row, "id", dbres_text_col(res, i, "id"));
		tdict_set(row, "rep", dbres_text_col(res, i, "rep"));
		tdict_set(row, "proposer", dbres_text_col(res, i, "proposer"));
		tdict_set(row, "period", dbres_text_col(res, i, "period"));
		tdict_set(row, "at", dbres_text_col(res, i, "at"));
		tdict_set(row, "note", dbres_text_col(res, i, "note"));
		tdict_set(row, "decision_note",
		    dbres_text_col(res, i, "decision_note"));
		tdict_set(row, "amount", tc_money_str(buf,
		    dbres_money_col(res, i, "amount"), true));
		tdict_set(row, "current", dbres_null_col(res, i, "current") ?
		    "–" : tc_money_str(buf, dbres_money_col(res, i, "current"),
		    true));
		tdict_set(row, "state", state);
		snprintf(key, sizeof(key), "perf_state_%s", state);
		tdict_set(row, "state_label", tr(r, key));
		if (strcmp(state, "proposed") == 0 &&
		    wf_load(r->app->db, &perf_proposal_flow,
		    dbres_int_col(res, i, "id"), &s, &wr) == 0) {
			if (wf_may(&a, wr, "approve"))
				tdict_show_section(row, "CAN_DECIDE");
			wf_row_free(wr);
		}
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "NO_PROPOSALS");
	dbres_free(res);
	if (has_role(r, ROLE_MANAGER)) {
		struct form_errors fe;
		const char *sel = f != NULL ? form_raw(f, PF_REP) : "";

		tdict_show_section(d, "PROPOSE");
		if ((rc = db_query(r->app->db, &pr_db, ST_MEMBERS,
		    DB_ARGS(P_INT(r->me.id), SCOPE_ARGS(&s)), &res)) != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++)
			form_option(d, "REP_OPT", dbres_text(res, i, 0),
			    dbres_text(res, i, 1),
			    strcmp(sel, dbres_text(res, i, 0)) == 0);
		dbres_free(res);
		if (f != NULL) {
			form_errors_init(&fe, d, r->cat);
			if ((rc = form_show(&fe, d, f, plabels, NULL)) != 0)
				return rc;
		}
	}
	perf_tabs(r, "proposals");
	return page_send(r, status, "performance/proposals.tpl",
	    "perf_proposals_title", "performance");
}

int
perf_proposals_get(struct req *r)
{
	return page(r, 200, NULL);
}

int
perf_proposals_post(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	struct wf_actor a = wf_actor_of(r);
	struct form f;
	struct dbres *res = NULL;
	enum tc_period_kind kind;
	int32_t p, through = 0;
	const char *label;
	char first[TC_DATE_SIZE], amount[TC_MONEY_SIZE];
	uint64_t id = 0;
	int rc;

	rc = form_validate(&f, pfields, PF__MAX, &r->form);
	if (rc == TC_ENOMEM)
		goto out;
	label = form_str(&f, PF_PERIOD);
	if (label != NULL && tc_period_parse(label, strlen(label), &kind,
	    &p) != 0)
		form_set_error(&f, PF_PERIOD, "perf_err_label", NULL);
	if (form_int(&f, PF_REP, 0) == r->me.id)
		form_set_error(&f, PF_REP, "perf_err_own_target", NULL);
	else if (form_int(&f, PF_REP, 0) > 0) {
		if ((rc = db_query(r->app->db, &pr_db, ST_MEMBER,
		    DB_ARGS(P_INT(form_int(&f, PF_REP, 0)), SCOPE_ARGS(&s)),
		    &res)) != 0)
			goto out;
		if (dbres_rows(res) != 1)
			form_set_error(&f, PF_REP, "perf_err_not_member", NULL);
	}
	if (!form_has_errors(&f) &&
	    (rc = period_closed_through(r->app->db, &through)) == 0 &&
	    through != 0 && tc_period_first(kind, p) <= through)
		form_set_error(&f, PF_PERIOD, "perf_err_closed", NULL);
	if (rc != 0)
		goto out;
	if (form_has_errors(&f)) {
		rc = page(r, 422, &f);
		goto out;
	}
	tc_date_format(first, tc_period_first(kind, p));
	tc_money_format(amount, form_int(&f, PF_AMOUNT, 0), false);
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if ((rc = db_exec(r->app->db, &pr_db, ST_INSERT, DB_ARGS(
	    P_INT(form_int(&f, PF_REP, 0)), P_TEXT(dbres_text(res, 0, 0)),
	    dbres_null(res, 0, 1) ? P_NULL : P_TEXT(dbres_text(res, 0, 1)),
	    P_TEXT(label), P_TEXT(tc_period_kind_name(kind)), P_TEXT(first),
	    P_MONEY(form_int(&f, PF_AMOUNT, 0)),
	    P_TEXT(form_str(&f, PF_NOTE) ? form_str(&f, PF_NOTE) : ""),
	    P_INT(r->me.id)), NULL, &id)) != 0 ||
	    (rc = wf_created(&a, &perf_proposal_flow, (int64_t)id,
	    "proposed")) != 0 || (rc = db_commit(r->app->db)) != 0) {
		if (db_in_transaction(r->app->db))
			db_rollback(r->app->db);
		goto out;
	}
	page_flash(r, "ok", tr(r, "perf_proposed"));
	rc = page(r, 200, NULL);
out:
	dbres_free(res);
	form_free(&f);
	return rc;
}

int
perf_proposal_decide(struct req *r)
{
	struct scope s = scope_of(r, &perf_scope_read);
	struct wf_actor a = wf_actor_of(r);
	const char *action = req_get(&r->form, "action");
	struct wf_request w = { 0 };
	struct wf_outcome out;
	int rc;

	if (action == NULL || (strcmp(action, "approve") != 0 &&
	    strcmp(action, "reject") != 0))
		return TC_EINVAL;
	w.action = action;
	w.expect = "proposed";
	w.comment = req_get(&r->form, "comment");
	rc = wf_apply(&a, &perf_proposal_flow, r->ids[0], &s, &w, &out);
	if (rc == TC_ENOTFOUND)
		return rc;
	if (rc == TC_ECONFLICT) {
		char key[64];

		snprintf(key, sizeof(key), "perf_state_%s", out.from);
		wf_flash_conflict(r, tr(r, key));
		return page(r, 409, NULL);
	}
	if (rc == TC_EINVAL || rc == TC_EDENIED) {
		page_flash(r, "error", tr(r, approve_refusal != NULL ?
		    approve_refusal : out.msg != NULL ? out.msg :
		    "perf_err_decide"));
		approve_refusal = NULL;
		return page(r, 422, NULL);
	}
	if (rc != 0)
		return rc;
	page_flash(r, "ok", tr(r, strcmp(action, "approve") == 0 ?
	    "perf_approved" : "perf_rejected"));
	return page(r, 200, NULL);
}
