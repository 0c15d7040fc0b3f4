/* versions.c: the plan versions as pages: the list (GET
 * /commission/plans, core/list: by start, name or creation, filtered by
 * state and name) and each version as a rep can read it (GET
 * /commission/plans/#): its state and dates, why it can no longer be
 * changed when it covers a closed period, its rules in the order the
 * engine tries them (tce_plan_add's selection order), each tier schedule
 * and the accelerators as charts (core/chart), the cap and the bonuses;
 * and its plan JSON as a download (GET /commission/plans/#/export). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/versions.h"
#include "core/chart.h"
#include "core/conf.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"
#include "core/money.h"
#include "core/tmpl.h"
#include "engine/plan.h"

enum stmt {
	ST_GET,
	ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_GET] = "SELECT v.id, v.name, v.state, v.effective_from,"
	    " v.effective_to, v.created_by, DATE_FORMAT(v.created_at,"
	    " '%Y-%m-%d %H:%i'), v.currency, v.period FROM plan_versions v"
	    " WHERE v.id = ?",
};

static struct db_table versions_db = DB_TABLE("commission.versions", stmts);

enum { C_ID, C_NAME, C_STATE, C_FROM, C_TO, C_BY, C_AT, C_CURRENCY,
	C_PERIOD };

void
cm_plan_company(const struct req *r, struct plan_company *co)
{
	co->kind = TC_PERIOD_MONTH;
	tc_period_kind_parse(r->app->conf->period, &co->kind);
	co->currency = r->app->conf->currency;
}

bool
cm_plan_visible(const struct req *r, const char *state)
{
	return has_role(r, CM_PLAN_READ_ALL) || strcmp(state, "active") == 0 ||
	    strcmp(state, "ended") == 0;
}

const char *
cm_plan_state_label(const struct req *r, const char *state)
{
	char key[48];

	snprintf(key, sizeof(key), "cm_plan_state_%s", state);
	return tr(r, key);
}

static void
set_range(struct req *r, struct tdict *d, const struct dbres *res,
    size_t row)
{
	tdict_set(d, "from", dbres_text(res, row, C_FROM));
	tdict_set(d, "to", dbres_null(res, row, C_TO) ?
	    tr(r, "cm_plan_open_ended") : dbres_text(res, row, C_TO));
}

static void
set_state(struct req *r, struct tdict *d, const char *state)
{
	tdict_set(d, "state", state);
	tdict_set(d, "state_label", cm_plan_state_label(r, state));
}

/* --- the list --- */

/* The versions on core/list: by start (newest first), name or creation;
 * filtered by state and by a part of the name.  A company has a handful
 * of versions: the sorts read them all (no index is worth its upkeep). */
static const char *const plan_states[] = { "draft", "proposed", "active",
    "ended", NULL };

enum { VF_STATE, VF_NAME, VF__MAX };

static const struct list_filter version_filters[VF__MAX] = {
	[VF_STATE] = { .field = { "state", form_oneof, 0, 0, 0, NULL,
	    plan_states }, .label = "cm_plan_state",
	    .where = { "v.state = ?", { LA_TEXT } } },
	[VF_NAME] = { .field = { "name", form_text, 0, 1, 200, NULL, NULL },
	    .label = "cm_plan_name",
	    .where = { "v.name LIKE ?", { LA_CONTAINS } } },
};

static const struct list_sort version_sorts[] = {
	{ "from", "cm_plan_from", "v.effective_from, v.id",
	    "v.effective_from DESC, v.id DESC",
	    LIST_SORT_DESC_FIRST | LIST_SORT_COMPUTED },
	{ "name", "cm_plan_name", "v.name, v.id", "v.name DESC, v.id DESC",
	    LIST_SORT_COMPUTED },
	{ "created", "cm_plan_created", "v.id", "v.id DESC",
	    LIST_SORT_DESC_FIRST },
};

