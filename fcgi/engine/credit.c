/* credit.c: reps, orders and the credits of order rows (steps 1-3). */
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
#include "core/sort.h"

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Interns every rep named in a split; rep numbers are ranks in byte
 * order, so sorting by number sorts by name. */
int
eng_intern_reps(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct tce_strmap m;
	const char **names = NULL;
	size_t n = 0, cap = 0;
	uint32_t *slot;
	int added, rc = TC_ENOMEM;

	if (tce_strmap_init(&m, 1024) != 0)
		return eng_nomem(c);
	if ((c->share_rep = malloc((in->nshares + 1) * sizeof(uint32_t))) == NULL)
		goto out;
	for (size_t i = 0; i < in->nshares; i++) {
		if (tce_strmap_put(&m, in->shares[i].rep, 0, (uint32_t)n,
		    &slot, &added) != 0)
			goto out;
		if (added) {
			if (tc_grow(&names, &cap, n + 1, 256) != 0)
				goto out;
			names[n++] = in->shares[i].rep;
		}
	}
	tc_sort(names, n, sizeof(*names), name_cmp);
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
	return rc ? eng_nomem(c) : 0;
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
int
eng_index_orders(struct calc *c)
{
	const struct tce_input *in = c->in;
	struct line_ent *ents = NULL;
	uint32_t *slot, bad = 0, bad_row = 0;
	int added;
	size_t o;

	size_t guess = in->nrows > 0;

	if ((c->row_order = malloc((in->nrows + 1) * sizeof(uint32_t))) == NULL)
		return eng_nomem(c);
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
		return eng_nomem(c);
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
				return eng_nomem(c);
			if (added)
				c->norders++;
			c->row_order[i] = *slot;
		}
	}
	if ((c->orders = calloc(c->norders + 1, sizeof(*c->orders))) == NULL)
		return eng_nomem(c);
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
			return eng_overflow(c, TCE_SRC_ORDERS, in->rows[i].src_line);
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
				return eng_nomem(c);
			e = ents;
		}
		for (uint32_t k = 0; k < od->n; k++) {
			const struct tce_row *r = &in->rows[c->ord_rows[od->start + k]];
			e[k].line = r->line;
			e[k].src_line = r->src_line;
			e[k].row = c->ord_rows[od->start + k];
		}
		tc_sort(e, od->n, sizeof(*e), line_ent_cmp);
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
		eng_diag(c->err, TCE_SRC_ORDERS, bad, "order_id \"%s\" line %lld: "
		    "repeated", in->rows[bad_row].order_id,
		    (long long)in->rows[bad_row].line);
		return TC_EINVAL;
	}
	return 0;
}

/* Returns share x value as a credited base, or TC_ETOOBIG. */
static int
credit(int64_t share, tc_i128 value, int64_t *out)
{
	tc_i128 p;

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

int
eng_add_credit(struct calc *c, const struct tce_row *r, uint32_t row,
    uint32_t pay, int32_t date, int32_t rule, tc_i128 value,
    tc_i128 sales, enum tce_source src, uint32_t src_line)
{
	for (uint32_t s = 0; s < r->nshares; s++) {
		const struct tce_share *sh = &c->in->shares[r->share0 + s];
		struct tce_line *l = eng_add_line(c);
		if (l == NULL)
			return eng_nomem(c);
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
			return eng_overflow(c, src, src_line);
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
		tc_i128 value = 0;

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
			if (eng_warn(c, TCE_SRC_ORDERS, r->src_line,
			    "order %s line %lld: unmatched (%s), earns nothing",
			    r->order_id, (long long)r->line, v == NULL ?
			    "no plan version covers its date" :
			    "no rule matches") != 0)
				return eng_nomem(c);
			rc = eng_add_credit(c, r, (uint32_t)i, TCE_NONE, r->date, -1,
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
				eng_diag(c->err, TCE_SRC_ORDERS, r->src_line,
				    "cost: missing (rule \"%s\" has base margin)",
				    rule->id);
				return TC_EINVAL;
			}
			value = (tc_i128)r->amount - r->cost;
			break;
		case TCE_BASE_QUANTITY:
			value = r->quantity;
			break;
		default:
			value = r->amount;
			break;
		}
		rc = eng_add_credit(c, r, (uint32_t)i, TCE_NONE, r->date,
		    (int32_t)rule->global, value, r->amount, TCE_SRC_ORDERS,
		    r->src_line);
		if (rc)
			return rc;
	}
	return 0;
}

/* Steps 1-3 for order rows; the two halves of a big file on two threads
 * (lines and warnings keep the file's order). */
int
eng_credit_rows(struct calc *c)
{
	const struct tce_input *in = c->in;

	if ((c->row_rule = malloc((in->nrows + 1) * sizeof(int32_t))) == NULL)
		return eng_nomem(c);
	if (in->nrows < TCE_THREAD_ROWS)
		return credit_rows_range(c, 0, in->nrows);
	return eng_in_halves(c, credit_rows_range, in->nrows);
}

