/* contests.c: sales contests (销售竞赛): defined by HR, a live
 * leaderboard from the stored results while they run, and at the end
 * their prizes written as commission adjustments of kind contest_prize,
 * exactly once (perf.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/sort.h"
#include "performance/perf.h"

enum stmt {
	ST_CONTEST, ST_PRIZES, ST_LIST, ST_TEAMS, ST_INSERT, ST_PRIZE_ADD,
	ST_OPEN_PERIOD, ST_ADJ_ADD, ST_ADJ_MOVE, ST_END,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_CONTEST] =
	    "SELECT id, name, period, team, state FROM contests WHERE id = ?",
	[ST_PRIZES] =
	    "SELECT rank_no, amount FROM contest_prizes WHERE contest_id = ?"
	    " ORDER BY rank_no",
	[ST_LIST] =
	    "SELECT c.id, c.name, c.period, c.team, c.state, (SELECT"
	    " COALESCE(SUM(z.amount), 0) FROM contest_prizes z WHERE"
	    " z.contest_id = c.id) AS pool FROM contests c"
	    " ORDER BY c.state = 'running' DESC, c.last_day DESC, c.id DESC"
	    " LIMIT 200",
	[ST_TEAMS] =
	    "SELECT DISTINCT team FROM people WHERE active AND team <> ''"
	    " AND (CAST(roles AS UNSIGNED) & 1) <> 0 ORDER BY team",
	[ST_INSERT] =
	    "INSERT INTO contests (name, period, first_day, last_day, team,"
	    " created_by) VALUES (?, ?, ?, ?, ?, ?)",
	[ST_PRIZE_ADD] =
	    "INSERT INTO contest_prizes (contest_id, rank_no, amount)"
	    " VALUES (?, ?, ?)",
	[ST_OPEN_PERIOD] =
	    "SELECT id, label FROM periods WHERE state = 'open' AND"
	    " last_day >= ? ORDER BY first_day LIMIT 1",
	/* affected rows 0: the prize was written before */
	[ST_ADJ_ADD] =
	    "INSERT INTO commission_adjustments (period_id, person_id, amount,"
	    " reason, kind, state, proposed_by, proposed_as, proposed_at,"
	    " source_ref) VALUES (?, ?, ?, ?, 'contest_prize', 'proposed', ?,"
	    " 'hr', ?, ?) ON DUPLICATE KEY UPDATE id = id",
	[ST_ADJ_MOVE] =
	    "INSERT INTO commission_adjustment_moves (adjustment_id,"
	    " from_state, to_state, moved_at, moved_by, action, comment)"
	    " VALUES (?, NULL, 'proposed', ?, ?, 'create', ?)",
	[ST_END] =
	    "UPDATE contests SET state = 'ended', ended_by = ?, ended_at = ?"
	    " WHERE id = ?",
};

static struct db_table ct_db = DB_TABLE("performance.contests", stmts);

int
perf_contest_load(struct db *d, int64_t id, struct perf_contest *out)
{
	struct dbres *res = NULL;
	enum tc_period_kind k;
	int32_t p;
	const char *label;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_query(d, &ct_db, ST_CONTEST, DB_ARGS(P_INT(id)), &res))
	    != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	out->id = id;
	snprintf(out->name, sizeof(out->name), "%s",
	    dbres_text_col(res, 0, "name"));
	snprintf(out->team, sizeof(out->team), "%s",
	    dbres_text_col(res, 0, "team"));
	snprintf(out->state, sizeof(out->state), "%s",
	    dbres_text_col(res, 0, "state"));
	label = dbres_text_col(res, 0, "period");
	if (tc_period_parse(label, strlen(label), &k, &p) != 0) {
		dbres_free(res);
		return TC_EDB;
	}
	out->span.kind = k;
	tc_period_label(out->span.label, k, p);
	out->span.first = tc_period_first(k, p);
	out->span.last = tc_period_last(k, p);
	dbres_free(res);
	if ((rc = db_query(d, &ct_db, ST_PRIZES, DB_ARGS(P_INT(id)), &res))
	    != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		int64_t rank = dbres_int(res, i, 0);

		if (rank >= 1 && rank <= PERF_PRIZES_MAX) {
			out->prizes[rank - 1] = dbres_money(res, i, 1);
			if ((size_t)rank > out->nprizes)
				out->nprizes = (size_t)rank;
		}
	}
	dbres_free(res);
	return 0;
}