static const struct list_def versions_list = {
	.name = "plan-versions",
	.path = "/commission/plans",
	/* the columns of LIST_COLS, in its order (C_ID ...) */
	.select = "SELECT v.id, v.name, v.state, v.effective_from,"
	    " v.effective_to, v.created_by, DATE_FORMAT(v.created_at,"
	    " '%Y-%m-%d %H:%i')",
	.from = " FROM plan_versions v",
	.filters = version_filters,
	.nfilters = VF__MAX,
	.sorts = version_sorts,
	.nsorts = sizeof(version_sorts) / sizeof(version_sorts[0]),
	.sort_default = 0,
	.desc_default = true,
	.per_page = 50,
};

static int
plans_get(struct req *r)
{
	struct tdict *d = page_body(r);
	const struct form_value *v;
	struct list l;
	int rc;

	list_init(&l, &versions_list);
	/* reps and managers read the versions in force only */
	if (!has_role(r, CM_PLAN_READ_ALL))
		list_where(&l, "v.state IN ('active', 'ended')", NULL, 0);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	v = list_value(&l, VF_STATE);
	form_choices(d, "STATE_OPT", plan_states, r->cat, "cm_plan_state_",
	    v != NULL ? v->s : NULL);
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *t = tdict_add_section(d, "VERSION");

		tdict_set_int(t, "id", dbres_int(l.rows, i, C_ID));
		tdict_set(t, "name", dbres_text(l.rows, i, C_NAME));
		set_state(r, t, dbres_text(l.rows, i, C_STATE));
		set_range(r, t, l.rows, i);
		tdict_set(t, "created_by", dbres_text(l.rows, i, C_BY));
		tdict_set(t, "created_at", dbres_text(l.rows, i, C_AT));
	}
	if (has_role(r, CM_PLAN_EDIT))
		tdict_show_section(d, "CAN_IMPORT");
	commission_tabs(r, "plans");
	rc = page_send(r, list_status(&l), "commission/plans-list.tpl",
	    "cm_plans_title", "commission");
out:
	list_done(&l);
	return rc;
}

/* --- one version --- */

static const char *
base_label(struct req *r, enum tce_base b)
{
	char key[48];

	snprintf(key, sizeof(key), "cm_base_%s", tce_base_name(b));
	return tr(r, key);
}

/* "6%" */
static void
set_pct(struct tdict *d, const char *name, int64_t v)
{
	char buf[TC_DEC_SIZE + 1];

	tc_dec_format(buf, v, TC_SCALE_PCT);
	strcat(buf, "%");
	tdict_set(d, name, buf);
}

static void
set_money(struct tdict *d, const char *name, money_t v)
{
	char buf[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(buf, v, true));
}

/* The match of rule u, one MATCH row per key given (its code as stored),
 * or ANY_MATCH when it has none. */
static void
show_match(struct req *r, struct tdict *d, const struct tce_rule *u)
{
	for (int a = 0; a < TCE_ATTR__MAX; a++) {
		struct tdict *m;
		char key[48];

		if (u->match[a] == NULL)
			continue;
		m = tdict_add_section(d, "MATCH");
		snprintf(key, sizeof(key), "cm_match_%s", tce_attr_name(a));
		tdict_set(m, "key", tr(r, key));
		tdict_set(m, "value", u->match[a]);
		if (u->match[a][0] == '\0')
			tdict_show_section(m, "EMPTY_VALUE");
	}
	if (u->nkeys == 0)
		tdict_show_section(d, "ANY_MATCH");
}

/* The bands of a tiered rule as a table and a chart of the rate against
 * the period base (one column per band, in percent). */
