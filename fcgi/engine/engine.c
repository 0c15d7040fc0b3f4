/* engine.c: tce_calc(), section 2 of the contract end to end. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/commission.h"
#include "engine/sort.h"
#include "engine/strmap.h"
#include "core/error.h"

#define BATCH 32 /* hash lookups prefetched together */
#define TCE_THREAD_LINES 200 /* fewer lines: no second thread */
#define TCE_THREAD_ROWS 200  /* fewer rows: no second thread */

struct order {
	tce_i128 amount;     /* sum of booked lines */
	uint32_t start, n;   /* rows of the order in calc.ord_rows */
	uint32_t pstart, np; /* payments of the order in calc.ord_pays */
};

struct calc {
	const struct tce_plan  *plan;
	const struct tce_input *in;
	struct tce_diag        *err;
	struct tce_result      *res;
	uint32_t               *share_rep;  /* per share: rep (rank) */
	int32_t                *row_rule;   /* per row: rule, -1: none */
	uint32_t               *row_order;  /* per row: order index */
	struct order           *orders;
	size_t                  norders;
	uint32_t               *ord_rows;   /* rows grouped by order, by line */
	uint32_t               *ord_pays;   /* payments grouped by order */
	struct tce_strmap       orders_map;
	struct tce_strmap       targets_map; /* (rep, period) -> target */
	size_t                  lines_cap;
	size_t                  warn_cap;
	uint32_t                maxp, maxn;  /* most payments, lines of an order */
	size_t                  dup;         /* first repeated payment_id */
};

static void
diag(struct tce_diag *d, enum tce_source src, uint32_t line,
    const char *fmt, ...)
{
	va_list ap;

	memset(d, 0, sizeof(*d));
	d->src = src;
	d->line = line;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

static int
warn(struct calc *c, enum tce_source src, uint32_t line, const char *fmt, ...)
{
	struct tce_result *r = c->res;
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (r->nwarnings == c->warn_cap) {
		size_t nc = c->warn_cap ? c->warn_cap * 2 : 64;
		struct tce_warning *nw = realloc(r->warnings, nc * sizeof(*nw));
		if (nw == NULL)
			return TC_ENOMEM;
		r->warnings = nw;
		c->warn_cap = nc;
	}
	if ((r->warnings[r->nwarnings].msg = strdup(buf)) == NULL)
		return TC_ENOMEM;
	r->warnings[r->nwarnings].src = src;
	r->warnings[r->nwarnings].line = line;
	r->nwarnings++;
	return 0;
}

static struct tce_line *
add_line(struct calc *c)
{
	struct tce_result *r = c->res;

	if (r->nlines == c->lines_cap) {
		size_t nc = c->lines_cap ? c->lines_cap * 2 : 4096;
		struct tce_line *nl = realloc(r->lines, nc * sizeof(*nl));
		if (nl == NULL)
			return NULL;
		r->lines = nl;
		c->lines_cap = nc;
	}
	return memset(&r->lines[r->nlines++], 0, sizeof(struct tce_line));
}

static int
overflow(struct calc *c, enum tce_source src, uint32_t line)
{
	diag(c->err, src, line, "figures too large to compute exactly");
	return TC_ETOOBIG;
}

static int
nomem(struct calc *c)
{
	diag(c->err, TCE_SRC_NONE, 0, "out of memory");
	return TC_ENOMEM;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Interns every rep named in a split; rep numbers are ranks in byte
 * order, so sorting by number sorts by name. */
static int
intern_reps(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct tce_strmap m;
	const char **names = NULL;
	size_t n = 0, cap = 0;
	uint32_t *slot;
	int added, rc = TC_ENOMEM;

	if (tce_strmap_init(&m, 1024) != 0)
		return nomem(c);
	if ((c->share_rep = malloc((in->nshares + 1) * sizeof(uint32_t))) == NULL)
		goto out;
	for (size_t i = 0; i < in->nshares; i++) {
		if (tce_strmap_put(&m, in->shares[i].rep, 0, (uint32_t)n,
		    &slot, &added) != 0)
			goto out;
		if (added) {
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 256;
				const char **nn = realloc(names, nc * sizeof(*nn));
				if (nn == NULL)
					goto out;
				names = nn;
				cap = nc;
			}
			names[n++] = in->shares[i].rep;
		}
	}
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++)
		*tce_strmap_get(&m, names[i], 0) = (uint32_t)i;
	for (size_t i = 0; i < in->nshares; i++)
		c->share_rep[i] = *tce_strmap_get(&m, in->shares[i].rep, 0);
	c->res->reps = names;
	c->res->nreps = n;
	names = NULL;
	rc = 0;
out:
	free(names);
	tce_strmap_free(&m);
	return rc ? nomem(c) : 0;
}

