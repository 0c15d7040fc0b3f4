/* pages.c: the statements' pages: the list (status queries, filters,
 * generation, batch actions), a statement with its history and the
 * buttons of the moves the reader may make now, and the action routes.
 *
 * Every statement is read within the reader's scope (settlement.h): an id
 * out of it is 404.  The moves go through core/workflow (flow.c): a move
 * that came too late is 409, one this person may not make 403, with the
 * statement shown again and the reason. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "core/money.h"
#include "settlement/settlement.h"

#define ACT_ROLES (ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)
#define ID_MAX 4294967295LL
#define BATCH_MAX 200

enum stmt {
	ST_STATEMENT, ST_ITEMS, ST_HISTORY, ST_CLOSED, ST_TEAMS, ST_REPS,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	/* id, read scope */
	[ST_STATEMENT] =
	    "SELECT s.id, s.number, p.label, s.person_id, pe.name AS rep,"
	    " pe.login, s.team, s.state, s.revision, s.commission, s.bonus,"
	    " s.prizes, s.adjustments, s.carried_in, s.net, s.payable,"
	    " s.carried_out, s.verify_code, s.paid_reference, s.paid_on,"
	    " s.rejected_reason, s.prepared_at,"
	    " pp.name AS preparer, ps.name AS submitter, pr.name AS reviewer,"
	    " pa.name AS approver, pd.name AS payer, s.submitted_at,"
	    " s.reviewed_at, s.approved_at, s.paid_at, pe.department,"
	    " pe.employee_no, s.final"
	    " FROM settlement_statements s JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id"
	    " JOIN people pp ON pp.id = s.prepared_by"
	    " LEFT JOIN people ps ON ps.id = s.submitted_by"
	    " LEFT JOIN people pr ON pr.id = s.reviewed_by"
	    " LEFT JOIN people pa ON pa.id = s.approved_by"
	    " LEFT JOIN people pd ON pd.id = s.paid_by"
	    " WHERE s.id = ? AND " SCOPE_STORED_SQL("s.person_id", "s.team",
	    "s.manager_login"),
	[ST_ITEMS] =
	    "SELECT kind, rule_code, line_count, label, amount FROM"
	    " settlement_items WHERE statement_id = ? ORDER BY position",
	[ST_HISTORY] =
	    "SELECT h.from_state, h.to_state, h.action, h.comment, h.at,"
	    " pe.name FROM settlement_history h JOIN people pe ON pe.id ="
	    " h.by_id WHERE h.statement_id = ? ORDER BY h.id",
	[ST_CLOSED] =
	    "SELECT label FROM periods WHERE state = 'closed'"
	    " ORDER BY first_day DESC LIMIT 36",
	[ST_TEAMS] =
	    "SELECT DISTINCT team FROM people WHERE team <> '' ORDER BY team",
	[ST_REPS] =
	    "SELECT id, name FROM people WHERE (CAST(roles AS UNSIGNED) & 3)"
	    " <> 0 ORDER BY name, id",
};

static struct db_table pages_db = DB_TABLE("settlement.pages", stmts);

static const struct page_tab tabs[] = {
	{ "statements", "/settlement/statements", SETTLEMENT_ROLES },
	{ "reports", "/settlement/reports", ROLE_HR | ROLE_FINANCE |
	    ROLE_REVIEWER | ROLE_MANAGEMENT },
	{ "cost", "/settlement/cost", ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER |
	    ROLE_MANAGEMENT },
	{ "verify", "/settlement/verify", SETTLEMENT_ROLES },
};

void
settlement_tabs(struct req *r, const char *current)
{
	page_tabs(r, "STL_TABS", "nav_settlement", tabs,
	    sizeof(tabs) / sizeof(tabs[0]), "stl_tab_", current);
}

/* ---- the list ---- */

enum { LF_PERIOD, LF_STATE, LF_TEAM, LF_REP, LF__MAX };

