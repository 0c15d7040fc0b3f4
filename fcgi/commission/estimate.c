/* estimate.c: GET /commission/estimate?opportunity=ID[&product_type=CODE]
 * (reps and managers; the opportunity their own or their team's, else
 * 404).  What winning the open opportunity at its amount today would add
 * to its owner's commission for today's period under the plan in force,
 * through the engine: the period's inputs as a run reads them, of the
 * owner's orders only (run_export_rep, run_read_files: the engine works
 * per rep), calculated as they are and again with
 * one more order line (the opportunity's amount, the product type picked
 * on the page, the customer's region and channel and code, the owner at
 * 100%, dated today), and the two summary rows of the owner compared: so
 * tiers, accelerators, the cap and bonuses all count.  Under a
 * collected rule the commission comes with the payment: the estimate
 * assumes the whole amount is paid today (a payment of it is added too).
 * Under a margin rule the cost is estimated from the margin of the
 * product type's booked lines.  Nothing is written.
 *
 * The sales opportunity page links here by URL only. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/adjview.h"
#include "commission/run.h"
#include "commission/web.h"
#include "core/clock.h"
#include "core/decimal.h"
#include "core/formview.h"
#include "core/log.h"
#include "core/money.h"
#include "core/period.h"
#include "engine/explain.h"
#include "engine/plan.h"

#define REPS (ROLE_SALES | ROLE_MANAGER)

/* Whose opportunities a person estimates: a rep their own, a manager
 * their team's; nobody all. */
static const struct scope_rule estimate_scope = {
	"commission.estimate", 0, ROLE_MANAGER, ROLE_SALES,
};

enum stmt { E_OPP, E_TYPES, E_MARGIN, E__MAX };

static const char *const stmts[E__MAX] = {
	/* id, scope */
	[E_OPP] =
	    "SELECT o.id, o.title, o.amount, o.stage, p.id AS owner_id,"
	    " p.login, p.name,"
	    " c.code AS customer, c.name AS customer_name, rg.code AS region,"
	    " rg.name_zh AS region_zh, rg.name_en AS region_en,"
	    " ch.code AS channel, ch.name_zh AS channel_zh,"
	    " ch.name_en AS channel_en"
	    " FROM opportunities o JOIN people p ON p.id = o.owner_id"
	    " JOIN customers c ON c.id = o.customer_id"
	    " JOIN regions rg ON rg.id = c.region_id"
	    " JOIN channels ch ON ch.id = c.channel_id"
	    " WHERE o.id = ? AND " SCOPE_SQL("o.owner_id"),
	[E_TYPES] =
	    "SELECT code, name_zh, name_en FROM product_types WHERE active"
	    " ORDER BY code",
	/* the booked lines of a product type: cost and amount */
	[E_MARGIN] =
	    "SELECT COALESCE(SUM(ol.cost), 0) AS cost,"
	    " COALESCE(SUM(ol.amount), 0) AS amount FROM order_lines ol"
	    " JOIN products pr ON pr.id = ol.product_id"
	    " JOIN product_types pt ON pt.id = pr.product_type_id"
	    " WHERE pt.code = ? AND ol.status = 'booked'",
};

static struct db_table est_db = DB_TABLE("commission.estimate", stmts);

/* The owner's summary row of period in res, or NULL (no credit). */
static const struct tce_summary *
summary_of(const struct tce_result *res, const char *login, int32_t period)
{
	for (size_t i = 0; i < res->nsummary; i++) {
		const struct tce_summary *s = &res->summary[i];

		if (s->period == period && strcmp(res->reps[s->rep], login) == 0)
			return s;
	}
	return NULL;
}