static int
by_rank_login(const void *a, const void *b)
{
	const struct perf_standing *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->login, y->login);
}

int
perf_contest_standings(struct db *d, enum tc_period_kind plan,
    const struct perf_contest *c, struct perf_standing **out, size_t *n)
{
	static const struct scope all = { SCOPE_ALL, -1, "", "" };
	struct perf_standing *v;
	struct perf_eval e;
	int64_t *keys = NULL;
	int *ranks = NULL;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = perf_eval_load(d, plan, &c->span, &all, &e)) != 0)
		return rc;
	rc = TC_ENOMEM;
	if ((v = calloc(e.nrep + 1, sizeof(*v))) == NULL ||
	    (keys = calloc(e.nrep + 1, sizeof(*keys))) == NULL ||
	    (ranks = calloc(e.nrep + 1, sizeof(*ranks))) == NULL)
		goto out;
	for (size_t i = 0; i < e.nrep; i++) {
		const struct perf_rep *w = &e.rep[i];

		if (*c->team != '\0' && strcmp(w->team, c->team) != 0)
			continue;
		v[k].person = w->person;
		snprintf(v[k].name, sizeof(v[k].name), "%s", w->name);
		snprintf(v[k].login, sizeof(v[k].login), "%s", w->login);
		snprintf(v[k].team, sizeof(v[k].team), "%s", w->team);
		v[k].measure = w->sales;
		keys[k] = w->sales;
		k++;
	}
	perf_rank(keys, k, ranks);
	for (size_t i = 0; i < k; i++)
		v[i].rank = ranks[i];
	tc_sort(v, k, sizeof(*v), by_rank_login);
	/* the prizes: those tied at rank r hold ranks r .. r + m - 1 and
	 * share their prizes, to the fen, the fen left over going to the
	 * first of them by login */
	for (size_t i = 0; i < k;) {
		size_t m = 1;
		money_t pool = 0, each, left;

		while (i + m < k && v[i + m].rank == v[i].rank)
			m++;
		for (size_t j = 0; j < m; j++) {
			size_t r = (size_t)v[i].rank + j;

			if (r <= c->nprizes)
				pool += c->prizes[r - 1];
		}
		each = pool / (money_t)m;
		left = pool - each * (money_t)m;
		for (size_t j = 0; j < m; j++)
			v[i + j].prize = each + ((money_t)j < left ? 1 : 0);
		i += m;
	}
	*out = v;
	*n = k;
	v = NULL;
	rc = 0;
out:
	free(v);
	free(keys);
	free(ranks);
	perf_eval_free(&e);
	return rc;
}

