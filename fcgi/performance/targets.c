/* targets.c: the target grids (reps down, periods across; teams down),
 * for HR to enter and everyone else to read within their scope, and the
 * copy of a previous period with a growth factor.
 *
 * The grid is a plain form: every cell an input named
 * c|<label>|<person id> (or c|<label>|@<team>), so it works without
 * JavaScript; performance.js adds moving with the arrow keys and Enter
 * and pasting a block copied from a spreadsheet.  A POST is saved by
 * perf_targets_save, all or nothing: a refused cell is shown with its
 * message, named by rep and period in the summary, and every typed value
 * is kept.  Cells of closed periods are read-only.  Beside each cell: for
 * a quarter or a year, the sum of its months; for a team, the sum of its
 * members' targets; with the difference, never silently fixed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "core/clock.h"
#include "core/period.h"
#include "core/decimal.h"
#include "performance/perf.h"

int perf_import_get(struct req *r);
int perf_import_post(struct req *r);
int perf_proposals_get(struct req *r);
int perf_proposals_post(struct req *r);
int perf_proposal_decide(struct req *r);

#define MAX_COLS 12
#define MAX_ROWS 500

enum stmt {
	ST_REPS, ST_TEAMS,
	ST_REP_TARGETS, ST_TEAM_TARGETS, ST_TEAM_SUMS,
	ST__MAX
};

/* Active sales reps in the reader's scope. */
#define REPS_IN_SCOPE \
	" FROM people p WHERE p.active AND (CAST(p.roles AS UNSIGNED) & 1)" \
	" <> 0 AND " SCOPE_SQL("p.id")

static const char *const stmts[ST__MAX] = {
	[ST_REPS] = "SELECT p.id, p.name, p.login, p.team" REPS_IN_SCOPE
	    " ORDER BY p.team, p.name, p.id",
	[ST_TEAMS] = "SELECT DISTINCT p.team" REPS_IN_SCOPE
	    " AND p.team <> '' ORDER BY p.team",
	/* every target of the reps in scope in [from, to] (first days) */
	[ST_REP_TARGETS] =
	    "SELECT t.person_id, t.period, t.kind, t.amount FROM targets t"
	    " JOIN people p ON p.id = t.person_id WHERE t.first_day >= ?"
	    " AND t.first_day <= ? AND " SCOPE_SQL("p.id"),
	[ST_TEAM_TARGETS] =
	    "SELECT t.team, t.period, t.amount FROM team_targets t"
	    " WHERE t.kind = ? AND t.first_day >= ? AND t.first_day <= ?",
	/* the members' targets per team and label */
	[ST_TEAM_SUMS] =
	    "SELECT p.team, t.period, SUM(t.amount) FROM targets t"
	    " JOIN people p ON p.id = t.person_id WHERE t.kind = ?"
	    " AND t.first_day >= ? AND t.first_day <= ? AND p.team <> ''"
	    " GROUP BY p.team, t.period",
};

static struct db_table tg_db = DB_TABLE("performance.targets", stmts);

/* One row of the grid. */
struct grow {
	int64_t person;             /* 0 for a team */
	char name[129];
	char login[65];
	char team[65];
	money_t v[MAX_COLS];        /* stored, 0: none */
	money_t hint[MAX_COLS];     /* the sum beside it */
	bool has_hint[MAX_COLS];
	const char *typed[MAX_COLS];/* after a refused POST */
	const char *err[MAX_COLS];
};

struct grid {
	bool teams;
	enum tc_period_kind kind;
	int year;
	size_t ncol;
	struct period_span col[MAX_COLS];
	bool closed[MAX_COLS];
	struct grow *row;
	size_t nrow;
};

/* The columns: the months or quarters of year, or three years. */
static void
grid_columns(struct grid *g)
{
	struct period_span first;

	if (g->kind == TC_PERIOD_YEAR) {
		period_of_date(g->kind, tc_date_make(g->year - 1, 1, 1), &first);
		g->ncol = 3;
	} else {
		period_of_date(g->kind, tc_date_make(g->year, 1, 1), &first);
		g->ncol = g->kind == TC_PERIOD_MONTH ? 12 : 4;
	}
	g->col[0] = first;
	for (size_t i = 1; i < g->ncol; i++)
		period_step(&g->col[i - 1], 1, &g->col[i]);
}