/* One side of the comparison into section name of d. */
static void
show_side(struct tdict *d, const char *name, const struct tce_summary *s)
{
	struct tdict *t = tdict_add_section(d, name);
	char buf[TC_DEC_SIZE];

	cm_set_money(t, "sales", s != NULL ? s->sales : 0);
	cm_set_money(t, "commission", s != NULL ? s->commission : 0);
	cm_set_money(t, "bonus", s != NULL ? s->bonus : 0);
	cm_set_money(t, "total", s != NULL ? s->total : 0);
	if (s != NULL && s->has_target) {
		cm_set_money(t, "target", s->target);
		tdict_set(t, "attainment", tc_dec_str(buf, s->attainment, 2));
	} else {
		tdict_set(t, "target", "—");
		tdict_set(t, "attainment", "—");
	}
}

/* The estimated cost of amount of product type code: amount times the
 * cost share of the type's booked lines (0 when it has none). */
static int
estimated_cost(struct req *r, const char *code, money_t amount, money_t *out)
{
	struct dbres *res = NULL;
	int64_t cost, total;
	int rc;

	*out = 0;
	if ((rc = db_query(r->app->db, &est_db, E_MARGIN,
	    DB_ARGS(P_TEXT(code)), &res)) != 0)
		return rc;
	cost = dbres_money_col(res, 0, "cost");
	total = dbres_money_col(res, 0, "amount");
	dbres_free(res);
	if (total > 0)
		*out = (money_t)tc_div_round((tc_i128)amount * cost, total);
	return 0;
}

/* Puts thousands separators into the integer part of the decimal in
 * buf (TCE_XFMT_LEN bytes): "1130600.00" becomes "1,130,600.00". */
static void
grouped(char *buf)
{
	char out[TCE_XFMT_LEN * 2];
	size_t len = strlen(buf), start = buf[0] == '-' ? 1 : 0, intlen, o = 0;
	const char *dot = strchr(buf, '.');

	intlen = (dot != NULL ? (size_t)(dot - buf) : len) - start;
	if (start)
		out[o++] = '-';
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = buf[start + i];
	}
	snprintf(out + o, sizeof(out) - o, "%s", buf + start + intlen);
	/* a figure too long for buf with its separators stays as it was */
	if ((len = strlen(out)) < TCE_XFMT_LEN)
		memcpy(buf, out, len + 1);
}

/* How the engine got the owner's period with the opportunity (its
 * explanation, engine/explain.h): the chosen rule's period base and its
 * tier slices, the multiplier reached, the sales still needed for the
 * next accelerator, the cap.  Shown under EXPLAIN; nothing when the
 * engine cannot explain (it then says so in the log). */
