/* summary.c: targets, steps 4-10 and the order of the outputs. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "engine/run.h"
#include "engine/commission.h"
#include "engine/sort.h"
#include "core/error.h"

/* Indexes targets.csv by (rep, period) for the plans' period kind,
 * refusing duplicates (of any kind) and warning about other kinds. */
int
eng_index_targets(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct tce_strmap all;
	uint32_t *slot;
	int added;

	if (tce_strmap_init(&all, in->ntargets) != 0 ||
	    tce_strmap_init(&c->targets_map, in->ntargets) != 0) {
		tce_strmap_free(&all);
		return eng_nomem(c);
	}
	for (size_t i = 0; i < in->ntargets; i++) {
		const struct tce_target *t = &in->targets[i];
		uint64_t tag = ((uint64_t)t->kind << 32) | (uint32_t)t->period;
		if (tce_strmap_put(&all, t->rep, tag, (uint32_t)i, &slot,
		    &added) != 0) {
			tce_strmap_free(&all);
			return eng_nomem(c);
		}
		if (!added) {
			char l[16];
			tc_period_label(l, t->kind, t->period);
			eng_diag(c->err, TCE_SRC_TARGETS, t->src_line,
			    "target for rep \"%s\" period %s: repeated",
			    t->rep, l);
			tce_strmap_free(&all);
			return TC_EINVAL;
		}
	}
	tce_strmap_free(&all);
	for (size_t i = 0; i < in->ntargets; i++) {
		const struct tce_target *t = &in->targets[i];
		if (t->kind != c->plan->period) {
			char l[16];
			tc_period_label(l, t->kind, t->period);
			if (eng_warn(c, TCE_SRC_TARGETS, t->src_line, "target for "
			    "rep %s period %s is not a %s: ignored", t->rep, l,
			    tc_period_kind_name(c->plan->period)) != 0)
				return eng_nomem(c);
			continue;
		}
		if (tce_strmap_put(&c->targets_map, t->rep, (uint32_t)t->period,
		    (uint32_t)i, &slot, &added) != 0)
			return eng_nomem(c);
	}
	return 0;
}

/* Orders the lines as section 3.2 (and the ties of step 10) say. */
static int
line_cmp(const struct tce_line *x, const struct tce_line *y, const void *ctx)
{
	const struct tce_input *in = ctx;
	int d;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->row != y->row) {
		if (x->order != y->order) {
			if (x->oprefix != y->oprefix)
				return x->oprefix < y->oprefix ? -1 : 1;
			d = strcmp(in->rows[x->row].order_id,
			    in->rows[y->row].order_id);
			if (d)
				return d;
		}
		if (in->rows[x->row].line != in->rows[y->row].line)
			return in->rows[x->row].line < in->rows[y->row].line ?
			    -1 : 1;
	}
	if (x->payment == y->payment)
		return 0;
	if (x->payment == TCE_NONE)
		return -1;
	if (y->payment == TCE_NONE)
		return 1;
	return strcmp(in->payments[x->payment].payment_id,
	    in->payments[y->payment].payment_id);
}

/* Steps 4-10 for one rep and period: lines [b, e). */
struct group_scratch {
	tc_i128 *ruleB;     /* per global rule */
	int32_t  *slot;      /* per global rule: slot, -1 */
	uint32_t *touched;   /* slot -> rule */
	tc_i128 *rulec;     /* slot -> rule commission */
	int64_t  *rulepart;  /* slot -> fen */
	uint32_t *cnt;       /* slot -> count, then start */
	uint32_t *pos;       /* group items by slot */
	tc_i128 *w;
	int64_t  *out;
	size_t    cap;
};

