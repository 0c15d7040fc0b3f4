/* pipeline-charts.c: the sales overview, the funnel with stage-to-stage
 * conversion, and the weighted forecast beside what was won.  Charts are
 * SVG drawn by the template from integer geometry computed here. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chart.h"
#include "core/date.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/money.h"
#include "sales/pipeline-date.h"
#include "sales/pipeline.h"

/* Who a chart covers: the scope, narrowed to one rep and/or a team. */
#define NARROW_SQL(col) " AND (? = 0 OR " col " = ?) AND (? = '' OR " col \
	" IN (SELECT np.id FROM people np WHERE np.team = ?))"
#define NARROW_ARGS(n) P_INT((n)->rep), P_INT((n)->rep), \
	P_TEXT((n)->team), P_TEXT((n)->team)

/* What the overview lists first: the opportunities needing attention. */
#define ATTENTION_ROWS 10

enum stmt {
	STMT_OPEN_TOTALS,
	STMT_ATTENTION,
	STMT_WEEK_ACTIVITIES,
	STMT_WON_MONTH,
	STMT_BOOKED_MONTH,
	STMT_TEAMS,
	STMT_STAGE_TOTALS,
	STMT_REACHED,
	STMT_CONVERSION,
	STMT_FORECAST,
	STMT_OVERDUE_TOTALS,
	STMT_OVERDUE,
	STMT_WON,
	STMT_BOOKED_MONTHS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* The open pipeline of the scope: count, amount, weighted amount
	 * (each row rounded to the fen, as pipe_weighted), overdue follow-ups
	 * (the first parameter: today). */
	[STMT_OPEN_TOTALS] =
	    "SELECT COUNT(*) AS n, COALESCE(SUM(o.amount), 0) AS amount,"
	    " COALESCE(SUM(ROUND(o.amount * s.probability / 100, 2)), 0)"
	    " AS weighted, COALESCE(SUM(o.next_follow_up < ?), 0) AS overdue"
	    " FROM opportunities o JOIN stages s ON s.code = o.stage"
	    " WHERE " PIPE_OPEN_SQL " AND " SCOPE_SQL("o.owner_id"),
	/* The first open opportunities in priority order (score desc,
	 * expected close, id: as the list's default), those with a score:
	 * sorted and cut in SQL over the open rows of the scope only. */
	[STMT_ATTENTION] =
	    "SELECT " PIPE_OPP_COLS ", " PIPE_SCORE_SQL " AS score"
	    PIPE_OPP_FROM " WHERE " PIPE_OPEN_SQL " AND "
	    SCOPE_SQL("o.owner_id") " HAVING score > 0"
	    " ORDER BY score DESC, o.expected_close, o.id LIMIT ?",
	[STMT_WEEK_ACTIVITIES] =
	    "SELECT COUNT(*) FROM activities a WHERE " SCOPE_SQL("a.owner_id")
	    " AND a.activity_date >= ? AND a.activity_date < ?",
	[STMT_WON_MONTH] =
	    "SELECT COUNT(*), COALESCE(SUM(o.amount), 0) FROM opportunities o"
	    " WHERE o.stage = 'won' AND " SCOPE_SQL("o.owner_id")
	    " AND o.stage_changed_at >= ? AND o.stage_changed_at < ?",
	/* Orders dated in [from, to) crediting someone of the scope, not
	 * cancelled, returns aside (a return is its own order): how many,
	 * and their booked lines' amount (the whole order's, whatever the
	 * shares).  Most orders are booked without an opportunity, so this
	 * is not STMT_WON_MONTH's figure. */
	[STMT_BOOKED_MONTH] =
	    "SELECT COUNT(*), COALESCE(SUM(o.amount_booked), 0) FROM orders o"
	    " WHERE o.status = 'booked' AND o.original_order_id IS NULL"
	    " AND o.order_date >= ? AND o.order_date < ? AND "
	    SCOPE_ORDER_SQL("o.id"),
	[STMT_TEAMS] =
	    "SELECT DISTINCT p.team FROM people p WHERE p.team <> ''"
	    " AND (CAST(p.roles AS UNSIGNED) & 3) <> 0 AND "
	    SCOPE_SQL("p.id") " ORDER BY p.team",
	[STMT_STAGE_TOTALS] =
	    "SELECT o.stage, COUNT(*), COALESCE(SUM(o.amount), 0)"
	    " FROM opportunities o WHERE " SCOPE_SQL("o.owner_id")
	    NARROW_SQL("o.owner_id") " GROUP BY o.stage",
	/* The funnel: per opportunity of the scope that moved in [from, to]
	 * (its stage history, lost moves aside), the furthest stage it
	 * moved into in the period; counted per furthest stage, with the
	 * amounts.  An opportunity counts as having reached every stage up
	 * to its furthest (a skipped stage was passed), so each stage is at
	 * most as wide as the one before.  Served by stage_changes_reached
	 * (sql/sales/012): the period's moves only. */
	[STMT_REACHED] =
	    "SELECT x.furthest, COUNT(*), COALESCE(SUM(x.amount), 0) FROM"
	    " (SELECT MAX(s.position) AS furthest, MAX(o.amount) AS amount"
	    " FROM opportunity_stage_changes c"
	    " JOIN stages s ON s.code = c.to_stage"
	    " JOIN opportunities o ON o.id = c.opportunity_id"
	    " WHERE c.changed_at >= ? AND c.changed_at < DATE_ADD(?, INTERVAL 1 DAY)"
	    " AND c.to_stage <> 'lost' AND " SCOPE_SQL("o.owner_id")
	    NARROW_SQL("o.owner_id") " GROUP BY c.opportunity_id) x"
	    " GROUP BY x.furthest",
	/* Of the opportunities in open stage X at some time in [from, to]
	 * (entered X by the end of the period and not left it before its
	 * start), how many moved, after entering X and by the end of the
	 * period, to a later stage other than lost. */
	[STMT_CONVERSION] =
	    "SELECT c.to_stage, COUNT(DISTINCT c.opportunity_id),"
	    " COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1"
	    "  FROM opportunity_stage_changes n JOIN stages ns"
	    "  ON ns.code = n.to_stage WHERE n.opportunity_id = c.opportunity_id"
	    "  AND n.id > c.id AND n.changed_at < DATE_ADD(?, INTERVAL 1 DAY)"
	    "  AND ns.position > s.position AND n.to_stage <> 'lost')"
	    "  THEN c.opportunity_id END)"
	    " FROM opportunity_stage_changes c"
	    " JOIN stages s ON s.code = c.to_stage"
	    " JOIN opportunities o ON o.id = c.opportunity_id"
	    " WHERE s.is_open AND c.changed_at < DATE_ADD(?, INTERVAL 1 DAY)"
	    " AND NOT EXISTS (SELECT 1 FROM opportunity_stage_changes l"
	    "  WHERE l.opportunity_id = c.opportunity_id AND l.id > c.id"
	    "  AND l.changed_at < ?)"
	    " AND " SCOPE_SQL("o.owner_id") NARROW_SQL("o.owner_id")
	    " GROUP BY c.to_stage",
	[STMT_FORECAST] =
	    "SELECT DATE_FORMAT(o.expected_close, '%Y-%m'),"
	    " SUM(o.amount * s.probability), COUNT(*), SUM(o.amount)"
	    " FROM opportunities o JOIN stages s ON s.code = o.stage"
	    " WHERE s.is_open AND " SCOPE_SQL("o.owner_id")
	    NARROW_SQL("o.owner_id")
	    " AND o.expected_close >= ? AND o.expected_close < ? GROUP BY 1",
	/* The open opportunities whose expected close date has passed (the
	 * parameter after the scope's: today): the forecast lists them as
	 * overdue, apart from the months (which start today). */
	[STMT_OVERDUE_TOTALS] =
	    "SELECT COUNT(*), COALESCE(SUM(o.amount), 0),"
	    " COALESCE(SUM(o.amount * s.probability), 0)"
	    " FROM opportunities o JOIN stages s ON s.code = o.stage"
	    " WHERE s.is_open AND " SCOPE_SQL("o.owner_id")
	    NARROW_SQL("o.owner_id") " AND o.expected_close < ?",
	/* The first of them, the longest overdue first. */
	[STMT_OVERDUE] =
	    "SELECT " PIPE_OPP_COLS PIPE_OPP_FROM " WHERE s.is_open AND "
	    SCOPE_SQL("o.owner_id") NARROW_SQL("o.owner_id")
	    " AND o.expected_close < ? ORDER BY o.expected_close, o.id LIMIT ?",
	[STMT_WON] =
	    "SELECT DATE_FORMAT(o.stage_changed_at, '%Y-%m'), SUM(o.amount),"
	    " COUNT(*) FROM opportunities o WHERE o.stage = 'won' AND "
	    SCOPE_SQL("o.owner_id") NARROW_SQL("o.owner_id")
	    " AND o.stage_changed_at >= ? AND o.stage_changed_at < ?"
	    " GROUP BY 1",
	/* Orders booked per month of [from, to) crediting someone of the
	 * scope (or the narrowed rep or team), as STMT_BOOKED_MONTH. */
	[STMT_BOOKED_MONTHS] =
	    "SELECT DATE_FORMAT(o.order_date, '%Y-%m'),"
	    " COALESCE(SUM(o.amount_booked), 0), COUNT(*) FROM orders o"
	    " WHERE o.status = 'booked' AND o.original_order_id IS NULL"
	    " AND o.order_date >= ? AND o.order_date < ? AND "
	    SCOPE_ORDER_SQL("o.id") " AND (? = 0 OR EXISTS (SELECT 1 FROM"
	    " order_reps nr WHERE nr.order_id = o.id AND nr.person_id = ?))"
	    " AND (? = '' OR EXISTS (SELECT 1 FROM order_reps nr JOIN people np"
	    " ON np.id = nr.person_id WHERE nr.order_id = o.id AND np.team = ?))"
	    " GROUP BY 1",
};

