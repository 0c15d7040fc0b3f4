/* why.c: "why this amount" (为什么是这个金额), GET /commission/lines/#:
 * one commission line explained by the engine (engine/explain.h) on the
 * inputs of its period as export-period writes them: the plan version
 * and the rule chosen (and the rules that also matched and lost), the
 * credited base (under collected: the payment, its clamp and its spread
 * over the order's lines), the rule's period base and its tier slices,
 * the rule commission, attainment and the accelerator, the cap, the one
 * rounding, and the two-stage allocation that gave the line its fen.
 * The figures are the engine's exact ones and add up to the line.
 *
 * The engine runs on the line's rep's orders of the period only (their
 * results are those of the whole period: run.h, run_export_rep), so a
 * view reads and calculates one rep's share of the period, not all of it.
 *
 * The line is found in the reader's scope (ledger.c's), so another rep's
 * line is 404.  When the period's inputs changed since its run (the
 * stored staleness, sql/commission/010), the page says so: the
 * explanation is of the inputs as they are now. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/run.h"
#include "commission/view.h"
#include "commission/web.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/list.h"
#include "core/log.h"
#include "core/money.h"
#include "core/scope.h"
#include "engine/engine.h"
#include "engine/explain.h"
#include "engine/plan.h"

#define STAGE2_ROWS 200     /* rows of the stage-2 table shown */

/* The line, in the reader's scope (the fragments of cm_lines_scope). */
#define LINE_SQL \
	"SELECT l.id AS id, l.commission AS commission, l.tracking AS tracking," \
	" l.removed_run_id AS removed, p.label AS period, p.first_day AS first," \
	" p.last_day AS last, pe.login AS login, pe.name AS name," \
	" o.id AS order_id, o.order_no AS order_no, ol.line_no AS line_no," \
	" pm.payment_no AS payment_no, ru.code AS rule, l.person_id AS person," \
	" (SELECT s.stale FROM calc_period_status s" \
	"  WHERE s.period_id = l.period_id) AS stale" \
	" FROM commission_lines l JOIN periods p ON p.id = l.period_id" \
	" JOIN people pe ON pe.id = l.person_id" \
	" JOIN order_lines ol ON ol.id = l.order_line_id" \
	" JOIN orders o ON o.id = ol.order_id" \
	" LEFT JOIN payments pm ON pm.id = l.payment_id" \
	" LEFT JOIN plan_rules ru ON ru.id = l.rule_id WHERE l.id = ?"

enum stmt { ST_ALL, ST_OWN, ST_TEAM, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_ALL] = LINE_SQL,
	[ST_OWN] = LINE_SQL " AND l.person_id = ?",
	[ST_TEAM] = LINE_SQL " AND EXISTS (SELECT 1 FROM commission_summaries sx"
	    " WHERE sx.period_id = l.period_id AND sx.person_id = l.person_id"
	    " AND (sx.person_id = ? OR (sx.team = ? AND sx.team <> '')"
	    " OR sx.manager_login = ?))",
};

static struct db_table why_db = DB_TABLE("commission.why", stmts);

typedef char fig[TCE_XFMT_LEN];

/* One item of a largest-remainder spread into section t: weight, floor,
 * remainder (of a fen), +1, part. */
static void
spread_item(struct tdict *t, const struct tce_xspread *s,
    const struct tce_xpart *p, const char *weight)
{
	fig a, b, c;

	tdict_set(t, "weight", weight);
	tdict_set(t, "floor", tce_xfig_money(a, p->floor));
	if (s->sum != 0)
		tce_xfmt_ratio(b, p->rem, s->den, 2, 2);
	else
		snprintf(b, sizeof(b), "0");
	tdict_set(t, "rem", b);
	if (p->extra)
		tdict_show_section(t, "EXTRA");
	tdict_set(t, "part", tce_xfig_money(c, p->part));
}