static int
explain(struct req *r, struct tdict *d, const struct tce_plan *plan,
    const struct tce_input *in, const struct tce_result *res,
    const char *login, int32_t period, const struct tce_rule *rule)
{
	struct tce_explanation *x = NULL;
	struct tce_diag err;
	struct tdict *e;
	char buf[TCE_XFMT_LEN];
	int rc;

	if ((rc = tce_explain(plan, in, res, login, period, &x, &err)) != 0) {
		log_msg("%s: estimate: no explanation: %s", r->id, err.msg);
		return rc == TC_ENOMEM ? rc : 0;
	}
	e = tdict_add_section(d, "EXPLAIN");
	tce_xfmt_fixed(buf, x->multiplier, TCE_XD_MULT, 1);
	tdict_set(e, "multiplier", buf);
	if (x->next_accel >= 0 && x->version != NULL) {
		struct tdict *n = tdict_add_section(e, "NEXT_ACCEL");

		tce_xfmt_fixed(buf, x->next_accel_gap, TCE_XD_BASE, 2);
		grouped(buf);
		tdict_set(n, "gap", buf);
		tce_xfmt_fixed(buf, x->version->accel[x->next_accel].value,
		    TCE_XD_MULT, 1);
		tdict_set(n, "next_multiplier", buf);
	}
	if (x->capped)
		cm_set_money(tdict_add_section(e, "CAPPED"), "cap", x->cap);
	for (size_t i = 0; i < x->nrules; i++) {
		const struct tce_xrule *xr = &x->rules[i];

		if (xr->rule != rule->global)
			continue;
		tce_xfmt_fixed(buf, xr->base, rule->base == TCE_BASE_QUANTITY ?
		    TCE_XD_QTY_BASE : TCE_XD_BASE, 2);
		grouped(buf);
		tdict_set(e, "rule_base", buf);
		tce_xfmt_fixed(buf, xr->commission, TCE_XD_RULE, 2);
		grouped(buf);
		tdict_set(e, "rule_commission", buf);
		for (size_t k = 0; k < xr->nslices; k++) {
			const struct tce_xslice *sl = &xr->slices[k];
			struct tdict *t = tdict_add_section(e, "SLICE");
			int digits = rule->base == TCE_BASE_QUANTITY ?
			    TCE_XD_QTY_BASE : TCE_XD_BASE;

			tce_xfmt_fixed(buf, sl->from, digits, 2);
			grouped(buf);
			tdict_set(t, "from", buf);
			tce_xfmt_fixed(buf, sl->to, digits, 2);
			grouped(buf);
			tdict_set(t, "to", buf);
			if (rule->kind == TCE_RATE_PER_UNIT)
				tce_xfmt_fixed(buf, sl->rate, TCE_XD_MONEY, 2);
			else
				tce_xfmt_fixed(buf, sl->rate, TCE_XD_PERCENT, 0);
			tdict_set(t, "rate", buf);
			if (rule->kind != TCE_RATE_PER_UNIT)
				tdict_show_section(t, "PERCENT");
			tce_xfmt_fixed(buf, sl->commission, TCE_XD_RULE, 2);
			grouped(buf);
			tdict_set(t, "commission", buf);
		}
	}
	tce_explanation_free(x);
	return 0;
}