static int
col_of(const struct grid *g, const char *label)
{
	for (size_t i = 0; i < g->ncol; i++)
		if (strcmp(g->col[i].label, label) == 0)
			return (int)i;
	return -1;
}

static struct grow *
row_of_person(struct grid *g, int64_t id)
{
	for (size_t i = 0; i < g->nrow; i++)
		if (!g->teams && g->row[i].person == id)
			return &g->row[i];
	return NULL;
}

static struct grow *
row_of_team(struct grid *g, const char *team)
{
	for (size_t i = 0; i < g->nrow; i++)
		if (strcmp(g->row[i].team, team) == 0)
			return &g->row[i];
	return NULL;
}

/* The column whose period contains month label m (for the sums of a
 * quarter's or a year's months). */
static int
col_holding(const struct grid *g, const char *label)
{
	enum tc_period_kind k;
	int32_t p;

	if (tc_period_parse(label, strlen(label), &k, &p) != 0)
		return -1;
	for (size_t i = 0; i < g->ncol; i++)
		if (tc_period_first(k, p) >= g->col[i].first &&
		    tc_period_last(k, p) <= g->col[i].last)
			return (int)i;
	return -1;
}

/* Reads the kind and year asked (?kind=, ?year=). */
static void
grid_params(struct req *r, struct grid *g, bool teams)
{
	const char *k = req_get(&r->q, "kind");
	const char *y = req_get(&r->q, "year");
	int64_t year = 0;

	if (k == NULL)
		k = req_get(&r->form, "kind");
	if (y == NULL)
		y = req_get(&r->form, "year");
	memset(g, 0, sizeof(*g));
	g->teams = teams;
	g->kind = perf_kind(r->app->conf);
	if (k != NULL)
		(void)tc_period_kind_parse(k, &g->kind);
	g->year = tc_date_year(tc_today());
	if (y != NULL && tc_dec_parse_str(y, 0, &year) == 0 &&
	    year >= 2000 && year <= 2100)
		g->year = (int)year;
	grid_columns(g);
}

