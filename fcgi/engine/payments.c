/* payments.c: payments.csv against the orders, and the credits of
 * collected cash (1.3). */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/run.h"
#include "engine/commission.h"
#include "engine/sort.h"
#include "core/error.h"
#include "core/sort.h"

struct pay_ent {
	int32_t     date;
	uint32_t    idx;
	const char *id;
};

static int
pay_ent_cmp(const void *a, const void *b)
{
	const struct pay_ent *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void
money_text(char *buf, tc_i128 fen)
{
	if (fen > INT64_MAX || fen < -INT64_MAX)
		snprintf(buf, 24, "(too large)");
	else
		tc_money_format(buf, (money_t)fen, false);
}

/* Credits the payments of one order (1.3) to its collected lines. */
static int
collect_order(struct calc *c, struct order *od, struct pay_ent *pe,
    tc_i128 *w, int64_t *parts, uint32_t *lines)
{
	const struct tce_input *in = c->in;
	tc_i128 raw = 0, credited = 0;
	uint32_t nl = 0, k;
	int rc;

	for (k = 0; k < od->n; k++) {
		uint32_t row = c->ord_rows[od->start + k];
		if (!in->rows[row].cancelled) {
			lines[nl] = row;
			w[nl++] = in->rows[row].amount;
		}
	}
	for (k = 0; k < od->np; k++) {
		pe[k].idx = c->ord_pays[od->pstart + k];
		pe[k].date = in->payments[pe[k].idx].date;
		pe[k].id = in->payments[pe[k].idx].payment_id;
	}
	tc_sort(pe, od->np, sizeof(*pe), pay_ent_cmp);
	for (k = 0; k < od->np; k++) {
		const struct tce_payment *p = &in->payments[pe[k].idx];
		tc_i128 delta;
		char a[24], b[24];

		if (nl == 0 || od->amount == 0) {
			if (eng_warn(c, TCE_SRC_PAYMENTS,
			    p->src_line, "payment %s credits nothing: order %s "
			    "%s", p->payment_id, p->order_id, nl == 0 ?
			    "has no booked lines" : "amounts to 0") != 0)
				return eng_nomem(c);
			continue;
		}
		if (tce_payment_step(od->amount, p->amount, &raw, &credited,
		    &delta))
			return eng_overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		if (delta != p->amount) {
			money_text(a, delta);
			money_text(b, p->amount);
			if (eng_warn(c, TCE_SRC_PAYMENTS, p->src_line, "payment %s "
			    "credits %s of its %s to order %s", p->payment_id,
			    a, b, p->order_id) != 0)
				return eng_nomem(c);
		}
		if (delta == 0)
			continue;
		if (delta > INT64_MAX || delta < -INT64_MAX)
			return eng_overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		rc = tce_largest_remainder((int64_t)delta, w, nl, parts);
		if (rc == TC_ENOMEM)
			return eng_nomem(c);
		if (rc)
			return eng_overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		for (uint32_t j = 0; j < nl; j++) {
			int32_t rule = c->row_rule[lines[j]];
			if (rule < 0 ||
			    c->plan->rules[rule]->base != TCE_BASE_COLLECTED)
				continue;
			rc = eng_add_credit(c, &in->rows[lines[j]], lines[j],
			    pe[k].idx, p->date, rule, parts[j], parts[j],
			    TCE_SRC_PAYMENTS, p->src_line);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Credits the payments of orders [from, to). */
static int
collect_range(struct calc *c, size_t from, size_t to)
{
	struct pay_ent *pe = malloc((c->maxp + 1) * sizeof(*pe));
	tc_i128 *w = malloc((c->maxn + 1) * sizeof(*w));
	int64_t *parts = malloc((c->maxn + 1) * sizeof(*parts));
	uint32_t *lines = malloc((c->maxn + 1) * sizeof(*lines));
	int rc = 0;

	if (!pe || !w || !parts || !lines)
		rc = eng_nomem(c);
	for (size_t o = from; o < to && rc == 0; o++)
		if (c->orders[o].np > 0)
			rc = collect_order(c, &c->orders[o], pe, w, parts, lines);
	free(pe);
	free(w);
	free(parts);
	free(lines);
	return rc;
}

struct hent {
	uint32_t key;   /* hash of the payment_id */
	uint32_t idx;
};

struct sent {
	const char *s;
	uint32_t    idx;
};

static int
sent_cmp(const void *x, const void *y)
{
	const struct sent *a = x, *b = y;
	int d = strcmp(a->s, b->s);

	return d ? d : (a->idx > b->idx) - (a->idx < b->idx);
}

/* Finds the first payment (in file order) whose payment_id an earlier
 * one already has, by sorting the hashes of the ids (cheaper than a hash
 * table of a million ids); stores its index, or npayments, in *dup. */
int
eng_first_repeated_payment(struct calc *c, size_t *dup)
{
	const struct tce_input *in = c->in;
	size_t n = in->npayments, i, j, run, *cnt;
	struct hent *a, *b, *t;

	*dup = n;
	a = malloc(n * sizeof(*a));
	b = malloc(n * sizeof(*b));
	cnt = malloc(2048 * sizeof(*cnt));
	if (!a || !b || !cnt) {
		free(a);
		free(b);
		free(cnt);
		return eng_nomem(c);
	}
	for (i = 0; i < n; i++) {
		a[i].key = tce_strmap_hash(in->payments[i].payment_id, 0);
		a[i].idx = (uint32_t)i;
	}
	/* stable LSD radix sort, 11 bits at a time: equal hashes stay in
	 * file order */
	for (int shift = 0; shift < 32; shift += 11) {
		size_t sum = 0;
		memset(cnt, 0, 2048 * sizeof(*cnt));
		for (i = 0; i < n; i++)
			cnt[(a[i].key >> shift) & 2047]++;
		for (i = 0; i < 2048; i++) {
			size_t x = cnt[i];
			cnt[i] = sum;
			sum += x;
		}
		for (i = 0; i < n; i++)
			b[cnt[(a[i].key >> shift) & 2047]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for (i = 0; i < n; i = run) {
		for (run = i + 1; run < n && a[run].key == a[i].key; run++)
			;
		if (run - i > 32) {
			/* many equal hashes: sort the run by id instead */
			struct sent *e = malloc((run - i) * sizeof(*e));
			if (e == NULL) {
				free(a);
				free(b);
				free(cnt);
				return eng_nomem(c);
			}
			for (j = i; j < run; j++) {
				e[j - i].s = in->payments[a[j].idx].payment_id;
				e[j - i].idx = a[j].idx;
			}
			tc_sort(e, run - i, sizeof(*e), sent_cmp);
			for (j = 1; j < run - i; j++)
				if (strcmp(e[j].s, e[j - 1].s) == 0 &&
				    (j < 2 || strcmp(e[j - 2].s, e[j].s) != 0) &&
				    e[j].idx < *dup)
					*dup = e[j].idx;
			free(e);
			continue;
		}
		for (j = i + 1; j < run && a[j].idx < *dup; j++)
			for (size_t k = i; k < j; k++)
				if (strcmp(in->payments[a[j].idx].payment_id,
				    in->payments[a[k].idx].payment_id) == 0) {
					*dup = a[j].idx;
					break;
				}
	}
	free(a);
	free(b);
	free(cnt);
	return 0;
}

/* Checks payments.csv against orders.csv and credits the collected
 * lines (1.3). */
int
eng_credit_payments(struct calc *c)
{
	const struct tce_input *in = c->in;
	uint32_t *porder = NULL, maxn = 0, maxp = 0, sum;
	uint32_t hord[BATCH];
	size_t dup;
	int rc = 0;
	size_t o;

	if (in->npayments == 0)
		return 0;
	dup = c->dup;
	if ((porder = malloc(in->npayments * sizeof(*porder))) == NULL ||
	    (c->ord_pays = malloc(in->npayments * sizeof(uint32_t))) == NULL) {
		rc = eng_nomem(c);
		goto out;
	}
	for (size_t i = 0; i < in->npayments; i++) {
		const struct tce_payment *p = &in->payments[i];
		uint32_t *ov, k = (uint32_t)(i % BATCH);
		if (k == 0) {
			for (uint32_t j = 0; j < BATCH && i + j < in->npayments;
			    j++) {
				const struct tce_payment *q = &in->payments[i + j];
				hord[j] = tce_strmap_hash(q->order_id, 0);
				tce_strmap_prefetch(&c->orders_map, hord[j]);
			}
		}
		if (i == dup) {
			eng_diag(c->err, TCE_SRC_PAYMENTS, p->src_line,
			    "payment_id \"%s\": repeated", p->payment_id);
			rc = TC_EINVAL;
			goto out;
		}
		if ((ov = tce_strmap_get_h(&c->orders_map, p->order_id, 0,
		    hord[k])) == NULL) {
			eng_diag(c->err, TCE_SRC_PAYMENTS, p->src_line,
			    "order_id \"%s\": no such order in the orders",
			    p->order_id);
			rc = TC_EINVAL;
			goto out;
		}
		porder[i] = *ov;
		c->orders[*ov].np++;
	}
	for (o = 0, sum = 0; o < c->norders; o++) {
		c->orders[o].pstart = sum;
		sum += c->orders[o].np;
		if (c->orders[o].np > maxp)
			maxp = c->orders[o].np;
		if (c->orders[o].n > maxn)
			maxn = c->orders[o].n;
		c->orders[o].np = 0;
	}
	for (size_t i = 0; i < in->npayments; i++) {
		struct order *od = &c->orders[porder[i]];
		c->ord_pays[od->pstart + od->np++] = (uint32_t)i;
	}
	c->maxp = maxp;
	c->maxn = maxn;
	rc = in->npayments < TCE_THREAD_ROWS ?
	    collect_range(c, 0, c->norders) :
	    eng_in_halves(c, collect_range, c->norders);
out:
	free(porder);
	return rc;
}

