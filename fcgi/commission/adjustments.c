/* adjustments.c: the adjustments area of commission.fcgi.
 *
 *   GET  /commission/adjustments            the list (core/list): a rep
 *                                           their own, a manager the
 *                                           team's, HR, finance and
 *                                           management all
 *   GET  /commission/adjustments/new        the proposal form (HR, finance)
 *   POST /commission/adjustments/new        propose (adjust.h)
 *   GET  /commission/adjustments/#          one adjustment, its history,
 *                                           the buttons its reader may press
 *   POST /commission/adjustments/#/approve  the other department decides
 *   POST /commission/adjustments/#/reject   (four eyes, core/workflow)
 *
 * Another person's adjustment, or one out of the reader's scope, is 404. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/adjview.h"
#include "commission/web.h"
#include "core/formview.h"
#include "core/list.h"

#define STAFF (ROLE_HR | ROLE_FINANCE)

enum stmt { S_ONE, S_MOVES, S__MAX };

static const char *const stmts[S__MAX] = {
	/* id, scope */
	[S_ONE] =
	    "SELECT a.id, a.state, a.kind, a.amount, a.reason, a.tracking,"
	    " a.proposed_as, a.proposed_at, a.decision_note,"
	    " COALESCE(a.dispute_id, 0) AS dispute_id, pe.label, pe.state AS"
	    " period_state, p.name AS rep, p.login AS rep_login,"
	    " pb.name AS proposer, COALESCE(ab.name, '') AS approver,"
	    " COALESCE(a.approved_at, '') AS approved_at,"
	    " COALESCE(rb.name, '') AS rejecter,"
	    " COALESCE(a.rejected_at, '') AS rejected_at"
	    " FROM commission_adjustments a"
	    " JOIN periods pe ON pe.id = a.period_id"
	    " JOIN people p ON p.id = a.person_id"
	    " JOIN people pb ON pb.id = a.proposed_by"
	    " LEFT JOIN people ab ON ab.id = a.approved_by"
	    " LEFT JOIN people rb ON rb.id = a.rejected_by"
	    " WHERE a.id = ? AND " SCOPE_SQL("a.person_id"),
	[S_MOVES] =
	    "SELECT m.action, COALESCE(m.from_state, '') AS from_state,"
	    " m.to_state, m.moved_at, m.comment, p.name FROM"
	    " commission_adjustment_moves m JOIN people p ON p.id = m.moved_by"
	    " WHERE m.adjustment_id = ? ORDER BY m.id",
};

static struct db_table page_db = DB_TABLE("commission.adjustments", stmts);

/* ---- the list ---- */

static const char *const states[] = { "proposed", "approved", "rejected",
    NULL };
static const char *const kinds[] = { "manual", "dispute", "contest_prize",
    "write_off", NULL };

enum { AF_PERIOD, AF_STATE, AF_KIND, AF_PERSON, AF__MAX };

static const struct list_filter adj_filters[AF__MAX] = {
	[AF_PERIOD] = { .field = { "period", form_code, 0, 1, 8,
	    "adj_err_period", NULL }, .label = "adj_period",
	    .where = { "pe.label = ?", { LA_TEXT } } },
	[AF_STATE] = { .field = { "state", form_oneof, 0, 0, 0,
	    "adj_err_state", states }, .label = "adj_state",
	    .where = { "a.state = ?", { LA_TEXT } } },
	[AF_KIND] = { .field = { "kind", form_oneof, 0, 0, 0,
	    "adj_err_kind", kinds }, .label = "adj_kind",
	    .where = { "a.kind = ?", { LA_TEXT } } },
	[AF_PERSON] = { .field = { "person", form_int64, 0, 1, 4294967295LL,
	    "adj_err_person", NULL }, .label = "adj_rep",
	    .where = { "a.person_id = ?", { LA_INT } } },
};

static const struct list_sort adj_sorts[] = {
	{ "id", "adj_proposed_at", "a.id", "a.id DESC",
	    LIST_SORT_DESC_FIRST },
	{ "amount", "adj_amount", "a.amount, a.id", "a.amount DESC, a.id DESC",
	    LIST_SORT_NUM | LIST_SORT_DESC_FIRST | LIST_SORT_COMPUTED },
};

/* The amount sort reads the rows of the filters (at most the cap) and
 * sorts them: no index orders adjustments by amount within a scope, and
 * a company has hundreds of adjustments, not millions. */
