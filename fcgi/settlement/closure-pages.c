/* closure-pages.c: a leaver's balance on the statement page: the
 * closures proposed so far, management's approve and reject forms, and
 * finance's proposal form while the balance is open; and their POST
 * routes, each answering with a redirect to the statement (or its page
 * again: 400 with the fields named, 403 with the reason, 409 when the
 * state moved on). */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "settlement/settlement.h"

enum stmt { ST_LIST, ST_OF, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_LIST] =
	    "SELECT c.id, c.kind, c.amount, c.reference, c.reason, c.state,"
	    " c.proposed_at, pp.name AS proposer, c.decided_at,"
	    " pd.name AS decider, c.decision_note FROM settlement_closures c"
	    " JOIN people pp ON pp.id = c.proposed_by"
	    " LEFT JOIN people pd ON pd.id = c.decided_by"
	    " WHERE c.statement_id = ? ORDER BY c.id",
	/* closure id: its statement */
	[ST_OF] =
	    "SELECT statement_id FROM settlement_closures WHERE id = ?",
};

static struct db_table cp_db = DB_TABLE("settlement.closure-pages", stmts);

enum { CF_KIND, CF_REFERENCE, CF_REASON, CF__MAX };
static const struct field close_fields[CF__MAX] = {
	[CF_KIND] = { "kind", form_oneof, 1, 0, 0, "stl_err_closure_kind",
	    settlement_closure_kinds },
	[CF_REFERENCE] = { "reference", form_text, 0, 1, 64,
	    "stl_err_closure_reference", NULL },
	[CF_REASON] = { "reason", form_text_multiline, 1, 1, 500,
	    "stl_err_reason", NULL },
};
static const char *const close_labels[CF__MAX] = {
	"stl_closure_kind", "stl_closure_reference", "stl_closure_reason"
};

/* The proposal as posted, shown again with its errors by the page the
 * POST answers with (one request at a time per process). */
static const struct form *posted;

/* The closures' columns shown as they are: {name, column}. */
static const char *const texts[][2] = {
	{ "closure_reference", "reference" }, { "closure_reason", "reason" },
	{ "closure_proposer", "proposer" },
	{ "closure_proposed_at", "proposed_at" },
	{ "closure_decider", "decider" },
	{ "closure_decided_at", "decided_at" },
	{ "closure_note", "decision_note" }, { NULL, NULL },
};

int
settlement_closures_show(struct req *r, struct tdict *d,
    const struct dbres *st)
{
	struct wf_actor wa = wf_actor_of(r);
	struct scope s = scope_of(r, &settlement_scope_read);
	int64_t id = dbres_int_col(st, 0, "id");
	struct dbres *res = NULL;
	bool open = false;
	int rc;

	if (!dbres_int_col(st, 0, "final"))
		return 0;
	if ((rc = db_query(r->app->db, &cp_db, ST_LIST, DB_ARGS(P_INT(id)),
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *c = tdict_add_section(d, "CLOSURE");
		const char *state = dbres_text_col(res, i, "state");
		char key[48], key0[48], buf[TC_MONEY_SIZE];
		struct wf_row *row = NULL;

		tdict_show_section(d, "CLOSURES");
		tdict_set(c, "closure_id", dbres_text_col(res, i, "id"));
		snprintf(key0, sizeof(key0), "stl_closure_%s",
		    dbres_text_col(res, i, "kind"));
		tdict_set(c, "closure_kind", tr(r, key0));
		snprintf(key, sizeof(key), "stl_closure_state_%s", state);
		tdict_set(c, "closure_state", tr(r, key));
		tdict_set(c, "closure_state_code", state);
		tdict_set(c, "closure_amount", tc_money_str(buf,
		    dbres_money_col(res, i, "amount"), true));
		for (size_t k = 0; texts[k][0] != NULL; k++)
			tdict_set(c, texts[k][0], dbres_text_col(res, i,
			    texts[k][1]));
		if (strcmp(state, "rejected") != 0)
			open = true;
		if (strcmp(state, "proposed") != 0)
			continue;
		if ((rc = wf_load(r->app->db, &settlement_closure_flow,
		    dbres_int_col(res, i, "id"), &s, &row)) != 0) {
			dbres_free(res);
			return rc;
		}
		if (wf_may(&wa, row, "approve")) {
			struct tdict *x = tdict_add_section(d, "DECIDE");

			tdict_set(x, "closure_id", dbres_text_col(res, i, "id"));
			tdict_set(x, "closure_kind", tr(r, key0));
			tdict_set(x, "closure_amount", tc_money_str(buf,
			    dbres_money_col(res, i, "amount"), true));
		}
		wf_row_free(row);
	}
	dbres_free(res);
	if (!open && has_role(r, ROLE_FINANCE) &&
	    strcmp(dbres_text_col(st, 0, "state"), "draft") == 0 &&
	    dbres_money_col(st, 0, "carried_out") < 0 &&
	    dbres_int_col(st, 0, "person_id") != r->me.id) {
		struct tdict *f = tdict_add_section(d, "CAN_CLOSE");

		for (size_t k = 0; settlement_closure_kinds[k] != NULL; k++) {
			char key[48];
			const char *kind = settlement_closure_kinds[k];

			snprintf(key, sizeof(key), "stl_closure_%s", kind);
			form_option(f, "KIND_OPT", kind, tr(r, key),
			    posted != NULL && strcmp(posted->e[CF_KIND].raw,
			    kind) == 0);
		}
		if (posted != NULL) {
			struct form_errors fe;

			form_errors_init(&fe, d, r->cat);
			if ((rc = form_show(&fe, f, posted, close_labels,
			    NULL)) != 0)
				return rc;
		}
	}
	return 0;
}

/* The statement page again with status, the proposal f shown. */
static int
again(struct req *r, int status, const struct form *f, const char *refusal,
    bool conflict)
{
	int rc;

	posted = f;
	rc = settlement_detail_page(r, status, refusal, conflict);
	posted = NULL;
	return rc;
}

static int
close_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	const char *msg = NULL;
	int64_t id = 0;
	struct form f;
	char loc[96];
	int rc;

	if ((rc = form_validate(&f, close_fields, CF__MAX, &r->form)) != 0 &&
	    rc != TC_EINVAL)
		goto out;
	rc = 0;
	if (form_str(&f, CF_KIND) != NULL && strcmp(form_str(&f, CF_KIND),
	    "recover") == 0 && !form_present(&f, CF_REFERENCE) &&
	    (rc = form_set_error(&f, CF_REFERENCE,
	    "stl_err_closure_reference", NULL)) != 0)
		goto out;
	if (form_has_errors(&f)) {
		rc = again(r, 400, &f, NULL, false);
		goto out;
	}
	rc = settlement_closure_propose(&a, r->ids[0], form_str(&f, CF_KIND),
	    form_str(&f, CF_REFERENCE) != NULL ? form_str(&f, CF_REFERENCE) :
	    "", form_str(&f, CF_REASON), &id, &msg);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/settlement/statements/%" PRId64
		    "?done=closure_proposed", r->ids[0]);
		rc = http_redirect(r, loc);
	} else if (rc == TC_EDENIED)
		rc = again(r, 403, &f, msg != NULL ? msg : "wf_err_role",
		    false);
	else if (rc == TC_ECONFLICT)
		rc = again(r, 409, NULL, msg, false);
	else if (rc == TC_EINVAL)
		rc = again(r, 400, &f, msg, false);
