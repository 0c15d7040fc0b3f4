/* overview.c: the commission home's figures (home.c includes them):
 * the reader's commission per tracking state (已计算 calculated, 待支付
 * pending payment, 已支付 paid) over their lines, and per period, in the
 * reader's scope: a rep their own, a manager the team of each run,
 * finance, HR and management everyone (finance's overview); with the
 * bonuses of the summaries and, for a rep, their approved adjustments. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/adjview.h"
#include "commission/view.h"
#include "commission/web.h"
#include "core/error.h"
#include "core/scope.h"

#define PERIODS_SHOWN 12

/* Per period (newest first): lines' commission per state, and the
 * summaries' bonus, over the lines (and summaries) in scope. */
#define BY_PERIOD(where_l, where_s) \
	"SELECT p.label AS label, p.state AS state, t.nlines AS nlines," \
	" t.calculated AS calculated, t.pending AS pending, t.paid AS paid," \
	" COALESCE((SELECT SUM(s.bonus) FROM commission_summaries s" \
	"  WHERE s.period_id = p.id" where_s "), 0) AS bonus" \
	" FROM periods p JOIN (SELECT l.period_id AS pid, COUNT(*) AS nlines," \
	"  COALESCE(SUM(CASE WHEN l.tracking = 'calculated' THEN l.commission" \
	"   END), 0) AS calculated," \
	"  COALESCE(SUM(CASE WHEN l.tracking = 'pending' THEN l.commission" \
	"   END), 0) AS pending," \
	"  COALESCE(SUM(CASE WHEN l.tracking = 'paid' THEN l.commission" \
	"   END), 0) AS paid" \
	"  FROM commission_lines l WHERE l.removed_run_id IS NULL" where_l \
	"  AND l.period_id IN (SELECT id FROM (SELECT x.id FROM periods x" \
	"   ORDER BY x.first_day DESC LIMIT 12) y)" \
	"  GROUP BY l.period_id) t ON t.pid = p.id ORDER BY p.first_day DESC"

#define TEAM_L " AND EXISTS (SELECT 1 FROM commission_summaries sx" \
	" WHERE sx.period_id = l.period_id AND sx.person_id = l.person_id" \
	" AND (sx.person_id = ? OR (sx.team = ? AND sx.team <> '')" \
	" OR sx.manager_login = ?))"
#define TEAM_S " AND (s.person_id = ? OR (s.team = ? AND s.team <> '')" \
	" OR s.manager_login = ?)"

enum stmt { ST_ALL, ST_OWN, ST_TEAM, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_ALL] = BY_PERIOD("", ""),
	[ST_OWN] = BY_PERIOD(" AND l.person_id = ?", " AND s.person_id = ?"),
	[ST_TEAM] = BY_PERIOD(TEAM_L, TEAM_S),
};

static struct db_table overview_db = DB_TABLE("commission.overview", stmts);

int
cm_home_overview(struct req *r, struct tdict *page)
{
	struct scope s = scope_of(r, &cm_lines_read);
	struct dbres *res = NULL;
	struct tdict *d;
	int64_t calculated = 0, pending = 0, paid = 0, bonus = 0;
	int rc;

	switch (s.kind) {
	case SCOPE_ALL:
		rc = db_query(r->app->db, &overview_db, ST_ALL, DB_NOARGS, &res);
		break;
	case SCOPE_OWN:
		rc = db_query(r->app->db, &overview_db, ST_OWN, DB_ARGS(
		    P_INT(s.me), P_INT(s.me)), &res);
		break;
	case SCOPE_TEAM:
		rc = db_query(r->app->db, &overview_db, ST_TEAM, DB_ARGS(
		    P_INT(s.me), P_TEXT(s.team), P_TEXT(s.login), P_INT(s.me),
		    P_TEXT(s.team), P_TEXT(s.login)), &res);
		break;
	default:
		return 0;
	}
	if (rc != 0)
		return rc;
	d = tdict_include(page, "CM_OVERVIEW", "commission/overview.tpl");
	tdict_set(d, "scope_title", tr(r, s.kind == SCOPE_OWN ? "cmo_mine" :
	    s.kind == SCOPE_TEAM ? "cmo_team" : "cmo_all"));
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *t = tdict_add_section(d, "PERIOD");
		int64_t c = dbres_money_col(res, i, "calculated");
		int64_t pe = dbres_money_col(res, i, "pending");
		int64_t pa = dbres_money_col(res, i, "paid");
		int64_t b = dbres_money_col(res, i, "bonus");
		char key[48];

		tdict_set(t, "label", dbres_text_col(res, i, "label"));
		snprintf(key, sizeof(key), "period_state_%s",
		    dbres_text_col(res, i, "state"));
		tdict_set(t, "state_label", tr(r, key));
		tdict_set(t, "lines", dbres_text_col(res, i, "nlines"));
		cm_money(t, "calculated", c);
		cm_money(t, "pending", pe);
		cm_money(t, "paid", pa);
		cm_money(t, "commission", c + pe + pa);
		cm_money(t, "bonus", b);
		calculated += c;
		pending += pe;
		paid += pa;
		bonus += b;
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "NONE");
	dbres_free(res);
	cm_money(d, "calculated", calculated);
	cm_money(d, "pending", pending);
	cm_money(d, "paid", paid);
	cm_money(d, "bonus", bonus);
	cm_money(d, "commission", calculated + pending + paid);
	tdict_set_int(d, "nperiods", PERIODS_SHOWN);
	if (has_role(r, ROLE_FINANCE | ROLE_REVIEWER))
		tdict_show_section(d, "FINANCE");
	/* a rep's own approved adjustments, as lines of their own */
	if (s.kind == SCOPE_OWN)
		return cm_adjustment_rows(r, tdict_include(d, "ADJ_LINES",
		    "commission/adjustments-rows.tpl"), &s, 0, s.me);
	return 0;
}
