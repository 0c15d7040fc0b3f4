/* pipeline-teams.c: the team comparison for management: every sales
 * team side by side over a period (what it booked and collected, by the
 * credited shares; what it won; its open pipeline and activities), so
 * that one team's figures read against the others'. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/money.h"
#include "sales/pipeline-date.h"
#include "sales/pipeline.h"

#define MAX_TEAMS CHART_MAX_CATS

/* The people of a team: sales people (role bits sales or manager) with
 * the team attribute. */
#define TEAM_PEOPLE "(CAST(p.roles AS UNSIGNED) & 3) <> 0 AND p.team <> ''"

enum stmt {
	T_REPS,
	T_BOOKED,
	T_COLLECTED,
	T_WON,
	T_OPEN,
	T_ACTIVITIES,
	T__MAX
};

/* Each: one row per team (its name first).  The period's parameters:
 * first and last day. */
static const char *const stmts[T__MAX] = {
	[T_REPS] =
	    "SELECT p.team, COUNT(*) FROM people p WHERE " TEAM_PEOPLE
	    " GROUP BY p.team ORDER BY p.team",
	/* Orders dated in the period, not cancelled (returns count,
	 * negative: net), by each credited rep's share; the orders (not
	 * returns) counted once per team. */
	[T_BOOKED] =
	    "SELECT p.team, COALESCE(SUM(ROUND(o.amount_booked * r.share"
	    " / 100, 2)), 0), COUNT(DISTINCT CASE WHEN o.original_order_id"
	    " IS NULL THEN o.id END)"
	    " FROM orders o JOIN order_reps r ON r.order_id = o.id"
	    " JOIN people p ON p.id = r.person_id"
	    " WHERE o.status = 'booked' AND o.order_date >= ?"
	    " AND o.order_date <= ? AND " TEAM_PEOPLE " GROUP BY p.team",
	/* Payments dated in the period, by the shares of their order. */
	[T_COLLECTED] =
	    "SELECT p.team, COALESCE(SUM(ROUND(pm.amount * r.share / 100, 2)),"
	    " 0) FROM payments pm JOIN order_reps r ON r.order_id = pm.order_id"
	    " JOIN people p ON p.id = r.person_id"
	    " WHERE pm.payment_date >= ? AND pm.payment_date <= ? AND "
	    TEAM_PEOPLE " GROUP BY p.team",
	/* Opportunities moved to won in the period, by their owner. */
	[T_WON] =
	    "SELECT p.team, COUNT(*), COALESCE(SUM(o.amount), 0)"
	    " FROM opportunities o JOIN people p ON p.id = o.owner_id"
	    " WHERE o.stage = 'won' AND o.stage_changed_at >= ?"
	    " AND o.stage_changed_at < DATE_ADD(?, INTERVAL 1 DAY) AND "
	    TEAM_PEOPLE " GROUP BY p.team",
	/* The open pipeline today (parameter: today, for the overdue). */
	[T_OPEN] =
	    "SELECT p.team, COUNT(*), COALESCE(SUM(o.amount), 0),"
	    " COALESCE(SUM(ROUND(o.amount * s.probability / 100, 2)), 0),"
	    " COALESCE(SUM(o.expected_close < ?), 0)"
	    " FROM opportunities o JOIN stages s ON s.code = o.stage"
	    " JOIN people p ON p.id = o.owner_id"
	    " WHERE s.is_open AND " TEAM_PEOPLE " GROUP BY p.team",
	[T_ACTIVITIES] =
	    "SELECT p.team, COUNT(*) FROM activities a"
	    " JOIN people p ON p.id = a.owner_id"
	    " WHERE a.activity_date >= ? AND a.activity_date <= ? AND "
	    TEAM_PEOPLE " GROUP BY p.team",
};

static struct db_table teams_db = DB_TABLE("pipeline-teams", stmts);

/* One team's figures (fen, counts). */
struct team {
	char name[65];
	int64_t reps, booked, orders, collected, nwon, won;
	int64_t nopen, open, weighted, overdue, activities;
};

/* The team named name in t[0..n), or NULL. */
static struct team *
team_find(struct team *t, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			return &t[i];
	return NULL;
}