static int
do_group(struct calc *c, struct group_scratch *g, struct tce_line *L,
    size_t b, size_t e, struct tce_summary *sum)
{
	const struct tce_plan *plan = c->plan;
	const struct tce_version *v;
	const struct tce_target *t = NULL;
	uint32_t nt = 0, *tv, i, s;
	tc_i128 S = 0, C = 0, x;
	int64_t mult = 10000;
	money_t comm, bonus = 0;
	size_t n = e - b, k;
	int rc;

	if (n > g->cap) {
		size_t nc = n * 2;
		free(g->pos);
		free(g->w);
		free(g->out);
		g->pos = malloc(nc * sizeof(*g->pos));
		g->w = malloc(nc * sizeof(*g->w));
		g->out = malloc(nc * sizeof(*g->out));
		if (!g->pos || !g->w || !g->out)
			return eng_nomem(c);
		g->cap = nc;
	}
	for (k = b; k < e; k++) {
		int32_t r = L[k].rule;
		if (tce_add(S, L[k].sales, &S))
			return eng_overflow(c, TCE_SRC_NONE, 0);
		if (r < 0)
			continue;
		if (g->slot[r] < 0) {
			g->slot[r] = 0;
			g->touched[nt++] = (uint32_t)r;
			g->ruleB[r] = 0;
		}
		if (tce_add(g->ruleB[r], L[k].base, &g->ruleB[r]))
			return eng_overflow(c, TCE_SRC_NONE, 0);
	}
	/* earlier version, then earlier in the file: global rule order */
	for (i = 1; i < nt; i++) {
		uint32_t x = g->touched[i], j = i;
		while (j > 0 && g->touched[j - 1] > x) {
			g->touched[j] = g->touched[j - 1];
			j--;
		}
		g->touched[j] = x;
	}
	for (s = 0; s < nt; s++) {
		uint32_t r = g->touched[s];
		g->slot[r] = (int32_t)s;
		if (tce_rule_commission(plan->rules[r], g->ruleB[r], &g->rulec[s])
		    || tce_add(C, g->rulec[s], &C))
			return eng_overflow(c, TCE_SRC_NONE, 0);
	}
	v = tce_plan_version_at(plan, tc_period_first(plan->period,
	    L[b].period));
	tv = tce_strmap_get(&c->targets_map, c->res->reps[L[b].rep],
	    (uint32_t)L[b].period);
	if (tv != NULL)
		t = &c->in->targets[*tv];
	memset(sum, 0, sizeof(*sum));
	sum->rep = L[b].rep;
	sum->period = L[b].period;
	x = tc_div_round(S, TCE_BASE_MONEY_SCALE);
	if (x > INT64_MAX || x < -INT64_MAX)
		return eng_overflow(c, TCE_SRC_NONE, 0);
	sum->sales = (money_t)x;
	if (t != NULL) {
		sum->has_target = true;
		sum->target = t->amount;
		x = tc_div_round(S, (tc_i128)t->amount * 100);
		if (x > INT64_MAX || x < -INT64_MAX)
			return eng_overflow(c, TCE_SRC_NONE, 0);
		sum->attainment = (int64_t)x;
		if (v != NULL) {
			for (k = 0; k < v->naccel; k++)
				if (S >= (tc_i128)v->accel[k].at * t->amount)
					mult = v->accel[k].value;
			for (k = 0; k < v->nbonus; k++)
				if (S >= (tc_i128)v->bonus[k].at * t->amount)
					bonus = v->bonus[k].value;
		}
	}
	if (tce_period_commission(C, mult, v != NULL && v->has_cap,
	    v != NULL ? v->cap : 0, &comm))
		return eng_overflow(c, TCE_SRC_NONE, 0);
	sum->commission = comm;
	sum->bonus = bonus;
	if (__builtin_add_overflow(comm, bonus, &sum->total))
		return eng_overflow(c, TCE_SRC_NONE, 0);

	/* step 10, stage 1: over the rules */
	rc = tce_largest_remainder(comm, g->rulec, nt, g->rulepart);
	if (rc)
		return rc == TC_ENOMEM ? eng_nomem(c) : eng_overflow(c, TCE_SRC_NONE, 0);
	/* stage 2: each rule's part over its lines, in line order */
	for (s = 0; s <= nt; s++)
		g->cnt[s] = 0;
	for (k = b; k < e; k++) {
		L[k].commission = 0;
		if (L[k].rule >= 0)
			g->cnt[g->slot[L[k].rule] + 1]++;
	}
	for (s = 1; s <= nt; s++)
		g->cnt[s] += g->cnt[s - 1];
	for (k = b; k < e; k++)
		if (L[k].rule >= 0)
			g->pos[g->cnt[g->slot[L[k].rule]]++] = (uint32_t)k;
	/* cnt[s] is now the end of slot s */
	for (s = 0; s < nt; s++) {
		uint32_t from = s ? g->cnt[s - 1] : 0, to = g->cnt[s];
		for (i = from; i < to; i++)
			g->w[i - from] = L[g->pos[i]].base;
		rc = tce_largest_remainder(g->rulepart[s], g->w, to - from,
		    g->out);
		if (rc)
			return rc == TC_ENOMEM ? eng_nomem(c) :
			    eng_overflow(c, TCE_SRC_NONE, 0);
		for (i = from; i < to; i++)
			L[g->pos[i]].commission = g->out[i - from];
	}
	for (s = 0; s < nt; s++)
		g->slot[g->touched[s]] = -1;
	return 0;
}

/* Steps 4-10 for the n sorted lines L (whole reps): the summary rows go
 * to a new array in *sumout (*nsum rows). */
