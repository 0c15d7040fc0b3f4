/* versions-flow.c: activating a plan version takes four eyes, through
 * core/workflow: HR proposes a draft (or withdraws its proposal),
 * management approves it (never the person who proposed it) or rejects
 * it with a reason.  The approval moves the version to active and, in
 * the same transaction, does what plans.c's activation does (no overlap
 * with the versions in force, none beginning in a closed period, an
 * open-ended predecessor ended, the periods begun), audited; a refusal
 * there undoes the move.  POST /commission/plans/#/move. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/versions.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/form.h"
#include "core/tmpl.h"

const struct scope_rule cm_plan_scope = {
	"commission.plans", CM_PLAN_READ_ALL, 0, 0
};

static const struct wf_set propose_sets[] = {
	WF_SET_ACTOR("proposed_by"), WF_SET_NOW("proposed_at"), WF_END
};
static const struct wf_set decide_sets[] = {
	WF_SET_ACTOR("decided_by"), WF_SET_NOW("decided_at"), WF_END
};
static const struct wf_set reject_sets[] = {
	WF_SET_ACTOR("decided_by"), WF_SET_NOW("decided_at"),
	WF_SET_COMMENT("decision_comment"), WF_END
};
static const struct wf_guard not_proposer[] = {
	{ wf_not_actor, "proposed_by", "cm_plan_err_own_proposal" }, WF_END
};

static const struct wf_transition plan_moves[] = {
	{ .action = "propose", .from = "draft", .to = "proposed",
	    .roles = CM_PLAN_EDIT, .sets = propose_sets },
	{ .action = "withdraw", .from = "proposed", .to = "draft",
	    .roles = CM_PLAN_EDIT },
	{ .action = "approve", .from = "proposed", .to = "active",
	    .roles = CM_PLAN_APPROVE, .guards = not_proposer,
	    .sets = decide_sets },
	{ .action = "reject", .from = "proposed", .to = "draft",
	    .roles = CM_PLAN_APPROVE,
	    .comment_needed = "cm_plan_err_reject_reason",
	    .sets = reject_sets },
};

const struct wf_def cm_plan_flow = {
	.name = "plan_version",
	.table = "plan_versions",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_SQL("t.proposed_by"),
	.cols = { "proposed_by", NULL },
	.history = { "plan_version_changes", "version_id", "from_state",
	    "to_state", "changed_at", "changed_by", "action", "comment" },
	.transitions = plan_moves,
	.ntransitions = sizeof(plan_moves) / sizeof(plan_moves[0]),
	.stmts = WF_STATEMENTS,
};

enum stmt {
	ST_HISTORY,
	ST_WHO,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_HISTORY] = "SELECT h.from_state, h.to_state, h.action,"
	    " COALESCE(h.comment, ''), DATE_FORMAT(h.changed_at,"
	    " '%Y-%m-%d %H:%i'), p.name, p.login FROM plan_version_changes h"
	    " JOIN people p ON p.id = h.changed_by WHERE h.version_id = ?"
	    " ORDER BY h.id",
	[ST_WHO] = "SELECT pp.name, DATE_FORMAT(v.proposed_at,"
	    " '%Y-%m-%d %H:%i'), dp.name, DATE_FORMAT(v.decided_at,"
	    " '%Y-%m-%d %H:%i'), COALESCE(v.decision_comment, '')"
	    " FROM plan_versions v LEFT JOIN people pp ON pp.id ="
	    " v.proposed_by LEFT JOIN people dp ON dp.id = v.decided_by"
	    " WHERE v.id = ?",
};

static struct db_table flow_db = DB_TABLE("commission.plan_flow", stmts);

int
cm_plan_flow_show(struct req *r, struct tdict *d, int64_t id)
{
	struct wf_actor a = wf_actor_of(r);
	struct scope s = scope_of(r, &cm_plan_scope);
	const struct wf_transition *can[8];
	struct wf_row *row = NULL;
	struct dbres *h = NULL, *who = NULL;
	size_t n = 0;
	int rc;

	if (has_role(r, CM_PLAN_READ_ALL)) {
		if ((rc = wf_load(r->app->db, &cm_plan_flow, id, &s, &row)) != 0)
			return rc;
		n = wf_actions(&a, row, can, 8);
		tdict_set(d, "flow_state", wf_row_state(row));
		for (size_t i = 0; i < n; i++) {
			struct tdict *b = tdict_add_section(d, "ACTION");
			char key[48];

			tdict_set(b, "action", can[i]->action);
			snprintf(key, sizeof(key), "cm_plan_do_%s",
			    can[i]->action);
			tdict_set(b, "label", tr(r, key));
			if (can[i]->comment_needed != NULL)
				tdict_show_section(b, "NEEDS_COMMENT");
			if (strcmp(can[i]->action, "approve") == 0)
				tdict_show_section(b, "PRIMARY");
		}
		if (n > 0)
			tdict_show_section(d, "HAS_ACTIONS");
		/* Why an approver sees no button: the proposal is theirs. */
		if (strcmp(wf_row_state(row), "proposed") == 0 &&
		    has_role(r, CM_PLAN_APPROVE) && !wf_may(&a, row, "approve"))
			tdict_show_section(d, "OWN_PROPOSAL");
		wf_row_free(row);
	}
	if ((rc = db_query(r->app->db, &flow_db, ST_WHO, DB_ARGS(P_INT(id)),
	    &who)) != 0)
		return rc;
	if (dbres_rows(who) == 1 && !dbres_null(who, 0, 0)) {
		struct tdict *p = tdict_add_section(d, "PROPOSED");

		tdict_set(p, "by", dbres_text(who, 0, 0));
		tdict_set(p, "at", dbres_text(who, 0, 1));
	}
	if (dbres_rows(who) == 1 && !dbres_null(who, 0, 2)) {
		struct tdict *p = tdict_add_section(d, "DECIDED");

		tdict_set(p, "by", dbres_text(who, 0, 2));
		tdict_set(p, "at", dbres_text(who, 0, 3));
		if (*dbres_text(who, 0, 4) != '\0')
			tdict_set(tdict_add_section(p, "DECISION_COMMENT"),
			    "comment", dbres_text(who, 0, 4));
	}
	dbres_free(who);
	if ((rc = db_query(r->app->db, &flow_db, ST_HISTORY, DB_ARGS(P_INT(id)),
	    &h)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(h); i++) {
		struct tdict *e = tdict_add_section(d, "HISTORY");
		char key[48];

		snprintf(key, sizeof(key), "cm_plan_did_%s",
		    dbres_null(h, i, 2) ? "create" : dbres_text(h, i, 2));
		tdict_set(e, "what", tr(r, key));
		tdict_set(e, "to", cm_plan_state_label(r, dbres_text(h, i, 1)));
		tdict_set(e, "comment", dbres_text(h, i, 3));
		tdict_set(e, "at", dbres_text(h, i, 4));
		tdict_set(e, "by", dbres_text(h, i, 5));
	}
	if (dbres_rows(h) > 0)
		tdict_show_section(d, "HAS_HISTORY");
	dbres_free(h);
	return 0;
}