static const struct list_filter stl_filters[LF__MAX] = {
	[LF_PERIOD] = { .field = { "period", form_text, 0, 1, 8, NULL, NULL },
	    .label = "stl_period",
	    .where = { "p.label = ?", { LA_TEXT } } },
	[LF_STATE] = { .field = { "state", form_oneof, 0, 0, 0, NULL,
	    settlement_states }, .label = "stl_state",
	    .where = { "s.state = ?", { LA_TEXT } } },
	[LF_TEAM] = { .field = { "team", form_text, 0, 1, 64, NULL, NULL },
	    .label = "stl_team", .where = { "s.team = ?", { LA_TEXT } } },
	[LF_REP] = { .field = { "rep", form_int64, 0, 1, ID_MAX, NULL, NULL },
	    .label = "stl_rep", .where = { "s.person_id = ?", { LA_INT } } },
};

/* By the unique (period_id, seq) and (state, period_id) keys. */
static const struct list_sort stl_sorts[] = {
	{ "number", "stl_number", "s.period_id, s.seq",
	    "s.period_id DESC, s.seq DESC", LIST_SORT_DESC_FIRST },
	{ "state", "stl_state", "s.state, s.period_id, s.id",
	    "s.state DESC, s.period_id DESC, s.id DESC", 0 },
};

static const struct list_scope stl_scope = {
	"s.person_id = ?",
	"(s.person_id = ? OR (s.team = ? AND s.team <> '') OR"
	" s.manager_login = ?)",
};

static const struct list_def stl_list = {
	.name = "settlement-statements",
	.path = "/settlement/statements",
	.select = "SELECT s.id, s.number, p.label, pe.name, s.team, s.state,"
	    " s.net, s.payable, s.carried_out",
	.from = " FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id"
	    " JOIN people pe ON pe.id = s.person_id",
	.totals = "COUNT(*), COALESCE(SUM(t.pay), 0)",
	.totals_cols = "s.payable AS pay",
	.filters = stl_filters, .nfilters = LF__MAX,
	.sorts = stl_sorts, .nsorts = sizeof(stl_sorts) / sizeof(stl_sorts[0]),
	.sort_default = 0, .desc_default = true,
	.per_page = 50,
};

enum { LC_ID, LC_NUMBER, LC_PERIOD, LC_REP, LC_TEAM, LC_STATE, LC_NET,
    LC_PAYABLE, LC_CARRIED };

static void
set_money(struct tdict *d, const char *name, money_t v)
{
	char buf[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(buf, v, true));
}

static void
state_badge(struct req *r, struct tdict *d, const char *state)
{
	tdict_set(d, "state", state);
	tdict_set(d, "state_label", tr(r, settlement_state_key(state)));
}

