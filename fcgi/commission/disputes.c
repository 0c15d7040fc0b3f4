/* disputes.c: the disputes area of commission.fcgi.
 *
 *   GET  /commission/disputes               the list (core/list): a rep
 *                                           their own, a manager the
 *                                           team's, HR, finance and
 *                                           management all
 *   GET  /commission/disputes/new[?line=ID] a rep's form: on one of their
 *                                           lines, or on a missing order
 *   POST /commission/disputes/new           raise it (dispute.h)
 *   GET  /commission/disputes/#             the dispute, its line (and
 *                                           whether a re-run removed it),
 *                                           its thread, its outcome, the
 *                                           forms its reader may use
 *   POST /commission/disputes/#/reply       a message in the thread
 *   POST /commission/disputes/#/withdraw    the rep takes it back
 *   POST /commission/disputes/#/reject      HR or finance, with a reply
 *   POST /commission/disputes/#/accept      HR or finance, with an
 *                                           adjustment in an open period
 *
 * Another rep's dispute or line is 404. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/adjview.h"
#include "commission/dispute.h"
#include "commission/web.h"
#include "core/formview.h"
#include "core/list.h"

#define STAFF (ROLE_HR | ROLE_FINANCE)
#define REPS (ROLE_SALES | ROLE_MANAGER)

enum stmt { S_LINE, S_ONE, S_MOVES, S__MAX };

/* A line as a dispute shows it (the line's own columns, its order and
 * product, its rule; removed when a later run took it away). */
#define LINE_COLS \
	" l.id AS line_id, l.commission, l.line_date, pe2.label AS" \
	" line_period, o.order_no, ol.line_no, pr.name_zh AS product_zh," \
	" pr.name_en AS product_en, COALESCE(ru.code, '') AS rule," \
	" l.removed_run_id IS NOT NULL AS removed"
#define LINE_JOINS \
	" JOIN periods pe2 ON pe2.id = l.period_id" \
	" JOIN order_lines ol ON ol.id = l.order_line_id" \
	" JOIN orders o ON o.id = ol.order_id" \
	" JOIN products pr ON pr.id = ol.product_id" \
	" LEFT JOIN plan_rules ru ON ru.id = l.rule_id"

static const char *const stmts[S__MAX] = {
	/* the reader's own line: id, me */
	[S_LINE] =
	    "SELECT" LINE_COLS " FROM commission_lines l" LINE_JOINS
	    " WHERE l.id = ? AND l.person_id = ?",
	/* id, scope */
	[S_ONE] =
	    "SELECT d.id, d.state, d.comment, d.order_ref, d.created_at,"
	    " d.reply, COALESCE(d.adjustment_id, 0) AS adjustment_id,"
	    " pe.label, p.name AS rep, p.login AS rep_login,"
	    " COALESCE(ab.name, '') AS answerer,"
	    " COALESCE(d.answered_at, '') AS answered_at,"
	    " COALESCE(a.state, '') AS adj_state, COALESCE(a.amount, 0) AS"
	    " adj_amount, COALESCE(ape.label, '') AS adj_period,"
	    " d.line_id IS NOT NULL AS has_line," LINE_COLS
	    " FROM commission_disputes d"
	    " JOIN periods pe ON pe.id = d.period_id"
	    " JOIN people p ON p.id = d.person_id"
	    " LEFT JOIN people ab ON ab.id = d.answered_by"
	    " LEFT JOIN commission_adjustments a ON a.id = d.adjustment_id"
	    " LEFT JOIN periods ape ON ape.id = a.period_id"
	    " LEFT JOIN (commission_lines l" LINE_JOINS ") ON l.id = d.line_id"
	    " WHERE d.id = ? AND " SCOPE_SQL("d.person_id"),
	[S_MOVES] =
	    "SELECT m.action, m.to_state, m.moved_at, m.comment, p.name"
	    " FROM commission_dispute_moves m JOIN people p ON p.id = m.moved_by"
	    " WHERE m.dispute_id = ? ORDER BY m.id",
};

static struct db_table page_db = DB_TABLE("commission.disputes", stmts);