static void
spread_head(struct tdict *d, const struct tce_xspread *s, const char *sum)
{
	fig a;

	tdict_set(d, "spread_total", tce_xfig_money(a, s->total));
	tdict_set(d, "spread_sum", sum);
	tdict_set_int(d, "spread_left", s->left);
	tdict_set_int(d, "spread_n", (long long)s->n);
	if (s->sum == 0)
		tdict_show_section(d, "SPREAD_ZERO");
}

/* The rule's range and rate of slice s, in the reader's words. */
static void
slice_row(struct req *r, struct tdict *t, const struct tce_rule *rule,
    const struct tce_xslice *s, tc_i128 b)
{
	const struct tce_band *bd = s->band >= 0 ? &rule->bands[s->band] : NULL;
	fig x, y, z;
	char range[200];

	if (bd == NULL) {
		snprintf(range, sizeof(range), "%s", tr(r,
		    rule->kind == TCE_RATE_PER_UNIT ? "cmw_per_unit" :
		    "cmw_flat_rate"));
		tdict_set(t, "rate", rule->kind == TCE_RATE_PER_UNIT ?
		    tce_xfig_money(x, s->rate) : tce_xfig_pct(x, s->rate));
	} else {
		if (s->band == 0 && bd->has_upto)
			snprintf(range, sizeof(range), "%s %s", tr(r,
			    "cmw_upto"), tce_xfig_money(y, bd->upto));
		else if (s->band == 0)
			snprintf(range, sizeof(range), "%s", tr(r, "cmw_all"));
		else if (bd->has_upto)
			snprintf(range, sizeof(range), "%s – %s",
			    tce_xfig_money(y, rule->bands[s->band - 1].upto),
			    tce_xfig_money(z, bd->upto));
		else
			snprintf(range, sizeof(range), "%s %s", tr(r,
			    "cmw_above"), tce_xfig_money(y, rule->bands[s->band - 1].upto));
		tdict_set(t, "rate", tce_xfig_pct(x, s->rate));
		tdict_set_int(t, "band", s->band + 1);
		if (b < 0)
			tdict_show_section(t, "NEGATIVE");
		else if (rule->kind == TCE_RATE_WHOLE)
			tdict_show_section(t, "WHOLE");
	}
	tdict_set(t, "range", range);
	tdict_set(t, "amount", tce_xfig_base(x, rule, s->amount));
	tdict_set(t, "commission", tce_xfig_rule(y, s->commission));
}

