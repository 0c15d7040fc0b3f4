/* explain.c: the text of ticheng-calc --explain (explain.h). */
#include <stdio.h>
#include <string.h>

#include "calc/explain.h"
#include "core/error.h"

/* Formatting of the explanation's figures into small static-free
 * buffers: each call site passes its own. */
typedef char fig[TCE_XFMT_LEN];

static const char *
money(char *b, int64_t fen)
{
	tce_xfmt_fixed(b, fen, TCE_XD_MONEY, 2);
	return b;
}

static const char *
percent(char *b, int64_t v)
{
	size_t n = tce_xfmt_fixed(b, v, TCE_XD_PERCENT, 0);

	memcpy(b + n, "%", 2);
	return b;
}

static const char *
mult(char *b, int64_t v)
{
	tce_xfmt_fixed(b, v, TCE_XD_MULT, 0);
	return b;
}

/* A credited base (or a stage-2 weight) of rule r. */
static const char *
base(char *b, const struct tce_rule *r, tc_i128 v)
{
	if (r->base == TCE_BASE_QUANTITY)
		tce_xfmt_fixed(b, v, TCE_XD_QTY_BASE, 0);
	else
		tce_xfmt_fixed(b, v, TCE_XD_BASE, 2);
	return b;
}

/* A row's base value before the share under rule r. */
static const char *
value(char *b, const struct tce_rule *r, tc_i128 v)
{
	if (r->base == TCE_BASE_QUANTITY)
		tce_xfmt_fixed(b, v, TCE_XD_QTY, 0);
	else
		tce_xfmt_fixed(b, v, TCE_XD_MONEY, 2);
	return b;
}

static const char *
rulec(char *b, tc_i128 v)
{
	tce_xfmt_fixed(b, v, TCE_XD_RULE, 2);
	return b;
}

static const char *
periodc(char *b, tc_i128 v)
{
	tce_xfmt_fixed(b, v, TCE_XD_PERIOD, 2);
	return b;
}

static const char *
date(char *b, int32_t d)
{
	if (d == TCE_DATE_OPEN)
		snprintf(b, TCE_XFMT_LEN, "open");
	else
		snprintf(b, TCE_XFMT_LEN, "%04d-%02d-%02d", d / 10000,
		    d / 100 % 100, d % 100);
	return b;
}

/* A remainder rem / den of a fen, to two decimals. */
static const char *
rem_fen(char *b, const struct tce_xpart *p, const struct tce_xspread *s)
{
	tce_xfmt_ratio(b, p->rem, s->den, 2, 2);
	return b;
}

/* "line ORDER LINE[ PAYMENT]": the key of a line. */
static void
line_key(char *b, size_t n, const struct tce_input *in,
    const struct tce_xline *xl)
{
	const struct tce_row *row = &in->rows[xl->row];

	if (xl->payment != TCE_NONE)
		snprintf(b, n, "line %s %lld %s", row->order_id,
		    (long long)row->line, in->payments[xl->payment].payment_id);
	else
		snprintf(b, n, "line %s %lld", row->order_id,
		    (long long)row->line);
}

/* One item of a spread: "T x w / W = floor + rem fen[, +1 fen] = part". */
static void
put_item(FILE *f, const char *key, const struct tce_xspread *s,
    const struct tce_xpart *p, const char *w, const char *W)
{
	fig a, b, c, d;

	if (s->sum == 0) {
		fprintf(f, "%s: weights sum to 0: %s\n", key, money(a, p->part));
		return;
	}
	fprintf(f, "%s: %s x %s / %s = %s + %s fen%s = %s\n", key,
	    money(a, s->total), w, W, money(b, p->floor), rem_fen(c, p, s),
	    p->extra ? ", +1 fen" : "", money(d, p->part));
}

