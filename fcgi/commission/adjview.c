/* adjview.c: the pieces the adjustments, disputes and estimate pages
 * share (adjview.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/adjust.h"
#include "commission/adjview.h"
#include "core/formview.h"
#include "core/money.h"

enum stmt { V_OPEN_PERIODS, V_REPS, V_APPROVED, V__MAX };

static const char *const stmts[V__MAX] = {
	[V_OPEN_PERIODS] =
	    "SELECT label FROM periods WHERE state = 'open' ORDER BY first_day",
	[V_REPS] =
	    "SELECT id, name, login FROM people WHERE active AND"
	    " (CAST(roles AS UNSIGNED) & 3) <> 0 ORDER BY team, name, id",
	/* period (0: any) twice, person (0: any) twice, scope */
	[V_APPROVED] =
	    "SELECT a.id, pe.label, p.name, a.kind, a.reason, a.amount,"
	    " a.tracking FROM commission_adjustments a"
	    " JOIN periods pe ON pe.id = a.period_id"
	    " JOIN people p ON p.id = a.person_id"
	    " WHERE a.state = 'approved' AND (? = 0 OR a.period_id = ?)"
	    " AND (? = 0 OR a.person_id = ?) AND " SCOPE_SQL("a.person_id")
	    " ORDER BY a.id DESC LIMIT 200",
};

static struct db_table view_db = DB_TABLE("commission.adjview", stmts);

void
cm_set_money(struct tdict *d, const char *name, int64_t fen)
{
	char buf[TC_MONEY_SIZE], sec[64];

	tdict_set(d, name, tc_money_str(buf, fen, true));
	if (fen < 0) {
		snprintf(sec, sizeof(sec), "%s_NEG", name);
		tdict_show_section(d, sec);
	}
}

const char *
cm_state_class(const char *state)
{
	if (strcmp(state, "proposed") == 0 || strcmp(state, "open") == 0)
		return "pending";
	if (strcmp(state, "approved") == 0 || strcmp(state, "accepted") == 0)
		return "approved";
	if (strcmp(state, "rejected") == 0)
		return "rejected";
	return "plain";
}

int
cm_open_periods(struct req *r, struct tdict *d, const char *section,
    const char *selected)
{
	struct dbres *res = NULL;
	bool found = false;
	int rc;

	if ((rc = db_query(r->app->db, &view_db, V_OPEN_PERIODS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; selected != NULL && i < dbres_rows(res); i++)
		found = found || strcmp(selected, dbres_text(res, i, 0)) == 0;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *l = dbres_text(res, i, 0);

		form_option(d, section, l, l, found ? strcmp(selected, l) == 0 :
		    i == 0);
	}
	dbres_free(res);
	return 0;
}

int
cm_reps(struct req *r, struct tdict *d, const char *section,
    const char *selected)
{
	struct dbres *res = NULL;
	int rc;

	if ((rc = db_query(r->app->db, &view_db, V_REPS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		char label[200];

		snprintf(label, sizeof(label), "%s (%s)",
		    dbres_text_col(res, i, "name"),
		    dbres_text_col(res, i, "login"));
		form_option(d, section, dbres_text_col(res, i, "id"), label,
		    selected != NULL && strcmp(selected,
		    dbres_text_col(res, i, "id")) == 0);
	}
	dbres_free(res);
	return 0;
}

int
cm_adjustment_rows(struct req *r, struct tdict *d, const struct scope *s,
    int64_t period_id, int64_t person_id)
{
	struct dbres *res = NULL;
	struct tdict *t = NULL;
	int64_t total = 0;
	int rc;

	if ((rc = db_query(r->app->db, &view_db, V_APPROVED,
	    DB_ARGS(P_INT(period_id), P_INT(period_id), P_INT(person_id),
	    P_INT(person_id), SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	if (dbres_rows(res) > 0)
		t = tdict_add_section(d, "ADJ_ROWS");
	else
		tdict_show_section(d, "ADJ_NONE");
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(t, "ADJ_ROW");
		char href[64], key[64];
		int64_t fen = dbres_money_col(res, i, "amount");

		tdict_set(row, "id", dbres_text_col(res, i, "id"));
		snprintf(href, sizeof(href), "/commission/adjustments/%s",
		    dbres_text_col(res, i, "id"));
		tdict_set(row, "href", href);
		tdict_set(row, "period", dbres_text_col(res, i, "label"));
		tdict_set(row, "rep", dbres_text_col(res, i, "name"));
		snprintf(key, sizeof(key), "adj_kind_%s",
		    dbres_text_col(res, i, "kind"));
		tdict_set(row, "kind", tr(r, key));
		tdict_set(row, "reason", dbres_text_col(res, i, "reason"));
		cm_set_money(row, "amount", fen);
		tdict_set(row, "tracking", tr(r, adjustment_tracking_key(
		    dbres_text_col(res, i, "tracking"))));
		total += fen;
	}
	if (t != NULL) {
		cm_set_money(t, "adj_total", total);
		tdict_set_int(t, "adj_count", (long long)dbres_rows(res));
	}
	dbres_free(res);
	return 0;
}