/* Calculates with and without the opportunity and fills d. */
static int
estimate(struct req *r, struct tdict *d, const struct dbres *opp,
    const char *type)
{
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	struct file_set fs = { 0 };
	struct tce_plan *plan = NULL;
	struct tce_input in;
	struct tce_result *res = NULL;
	struct tce_diag err;
	struct tce_summary before, after;
	const struct tce_summary *s;
	const struct tce_version *ver;
	const struct tce_rule *rule;
	const char *login = dbres_text_col(opp, 0, "login");
	const char *attr[TCE_ATTR__MAX] = { 0 };
	struct period_span span;
	struct tce_row *row;
	struct tce_share *share;
	struct tce_payment *pay;
	char order_id[40], day[11];
	money_t amount = dbres_money_col(opp, 0, "amount"), cost = 0,
	    line_fen = 0;
	int32_t today = tc_today(), period;
	bool had_before, had_after, collected;
	size_t nrow;
	int rc;

	tce_input_init(&in);
	tc_period_kind_parse(r->app->conf->period, &kind);
	period_of_date(kind, today, &span);
	period = tc_period_of(kind, today);
	tdict_set(d, "period", span.label);
	tdict_set(d, "today", tc_date_format(day, today) > 0 ? day : "");
	attr[TCE_ATTR_PRODUCT_TYPE] = type;
	attr[TCE_ATTR_REGION] = dbres_text_col(opp, 0, "region");
	attr[TCE_ATTR_CHANNEL] = dbres_text_col(opp, 0, "channel");
	attr[TCE_ATTR_CUSTOMER] = dbres_text_col(opp, 0, "customer");

	/* The owner's orders are all the engine needs for the owner's
	 * figures (run.h, run_export_rep): not the whole period's. */
	if ((rc = run_export_rep(r->app->db, kind, span.first, span.last,
	    dbres_int_col(opp, 0, "owner_id"), &fs, NULL)) != 0)
		goto out;
	if ((rc = run_read_files(&fs, &plan, &in, &err)) != 0 ||
	    (ver = tce_plan_version_at(plan, today)) == NULL) {
		/* no version in force today: nothing to estimate */
		tdict_show_section(d, "NO_PLAN");
		rc = rc == TC_ENOMEM ? rc : 0;
		goto out;
	}
	rule = tce_version_select(ver, attr);
	if (rule == NULL) {
		tdict_show_section(d, "NO_RULE");
		goto out;
	}
	collected = rule->base == TCE_BASE_COLLECTED;
	{
		struct tdict *ru = tdict_add_section(d, "RULE");
		char key[40];

		tdict_set(ru, "rule", rule->id);
		tdict_set(ru, "version", ver->name);
		snprintf(key, sizeof(key), "est_base_%s",
		    tce_base_name(rule->base));
		tdict_set(ru, "base", tr(r, key));
		if (collected)
			tdict_show_section(ru, "COLLECTED");
		if (rule->base == TCE_BASE_MARGIN)
			tdict_show_section(ru, "MARGIN");
		if (rule->base == TCE_BASE_QUANTITY)
			tdict_show_section(ru, "QUANTITY");
	}
	if (rule->base == TCE_BASE_MARGIN &&
	    (rc = estimated_cost(r, type, amount, &cost)) != 0)
		goto out;
	cm_set_money(d, "cost", cost);

	/* as things are */
	if ((rc = tce_calc(plan, &in, &res, &err)) != 0) {
		tdict_set(tdict_add_section(d, "ENGINE_ERROR"), "error",
		    err.msg);
		rc = rc == TC_ENOMEM ? rc : 0;
		goto out;
	}
	s = summary_of(res, login, period);
	had_before = s != NULL;
	if (s != NULL)
		before = *s;
	tce_result_free(res);
	res = NULL;

	/* with the opportunity won today */
	snprintf(order_id, sizeof(order_id), "estimate-%s",
	    dbres_text_col(opp, 0, "id"));
	rc = TC_ENOMEM;
	if ((share = tce_input_add_share(&in)) == NULL)
		goto out;
	share->rep = login;
	share->share = 1000000;
	nrow = in.nrows;
	if ((row = tce_input_add_row(&in)) == NULL)
		goto out;
	memset(row, 0, sizeof(*row));
	row->order_id = order_id;
	row->line = 1;
	row->date = today;
	row->share0 = (uint32_t)(in.nshares - 1);
	row->nshares = 1;
	for (int k = 0; k < TCE_ATTR__MAX; k++)
		row->attr[k] = attr[k];
	row->amount = amount;
	row->quantity = 1000;
	row->cost = cost;
	row->has_cost = true;
	if (collected) {
		if ((pay = tce_input_add_payment(&in)) == NULL)
			goto out;
		memset(pay, 0, sizeof(*pay));
		pay->payment_id = order_id;
		pay->order_id = order_id;
		pay->date = today;
		pay->amount = amount;
	}
	if ((rc = tce_calc(plan, &in, &res, &err)) != 0) {
		tdict_set(tdict_add_section(d, "ENGINE_ERROR"), "error",
		    err.msg);
		rc = rc == TC_ENOMEM ? rc : 0;
		goto out;
	}
	s = summary_of(res, login, period);
	had_after = s != NULL;
	if (s != NULL)
		after = *s;
	for (size_t i = 0; i < res->nlines; i++)
		if (res->lines[i].row == nrow && res->lines[i].period == period)
			line_fen += res->lines[i].commission;

	if (had_after && (rc = explain(r, d, plan, &in, res, login, period,
	    rule)) != 0)
		goto out;
	show_side(d, "BEFORE", had_before ? &before : NULL);
	show_side(d, "AFTER", had_after ? &after : NULL);
	{
		struct tdict *g = tdict_add_section(d, "GAIN");
		money_t b = had_before ? before.total : 0;
		money_t a = had_after ? after.total : 0;

		cm_set_money(g, "gain", a - b);
		tdict_set(g, "gain_sign", a - b > 0 ? "+" : "");
		cm_set_money(g, "gain_commission", (had_after ?
		    after.commission : 0) - (had_before ? before.commission : 0));
		cm_set_money(g, "gain_bonus", (had_after ? after.bonus : 0) -
		    (had_before ? before.bonus : 0));
		cm_set_money(g, "line", line_fen);
	}
	rc = 0;
out:
	tce_result_free(res);
	tce_input_free(&in);
	tce_plan_free(plan);
	files_free(&fs);
	return rc;
}