static void
put_header(FILE *f, const struct tce_explanation *x)
{
	const struct tce_summary *s = &x->summary;
	const struct tce_version *v = x->version;
	char label[16];
	fig a, b, c, d, e, g;

	tc_period_label(label, x->kind, x->period);
	fprintf(f, "rep: %s\nperiod: %s\n", x->rep, label);
	if (v != NULL)
		fprintf(f, "plan version: %s, %s to %s, period %s, %s\n", v->name,
		    date(a, v->from), date(b, v->to),
		    tc_period_kind_name(v->period), v->currency);
	else
		fprintf(f, "plan version: none covers the period\n");
	if (s->has_target)
		fprintf(f, "summary: sales %s, target %s, attainment %s, "
		    "commission %s, bonus %s, total %s\n", money(a, s->sales),
		    money(b, s->target), money(c, s->attainment),
		    money(d, s->commission), money(e, s->bonus),
		    money(g, s->total));
	else
		fprintf(f, "summary: sales %s, no target, commission %s, bonus %s, "
		    "total %s\n", money(a, s->sales), money(d, s->commission),
		    money(e, s->bonus), money(g, s->total));
}

/* Steps 1-3 for each line: rule, rivals, credit. */
static void
put_lines(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in)
{
	for (size_t i = 0; i < x->nlines; i++) {
		const struct tce_xline *xl = &x->lines[i];
		const struct tce_row *row = &in->rows[xl->row];
		const struct tce_rule *r;
		char key[256];
		fig a, b, c, d;

		line_key(key, sizeof(key), in, xl);
		fprintf(f, "\n%s: date %s\n", key, date(a, xl->date));
		if (xl->rule < 0) {
			fprintf(f, "%s: unmatched: %s, earns nothing\n", key,
			    xl->version == NULL ? "no plan version covers its "
			    "date" : "no rule matches");
			fprintf(f, "%s: commission 0.00\n", key);
			continue;
		}
		r = plan->rules[xl->rule];
		fprintf(f, "%s: rule %s (priority %lld, %u match key%s) of "
		    "version %s\n", key, r->id, (long long)r->priority, r->nkeys,
		    r->nkeys == 1 ? "" : "s", xl->version->name);
		if (xl->nrivals == 0)
			fprintf(f, "%s: also matched: none\n", key);
		for (size_t k = 0; k < xl->nrivals; k++) {
			const struct tce_rule *o = plan->rules[xl->rivals[k].rule];
			fprintf(f, "%s: also matched: %s (priority %lld, %u match "
			    "key%s), lost on %s\n", key, o->id,
			    (long long)o->priority, o->nkeys, o->nkeys == 1 ? "" :
			    "s", tce_lost_name(xl->rivals[k].lost));
		}
		if (r->base == TCE_BASE_MARGIN)
			fprintf(f, "%s: margin %s - %s = %s\n", key,
			    money(a, row->amount), money(b, row->cost),
			    value(c, r, xl->value));
		else if (r->base == TCE_BASE_COLLECTED)
			fprintf(f, "%s: its part of payment %s: %s (see payment "
			    "%s)\n", key, in->payments[xl->payment].payment_id,
			    value(a, r, xl->value),
			    in->payments[xl->payment].payment_id);
		fprintf(f, "%s: base %s %s x share %s = %s\n", key,
		    tce_base_name(r->base), value(a, r, xl->value),
		    percent(b, xl->share), base(c, r, xl->base));
		tce_xfmt_fixed(d, xl->sales, TCE_XD_BASE, 2);
		fprintf(f, "%s: sales credit %s\n", key, d);
		fprintf(f, "%s: commission %s (stage 2 of rule %s)\n", key,
		    money(a, xl->commission), r->id);
	}
}

/* Section 1.3 for each payment of a collected line. */
static void
put_payments(FILE *f, const struct tce_explanation *x,
    const struct tce_input *in)
{
	for (size_t i = 0; i < x->npayments; i++) {
		const struct tce_xpayment *p = &x->payments[i];
		const struct tce_payment *py = &in->payments[p->payment];
		char key[256];
		fig a, b, c, d, e, g;

		snprintf(key, sizeof(key), "payment %s", py->payment_id);
		fprintf(f, "\n%s: order %s, date %s, amount %s\n", key,
		    py->order_id, date(a, py->date), money(b, py->amount));
		fprintf(f, "%s: paid in total %s -> %s, credited %s -> %s "
		    "(between 0.00 and the order's %s): credits %s\n", key,
		    money(a, p->raw_before), money(b, p->raw_after),
		    money(c, p->credited_before), money(d, p->credited_after),
		    money(e, p->order_amount), money(g, p->credit));
		fprintf(f, "%s: %s over the order's %zu booked line%s by amount "
		    "(sum %s); %lld fen left to the largest remainders\n", key,
		    money(a, p->credit), p->spread.n, p->spread.n == 1 ? "" : "s",
		    money(b, p->order_amount), (long long)p->spread.left);
		for (size_t k = 0; k < p->spread.n; k++) {
			const struct tce_row *row = &in->rows[p->rows[k]];
			char ik[300];
			snprintf(ik, sizeof(ik), "%s, line %s %lld", key,
			    row->order_id, (long long)row->line);
			put_item(f, ik, &p->spread, &p->spread.parts[k],
			    money(a, row->amount), money(b, p->order_amount));
		}
	}
}

