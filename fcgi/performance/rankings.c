/* rankings.c: reps and teams ranked by attainment or by sales for any
 * period, with the change in rank since the previous period; ties share
 * a rank (1, 2, 2, 4).  A rep sees every rank and attainment percent but
 * only their own amounts, unless the setting reps_see_amounts is 1;
 * managers and above see all within their scope of figures... and the
 * ranking itself is company-wide for everyone (it is what a rep is
 * shown). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/sort.h"
#include "performance/perf.h"

/* Everyone sees the whole ranking; amounts are what the scope limits. */
static const struct scope_rule rank_rule = {
	"performance.rank", PERF_ROLES_READ, 0, 0
};

struct entry {
	const struct perf_rep *w;
	char team[65];
	money_t sales, target;
	int64_t key;
	int rank, prev_rank;
};

static int
by_rank(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank - y->rank;
	return strcmp(x->w ? x->w->login : x->team, y->w ? y->w->login :
	    y->team);
}

/* The key an entry is ranked on: attainment (entries without a target
 * last) or sales. */
static int64_t
key_of(bool by_sales, money_t sales, money_t target)
{
	if (by_sales)
		return sales;
	return target > 0 ? perf_attainment(sales, target) : INT64_MIN;
}

static int
build(const struct perf_eval *e, bool teams, bool by_sales,
    struct entry **out, size_t *n)
{
	struct entry *v = calloc(e->nrep + 1, sizeof(*v));
	int64_t *keys;
	int *ranks;

	*out = NULL;
	*n = 0;
	if (v == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < e->nrep; i++) {
		const struct perf_rep *w = &e->rep[i];
		size_t k = *n;

		if (teams) {
			for (k = 0; k < *n; k++)
				if (strcmp(v[k].team, w->team) == 0)
					break;
			if (k == *n) {
				snprintf(v[k].team, sizeof(v[k].team), "%s",
				    w->team);
				(*n)++;
			}
		} else {
			v[k].w = w;
			snprintf(v[k].team, sizeof(v[k].team), "%s", w->team);
			(*n)++;
		}
		v[k].sales += w->sales;
		v[k].target += w->target;
	}
	keys = calloc(*n + 1, sizeof(*keys));
	ranks = calloc(*n + 1, sizeof(*ranks));
	if (keys == NULL || ranks == NULL) {
		free(keys);
		free(ranks);
		free(v);
		*n = 0;
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < *n; i++)
		keys[i] = v[i].key = key_of(by_sales, v[i].sales, v[i].target);
	perf_rank(keys, *n, ranks);
	for (size_t i = 0; i < *n; i++)
		v[i].rank = ranks[i];
	free(keys);
	free(ranks);
	*out = v;
	return 0;
}

static int
rank_get(struct req *r)
{
	struct scope all = scope_of(r, &rank_rule);
	struct scope mine = scope_of(r, &perf_scope_read);
	enum tc_period_kind plan = perf_kind(r->app->conf);
	const char *by = req_get(&r->q, "by");
	const char *what = req_get(&r->q, "of");
	bool by_sales = by != NULL && strcmp(by, "sales") == 0;
	bool teams = what != NULL && strcmp(what, "teams") == 0;
	bool see_all = mine.kind == SCOPE_ALL ||
	    perf_setting(r->app->db, "reps_see_amounts", 0) == 1;
	struct tdict *d = page_body(r);
	struct perf_eval now, prev;
	struct period_span span, ps;
	struct entry *v = NULL, *pv = NULL;
	size_t n = 0, pn = 0;
	char buf[TC_DEC_SIZE];
	int rc;

	if (perf_period_param(r, &span) != 0)
		page_flash(r, "error", tr(r, "perf_err_label"));
	period_step(&span, -1, &ps);
	memset(&prev, 0, sizeof(prev));
	if ((rc = perf_eval_load(r->app->db, plan, &span, &all, &now)) != 0)
		return rc;
	if ((rc = perf_eval_load(r->app->db, plan, &ps, &all, &prev)) != 0 ||
	    (rc = build(&now, teams, by_sales, &v, &n)) != 0 ||
	    (rc = build(&prev, teams, by_sales, &pv, &pn)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < pn; k++)
			if (teams ? strcmp(v[i].team, pv[k].team) == 0 :
			    v[i].w->person == pv[k].w->person)
				v[i].prev_rank = pv[k].rank;
	tc_sort(v, n, sizeof(*v), by_rank);
	tdict_set(d, "period", span.label);
	tdict_set(d, "prev_period", ps.label);
	{
		struct period_span nx;

		period_step(&span, 1, &nx);
		tdict_set(d, "next_period", nx.label);
	}
	tdict_set(d, "by", by_sales ? "sales" : "attainment");
	tdict_set(d, "of", teams ? "teams" : "reps");
	tdict_show_section(d, by_sales ? "BY_SALES" : "BY_ATT");
	tdict_show_section(d, teams ? "OF_TEAMS" : "OF_REPS");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tdict_add_section(d, "ENTRY");
		/* a rep's own row, or a team: amounts in the reader's
		 * scope (a manager's team, a rep's own) */
		bool mine_row = see_all || (!teams && (v[i].w->person ==
		    r->me.id || (mine.kind == SCOPE_TEAM &&
		    strcmp(v[i].w->team, r->me.team) == 0))) ||
		    (teams && mine.kind == SCOPE_TEAM &&
		    strcmp(v[i].team, r->me.team) == 0);

		tdict_set_int(row, "rank", v[i].rank);
		tdict_set(row, "name", teams ? (*v[i].team ? v[i].team : "–") :
		    v[i].w->name);
		tdict_set(row, "team", v[i].team);
		if (!teams)
			tdict_show_section(row, "ROW_TEAM");
		if (!teams && v[i].w->person == r->me.id)
			tdict_show_section(row, "ME");
		if (v[i].target > 0)
			tdict_set(row, "att", perf_pct_str(buf,
			    perf_attainment(v[i].sales, v[i].target)));
		else
			tdict_set(row, "att", "–");
		if (mine_row) {
			perf_set_money(row, "sales", v[i].sales);
			if (v[i].target > 0)
				perf_set_money(row, "target", v[i].target);
			else
				tdict_set(row, "target", "–");
		} else {
			tdict_set(row, "sales", "···");
			tdict_set(row, "target", "···");
			tdict_show_section(row, "HIDDEN");
		}
		if (v[i].prev_rank == 0)
			tdict_set(row, "move", "–");
		else if (v[i].prev_rank > v[i].rank) {
			snprintf(buf, sizeof(buf), "↑%d",
			    v[i].prev_rank - v[i].rank);
			tdict_set(row, "move", buf);
			tdict_show_section(row, "UP");
		} else if (v[i].prev_rank < v[i].rank) {
			snprintf(buf, sizeof(buf), "↓%d",
			    v[i].rank - v[i].prev_rank);
			tdict_set(row, "move", buf);
			tdict_show_section(row, "DOWN");
		} else
			tdict_set(row, "move", "=");
	}
	if (n == 0)
		tdict_show_section(d, "NO_ENTRIES");
	if (!see_all)
		tdict_show_section(d, "AMOUNTS_HIDDEN");
	perf_tabs(r, "rankings");
	rc = page_send(r, 200, "performance/rankings.tpl",
	    "perf_rank_title", "performance");
out:
	free(v);
	free(pv);
	perf_eval_free(&now);
	perf_eval_free(&prev);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/performance/rankings", PERF_ROLES_READ, rank_get },
};

const struct route_set perf_rank_route_set = ROUTE_SET(routes);
