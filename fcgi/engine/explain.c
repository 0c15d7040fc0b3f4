/* explain.c: tce_explain(), the figures behind one summary row and its
 * lines (explain.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/explain.h"
#include "engine/commission.h"
#include "engine/strmap.h"
#include "core/error.h"
#include "core/sort.h"

const char *
tce_lost_name(enum tce_lost why)
{
	switch (why) {
	case TCE_LOST_PRIORITY: return "priority";
	case TCE_LOST_SPECIFICITY: return "specificity";
	default: return "file order";
	}
}

/* Writes the digits of |v| backwards from end; returns the first. */
static char *
put_u128(char *end, unsigned __int128 v, int minlen)
{
	int n = 0;

	do {
		*--end = (char)('0' + (int)(v % 10));
		v /= 10;
		n++;
	} while (v != 0 || n < minlen);
	return end;
}

size_t
tce_xfmt_fixed(char *buf, tc_i128 v, int digits, int min_dec)
{
	char tmp[TCE_XFMT_LEN], *end = tmp + sizeof(tmp) - 1, *p;
	unsigned __int128 a = v < 0 ? (unsigned __int128)0 -
	    (unsigned __int128)v : (unsigned __int128)v, pow = 1, frac;
	int nd = digits;
	size_t n;

	if (min_dec > digits)
		min_dec = digits;
	for (int i = 0; i < digits; i++)
		pow *= 10;
	frac = a % pow;
	/* drop trailing zeros beyond min_dec */
	while (nd > min_dec && frac % 10 == 0) {
		frac /= 10;
		nd--;
	}
	*end = '\0';
	p = end;
	if (nd > 0) {
		p = put_u128(p, frac, nd);
		*--p = '.';
	}
	p = put_u128(p, a / pow, 1);
	if (v < 0)
		*--p = '-';
	n = (size_t)(end - p);
	memcpy(buf, p, n + 1);
	return n;
}

size_t
tce_xfmt_ratio(char *buf, tc_i128 num, tc_i128 den, int max_dec,
    int min_dec)
{
	tc_i128 pow = 1, a, q;
	int exact, d = max_dec;
	size_t n;

	/* fewer decimals rather than an overflow */
	for (;;) {
		pow = 1;
		for (int i = 0; i < d; i++)
			pow *= 10;
		if (!__builtin_mul_overflow(num, pow, &a) || d == 0)
			break;
		d--;
	}
	exact = a % den == 0;
	q = exact ? a / den : tc_div_round(a, den);
	n = tce_xfmt_fixed(buf, q, d, exact ? (min_dec < d ? min_dec : d) : d);
	if (!exact) {
		memcpy(buf + n, "...", 4);
		n += 3;
	}
	return n;
}

static void
xdiag(struct tce_diag *d, const char *msg)
{
	memset(d, 0, sizeof(*d));
	d->src = TCE_SRC_NONE;
	snprintf(d->msg, sizeof(d->msg), "%s", msg);
}

static int
nomem(struct tce_diag *d)
{
	xdiag(d, "out of memory");
	return TC_ENOMEM;
}

static int
toobig(struct tce_diag *d)
{
	xdiag(d, "figures too large to compute exactly");
	return TC_ETOOBIG;
}

static int
disagree(struct tce_diag *d, const char *what)
{
	memset(d, 0, sizeof(*d));
	d->src = TCE_SRC_NONE;
	snprintf(d->msg, sizeof(d->msg), "explanation: %s does not agree "
	    "with the result (a result of other inputs?)", what);
	return TC_EINVAL;
}

/* Spreads total over w[0..n) with tce_largest_remainder and keeps each
 * item's floor and remainder.  Returns 0, TC_ENOMEM or TC_ETOOBIG;
 * TC_EINVAL if the parts were not floor or floor + 1 (never). */