struct line_ent {
	int64_t  line;
	uint32_t src_line;
	uint32_t row;
};

static int
line_ent_cmp(const void *a, const void *b)
{
	const struct line_ent *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->src_line < y->src_line ? -1 : x->src_line > y->src_line;
}

/* Finds each row's order, sorts each order's rows by line number and
 * refuses a repeated (order_id, line). */
static int
index_orders(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct line_ent *ents = NULL;
	uint32_t *slot, bad = 0, bad_row = 0;
	int added;
	size_t o;

	size_t guess = in->nrows > 0;

	if ((c->row_order = malloc((in->nrows + 1) * sizeof(uint32_t))) == NULL)
		return nomem(c);
	/* The lines of an order usually follow each other: mark the rows
	 * that continue the previous row's order (row_order[i] = 1), and
	 * expect about as many orders as there are changes. */
	if (in->nrows > 0)
		c->row_order[0] = 0;
	for (size_t i = 1; i < in->nrows; i++) {
		c->row_order[i] = strcmp(in->rows[i].order_id,
		    in->rows[i - 1].order_id) == 0;
		guess += !c->row_order[i];
	}
	if (tce_strmap_init(&c->orders_map, guess) != 0 ||
	    (c->ord_rows = malloc((in->nrows + 1) * sizeof(uint32_t))) == NULL)
		return nomem(c);
	for (size_t b = 0; b < in->nrows; b += BATCH) {
		size_t m = in->nrows - b < BATCH ? in->nrows - b : BATCH;
		uint32_t h[BATCH];
		for (size_t k = 0; k < m; k++) {
			if (b + k > 0 && c->row_order[b + k] == 1)
				continue;
			h[k] = tce_strmap_hash(in->rows[b + k].order_id, 0);
			tce_strmap_prefetch(&c->orders_map, h[k]);
		}
		for (size_t k = 0; k < m; k++) {
			size_t i = b + k;
			if (c->row_order[i] == 1 && i > 0) {
				c->row_order[i] = c->row_order[i - 1];
				continue;
			}
			if (tce_strmap_put_h(&c->orders_map, in->rows[i].order_id,
			    0, h[k], (uint32_t)c->norders, &slot, &added) != 0)
				return nomem(c);
			if (added)
				c->norders++;
			c->row_order[i] = *slot;
		}
	}
	if ((c->orders = calloc(c->norders + 1, sizeof(*c->orders))) == NULL)
		return nomem(c);
	for (size_t i = 0; i < in->nrows; i++)
		c->orders[c->row_order[i]].n++;
	for (o = 0, slot = NULL; o < c->norders; o++) {
		c->orders[o].start = o ? c->orders[o - 1].start +
		    c->orders[o - 1].n : 0;
	}
	for (o = 0; o < c->norders; o++)
		c->orders[o].pstart = 0; /* reused as a fill counter below */
	for (size_t i = 0; i < in->nrows; i++) {
		struct order *od = &c->orders[c->row_order[i]];
		c->ord_rows[od->start + od->pstart++] = (uint32_t)i;
		if (!in->rows[i].cancelled &&
		    tce_add(od->amount, in->rows[i].amount, &od->amount))
			return overflow(c, TCE_SRC_ORDERS, in->rows[i].src_line);
	}
	for (o = 0; o < c->norders; o++) {
		struct order *od = &c->orders[o];
		struct line_ent small[8], *e = small;
		od->pstart = 0;
		if (od->n < 2)
			continue;
		if (od->n > 8) {
			free(ents);
			if ((ents = malloc(od->n * sizeof(*ents))) == NULL)
				return nomem(c);
			e = ents;
		}
		for (uint32_t k = 0; k < od->n; k++) {
			const struct tce_row *r = &in->rows[c->ord_rows[od->start + k]];
			e[k].line = r->line;
			e[k].src_line = r->src_line;
			e[k].row = c->ord_rows[od->start + k];
		}
		qsort(e, od->n, sizeof(*e), line_ent_cmp);
		for (uint32_t k = 0; k < od->n; k++) {
			c->ord_rows[od->start + k] = e[k].row;
			if (k > 0 && e[k].line == e[k - 1].line &&
			    (bad == 0 || e[k].src_line < bad)) {
				bad = e[k].src_line;
				bad_row = e[k].row;
			}
		}
	}
	free(ents);
	if (bad != 0) {
		diag(c->err, TCE_SRC_ORDERS, bad, "order_id \"%s\" line %lld: "
		    "repeated", in->rows[bad_row].order_id,
		    (long long)in->rows[bad_row].line);
		return TC_EINVAL;
	}
	return 0;
}