static int
estimate_get(struct req *r)
{
	struct scope sc = scope_of(r, &estimate_scope);
	struct tdict *d = page_body(r);
	struct dbres *opp = NULL, *types = NULL;
	const char *id = req_get(&r->q, "opportunity");
	const char *type = req_get(&r->q, "product_type");
	const char *stage, *picked = NULL;
	int64_t oid;
	char *end = NULL, href[64];
	int rc;

	if (id == NULL || *id < '1' || *id > '9')
		return TC_ENOTFOUND;
	oid = strtoll(id, &end, 10);
	if (*end != '\0' || oid <= 0)
		return TC_ENOTFOUND;
	if ((rc = db_query(r->app->db, &est_db, E_OPP, DB_ARGS(P_INT(oid),
	    SCOPE_ARGS(&sc)), &opp)) != 0)
		return rc;
	if (dbres_rows(opp) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	tdict_set(d, "id", dbres_text_col(opp, 0, "id"));
	snprintf(href, sizeof(href), "/sales/opportunities/%s",
	    dbres_text_col(opp, 0, "id"));
	tdict_set(d, "opp_href", href);
	tdict_set(d, "title", dbres_text_col(opp, 0, "title"));
	cm_set_money(d, "amount", dbres_money_col(opp, 0, "amount"));
	tdict_set(d, "owner", dbres_text_col(opp, 0, "name"));
	tdict_set(d, "customer", dbres_text_col(opp, 0, "customer_name"));
	tdict_set(d, "region", tr_stored(r, dbres_text_col(opp, 0,
	    "region_zh"), dbres_text_col(opp, 0, "region_en")));
	tdict_set(d, "channel", tr_stored(r, dbres_text_col(opp, 0,
	    "channel_zh"), dbres_text_col(opp, 0, "channel_en")));

	if ((rc = db_query(r->app->db, &est_db, E_TYPES, DB_NOARGS,
	    &types)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(types); i++) {
		const char *code = dbres_text_col(types, i, "code");
		bool sel = type != NULL && strcmp(type, code) == 0;

		if (sel)
			picked = code;
		form_option(d, "TYPE_OPT", code, tr_stored_col(r, types, i, 1),
		    sel);
	}
	commission_tabs(r, NULL);
	stage = dbres_text_col(opp, 0, "stage");
	if (strcmp(stage, "won") == 0 || strcmp(stage, "lost") == 0)
		tdict_show_section(d, "NOT_OPEN");
	else if (type != NULL && *type != '\0' && picked == NULL) {
		struct tdict *e = tdict_add_section(d, "PRODUCT_TYPE_ERROR");

		tdict_set(e, "error", tr(r, "est_err_product_type"));
		tdict_set(e, "error_id", "product_type-error");
		rc = page_send(r, 400, "commission/estimate.tpl", "est_title",
		    "commission");
		goto out;
	} else if (picked == NULL)
		tdict_show_section(d, "PICK");
	else if ((rc = estimate(r, d, opp, picked)) != 0)
		goto out;
	rc = page_send(r, 200, "commission/estimate.tpl", "est_title",
	    "commission");
out:
	dbres_free(types);
	dbres_free(opp);
	return rc;
}

static const struct route est_routes[] = {
	{ "GET", "/commission/estimate", REPS, estimate_get },
};

const struct route_set cm_estimate_route_set = ROUTE_SET(est_routes);