/* Runs statement k (args) and stores its columns 1.. into each team's
 * fields off[0..nf) (money columns where money[j]).  Returns 0 or a
 * tc_err. */
static int
teams_add(struct req *r, enum stmt k, const struct db_param *args,
    size_t nargs, struct team *t, size_t n, const size_t *off,
    const bool *money, size_t nf)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &teams_db, k, args, nargs, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct team *m = team_find(t, n, dbres_text(res, i, 0));

		if (m == NULL)
			continue;
		for (size_t j = 0; j < nf; j++)
			*(int64_t *)((char *)m + off[j]) = money[j] ?
			    dbres_money(res, i, j + 1) : dbres_int(res, i, j + 1);
	}
	dbres_free(res);
	return 0;
}

#define OFF(f) offsetof(struct team, f)

enum { TF_FROM, TF_TO, TF__MAX };

static const struct field team_fields[TF__MAX] = {
	[TF_FROM] = { "from", form_date, 0, 0, 0, "list_err_date", NULL },
	[TF_TO] = { "to", form_date, 0, 0, 0, "list_err_date", NULL },
};

static const char *const team_labels[TF__MAX] = {
	[TF_FROM] = "sales_from", [TF_TO] = "sales_to",
};

/* Fills the table (section TEAM, totals) and the chart of t[0..n). */
static int
teams_show(struct req *r, struct tdict *d, const struct team *t, size_t n)
{
	const char *cats[MAX_TEAMS];
	int64_t booked[MAX_TEAMS], collected[MAX_TEAMS], won[MAX_TEAMS];
	struct team sum = { .name = "" };

	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tdict_add_section(d, "TEAM");

		tdict_set(row, "team", t[i].name);
		tdict_set_int(row, "reps", t[i].reps);
		pipe_set_money(row, "booked", t[i].booked);
		tdict_set_int(row, "orders", t[i].orders);
		pipe_set_money(row, "collected", t[i].collected);
		tdict_set_int(row, "won_count", t[i].nwon);
		pipe_set_money(row, "won", t[i].won);
		tdict_set_int(row, "open_count", t[i].nopen);
		pipe_set_money(row, "open", t[i].open);
		pipe_set_money(row, "weighted", t[i].weighted);
		tdict_set_int(row, "overdue", t[i].overdue);
		tdict_set_int(row, "activities", t[i].activities);
		sum.reps += t[i].reps;
		sum.booked += t[i].booked;
		sum.orders += t[i].orders;
		sum.collected += t[i].collected;
		sum.nwon += t[i].nwon;
		sum.won += t[i].won;
		sum.nopen += t[i].nopen;
		sum.open += t[i].open;
		sum.weighted += t[i].weighted;
		sum.overdue += t[i].overdue;
		sum.activities += t[i].activities;
		cats[i] = t[i].name;
		booked[i] = t[i].booked;
		collected[i] = t[i].collected;
		won[i] = t[i].won;
	}
	tdict_set_int(d, "sum_reps", sum.reps);
	pipe_set_money(d, "sum_booked", sum.booked);
	tdict_set_int(d, "sum_orders", sum.orders);
	pipe_set_money(d, "sum_collected", sum.collected);
	tdict_set_int(d, "sum_won_count", sum.nwon);
	pipe_set_money(d, "sum_won", sum.won);
	tdict_set_int(d, "sum_open_count", sum.nopen);
	pipe_set_money(d, "sum_open", sum.open);
	pipe_set_money(d, "sum_weighted", sum.weighted);
	tdict_set_int(d, "sum_overdue", sum.overdue);
	tdict_set_int(d, "sum_activities", sum.activities);
	if (n == 0)
		tdict_show_section(d, "NO_TEAMS");

	struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
	    .id = "chart-teams", .title = tr(r, "pipe_teams_chart"),
	    .cat_title = tr(r, "sales_team"), .cats = cats, .ncat = n,
	    .nseries = 3, .table = true };

	c.series[0].name = tr(r, "pipe_teams_booked");
	c.series[0].v = booked;
	c.series[1].name = tr(r, "pipe_teams_collected");
	c.series[1].v = collected;
	c.series[2].name = tr(r, "pipe_teams_won");
	c.series[2].v = won;
	return chart_show(r, d, "CHART", &c);
}