out:
	form_free(&f);
	return rc;
}

enum { DF_COMMENT, DF__MAX };
static const struct field decide_fields[DF__MAX] = {
	[DF_COMMENT] = { "comment", form_text_multiline, 0, 1, 500,
	    "stl_err_comment", NULL },
};

static int
decide_post(struct req *r, const char *action)
{
	struct wf_actor a = wf_actor_of(r);
	struct wf_outcome out;
	struct dbres *res = NULL;
	struct form f;
	char loc[96];
	int rc;

	if ((rc = form_validate(&f, decide_fields, DF__MAX, &r->form)) != 0 &&
	    rc != TC_EINVAL)
		goto out;
	if ((rc = db_query(r->app->db, &cp_db, ST_OF, DB_ARGS(
	    P_INT(r->ids[0])), &res)) != 0)
		goto out;
	if (dbres_rows(res) != 1) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	rc = settlement_closure_decide(&a, settlement_secret(r->app->conf),
	    r->ids[0], action, form_str(&f, DF_COMMENT), &out);
	/* the statement's page answers, within the reader's scope */
	r->ids[0] = dbres_int(res, 0, 0);
	if (rc == 0) {
		snprintf(loc, sizeof(loc), "/settlement/statements/%" PRId64
		    "?done=closure_%s", r->ids[0], action);
		rc = http_redirect(r, loc);
	} else if (rc == TC_ECONFLICT)
		rc = again(r, 409, NULL, "stl_err_closure_state", false);
	else if (rc == TC_EDENIED)
		rc = again(r, 403, NULL, out.msg != NULL ? out.msg :
		    "wf_err_role", false);
	else if (rc == TC_EINVAL && out.msg != NULL)
		rc = again(r, 400, NULL, out.msg, false);
out:
	dbres_free(res);
	form_free(&f);
	return rc;
}

static int approve_post(struct req *r) { return decide_post(r, "approve"); }
static int reject_post(struct req *r) { return decide_post(r, "reject"); }

static const struct route routes[] = {
	{ "POST", "/settlement/statements/#/close", ROLE_FINANCE, close_post },
	{ "POST", "/settlement/closures/#/approve", ROLE_MANAGEMENT,
	    approve_post },
	{ "POST", "/settlement/closures/#/reject", ROLE_MANAGEMENT,
	    reject_post },
};

const struct route_set settlement_closure_routes = ROUTE_SET(routes);