/* The line's figures into d. */
static void
show_line(struct req *r, struct tdict *d, const struct dbres *res)
{
	char href[64];

	tdict_set(d, "line_id", dbres_text_col(res, 0, "line_id"));
	snprintf(href, sizeof(href), "/commission/lines/%s",
	    dbres_text_col(res, 0, "line_id"));
	tdict_set(d, "line_href", href);
	tdict_set(d, "line_period", dbres_text_col(res, 0, "line_period"));
	tdict_set(d, "line_date", dbres_text_col(res, 0, "line_date"));
	tdict_set(d, "order_no", dbres_text_col(res, 0, "order_no"));
	tdict_set(d, "line_no", dbres_text_col(res, 0, "line_no"));
	tdict_set(d, "product", tr_stored(r, dbres_text_col(res, 0,
	    "product_zh"), dbres_text_col(res, 0, "product_en")));
	tdict_set(d, "rule", *dbres_text_col(res, 0, "rule") != '\0' ?
	    dbres_text_col(res, 0, "rule") : tr(r, "dsp_unmatched"));
	cm_set_money(d, "line_commission", dbres_money_col(res, 0,
	    "commission"));
	if (dbres_int_col(res, 0, "removed") != 0)
		tdict_show_section(d, "LINE_REMOVED");
}

/* ---- the list ---- */

static const char *const states[] = { "open", "accepted", "rejected",
    "withdrawn", NULL };

enum { DF_STATE, DF_PERIOD, DF__MAX };

static const struct list_filter dsp_filters[DF__MAX] = {
	[DF_STATE] = { .field = { "state", form_oneof, 0, 0, 0,
	    "dsp_err_state", states }, .label = "dsp_state",
	    .where = { "d.state = ?", { LA_TEXT } } },
	[DF_PERIOD] = { .field = { "period", form_code, 0, 1, 8,
	    "dsp_err_period", NULL }, .label = "dsp_period",
	    .where = { "pe.label = ?", { LA_TEXT } } },
};

static const struct list_sort dsp_sorts[] = {
	{ "id", "dsp_created_at", "d.id", "d.id DESC", LIST_SORT_DESC_FIRST },
};

static const struct list_def dsp_list = {
	.name = "disputes",
	.path = "/commission/disputes",
	.select = "SELECT d.id, d.state, d.comment, d.order_ref, d.created_at,"
	    " pe.label, p.name AS rep, COALESCE(o.order_no, '') AS order_no,"
	    " COALESCE(l.removed_run_id IS NOT NULL, 0) AS removed,"
	    " d.line_id IS NOT NULL AS has_line",
	.from = " FROM commission_disputes d"
	    " JOIN periods pe ON pe.id = d.period_id"
	    " JOIN people p ON p.id = d.person_id"
	    " LEFT JOIN commission_lines l ON l.id = d.line_id"
	    " LEFT JOIN order_lines ol ON ol.id = l.order_line_id"
	    " LEFT JOIN orders o ON o.id = ol.order_id",
	.filters = dsp_filters,
	.nfilters = DF__MAX,
	.sorts = dsp_sorts,
	.nsorts = 1,
	.desc_default = true,
	.per_page = 50,
	.cap = 10000,
	.no_headings = true,
};

static const struct list_scope dsp_list_scope =
    LIST_SCOPE_PERSON("d.person_id");

static int
list_get(struct req *r)
{
	struct scope sc = scope_of(r, &dispute_scope);
	struct tdict *d = page_body(r);
	const struct form_value *v;
	struct list l;
	int rc;

	list_init(&l, &dsp_list);
	list_scope(&l, &dsp_list_scope, sc.kind, sc.me, sc.team, sc.login);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	v = list_value(&l, DF_STATE);
	form_choices(d, "STATE_OPT", states, r->cat, "dsp_state_",
	    v != NULL ? v->s : NULL);
	if (has_role(r, REPS))
		tdict_show_section(d, "CAN_RAISE");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "DSP");
		const char *comment = dbres_text_col(l.rows, i, "comment");

		tdict_set(row, "id", dbres_text_col(l.rows, i, "id"));
		tdict_set(row, "created_at", dbres_text_col(l.rows, i,
		    "created_at"));
		tdict_set(row, "period", dbres_text_col(l.rows, i, "label"));
		tdict_set(row, "rep", dbres_text_col(l.rows, i, "rep"));
		if (dbres_int_col(l.rows, i, "has_line") != 0) {
			tdict_set(tdict_add_section(row, "ON_LINE"), "order_no",
			    dbres_text_col(l.rows, i, "order_no"));
			if (dbres_int_col(l.rows, i, "removed") != 0)
				tdict_show_section(row, "REMOVED");
		} else
			tdict_set(tdict_add_section(row, "MISSING"),
			    "order_ref", dbres_text_col(l.rows, i,
			    "order_ref"));
		tdict_set(row, "comment", comment);
		tdict_set(row, "state_code", cm_state_class(
		    dbres_text_col(l.rows, i, "state")));
		tdict_set(row, "state", tr(r, dispute_state_key(
		    dbres_text_col(l.rows, i, "state"))));
	}
	commission_tabs(r, "disputes");
	rc = page_send(r, list_status(&l), "commission/disputes-list.tpl",
	    "dsp_title", "commission");