static int
spread(int64_t total, const tc_i128 *w, size_t n, struct tce_xspread *s)
{
	int64_t *out;
	int rc;

	memset(s, 0, sizeof(*s));
	s->total = total;
	s->n = n;
	s->den = 1;
	if ((s->parts = calloc(n + 1, sizeof(*s->parts))) == NULL ||
	    (out = malloc((n + 1) * sizeof(*out))) == NULL)
		return TC_ENOMEM;
	if ((rc = tce_largest_remainder(total, w, n, out)) != 0) {
		free(out);
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		if (tce_add(s->sum, w[i], &s->sum)) {
			free(out);
			return TC_ETOOBIG;
		}
	if (s->sum != 0)
		s->den = s->sum < 0 ? -s->sum : s->sum;
	s->left = total;
	for (size_t i = 0; i < n; i++) {
		struct tce_xpart *p = &s->parts[i];
		tc_i128 a;
		p->weight = w[i];
		p->part = out[i];
		if (s->sum != 0) {
			if (tce_mul(total, s->sum < 0 ? -w[i] : w[i], &a)) {
				free(out);
				return TC_ETOOBIG;
			}
			p->floor = (int64_t)tc_div_floor(a, s->den);
			p->rem = a - (tc_i128)p->floor * s->den;
		}
		p->extra = p->part != p->floor;
		if (p->part - p->floor != (int64_t)p->extra) {
			free(out);
			return TC_EINVAL;
		}
		s->left -= p->floor;
	}
	free(out);
	return 0;
}

/* The slices of rule r's commission on the period base B (step 4), as
 * tce_rule_commission computes it. */
static int
slices(const struct tce_rule *r, tc_i128 B, struct tce_xrule *x)
{
	tc_i128 prev = 0;
	size_t i;

	if ((x->slices = calloc(r->nbands + 1, sizeof(*x->slices))) == NULL)
		return TC_ENOMEM;
	switch (r->kind) {
	case TCE_RATE_FLAT:
	case TCE_RATE_PER_UNIT:
		x->slices[0].band = -1;
		x->slices[0].to = B;
		x->slices[0].amount = B;
		x->slices[0].rate = r->kind == TCE_RATE_FLAT ? r->rate :
		    r->per_unit;
		x->nslices = 1;
		return tce_rule_commission(r, B, &x->slices[0].commission);
	case TCE_RATE_WHOLE:
		i = 0;
		if (B >= 0)
			for (; i + 1 < r->nbands; i++)
				if (B <= (tc_i128)r->bands[i].upto *
				    TCE_BASE_MONEY_SCALE)
					break;
		x->slices[0].band = (int)i;
		x->slices[0].to = B;
		x->slices[0].amount = B;
		x->slices[0].rate = r->bands[i].rate;
		x->nslices = 1;
		return tce_mul(B, r->bands[i].rate, &x->slices[0].commission);
	case TCE_RATE_MARGINAL:
		if (B < 0) {
			x->slices[0].band = 0;
			x->slices[0].from = B;
			x->slices[0].amount = B;
			x->slices[0].rate = r->bands[0].rate;
			x->nslices = 1;
			return tce_mul(B, r->bands[0].rate,
			    &x->slices[0].commission);
		}
		for (i = 0; i < r->nbands && B > prev; i++) {
			tc_i128 hi = B;
			if (r->bands[i].has_upto &&
			    (tc_i128)r->bands[i].upto * TCE_BASE_MONEY_SCALE < hi)
				hi = (tc_i128)r->bands[i].upto *
				    TCE_BASE_MONEY_SCALE;
			if (hi > prev) {
				struct tce_xslice *s = &x->slices[x->nslices++];
				s->band = (int)i;
				s->from = prev;
				s->to = hi;
				s->amount = hi - prev;
				s->rate = r->bands[i].rate;
				if (tce_mul(s->amount, s->rate, &s->commission))
					return TC_ETOOBIG;
			}
			if (!r->bands[i].has_upto)
				break;
			prev = (tc_i128)r->bands[i].upto * TCE_BASE_MONEY_SCALE;
		}
		return 0;
	}
	return TC_EINVAL;
}

/* Step 2 for the row of xl: the rules of its version that also matched,
 * and why each lost to the chosen one. */
static int
rivals(const struct tce_plan *plan, const struct tce_row *row,
    struct tce_xline *xl)
{
	const struct tce_version *v = xl->version;
	const struct tce_rule *chosen;

	if (v == NULL || xl->rule < 0)
		return 0;
	chosen = plan->rules[xl->rule];
	if ((xl->rivals = calloc(v->nrules + 1, sizeof(*xl->rivals))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < v->nrules; i++) {
		const struct tce_rule *r = &v->rules[v->order[i]];
		struct tce_xrival *x;
		if (r == chosen || !tce_rule_matches(r, row->attr))
			continue;
		x = &xl->rivals[xl->nrivals++];
		x->rule = r->global;
		if (r->priority != chosen->priority)
			x->lost = TCE_LOST_PRIORITY;
		else if (r->nkeys != chosen->nkeys)
			x->lost = TCE_LOST_SPECIFICITY;
		else
			x->lost = TCE_LOST_FILE_ORDER;
	}
	return 0;
}

/* The base value of a row under rule r before the rep's share. */
static tc_i128
row_value(const struct tce_rule *r, const struct tce_row *row)
{
	switch (r->base) {
	case TCE_BASE_MARGIN: return (tc_i128)row->amount - row->cost;
	case TCE_BASE_QUANTITY: return row->quantity;
	default: return row->amount;
	}
}

/* A row or payment of an order concerned, for grouping by order. */
struct oref {
	uint32_t    order;   /* index of the order among those concerned */
	int32_t     date;    /* payments: their date */
	int64_t     line;    /* rows: their line number */
	const char *id;      /* payments: their id */
	uint32_t    idx;     /* input index */
};

static int
oref_row_cmp(const void *a, const void *b)
{
	const struct oref *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int
oref_pay_cmp(const void *a, const void *b)
{
	const struct oref *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The clamp step (1.3) of payment xp among its order's payments
 * [p, pe) (in date order) and its spread over the order's booked rows
 * [r, re), by line.  Returns 0 or an error described in err. */
static int
explain_payment(const struct tce_input *in, struct tce_xpayment *xp,
    const struct oref *r, const struct oref *re, const struct oref *p,
    const struct oref *pe, tc_i128 *w, struct tce_diag *err)
{
	tc_i128 raw = 0, credited = 0, amount = 0, delta = 0;
	size_t nr = (size_t)(re - r);
	int rc;

	for (const struct oref *q = r; q < re; q++)
		if (tce_add(amount, in->rows[q->idx].amount, &amount))
			return toobig(err);
	if (amount > INT64_MAX || amount < -INT64_MAX)
		return toobig(err);
	xp->order_amount = (money_t)amount;
	for (; p < pe; p++) {
		xp->raw_before = (money_t)raw;
		xp->credited_before = (money_t)credited;
		if (tce_payment_step(amount, in->payments[p->idx].amount, &raw,
		    &credited, &delta) || raw > INT64_MAX || raw < -INT64_MAX)
			return toobig(err);
		if (p->idx == xp->payment)
			break;
	}
	if (p == pe || nr == 0 || amount == 0)
		return disagree(err, "a collected line's payment");
	xp->raw_after = (money_t)raw;
	xp->credited_after = (money_t)credited;
	xp->credit = (money_t)delta;
	if ((xp->rows = malloc(nr * sizeof(*xp->rows))) == NULL)
		return nomem(err);
	for (size_t k = 0; k < nr; k++) {
		xp->rows[k] = r[k].idx;
		w[k] = in->rows[r[k].idx].amount;
	}
	rc = spread(xp->credit, w, nr, &xp->spread);
	if (rc != 0)
		return rc == TC_ENOMEM ? nomem(err) : rc == TC_ETOOBIG ?
		    toobig(err) : disagree(err, "a payment's spread");
	return 0;
}

/* Section 1.3 for the payments of x's collected lines: each payment's
 * step of its order's clamp and its spread over the order's booked
 * lines.  x->payments gets one entry per distinct payment, by input
 * index.  One pass over the rows and one over the payments. */
static int
explain_payments(const struct tce_input *in, struct tce_explanation *x,
    struct tce_diag *err)
{
	struct tce_strmap orders;
	uint32_t *pays = NULL, *slot, *pord = NULL, nord = 0;
	struct oref *rows = NULL, *prefs = NULL;
	size_t *rstart = NULL, *pstart = NULL;
	tc_i128 *w = NULL;
	size_t np = 0, nr = 0, npay = 0, i;
	int added, rc;

	for (i = 0; i < x->nlines; i++)
		if (x->lines[i].payment != TCE_NONE)
			np++;
	if (np == 0)
		return 0;
	memset(&orders, 0, sizeof(orders));
	if ((pays = malloc(np * sizeof(*pays))) == NULL)
		return nomem(err);
	np = 0;
	for (i = 0; i < x->nlines; i++)
		if (x->lines[i].payment != TCE_NONE)
			pays[np++] = x->lines[i].payment;
	tc_sort(pays, np, sizeof(*pays), u32_cmp);
	for (i = 1, x->npayments = 1; i < np; i++)
		if (pays[i] != pays[x->npayments - 1])
			pays[x->npayments++] = pays[i];
	rc = TC_ENOMEM;
	if ((x->payments = calloc(x->npayments, sizeof(*x->payments))) == NULL ||
	    (pord = malloc(x->npayments * sizeof(*pord))) == NULL ||
	    tce_strmap_init(&orders, x->npayments) != 0)
		goto out;
	for (i = 0; i < x->npayments; i++) {
		x->payments[i].payment = pays[i];
		if (tce_strmap_put(&orders, in->payments[pays[i]].order_id, 0,
		    nord, &slot, &added) != 0)
			goto out;
		nord += added;
		pord[i] = *slot;
	}
	if ((rows = malloc((in->nrows + 1) * sizeof(*rows))) == NULL ||
	    (prefs = malloc((in->npayments + 1) * sizeof(*prefs))) == NULL ||
	    (w = malloc((in->nrows + 1) * sizeof(*w))) == NULL ||
	    (rstart = calloc(nord + 1, sizeof(*rstart))) == NULL ||
	    (pstart = calloc(nord + 1, sizeof(*pstart))) == NULL)
		goto out;
	for (i = 0; i < in->nrows; i++) {
		uint32_t *o;
		if (in->rows[i].cancelled ||
		    (o = tce_strmap_get(&orders, in->rows[i].order_id, 0)) == NULL)
			continue;
		rows[nr].order = *o;
		rows[nr].line = in->rows[i].line;
		rows[nr++].idx = (uint32_t)i;
		rstart[*o + 1]++;
	}
	for (i = 0; i < in->npayments; i++) {
		uint32_t *o = tce_strmap_get(&orders, in->payments[i].order_id, 0);
		if (o == NULL)
			continue;
		prefs[npay].order = *o;
		prefs[npay].date = in->payments[i].date;
		prefs[npay].id = in->payments[i].payment_id;
		prefs[npay++].idx = (uint32_t)i;
		pstart[*o + 1]++;
	}
	tc_sort(rows, nr, sizeof(*rows), oref_row_cmp);
	tc_sort(prefs, npay, sizeof(*prefs), oref_pay_cmp);
	for (i = 1; i <= nord; i++) {
		rstart[i] += rstart[i - 1];
		pstart[i] += pstart[i - 1];
	}
	for (i = 0; i < x->npayments; i++) {
		uint32_t o = pord[i];
		rc = explain_payment(in, &x->payments[i], rows + rstart[o],
		    rows + rstart[o + 1], prefs + pstart[o],
		    prefs + pstart[o + 1], w, err);
		if (rc != 0)
			goto done;
	}
	/* each collected line: its payment and its row's item */
	for (i = 0; i < x->nlines; i++) {
		struct tce_xline *xl = &x->lines[i];
		const uint32_t *hit;
		struct tce_xpayment *xp;
		if (xl->payment == TCE_NONE)
			continue;
		hit = bsearch(&xl->payment, pays, x->npayments, sizeof(*pays),
		    u32_cmp);
		xl->xpayment = (uint32_t)(hit - pays);
		xp = &x->payments[xl->xpayment];
		for (size_t k = 0; k < xp->spread.n; k++)
			if (xp->rows[k] == xl->row)
				xl->xitem = (uint32_t)k;
		if (xl->xitem == TCE_NONE) {
			rc = disagree(err, "a collected line's row");
			goto done;
		}
		xl->value = xp->spread.parts[xl->xitem].part;
	}
	rc = 0;
	goto done;
out:
	rc = nomem(err);
done:
	tce_strmap_free(&orders);
	free(pays);
	free(pord);
	free(rows);
	free(prefs);
	free(rstart);
	free(pstart);
	free(w);
	return rc;
}

/* The lines [*b, *e) of rep and period in res. */
static void
find_lines(const struct tce_result *res, uint32_t rep, int32_t period,
    size_t *b, size_t *e)
{
	uint64_t lo = ((uint64_t)rep << 32) |
	    (uint32_t)tc_period_first(res->period, period);
	uint64_t hi = ((uint64_t)rep << 32) |
	    (uint32_t)tc_period_last(res->period, period);
	size_t l = 0, h = res->nlines;

	while (l < h) {
		size_t m = l + (h - l) / 2;
		if (res->lines[m].key < lo)
			l = m + 1;
		else
			h = m;
	}
	*b = l;
	while (l < res->nlines && res->lines[l].key <= hi)
		l++;
	*e = l;
}

/* Steps 5-9 for x, from the period's version and target. */
static int
explain_period(struct tce_explanation *x, struct tce_diag *err)
{
	const struct tce_version *v = x->version;
	tc_i128 c;

	x->accel = x->next_accel = x->bonus_step = x->next_bonus = -1;
	x->multiplier = 10000;
	if (x->has_target) {
		x->attain_den = (tc_i128)x->target * 10000;
		for (size_t k = 0; v != NULL && k < v->naccel; k++) {
			tc_i128 need = (tc_i128)v->accel[k].at * x->target;
			if (x->sales >= need) {
				x->accel = (int)k;
				x->multiplier = v->accel[k].value;
			} else if (x->next_accel < 0) {
				x->next_accel = (int)k;
				x->next_accel_gap = need - x->sales;
			}
		}
		for (size_t k = 0; v != NULL && k < v->nbonus; k++) {
			tc_i128 need = (tc_i128)v->bonus[k].at * x->target;
			if (x->sales >= need) {
				x->bonus_step = (int)k;
				x->bonus = v->bonus[k].value;
			} else if (x->next_bonus < 0) {
				x->next_bonus = (int)k;
				x->next_bonus_gap = need - x->sales;
			}
		}
	}
	if (tce_mul(x->rule_sum, x->multiplier, &x->multiplied))
		return toobig(err);
	x->has_cap = v != NULL && v->has_cap;
	x->cap = x->has_cap ? v->cap : 0;
	x->unrounded = x->multiplied;
	if (x->has_cap) {
		c = (tc_i128)x->cap * TCE_PERIOD_SCALE;
		if (x->unrounded > c) {
			x->unrounded = c;
			x->capped = true;
		}
	}
	if (tce_period_commission(x->rule_sum, x->multiplier, x->has_cap,
	    x->cap, &x->commission))
		return toobig(err);
	if (x->commission != x->summary.commission)
		return disagree(err, "the period commission");
	if (x->bonus != x->summary.bonus)
		return disagree(err, "the bonus");
	return 0;
}

/* Steps 4 and 10 for x: the rules, their commissions and the two
 * stages of the spread. */
static int
explain_rules(const struct tce_plan *plan, struct tce_explanation *x,
    struct tce_diag *err)
{
	uint32_t *rid;
	tc_i128 *w;
	size_t n = 0, i, k;
	int rc;

	if ((rid = malloc((x->nlines + 1) * sizeof(*rid))) == NULL ||
	    (w = malloc((x->nlines + 1) * sizeof(*w))) == NULL) {
		free(rid);
		return nomem(err);
	}
	for (i = 0; i < x->nlines; i++)
		if (x->lines[i].rule >= 0)
			rid[n++] = (uint32_t)x->lines[i].rule;
	tc_sort(rid, n, sizeof(*rid), u32_cmp); /* earlier version, file order */
	for (i = 1, k = n > 0; i < n; i++)
		if (rid[i] != rid[k - 1])
			rid[k++] = rid[i];
	x->nrules = k;
	rc = TC_ENOMEM;
	if ((x->rules = calloc(k + 1, sizeof(*x->rules))) == NULL)
		goto out;
	for (k = 0; k < x->nrules; k++) {
		struct tce_xrule *xr = &x->rules[k];
		const struct tce_rule *r = plan->rules[rid[k]];
		xr->rule = rid[k];
		for (size_t v = 0; v < plan->nversions; v++)
			if (r >= plan->versions[v]->rules && r <
			    plan->versions[v]->rules + plan->versions[v]->nrules)
				xr->version = plan->versions[v];
		if ((xr->lines = malloc((x->nlines + 1) *
		    sizeof(*xr->lines))) == NULL)
			goto out;
		for (i = 0; i < x->nlines; i++) {
			struct tce_xline *xl = &x->lines[i];
			if (xl->rule != (int32_t)rid[k])
				continue;
			xl->xrule = (uint32_t)k;
			xl->item = (uint32_t)xr->nlines;
			xr->lines[xr->nlines++] = (uint32_t)i;
			if (tce_add(xr->base, xl->base, &xr->base))
				goto big;
		}
		if ((rc = slices(r, xr->base, xr)) != 0)
			goto fail;
		if ((rc = tce_rule_commission(r, xr->base, &xr->commission)) != 0)
			goto fail;
		{
			tc_i128 t = 0;
			for (i = 0; i < xr->nslices; i++)
				if (tce_add(t, xr->slices[i].commission, &t))
					goto big;
			if (t != xr->commission) {
				rc = disagree(err, "a rule's tier slices");
				goto done;
			}
		}
		w[k] = xr->commission;
		if (tce_add(x->rule_sum, xr->commission, &x->rule_sum))
			goto big;
	}
	if ((rc = explain_period(x, err)) != 0)
		goto done;
	if ((rc = spread(x->commission, w, x->nrules, &x->stage1)) != 0)
		goto fail;
	for (k = 0; k < x->nrules; k++) {
		struct tce_xrule *xr = &x->rules[k];
		xr->part = x->stage1.parts[k].part;
		for (i = 0; i < xr->nlines; i++)
			w[i] = x->lines[xr->lines[i]].base;
		if ((rc = spread(xr->part, w, xr->nlines, &xr->stage2)) != 0)
			goto fail;
		for (i = 0; i < xr->nlines; i++)
			if (xr->stage2.parts[i].part !=
			    x->lines[xr->lines[i]].commission) {
				rc = disagree(err, "a line's commission");
				goto done;
			}
	}
	for (i = 0; i < x->nlines; i++)
		if (x->lines[i].rule < 0 && x->lines[i].commission != 0) {
			rc = disagree(err, "an unmatched line's commission");
			goto done;
		}
	rc = 0;
	goto done;
big:
	rc = TC_ETOOBIG;
fail:
	rc = rc == TC_ENOMEM ? nomem(err) : rc == TC_ETOOBIG ? toobig(err) :
	    disagree(err, "a spread");
	goto done;
out:
	rc = nomem(err);
done:
	free(rid);
	free(w);
	return rc;
}

/* Steps 1-3 for each line of x: version, rule and rivals, share, base
 * value and credits. */
static int
explain_lines(const struct tce_plan *plan, const struct tce_input *in,
    const struct tce_result *res, size_t b, struct tce_explanation *x,
    struct tce_diag *err)
{
	for (size_t i = 0; i < x->nlines; i++) {
		const struct tce_line *l = &res->lines[b + i];
		const struct tce_row *row;
		struct tce_xline *xl = &x->lines[i];
		const struct tce_rule *chosen = NULL;

		if (l->row >= in->nrows)
			return disagree(err, "a line's row");
		row = &in->rows[l->row];
		xl->line = b + i;
		xl->row = l->row;
		xl->payment = l->payment;
		xl->date = l->date;
		xl->rule = l->rule;
		xl->base = l->base;
		xl->sales = l->sales;
		xl->commission = l->commission;
		xl->xpayment = xl->xitem = xl->xrule = xl->item = TCE_NONE;
		xl->version = tce_plan_version_at(plan, row->date);
		if (xl->version != NULL)
			chosen = tce_version_select(xl->version, row->attr);
		if ((chosen == NULL ? -1 : (int32_t)chosen->global) != l->rule)
			return disagree(err, "a line's rule");
		for (uint32_t s = 0; s < row->nshares; s++)
			if (strcmp(in->shares[row->share0 + s].rep, x->rep) == 0)
				xl->share = in->shares[row->share0 + s].share;
		if (chosen != NULL && chosen->base != TCE_BASE_COLLECTED)
			xl->value = row_value(chosen, row);
		if (rivals(plan, row, xl) != 0)
			return nomem(err);
	}
	return 0;
}

/* The credits of each line are its share of its value, as tce_calc
 * credited them. */
static int
check_credits(const struct tce_plan *plan, const struct tce_input *in,
    struct tce_explanation *x, struct tce_diag *err)
{
	for (size_t i = 0; i < x->nlines; i++) {
		const struct tce_xline *xl = &x->lines[i];
		tc_i128 base, sales;
		if (xl->rule < 0)
			continue;
		sales = plan->rules[xl->rule]->base == TCE_BASE_COLLECTED ?
		    xl->value : in->rows[xl->row].amount;
		if (tce_mul(xl->share, xl->value, &base) ||
		    tce_mul(xl->share, sales, &sales))
			return toobig(err);
		if (base != xl->base || sales != xl->sales)
			return disagree(err, "a line's credit");
	}
	return 0;
}

int
tce_explain(const struct tce_plan *plan, const struct tce_input *in,
    const struct tce_result *res, const char *rep, int32_t period,
    struct tce_explanation **out, struct tce_diag *err)
{
	struct tce_explanation *x;
	size_t lo = 0, hi = res->nreps, b, e;
	uint32_t r;
	int rc;

	*out = NULL;
	memset(err, 0, sizeof(*err));
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		if (strcmp(res->reps[m], rep) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	r = (uint32_t)lo;
	lo = 0;
	hi = res->nsummary;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		const struct tce_summary *s = &res->summary[m];
		if (s->rep < r || (s->rep == r && s->period < period))
			lo = m + 1;
		else
			hi = m;
	}
	if (r >= res->nreps || strcmp(res->reps[r], rep) != 0 ||
	    lo == res->nsummary || res->summary[lo].rep != r ||
	    res->summary[lo].period != period) {
		char l[16];
		tc_period_label(l, res->period, period);
		memset(err, 0, sizeof(*err));
		err->src = TCE_SRC_NONE;
		snprintf(err->msg, sizeof(err->msg), "rep \"%s\" has no "
		    "commission row in period %s", rep, l);
		return TC_ENOTFOUND;
	}
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return nomem(err);
	x->rep = res->reps[r];
	x->kind = res->period;
	x->period = period;
	x->summary = res->summary[lo];
	x->has_target = x->summary.has_target;
	x->target = x->summary.target;
	x->version = tce_plan_version_at(plan, tc_period_first(res->period,
	    period));
	find_lines(res, r, period, &b, &e);
	x->nlines = e - b;
	if ((x->lines = calloc(x->nlines + 1, sizeof(*x->lines))) == NULL) {
		rc = nomem(err);
		goto fail;
	}
	if ((rc = explain_lines(plan, in, res, b, x, err)) != 0 ||
	    (rc = explain_payments(in, x, err)) != 0 ||
	    (rc = check_credits(plan, in, x, err)) != 0)
		goto fail;
	for (size_t i = 0; i < x->nlines; i++)
		if (tce_add(x->sales, x->lines[i].sales, &x->sales)) {
			rc = toobig(err);
			goto fail;
		}
	if (tc_div_round(x->sales, TCE_BASE_MONEY_SCALE) != x->summary.sales) {
		rc = disagree(err, "the period sales");
		goto fail;
	}
	if ((rc = explain_rules(plan, x, err)) != 0)
		goto fail;
	*out = x;
	return 0;
fail:
	tce_explanation_free(x);
	return rc;
}

void
tce_explanation_free(struct tce_explanation *x)
{
	if (x == NULL)
		return;
	for (size_t i = 0; i < x->nrules; i++) {
		free(x->rules[i].slices);
		free(x->rules[i].stage2.parts);
		free(x->rules[i].lines);
	}
	free(x->rules);
	free(x->stage1.parts);
	for (size_t i = 0; i < x->nlines; i++)
		free(x->lines[i].rivals);
	free(x->lines);
	for (size_t i = 0; i < x->npayments; i++) {
		free(x->payments[i].rows);
		free(x->payments[i].spread.parts);
	}
	free(x->payments);
	free(x);
}

const char *
tce_xfig_money(char *b, tc_i128 fen)
{
	tce_xfmt_fixed(b, fen, TCE_XD_MONEY, 2);
	return b;
}

const char *
tce_xfig_pct(char *b, int64_t v)
{
	size_t n = tce_xfmt_fixed(b, v, TCE_XD_PERCENT, 0);

	memcpy(b + n, "%", 2);
	return b;
}

const char *
tce_xfig_mult(char *b, int64_t v)
{
	tce_xfmt_fixed(b, v, TCE_XD_MULT, 0);
	return b;
}

const char *
tce_xfig_base(char *b, const struct tce_rule *r, tc_i128 v)
{
	if (r->base == TCE_BASE_QUANTITY)
		tce_xfmt_fixed(b, v, TCE_XD_QTY_BASE, 0);
	else
		tce_xfmt_fixed(b, v, TCE_XD_BASE, 2);
	return b;
}

const char *
tce_xfig_value(char *b, const struct tce_rule *r, tc_i128 v)
{
	if (r->base == TCE_BASE_QUANTITY)
		tce_xfmt_fixed(b, v, TCE_XD_QTY, 0);
	else
		tce_xfmt_fixed(b, v, TCE_XD_MONEY, 2);
	return b;
}

const char *
tce_xfig_rule(char *b, tc_i128 v)
{
	tce_xfmt_fixed(b, v, TCE_XD_RULE, 2);
	return b;
}

const char *
tce_xfig_period(char *b, tc_i128 v)
{
	tce_xfmt_fixed(b, v, TCE_XD_PERIOD, 2);
	return b;
}

const char *
tce_xfig_date(char *b, int32_t d, const char *open)
{
	if (d == TCE_DATE_OPEN)
		snprintf(b, TCE_XFMT_LEN, "%s", open);
	else
		snprintf(b, TCE_XFMT_LEN, "%04d-%02d-%02d", d / 10000,
		    d / 100 % 100, d % 100);
	return b;
}