/* Step 4 for each rule: period base, slices, rule commission. */
static void
put_rules(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan)
{
	for (size_t k = 0; k < x->nrules; k++) {
		const struct tce_xrule *xr = &x->rules[k];
		const struct tce_rule *r = plan->rules[xr->rule];
		char key[200];
		fig a, b, c, d, e;

		snprintf(key, sizeof(key), "rule %s", r->id);
		fprintf(f, "\n%s: base %s, %s, version %s\n", key,
		    tce_base_name(r->base), r->kind == TCE_RATE_FLAT ? "rate" :
		    r->kind == TCE_RATE_PER_UNIT ? "per unit" :
		    r->kind == TCE_RATE_MARGINAL ? "marginal tiers" :
		    "whole tiers", xr->version->name);
		fprintf(f, "%s: period base %s from %zu credit%s\n", key,
		    base(a, r, xr->base), xr->nlines, xr->nlines == 1 ? "" : "s");
		for (size_t i = 0; i < xr->nslices; i++) {
			const struct tce_xslice *s = &xr->slices[i];
			const struct tce_band *bd = s->band >= 0 ?
			    &r->bands[s->band] : NULL;
			char range[160];
			if (bd == NULL) {
				if (r->kind == TCE_RATE_PER_UNIT)
					fprintf(f, "%s: per unit: %s x %s = %s\n", key,
					    base(a, r, s->amount), money(b, s->rate),
					    rulec(c, s->commission));
				else
					fprintf(f, "%s: rate: %s x %s = %s\n", key,
					    base(a, r, s->amount), percent(b, s->rate),
					    rulec(c, s->commission));
				continue;
			}
			if (s->band == 0 && bd->has_upto)
				snprintf(range, sizeof(range), "up to %s",
				    money(d, bd->upto));
			else if (s->band == 0)
				snprintf(range, sizeof(range), "all");
			else if (bd->has_upto)
				snprintf(range, sizeof(range), "%s to %s",
				    money(d, r->bands[s->band - 1].upto),
				    money(e, bd->upto));
			else
				snprintf(range, sizeof(range), "above %s",
				    money(d, r->bands[s->band - 1].upto));
			fprintf(f, "%s: band %d (%s) at %s%s: %s x %s = %s\n", key,
			    s->band + 1, range, percent(a, s->rate),
			    xr->base < 0 ? ", the first band's rate on a negative "
			    "base" : r->kind == TCE_RATE_WHOLE ? ", the band the "
			    "whole base reaches" : "", base(b, r, s->amount),
			    percent(c, s->rate), rulec(e, s->commission));
		}
		fprintf(f, "%s: rule commission %s\n", key,
		    rulec(a, xr->commission));
	}
}