static const struct list_def adj_list = {
	.name = "adjustments",
	.path = "/commission/adjustments",
	.select = "SELECT a.id, a.state, a.kind, a.amount, a.reason,"
	    " a.tracking, a.proposed_at, pe.label, p.name AS rep",
	.from = " FROM commission_adjustments a"
	    " JOIN periods pe ON pe.id = a.period_id"
	    " JOIN people p ON p.id = a.person_id",
	.totals = "COUNT(*), COALESCE(SUM(t.amount), 0)",
	.totals_cols = "a.amount",
	.filters = adj_filters,
	.nfilters = AF__MAX,
	.sorts = adj_sorts,
	.nsorts = sizeof(adj_sorts) / sizeof(adj_sorts[0]),
	.sort_default = 0,
	.desc_default = true,
	.per_page = 50,
	.cap = 10000,
};

static const struct list_scope adj_list_scope =
    LIST_SCOPE_PERSON("a.person_id");

static int
list_get(struct req *r)
{
	struct scope sc = scope_of(r, &adjustment_scope);
	struct tdict *d = page_body(r);
	const struct form_value *v;
	struct list l;
	int rc;

	list_init(&l, &adj_list);
	list_scope(&l, &adj_list_scope, sc.kind, sc.me, sc.team, sc.login);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	v = list_value(&l, AF_STATE);
	form_choices(d, "STATE_OPT", states, r->cat, "adj_state_",
	    v != NULL ? v->s : NULL);
	v = list_value(&l, AF_KIND);
	form_choices(d, "KIND_OPT", kinds, r->cat, "adj_kind_",
	    v != NULL ? v->s : NULL);
	if (!l.invalid && !l.capped)
		cm_set_money(d, "sum", dbres_money(l.totals, 0, 1));
	if (has_role(r, STAFF))
		tdict_show_section(d, "CAN_PROPOSE");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ADJ");
		char key[64];

		tdict_set(row, "id", dbres_text_col(l.rows, i, "id"));
		tdict_set(row, "period", dbres_text_col(l.rows, i, "label"));
		tdict_set(row, "rep", dbres_text_col(l.rows, i, "rep"));
		snprintf(key, sizeof(key), "adj_kind_%s",
		    dbres_text_col(l.rows, i, "kind"));
		tdict_set(row, "kind", tr(r, key));
		tdict_set(row, "reason", dbres_text_col(l.rows, i, "reason"));
		cm_set_money(row, "amount", dbres_money_col(l.rows, i,
		    "amount"));
		tdict_set(row, "state_code", cm_state_class(
		    dbres_text_col(l.rows, i, "state")));
		tdict_set(row, "state", tr(r, adjustment_state_key(
		    dbres_text_col(l.rows, i, "state"))));
		tdict_set(row, "tracking", tr(r, adjustment_tracking_key(
		    dbres_text_col(l.rows, i, "tracking"))));
		tdict_set(row, "proposed_at", dbres_text_col(l.rows, i,
		    "proposed_at"));
	}
	commission_tabs(r, "adjustments");
	rc = page_send(r, list_status(&l), "commission/adjustments-list.tpl",
	    "adj_title", "commission");
out:
	list_done(&l);
	return rc;
}

/* ---- proposing ---- */

static const char *const adj_labels[ADJ__MAX] = {
	[ADJ_PERSON] = "adj_rep", [ADJ_PERIOD] = "adj_period",
	[ADJ_AMOUNT] = "adj_amount", [ADJ_REASON] = "adj_reason",
};

/* The proposal form: what was typed with what was refused (f), or a
 * fresh one (f NULL; ?person= picks the rep). */
static int
new_page(struct req *r, int status, const struct form *f)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	const char *person, *period;
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL && (rc = form_show(&fe, d, f, adj_labels, NULL)) != 0)
		return rc;
	person = f != NULL ? form_raw(f, ADJ_PERSON) : req_get(&r->q, "person");
	period = f != NULL ? form_raw(f, ADJ_PERIOD) : NULL;
	if ((rc = cm_reps(r, d, "PERSON_OPT", person)) != 0 ||
	    (rc = cm_open_periods(r, d, "PERIOD_OPT", period)) != 0)
		return rc;
	tdict_set(d, "proposed_as", tr(r, has_role(r, ROLE_HR) ?
	    "adj_as_hr" : "adj_as_finance"));
	commission_tabs(r, "adjustments");
	return page_send(r, status, "commission/adjustments-new.tpl",
	    "adj_new_title", "commission");
}

static int
new_get(struct req *r)
{
	return new_page(r, 200, NULL);
}