/* Returns share x value as a credited base, or TC_ETOOBIG. */
static int
credit(int64_t share, tce_i128 value, int64_t *out)
{
	tce_i128 p;

	if (tce_mul(share, value, &p) || p > INT64_MAX || p < -INT64_MAX)
		return TC_ETOOBIG;
	*out = (int64_t)p;
	return 0;
}

/* The first 8 bytes of s, big-endian, NUL-padded: compares like strcmp
 * on those bytes. */
static uint64_t
prefix8(const char *s)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8 && s[i] != '\0'; i++)
		v = (v << 8) | (unsigned char)s[i];
	return v << (8 * (8 - i));
}

static int
add_credit(struct calc *c, const struct tce_row *r, uint32_t row,
    uint32_t pay, int32_t date, int32_t rule, tce_i128 value,
    tce_i128 sales, enum tce_source src, uint32_t src_line)
{
	for (uint32_t s = 0; s < r->nshares; s++) {
		const struct tce_share *sh = &c->in->shares[r->share0 + s];
		struct tce_line *l = add_line(c);
		if (l == NULL)
			return nomem(c);
		l->row = row;
		l->payment = pay;
		l->rule = rule;
		l->rep = c->share_rep[r->share0 + s];
		l->date = date;
		l->key = ((uint64_t)l->rep << 32) | (uint32_t)date;
		l->order = c->row_order[row];
		l->oprefix = s == 0 ? prefix8(r->order_id) : l[-1].oprefix;
		if (credit(sh->share, value, &l->base) ||
		    credit(sh->share, sales, &l->sales))
			return overflow(c, src, src_line);
	}
	return 0;
}

/* Steps 1-3 for order rows: the version, the rule, the credits of every
 * base but collected, and the unmatched rows. */
static int
credit_rows_range(struct calc *c, size_t from, size_t to)
{
	const struct tce_input *in = c->in;
	int rc;

	for (size_t i = from; i < to; i++) {
		const struct tce_row *r = &in->rows[i];
		const struct tce_version *v;
		const struct tce_rule *rule = NULL;
		tce_i128 value = 0;

		c->row_rule[i] = -1;
		if (r->cancelled)
			continue;
		v = tce_plan_version_at(c->plan, r->date);
		if (v != NULL)
			rule = tce_version_select(v, r->attr);
		if (rule == NULL) {
			char d[16];
			snprintf(d, sizeof(d), "%04d-%02d-%02d", r->date / 10000,
			    r->date / 100 % 100, r->date % 100);
			if (warn(c, TCE_SRC_ORDERS, r->src_line,
			    "order %s line %lld: unmatched (%s), earns nothing",
			    r->order_id, (long long)r->line, v == NULL ?
			    "no plan version covers its date" :
			    "no rule matches") != 0)
				return nomem(c);
			rc = add_credit(c, r, (uint32_t)i, TCE_NONE, r->date, -1,
			    0, 0, TCE_SRC_ORDERS, r->src_line);
			if (rc)
				return rc;
			continue;
		}
		c->row_rule[i] = (int32_t)rule->global;
		switch (rule->base) {
		case TCE_BASE_COLLECTED:
			continue;
		case TCE_BASE_MARGIN:
			if (!r->has_cost) {
				diag(c->err, TCE_SRC_ORDERS, r->src_line,
				    "cost: missing (rule \"%s\" has base margin)",
				    rule->id);
				return TC_EINVAL;
			}
			value = (tce_i128)r->amount - r->cost;
			break;
		case TCE_BASE_QUANTITY:
			value = r->quantity;
			break;
		default:
			value = r->amount;
			break;
		}
		rc = add_credit(c, r, (uint32_t)i, TCE_NONE, r->date,
		    (int32_t)rule->global, value, r->amount, TCE_SRC_ORDERS,
		    r->src_line);
		if (rc)
			return rc;
	}
	return 0;
}

