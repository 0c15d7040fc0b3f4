/* explain.c: the text of ticheng-calc --explain (explain.h). */
#include <stdio.h>
#include <string.h>

#include "calc/explain.h"
#include "core/error.h"

/* Formatting of the explanation's figures into small static-free
 * buffers: each call site passes its own. */
typedef char fig[TCE_XFMT_LEN];

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
		fprintf(f, "%s: weights sum to 0: %s\n", key, tce_xfig_money(a, p->part));
		return;
	}
	fprintf(f, "%s: %s x %s / %s = %s + %s fen%s = %s\n", key,
	    tce_xfig_money(a, s->total), w, W, tce_xfig_money(b, p->floor), rem_fen(c, p, s),
	    p->extra ? ", +1 fen" : "", tce_xfig_money(d, p->part));
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
		    tce_xfig_date(a, v->from, "open"), tce_xfig_date(b, v->to, "open"),
		    tc_period_kind_name(v->period), v->currency);
	else
		fprintf(f, "plan version: none covers the period\n");
	if (s->has_target)
		fprintf(f, "summary: sales %s, target %s, attainment %s, "
		    "commission %s, bonus %s, total %s\n", tce_xfig_money(a, s->sales),
		    tce_xfig_money(b, s->target), tce_xfig_money(c, s->attainment),
		    tce_xfig_money(d, s->commission), tce_xfig_money(e, s->bonus),
		    tce_xfig_money(g, s->total));
	else
		fprintf(f, "summary: sales %s, no target, commission %s, bonus %s, "
		    "total %s\n", tce_xfig_money(a, s->sales), tce_xfig_money(d, s->commission),
		    tce_xfig_money(e, s->bonus), tce_xfig_money(g, s->total));
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
		fprintf(f, "\n%s: date %s\n", key, tce_xfig_date(a, xl->date, "open"));
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
			    tce_xfig_money(a, row->amount), tce_xfig_money(b, row->cost),
			    tce_xfig_value(c, r, xl->value));
		else if (r->base == TCE_BASE_COLLECTED)
			fprintf(f, "%s: its part of payment %s: %s (see payment "
			    "%s)\n", key, in->payments[xl->payment].payment_id,
			    tce_xfig_value(a, r, xl->value),
			    in->payments[xl->payment].payment_id);
		fprintf(f, "%s: base %s %s x share %s = %s\n", key,
		    tce_base_name(r->base), tce_xfig_value(a, r, xl->value),
		    tce_xfig_pct(b, xl->share), tce_xfig_base(c, r, xl->base));
		tce_xfmt_fixed(d, xl->sales, TCE_XD_BASE, 2);
		fprintf(f, "%s: sales credit %s\n", key, d);
		fprintf(f, "%s: commission %s (stage 2 of rule %s)\n", key,
		    tce_xfig_money(a, xl->commission), r->id);
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
		    py->order_id, tce_xfig_date(a, py->date, "open"), tce_xfig_money(b, py->amount));
		fprintf(f, "%s: paid in total %s -> %s, credited %s -> %s "
		    "(between 0.00 and the order's %s): credits %s\n", key,
		    tce_xfig_money(a, p->raw_before), tce_xfig_money(b, p->raw_after),
		    tce_xfig_money(c, p->credited_before), tce_xfig_money(d, p->credited_after),
		    tce_xfig_money(e, p->order_amount), tce_xfig_money(g, p->credit));
		fprintf(f, "%s: %s over the order's %zu booked line%s by amount "
		    "(sum %s); %lld fen left to the largest remainders\n", key,
		    tce_xfig_money(a, p->credit), p->spread.n, p->spread.n == 1 ? "" : "s",
		    tce_xfig_money(b, p->order_amount), (long long)p->spread.left);
		for (size_t k = 0; k < p->spread.n; k++) {
			const struct tce_row *row = &in->rows[p->rows[k]];
			char ik[300];
			snprintf(ik, sizeof(ik), "%s, line %s %lld", key,
			    row->order_id, (long long)row->line);
			put_item(f, ik, &p->spread, &p->spread.parts[k],
			    tce_xfig_money(a, row->amount), tce_xfig_money(b, p->order_amount));
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
		    tce_xfig_base(a, r, xr->base), xr->nlines, xr->nlines == 1 ? "" : "s");
		for (size_t i = 0; i < xr->nslices; i++) {
			const struct tce_xslice *s = &xr->slices[i];
			const struct tce_band *bd = s->band >= 0 ?
			    &r->bands[s->band] : NULL;
			char range[160];
			if (bd == NULL) {
				if (r->kind == TCE_RATE_PER_UNIT)
					fprintf(f, "%s: per unit: %s x %s = %s\n", key,
					    tce_xfig_base(a, r, s->amount), tce_xfig_money(b, s->rate),
					    tce_xfig_rule(c, s->commission));
				else
					fprintf(f, "%s: rate: %s x %s = %s\n", key,
					    tce_xfig_base(a, r, s->amount), tce_xfig_pct(b, s->rate),
					    tce_xfig_rule(c, s->commission));
				continue;
			}
			if (s->band == 0 && bd->has_upto)
				snprintf(range, sizeof(range), "up to %s",
				    tce_xfig_money(d, bd->upto));
			else if (s->band == 0)
				snprintf(range, sizeof(range), "all");
			else if (bd->has_upto)
				snprintf(range, sizeof(range), "%s to %s",
				    tce_xfig_money(d, r->bands[s->band - 1].upto),
				    tce_xfig_money(e, bd->upto));
			else
				snprintf(range, sizeof(range), "above %s",
				    tce_xfig_money(d, r->bands[s->band - 1].upto));
			fprintf(f, "%s: band %d (%s) at %s%s: %s x %s = %s\n", key,
			    s->band + 1, range, tce_xfig_pct(a, s->rate),
			    xr->base < 0 ? ", the first band's rate on a negative "
			    "base" : r->kind == TCE_RATE_WHOLE ? ", the band the "
			    "whole base reaches" : "", tce_xfig_base(b, r, s->amount),
			    tce_xfig_pct(c, s->rate), tce_xfig_rule(e, s->commission));
		}
		fprintf(f, "%s: rule commission %s\n", key,
		    tce_xfig_rule(a, xr->commission));
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
		fprintf(f, "target: %s\n", tce_xfig_money(a, x->target));
		tce_xfmt_ratio(b, x->sales, x->attain_den, 6, 2);
		fprintf(f, "attainment: %s%% (printed %s)\n", b,
		    tce_xfig_money(c, x->summary.attainment));
		if (x->accel >= 0)
			fprintf(f, "accelerator: x%s (%s reached)\n",
			    tce_xfig_mult(a, x->multiplier), tce_xfig_pct(b, v->accel[x->accel].at));
		else
			fprintf(f, "accelerator: none reached (x1)\n");
		if (x->next_accel >= 0)
			fprintf(f, "next accelerator: another %s reaches %s (x%s)\n",
			    tce_xfig_money(a, (int64_t)-tc_div_floor(-x->next_accel_gap,
			    1000000)), tce_xfig_pct(b, v->accel[x->next_accel].at),
			    tce_xfig_mult(c, v->accel[x->next_accel].value));
		else
			fprintf(f, "next accelerator: none\n");
	}
	fprintf(f, "rule commissions: %s\n", tce_xfig_rule(a, x->rule_sum));
	fprintf(f, "multiplied: %s x %s = %s\n", tce_xfig_rule(a, x->rule_sum),
	    tce_xfig_mult(b, x->multiplier), tce_xfig_period(c, x->multiplied));
	if (!x->has_cap)
		fprintf(f, "cap: none\n");
	else
		fprintf(f, "cap: %s, %s\n", tce_xfig_money(a, x->cap), x->capped ?
		    "reached: the commission becomes the cap" : "not reached");
	fprintf(f, "unrounded: %s\n", tce_xfig_period(a, x->unrounded));
	fprintf(f, "commission: %s (rounded once to the fen, half away from "
	    "zero)\n", tce_xfig_money(a, x->commission));
	if (x->bonus_step >= 0)
		fprintf(f, "bonus: %s (%s reached)\n", tce_xfig_money(a, x->bonus),
		    tce_xfig_pct(b, v->bonus[x->bonus_step].at));
	else
		fprintf(f, "bonus: 0.00\n");
	if (x->next_bonus >= 0)
		fprintf(f, "next bonus: another %s reaches %s (%s)\n",
		    tce_xfig_money(a, (int64_t)-tc_div_floor(-x->next_bonus_gap, 1000000)),
		    tce_xfig_pct(b, v->bonus[x->next_bonus].at),
		    tce_xfig_money(c, v->bonus[x->next_bonus].value));
	else if (x->has_target)
		fprintf(f, "next bonus: none\n");
	fprintf(f, "total: %s\n", tce_xfig_money(d, x->summary.total));
}