/* Loads the rows in scope, their stored targets and the sums beside. */
static int
grid_load(struct req *r, struct grid *g)
{
	struct scope s = scope_of(r, &perf_scope_read);
	struct dbres *res = NULL;
	char from[TC_DATE_SIZE], to[TC_DATE_SIZE];
	const char *kind = tc_period_kind_name(g->kind);
	int32_t through = 0;
	int rc;

	if ((rc = period_closed_through(r->app->db, &through)) != 0)
		return rc;
	for (size_t i = 0; i < g->ncol; i++)
		g->closed[i] = through != 0 && g->col[i].first <= through;
	rc = db_query(r->app->db, &tg_db, g->teams ? ST_TEAMS : ST_REPS,
	    DB_ARGS(SCOPE_ARGS(&s)), &res);
	if (rc != 0)
		return rc;
	g->nrow = dbres_rows(res) < MAX_ROWS ? dbres_rows(res) : MAX_ROWS;
	if ((g->row = calloc(g->nrow + 1, sizeof(*g->row))) == NULL) {
		dbres_free(res);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < g->nrow; i++) {
		struct grow *w = &g->row[i];

		if (g->teams) {
			snprintf(w->team, sizeof(w->team), "%s",
			    dbres_text(res, i, 0));
			snprintf(w->name, sizeof(w->name), "%s", w->team);
			continue;
		}
		w->person = dbres_int_col(res, i, "id");
		snprintf(w->name, sizeof(w->name), "%s",
		    dbres_text_col(res, i, "name"));
		snprintf(w->login, sizeof(w->login), "%s",
		    dbres_text_col(res, i, "login"));
		snprintf(w->team, sizeof(w->team), "%s",
		    dbres_text_col(res, i, "team"));
	}
	dbres_free(res);
	res = NULL;
	tc_date_format(from, g->col[0].first);
	tc_date_format(to, g->col[g->ncol - 1].last);
	if (g->teams) {
		if ((rc = db_query(r->app->db, &tg_db, ST_TEAM_TARGETS,
		    DB_ARGS(P_TEXT(kind), P_TEXT(from), P_TEXT(to)), &res))
		    != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++) {
			struct grow *w = row_of_team(g, dbres_text(res, i, 0));
			int c = col_of(g, dbres_text(res, i, 1));

			if (w != NULL && c >= 0)
				w->v[c] = dbres_money(res, i, 2);
		}
		dbres_free(res);
		if ((rc = db_query(r->app->db, &tg_db, ST_TEAM_SUMS,
		    DB_ARGS(P_TEXT(kind), P_TEXT(from), P_TEXT(to)), &res))
		    != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++) {
			struct grow *w = row_of_team(g, dbres_text(res, i, 0));
			int c = col_of(g, dbres_text(res, i, 1));

			if (w != NULL && c >= 0) {
				w->hint[c] = dbres_money(res, i, 2);
				w->has_hint[c] = true;
			}
		}
		dbres_free(res);
		return 0;
	}
	if ((rc = db_query(r->app->db, &tg_db, ST_REP_TARGETS,
	    DB_ARGS(P_TEXT(from), P_TEXT(to), SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct grow *w = row_of_person(g, dbres_int(res, i, 0));
		const char *label = dbres_text(res, i, 1);
		int c;

		if (w == NULL)
			continue;
		if (strcmp(dbres_text(res, i, 2), kind) == 0) {
			if ((c = col_of(g, label)) >= 0)
				w->v[c] = dbres_money(res, i, 3);
		} else if (g->kind != TC_PERIOD_MONTH &&
		    strcmp(dbres_text(res, i, 2), "month") == 0 &&
		    (c = col_holding(g, label)) >= 0) {
			w->hint[c] += dbres_money(res, i, 3);
			w->has_hint[c] = true;
		}
	}
	dbres_free(res);
	return 0;
}

/* The input's name and id of a cell. */
static void
cell_name(char *buf, size_t len, const struct grid *g, size_t row,
    size_t col)
{
	if (g->teams)
		snprintf(buf, len, "c|%s|@%s", g->col[col].label,
		    g->row[row].team);
	else
		snprintf(buf, len, "c|%s|%lld", g->col[col].label,
		    (long long)g->row[row].person);
}

static void
grid_show(struct req *r, struct grid *g, bool editable)
{
	struct tdict *d = page_body(r);
	money_t total[MAX_COLS] = { 0 };
	char buf[TC_MONEY_SIZE], name[200], y[16];

	tdict_set(d, "kind", tc_period_kind_name(g->kind));
	tdict_set_int(d, "year", g->year);
	snprintf(y, sizeof(y), "%d", g->year - 1);
	tdict_set(d, "prev_year", y);
	snprintf(y, sizeof(y), "%d", g->year + 1);
	tdict_set(d, "next_year", y);
	tdict_set(d, "grid_action", g->teams ? "/performance/targets/teams" :
	    "/performance/targets");
	for (int k = 0; k < 3; k++) {
		const char *kn = tc_period_kind_name((enum tc_period_kind)k);
		char key[40];

		snprintf(key, sizeof(key), "perf_kind_%s", kn);
		form_option(d, "KIND_OPT", kn, tr(r, key),
		    (int)g->kind == k);
	}
	if (editable)
		tdict_show_section(d, "EDITABLE");
	else
		tdict_show_section(d, "READONLY");
	tdict_show_section(d, g->teams ? "TEAMS" : "REPS");
	for (size_t c = 0; c < g->ncol; c++) {
		struct tdict *h = tdict_add_section(d, "COL");

		tdict_set(h, "label", g->col[c].label);
		if (c == 1)
			tdict_show_section(h, "TO_SELECTED");
		if (g->closed[c])
			tdict_show_section(h, "CLOSED");
	}
	for (size_t i = 0; i < g->nrow; i++) {
		struct grow *w = &g->row[i];
		struct tdict *rd = tdict_add_section(d, "ROW");
		money_t sum = 0;

		tdict_set(rd, "name", w->name);
		tdict_set(rd, "row_name", w->name);
		tdict_set(rd, "login", w->login);
		tdict_set(rd, "team", w->team);
		if (!g->teams)
			tdict_show_section(rd, "ROW_TEAM");
		tdict_set_int(rd, "n", (long long)i + 1);
		for (size_t c = 0; c < g->ncol; c++) {
			struct tdict *cd = tdict_add_section(rd, "CELL");
			const char *shown = w->typed[c];

			cell_name(name, sizeof(name), g, i, c);
			tdict_set(cd, "input", name);
			tdict_set(cd, "label", g->col[c].label);
			if (shown == NULL)
				shown = w->v[c] ? tc_money_str(buf, w->v[c],
				    false) : "";
			tdict_set(cd, "value", shown);
			if (w->v[c] != 0)
				perf_set_money(cd, "shown", w->v[c]);
			sum += w->v[c];
			total[c] += w->v[c];
			if (editable && !g->closed[c])
				tdict_show_section(cd, "INPUT");
			else
				tdict_show_section(cd, "TEXT");
			if (g->closed[c])
				tdict_show_section(cd, "CELL_CLOSED");
			if (w->err[c] != NULL) {
				struct tdict *e = tdict_add_section(cd,
				    "CELL_ERROR");

				tdict_set(e, "error", tr(r, w->err[c]));
			}
			if (w->has_hint[c]) {
				struct tdict *hd = tdict_add_section(cd, "HINT");

				perf_set_money(hd, "sum", w->hint[c]);
				if (w->hint[c] != w->v[c]) {
					perf_set_money(hd, "diff",
					    w->v[c] - w->hint[c]);
					tdict_show_section(hd, "DIFF");
				}
			}
		}
		perf_set_money(rd, "row_total", sum);
	}
	for (size_t c = 0; c < g->ncol; c++) {
		struct tdict *t = tdict_add_section(d, "TOTAL");

		perf_set_money(t, "total", total[c]);
	}
	if (g->nrow == 0)
		tdict_show_section(d, "NO_ROWS");
}

static int
grid_page(struct req *r, struct grid *g, int status)
{
	bool editable = has_role(r, ROLE_HR);
	const char *title = g->teams ? "perf_team_targets_title" :
	    "perf_targets_title";

	grid_show(r, g, editable);
	if (editable)
		tdict_show_section(page_body(r), "COPY");
	if (has_role(r, ROLE_MANAGER) && !g->teams)
		tdict_show_section(page_body(r), "CAN_PROPOSE");
	tdict_set(page_body(r), "title", tr(r, title));
	perf_tabs(r, g->teams ? "teams" : "targets");
	return page_send(r, status, "performance/targets.tpl", title,
	    "performance");
}

static void
grid_free(struct grid *g)
{
	free(g->row);
	g->row = NULL;
}

static int
targets_get_as(struct req *r, bool teams)
{
	struct grid g;
	int rc;

	grid_params(r, &g, teams);
	if ((rc = grid_load(r, &g)) == 0)
		rc = grid_page(r, &g, 200);
	grid_free(&g);
	return rc;
}

static int targets_get(struct req *r) { return targets_get_as(r, false); }
static int teams_get(struct req *r) { return targets_get_as(r, true); }

/* A cell as typed, trimmed of blanks by core/form (its own check is
 * perf_targets_save's). */
static const struct field cell_field = {
	"cell", form_text, 0, 0, 64, "perf_err_not_number", NULL
};

/* Saves the posted cells of the grid shown (cells of other rows or
 * columns are refused: a grid only changes what it shows). */
static int
targets_post_as(struct req *r, bool teams)
{
	struct actor who = { r->me.login, r->remote };
	struct perf_cell *cells = NULL;
	struct perf_save_report rep;
	struct grid g;
	char **copies = NULL, **trimmed = NULL;
	size_t n = 0;
	int rc;

	grid_params(r, &g, teams);
	if ((rc = grid_load(r, &g)) != 0)
		goto out;
	rc = TC_ENOMEM;
	if ((cells = calloc(r->form.n + 1, sizeof(*cells))) == NULL ||
	    (copies = calloc(r->form.n + 1, sizeof(*copies))) == NULL ||
	    (trimmed = calloc(r->form.n + 1, sizeof(*trimmed))) == NULL)
		goto out;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct req_pair *p = &r->form.pairs[i];
		char *label, *key, *bar;
		struct grow *w;
		int c;

		if (strncmp(p->name, "c|", 2) != 0)
			continue;
		if ((copies[n] = strdup(p->name + 2)) == NULL)
			goto out;
		label = copies[n];
		if ((bar = strchr(label, '|')) == NULL) {
			free(copies[n]);
			copies[n] = NULL;
			continue;
		}
		*bar = '\0';
		key = bar + 1;
		c = col_of(&g, label);
		w = teams ? (*key == '@' ? row_of_team(&g, key + 1) : NULL) :
		    row_of_person(&g, strtoll(key, NULL, 10));
		if (c < 0 || w == NULL) {
			rc = TC_EINVAL;     /* not a cell of this grid */
			goto out;
		}
		cells[n].person = w->person;
		cells[n].team = teams ? w->team : NULL;
		cells[n].label = g.col[c].label;
		{
			struct form_value fv;

			(void)form_check(&cell_field, p->value, &trimmed[n], &fv);
			if (trimmed[n] == NULL) {
				rc = TC_ENOMEM;
				goto out;
			}
			cells[n].raw = trimmed[n];
		}
		w->typed[c] = cells[n].raw;
		n++;
	}
	rc = perf_targets_save(r->app->db, &who, r->me.id, cells, n, &rep);
	if (rc == TC_EINVAL) {
		struct form_errors fe;

		form_errors_init(&fe, page_body(r), r->cat);
		for (size_t i = 0; i < n; i++) {
			struct grow *w = teams ? row_of_team(&g, cells[i].team) :
			    row_of_person(&g, cells[i].person);
			int c = col_of(&g, cells[i].label);
			char id[200], label[300];

			if (cells[i].err == NULL || w == NULL || c < 0)
				continue;
			w->err[c] = cells[i].err;
			cell_name(id, sizeof(id), &g, (size_t)(w - g.row),
			    (size_t)c);
			snprintf(label, sizeof(label), "%s · %s", w->name,
			    cells[i].label);
			if ((rc = form_summary_add(&fe, id, label,
			    tr(r, cells[i].err))) != 0)
				goto out;
		}
		rc = grid_page(r, &g, 422);
		goto out;
	}
	if (rc != 0)
		goto out;
	{
		char msg[300];

		snprintf(msg, sizeof(msg), tr(r, "perf_saved_fmt"), rep.added,
		    rep.changed, rep.removed);
		page_flash(r, "ok", msg);
	}
	/* shown again as stored */
	grid_free(&g);
	grid_params(r, &g, teams);
	if ((rc = grid_load(r, &g)) == 0)
		rc = grid_page(r, &g, 200);
out:
	/* every slot, a refused last one included (calloc'd: NULL) */
	for (size_t i = 0; copies != NULL && trimmed != NULL &&
	    i <= r->form.n; i++) {
		free(copies[i]);
		free(trimmed[i]);
	}
	if (copies != NULL && trimmed == NULL)
		for (size_t i = 0; i <= r->form.n; i++)
			free(copies[i]);
	free(copies);
	free(trimmed);
	free(cells);
	grid_free(&g);
	return rc;
}

static int targets_post(struct req *r) { return targets_post_as(r, false); }
static int teams_post(struct req *r) { return targets_post_as(r, true); }

/* Copies period from (a label) into period to with a growth factor in
 * percent (5 or -10, at most 2 decimals), for every row of the grid
 * that has a target in from; all or nothing like the grid. */
static int
copy_post_as(struct req *r)
{
	struct actor who = { r->me.login, r->remote };
	const char *from = req_get(&r->form, "from");
	const char *to = req_get(&r->form, "to");
	const char *growth = req_get(&r->form, "growth");
	bool teams = req_get(&r->form, "teams") != NULL;
	struct perf_cell *cells = NULL;
	struct perf_save_report rep;
	struct grid g;
	char (*amounts)[TC_MONEY_SIZE] = NULL;
	int64_t pct = 0;
	size_t n = 0;
	int cf, ct, rc;

	grid_params(r, &g, teams);
	if ((rc = grid_load(r, &g)) != 0)
		goto out;
	cf = from != NULL ? col_of(&g, from) : -1;
	ct = to != NULL ? col_of(&g, to) : -1;
	if (growth == NULL || *growth == '\0')
		growth = "0";
	if (cf < 0 || ct < 0 || cf == ct ||
	    tc_dec_parse_str(growth, 2, &pct) != 0 || pct <= -10000 ||
	    pct > 100000) {
		page_flash(r, "error", tr(r, "perf_err_copy"));
		rc = grid_page(r, &g, 422);
		goto out;
	}
	rc = TC_ENOMEM;
	if ((cells = calloc(g.nrow + 1, sizeof(*cells))) == NULL ||
	    (amounts = calloc(g.nrow + 1, sizeof(*amounts))) == NULL)
		goto out;
	for (size_t i = 0; i < g.nrow; i++) {
		struct grow *w = &g.row[i];
		money_t v;

		if (w->v[cf] == 0)
			continue;
		v = (money_t)tc_div_round((tc_i128)w->v[cf] * (10000 + pct),
		    10000);
		tc_money_format(amounts[n], v, false);
		cells[n].person = w->person;
		cells[n].team = teams ? w->team : NULL;
		cells[n].label = g.col[ct].label;
		cells[n].raw = amounts[n];
		w->typed[ct] = amounts[n];
		n++;
	}
	rc = perf_targets_save(r->app->db, &who, r->me.id, cells, n, &rep);
	if (rc == TC_EINVAL) {
		for (size_t i = 0; i < n; i++) {
			struct grow *w = teams ? row_of_team(&g, cells[i].team) :
			    row_of_person(&g, cells[i].person);

			if (w != NULL)
				w->err[ct] = cells[i].err;
		}
		page_flash(r, "error", tr(r, "perf_err_copy_refused"));
		rc = grid_page(r, &g, 422);
		goto out;
	}
	if (rc != 0)
		goto out;
	{
		char msg[300];

		snprintf(msg, sizeof(msg), tr(r, "perf_saved_fmt"), rep.added,
		    rep.changed, rep.removed);
		page_flash(r, "ok", msg);
	}
	grid_free(&g);
	grid_params(r, &g, teams);
	if ((rc = grid_load(r, &g)) == 0)
		rc = grid_page(r, &g, 200);
out:
	free(cells);
	free(amounts);
	grid_free(&g);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/performance/targets", PERF_ROLES_READ, targets_get },
	{ "POST", "/performance/targets", ROLE_HR, targets_post },
	{ "GET", "/performance/targets/teams", PERF_ROLES_READ, teams_get },
	{ "POST", "/performance/targets/teams", ROLE_HR, teams_post },
	{ "POST", "/performance/targets/copy", ROLE_HR, copy_post_as },
	{ "GET", "/performance/targets/import", ROLE_HR, perf_import_get },
	{ "POST", "/performance/targets/import", ROLE_HR, perf_import_post },
	{ "GET", "/performance/proposals", ROLE_HR | ROLE_MANAGER,
	    perf_proposals_get },
	{ "POST", "/performance/proposals", ROLE_MANAGER,
	    perf_proposals_post },
	{ "POST", "/performance/proposals/#", ROLE_HR, perf_proposal_decide },
};

const struct route_set perf_targets_route_set = ROUTE_SET(routes);
