/* props-t.c: properties of the engine over generated inputs (fixed
 * seeds, so every run checks the same cases):
 *  - a rep's lines in a period add up to its summary commission;
 *  - the explanation of every rep and period adds up: its spreads, tier
 *    slices, credits, payments and steps give the summary row and every
 *    line to the fen;
 *  - shuffling rows and columns changes nothing;
 *  - splitting an order line no payment touches into two changes no
 *    summary;
 *  - scaling every amount, target, cap (and money in the plan) by 10
 *    scales every money figure of the summary by 10 when no rounding
 *    intervenes (inputs on a coarse grid). */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "engine/commission.h"
#include "engine/explain.h"

static uint64_t
rnd(uint64_t *s)
{
	/* xorshift64* */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static long
pick(uint64_t *s, long n)
{
	return (long)(rnd(s) % (uint64_t)n);
}

struct grow {
	char order[16];
	int  line;
	int  date;
	char rep[48];
	const char *ptype, *region;
	long qty;        /* thousandths */
	long amount;     /* fen */
	long cost;
	int  has_cost;
	int  cancelled;
};

struct gpay {
	char id[16];
	char order[16];
	int  date;
	long amount;
};

struct gtarget {
	const char *rep;
	int month;
	long amount;
};

struct gen {
	struct grow    rows[400];
	int            nrows;
	struct gpay    pays[300];
	int            npays;
	struct gtarget targets[40];
	int            ntargets;
	int            coarse;
	long           scale;    /* money multiplier (1 or 10) */
};

static const char *const reps[] = { "ann", "bob", "cy", "dora", "eve", "李娜" };
static const char *const ptypes[] = { "hw", "sw", "svc", "cons", "mg", "misc" };

static int
rand_date(uint64_t *s, int from_month)
{
	int m = from_month + (int)pick(s, 13 - from_month);
	return 20260000 + m * 100 + 1 + (int)pick(s, 28);
}

static void
generate(struct gen *g, uint64_t seed, int coarse, int single_lines)
{
	uint64_t s = seed * 0x9E3779B97F4A7C15ULL + 1;
	int norders = 30 + (int)pick(&s, 50);

	memset(g, 0, sizeof(*g));
	g->coarse = coarse;
	g->scale = 1;
	for (int o = 0; o < norders && g->nrows < 390; o++) {
		int nl = single_lines ? 1 : 1 + (int)pick(&s, 3);
		int date = rand_date(&s, 1);
		int ret = pick(&s, 100) < 5;
		char rep[48];
		if (pick(&s, 100) < 20) {
			const char *a = reps[pick(&s, 6)], *b;
			do b = reps[pick(&s, 6)]; while (b == a);
			if (coarse)
				snprintf(rep, sizeof(rep), "%s:%d|%s:%d", a,
				    (int)(1 + pick(&s, 9)) * 10, b, 0);
			else
				snprintf(rep, sizeof(rep), "%s:33.3333|%s:66.6667",
				    a, b);
			if (coarse) { /* fix the second share */
				int sa = atoi(strchr(rep, ':') + 1);
				snprintf(rep, sizeof(rep), "%s:%d|%s:%d", a, sa, b,
				    100 - sa);
			}
		} else
			snprintf(rep, sizeof(rep), "%s", reps[pick(&s, 6)]);
		for (int l = 0; l < nl; l++) {
			struct grow *r = &g->rows[g->nrows++];
			snprintf(r->order, sizeof(r->order), "O%d", o);
			r->line = l + 1;
			r->date = date;
			snprintf(r->rep, sizeof(r->rep), "%s", rep);
			r->ptype = ptypes[pick(&s, 6)];
			r->region = pick(&s, 2) ? "east" : "west";
			r->qty = coarse ? (1 + pick(&s, 20)) * 1000 :
			    1 + pick(&s, 20000);
			r->amount = coarse ? (1 + pick(&s, 60)) * 10000 :
			    1 + pick(&s, 3000000);
			if (ret) {
				r->qty = -r->qty;
				r->amount = -r->amount;
			}
			if (strcmp(r->ptype, "mg") == 0 || pick(&s, 4) == 0) {
				r->has_cost = 1;
				r->cost = coarse ? pick(&s, 70) * 10000 :
				    pick(&s, 3500000);
			}
			r->cancelled = pick(&s, 100) < 3;
		}
	}
	/* payments: on half of the orders, 1-3 of them, sometimes refunds */
	for (int o = 0; o < norders && g->npays < 280; o++) {
		int np, date0 = 0;
		if (pick(&s, 2))
			continue;
		for (int i = 0; i < g->nrows; i++) {
			char id[16];
			snprintf(id, sizeof(id), "O%d", o);
			if (strcmp(g->rows[i].order, id) == 0) {
				date0 = g->rows[i].date;
				break;
			}
		}
		if (date0 == 0)
			continue;
		np = 1 + (int)pick(&s, 3);
		for (int p = 0; p < np; p++) {
			struct gpay *y = &g->pays[g->npays++];
			snprintf(y->id, sizeof(y->id), "P%d", g->npays);
			snprintf(y->order, sizeof(y->order), "O%d", o);
			y->date = rand_date(&s, date0 / 100 % 100);
			y->amount = coarse ? (pick(&s, 50) - 5) * 10000 :
			    pick(&s, 2500000) - 200000;
		}
	}
	for (int t = 0; t < 30; t++) {
		struct gtarget *x = &g->targets[g->ntargets];
		x->rep = reps[pick(&s, 6)];
		x->month = 1 + (int)pick(&s, 12);
		x->amount = coarse ? (1 + pick(&s, 30)) * 100000 :
		    1 + pick(&s, 10000000);
		int dup = 0;
		for (int k = 0; k < g->ntargets; k++)
			if (g->targets[k].rep == x->rep &&
			    g->targets[k].month == x->month)
				dup = 1;
		if (!dup)
			g->ntargets++;
	}
}

static char *
plan_text(const struct gen *g, int version)
{
	char *buf = malloc(8192);
	long k = g->scale;
	const char *r1 = g->coarse ? "6%" : "6.25%";
	const char *mult = g->coarse ? "1.2" : "1.25";

	if (version == 0)
		snprintf(buf, 8192, "{\"plan\":\"H1\",\"effective_from\":"
		    "\"2026-01-01\",\"effective_to\":\"2026-06-30\",\"rules\":["
		    "{\"id\":\"hw-east\",\"priority\":5,\"match\":{\"product_type\":"
		    "\"hw\",\"region\":\"east\"},\"base\":\"amount\",\"rate\":"
		    "\"%s\"},"
		    "{\"id\":\"hw\",\"match\":{\"product_type\":\"hw\"},\"base\":"
		    "\"amount\",\"tiers\":{\"mode\":\"marginal\",\"bands\":["
		    "{\"upto\":\"%ld\",\"rate\":\"2%%\"},{\"upto\":\"%ld\","
		    "\"rate\":\"5%%\"},{\"rate\":\"8%%\"}]}},"
		    "{\"id\":\"sw\",\"match\":{\"product_type\":\"sw\"},\"base\":"
		    "\"amount\",\"tiers\":{\"mode\":\"whole\",\"bands\":["
		    "{\"upto\":\"%ld\",\"rate\":\"3%%\"},{\"rate\":\"7%%\"}]}},"
		    "{\"id\":\"svc\",\"match\":{\"product_type\":\"svc\"},"
		    "\"base\":\"collected\",\"rate\":\"10%%\"},"
		    "{\"id\":\"cons\",\"match\":{\"product_type\":\"cons\"},"
		    "\"base\":\"quantity\",\"per_unit\":\"%ld\"},"
		    "{\"id\":\"mg\",\"match\":{\"product_type\":\"mg\"},"
		    "\"base\":\"margin\",\"rate\":\"12%%\"}],"
		    "\"accelerators\":[{\"attainment\":\"100%%\",\"multiplier\":"
		    "\"%s\"},{\"attainment\":\"150%%\",\"multiplier\":\"1.5\"}],"
		    "\"cap\":\"%ld\",\"bonuses\":[{\"attainment\":\"100%%\","
		    "\"amount\":\"%ld\"}]}", r1, 5000 * k, 20000 * k, 8000 * k,
		    3 * k, mult, 30000 * k, 1000 * k);
	else
		snprintf(buf, 8192, "{\"plan\":\"H2\",\"effective_from\":"
		    "\"2026-07-01\",\"rules\":["
		    "{\"id\":\"svc\",\"match\":{\"product_type\":\"svc\"},"
		    "\"base\":\"collected\",\"rate\":\"9%%\"},"
		    "{\"id\":\"mg\",\"match\":{\"product_type\":\"mg\"},"
		    "\"base\":\"margin\",\"rate\":\"11%%\"},"
		    "{\"id\":\"all\",\"match\":{\"region\":\"east\"},"
		    "\"base\":\"amount\",\"rate\":\"4%%\"},"
		    "{\"id\":\"cons\",\"priority\":1,\"match\":{\"product_type\":"
		    "\"cons\"},\"base\":\"quantity\",\"per_unit\":\"%ld\"}],"
		    "\"accelerators\":[{\"attainment\":\"90%%\",\"multiplier\":"
		    "\"1.1\"}],\"cap\":\"%ld\"}", 2 * k, 40000 * k);
	return buf;
}

/* Text output of a value in fen */
static void
fen(char *b, long v)
{
	snprintf(b, 32, "%s%ld.%02ld", v < 0 ? "-" : "", labs(v) / 100,
	    labs(v) % 100);
}

static void
qty(char *b, long v)
{
	snprintf(b, 32, "%s%ld.%03ld", v < 0 ? "-" : "", labs(v) / 1000,
	    labs(v) % 1000);
}

/* Renders the three CSV files, rows in order perm (NULL: as generated)
 * and columns rotated by rot. */
static void
render(const struct gen *g, int shuffle, uint64_t seed, char **orders,
    char **payments, char **targets)
{
	static const char *const ocol[] = { "order_id", "line", "date", "rep",
	    "product_type", "region", "quantity", "amount", "cost", "status" };
	int perm[400], cperm[10], n;
	uint64_t s = seed + 77;
	size_t len;
	FILE *f;

	for (int i = 0; i < 10; i++)
		cperm[i] = i;
	for (int i = 0; i < 400; i++)
		perm[i] = i;
	if (shuffle) {
		for (int i = 9; i > 0; i--) {
			int j = (int)pick(&s, i + 1), t = cperm[i];
			cperm[i] = cperm[j];
			cperm[j] = t;
		}
		for (int i = g->nrows - 1; i > 0; i--) {
			int j = (int)pick(&s, i + 1), t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
	}
	f = open_memstream(orders, &len);
	for (int c = 0; c < 10; c++)
		fprintf(f, "%s%s", c ? "," : "", ocol[cperm[c]]);
	fputc('\n', f);
	for (int i = 0; i < g->nrows; i++) {
		const struct grow *r = &g->rows[perm[i]];
		for (int c = 0; c < 10; c++) {
			char b[64];
			switch (cperm[c]) {
			case 0: snprintf(b, sizeof(b), "%s", r->order); break;
			case 1: snprintf(b, sizeof(b), "%d", r->line); break;
			case 2: snprintf(b, sizeof(b), "%d-%02d-%02d",
			    r->date / 10000, r->date / 100 % 100, r->date % 100);
			    break;
			case 3: snprintf(b, sizeof(b), "%s", r->rep); break;
			case 4: snprintf(b, sizeof(b), "%s", r->ptype); break;
			case 5: snprintf(b, sizeof(b), "%s", r->region); break;
			case 6: qty(b, r->qty); break;
			case 7: fen(b, r->amount * g->scale); break;
			case 8: if (r->has_cost) fen(b, r->cost * g->scale);
			    else b[0] = '\0';
			    break;
			default: snprintf(b, sizeof(b), "%s", r->cancelled ?
			    "cancelled" : "booked");
			}
			fprintf(f, "%s%s", c ? "," : "", b);
		}
		fputc('\n', f);
	}
	fclose(f);
	n = g->npays;
	for (int i = 0; i < n; i++)
		perm[i] = i;
	if (shuffle)
		for (int i = n - 1; i > 0; i--) {
			int j = (int)pick(&s, i + 1), t = perm[i];
			perm[i] = perm[j];
			perm[j] = t;
		}
	f = open_memstream(payments, &len);
	fputs(shuffle ? "amount,date,order_id,payment_id\n" :
	    "payment_id,order_id,date,amount\n", f);
	for (int i = 0; i < n; i++) {
		const struct gpay *y = &g->pays[perm[i]];
		char b[32], d[16];
		fen(b, y->amount * g->scale);
		snprintf(d, sizeof(d), "%d-%02d-%02d", y->date / 10000,
		    y->date / 100 % 100, y->date % 100);
		if (shuffle)
			fprintf(f, "%s,%s,%s,%s\n", b, d, y->order, y->id);
		else
			fprintf(f, "%s,%s,%s,%s\n", y->id, y->order, d, b);
	}
	fclose(f);
	f = open_memstream(targets, &len);
	fputs(shuffle ? "amount,rep,period\n" : "rep,period,amount\n", f);
	for (int i = 0; i < g->ntargets; i++) {
		const struct gtarget *t = &g->targets[shuffle ?
		    g->ntargets - 1 - i : i];
		char b[32];
		fen(b, t->amount * g->scale);
		if (shuffle)
			fprintf(f, "%s,%s,2026-%02d\n", b, t->rep, t->month);
		else
			fprintf(f, "%s,2026-%02d,%s\n", t->rep, t->month, b);
	}
	fclose(f);
}

static void
run_gen(const struct gen *g, int shuffle, uint64_t seed, struct run *r)
{
	char *o, *p, *t, *p0 = plan_text(g, 0), *p1 = plan_text(g, 1);
	const char *plans[3] = { p1, p0, NULL }; /* order must not matter */

	render(g, shuffle, seed, &o, &p, &t);
	run_texts(plans, o, p, t, r);
	ck_assert_msg(r->rc == 0, "seed %llu: %s", (unsigned long long)seed,
	    r->error);
	free(o);
	free(p);
	free(t);
	free(p0);
	free(p1);
}

static long
parse_fen(const char *s)
{
	int neg = *s == '-';
	long y, c;

	if (neg)
		s++;
	sscanf(s, "%ld.%ld", &y, &c);
	return neg ? -(y * 100 + c) : y * 100 + c;
}

/* Splits a CSV line (no quoted fields in generated data) in place. */
static int
fields(char *line, char **f, int max)
{
	int n = 0;

	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == ',') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

START_TEST(lines_add_up_to_summary_commission)
{
	for (uint64_t seed = 1; seed <= 60; seed++) {
		struct gen *g = malloc(sizeof(*g));
		struct run r;
		char *sv, *lv, *line;
		generate(g, seed, 0, 0);
		run_gen(g, 0, seed, &r);
		/* sum lines per (rep, period), compare with the summary */
		sv = r.summary;
		strtok_r(sv, "\n", &sv); /* header */
		int nsum = 0;
		while ((line = strtok_r(NULL, "\n", &sv)) != NULL) {
			char *f[8], *l2, *lf[9], key[80];
			long want, got = 0;
			ck_assert_int_eq(fields(line, f, 8), 8);
			want = parse_fen(f[5]);
			snprintf(key, sizeof(key), "%s,%s,", f[0], f[1]);
			char *lines = strdup(r.lines);
			lv = lines;
			while ((l2 = strtok_r(lv, "\n", &lv)) != NULL) {
				if (strncmp(l2, key, strlen(key)) != 0)
					continue;
				fields(l2, lf, 9);
				got += parse_fen(lf[8]);
			}
			free(lines);
			ck_assert_msg(got == want, "seed %llu %s: lines add up to "
			    "%ld fen, summary says %ld", (unsigned long long)seed,
			    key, got, want);
			nsum++;
		}
		ck_assert_msg(nsum > 5, "seed %llu: only %d summary rows",
		    (unsigned long long)seed, nsum);
		run_free(&r);
		free(g);
	}
}
END_TEST

/* One largest-remainder spread is what it claims: total x weight / sum =
 * floor + rem / den for each item, the parts add up to total and exactly
 * `left` items got the extra fen. */
static void
check_spread(const struct tce_xspread *s, const char *what, uint64_t seed)
{
	int64_t floors = 0, parts = 0, extras = 0;

	for (size_t i = 0; i < s->n; i++) {
		const struct tce_xpart *p = &s->parts[i];
		if (s->sum != 0) {
			tc_i128 w = s->sum < 0 ? -p->weight : p->weight;
			ck_assert_msg((tc_i128)s->total * w ==
			    (tc_i128)p->floor * s->den + p->rem,
			    "seed %llu %s item %zu: floor and remainder",
			    (unsigned long long)seed, what, i);
		} else
			ck_assert(p->part == 0);
		ck_assert(p->rem >= 0 && p->rem < s->den);
		ck_assert(p->part == p->floor + (p->extra ? 1 : 0));
		floors += p->floor;
		parts += p->part;
		extras += p->extra;
	}
	if (s->sum != 0) {
		ck_assert_msg(parts == s->total, "seed %llu %s: parts %lld of %lld",
		    (unsigned long long)seed, what, (long long)parts,
		    (long long)s->total);
		ck_assert(floors + s->left == s->total);
		ck_assert(extras == s->left);
	}
}

static void
check_explanation(const struct run *r, const struct tce_summary *sum,
    const struct tce_explanation *x, uint64_t seed)
{
	const struct tce_plan *plan = r->plan;
	tc_i128 rule_sum = 0, sales = 0, cap;
	int64_t stage1 = 0, lines = 0;

	ck_assert_int_eq(x->commission, sum->commission);
	ck_assert_int_eq(x->bonus, sum->bonus);
	check_spread(&x->stage1, "stage 1", seed);
	ck_assert(x->stage1.total == sum->commission);
	for (size_t k = 0; k < x->nrules; k++) {
		const struct tce_xrule *xr = &x->rules[k];
		tc_i128 B = 0, sl = 0, want;
		int64_t part = 0;
		for (size_t i = 0; i < xr->nlines; i++) {
			const struct tce_xline *xl = &x->lines[xr->lines[i]];
			ck_assert(xl->xrule == k && xl->item == i);
			B += xl->base;
			part += xr->stage2.parts[i].part;
			ck_assert(xr->stage2.parts[i].part == xl->commission);
		}
		ck_assert(B == xr->base);
		for (size_t i = 0; i < xr->nslices; i++)
			sl += xr->slices[i].commission;
		ck_assert(tce_rule_commission(plan->rules[xr->rule], B,
		    &want) == 0);
		ck_assert_msg(sl == want && xr->commission == want,
		    "seed %llu: tier slices", (unsigned long long)seed);
		ck_assert(xr->part == x->stage1.parts[k].part);
		ck_assert(xr->stage2.total == xr->part);
		check_spread(&xr->stage2, "stage 2", seed);
		if (xr->stage2.sum != 0)
			ck_assert(part == xr->part);
		rule_sum += xr->commission;
		stage1 += xr->part;
	}
	if (x->stage1.sum != 0)
		ck_assert(stage1 == sum->commission);
	ck_assert(rule_sum == x->rule_sum);
	ck_assert(x->multiplied == x->rule_sum * x->multiplier);
	cap = (tc_i128)x->cap * TCE_PERIOD_SCALE;
	ck_assert(x->unrounded == (x->has_cap && x->multiplied > cap ? cap :
	    x->multiplied));
	ck_assert(x->capped == (x->unrounded != x->multiplied));
	ck_assert(tc_div_round(x->unrounded, TCE_PERIOD_SCALE) ==
	    sum->commission);
	for (size_t i = 0; i < x->nlines; i++) {
		const struct tce_xline *xl = &x->lines[i];
		const struct tce_line *l = &r->res->lines[xl->line];
		ck_assert(l->commission == xl->commission);
		ck_assert(xl->base == (tc_i128)xl->share * xl->value);
		lines += xl->commission;
		sales += xl->sales;
		if (xl->payment != TCE_NONE) {
			const struct tce_xpayment *p = &x->payments[xl->xpayment];
			ck_assert(p->payment == xl->payment);
			ck_assert(p->rows[xl->xitem] == xl->row);
			ck_assert(xl->value == p->spread.parts[xl->xitem].part);
			ck_assert(p->credit == p->credited_after -
			    p->credited_before);
			ck_assert(p->raw_after - p->raw_before ==
			    r->in->payments[p->payment].amount);
			ck_assert(p->spread.total == p->credit);
			check_spread(&p->spread, "payment", seed);
		}
		if (xl->rule < 0)
			ck_assert(xl->commission == 0 && xl->nrivals == 0);
	}
	ck_assert_msg(lines == sum->commission, "seed %llu: lines %lld, "
	    "summary %lld", (unsigned long long)seed, (long long)lines,
	    (long long)sum->commission);
	ck_assert(sales == x->sales);
	ck_assert(tc_div_round(sales, 1000000) == sum->sales);
	if (x->has_target)
		ck_assert(tc_div_round(x->sales * 100, x->attain_den) ==
		    sum->attainment);
}

START_TEST(explanations_add_up_to_lines_and_summary)
{
	size_t explained = 0, collected = 0, capped = 0, accel = 0;

	for (uint64_t seed = 400; seed < 440; seed++) {
		struct gen *g = malloc(sizeof(*g));
		char *o, *p, *t, *p0, *p1;
		const char *plans[3];
		struct run r;
		generate(g, seed, seed % 2, 0);
		p0 = plan_text(g, 0);
		p1 = plan_text(g, 1);
		if (seed % 3 == 0) { /* a cap that bites: 30000 -> 300 */
			char *c = strstr(p0, "\"cap\":\"30000\"");
			ck_assert_ptr_nonnull(c);
			memmove(c + 9, c + 11, strlen(c + 11) + 1);
		}
		plans[0] = p0;
		plans[1] = p1;
		plans[2] = NULL;
		render(g, 0, seed, &o, &p, &t);
		ck_assert_msg(run_texts_kept(plans, o, p, t, &r) == 0,
		    "seed %llu: %s", (unsigned long long)seed, r.error);
		for (size_t i = 0; i < r.res->nsummary; i++) {
			const struct tce_summary *s = &r.res->summary[i];
			struct tce_explanation *x;
			struct tce_diag err;
			int rc = tce_explain(r.plan, r.in, r.res,
			    r.res->reps[s->rep], s->period, &x, &err);
			ck_assert_msg(rc == 0, "seed %llu: explain %s: %s",
			    (unsigned long long)seed, r.res->reps[s->rep],
			    err.msg);
			check_explanation(&r, s, x, seed);
			explained++;
			collected += x->npayments > 0;
			capped += x->capped;
			accel += x->accel >= 0;
			tce_explanation_free(x);
		}
		run_free(&r);
		free(o);
		free(p);
		free(t);
		free(p0);
		free(p1);
		free(g);
	}
	/* the generated inputs reach every part of the explanation */
	ck_assert_uint_gt(explained, 500);
	ck_assert_uint_gt(collected, 50);
	ck_assert_uint_gt(capped, 0);
	ck_assert_uint_gt(accel, 10);
}
END_TEST

START_TEST(shuffling_rows_and_columns_changes_nothing)
{
	for (uint64_t seed = 100; seed < 130; seed++) {
		struct gen *g = malloc(sizeof(*g));
		struct run a, b;
		generate(g, seed, 0, 0);
		run_gen(g, 0, seed, &a);
		run_gen(g, 1, seed, &b);
		ck_assert_msg(strcmp(a.summary, b.summary) == 0,
		    "seed %llu: summary changed:\n%s\nvs\n%s",
		    (unsigned long long)seed, a.summary, b.summary);
		ck_assert_msg(strcmp(a.lines, b.lines) == 0,
		    "seed %llu: lines changed", (unsigned long long)seed);
		run_free(&a);
		run_free(&b);
		free(g);
	}
}
END_TEST

START_TEST(splitting_unpaid_order_line_changes_no_summary)
{
	int tried = 0;

	for (uint64_t seed = 200; seed < 240; seed++) {
		struct gen *g = malloc(sizeof(*g));
		struct run a, b;
		uint64_t s = seed;
		int victim = -1;
		generate(g, seed, 0, 0);
		/* a booked line of an order without payments */
		for (int k = 0; k < 50 && victim < 0; k++) {
			int i = (int)pick(&s, g->nrows), paid = 0;
			for (int p = 0; p < g->npays; p++)
				if (strcmp(g->pays[p].order, g->rows[i].order) == 0)
					paid = 1;
			if (!paid && !g->rows[i].cancelled)
				victim = i;
		}
		if (victim < 0) {
			free(g);
			continue;
		}
		run_gen(g, 0, seed, &a);
		{
			struct grow *r = &g->rows[victim];
			struct grow *n = &g->rows[g->nrows++];
			*n = *r;
			n->line = r->line + 100;
			n->amount = r->amount / 3;
			r->amount -= n->amount;
			n->qty = r->qty / 2;
			r->qty -= n->qty;
			n->cost = r->cost / 4;
			r->cost -= n->cost;
		}
		run_gen(g, 0, seed, &b);
		ck_assert_msg(strcmp(a.summary, b.summary) == 0,
		    "seed %llu: splitting %s line %d changed the summary:\n%s\n"
		    "vs\n%s", (unsigned long long)seed, g->rows[victim].order,
		    g->rows[victim].line, a.summary, b.summary);
		tried++;
		run_free(&a);
		run_free(&b);
		free(g);
	}
	ck_assert_int_gt(tried, 20);
}
END_TEST

START_TEST(scaling_money_by_ten_scales_summary_by_ten)
{
	for (uint64_t seed = 300; seed < 330; seed++) {
		struct gen *g = malloc(sizeof(*g));
		struct run a, b;
		char *sa, *sb, *la, *lb;
		generate(g, seed, 1, 1);
		run_gen(g, 0, seed, &a);
		g->scale = 10;
		run_gen(g, 0, seed, &b);
		sa = a.summary;
		sb = b.summary;
		strtok_r(sa, "\n", &sa);
		strtok_r(sb, "\n", &sb);
		while ((la = strtok_r(NULL, "\n", &sa)) != NULL) {
			char *fa[8], *fb[8];
			lb = strtok_r(NULL, "\n", &sb);
			ck_assert_ptr_nonnull(lb);
			fields(la, fa, 8);
			fields(lb, fb, 8);
			ck_assert_str_eq(fa[0], fb[0]);
			ck_assert_str_eq(fa[1], fb[1]);
			ck_assert_str_eq(fa[4], fb[4]); /* attainment: a ratio */
			for (int c = 2; c < 8; c++) {
				if (c == 4 || fa[c][0] == '\0')
					continue;
				ck_assert_msg(parse_fen(fa[c]) * 10 ==
				    parse_fen(fb[c]), "seed %llu %s %s column %d: "
				    "%s x 10 != %s", (unsigned long long)seed, fa[0],
				    fa[1], c, fa[c], fb[c]);
			}
		}
		ck_assert_ptr_null(strtok_r(NULL, "\n", &sb));
		run_free(&a);
		run_free(&b);
		free(g);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("props");
	TCase *tc = tcase_create("props");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, lines_add_up_to_summary_commission);
	tcase_add_test(tc, explanations_add_up_to_lines_and_summary);
	tcase_add_test(tc, shuffling_rows_and_columns_changes_nothing);
	tcase_add_test(tc, splitting_unpaid_order_line_changes_no_summary);
	tcase_add_test(tc, scaling_money_by_ten_scales_summary_by_ten);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