out:
	list_done(&l);
	return rc;
}

/* ---- raising ---- */

static const char *const dsp_labels[DSP__MAX] = {
	[DSP_LINE] = "dsp_line", [DSP_ORDER] = "dsp_order",
	[DSP_PERIOD] = "dsp_period", [DSP_COMMENT] = "dsp_comment",
};

/* The form: on line (the rep's own: else 404) or a missing order. */
static int
new_page(struct req *r, int status, const struct form *f)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	const char *line = f != NULL ? form_raw(f, DSP_LINE) :
	    req_get(&r->q, "line");
	int64_t id = 0;
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL && (rc = form_show(&fe, d, f, dsp_labels, NULL)) != 0)
		return rc;
	if (line != NULL && *line != '\0') {
		struct dbres *res = NULL;
		struct form_value v;
		char *scratch = NULL;

		if (form_check(&dispute_fields[DSP_LINE], line, &scratch,
		    &v) != 0 || v.s == NULL) {
			free(scratch);
			return TC_ENOTFOUND;
		}
		id = v.i;
		free(scratch);
		if ((rc = db_query(r->app->db, &page_db, S_LINE,
		    DB_ARGS(P_INT(id), P_INT(r->me.id)), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0) {
			dbres_free(res);
			return TC_ENOTFOUND;
		}
		show_line(r, tdict_add_section(d, "ON_LINE"), res);
		tdict_set(d, "line", dbres_text_col(res, 0, "line_id"));
		dbres_free(res);
	} else {
		struct tdict *m = tdict_add_section(d, "MISSING");

		tdict_set(m, "order", f != NULL ? form_raw(f, DSP_ORDER) : "");
		tdict_set(m, "period", f != NULL ? form_raw(f, DSP_PERIOD) :
		    "");
	}
	commission_tabs(r, "disputes");
	return page_send(r, status, "commission/disputes-new.tpl",
	    "dsp_new_title", "commission");
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

	rc = dispute_raise(&a, &r->form, &f, &id);
	if (rc == TC_EINVAL)
		rc = new_page(r, 422, &f);
	else if (rc == 0)
		rc = http_redirect_done(r, "/commission/disputes", id,
		    "raised");
	form_free(&f);
	return rc;
}

/* ---- one dispute ---- */

/* What a refused or conflicting answer shows again. */
struct answer {
	int status;
	bool conflict;
	const char *action;         /* the form that was refused, or NULL */
	const char *msg;            /* its message (catalogue key), or NULL */
	const struct form *adj;     /* accept: the adjustment's fields */
	const char *comment;        /* what was typed in its comment */
};

static const char *const accept_labels[ADJ__MAX] = {
	[ADJ_PERIOD] = "adj_period", [ADJ_AMOUNT] = "adj_amount",
	[ADJ_REASON] = "dsp_reply",
};

/* A comment form's section (REPLY, WITHDRAW, REJECT) with its state and
 * the refusal shown next to its comment. */
static struct tdict *
comment_form(struct req *r, struct tdict *d, const char *section,
    const char *action, const char *from, const struct answer *ans)
{
	struct tdict *s = tdict_add_section(d, section);
	bool mine = ans != NULL && ans->action != NULL &&
	    strcmp(ans->action, action) == 0;

	tdict_set(s, "from", from);
	tdict_set(s, "comment", mine && ans->comment != NULL ? ans->comment :
	    "");
	if (mine && ans->msg != NULL) {
		struct tdict *e = tdict_add_section(s, "COMMENT_ERROR");
		char id[40];

		snprintf(id, sizeof(id), "%s-comment-error", action);
		tdict_set(e, "error", tr(r, ans->msg));
		tdict_set(e, "error_id", id);
	}
	return s;
}

static int
detail_page(struct req *r, const struct answer *ans)
{
	struct scope sc = scope_of(r, &dispute_scope);
	struct wf_actor wa = wf_actor_of(r);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL, *moves = NULL;
	struct wf_row *row = NULL;
	const char *done = req_get(&r->q, "done");
	const char *from;
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
	tdict_set(d, "state", tr(r, dispute_state_key(dbres_text_col(res, 0,
	    "state"))));
	tdict_set(d, "rep", dbres_text_col(res, 0, "rep"));
	tdict_set(d, "rep_login", dbres_text_col(res, 0, "rep_login"));
	tdict_set(d, "period", dbres_text_col(res, 0, "label"));
	tdict_set(d, "created_at", dbres_text_col(res, 0, "created_at"));
	tdict_set(d, "comment", dbres_text_col(res, 0, "comment"));
	if (dbres_int_col(res, 0, "has_line") != 0)
		show_line(r, tdict_add_section(d, "ON_LINE"), res);
	else
		tdict_set(tdict_add_section(d, "MISSING"), "order_ref",
		    dbres_text_col(res, 0, "order_ref"));

	/* the outcome */
	if (strcmp(dbres_text_col(res, 0, "state"), "open") != 0 &&
	    strcmp(dbres_text_col(res, 0, "state"), "withdrawn") != 0) {
		struct tdict *o = tdict_add_section(d, "OUTCOME");

		tdict_set(o, "answerer", dbres_text_col(res, 0, "answerer"));
		tdict_set(o, "answered_at", dbres_text_col(res, 0,
		    "answered_at"));
		tdict_set(o, "reply", dbres_text_col(res, 0, "reply"));
		if (dbres_int_col(res, 0, "adjustment_id") > 0) {
			struct tdict *a = tdict_add_section(o, "ADJUSTMENT");

			snprintf(href, sizeof(href),
			    "/commission/adjustments/%lld", (long long)
			    dbres_int_col(res, 0, "adjustment_id"));
			tdict_set(a, "adj_href", href);
			cm_set_money(a, "adj_amount", dbres_money_col(res, 0,
			    "adj_amount"));
			tdict_set(a, "adj_period", dbres_text_col(res, 0,
			    "adj_period"));
			tdict_set(a, "adj_state_code", cm_state_class(
			    dbres_text_col(res, 0, "adj_state")));
			tdict_set(a, "adj_state", tr(r, adjustment_state_key(
			    dbres_text_col(res, 0, "adj_state"))));
		}
	}

	/* the thread */
	if ((rc = db_query(r->app->db, &page_db, S_MOVES,
	    DB_ARGS(P_INT(r->ids[0])), &moves)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(moves); i++) {
		struct tdict *m = tdict_add_section(d, "MOVE");

		snprintf(key, sizeof(key), "dsp_move_%s",
		    dbres_text_col(moves, i, "action"));
		tdict_set(m, "action", tr(r, key));
		tdict_set(m, "by", dbres_text_col(moves, i, "name"));
		tdict_set(m, "at", dbres_text_col(moves, i, "moved_at"));
		tdict_set(m, "comment", dbres_text_col(moves, i, "comment"));
		if (*dbres_text_col(moves, i, "comment") != '\0')
			tdict_show_section(m, "HAS_COMMENT");
	}

	/* the forms the reader may use now */
	if ((rc = wf_load(r->app->db, &dispute_flow, r->ids[0], &sc,
	    &row)) != 0)
		goto out;
	from = wf_row_state(row);
	if (wf_may(&wa, row, "reply"))
		comment_form(r, d, "REPLY", "reply", from, ans);
	if (wf_may(&wa, row, "withdraw"))
		comment_form(r, d, "WITHDRAW", "withdraw", from, ans);
	if (wf_may(&wa, row, "reject"))
		comment_form(r, d, "REJECT", "reject", from, ans);
	if (wf_may(&wa, row, "accept")) {
		struct tdict *s = tdict_add_section(d, "ACCEPT");
		const struct form *f = ans != NULL && ans->adj != NULL ?
		    ans->adj : NULL;
		struct form_errors fe;

		tdict_set(s, "from", from);
		form_errors_init(&fe, s, r->cat);
		if (f != NULL && (rc = form_show(&fe, s, f, accept_labels,
		    NULL)) != 0)
			goto out;
		/* the dispute's own period when it is open, else the
		 * oldest open one (the next to be settled) */
		if ((rc = cm_open_periods(r, s, "PERIOD_OPT", f != NULL ?
		    form_raw(f, ADJ_PERIOD) : dbres_text_col(res, 0,
		    "label"))) != 0)
			goto out;
		if (ans != NULL && ans->action != NULL &&
		    strcmp(ans->action, "accept") == 0 && ans->msg != NULL)
			form_summary_add(&fe, NULL, NULL, tr(r, ans->msg));
	}
	if (ans != NULL && ans->msg != NULL && ans->status == 403)
		page_flash(r, "error", tr(r, ans->msg));
	if (done != NULL) {
		snprintf(key, sizeof(key), "dsp_flash_%s", done);
		if (strcmp(done, "raised") == 0 || strcmp(done, "reply") == 0 ||
		    strcmp(done, "withdraw") == 0 ||
		    strcmp(done, "reject") == 0 || strcmp(done, "accept") == 0)
			page_flash(r, "ok", tr(r, key));
	}
	if (ans != NULL && ans->conflict)
		wf_flash_conflict(r, tr(r, dispute_state_key(from)));
	commission_tabs(r, "disputes");
	rc = page_send(r, ans != NULL ? ans->status : 200,
	    "commission/disputes-detail.tpl", "dsp_detail_title",
	    "commission");
out:
	wf_row_free(row);
	dbres_free(moves);
	dbres_free(res);
	return rc;
}

static int
detail_get(struct req *r)
{
	return detail_page(r, NULL);
}

/* The page again after a refused or late move of action. */
static int
answer_again(struct req *r, int rc, const char *action,
    const struct wf_outcome *out, const struct form *adj)
{
	struct answer ans = { wf_refused_status(rc, out), false, action,
	    out->msg, adj, req_get(&r->form, "comment") };

	if (ans.status == 409) {
		ans.conflict = true;
		ans.action = NULL;
		ans.msg = NULL;
	} else if (rc == TC_EINVAL && adj != NULL) {
		/* the adjustment's own fields name what will not do */
		ans.status = 422;
		ans.msg = form_has_errors(adj) ? NULL : out->msg;
	} else if (ans.status == 0)
		return rc;
	return detail_page(r, &ans);
}

static int
move_post(struct req *r, const char *action)
{
	struct wf_actor a = wf_actor_of(r);
	struct wf_request w = wf_request_posted(r, action);
	struct wf_outcome out;
	int rc;

	if (w.comment != NULL && strlen(w.comment) > 2000) {
		memset(&out, 0, sizeof(out));
		out.msg = "dsp_err_comment_long";
		return answer_again(r, TC_EINVAL, action, &out, NULL);
	}
	rc = dispute_move(&a, r->ids[0], &w, &out);
	if (rc == 0)
		return http_redirect_done(r, "/commission/disputes", r->ids[0],
		    action);
	return answer_again(r, rc, action, &out, NULL);
}

static int
reply_post(struct req *r)
{
	return move_post(r, "reply");
}

static int
withdraw_post(struct req *r)
{
	return move_post(r, "withdraw");
}

static int
reject_post(struct req *r)
{
	return move_post(r, "reject");
}

static int
accept_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct wf_outcome out;
	struct form f;
	int64_t adj = 0;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = dispute_accept(&a, r->ids[0], req_get(&r->form, "from"),
	    &r->form, &f, &adj, &out);
	if (rc == 0)
		rc = http_redirect_done(r, "/commission/disputes", r->ids[0],
		    "accept");
	else
		rc = answer_again(r, rc, "accept", &out, f.e != NULL ? &f :
		    NULL);
	form_free(&f);
	return rc;
}

static const struct route dsp_routes[] = {
	{ "GET", "/commission/disputes", CM_ROLES_ALL, list_get },
	{ "GET", "/commission/disputes/new", REPS, new_get },
	{ "POST", "/commission/disputes/new", REPS, new_post },
	{ "GET", "/commission/disputes/#", CM_ROLES_ALL, detail_get },
	{ "POST", "/commission/disputes/#/reply", REPS | STAFF, reply_post },
	{ "POST", "/commission/disputes/#/withdraw", REPS, withdraw_post },
	{ "POST", "/commission/disputes/#/reject", STAFF, reject_post },
	{ "POST", "/commission/disputes/#/accept", STAFF, accept_post },
};

const struct route_set cm_disputes_route_set = ROUTE_SET(dsp_routes);