static int
show_tiers(struct req *r, struct tdict *d, const struct tce_rule *u,
    size_t k)
{
	const char *cats[CHART_MAX_CATS];
	char labels[CHART_MAX_CATS][2 * TC_MONEY_SIZE + 16];
	int64_t vals[CHART_MAX_CATS];
	size_t n = u->nbands < CHART_MAX_CATS ? u->nbands : CHART_MAX_CATS;
	char id[48], lo[TC_MONEY_SIZE], hi[TC_MONEY_SIZE];
	struct tdict *t = tdict_add_section(d, "TIERS");
	money_t prev = 0;

	tdict_set(t, "mode", tr(r, u->kind == TCE_RATE_MARGINAL ?
	    "cm_tiers_marginal" : "cm_tiers_whole"));
	tdict_set(t, "mode_help", tr(r, u->kind == TCE_RATE_MARGINAL ?
	    "cm_tiers_marginal_help" : "cm_tiers_whole_help"));
	for (size_t i = 0; i < u->nbands; i++) {
		struct tdict *b = tdict_add_section(t, "BAND");

		tc_money_str(lo, prev, true);
		tdict_set(b, "from", lo);
		if (u->bands[i].has_upto) {
			tc_money_str(hi, u->bands[i].upto, true);
			tdict_set(b, "upto", hi);
		} else {
			snprintf(hi, sizeof(hi), "%s", "∞");
			tdict_show_section(b, "NO_UPTO");
		}
		set_pct(b, "rate", u->bands[i].rate);
		tdict_set_int(b, "n", (long long)i + 1);
		if (i < n) {
			snprintf(labels[i], sizeof(labels[i]), "%s–%s", lo,
			    u->bands[i].has_upto ? hi : "");
			cats[i] = labels[i];
			vals[i] = u->bands[i].rate / 100;   /* 0.01% */
		}
		if (u->bands[i].has_upto)
			prev = u->bands[i].upto;
	}
	snprintf(id, sizeof(id), "chart-tiers-%zu", k);
	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_PERCENT,
	    .id = id, .title = tr(r, "cm_tiers_chart"),
	    .desc = tr(r, "cm_tiers_chart_desc"),
	    .cat_title = tr(r, "cm_tiers_band"), .cats = cats, .ncat = n,
	    .nseries = 1, .width = 640, .height = 200 };

	c.series[0].name = tr(r, "cm_tiers_rate_pct");
	c.series[0].v = vals;
	return chart_show(r, t, "TIER_CHART", &c);
}

/* The accelerators as a table and a chart of the multiplier against
 * attainment, as the percent of the commission paid (1.2: 120%), from
 * 100% below the first threshold. */
static int
show_accelerators(struct req *r, struct tdict *d, const struct tce_version *v)
{
	const char *cats[CHART_MAX_CATS];
	char labels[CHART_MAX_CATS][TC_DEC_SIZE + 16];
	int64_t vals[CHART_MAX_CATS];
	size_t n = 0;
	char at[TC_DEC_SIZE], mul[TC_DEC_SIZE];
	struct tdict *a;

	if (v->naccel == 0) {
		tdict_show_section(d, "NO_ACCEL");
		return 0;
	}
	a = tdict_add_section(d, "ACCEL");
	tc_dec_format(at, v->accel[0].at, TC_SCALE_PCT);
	snprintf(labels[n], sizeof(labels[n]), "< %s%%", at);
	cats[n] = labels[n];
	vals[n++] = 10000;      /* x 1: 100% */
	for (size_t i = 0; i < v->naccel; i++) {
		struct tdict *s = tdict_add_section(a, "STEP");

		tc_dec_format(at, v->accel[i].at, TC_SCALE_PCT);
		tc_dec_format(mul, v->accel[i].value, 4);
		tdict_set(s, "attainment", at);
		tdict_set(s, "multiplier", mul);
		if (n < CHART_MAX_CATS) {
			snprintf(labels[n], sizeof(labels[n]), "≥ %s%%", at);
			cats[n] = labels[n];
			vals[n++] = v->accel[i].value;  /* 10^-4 = 0.01% */
		}
	}
	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_PERCENT,
	    .id = "chart-accelerators", .title = tr(r, "cm_accel_chart"),
	    .desc = tr(r, "cm_accel_chart_desc"),
	    .cat_title = tr(r, "cm_attainment"), .cats = cats, .ncat = n,
	    .nseries = 1, .width = 640, .height = 200 };

	c.series[0].name = tr(r, "cm_accel_pct");
	c.series[0].v = vals;
	return chart_show(r, a, "ACCEL_CHART", &c);
}