static int
new_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct form f;
	int64_t id = 0;
	int rc;

	rc = adjustment_propose(&a, &r->form, &f, ADJ_KIND_MANUAL, 0, &id);
	if (rc == TC_EINVAL)
		rc = new_page(r, 422, &f);
	else if (rc == 0)
		rc = http_redirect_done(r, "/commission/adjustments", id,
		    "proposed");
	form_free(&f);
	return rc;
}

/* ---- one adjustment ---- */

/* The adjustment's page; status 409 with the state it has now when
 * conflict, or the refusal msg (a catalogue key) next to the buttons. */
static int
detail_page(struct req *r, int status, bool conflict, const char *msg,
    const char *comment)
{
	struct scope sc = scope_of(r, &adjustment_scope);
	struct wf_actor wa = wf_actor_of(r);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL, *moves = NULL;
	struct wf_row *row = NULL;
	const char *done = req_get(&r->q, "done");
	char key[64], href[64];
	int rc;

	if ((rc = db_query(r->app->db, &page_db, S_ONE,
	    DB_ARGS(P_INT(r->ids[0]), SCOPE_ARGS(&sc)), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	tdict_set(d, "id", dbres_text_col(res, 0, "id"));
	tdict_set(d, "state_code", cm_state_class(dbres_text_col(res, 0,
	    "state")));
	tdict_set(d, "state", tr(r, adjustment_state_key(
	    dbres_text_col(res, 0, "state"))));
	snprintf(key, sizeof(key), "adj_kind_%s", dbres_text_col(res, 0,
	    "kind"));
	tdict_set(d, "kind", tr(r, key));
	cm_set_money(d, "amount", dbres_money_col(res, 0, "amount"));
	tdict_set(d, "reason", dbres_text_col(res, 0, "reason"));
	tdict_set(d, "tracking", tr(r, adjustment_tracking_key(
	    dbres_text_col(res, 0, "tracking"))));
	tdict_set(d, "period", dbres_text_col(res, 0, "label"));
	if (strcmp(dbres_text_col(res, 0, "period_state"), "closed") == 0)
		tdict_show_section(d, "PERIOD_CLOSED");
	tdict_set(d, "rep", dbres_text_col(res, 0, "rep"));
	tdict_set(d, "rep_login", dbres_text_col(res, 0, "rep_login"));
	tdict_set(d, "proposer", dbres_text_col(res, 0, "proposer"));
	tdict_set(d, "proposed_as", tr(r, strcmp(dbres_text_col(res, 0,
	    "proposed_as"), "hr") == 0 ? "adj_as_hr" : "adj_as_finance"));
	tdict_set(d, "proposed_at", dbres_text_col(res, 0, "proposed_at"));
	if (*dbres_text_col(res, 0, "approver") != '\0') {
		struct tdict *s = tdict_add_section(d, "APPROVED");

		tdict_set(s, "approver", dbres_text_col(res, 0, "approver"));
		tdict_set(s, "approved_at", dbres_text_col(res, 0,
		    "approved_at"));
	}
	if (*dbres_text_col(res, 0, "rejecter") != '\0') {
		struct tdict *s = tdict_add_section(d, "REJECTED");

		tdict_set(s, "rejecter", dbres_text_col(res, 0, "rejecter"));
		tdict_set(s, "rejected_at", dbres_text_col(res, 0,
		    "rejected_at"));
	}
	if (*dbres_text_col(res, 0, "decision_note") != '\0') {
		struct tdict *s = tdict_add_section(d, "NOTE");

		tdict_set(s, "note", dbres_text_col(res, 0, "decision_note"));
	}
	if (dbres_int_col(res, 0, "dispute_id") > 0) {
		struct tdict *s = tdict_add_section(d, "DISPUTE");

		snprintf(href, sizeof(href), "/commission/disputes/%lld",
		    (long long)dbres_int_col(res, 0, "dispute_id"));
		tdict_set(s, "dispute_href", href);
		tdict_set_int(s, "dispute_id", dbres_int_col(res, 0,
		    "dispute_id"));
	}

	/* the history */
	if ((rc = db_query(r->app->db, &page_db, S_MOVES,
	    DB_ARGS(P_INT(r->ids[0])), &moves)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(moves); i++) {
		struct tdict *m = tdict_add_section(d, "MOVE");

		snprintf(key, sizeof(key), "adj_move_%s",
		    dbres_text_col(moves, i, "action"));
		tdict_set(m, "action", tr(r, key));
		tdict_set(m, "by", dbres_text_col(moves, i, "name"));
		tdict_set(m, "at", dbres_text_col(moves, i, "moved_at"));
		tdict_set(m, "comment", dbres_text_col(moves, i, "comment"));
		if (*dbres_text_col(moves, i, "comment") != '\0')
			tdict_show_section(m, "HAS_COMMENT");
	}

	/* the buttons */
	if ((rc = wf_load(r->app->db, &adjustment_flow, r->ids[0], &sc,
	    &row)) != 0)
		goto out;
	if (wf_may(&wa, row, "approve") || wf_may(&wa, row, "reject")) {
		struct tdict *s = tdict_add_section(d, "DECIDE");

		tdict_set(s, "from", wf_row_state(row));
		tdict_set(s, "comment", comment != NULL ? comment : "");
		if (wf_may(&wa, row, "approve"))
			tdict_show_section(s, "CAN_APPROVE");
		if (wf_may(&wa, row, "reject"))
			tdict_show_section(s, "CAN_REJECT");
		if (msg != NULL) {
			struct tdict *e = tdict_add_section(s, "COMMENT_ERROR");

			tdict_set(e, "error", tr(r, msg));
			tdict_set(e, "error_id", "comment-error");
		}
	} else if (has_role(r, STAFF) &&
	    strcmp(wf_row_state(row), "proposed") == 0) {
		/* why this person has no button: the first guard refusing */
		const char *why = "adj_err_same_department";

		if (wf_row_int(row, "proposed_by") == r->me.id)
			why = "adj_err_own_proposal";
		else if (strcmp(dbres_text_col(res, 0, "period_state"),
		    "closed") == 0)
			why = "adj_err_period_closed";
		tdict_set(tdict_add_section(d, "WAITING_OTHER"), "why",
		    tr(r, why));
	}
	if (msg != NULL && !(wf_may(&wa, row, "approve") ||
	    wf_may(&wa, row, "reject")))
		page_flash(r, "error", tr(r, msg));
	if (done != NULL && strcmp(done, "proposed") == 0)
		page_flash(r, "ok", tr(r, "adj_flash_proposed"));
	else if (done != NULL && strcmp(done, "approved") == 0)
		page_flash(r, "ok", tr(r, "adj_flash_approved"));
	else if (done != NULL && strcmp(done, "rejected") == 0)
		page_flash(r, "ok", tr(r, "adj_flash_rejected"));
	if (conflict)
		wf_flash_conflict(r, tr(r, adjustment_state_key(
		    wf_row_state(row))));
	commission_tabs(r, "adjustments");
	rc = page_send(r, status, "commission/adjustments-detail.tpl",
	    "adj_detail_title", "commission");
out:
	wf_row_free(row);
	dbres_free(moves);
	dbres_free(res);
	return rc;
}

static int
detail_get(struct req *r)
{
	return detail_page(r, 200, false, NULL, NULL);
}

/* Applies action with the page's state and comment; a conflict shows
 * the page again with 409, a refusal with 403 (or 422 for a missing
 * reason) and the message. */
static int
move_post(struct req *r, const char *action, const char *done)
{
	struct wf_actor a = wf_actor_of(r);
	struct wf_request w = wf_request_posted(r, action);
	struct wf_outcome out;
	int rc, status;

	if (w.comment != NULL && strlen(w.comment) > 500)
		return detail_page(r, 422, false, "adj_err_note_long",
		    w.comment);
	rc = adjustment_move(&a, r->ids[0], &w, &out);
	if (rc == 0)
		return http_redirect_done(r, "/commission/adjustments",
		    r->ids[0], done);
	if ((status = wf_refused_status(rc, &out)) == 409)
		return detail_page(r, 409, true, NULL, NULL);
	if (status != 0)
		return detail_page(r, status, false, out.msg, w.comment);
	return rc;
}

static int
approve_post(struct req *r)
{
	return move_post(r, "approve", "approved");
}

static int
reject_post(struct req *r)
{
	return move_post(r, "reject", "rejected");
}

static const struct route adj_routes[] = {
	{ "GET", "/commission/adjustments", CM_ROLES_ALL, list_get },
	{ "GET", "/commission/adjustments/new", STAFF, new_get },
	{ "POST", "/commission/adjustments/new", STAFF, new_post },
	{ "GET", "/commission/adjustments/#", CM_ROLES_ALL, detail_get },
	{ "POST", "/commission/adjustments/#/approve", STAFF, approve_post },
	{ "POST", "/commission/adjustments/#/reject", STAFF, reject_post },
};

const struct route_set cm_adjustments_route_set = ROUTE_SET(adj_routes);