static struct db_table chart_db = DB_TABLE("pipeline-charts", stmts);

/* ---- overview ---- */

/* Frees what pipe_opp_read copied into v (not v). */
static void
opp_fields_free(struct pipe_opp *v)
{
	free(v->title);
	free(v->customer);
	free(v->owner);
}


void pipe_opp_rows(struct req *r, struct tdict *d, const char *section,
    const struct pipe_opp *v, size_t from, size_t to);

/* The open pipeline's figures and the opportunities needing attention
 * first, from SQL (no open opportunity is loaded to be counted or
 * sorted here). */
static int
overview_open(struct req *r, struct tdict *d, const struct scope *s)
{
	struct pipe_opp v[ATTENTION_ROWS];
	struct pipe_classify c;
	struct dbres *res;
	char today[16], stale[16];
	size_t n = 0;
	int rc;

	if ((rc = pipe_classify_init(r, s, &c)) != 0)
		return rc;
	pipe_fmt_date(today, sizeof(today), c.today);
	pipe_fmt_date(stale, sizeof(stale), c.today - c.stale_days);
	if ((rc = db_query(r->app->db, &chart_db, STMT_OPEN_TOTALS,
	    DB_ARGS(P_TEXT(today), SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	pipe_set_money(d, "open_amount", dbres_money_col(res, 0, "amount"));
	pipe_set_money(d, "open_weighted", dbres_money_col(res, 0, "weighted"));
	tdict_set_int(d, "open_count", dbres_int_col(res, 0, "n"));
	tdict_set_int(d, "overdue_count", dbres_int_col(res, 0, "overdue"));
	dbres_free(res);
	if ((rc = db_query(r->app->db, &chart_db, STMT_ATTENTION,
	    DB_ARGS(P_TEXT(today), P_TEXT(today), P_TEXT(stale),
	    P_TEXT(stale), P_TEXT(today), P_TEXT(today), SCOPE_ARGS(s),
	    P_INT(ATTENTION_ROWS)), &res)) != 0)
		return rc;
	memset(v, 0, sizeof(v));
	for (; n < dbres_rows(res) && n < ATTENTION_ROWS; n++)
		if ((rc = pipe_opp_read(&v[n], res, n, &c)) != 0) {
			n++;
			break;
		}
	dbres_free(res);
	if (rc == 0 && n > 0)
		pipe_opp_rows(r, tdict_add_section(d, "ATTENTION_TABLE"), "OPP",
		    v, 0, n);
	else if (rc == 0)
		tdict_show_section(d, "ATTENTION_EMPTY");
	for (size_t i = 0; i < n; i++)
		opp_fields_free(&v[i]);
	return rc;
}

int
pipe_overview_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct dbres *res;
	int64_t today = pipe_today(), monday;
	char from[16], to[16];
	int y, m, dd, rc;

	if ((rc = overview_open(r, d, &s)) != 0)
		return rc;

	monday = today - (tc_weekday(today) - 1);
	pipe_fmt_date(from, sizeof(from), monday);
	pipe_fmt_date(to, sizeof(to), monday + 7);
	if ((rc = db_query(r->app->db, &chart_db, STMT_WEEK_ACTIVITIES,
	    DB_ARGS(SCOPE_ARGS(&s), P_TEXT(from), P_TEXT(to)), &res)) != 0)
		return rc;
	tdict_set_int(d, "week_activities", dbres_int(res, 0, 0));
	dbres_free(res);
	tc_civil_from_days(today, &y, &m, &dd);
	snprintf(from, sizeof(from), "%04d-%02d-01", y, m);
	tc_month_add(&y, &m, 1);
	snprintf(to, sizeof(to), "%04d-%02d-01", y, m);
	if ((rc = db_query(r->app->db, &chart_db, STMT_WON_MONTH,
	    DB_ARGS(SCOPE_ARGS(&s), P_TEXT(from), P_TEXT(to)), &res)) != 0)
		return rc;
	tdict_set_int(d, "won_count", dbres_int(res, 0, 0));
	pipe_set_money(d, "won_amount", dbres_money(res, 0, 1));
	dbres_free(res);
	if ((rc = db_query(r->app->db, &chart_db, STMT_BOOKED_MONTH,
	    DB_ARGS(P_TEXT(from), P_TEXT(to), SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	tdict_set_int(d, "booked_count", dbres_int(res, 0, 0));
	pipe_set_money(d, "booked_amount", dbres_money(res, 0, 1));
	dbres_free(res);
	/* The booked orders' list: this month, as the KPI counts. */
	tdict_set(d, "month_from", from);
	{
		char last[16];
		int64_t next;

		if (pipe_parse_date(to, &next)) {
			pipe_fmt_date(last, sizeof(last), next - 1);
			tdict_set(d, "month_to", last);
		}
	}
	if (has_role(r, PIPE_ROLES_WRITE))
		tdict_show_section(d, "CAN_WRITE");
	if (has_role(r, ROLE_ADMIN))
		tdict_show_section(d, "IS_ADMIN");
	tdict_set(d, "scope_label", tr(r, s.kind == SCOPE_ALL ?
	    "pipe_scope_all" : s.kind == SCOPE_TEAM ? "pipe_scope_team" :
	    "pipe_scope_own"));
	sales_tabs(r, "overview");
	return page_send(r, 200, "sales/pipeline-overview.tpl",
	    "pipe_overview_title", "sales");
}

/* ---- who a chart covers ---- */

/* The filters of the funnel and the forecast, declared once: a bad value
 * is answered 400, the form showing it with a message naming the field
 * (not a silent default).  The forecast has no period. */
enum cfield { CF_REP, CF_TEAM, CF_FROM, CF_TO, CF__MAX };

static const struct field chart_fields[CF__MAX] = {
	[CF_REP] = { "rep", form_int64, 0, 1, INT32_MAX, "list_err_invalid",
	    NULL },
	[CF_TEAM] = { "team", form_text, 0, 1, 64, "list_err_invalid", NULL },
	[CF_FROM] = { "from", form_date, 0, 0, 0, "list_err_date", NULL },
	[CF_TO] = { "to", form_date, 0, 0, 0, "list_err_date", NULL },
};

static const char *const chart_labels[CF__MAX] = {
	[CF_REP] = "sales_rep", [CF_TEAM] = "sales_team",
	[CF_FROM] = "sales_from", [CF_TO] = "sales_to",
};

struct narrow {
	int64_t rep;
	const char *team;
};

/* Reads the rep and team of validated filters f into n, each only when
 * it is in the person's scope s (else the field is marked invalid), and
 * fills the pickers.  Returns 0 or a tc_err. */
static int
narrow_read(struct req *r, struct tdict *d, const struct scope *s,
    struct form *f, struct narrow *n)
{
	const char *team = form_str(f, CF_TEAM);
	struct dbres *res;
	bool team_found = false;
	int rc;

	n->rep = 0;
	n->team = "";
	if (form_present(f, CF_REP) && form_str(f, CF_REP) != NULL) {
		if ((rc = pipe_person_in_scope(r, s,
		    form_int(f, CF_REP, 0))) < 0)
			return rc;
		if (rc == 1)
			n->rep = form_int(f, CF_REP, 0);
		else if ((rc = form_set_error(f, CF_REP, NULL, NULL)) != 0)
			return rc;
	}
	if ((rc = pipe_rep_options(r, d, "REP_OPT", s,
	    n->rep > 0 ? form_raw(f, CF_REP) : NULL)) < 0)
		return rc;
	if (s->kind != SCOPE_ALL)
		form_ignore(f, CF_TEAM);
	if (s->kind == SCOPE_OWN)
		return 0;
	tdict_show_section(d, "REP_PICKER");
	if (s->kind != SCOPE_ALL)
		return 0;
	if ((rc = db_query(r->app->db, &chart_db, STMT_TEAMS,
	    DB_ARGS(SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	tdict_show_section(d, "TEAM_PICKER");
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *t = dbres_text_col(res, i, "team");
		struct tdict *o = tdict_add_section(d, "TEAM_OPT");

		tdict_set(o, "value", t);
		tdict_set(o, "label", t);
		if (team != NULL && strcmp(team, t) == 0) {
			tdict_show_section(o, "SELECTED");
			/* Points into f, which outlives the page. */
			n->team = team;
			team_found = true;
		}
	}
	dbres_free(res);
	if (team != NULL && !team_found)
		return form_set_error(f, CF_TEAM, NULL, NULL);
	return 0;
}

/* Validates the filters of r's query into *f (freed by the caller with
 * form_free whatever the outcome), then narrow_read.  Returns 0 or a
 * tc_err (TC_EINVAL stays in f: see form_has_errors). */
static int
filters_read(struct req *r, struct tdict *d, const struct scope *s,
    bool period, struct form *f, struct narrow *n)
{
	int rc = form_validate(f, chart_fields, CF__MAX, &r->q);

	if (rc != 0 && rc != TC_EINVAL)
		return rc;
	if (!period) {
		form_ignore(f, CF_FROM);
		form_ignore(f, CF_TO);
	}
	return narrow_read(r, d, s, f, n);
}

/* Answers 400: the page's filter form with its errors, nothing else. */
static int
filters_refused(struct req *r, struct tdict *d, const struct form *f,
    const char *tpl, const char *title_key)
{
	struct form_errors fe;
	int rc;

	form_errors_init(&fe, d, r->cat);
	if ((rc = form_show(&fe, d, f, chart_labels, NULL)) != 0)
		return rc;
	tdict_show_section(d, "REFUSED");
	return page_send(r, 400, tpl, title_key, "sales");
}

/* ---- funnel ---- */

/* The funnel of the period [from, to]: how many opportunities of the
 * scope reached each stage but lost (STMT_REACHED), a centred bar per
 * stage, and a table with each stage's share of the first.  Returns 0 or
 * a tc_err. */
static int
funnel_reached(struct req *r, struct tdict *d, const struct scope *s,
    const struct narrow *nw, const char *from, const char *to,
    const struct pipe_stage *st, size_t nst)
{
	const char *cats[PIPE_MAX_STAGES], *notes[PIPE_MAX_STAGES];
	char note[PIPE_MAX_STAGES][64];
	int64_t n[PIPE_MAX_STAGES] = { 0 }, amount[PIPE_MAX_STAGES] = { 0 };
	size_t idx[PIPE_MAX_STAGES], nf = 0;
	struct dbres *res;
	int rc;

	for (size_t k = 0; k < nst; k++)
		if (strcmp(st[k].code, "lost") != 0)
			idx[nf++] = k;
	if ((rc = db_query(r->app->db, &chart_db, STMT_REACHED,
	    DB_ARGS(P_TEXT(from), P_TEXT(to), SCOPE_ARGS(s),
	    NARROW_ARGS(nw)), &res)) != 0)
		return rc;
	/* Every stage up to the furthest one counts it. */
	for (size_t i = 0; i < dbres_rows(res); i++) {
		int64_t furthest = dbres_int(res, i, 0);

		for (size_t j = 0; j < nf; j++)
			if (st[idx[j]].position <= furthest) {
				n[j] += dbres_int(res, i, 1);
				amount[j] += dbres_money(res, i, 2);
			}
	}
	dbres_free(res);
	for (size_t j = 0; j < nf; j++) {
		struct tdict *t = tdict_add_section(d, "REACHED_ROW");
		char sh[CHART_LABEL_SIZE], pct[32];
		int pm = pipe_conversion_permille(n[j], n[0]);

		cats[j] = pipe_stage_label(r, st[idx[j]].code);
		snprintf(note[j], sizeof(note[j]), "%lld · %s", (long long)n[j],
		    chart_short(sh, amount[j], CHART_MONEY, r->lang));
		notes[j] = note[j];
		tdict_set(t, "stage", st[idx[j]].code);
		tdict_set(t, "label", cats[j]);
		tdict_set_int(t, "count", n[j]);
		pipe_set_money(t, "amount", amount[j]);
		snprintf(pct, sizeof(pct), "%d.%d%%", pm / 10, pm % 10);
		tdict_set(t, "pct", n[0] > 0 ? pct : "–");
	}
	tdict_set_int(d, "reached_first", nf > 0 ? n[0] : 0);

	struct chart c = { .kind = CHART_BARS, .unit = CHART_COUNT,
	    .centred = true, .id = "chart-funnel",
	    .title = tr(r, "pipe_funnel_reached"),
	    .cat_title = tr(r, "sales_stage"), .cats = cats,
	    .notes = notes, .ncat = nf, .nseries = 1, .width = 960 };

	c.series[0].name = tr(r, "pipe_funnel_reached_count");
	c.series[0].v = n;
	return chart_show(r, d, "CHART", &c);
}

int
pipe_funnel_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct pipe_stage st[PIPE_MAX_STAGES];
	int64_t count[PIPE_MAX_STAGES] = { 0 }, amount[PIPE_MAX_STAGES] = { 0 };
	int64_t in[PIPE_MAX_STAGES] = { 0 }, reached[PIPE_MAX_STAGES] = { 0 };
	int64_t today = pipe_today(), from_d, to_d;
	struct form f = { 0 };
	struct narrow nw;
	struct dbres *res;
	char from[16], to[16];
	size_t nst;
	int rc;

	sales_tabs(r, "funnel");
	if ((rc = pipe_stages(r, st, &nst)) != 0 ||
	    (rc = filters_read(r, d, &s, true, &f, &nw)) != 0)
		goto out;
	if (form_has_errors(&f)) {
		rc = filters_refused(r, d, &f, "sales/pipeline-funnel.tpl",
		    "pipe_funnel_title");
		goto out;
	}
	/* The period: by default the last 90 days. */
	from_d = form_present(&f, CF_FROM) ?
	    tc_date_days((int32_t)form_int(&f, CF_FROM, 0)) : today - 89;
	to_d = form_present(&f, CF_TO) ?
	    tc_date_days((int32_t)form_int(&f, CF_TO, 0)) : today;
	if (to_d < from_d) {
		int64_t t = to_d;

		to_d = from_d;
		from_d = t;
	}
	pipe_fmt_date(from, sizeof(from), from_d);
	pipe_fmt_date(to, sizeof(to), to_d);
	tdict_set(d, "from", from);
	tdict_set(d, "to", to);
	if ((rc = db_query(r->app->db, &chart_db, STMT_STAGE_TOTALS,
	    DB_ARGS(SCOPE_ARGS(&s), NARROW_ARGS(&nw)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (size_t k = 0; k < nst; k++)
			if (strcmp(st[k].code, dbres_text(res, i, 0)) == 0) {
				count[k] = dbres_int(res, i, 1);
				amount[k] = dbres_money(res, i, 2);
			}
	dbres_free(res);
	if ((rc = db_query(r->app->db, &chart_db, STMT_CONVERSION,
	    DB_ARGS(P_TEXT(to), P_TEXT(to), P_TEXT(from), SCOPE_ARGS(&s),
	    NARROW_ARGS(&nw)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (size_t k = 0; k < nst; k++)
			if (strcmp(st[k].code, dbres_text(res, i, 0)) == 0) {
				in[k] = dbres_int(res, i, 1);
				reached[k] = dbres_int(res, i, 2);
			}
	dbres_free(res);
	/* The current stages: a table of every stage, what is in it now. */
	{
		int64_t total = 0, total_amount = 0;

		for (size_t k = 0; k < nst; k++) {
			struct tdict *t = tdict_add_section(d, "STAGE_ROW");

			tdict_set(t, "stage", st[k].code);
			tdict_set(t, "label", pipe_stage_label(r, st[k].code));
			tdict_set_int(t, "count", count[k]);
			pipe_set_money(t, "amount", amount[k]);
			tdict_set_int(t, "probability", st[k].probability);
			total += count[k];
			total_amount += amount[k];
		}
		tdict_set_int(d, "total_count", total);
		pipe_set_money(d, "total_amount", total_amount);
	}
	if ((rc = funnel_reached(r, d, &s, &nw, from, to, st, nst)) != 0)
		goto out;
	/* Conversion rows: each open stage to the next. */
	for (size_t k = 0; k + 1 < nst; k++) {
		struct tdict *c;
		int pm;
		char pct[32], cls[16];

		if (!st[k].open)
			continue;
		c = tdict_add_section(d, "CONV");
		pm = pipe_conversion_permille(reached[k], in[k]);
		tdict_set(c, "from_label", pipe_stage_label(r, st[k].code));
		tdict_set(c, "to_label", pipe_stage_label(r, st[k + 1].code));
		tdict_set_int(c, "entered", in[k]);
		tdict_set_int(c, "reached", reached[k]);
		snprintf(pct, sizeof(pct), "%d.%d%%", pm / 10, pm % 10);
		tdict_set(c, "pct", in[k] > 0 ? pct : "–");
		snprintf(cls, sizeof(cls), "w%d", (pm + 25) / 50 * 5);
		tdict_set(c, "wclass", cls);
	}
	rc = page_send(r, 200, "sales/pipeline-funnel.tpl",
	    "pipe_funnel_title", "sales");
out:
	form_free(&f);
	return rc;
}

/* ---- forecast ---- */

#define FC_PAST 5       /* months before the current one */
#define FC_AHEAD 5      /* months after it */
#define FC_SLOTS (FC_PAST + 1 + FC_AHEAD)
#define FC_OVERDUE_ROWS 50   /* overdue opportunities listed */

/* The open opportunities of the scope expected to close before today
 * (from, "YYYY-MM-DD"): their totals and the first FC_OVERDUE_ROWS, the
 * longest overdue first, into section OVERDUE of d.  Returns 0 or a
 * tc_err. */
static int
forecast_overdue(struct req *r, struct tdict *d, const struct scope *s,
    const struct narrow *nw, const char *today)
{
	struct pipe_classify c;
	struct dbres *res;
	struct tdict *o;
	size_t n;
	int rc;

	if ((rc = db_query(r->app->db, &chart_db, STMT_OVERDUE_TOTALS,
	    DB_ARGS(SCOPE_ARGS(s), NARROW_ARGS(nw), P_TEXT(today)),
	    &res)) != 0)
		return rc;
	n = (size_t)dbres_int(res, 0, 0);
	o = tdict_add_section(d, "OVERDUE");
	tdict_set_int(o, "overdue_count", (int64_t)n);
	pipe_set_money(o, "overdue_amount", dbres_money(res, 0, 1));
	pipe_set_money(o, "overdue_weighted",
	    pipe_weighted(dbres_money(res, 0, 2), 1));
	dbres_free(res);
	if (n == 0) {
		tdict_show_section(o, "OVERDUE_NONE");
		return 0;
	}
	if (n > FC_OVERDUE_ROWS)
		tdict_set_int(tdict_add_section(o, "OVERDUE_MORE"), "shown",
		    FC_OVERDUE_ROWS);
	if ((rc = pipe_classify_init(r, s, &c)) != 0 ||
	    (rc = db_query(r->app->db, &chart_db, STMT_OVERDUE,
	    DB_ARGS(SCOPE_ARGS(s), NARROW_ARGS(nw), P_TEXT(today),
	    P_INT(FC_OVERDUE_ROWS)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct pipe_opp v = { 0 };
		struct tdict *t;

		int64_t close;

		if ((rc = pipe_opp_read(&v, res, i, &c)) != 0) {
			opp_fields_free(&v);
			break;
		}
		t = tdict_add_section(o, "OVERDUE_ROW");
		tdict_set_int(t, "id", v.id);
		tdict_set(t, "title", v.title);
		tdict_set(t, "customer", v.customer);
		tdict_set(t, "owner", v.owner);
		tdict_set(t, "stage", v.stage);
		tdict_set(t, "stage_label", pipe_stage_label(r, v.stage));
		pipe_set_money(t, "amount", v.amount);
		tdict_set(t, "close", v.close);
		if (pipe_parse_date(v.close, &close))
			tdict_set_int(t, "days", c.today - close);
		opp_fields_free(&v);
	}
	dbres_free(res);
	return rc;
}

int
pipe_forecast_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct form f = { 0 };
	struct narrow nw;
	struct dbres *res;
	char keys[FC_SLOTS][16], from[32], to[32];
	int64_t weighted[FC_SLOTS] = { 0 }, pipeline[FC_SLOTS] = { 0 };
	int64_t won[FC_SLOTS] = { 0 }, nopen[FC_SLOTS] = { 0 };
	int64_t nwon[FC_SLOTS] = { 0 }, booked[FC_SLOTS] = { 0 };
	int64_t nbooked[FC_SLOTS] = { 0 };
	int64_t tw = 0, tp = 0, twon = 0, tbooked = 0;
	int y, m, dd, rc;

	sales_tabs(r, "forecast");
	if (s.kind != SCOPE_OWN)
		tdict_show_section(d, "FILTERS");
	if ((rc = filters_read(r, d, &s, false, &f, &nw)) != 0)
		goto out;
	if (form_has_errors(&f)) {
		rc = filters_refused(r, d, &f, "sales/pipeline-forecast.tpl",
		    "pipe_forecast_title");
		goto out;
	}
	tc_civil_from_days(pipe_today(), &y, &m, &dd);
	tc_month_add(&y, &m, -FC_PAST);
	for (int i = 0; i < FC_SLOTS; i++) {
		int yy = y, mm = m;

		tc_month_add(&yy, &mm, i);
		snprintf(keys[i], sizeof(keys[i]), "%04d-%02d", (yy % 10000 +
		    10000) % 10000, (mm % 100 + 100) % 100);
	}
	/* Weighted pipeline: from today to the end of this month and the
	 * next FC_AHEAD months; what was expected before today is overdue. */
	pipe_fmt_date(from, sizeof(from), pipe_today());
	if ((rc = forecast_overdue(r, d, &s, &nw, from)) != 0)
		goto out;
	{
		int yy = y, mm = m;

		tc_month_add(&yy, &mm, FC_SLOTS);
		snprintf(to, sizeof(to), "%04d-%02d-01", yy, mm);
	}
	if ((rc = db_query(r->app->db, &chart_db, STMT_FORECAST,
	    DB_ARGS(SCOPE_ARGS(&s), NARROW_ARGS(&nw), P_TEXT(from),
	    P_TEXT(to)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (int k = FC_PAST; k < FC_SLOTS; k++)
			if (strcmp(keys[k], dbres_text(res, i, 0)) == 0) {
				/* SUM(amount x percent) / 100, to the fen. */
				weighted[k] = pipe_weighted(dbres_money(res, i, 1), 1);
				nopen[k] = dbres_int(res, i, 2);
				pipeline[k] = dbres_money(res, i, 3);
			}
	dbres_free(res);
	/* Won: the FC_PAST months before this one, and this one. */
	snprintf(from, sizeof(from), "%s-01", keys[0]);
	{
		int yy = y, mm = m;

		tc_month_add(&yy, &mm, FC_PAST + 1);
		snprintf(to, sizeof(to), "%04d-%02d-01", yy, mm);
	}
	if ((rc = db_query(r->app->db, &chart_db, STMT_WON,
	    DB_ARGS(SCOPE_ARGS(&s), NARROW_ARGS(&nw), P_TEXT(from),
	    P_TEXT(to)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (int k = 0; k <= FC_PAST; k++)
			if (strcmp(keys[k], dbres_text(res, i, 0)) == 0) {
				won[k] = dbres_money(res, i, 1);
				nwon[k] = dbres_int(res, i, 2);
			}
	dbres_free(res);
	if ((rc = db_query(r->app->db, &chart_db, STMT_BOOKED_MONTHS,
	    DB_ARGS(P_TEXT(from), P_TEXT(to), SCOPE_ARGS(&s),
	    NARROW_ARGS(&nw)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (int k = 0; k <= FC_PAST; k++)
			if (strcmp(keys[k], dbres_text(res, i, 0)) == 0) {
				booked[k] = dbres_money(res, i, 1);
				nbooked[k] = dbres_int(res, i, 2);
			}
	dbres_free(res);
	/* The chart: won before and in this month, weighted from it on. */
	{
		const char *cats[FC_SLOTS];
		int64_t cw[FC_SLOTS], cf[FC_SLOTS];

		for (int k = 0; k < FC_SLOTS; k++) {
			cats[k] = keys[k];
			cw[k] = k <= FC_PAST ? won[k] : CHART_NONE;
			cf[k] = k >= FC_PAST ? weighted[k] : CHART_NONE;
		}

		struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
		    .id = "chart-forecast", .title = tr(r, "pipe_forecast_chart"),
		    .cat_title = tr(r, "sales_month"), .cats = cats,
		    .ncat = FC_SLOTS, .nseries = 2 };

		c.series[0].name = tr(r, "pipe_won");
		c.series[0].v = cw;
		c.series[1].name = tr(r, "pipe_weighted");
		c.series[1].v = cf;
		if ((rc = chart_show(r, d, "CHART", &c)) != 0)
			goto out;
	}
	for (int k = 0; k < FC_SLOTS; k++) {
		struct tdict *row = tdict_add_section(d, "MONTH");

		tdict_set(row, "month", keys[k]);
		if (k == FC_PAST)
			tdict_show_section(row, "CURRENT");
		if (k <= FC_PAST) {
			struct tdict *w = tdict_add_section(row, "HAS_WON");

			pipe_set_money(w, "won", won[k]);
			tdict_set_int(w, "won_count", nwon[k]);
			pipe_set_money(w, "booked", booked[k]);
			tdict_set_int(w, "booked_count", nbooked[k]);
			twon += won[k];
			tbooked += booked[k];
		} else
			tdict_show_section(row, "NO_WON");
		if (k >= FC_PAST) {
			struct tdict *w = tdict_add_section(row, "HAS_FC");

			pipe_set_money(w, "pipeline", pipeline[k]);
			pipe_set_money(w, "weighted", weighted[k]);
			tdict_set_int(w, "open_count", nopen[k]);
			tw += weighted[k];
			tp += pipeline[k];
		} else
			tdict_show_section(row, "NO_FC");
	}
	pipe_set_money(d, "total_won", twon);
	pipe_set_money(d, "total_booked", tbooked);
	pipe_set_money(d, "total_weighted", tw);
	pipe_set_money(d, "total_pipeline", tp);
	rc = page_send(r, 200, "sales/pipeline-forecast.tpl",
	    "pipe_forecast_title", "sales");
out:
	form_free(&f);
	return rc;
}