/* Options of the filters: closed periods, teams, reps. */
static int
filter_options(struct req *r, struct tdict *d, const struct list *l)
{
	const struct form_value *v;
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &pages_db, ST_CLOSED, DB_NOARGS,
	    &res)) != 0)
		return rc;
	v = list_value(l, LF_PERIOD);
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *p = dbres_text(res, i, 0);

		form_option(d, "PERIOD_OPTION", p, p, v != NULL &&
		    strcmp(v->s, p) == 0);
		if (has_role(r, ROLE_FINANCE))
			form_option(d, "GEN_PERIOD", p, p, i == 0);
	}
	dbres_free(res);
	v = list_value(l, LF_STATE);
	form_choices(d, "STATE_OPTION", settlement_states, r->cat,
	    "stl_state_", v != NULL ? v->s : NULL);
	if ((r->me.roles & ~(unsigned)ROLE_SALES) == 0)
		return 0;       /* a rep sees only their own */
	if ((rc = db_query(r->app->db, &pages_db, ST_TEAMS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	v = list_value(l, LF_TEAM);
	for (size_t i = 0; i < dbres_rows(res); i++)
		form_option(d, "TEAM_OPTION", dbres_text(res, i, 0),
		    dbres_text(res, i, 0), v != NULL &&
		    strcmp(v->s, dbres_text(res, i, 0)) == 0);
	dbres_free(res);
	if ((rc = db_query(r->app->db, &pages_db, ST_REPS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	v = list_value(l, LF_REP);
	for (size_t i = 0; i < dbres_rows(res); i++)
		form_option(d, "REP_OPTION", dbres_text(res, i, 0),
		    dbres_text(res, i, 1), v != NULL &&
		    v->i == dbres_int(res, i, 0));
	dbres_free(res);
	tdict_show_section(d, "WIDE_FILTERS");
	return 0;
}

static int
list_get(struct req *r)
{
	struct scope s = scope_of(r, &settlement_scope_read);
	struct tdict *d = page_body(r);
	const char *done = req_get(&r->q, "done");
	struct list l;
	int rc;

	list_init(&l, &stl_list);
	list_scope(&l, &stl_scope, s.kind, s.me, s.team, s.login);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	if ((rc = filter_options(r, d, &l)) != 0)
		goto out;
	if (!l.invalid && !l.capped)
		set_money(d, "total_payable", dbres_money(l.totals, 0, 1));
	if (has_role(r, ROLE_FINANCE))
		tdict_show_section(d, "CAN_GENERATE");
	{
		/* every form of the chosen period, as one document */
		const struct form_value *v = list_value(&l, LF_PERIOD);

		if (has_role(r, ROLE_FINANCE) && v != NULL &&
		    strspn(v->s, "0123456789-Q") == strlen(v->s))
			tdict_set(tdict_add_section(d, "PRINT_PERIOD"),
			    "print_period", v->s);
	}
	if (has_role(r, ACT_ROLES))
		tdict_show_section(d, "CAN_BATCH");
	if (has_role(r, ROLE_FINANCE))
		tdict_show_section(d, "CAN_PAY");
	if (has_role(r, ROLE_REVIEWER))
		tdict_show_section(d, "CAN_REVIEW");
	if (has_role(r, ROLE_MANAGEMENT))
		tdict_show_section(d, "CAN_APPROVE");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ROW");

		tdict_set(row, "id", dbres_text(l.rows, i, LC_ID));
		tdict_set(row, "number", dbres_text(l.rows, i, LC_NUMBER));
		tdict_set(row, "period", dbres_text(l.rows, i, LC_PERIOD));
		tdict_set(row, "rep", dbres_text(l.rows, i, LC_REP));
		tdict_set(row, "team", dbres_text(l.rows, i, LC_TEAM));
		state_badge(r, row, dbres_text(l.rows, i, LC_STATE));
		set_money(row, "payable", dbres_money(l.rows, i, LC_PAYABLE));
		if (dbres_money(l.rows, i, LC_CARRIED) < 0)
			set_money(tdict_add_section(row, "CARRIED"),
			    "carried", dbres_money(l.rows, i, LC_CARRIED));
		if (has_role(r, ACT_ROLES))
			tdict_show_section(row, "CAN_BATCH");
	}
	if (done != NULL && strcmp(done, "generated") == 0) {
		char msg[256];

		snprintf(msg, sizeof(msg), "%s %s / %s / %s",
		    tr(r, "stl_flash_generated"),
		    req_get(&r->q, "made") ? req_get(&r->q, "made") : "0",
		    req_get(&r->q, "replaced") ? req_get(&r->q, "replaced") : "0",
		    req_get(&r->q, "kept") ? req_get(&r->q, "kept") : "0");
		page_flash(r, "ok", msg);
	}
	settlement_tabs(r, "statements");
	rc = page_send(r, list_status(&l), "settlement/list.tpl",
	    "stl_title", "settlement");
out:
	list_done(&l);
	return rc;
}

static int
index_get(struct req *r)
{
	return http_redirect(r, "/settlement/statements");
}

/* ---- generation ---- */

enum { GF_PERIOD, GF__MAX };
static const struct field gen_fields[GF__MAX] = {
	[GF_PERIOD] = { "period", form_text, 1, 1, 8, "stl_err_period", NULL },
};

static int
generate_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct settlement_gen g;
	struct form f;
	char loc[160];
	int rc;

	if ((rc = form_validate(&f, gen_fields, GF__MAX, &r->form)) != 0 &&
	    rc != TC_EINVAL)
		goto out;
	if (f.e[GF_PERIOD].err != 0) {
		page_flash(r, "error", tr(r, "stl_err_period"));
		rc = page_error(r, 400);
		goto out;
	}
	rc = settlement_generate(&a, settlement_secret(r->app->conf),
	    form_str(&f, GF_PERIOD), &g);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/settlement/statements?period=%s"
		    "&done=generated&made=%d&replaced=%d&kept=%d",
		    form_str(&f, GF_PERIOD), g.made, g.replaced, g.kept);
		rc = http_redirect(r, loc);
	} else if (rc == TC_EDENIED || rc == TC_EINVAL) {
		struct tdict *d = page_body(r);

		tdict_set(d, "error_title", tr(r, "stl_err_generate"));
		tdict_set(d, "error_text", tr(r, g.err[0] ? g.err :
		    "stl_err_period"));
		tdict_set_int(d, "error_status", rc == TC_EDENIED ? 409 : 400);
		tdict_show_section(d, "BACK");
		rc = page_send(r, rc == TC_EDENIED ? 409 : 400,
		    "core/error.tpl", "stl_err_generate", "settlement");
	}
out:
	form_free(&f);
	return rc;
}

/* ---- a statement ---- */

/* The fields of a move: the state the page showed, a comment, and for a
 * payment its reference and date. */
enum { AF_EXPECT, AF_COMMENT, AF_REFERENCE, AF_PAID_ON, AF__MAX };
static const struct field act_fields[AF__MAX] = {
	[AF_EXPECT] = { "expect", form_oneof, 0, 0, 0, NULL,
	    settlement_states },
	[AF_COMMENT] = { "comment", form_text_multiline, 0, 1, 500,
	    "stl_err_comment", NULL },
	[AF_REFERENCE] = { "reference", form_text, 1, 1, 64,
	    "stl_err_reference", NULL },
	[AF_PAID_ON] = { "paid_on", form_date, 1, 0, 0, "stl_err_paid_on",
	    NULL },
};
static const char *const act_labels[AF__MAX] = {
	NULL, "stl_comment", "stl_reference", "stl_paid_on"
};

static const char *const actions[] = {
	"submit", "review", "approve", "reject", "pay", NULL
};

/* Fills d with statement res (one row of ST_STATEMENT): the header, the
 * items, the history.  Shared with the print form (print.c). */
int settlement_fill(struct req *r, struct tdict *d, const struct dbres *res);

int
settlement_fill(struct req *r, struct tdict *d, const struct dbres *res)
{
	static const char *const money_cols[] = {
		"commission", "bonus", "prizes", "adjustments", "carried_in",
		"net", "payable", "carried_out", NULL
	};
	struct dbres *items = NULL, *hist = NULL;
	int64_t id = dbres_int_col(res, 0, "id");
	char buf[256];
	int rc;

	tdict_set(d, "id", dbres_text_col(res, 0, "id"));
	tdict_set(d, "number", dbres_text_col(res, 0, "number"));
	tdict_set(d, "period", dbres_text_col(res, 0, "label"));
	tdict_set(d, "rep", dbres_text_col(res, 0, "rep"));
	tdict_set(d, "rep_login", dbres_text_col(res, 0, "login"));
	tdict_set(d, "rep_id", dbres_text_col(res, 0, "person_id"));
	tdict_set(d, "team", dbres_text_col(res, 0, "team"));
	tdict_set(d, "department", dbres_text_col(res, 0, "department"));
	tdict_set(d, "employee_no", dbres_text_col(res, 0, "employee_no"));
	tdict_set(d, "revision", dbres_text_col(res, 0, "revision"));
	tdict_set(d, "code", dbres_text_col(res, 0, "verify_code"));
	tdict_set(d, "prepared_at", dbres_text_col(res, 0, "prepared_at"));
	tdict_set(d, "preparer", dbres_text_col(res, 0, "preparer"));
	state_badge(r, d, dbres_text_col(res, 0, "state"));
	for (size_t i = 0; money_cols[i] != NULL; i++)
		set_money(d, money_cols[i], dbres_money_col(res, 0,
		    money_cols[i]));
	if (tc_money_capitals(buf, sizeof(buf), dbres_money_col(res, 0,
	    "payable")) >= 0)
		tdict_set(d, "payable_capitals", buf);
	if (dbres_int_col(res, 0, "final")) {
		tdict_show_section(d, "FINAL");
		if (dbres_money_col(res, 0, "carried_out") < 0)
			tdict_show_section(d, "FINAL_NEGATIVE");
	} else if (dbres_money_col(res, 0, "carried_out") < 0)
		tdict_show_section(d, "CARRIED_OUT");
	if (dbres_money_col(res, 0, "carried_in") < 0)
		tdict_show_section(d, "CARRIED_IN");
	if (!dbres_null_col(res, 0, "paid_reference")) {
		struct tdict *p = tdict_add_section(d, "PAID");

		tdict_set(p, "paid_reference", dbres_text_col(res, 0,
		    "paid_reference"));
		tdict_set(p, "paid_on", dbres_text_col(res, 0, "paid_on"));
	}
	if (strcmp(dbres_text_col(res, 0, "state"), "draft") == 0 &&
	    !dbres_null_col(res, 0, "rejected_reason"))
		tdict_set(tdict_add_section(d, "REJECTED"), "rejected_reason",
		    dbres_text_col(res, 0, "rejected_reason"));
	/* the approval chain: who did each step and when */
	{
		static const struct { const char *role, *by, *at; } chain[] = {
			{ "stl_chain_submit", "submitter", "submitted_at" },
			{ "stl_chain_review", "reviewer", "reviewed_at" },
			{ "stl_chain_approve", "approver", "approved_at" },
			{ "stl_chain_pay", "payer", "paid_at" },
		};
		struct tdict *c = tdict_add_section(d, "CHAIN");

		tdict_set(c, "chain_role", tr(r, "stl_chain_prepare"));
		tdict_set(c, "chain_name", dbres_text_col(res, 0, "preparer"));
		tdict_set(c, "chain_at", dbres_text_col(res, 0, "prepared_at"));
		/* steps up to the state it is in: a rejection sends it
		 * back to draft, where only its preparation counts */
		size_t upto = 0;
		const char *st = dbres_text_col(res, 0, "state");

		while (settlement_states[upto] != NULL &&
		    strcmp(settlement_states[upto], st) != 0)
			upto++;
		for (size_t i = 0; i < sizeof(chain) / sizeof(chain[0]) &&
		    i < upto; i++) {
			if (dbres_null_col(res, 0, chain[i].at))
				continue;
			c = tdict_add_section(d, "CHAIN");
			tdict_set(c, "chain_role", tr(r, chain[i].role));
			tdict_set(c, "chain_name", dbres_text_col(res, 0,
			    chain[i].by));
			tdict_set(c, "chain_at", dbres_text_col(res, 0,
			    chain[i].at));
		}
	}
	if ((rc = db_query(r->app->db, &pages_db, ST_ITEMS,
	    DB_ARGS(P_INT(id)), &items)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(items); i++) {
		const char *kind = dbres_text_col(items, i, "kind");
		struct tdict *it = tdict_add_section(d, "ITEM");
		char key[48];

		snprintf(key, sizeof(key), "stl_item_%s", kind);
		tdict_set(it, "kind", tr(r, key));
		set_money(it, "amount", dbres_money_col(items, i, "amount"));
		if (strcmp(kind, "rule") == 0) {
			struct tdict *rl = tdict_add_section(it, "RULE");
			const char *code = dbres_null_col(items, i,
			    "rule_code") ? "" : dbres_text_col(items, i,
			    "rule_code");

			tdict_set(rl, "rule", *code ? code :
			    tr(r, "stl_unmatched"));
			tdict_set(rl, "lines", dbres_text_col(items, i,
			    "line_count"));
			/* the ledger's own filters (commission's pages) */
			snprintf(buf, sizeof(buf), "/commission/ledger?period=%s"
			    "&rep=%s&rule=%s", dbres_text_col(res, 0, "label"),
			    dbres_text_col(res, 0, "person_id"), code);
			tdict_set(rl, "ledger_href", buf);
		} else
			tdict_set(tdict_add_section(it, "LABEL"), "label",
			    dbres_text_col(items, i, "label"));
	}
	dbres_free(items);
	if ((rc = db_query(r->app->db, &pages_db, ST_HISTORY,
	    DB_ARGS(P_INT(id)), &hist)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(hist); i++) {
		struct tdict *h = tdict_add_section(d, "HISTORY");
		char key[48];

		if (dbres_null(hist, i, 2))
			tdict_set(h, "action", tr(r, "stl_action_create"));
		else {
			snprintf(key, sizeof(key), "stl_action_%s",
			    dbres_text(hist, i, 2));
			tdict_set(h, "action", tr(r, key));
		}
		tdict_set(h, "to", tr(r, settlement_state_key(
		    dbres_text(hist, i, 1))));
		tdict_set(h, "comment", dbres_text(hist, i, 3));
		tdict_set(h, "at", dbres_text(hist, i, 4));
		tdict_set(h, "by", dbres_text(hist, i, 5));
	}
	dbres_free(hist);
	return 0;
}

/* Statement id within the reader's scope into *out (one row), or
 * TC_ENOTFOUND. */
int settlement_load(struct req *r, int64_t id, struct dbres **out);

int
settlement_load(struct req *r, int64_t id, struct dbres **out)
{
	struct scope s = scope_of(r, &settlement_scope_read);
	int rc;

	*out = NULL;
	if ((rc = db_query(r->app->db, &pages_db, ST_STATEMENT,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&s)), out)) != 0)
		return rc;
	if (dbres_rows(*out) != 1) {
		dbres_free(*out);
		*out = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

/* The statement page with status; f: the move as posted (its errors
 * shown), or NULL; refusal: a catalogue key shown as an error, or NULL;
 * conflict: a move came too late. */
static int
detail_page(struct req *r, int status, const struct form *f,
    const char *refusal, bool conflict)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &settlement_scope_read);
	struct wf_actor wa = wf_actor_of(r);
	struct dbres *res = NULL;
	struct wf_row *row = NULL;
	const char *done = req_get(&r->q, "done");
	struct form_errors fe;
	int rc;

	if ((rc = settlement_load(r, r->ids[0], &res)) != 0)
		return rc;
	if ((rc = settlement_fill(r, d, res)) != 0)
		goto out;
	if ((rc = wf_load(r->app->db, &settlement_flow, r->ids[0], &s,
	    &row)) != 0)
		goto out;
	form_errors_init(&fe, d, r->cat);
	for (size_t i = 0; actions[i] != NULL; i++) {
		char sec[32];
		struct tdict *a;

		if (!wf_may(&wa, row, actions[i]))
			continue;
		snprintf(sec, sizeof(sec), "CAN_%s", actions[i]);
		for (char *p = sec; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		a = tdict_add_section(d, sec);
		tdict_set(a, "expect", wf_row_state(row));
		tdict_show_section(d, "ACTIONS");
		if (f != NULL && (rc = form_show(&fe, a, f, act_labels,
		    NULL)) != 0)
			goto out;
	}
	if ((rc = settlement_closures_show(r, d, res)) != 0)
		goto out;
	if (refusal != NULL)
		page_flash(r, "error", tr(r, refusal));
	if (conflict)
		wf_flash_conflict(r, tr(r, settlement_state_key(
		    dbres_text_col(res, 0, "state"))));
	if (done != NULL && status == 200 && strncmp(done, "closure_", 8) ==
	    0 && strlen(done) < 40) {
		char key[64];

		snprintf(key, sizeof(key), "stl_done_%s", done);
		if (strcmp(done, "closure_proposed") == 0 ||
		    strcmp(done, "closure_approve") == 0 ||
		    strcmp(done, "closure_reject") == 0)
			page_flash(r, "ok", tr(r, key));
	}
	if (done != NULL && status == 200)
		for (size_t i = 0; actions[i] != NULL; i++)
			if (strcmp(done, actions[i]) == 0) {
				char key[48];

				snprintf(key, sizeof(key), "stl_done_%s",
				    actions[i]);
				page_flash(r, "ok", tr(r, key));
			}
	settlement_tabs(r, "statements");
	rc = page_send(r, status, "settlement/statement.tpl", "stl_statement",
	    "settlement");
out:
	wf_row_free(row);
	dbres_free(res);
	return rc;
}

static int
detail_get(struct req *r)
{
	return detail_page(r, 200, NULL, NULL, false);
}

int
settlement_detail_page(struct req *r, int status, const char *refusal,
    bool conflict)
{
	return detail_page(r, status, NULL, refusal, conflict);
}

/* Validates the move's fields; a payment needs its reference and date,
 * a rejection its reason.  Returns 0 with *ok. */
static int
act_validate(struct req *r, const char *action, struct form *f, bool *ok)
{
	bool pay = strcmp(action, "pay") == 0;
	int rc;

	*ok = false;
	rc = form_validate(f, act_fields, AF__MAX, &r->form);
	if (rc != 0 && rc != TC_EINVAL)
		return rc;
	if (!pay) {
		form_ignore(f, AF_REFERENCE);
		form_ignore(f, AF_PAID_ON);
	}
	if (strcmp(action, "reject") == 0 && !form_present(f, AF_COMMENT) &&
	    f->e[AF_COMMENT].err == 0 && (rc = form_set_error(f, AF_COMMENT,
	    "stl_err_reason", NULL)) != 0)
		return rc;
	*ok = true;
	for (size_t k = 0; k < AF__MAX; k++)
		if (f->e[k].err != 0)
			*ok = false;
	return 0;
}

/* Applies action to statement id as the reader; *out as wf_apply's. */
static int
apply(struct req *r, int64_t id, const char *action, const struct form *f,
    struct wf_outcome *out)
{
	struct scope s = scope_of(r, &settlement_scope_read);
	struct wf_actor wa = wf_actor_of(r);
	struct db_param params[2];
	struct wf_request w = { .action = action };

	if (form_present(f, AF_EXPECT))
		w.expect = form_str(f, AF_EXPECT);
	w.comment = form_str(f, AF_COMMENT);
	if (strcmp(action, "pay") == 0) {
		params[0] = P_TEXT(form_str(f, AF_REFERENCE));
		params[1] = P_DATE(form_int(f, AF_PAID_ON, 0));
		w.params = params;
		w.nparams = 2;
	}
	return wf_apply(&wa, &settlement_flow, id, &s, &w, out);
}

static int
act_post(struct req *r, const char *action)
{
	struct wf_outcome out = { 0 };
	struct form f;
	bool ok;
	char loc[96];
	int rc;

	if ((rc = act_validate(r, action, &f, &ok)) != 0)
		goto out;
	if (!ok) {
		rc = detail_page(r, 400, &f, NULL, false);
		goto out;
	}
	rc = apply(r, r->ids[0], action, &f, &out);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/settlement/statements/%" PRId64
		    "?done=%s", r->ids[0], action);
		rc = http_redirect(r, loc);
	} else if (rc == TC_ECONFLICT)
		rc = detail_page(r, 409, NULL, NULL, true);
	else if (rc == TC_EDENIED)
		rc = detail_page(r, 403, NULL, out.msg != NULL ? out.msg :
		    "wf_err_role", false);
	else if (rc == TC_EINVAL && out.msg != NULL) {
		if ((rc = form_set_error(&f, AF_COMMENT, out.msg, NULL)) == 0)
			rc = detail_page(r, 400, &f, NULL, false);
	}
out:
	form_free(&f);
	return rc;
}