/* The explanation of xl (line index li of x) into d. */
static void
fill(struct req *r, struct tdict *d, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in, size_t li)
{
	const struct tce_xline *xl = &x->lines[li];
	const struct tce_row *row = &in->rows[xl->row];
	const struct tce_rule *rule;
	const struct tce_xrule *xr;
	const struct tce_version *v = x->version;
	fig a, b, c;
	char key[64];

	/* the period's plan version (accelerators, cap, bonuses) */
	if (v != NULL) {
		struct tdict *t = tdict_add_section(d, "PERIOD_VERSION");

		tdict_set(t, "version", v->name);
		tdict_set(t, "from", tce_xfig_date(a, v->from, ""));
		tdict_set(t, "to", tce_xfig_date(b, v->to, ""));
	}
	if (xl->rule < 0) {
		tdict_show_section(d, xl->version == NULL ? "NO_VERSION" :
		    "NO_RULE");
		return;
	}
	rule = plan->rules[xl->rule];
	xr = &x->rules[xl->xrule];
	/* 1-2: the version of the row's date, the rule, the rivals */
	{
		struct tdict *t = tdict_add_section(d, "RULE");

		tdict_set(t, "version", xl->version->name);
		tdict_set(t, "from", tce_xfig_date(a, xl->version->from, ""));
		tdict_set(t, "to", tce_xfig_date(b, xl->version->to, ""));
		tdict_set(t, "rule", rule->id);
		tdict_set_int(t, "priority", rule->priority);
		tdict_set_int(t, "nkeys", rule->nkeys);
		for (int k = 0; k < TCE_ATTR__MAX; k++)
			if (rule->match[k] != NULL) {
				struct tdict *m = tdict_add_section(t, "MATCH");

				snprintf(key, sizeof(key), "cmw_attr_%s",
				    tce_attr_name((enum tce_attr)k));
				tdict_set(m, "attr", tr(r, key));
				tdict_set(m, "value", rule->match[k]);
			}
		if (xl->nrivals == 0)
			tdict_show_section(t, "NO_RIVALS");
		for (size_t k = 0; k < xl->nrivals; k++) {
			const struct tce_rule *o = plan->rules[xl->rivals[k].rule];
			struct tdict *rv = tdict_add_section(t, "RIVAL");

			tdict_set(rv, "rule", o->id);
			tdict_set_int(rv, "priority", o->priority);
			tdict_set_int(rv, "nkeys", o->nkeys);
			snprintf(key, sizeof(key), "cmw_lost_%d",
			    (int)xl->rivals[k].lost);
			tdict_set(rv, "why", tr(r, key));
		}
	}
	/* 3: the credited base */
	{
		struct tdict *t = tdict_add_section(d, "BASE");

		snprintf(key, sizeof(key), "cml_base_%s", tce_base_name(rule->base));
		tdict_set(t, "kind", tr(r, key));
		tdict_set(t, "value", tce_xfig_value(a, rule, xl->value));
		tdict_set(t, "share", tce_xfig_pct(b, xl->share));
		tdict_set(t, "base", tce_xfig_base(c, rule, xl->base));
		if (rule->base == TCE_BASE_MARGIN) {
			struct tdict *m = tdict_add_section(t, "MARGIN");

			tdict_set(m, "amount", tce_xfig_money(a, row->amount));
			tdict_set(m, "cost", tce_xfig_money(b, row->cost));
		}
		tce_xfmt_fixed(a, xl->sales, TCE_XD_BASE, 2);
		tdict_set(t, "sales", a);
	}
	if (rule->base == TCE_BASE_COLLECTED && xl->xpayment < x->npayments) {
		const struct tce_xpayment *p = &x->payments[xl->xpayment];
		const struct tce_payment *py = &in->payments[p->payment];
		struct tdict *t = tdict_add_section(d, "COLLECTED");

		tdict_set(t, "payment", py->payment_id);
		tdict_set(t, "date", tce_xfig_date(a, py->date, ""));
		tdict_set(t, "amount", tce_xfig_money(b, py->amount));
		tdict_set(t, "raw_before", tce_xfig_money(a, p->raw_before));
		tdict_set(t, "raw_after", tce_xfig_money(b, p->raw_after));
		tdict_set(t, "credited_before", tce_xfig_money(c, p->credited_before));
		tdict_set(t, "credited_after", tce_xfig_money(a, p->credited_after));
		tdict_set(t, "order_amount", tce_xfig_money(b, p->order_amount));
		tdict_set(t, "credit", tce_xfig_money(c, p->credit));
		if (p->credit != py->amount)
			tdict_show_section(t, "CLAMPED");
		spread_head(t, &p->spread, tce_xfig_money(a, p->order_amount));
		for (size_t k = 0; k < p->spread.n; k++) {
			const struct tce_row *o = &in->rows[p->rows[k]];
			struct tdict *it = tdict_add_section(t, "ITEM");

			snprintf(key, sizeof(key), "%s·%lld", o->order_id,
			    (long long)o->line);
			tdict_set(it, "key", key);
			if (p->rows[k] == xl->row)
				tdict_show_section(it, "THIS");
			spread_item(it, &p->spread, &p->spread.parts[k],
			    tce_xfig_money(a, o->amount));
		}
	}
	/* 4: the rule's period base, its slices, the rule commission */
	{
		struct tdict *t = tdict_add_section(d, "PERIOD_RULE");

		tdict_set(t, "rule", rule->id);
		snprintf(key, sizeof(key), "cmw_kind_%d", (int)rule->kind);
		tdict_set(t, "kind", tr(r, key));
		tdict_set(t, "base", tce_xfig_base(a, rule, xr->base));
		tdict_set_int(t, "nlines", (long long)xr->nlines);
		for (size_t k = 0; k < xr->nslices; k++)
			slice_row(r, tdict_add_section(t, "SLICE"), rule,
			    &xr->slices[k], xr->base);
		tdict_set(t, "commission", tce_xfig_rule(b, xr->commission));
	}
	/* 5-9: attainment, accelerator, cap, rounding, bonus */
	{
		struct tdict *t = tdict_add_section(d, "PERIOD");

		tce_xfmt_fixed(a, x->sales, TCE_XD_BASE, 2);
		tdict_set(t, "sales", a);
		if (x->has_target) {
			struct tdict *g = tdict_add_section(t, "TARGET");

			tdict_set(g, "target", tce_xfig_money(a, x->target));
			tce_xfmt_ratio(b, x->sales, x->attain_den, 6, 2);
			tdict_set(g, "attainment", b);
			tdict_set(g, "printed", tce_xfig_money(c, x->summary.attainment));
			if (x->accel >= 0) {
				struct tdict *ac = tdict_add_section(g, "ACCEL");

				tdict_set(ac, "mult", tce_xfig_mult(a, x->multiplier));
				tdict_set(ac, "at", tce_xfig_pct(b, v->accel[x->accel].at));
			} else
				tdict_show_section(g, "NO_ACCEL");
			if (x->next_accel >= 0) {
				struct tdict *n = tdict_add_section(g, "NEXT_ACCEL");

				tdict_set(n, "gap", tce_xfig_money(a, -tc_div_floor(
				    -x->next_accel_gap, 1000000)));
				tdict_set(n, "at", tce_xfig_pct(b, v->accel[x->next_accel].at));
				tdict_set(n, "mult", tce_xfig_mult(c,
				    v->accel[x->next_accel].value));
			}
		} else
			tdict_show_section(t, "NO_TARGET");
		tdict_set(t, "rule_sum", tce_xfig_rule(a, x->rule_sum));
		tdict_set(t, "multiplier", tce_xfig_mult(b, x->multiplier));
		tdict_set(t, "multiplied", tce_xfig_period(c, x->multiplied));
		if (x->has_cap) {
			struct tdict *cp = tdict_add_section(t, "CAP");

			tdict_set(cp, "cap", tce_xfig_money(a, x->cap));
			if (x->capped)
				tdict_show_section(cp, "CAPPED");
			else
				tdict_show_section(cp, "NOT_CAPPED");
		} else
			tdict_show_section(t, "NO_CAP");
		tdict_set(t, "unrounded", tce_xfig_period(a, x->unrounded));
		tdict_set(t, "commission", tce_xfig_money(b, x->commission));
		tdict_set(t, "bonus", tce_xfig_money(c, x->bonus));
		tdict_set(t, "total", tce_xfig_money(a, x->summary.total));
	}
	/* 10: stage 1 over the rules, stage 2 over this rule's lines */
	{
		struct tdict *t = tdict_add_section(d, "STAGE1");

		spread_head(t, &x->stage1, tce_xfig_rule(a, x->stage1.sum));
		for (size_t k = 0; k < x->nrules; k++) {
			struct tdict *it = tdict_add_section(t, "ITEM");

			tdict_set(it, "key", plan->rules[x->rules[k].rule]->id);
			if (k == xl->xrule)
				tdict_show_section(it, "THIS");
			spread_item(it, &x->stage1, &x->stage1.parts[k],
			    tce_xfig_rule(a, x->rules[k].commission));
		}
	}
	{
		struct tdict *t = tdict_add_section(d, "STAGE2");
		const struct tce_xpart *mine = &xr->stage2.parts[xl->item];

		tdict_set(t, "rule", rule->id);
		spread_head(t, &xr->stage2, tce_xfig_base(a, rule, xr->stage2.sum));
		for (size_t k = 0; k < xr->stage2.n; k++) {
			const struct tce_xline *o = &x->lines[xr->lines[k]];
			const struct tce_row *orow = &in->rows[o->row];
			struct tdict *it;

			if (k >= STAGE2_ROWS && k != xl->item)
				continue;
			it = tdict_add_section(t, "ITEM");
			if (o->payment != TCE_NONE)
				snprintf(key, sizeof(key), "%s·%lld %s",
				    orow->order_id, (long long)orow->line,
				    in->payments[o->payment].payment_id);
			else
				snprintf(key, sizeof(key), "%s·%lld",
				    orow->order_id, (long long)orow->line);
			tdict_set(it, "key", key);
			if (k == xl->item)
				tdict_show_section(it, "THIS");
			spread_item(it, &xr->stage2, &xr->stage2.parts[k],
			    tce_xfig_base(a, rule, xr->stage2.parts[k].weight));
		}
		if (xr->stage2.n > STAGE2_ROWS)
			tdict_set_int(tdict_add_section(t, "MORE"), "more",
			    (long long)(xr->stage2.n - STAGE2_ROWS));
		tdict_set(t, "part", tce_xfig_money(a, xr->part));
		tdict_set(t, "my_floor", tce_xfig_money(b, mine->floor));
		tdict_set(t, "my_part", tce_xfig_money(c, mine->part));
		if (mine->extra)
			tdict_show_section(t, "MY_EXTRA");
	}
}

