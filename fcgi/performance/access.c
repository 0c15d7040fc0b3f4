/* access.c: who reads which figures, the module's tabs, and the small
 * helpers its areas share (perf.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "performance/perf.h"

const struct scope_rule perf_scope_read = {
	"performance.read",
	ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT,
	ROLE_MANAGER, ROLE_SALES
};

const struct route_set *const perf_areas[] = {
	&perf_eval_route_set,
	&perf_targets_route_set,
	&perf_rank_route_set,
	&perf_charts_route_set,
	&perf_contests_route_set,
	&perf_settings_route_set,
	NULL
};

/* Labels: the catalogue keys perf_nav_<key>. */
static const struct page_tab tabs[] = {
	{ "evaluation", "/performance/", PERF_ROLES_READ },
	{ "dashboard", "/performance/dashboard", ROLE_MANAGEMENT | ROLE_HR |
	    ROLE_FINANCE | ROLE_REVIEWER },
	{ "rankings", "/performance/rankings", PERF_ROLES_READ },
	{ "charts", "/performance/charts", PERF_ROLES_READ },
	{ "targets", "/performance/targets", PERF_ROLES_READ },
	{ "teams", "/performance/targets/teams", PERF_ROLES_READ },
	{ "contests", "/performance/contests", PERF_ROLES_READ },
	{ "proposals", "/performance/proposals", ROLE_HR | ROLE_MANAGER },
	{ "import", "/performance/targets/import", ROLE_HR },
	{ "settings", "/performance/settings", ROLE_HR | ROLE_MANAGEMENT },
};

void
perf_tabs(struct req *r, const char *current)
{
	page_tabs(r, "PERF_TABS", "perf_title", tabs,
	    sizeof(tabs) / sizeof(tabs[0]), "perf_nav_", current);
}

enum tc_period_kind
perf_kind(const struct conf *c)
{
	enum tc_period_kind k = TC_PERIOD_MONTH;

	if (c != NULL && c->period != NULL)
		(void)tc_period_kind_parse(c->period, &k);
	return k;
}

enum stmt { ST_SETTING, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_SETTING] = "SELECT value FROM performance_settings WHERE name = ?",
};

static struct db_table access_db = DB_TABLE("performance.access", stmts);

int64_t
perf_setting(struct db *d, const char *name, int64_t def)
{
	struct dbres *res = NULL;
	int64_t v = def;

	if (db_query(d, &access_db, ST_SETTING, DB_ARGS(P_TEXT(name)),
	    &res) == 0 && dbres_rows(res) == 1 &&
	    tc_dec_parse_str(dbres_text(res, 0, 0), 0, &v) != 0)
		v = def;
	dbres_free(res);
	return v;
}

void
perf_set_money(struct tdict *d, const char *name, money_t fen)
{
	char buf[TC_MONEY_SIZE], neg[80];

	tdict_set(d, name, tc_money_str(buf, fen, true));
	if (fen < 0) {
		snprintf(neg, sizeof(neg), "%s_NEG", name);
		tdict_show_section(d, neg);
	}
}

int64_t
perf_attainment(money_t sales, money_t target)
{
	if (target <= 0)
		return 0;
	return (int64_t)tc_div_round((tc_i128)sales * 10000, target);
}

char *
perf_pct_str(char *buf, int64_t h)
{
	int64_t a = h < 0 ? -h : h;

	snprintf(buf, TC_DEC_SIZE, "%s%lld.%02lld", h < 0 ? "-" : "",
	    (long long)(a / 100), (long long)(a % 100));
	return buf;
}