/* Step 10: both stages. */
static void
put_stages(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in)
{
	fig a, b, c;

	fprintf(f, "\nstage 1: %s over %zu rule%s by rule commission (sum %s); "
	    "%lld fen left to the largest remainders\n",
	    tce_xfig_money(a, x->commission), x->nrules, x->nrules == 1 ? "" : "s",
	    tce_xfig_rule(b, x->stage1.sum), (long long)x->stage1.left);
	for (size_t k = 0; k < x->nrules; k++) {
		char key[200];
		snprintf(key, sizeof(key), "stage 1 rule %s",
		    plan->rules[x->rules[k].rule]->id);
		put_item(f, key, &x->stage1, &x->stage1.parts[k],
		    tce_xfig_rule(a, x->rules[k].commission), tce_xfig_rule(b, x->stage1.sum));
	}
	for (size_t k = 0; k < x->nrules; k++) {
		const struct tce_xrule *xr = &x->rules[k];
		const struct tce_rule *r = plan->rules[xr->rule];
		fprintf(f, "stage 2 rule %s: %s over %zu credit%s by base (sum "
		    "%s); %lld fen left to the largest remainders\n", r->id,
		    tce_xfig_money(a, xr->part), xr->stage2.n, xr->stage2.n == 1 ? "" :
		    "s", tce_xfig_base(b, r, xr->stage2.sum), (long long)xr->stage2.left);
		for (size_t i = 0; i < xr->stage2.n; i++) {
			char key[300], lk[256];
			line_key(lk, sizeof(lk), in, &x->lines[xr->lines[i]]);
			snprintf(key, sizeof(key), "stage 2 rule %s, %s", r->id, lk);
			put_item(f, key, &xr->stage2, &xr->stage2.parts[i],
			    tce_xfig_base(b, r, xr->stage2.parts[i].weight),
			    tce_xfig_base(c, r, xr->stage2.sum));
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