/* The index in x of the line of order_no, line_no, payment_no (NULL:
 * none) and rule code (NULL: unmatched), or -1. */
static long
find_line(const struct tce_explanation *x, const struct tce_plan *plan,
    const struct tce_input *in, const char *order_no, long long line_no,
    const char *payment_no, const char *rule)
{
	for (size_t i = 0; i < x->nlines; i++) {
		const struct tce_xline *xl = &x->lines[i];
		const struct tce_row *row = &in->rows[xl->row];

		if (strcmp(row->order_id, order_no) != 0 || row->line != line_no)
			continue;
		if ((xl->payment == TCE_NONE) != (payment_no == NULL) ||
		    (payment_no != NULL && strcmp(in->payments[
		    xl->payment].payment_id, payment_no) != 0))
			continue;
		if ((xl->rule < 0) != (rule == NULL) || (rule != NULL &&
		    strcmp(plan->rules[xl->rule]->id, rule) != 0))
			continue;
		return (long)i;
	}
	return -1;
}

static int
line_of(struct req *r, struct dbres **out)
{
	struct scope s = scope_of(r, &cm_lines_read);
	int64_t id = r->ids[0];

	switch (s.kind) {
	case SCOPE_ALL:
		return db_query(r->app->db, &why_db, ST_ALL, DB_ARGS(P_INT(id)),
		    out);
	case SCOPE_OWN:
		return db_query(r->app->db, &why_db, ST_OWN, DB_ARGS(P_INT(id),
		    P_INT(s.me)), out);
	case SCOPE_TEAM:
		return db_query(r->app->db, &why_db, ST_TEAM, DB_ARGS(P_INT(id),
		    P_INT(s.me), P_TEXT(s.team), P_TEXT(s.login)), out);
	default:
		return TC_ENOTFOUND;
	}
}