static int
summarise(struct calc *c, struct tce_line *L, size_t n,
    struct tce_summary **sumout, size_t *nsum)
{
	struct group_scratch g;
	struct tce_summary *sum = NULL;
	size_t nr = c->plan->nrules + 1, b, k, cap = 0, ns = 0;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	g.ruleB = calloc(nr, sizeof(*g.ruleB));
	g.slot = malloc(nr * sizeof(*g.slot));
	g.touched = malloc(nr * sizeof(*g.touched));
	g.rulec = malloc(nr * sizeof(*g.rulec));
	g.rulepart = malloc(nr * sizeof(*g.rulepart));
	g.cnt = malloc((nr + 1) * sizeof(*g.cnt));
	if (!g.ruleB || !g.slot || !g.touched || !g.rulec || !g.rulepart ||
	    !g.cnt) {
		rc = eng_nomem(c);
		goto out;
	}
	for (k = 0; k < nr; k++)
		g.slot[k] = -1;
	for (k = 0; k < n; k++)
		L[k].period = tc_period_of(c->plan->period, L[k].date);
	for (b = 0; b < n && rc == 0; b = k) {
		for (k = b + 1; k < n && L[k].rep == L[b].rep &&
		    L[k].period == L[b].period; k++)
			;
		if (tc_grow(&sum, &cap, ns + 1, 1024) != 0) {
			rc = eng_nomem(c);
			break;
		}
		rc = do_group(c, &g, L, b, k, &sum[ns++]);
	}
out:
	free(g.ruleB);
	free(g.slot);
	free(g.touched);
	free(g.rulec);
	free(g.rulepart);
	free(g.cnt);
	free(g.pos);
	free(g.w);
	free(g.out);
	*sumout = sum;
	*nsum = ns;
	return rc;
}

/* One half of the reps: sort its lines into place, then summarise. */
struct half {
	struct calc        c;      /* a copy, with its own err */
	struct tce_diag    err;
	const struct tce_line *src;
	size_t             n;
	struct tce_line   *dst;
	struct tce_summary *sum;
	size_t             nsum;
	int                rc;
};

static void *
run_half(void *arg)
{
	struct half *h = arg;

	h->rc = tce_sort_lines(h->src, h->n, h->dst, line_cmp, h->c.in);
	if (h->rc != 0)
		h->rc = eng_nomem(&h->c);
	else
		h->rc = summarise(&h->c, h->dst, h->n, &h->sum, &h->nsum);
	return NULL;
}

/* Sorts and summarises the lines in two halves split between reps, the
 * second on another thread when there are enough lines (the halves share
 * nothing but read-only data); the result is the same either way. */
int
eng_sort_and_summarise(struct calc *c)
{
	struct tce_result *res = c->res;
	struct tce_line *L = res->lines, *out;
	struct half h[2];
	size_t n = res->nlines, *cnt, n1 = 0, i, j;
	uint32_t m = 0;
	pthread_t tid;
	int threaded = 0, rc;

	if ((out = malloc((n + 1) * sizeof(*out))) == NULL ||
	    (cnt = calloc(res->nreps + 1, sizeof(*cnt))) == NULL) {
		free(out);
		return eng_nomem(c);
	}
	/* the first rep m past half of the lines; reps < m go first */
	for (i = 0; i < n; i++)
		cnt[L[i].rep]++;
	for (m = 0; m < res->nreps && n1 + cnt[m] <= n / 2; m++)
		n1 += cnt[m];
	free(cnt);
	for (i = 0, j = n; i < j;) {
		if (L[i].rep < m) {
			i++;
		} else {
			struct tce_line t = L[i];
			L[i] = L[--j];
			L[j] = t;
		}
	}
	memset(h, 0, sizeof(h));
	for (int k = 0; k < 2; k++) {
		h[k].c = *c;
		h[k].c.err = &h[k].err;
		h[k].src = L + (k ? n1 : 0);
		h[k].n = k ? n - n1 : n1;
		h[k].dst = out + (k ? n1 : 0);
	}
	if (n >= TCE_THREAD_LINES &&
	    pthread_create(&tid, NULL, run_half, &h[1]) == 0)
		threaded = 1;
	run_half(&h[0]);
	if (threaded)
		pthread_join(tid, NULL);
	else
		run_half(&h[1]);
	free(L);
	res->lines = out;
	rc = h[0].rc ? h[0].rc : h[1].rc;
	if (rc != 0)
		*c->err = h[0].rc ? h[0].err : h[1].err;
	else if ((res->summary = malloc((h[0].nsum + h[1].nsum + 1) *
	    sizeof(*res->summary))) == NULL)
		rc = eng_nomem(c);
	else {
		/* A half with no reps has no array: memcpy wants one even
		 * for 0 bytes. */
		if (h[0].nsum > 0)
			memcpy(res->summary, h[0].sum,
			    h[0].nsum * sizeof(*h[0].sum));
		if (h[1].nsum > 0)
			memcpy(res->summary + h[0].nsum, h[1].sum,
			    h[1].nsum * sizeof(*h[1].sum));
		res->nsummary = h[0].nsum + h[1].nsum;
	}
	free(h[0].sum);
	free(h[1].sum);
	return rc;
}