int
perf_contest_finish(struct db *d, enum tc_period_kind plan,
    const struct actor *who, int64_t actor_id, int64_t id, int32_t today,
    size_t *written, const char **why)
{
	struct perf_contest c;
	struct perf_standing *v = NULL;
	struct dbres *res = NULL;
	char now[TC_DATETIME_SIZE], detail[300];
	bool own = !db_in_transaction(d);
	int64_t period_id;
	size_t n = 0;
	int rc;

	*written = 0;
	*why = NULL;
	if ((rc = perf_contest_load(d, id, &c)) != 0)
		return rc;
	if (c.span.last >= today) {
		*why = "perf_err_contest_running";
		return TC_EDENIED;
	}
	if ((rc = perf_contest_standings(d, plan, &c, &v, &n)) != 0)
		return rc;
	tc_now_str(now);
	if (own && (rc = db_begin(d)) != 0)
		goto out;
	if ((rc = db_query(d, &ct_db, ST_OPEN_PERIOD,
	    DB_ARGS(P_DATE(c.span.last)), &res)) != 0)
		goto fail;
	if (dbres_rows(res) != 1) {
		*why = "perf_err_no_open_period";
		rc = TC_EDENIED;
		goto fail;
	}
	period_id = dbres_int(res, 0, 0);
	for (size_t i = 0; i < n; i++) {
		char ref[64], reason[400], amount[TC_MONEY_SIZE];
		uint64_t affected = 0, adj = 0;

		if (v[i].prize <= 0)
			continue;
		snprintf(ref, sizeof(ref), "contest:%lld:%lld", (long long)id,
		    (long long)v[i].person);
		snprintf(reason, sizeof(reason), "%.200s #%d (%s)", c.name,
		    v[i].rank, c.span.label);
		if ((rc = db_exec(d, &ct_db, ST_ADJ_ADD, DB_ARGS(
		    P_INT(period_id), P_INT(v[i].person), P_MONEY(v[i].prize),
		    P_TEXT(reason), P_INT(actor_id), P_TEXT(now), P_TEXT(ref)),
		    &affected, &adj)) != 0)
			goto fail;
		if (affected != 1)
			continue;       /* written by an earlier end */
		snprintf(detail, sizeof(detail), "contest %lld rank %d: %s",
		    (long long)id, v[i].rank, tc_money_str(amount, v[i].prize,
		    false));
		if ((rc = db_exec(d, &ct_db, ST_ADJ_MOVE, DB_ARGS(P_INT(adj),
		    P_TEXT(now), P_INT(actor_id), P_TEXT(detail)), NULL,
		    NULL)) != 0)
			goto fail;
		(*written)++;
	}
	snprintf(detail, sizeof(detail), "%.200s: %zu prizes written in %s",
	    c.name, *written, dbres_text(res, 0, 1));
	{
		char idt[24];

		snprintf(idt, sizeof(idt), "%lld", (long long)id);
		if ((rc = db_exec(d, &ct_db, ST_END, DB_ARGS(P_INT(actor_id),
		    P_TEXT(now), P_INT(id)), NULL, NULL)) != 0 ||
		    (rc = audit_write_as(d, who, "contest_end", "contest", idt,
		    detail)) != 0)
			goto fail;
	}
	rc = own ? db_commit(d) : 0;
	goto out;
fail:
	if (own)
		db_rollback(d);
	*written = 0;
out:
	dbres_free(res);
	free(v);
	return rc;
}

int
perf_contest_create(struct db *d, const struct actor *who, int64_t actor_id,
    const char *name, const char *label, const char *team,
    const money_t *prizes, size_t nprizes, int64_t *id)
{
	enum tc_period_kind k;
	int32_t p;
	char first[TC_DATE_SIZE], last[TC_DATE_SIZE], idt[24];
	bool own = !db_in_transaction(d);
	uint64_t nid = 0;
	int rc;

	if (tc_period_parse(label, strlen(label), &k, &p) != 0 || nprizes == 0
	    || nprizes > PERF_PRIZES_MAX)
		return TC_EINVAL;
	tc_date_format(first, tc_period_first(k, p));
	tc_date_format(last, tc_period_last(k, p));
	if (own && (rc = db_begin(d)) != 0)
		return rc;
	if ((rc = db_exec(d, &ct_db, ST_INSERT, DB_ARGS(P_TEXT(name),
	    P_TEXT(label), P_TEXT(first), P_TEXT(last), P_TEXT(team),
	    P_INT(actor_id)), NULL, &nid)) != 0)
		goto out;
	for (size_t i = 0; i < nprizes; i++)
		if ((rc = db_exec(d, &ct_db, ST_PRIZE_ADD, DB_ARGS(P_INT(nid),
		    P_INT(i + 1), P_MONEY(prizes[i])), NULL, NULL)) != 0)
			goto out;
	snprintf(idt, sizeof(idt), "%llu", (unsigned long long)nid);
	rc = audit_write_as(d, who, "contest_create", "contest", idt, name);
out:
	if (own) {
		if (rc == 0)
			rc = db_commit(d);
		else
			db_rollback(d);
	}
	if (rc == 0)
		*id = (int64_t)nid;
	return rc;
}

/* ---- pages ---- */

enum cfield { CF_NAME, CF_PERIOD, CF_TEAM, CF__MAX };

static const struct field cfields[CF__MAX] = {
	[CF_NAME] = { "name", form_text, 1, 1, 200, "perf_err_contest_name",
	    NULL },
	[CF_PERIOD] = { "period", form_text, 1, 4, 8, "perf_err_label", NULL },
	[CF_TEAM] = { "team", form_text, 0, 0, 64, "perf_err_team", NULL },
};