static void
show_bonuses(struct tdict *d, const struct tce_version *v)
{
	char at[TC_DEC_SIZE];

	if (v->nbonus == 0) {
		tdict_show_section(d, "NO_BONUS");
		return;
	}
	for (size_t i = 0; i < v->nbonus; i++) {
		struct tdict *s = tdict_add_section(d, "BONUS");

		tc_dec_format(at, v->bonus[i].at, TC_SCALE_PCT);
		tdict_set(s, "attainment", at);
		set_money(s, "amount", v->bonus[i].value);
	}
	tdict_show_section(d, "HAS_BONUS");
}

/* The rules of v in the engine's selection order (priority, then more
 * match keys, then file order). */
static int
show_rules(struct req *r, struct tdict *d, const struct tce_version *v,
    bool edit)
{
	int rc;

	for (size_t k = 0; k < v->nrules; k++) {
		const struct tce_rule *u = &v->rules[v->order[k]];
		struct tdict *s = tdict_add_section(d, "RULE");
		char buf[TC_MONEY_SIZE];

		tdict_set_int(s, "rank", (long long)k + 1);
		tdict_set(s, "code", u->id);
		tdict_set_int(s, "priority", u->priority);
		tdict_set_int(s, "position", (long long)v->order[k] + 1);
		tdict_set(s, "base", base_label(r, u->base));
		show_match(r, s, u);
		if (edit)
			tdict_show_section(s, "RULE_EDIT");
		switch (u->kind) {
		case TCE_RATE_FLAT:
			set_pct(tdict_add_section(s, "RATE"), "rate", u->rate);
			break;
		case TCE_RATE_PER_UNIT:
			tdict_set(tdict_add_section(s, "PER_UNIT"), "per_unit",
			    tc_money_str(buf, u->per_unit, true));
			break;
		case TCE_RATE_MARGINAL:
		case TCE_RATE_WHOLE:
			if ((rc = show_tiers(r, s, u, k)) != 0)
				return rc;
			break;
		}
	}
	if (v->nrules == 0)
		tdict_show_section(d, "NO_RULES");
	return 0;
}