static int submit_post(struct req *r) { return act_post(r, "submit"); }
static int review_post(struct req *r) { return act_post(r, "review"); }
static int approve_post(struct req *r) { return act_post(r, "approve"); }
static int reject_post(struct req *r) { return act_post(r, "reject"); }
static int pay_post(struct req *r) { return act_post(r, "pay"); }

/* ---- batches: one move per statement, each with its own outcome ---- */

static const char *const batch_actions[] = {
	"submit", "review", "approve", "pay", NULL
};
enum { BF_ACTION, BF__MAX };
static const struct field batch_fields[BF__MAX] = {
	[BF_ACTION] = { "action", form_oneof, 1, 0, 0, "stl_err_action",
	    batch_actions },
};

static int
batch_post(struct req *r)
{
	struct tdict *d = page_body(r);
	struct form bf, f;
	const char *action;
	size_t n = 0;
	bool ok;
	int rc;

	memset(&f, 0, sizeof(f));
	if ((rc = form_validate(&bf, batch_fields, BF__MAX, &r->form)) != 0 &&
	    rc != TC_EINVAL)
		goto out;
	if (bf.e[BF_ACTION].err != 0) {
		rc = page_error(r, 400);
		goto out;
	}
	action = form_str(&bf, BF_ACTION);
	if ((rc = act_validate(r, action, &f, &ok)) != 0)
		goto out;
	if (!ok) {
		struct form_errors fe;

		form_errors_init(&fe, d, r->cat);
		if ((rc = form_show(&fe, d, &f, act_labels, NULL)) != 0)
			goto out;
		tdict_show_section(d, "INVALID");
	}
	for (const struct req_pair *p = req_first(&r->form, "id");
	    ok && p != NULL && n < BATCH_MAX; p = req_next(&r->form, "id", p),
	    n++) {
		struct tdict *row = tdict_add_section(d, "RESULT");
		struct wf_outcome out = { 0 };
		char *end;
		long long id = strtoll(p->value, &end, 10);
		const char *msg;

		tdict_set(row, "id", p->value);
		if (*p->value == '\0' || *end != '\0' || id <= 0 ||
		    id > ID_MAX) {
			tdict_set(row, "outcome", tr(r, "stl_batch_not_found"));
			tdict_set(row, "class", "error");
			continue;
		}
		rc = apply(r, id, action, &f, &out);
		switch (rc) {
		case 0: msg = "stl_batch_done"; break;
		case TC_ECONFLICT: msg = "stl_batch_conflict"; break;
		case TC_ENOTFOUND: msg = "stl_batch_not_found"; break;
		case TC_EDENIED: msg = out.msg != NULL ? out.msg :
		    "wf_err_role"; break;
		case TC_EINVAL: msg = out.msg != NULL ? out.msg :
		    "stl_batch_invalid"; break;
		default:
			goto out;
		}
		tdict_set(row, "outcome", tr(r, msg));
		tdict_set(row, "class", rc == 0 ? "ok" : "error");
		tdict_set(row, "state", out.to[0] ? tr(r,
		    settlement_state_key(out.to)) : out.from[0] ? tr(r,
		    settlement_state_key(out.from)) : "");
	}
	rc = 0;
	if (ok && n == 0)
		tdict_show_section(d, "NONE");
	{
		char key[48];

		snprintf(key, sizeof(key), "stl_action_%s", action);
		tdict_set(d, "action", tr(r, key));
	}
	settlement_tabs(r, "statements");
	rc = page_send(r, ok ? 200 : 400, "settlement/batch.tpl", "stl_batch",
	    "settlement");
out:
	form_free(&bf);
	form_free(&f);
	return rc;
}