/* One half of a job (rows or orders), run into a result of its own. */
struct rows_half {
	struct calc        c;
	struct tce_result  res;
	struct tce_diag    err;
	size_t             from, to;
	int              (*job)(struct calc *, size_t, size_t);
	int                rc;
};

static void *
run_rows_half(void *arg)
{
	struct rows_half *h = arg;

	h->rc = h->job(&h->c, h->from, h->to);
	return NULL;
}

/* Appends the lines and warnings of h to c's result (h's arrays are
 * freed). */
static int
absorb(struct calc *c, struct rows_half *h)
{
	struct tce_result *r = c->res;

	if (h->res.nlines > 0) {
		size_t need = r->nlines + h->res.nlines;
		if (need > c->lines_cap) {
			struct tce_line *nl = realloc(r->lines, need * sizeof(*nl));
			if (nl == NULL)
				return nomem(c);
			r->lines = nl;
			c->lines_cap = need;
		}
		memcpy(r->lines + r->nlines, h->res.lines,
		    h->res.nlines * sizeof(*r->lines));
		r->nlines = need;
	}
	if (h->res.nwarnings > 0) {
		size_t need = r->nwarnings + h->res.nwarnings;
		if (need > c->warn_cap) {
			struct tce_warning *nw = realloc(r->warnings,
			    need * sizeof(*nw));
			if (nw == NULL)
				return nomem(c);
			r->warnings = nw;
			c->warn_cap = need;
		}
		memcpy(r->warnings + r->nwarnings, h->res.warnings,
		    h->res.nwarnings * sizeof(*r->warnings));
		r->nwarnings = need;
		h->res.nwarnings = 0; /* the messages moved */
	}
	return 0;
}

/* Runs job over [0, n) in two halves, the second on another thread,
 * each into a result of its own, then appends their lines and warnings
 * in order to c's result; the first half's error wins. */
static int
in_halves(struct calc *c, int (*job)(struct calc *, size_t, size_t),
    size_t n)
{
	struct rows_half h[2];
	pthread_t tid;
	int threaded = 0, rc;

	/* the first half appends to c's own result, the second to one of
	 * its own, appended afterwards: the order is kept, half is copied */
	memset(h, 0, sizeof(h));
	for (int k = 0; k < 2; k++) {
		h[k].c = *c;
		h[k].c.err = &h[k].err;
		if (k == 1) {
			h[k].c.res = &h[k].res;
			h[k].c.lines_cap = h[k].c.warn_cap = 0;
		}
		h[k].from = k ? n / 2 : 0;
		h[k].to = k ? n : n / 2;
		h[k].job = job;
	}
	if (pthread_create(&tid, NULL, run_rows_half, &h[1]) == 0)
		threaded = 1;
	run_rows_half(&h[0]);
	if (threaded)
		pthread_join(tid, NULL);
	else
		run_rows_half(&h[1]);
	c->lines_cap = h[0].c.lines_cap;
	c->warn_cap = h[0].c.warn_cap;
	rc = h[0].rc ? h[0].rc : h[1].rc;
	if (rc != 0)
		*c->err = h[0].rc ? h[0].err : h[1].err;
	if (rc == 0)
		rc = absorb(c, &h[1]);
	free(h[1].res.lines);
	for (size_t i = 0; i < h[1].res.nwarnings; i++)
		free(h[1].res.warnings[i].msg);
	free(h[1].res.warnings);
	return rc;
}

/* Steps 1-3 for order rows; the two halves of a big file on two threads
 * (lines and warnings keep the file's order). */
static int
credit_rows(struct calc *c)
{
	const struct tce_input *in = c->in;

	if ((c->row_rule = malloc((in->nrows + 1) * sizeof(int32_t))) == NULL)
		return nomem(c);
	if (in->nrows < TCE_THREAD_ROWS)
		return credit_rows_range(c, 0, in->nrows);
	return in_halves(c, credit_rows_range, in->nrows);
}

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
fmt_money(char *buf, tce_i128 fen)
{
	if (fen > INT64_MAX || fen < -INT64_MAX)
		snprintf(buf, 24, "(too large)");
	else
		tce_money_format(buf, (money_t)fen);
}