/* Reads version id into *res when r's person may read it; 404 else. */
static int
version_row(struct req *r, int64_t id, struct dbres **res)
{
	int rc;

	*res = NULL;
	if ((rc = db_query(r->app->db, &versions_db, ST_GET,
	    DB_ARGS(P_INT(id)), res)) != 0)
		return rc;
	if (dbres_rows(*res) == 0 ||
	    !cm_plan_visible(r, dbres_text(*res, 0, C_STATE))) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

int
cm_plan_page(struct req *r, int status)
{
	struct tdict *d = page_body(r);
	struct dbres *res = NULL;
	struct tce_version *v = NULL;
	struct tce_plan *p = NULL;
	struct plan_why why;
	const char *path = NULL, *state;
	char err[200];
	int64_t id = r->ids[0];
	int rc;

	if ((rc = version_row(r, id, &res)) != 0)
		return rc;
	if (status == 200 && req_get(&r->q, "done") != NULL) {
		const char *done = req_get(&r->q, "done");
		static const char *const known[] = { "propose", "withdraw",
		    "approve", "reject", "import", "copy", "end", "edit", NULL };

		for (size_t i = 0; known[i] != NULL; i++)
			if (strcmp(done, known[i]) == 0) {
				char key[48];

				snprintf(key, sizeof(key), "cm_plan_done_%s",
				    known[i]);
				page_flash(r, "ok", tr(r, key));
			}
	}
	if ((rc = plan_load(r->app->db, id, &v)) != 0)
		goto out;
	/* The engine's own selection order, as a run uses it. */
	if ((rc = tce_plan_new(&p)) != 0)
		goto out;
	rc = tce_plan_add(p, v, &path, err, sizeof(err));
	v = NULL;               /* p owns it, also on failure */
	if (rc != 0)
		goto out;
	const struct tce_version *pv = p->versions[0];

	state = dbres_text(res, 0, C_STATE);
	tdict_set_int(d, "id", id);
	tdict_set(d, "name", dbres_text(res, 0, C_NAME));
	set_state(r, d, state);
	set_range(r, d, res, 0);
	tdict_set(d, "created_by", dbres_text(res, 0, C_BY));
	tdict_set(d, "created_at", dbres_text(res, 0, C_AT));
	tdict_set(d, "currency", dbres_text(res, 0, C_CURRENCY));
	{
		char key[48];

		snprintf(key, sizeof(key), "cm_period_%s",
		    dbres_text(res, 0, C_PERIOD));
		tdict_set(d, "period", tr(r, key));
	}
	tdict_set_int(d, "nrules", (long long)pv->nrules);
	if (pv->has_cap)
		set_money(tdict_add_section(d, "CAP"), "cap", pv->cap);
	else
		tdict_show_section(d, "NO_CAP");
	/* Frozen over a closed period: say why, offer a new version. */
	bool edit = false;

	rc = plan_editable(r->app->db, id, &why);
	if (rc == TC_EDENIED) {
		struct tdict *f = tdict_add_section(d, "FROZEN");

		tdict_set(f, "why", tr(r, why.key != NULL ? why.key :
		    "plan_err_frozen"));
		rc = 0;
	} else if (rc != 0)
		goto out;
	else if (strcmp(state, "draft") == 0 && has_role(r, CM_PLAN_EDIT)) {
		tdict_show_section(d, "CAN_EDIT");
		edit = true;
	}
	if ((rc = show_rules(r, d, pv, edit)) != 0 ||
	    (rc = show_accelerators(r, d, pv)) != 0)
		goto out;
	show_bonuses(d, pv);
	if (has_role(r, CM_PLAN_EDIT)) {
		tdict_show_section(d, "CAN_COPY");
		if (strcmp(state, "active") == 0 || strcmp(state, "ended") == 0)
			tdict_show_section(d, "CAN_END");
	}
	if ((rc = cm_plan_flow_show(r, d, id)) != 0)
		goto out;
	commission_tabs(r, "plans");
	rc = page_send(r, status, "commission/plan.tpl", "cm_plan_title",
	    "commission");
out:
	tce_version_free(v);
	tce_plan_free(p);
	dbres_free(res);
	return rc;
}

static int
plan_export_get(struct req *r)
{
	struct dbres *res = NULL;
	char *json = NULL, disp[96];
	size_t len = 0;
	int64_t id = r->ids[0];
	int rc;

	if ((rc = version_row(r, id, &res)) != 0)
		return rc;
	dbres_free(res);
	if ((rc = plan_export(r->app->db, id, &json, &len)) != 0)
		return rc;
	snprintf(disp, sizeof(disp), "attachment; filename=\"plan-%lld.json\"",
	    (long long)id);
	if ((rc = http_header(r, "Content-Disposition", disp)) == 0 &&
	    (rc = http_open(r, 200, "application/json; charset=utf-8")) == 0)
		rc = http_write(r, json, len);
	free(json);
	return rc;
}

static int
plan_get(struct req *r)
{
	return cm_plan_page(r, 200);
}

static const struct route version_routes[] = {
	{ "GET", "/commission/plans", CM_ROLES_ALL, plans_get },
	{ "GET", "/commission/plans/#", CM_ROLES_ALL, plan_get },
	{ "GET", "/commission/plans/#/export", CM_ROLES_ALL, plan_export_get },
};

const struct route_set cm_versions_route_set = ROUTE_SET(version_routes);