static const char *
opt_col(const struct dbres *res, const char *name)
{
	return dbres_null_col(res, 0, name) ? NULL :
	    dbres_text_col(res, 0, name);
}

static int
why_get(struct req *r)
{
	enum tc_period_kind kind = cm_kind(r);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL;
	struct file_set fs = { 0 };
	struct tce_plan *plan = NULL;
	struct tce_input in;
	struct tce_result *calc = NULL;
	struct tce_explanation *x = NULL;
	struct tce_diag err;
	int32_t first = 0, last = 0;
	int64_t stored;
	long li;
	int rc;

	tce_input_init(&in);
	if ((rc = line_of(r, &res)) != 0)
		goto out;
	if (dbres_rows(res) != 1) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	stored = dbres_money_col(res, 0, "commission");
	{
		static const char *const cols[] = { "id", "period", "login", "name",
		    "order_id", "order_no", "line_no", "tracking" };
		char k[48];

		for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
			tdict_set(d, cols[i], dbres_text_col(res, 0, cols[i]));
		snprintf(k, sizeof(k), "cml_tracking_%s",
		    dbres_text_col(res, 0, "tracking"));
		tdict_set(d, "tracking_label", tr(r, k));
		if (opt_col(res, "payment_no") != NULL)
			tdict_set(tdict_add_section(d, "PAYMENT"), "payment_no",
			    opt_col(res, "payment_no"));
		cm_money(d, "amount", stored);
		/* a rep disputes their own line (c4's disputes.c) */
		if (has_role(r, ROLE_SALES) && strcmp(dbres_text_col(res, 0,
		    "login"), r->me.login) == 0)
			tdict_set(tdict_add_section(d, "CAN_DISPUTE"), "id",
			    dbres_text_col(res, 0, "id"));
	}
	commission_tabs(r, "ledger");
	if (!dbres_null_col(res, 0, "removed")) {
		tdict_show_section(d, "REMOVED");
		rc = page_send(r, 200, "commission/why.tpl", "cmw_title",
		    "commission");
		goto out;
	}
	/* The rep's own orders are all the engine needs for their lines
	 * (run.h): not the whole period's. */
	if ((rc = dbres_date_col(res, 0, "first", &first)) != 0 ||
	    (rc = dbres_date_col(res, 0, "last", &last)) != 0 ||
	    (rc = run_export_rep(r->app->db, kind, first, last,
	    dbres_int_col(res, 0, "person"), &fs, NULL)) != 0)
		goto out;
	if (dbres_null_col(res, 0, "stale") ||
	    dbres_int_col(res, 0, "stale") != 0)
		tdict_show_section(d, "STALE");
	rc = run_engine(&fs, &plan, &in, &calc, &err);
	if (rc == 0)
		rc = tce_explain(plan, &in, calc, dbres_text_col(res, 0, "login"),
		    tc_period_of(kind, first), &x, &err);
	if (rc == TC_EINVAL || rc == TC_ENOTFOUND || rc == TC_ETOOBIG) {
		log_msg("why: line %lld: %s", (long long)r->ids[0], err.msg);
		tdict_show_section(d, "NO_EXPLANATION");
		rc = page_send(r, 200, "commission/why.tpl", "cmw_title",
		    "commission");
		goto out;
	}
	if (rc != 0)
		goto out;
	li = find_line(x, plan, &in, dbres_text_col(res, 0, "order_no"),
	    strtoll(dbres_text_col(res, 0, "line_no"), NULL, 10),
	    opt_col(res, "payment_no"), opt_col(res, "rule"));
	if (li < 0) {
		tdict_show_section(d, "NO_EXPLANATION");
		tdict_show_section(d, "STALE");
	} else {
		struct tdict *e = tdict_add_section(d, "EXPLAINED");

		fill(r, e, x, plan, &in, (size_t)li);
		cm_money(e, "explained", x->lines[li].commission);
		if (x->lines[li].commission != stored)
			tdict_show_section(d, "STALE");
	}
	rc = page_send(r, 200, "commission/why.tpl", "cmw_title", "commission");
out:
	tce_explanation_free(x);
	tce_result_free(calc);
	tce_input_free(&in);
	tce_plan_free(plan);
	files_free(&fs);
	dbres_free(res);
	return rc;
}

static const struct route why_routes[] = {
	{ "GET", "/commission/lines/#", CM_ROLES_ALL, why_get },
};

const struct route_set cm_why_route_set = ROUTE_SET(why_routes);