/* The print form, the period's forms, the verification page (print.c). */
int settlement_print_get(struct req *r);
int settlement_print_period_get(struct req *r);
int settlement_verify_get(struct req *r);

static const struct route routes[] = {
	{ "GET", "/settlement/", SETTLEMENT_ROLES, index_get },
	{ "GET", "/settlement/statements", SETTLEMENT_ROLES, list_get },
	{ "POST", "/settlement/generate", ROLE_FINANCE, generate_post },
	{ "POST", "/settlement/batch", ACT_ROLES, batch_post },
	{ "GET", "/settlement/statements/#", SETTLEMENT_ROLES, detail_get },
	{ "POST", "/settlement/statements/#/submit", ACT_ROLES, submit_post },
	{ "POST", "/settlement/statements/#/review", ACT_ROLES, review_post },
	{ "POST", "/settlement/statements/#/approve", ACT_ROLES,
	    approve_post },
	{ "POST", "/settlement/statements/#/reject", ACT_ROLES, reject_post },
	{ "POST", "/settlement/statements/#/pay", ACT_ROLES, pay_post },
	{ "GET", "/settlement/statements/#/print", SETTLEMENT_ROLES,
	    settlement_print_get },
	{ "GET", "/settlement/print", ROLE_FINANCE,
	    settlement_print_period_get },
	{ "GET", "/settlement/verify", SETTLEMENT_ROLES,
	    settlement_verify_get },
};

static const struct route_set settlement_routes = ROUTE_SET(routes);

const struct route_set *const settlement_areas[] = {
	&settlement_routes,
	&settlement_closure_routes,
	&settlement_report_routes,
	&settlement_cost_routes,
	NULL
};