enum { M_ACTION, M_EXPECT, M_COMMENT, M__MAX };

static const char *const actions[] = { "propose", "withdraw", "approve",
	"reject", NULL };
static const char *const states[] = { "draft", "proposed", "active",
	"ended", NULL };

static const struct field move_fields[M__MAX] = {
	[M_ACTION] = { "action", form_oneof, 1, 0, 0, "cm_plan_err_action",
	    actions },
	[M_EXPECT] = { "expect", form_oneof, 1, 0, 0, "cm_plan_err_action",
	    states },
	[M_COMMENT] = { "comment", form_text_multiline, 0, 1, 500,
	    "cm_plan_err_comment", NULL },
};

static int
plan_move_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct scope s = scope_of(r, &cm_plan_scope);
	struct plan_company co;
	struct wf_outcome out;
	struct plan_why why = { 0 };
	struct form f;
	int64_t id = r->ids[0];
	bool approve;
	char loc[64], how[96];
	int rc;

	if ((rc = form_validate(&f, move_fields, M__MAX, &r->form)) != 0) {
		form_free(&f);
		if (rc != TC_EINVAL)
			return rc;
		page_flash(r, "error", tr(r, "cm_plan_err_comment"));
		return cm_plan_page(r, 400);
	}
	struct wf_request w = { .action = form_str(&f, M_ACTION),
	    .expect = form_str(&f, M_EXPECT),
	    .comment = form_str(&f, M_COMMENT) };

	approve = strcmp(w.action, "approve") == 0;
	cm_plan_company(r, &co);
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	rc = wf_apply(&a, &cm_plan_flow, id, &s, &w, &out);
	if (rc == 0 && approve) {
		snprintf(how, sizeof(how), "approved by %s", r->me.login);
		rc = plan_activate_moved(r->app->db, id, &co, tc_today(), &a.as,
		    how, &why);
	}
	if (rc == 0)
		rc = db_commit(r->app->db);
	else
		db_rollback(r->app->db);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=%s",
		    (long long)id, w.action);
		rc = http_redirect(r, loc);
	} else if (rc == TC_ECONFLICT) {
		wf_flash_conflict(r, cm_plan_state_label(r, out.from));
		rc = cm_plan_page(r, 409);
	} else if (rc == TC_EDENIED || rc == TC_EINVAL) {
		int status = rc == TC_EDENIED ? 403 : 400;

		page_flash(r, "error", tr(r, why.key != NULL ? why.key :
		    out.msg != NULL ? out.msg : "cm_plan_err_action"));
		rc = cm_plan_page(r, status);
	}
out:
	form_free(&f);
	return rc;
}

static const struct route flow_routes[] = {
	{ "POST", "/commission/plans/#/move", CM_PLAN_EDIT | CM_PLAN_APPROVE,
	    plan_move_post },
};

const struct route_set cm_plan_flow_route_set = ROUTE_SET(flow_routes);