static const char *const clabels[CF__MAX] = {
	"perf_contest_name", "perf_period", "perf_team",
};

#define PRIZE_INPUTS 5

static int
list_page(struct req *r, int status, const struct form *f)
{
	struct tdict *d = page_body(r);
	struct dbres *res = NULL;
	char buf[TC_MONEY_SIZE], key[64];
	int rc;

	if ((rc = db_query(r->app->db, &ct_db, ST_LIST, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "CONTEST");

		tdict_set(row, "id", dbres_text_col(res, i, "id"));
		tdict_set(row, "name", dbres_text_col(res, i, "name"));
		tdict_set(row, "period", dbres_text_col(res, i, "period"));
		tdict_set(row, "team", *dbres_text_col(res, i, "team") ?
		    dbres_text_col(res, i, "team") : tr(r, "perf_all_reps"));
		snprintf(key, sizeof(key), "perf_contest_%s",
		    dbres_text_col(res, i, "state"));
		tdict_set(row, "state", tr(r, key));
		tdict_set(row, "pool", tc_money_str(buf,
		    dbres_money_col(res, i, "pool"), true));
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "NO_CONTESTS");
	dbres_free(res);
	if (has_role(r, ROLE_HR)) {
		const char *team = f != NULL ? form_raw(f, CF_TEAM) : "";

		tdict_show_section(d, "CREATE");
		if ((rc = db_query(r->app->db, &ct_db, ST_TEAMS, DB_NOARGS,
		    &res)) != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++)
			form_option(d, "TEAM_OPT", dbres_text(res, i, 0),
			    dbres_text(res, i, 0),
			    strcmp(team, dbres_text(res, i, 0)) == 0);
		dbres_free(res);
		for (int i = 1; i <= PRIZE_INPUTS; i++) {
			struct tdict *p = tdict_add_section(d, "PRIZE_INPUT");
			char name[24];	/* "prize_" and any int */

			snprintf(name, sizeof(name), "prize_%d", i);
			tdict_set_int(p, "n", i);
			tdict_set(p, "input", name);
			tdict_set(p, "value", req_get(&r->form, name));
		}
		if (f != NULL) {
			struct form_errors fe;

			form_errors_init(&fe, d, r->cat);
			if ((rc = form_show(&fe, d, f, clabels, NULL)) != 0)
				return rc;
		}
	}
	perf_tabs(r, "contests");
	return page_send(r, status, "performance/contests.tpl",
	    "perf_contests_title", "performance");
}

static int
contests_get(struct req *r)
{
	return list_page(r, 200, NULL);
}

static int
contests_post(struct req *r)
{
	struct form f;
	money_t prizes[PRIZE_INPUTS] = { 0 };
	size_t nprizes = 0;
	enum tc_period_kind k;
	int32_t p;
	const char *label;
	uint64_t id = 0;
	int rc, bad = 0;

	rc = form_validate(&f, cfields, CF__MAX, &r->form);
	if (rc == TC_ENOMEM)
		goto out;
	label = form_str(&f, CF_PERIOD);
	if (label != NULL && tc_period_parse(label, strlen(label), &k, &p) != 0)
		form_set_error(&f, CF_PERIOD, "perf_err_label", NULL);
	for (int i = 0; i < PRIZE_INPUTS; i++) {
		char name[24];	/* "prize_" and any int */
		const char *v;
		int64_t fen = 0;

		snprintf(name, sizeof(name), "prize_%d", i + 1);
		v = req_get(&r->form, name);
		if (v == NULL || *v == '\0')
			continue;
		if (tc_dec_parse_str(v, TC_SCALE_MONEY, &fen) != 0 || fen <= 0 ||
		    (size_t)i != nprizes) {
			bad = i + 1;
			break;
		}
		prizes[nprizes++] = fen;
	}
	if (form_has_errors(&f) || bad || nprizes == 0) {
		if (bad || nprizes == 0)
			page_flash(r, "error", tr(r, "perf_err_prizes"));
		rc = list_page(r, 422, &f);
		goto out;
	}
	{
		struct actor who = { r->me.login, r->remote };
		int64_t nid = 0;

		if ((rc = perf_contest_create(r->app->db, &who, r->me.id,
		    form_str(&f, CF_NAME), label, form_str(&f, CF_TEAM) ?
		    form_str(&f, CF_TEAM) : "", prizes, nprizes, &nid)) != 0)
			goto out;
		id = (uint64_t)nid;
	}
	{
		char to[64];

		snprintf(to, sizeof(to), "/performance/contests/%llu",
		    (unsigned long long)id);
		rc = http_redirect(r, to);
	}
out:
	form_free(&f);
	return rc;
}

static int
contest_page(struct req *r, int status)
{
	struct scope mine = scope_of(r, &perf_scope_read);
	bool see_all = mine.kind == SCOPE_ALL ||
	    perf_setting(r->app->db, "reps_see_amounts", 0) == 1;
	struct tdict *d = page_body(r);
	struct perf_contest c;
	struct perf_standing *v = NULL;
	size_t n = 0;
	char buf[TC_MONEY_SIZE], key[64];
	int rc;

	if ((rc = perf_contest_load(r->app->db, r->ids[0], &c)) != 0)
		return rc;
	if ((rc = perf_contest_standings(r->app->db, perf_kind(r->app->conf),
	    &c, &v, &n)) != 0)
		return rc;
	tdict_set_int(d, "id", c.id);
	tdict_set(d, "name", c.name);
	tdict_set(d, "period", c.span.label);
	tdict_set(d, "team", *c.team ? c.team : tr(r, "perf_all_reps"));
	snprintf(key, sizeof(key), "perf_contest_%s", c.state);
	tdict_set(d, "state", tr(r, key));
	for (size_t i = 0; i < c.nprizes; i++) {
		struct tdict *p = tdict_add_section(d, "PRIZE");

		tdict_set_int(p, "rank", (long long)i + 1);
		tdict_set(p, "amount", tc_money_str(buf, c.prizes[i], true));
	}
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tdict_add_section(d, "STANDING");
		bool own = see_all || v[i].person == r->me.id ||
		    (mine.kind == SCOPE_TEAM && strcmp(v[i].team,
		    r->me.team) == 0);

		tdict_set_int(row, "rank", v[i].rank);
		tdict_set(row, "name", v[i].name);
		tdict_set(row, "team", v[i].team);
		tdict_set(row, "measure", own ? tc_money_str(buf, v[i].measure,
		    true) : "···");
		tdict_set(row, "prize", v[i].prize > 0 ? tc_money_str(buf,
		    v[i].prize, true) : "–");
		if (v[i].person == r->me.id)
			tdict_show_section(row, "ME");
	}
	if (n == 0)
		tdict_show_section(d, "NO_STANDINGS");
	if (strcmp(c.state, "running") == 0) {
		tdict_show_section(d, "LIVE");
		if (has_role(r, ROLE_HR) && c.span.last < tc_today())
			tdict_show_section(d, "CAN_FINISH");
	}
	free(v);
	perf_tabs(r, "contests");
	return page_send(r, status, "performance/contest.tpl",
	    "perf_contests_title", "performance");
}

static int
contest_get(struct req *r)
{
	return contest_page(r, 200);
}

static int
contest_post(struct req *r)
{
	struct actor who = { r->me.login, r->remote };
	const char *why = NULL;
	size_t written = 0;
	char msg[200];
	int rc;

	rc = perf_contest_finish(r->app->db, perf_kind(r->app->conf), &who,
	    r->me.id, r->ids[0], tc_today(), &written, &why);
	if (rc == TC_EDENIED) {
		page_flash(r, "error", tr(r, why));
		return contest_page(r, 409);
	}
	if (rc != 0)
		return rc;
	snprintf(msg, sizeof(msg), tr(r, "perf_contest_ended_fmt"), written);
	page_flash(r, "ok", msg);
	return contest_page(r, 200);
}

static const struct route routes[] = {
	{ "GET", "/performance/contests", PERF_ROLES_READ, contests_get },
	{ "POST", "/performance/contests", ROLE_HR, contests_post },
	{ "GET", "/performance/contests/#", PERF_ROLES_READ, contest_get },
	{ "POST", "/performance/contests/#", ROLE_HR, contest_post },
};

const struct route_set perf_contests_route_set = ROUTE_SET(routes);