/* Credits the payments of one order (1.3) to its collected lines. */
static int
collect_order(struct calc *c, struct order *od, struct pay_ent *pe,
    tce_i128 *w, int64_t *parts, uint32_t *lines)
{
	const struct tce_input *in = c->in;
	tce_i128 raw = 0, credited = 0, lo, hi;
	uint32_t nl = 0, k;
	int rc;

	for (k = 0; k < od->n; k++) {
		uint32_t row = c->ord_rows[od->start + k];
		if (!in->rows[row].cancelled) {
			lines[nl] = row;
			w[nl++] = in->rows[row].amount;
		}
	}
	lo = od->amount < 0 ? od->amount : 0;
	hi = od->amount < 0 ? 0 : od->amount;
	for (k = 0; k < od->np; k++) {
		pe[k].idx = c->ord_pays[od->pstart + k];
		pe[k].date = in->payments[pe[k].idx].date;
		pe[k].id = in->payments[pe[k].idx].payment_id;
	}
	if (od->np > 1)
		qsort(pe, od->np, sizeof(*pe), pay_ent_cmp);
	for (k = 0; k < od->np; k++) {
		const struct tce_payment *p = &in->payments[pe[k].idx];
		tce_i128 next, delta;
		char a[24], b[24];

		if (nl == 0 || od->amount == 0) {
			if (p->amount != 0 && warn(c, TCE_SRC_PAYMENTS,
			    p->src_line, "payment %s credits nothing: order %s "
			    "%s", p->payment_id, p->order_id, nl == 0 ?
			    "has no booked lines" : "amounts to 0") != 0)
				return nomem(c);
			continue;
		}
		if (tce_add(raw, p->amount, &raw))
			return overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		next = raw < lo ? lo : raw > hi ? hi : raw;
		delta = next - credited;
		credited = next;
		if (delta != p->amount) {
			fmt_money(a, delta);
			fmt_money(b, p->amount);
			if (warn(c, TCE_SRC_PAYMENTS, p->src_line, "payment %s "
			    "credits %s of its %s to order %s", p->payment_id,
			    a, b, p->order_id) != 0)
				return nomem(c);
		}
		if (delta == 0)
			continue;
		if (delta > INT64_MAX || delta < -INT64_MAX)
			return overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		rc = tce_largest_remainder((int64_t)delta, w, nl, parts);
		if (rc == TC_ENOMEM)
			return nomem(c);
		if (rc)
			return overflow(c, TCE_SRC_PAYMENTS, p->src_line);
		for (uint32_t j = 0; j < nl; j++) {
			int32_t rule = c->row_rule[lines[j]];
			if (rule < 0 ||
			    c->plan->rules[rule]->base != TCE_BASE_COLLECTED)
				continue;
			rc = add_credit(c, &in->rows[lines[j]], lines[j],
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
	tce_i128 *w = malloc((c->maxn + 1) * sizeof(*w));
	int64_t *parts = malloc((c->maxn + 1) * sizeof(*parts));
	uint32_t *lines = malloc((c->maxn + 1) * sizeof(*lines));
	int rc = 0;

	if (!pe || !w || !parts || !lines)
		rc = nomem(c);
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
static int
first_repeated_payment(struct calc *c, size_t *dup)
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
		return nomem(c);
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
				return nomem(c);
			}
			for (j = i; j < run; j++) {
				e[j - i].s = in->payments[a[j].idx].payment_id;
				e[j - i].idx = a[j].idx;
			}
			qsort(e, run - i, sizeof(*e), sent_cmp);
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
static int
credit_payments(struct calc *c)
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
		rc = nomem(c);
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
			diag(c->err, TCE_SRC_PAYMENTS, p->src_line,
			    "payment_id \"%s\": repeated", p->payment_id);
			rc = TC_EINVAL;
			goto out;
		}
		if ((ov = tce_strmap_get_h(&c->orders_map, p->order_id, 0,
		    hord[k])) == NULL) {
			diag(c->err, TCE_SRC_PAYMENTS, p->src_line,
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
	    in_halves(c, collect_range, c->norders);
out:
	free(porder);
	return rc;
}

/* Indexes targets.csv by (rep, period) for the plans' period kind,
 * refusing duplicates (of any kind) and warning about other kinds. */
static int
index_targets(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct tce_strmap all;
	uint32_t *slot;
	int added;

	if (tce_strmap_init(&all, in->ntargets) != 0 ||
	    tce_strmap_init(&c->targets_map, in->ntargets) != 0) {
		tce_strmap_free(&all);
		return nomem(c);
	}
	for (size_t i = 0; i < in->ntargets; i++) {
		const struct tce_target *t = &in->targets[i];
		uint64_t tag = ((uint64_t)t->kind << 32) | (uint32_t)t->period;
		if (tce_strmap_put(&all, t->rep, tag, (uint32_t)i, &slot,
		    &added) != 0) {
			tce_strmap_free(&all);
			return nomem(c);
		}
		if (!added) {
			char l[16];
			tce_period_label(l, t->kind, t->period);
			diag(c->err, TCE_SRC_TARGETS, t->src_line,
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
			tce_period_label(l, t->kind, t->period);
			if (warn(c, TCE_SRC_TARGETS, t->src_line, "target for "
			    "rep %s period %s is not a %s: ignored", t->rep, l,
			    tce_period_kind_name(c->plan->period)) != 0)
				return nomem(c);
			continue;
		}
		if (tce_strmap_put(&c->targets_map, t->rep, (uint32_t)t->period,
		    (uint32_t)i, &slot, &added) != 0)
			return nomem(c);
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
	tce_i128 *ruleB;     /* per global rule */
	int32_t  *slot;      /* per global rule: slot, -1 */
	uint32_t *touched;   /* slot -> rule */
	tce_i128 *rulec;     /* slot -> rule commission */
	int64_t  *rulepart;  /* slot -> fen */
	uint32_t *cnt;       /* slot -> count, then start */
	uint32_t *pos;       /* group items by slot */
	tce_i128 *w;
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
	tce_i128 S = 0, C = 0, x;
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
			return nomem(c);
		g->cap = nc;
	}
	for (k = b; k < e; k++) {
		int32_t r = L[k].rule;
		if (tce_add(S, L[k].sales, &S))
			return overflow(c, TCE_SRC_NONE, 0);
		if (r < 0)
			continue;
		if (g->slot[r] < 0) {
			g->slot[r] = 0;
			g->touched[nt++] = (uint32_t)r;
			g->ruleB[r] = 0;
		}
		if (tce_add(g->ruleB[r], L[k].base, &g->ruleB[r]))
			return overflow(c, TCE_SRC_NONE, 0);
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
			return overflow(c, TCE_SRC_NONE, 0);
	}
	v = tce_plan_version_at(plan, tce_period_first(plan->period,
	    L[b].period));
	tv = tce_strmap_get(&c->targets_map, c->res->reps[L[b].rep],
	    (uint32_t)L[b].period);
	if (tv != NULL)
		t = &c->in->targets[*tv];
	memset(sum, 0, sizeof(*sum));
	sum->rep = L[b].rep;
	sum->period = L[b].period;
	x = tce_div_round(S, TCE_BASE_MONEY_SCALE);
	if (x > INT64_MAX || x < -INT64_MAX)
		return overflow(c, TCE_SRC_NONE, 0);
	sum->sales = (money_t)x;
	if (t != NULL) {
		sum->has_target = true;
		sum->target = t->amount;
		x = tce_div_round(S, (tce_i128)t->amount * 100);
		if (x > INT64_MAX || x < -INT64_MAX)
			return overflow(c, TCE_SRC_NONE, 0);
		sum->attainment = (int64_t)x;
		if (v != NULL) {
			for (k = 0; k < v->naccel; k++)
				if (S >= (tce_i128)v->accel[k].at * t->amount)
					mult = v->accel[k].value;
			for (k = 0; k < v->nbonus; k++)
				if (S >= (tce_i128)v->bonus[k].at * t->amount)
					bonus = v->bonus[k].value;
		}
	}
	if (tce_period_commission(C, mult, v != NULL && v->has_cap,
	    v != NULL ? v->cap : 0, &comm))
		return overflow(c, TCE_SRC_NONE, 0);
	sum->commission = comm;
	sum->bonus = bonus;
	if (__builtin_add_overflow(comm, bonus, &sum->total))
		return overflow(c, TCE_SRC_NONE, 0);

	/* step 10, stage 1: over the rules */
	rc = tce_largest_remainder(comm, g->rulec, nt, g->rulepart);
	if (rc)
		return rc == TC_ENOMEM ? nomem(c) : overflow(c, TCE_SRC_NONE, 0);
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
			return rc == TC_ENOMEM ? nomem(c) :
			    overflow(c, TCE_SRC_NONE, 0);
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
		rc = nomem(c);
		goto out;
	}
	for (k = 0; k < nr; k++)
		g.slot[k] = -1;
	for (k = 0; k < n; k++)
		L[k].period = tce_period_of(c->plan->period, L[k].date);
	for (b = 0; b < n && rc == 0; b = k) {
		for (k = b + 1; k < n && L[k].rep == L[b].rep &&
		    L[k].period == L[b].period; k++)
			;
		if (ns == cap) {
			size_t ncap = cap ? cap * 2 : 1024;
			struct tce_summary *x = realloc(sum, ncap * sizeof(*x));
			if (x == NULL) {
				rc = nomem(c);
				break;
			}
			sum = x;
			cap = ncap;
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
		h->rc = nomem(&h->c);
	else
		h->rc = summarise(&h->c, h->dst, h->n, &h->sum, &h->nsum);
	return NULL;
}

/* Sorts and summarises the lines in two halves split between reps, the
 * second on another thread when there are enough lines (the halves share
 * nothing but read-only data); the result is the same either way. */
static int
sort_and_summarise(struct calc *c)
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
		return nomem(c);
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
		rc = nomem(c);
	else {
		memcpy(res->summary, h[0].sum, h[0].nsum * sizeof(*h[0].sum));
		memcpy(res->summary + h[0].nsum, h[1].sum,
		    h[1].nsum * sizeof(*h[1].sum));
		res->nsummary = h[0].nsum + h[1].nsum;
	}
	free(h[0].sum);
	free(h[1].sum);
	return rc;
}

/* The reps and the payment ids, on a second thread while the first
 * indexes the orders. */
struct prep {
	struct calc     c;
	struct tce_diag err;
	int             rc;
};

static void *
run_prep(void *arg)
{
	struct prep *p = arg;

	p->rc = intern_reps(&p->c);
	if (p->rc == 0 && p->c.in->npayments > 0)
		p->rc = first_repeated_payment(&p->c, &p->c.dup);
	return NULL;
}

static int
prepare(struct calc *c)
{
	struct prep p;
	pthread_t tid;
	int threaded = 0, rc;

	memset(&p, 0, sizeof(p));
	p.c = *c;
	p.c.err = &p.err;
	p.c.dup = c->in->npayments;
	if (c->in->nrows + c->in->npayments >= TCE_THREAD_ROWS &&
	    pthread_create(&tid, NULL, run_prep, &p) == 0)
		threaded = 1;
	else
		run_prep(&p);
	rc = index_orders(c);
	if (threaded)
		pthread_join(tid, NULL);
	c->share_rep = p.c.share_rep;
	c->dup = p.c.dup;
	if (rc == 0 && p.rc != 0) {
		rc = p.rc;
		*c->err = p.err;
	}
	return rc;
}

int
tce_calc(const struct tce_plan *plan, const struct tce_input *in,
    struct tce_result **out, struct tce_diag *err)
{
	struct calc c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(err, 0, sizeof(*err));
	c.plan = plan;
	c.in = in;
	c.err = err;
	if ((c.res = calloc(1, sizeof(*c.res))) == NULL)
		return nomem(&c);
	c.res->period = plan->period;
	if ((rc = prepare(&c)) != 0 ||
	    (rc = credit_rows(&c)) != 0 ||
	    (rc = credit_payments(&c)) != 0 ||
	    (rc = index_targets(&c)) != 0)
		goto out;
	/* what only the crediting needed: freed before the sort's peak */
	free(c.share_rep);
	free(c.row_rule);
	free(c.row_order);
	free(c.orders);
	free(c.ord_rows);
	free(c.ord_pays);
	tce_strmap_free(&c.orders_map);
	c.share_rep = c.row_order = c.ord_rows = c.ord_pays = NULL;
	c.row_rule = NULL;
	c.orders = NULL;
	rc = sort_and_summarise(&c);
out:
	free(c.share_rep);
	free(c.row_rule);
	free(c.row_order);
	free(c.orders);
	free(c.ord_rows);
	free(c.ord_pays);
	tce_strmap_free(&c.orders_map);
	tce_strmap_free(&c.targets_map);
	if (rc != 0) {
		tce_result_free(c.res);
		return rc;
	}
	*out = c.res;
	return 0;
}

void
tce_result_free(struct tce_result *r)
{
	if (r == NULL)
		return;
	free((void *)r->reps);
	free(r->summary);
	free(r->lines);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i].msg);
	free(r->warnings);
	free(r);
}