/* Steps 5-9. */
static void
put_period(FILE *f, const struct tce_explanation *x)
{
	const struct tce_version *v = x->version;
	fig a, b, c, d;

	tce_xfmt_fixed(a, x->sales, TCE_XD_BASE, 2);
	fprintf(f, "\nsales: %s\n", a);
	if (!x->has_target) {
		fprintf(f, "target: none (no attainment, accelerator or bonus)\n");
	} else {
		fprintf(f, "target: %s\n", money(a, x->target));
		tce_xfmt_ratio(b, x->sales, x->attain_den, 6, 2);
		fprintf(f, "attainment: %s%% (printed %s)\n", b,
		    money(c, x->summary.attainment));
		if (x->accel >= 0)
			fprintf(f, "accelerator: x%s (%s reached)\n",
			    mult(a, x->multiplier), percent(b, v->accel[x->accel].at));
		else
			fprintf(f, "accelerator: none reached (x1)\n");
		if (x->next_accel >= 0)
			fprintf(f, "next accelerator: another %s reaches %s (x%s)\n",
			    money(a, (int64_t)-tc_div_floor(-x->next_accel_gap,
			    1000000)), percent(b, v->accel[x->next_accel].at),
			    mult(c, v->accel[x->next_accel].value));
		else
			fprintf(f, "next accelerator: none\n");
	}
	fprintf(f, "rule commissions: %s\n", rulec(a, x->rule_sum));
	fprintf(f, "multiplied: %s x %s = %s\n", rulec(a, x->rule_sum),
	    mult(b, x->multiplier), periodc(c, x->multiplied));
	if (!x->has_cap)
		fprintf(f, "cap: none\n");
	else
		fprintf(f, "cap: %s, %s\n", money(a, x->cap), x->capped ?
		    "reached: the commission becomes the cap" : "not reached");
	fprintf(f, "unrounded: %s\n", periodc(a, x->unrounded));
	fprintf(f, "commission: %s (rounded once to the fen, half away from "
	    "zero)\n", money(a, x->commission));
	if (x->bonus_step >= 0)
		fprintf(f, "bonus: %s (%s reached)\n", money(a, x->bonus),
		    percent(b, v->bonus[x->bonus_step].at));
	else
		fprintf(f, "bonus: 0.00\n");
	if (x->next_bonus >= 0)
		fprintf(f, "next bonus: another %s reaches %s (%s)\n",
		    money(a, (int64_t)-tc_div_floor(-x->next_bonus_gap, 1000000)),
		    percent(b, v->bonus[x->next_bonus].at),
		    money(c, v->bonus[x->next_bonus].value));
	else if (x->has_target)
		fprintf(f, "next bonus: none\n");
	fprintf(f, "total: %s\n", money(d, x->summary.total));
}

/* Step 10: both stages. */
static void
put_stages(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in)
{
	fig a, b, c;

	fprintf(f, "\nstage 1: %s over %zu rule%s by rule commission (sum %s); "
	    "%lld fen left to the largest remainders\n",
	    money(a, x->commission), x->nrules, x->nrules == 1 ? "" : "s",
	    rulec(b, x->stage1.sum), (long long)x->stage1.left);
	for (size_t k = 0; k < x->nrules; k++) {
		char key[200];
		snprintf(key, sizeof(key), "stage 1 rule %s",
		    plan->rules[x->rules[k].rule]->id);
		put_item(f, key, &x->stage1, &x->stage1.parts[k],
		    rulec(a, x->rules[k].commission), rulec(b, x->stage1.sum));
	}
	for (size_t k = 0; k < x->nrules; k++) {
		const struct tce_xrule *xr = &x->rules[k];
		const struct tce_rule *r = plan->rules[xr->rule];
		fprintf(f, "stage 2 rule %s: %s over %zu credit%s by base (sum "
		    "%s); %lld fen left to the largest remainders\n", r->id,
		    money(a, xr->part), xr->stage2.n, xr->stage2.n == 1 ? "" :
		    "s", base(b, r, xr->stage2.sum), (long long)xr->stage2.left);
		for (size_t i = 0; i < xr->stage2.n; i++) {
			char key[300], lk[256];
			line_key(lk, sizeof(lk), in, &x->lines[xr->lines[i]]);
			snprintf(key, sizeof(key), "stage 2 rule %s, %s", r->id, lk);
			put_item(f, key, &xr->stage2, &xr->stage2.parts[i],
			    base(b, r, xr->stage2.parts[i].weight),
			    base(c, r, xr->stage2.sum));
		}
	}
}

int
calc_write_explanation(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in)
{
	put_header(f, x);
	put_lines(f, x, plan, in);
	put_payments(f, x, in);
	put_rules(f, x, plan);
	put_period(f, x);
	put_stages(f, x, plan, in);
	if (fflush(f) != 0 || ferror(f))
		return TC_EIO;
	return 0;
}