int
pipe_teams_get(struct req *r)
{
	static const size_t o_booked[] = { OFF(booked), OFF(orders) };
	static const bool m_booked[] = { true, false };
	static const size_t o_coll[] = { OFF(collected) };
	static const bool m_coll[] = { true };
	static const size_t o_won[] = { OFF(nwon), OFF(won) };
	static const bool m_won[] = { false, true };
	static const size_t o_open[] = { OFF(nopen), OFF(open), OFF(weighted),
	    OFF(overdue) };
	static const bool m_open[] = { false, true, true, false };
	static const size_t o_act[] = { OFF(activities) };
	static const bool m_act[] = { false };
	struct tdict *d = page_body(r);
	struct team t[MAX_TEAMS];
	struct form f = { 0 };
	struct dbres *res = NULL;
	char from[16], to[16], today[16];
	int64_t now = pipe_today();
	size_t n = 0;
	int y, m, dd, rc;

	sales_tabs(r, "teams");
	rc = form_validate(&f, team_fields, TF__MAX, &r->q);
	if (rc != 0 && rc != TC_EINVAL)
		goto out;
	if (form_has_errors(&f)) {
		struct form_errors fe;

		form_errors_init(&fe, d, r->cat);
		if ((rc = form_show(&fe, d, &f, team_labels, NULL)) == 0)
			rc = page_send(r, 400, "sales/pipeline-teams.tpl",
			    "pipe_teams_title", "sales");
		goto out;
	}
	/* The period: by default this year to today. */
	pipe_fmt_date(today, sizeof(today), now);
	tc_civil_from_days(now, &y, &m, &dd);
	snprintf(from, sizeof(from), "%04d-01-01", y);
	snprintf(to, sizeof(to), "%s", today);
	if (form_present(&f, TF_FROM) && form_raw(&f, TF_FROM) != NULL)
		snprintf(from, sizeof(from), "%s", form_raw(&f, TF_FROM));
	if (form_present(&f, TF_TO) && form_raw(&f, TF_TO) != NULL)
		snprintf(to, sizeof(to), "%s", form_raw(&f, TF_TO));
	if (strcmp(from, to) > 0) {
		char x[16];

		memcpy(x, from, sizeof(x));
		memcpy(from, to, sizeof(x));
		memcpy(to, x, sizeof(x));
	}
	tdict_set(d, "from", from);
	tdict_set(d, "to", to);

	if ((rc = db_query(r->app->db, &teams_db, T_REPS, DB_NOARGS,
	    &res)) != 0)
		goto out;
	memset(t, 0, sizeof(t));
	for (size_t i = 0; i < dbres_rows(res) && n < MAX_TEAMS; i++, n++) {
		snprintf(t[n].name, sizeof(t[n].name), "%s",
		    dbres_text(res, i, 0));
		t[n].reps = dbres_int(res, i, 1);
	}
	dbres_free(res);
	res = NULL;
	if ((rc = teams_add(r, T_BOOKED, DB_ARGS(P_TEXT(from), P_TEXT(to)),
	    t, n, o_booked, m_booked, 2)) != 0 ||
	    (rc = teams_add(r, T_COLLECTED, DB_ARGS(P_TEXT(from), P_TEXT(to)),
	    t, n, o_coll, m_coll, 1)) != 0 ||
	    (rc = teams_add(r, T_WON, DB_ARGS(P_TEXT(from), P_TEXT(to)),
	    t, n, o_won, m_won, 2)) != 0 ||
	    (rc = teams_add(r, T_OPEN, DB_ARGS(P_TEXT(today)),
	    t, n, o_open, m_open, 4)) != 0 ||
	    (rc = teams_add(r, T_ACTIVITIES, DB_ARGS(P_TEXT(from), P_TEXT(to)),
	    t, n, o_act, m_act, 1)) != 0 ||
	    (rc = teams_show(r, d, t, n)) != 0)
		goto out;
	rc = page_send(r, 200, "sales/pipeline-teams.tpl", "pipe_teams_title",
	    "sales");
out:
	dbres_free(res);
	form_free(&f);
	return rc;
}
