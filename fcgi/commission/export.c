/* export.c: a range's input files, as the spec writes them. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/money.h"
#include "core/decimal.h"
#include "commission/export.h"
#include "core/error.h"
#include "core/sort.h"
#include "engine/money.h"

/* A growing text. */
struct sbuf {
	char *p;
	size_t n, cap;
	bool failed;
};

static void
reserve(struct sbuf *s, size_t more)
{
	if (!s->failed && tc_grow(&s->p, &s->cap, s->n + more, 1 << 16) != 0)
		s->failed = true;
}

static void
put(struct sbuf *s, const char *t, size_t len)
{
	reserve(s, len);
	if (s->failed)
		return;
	memcpy(s->p + s->n, t, len);
	s->n += len;
}

static void
putc_(struct sbuf *s, char c)
{
	reserve(s, 1);
	if (!s->failed)
		s->p[s->n++] = c;
}

/* A field, quoted only where RFC 4180 needs it; returns the line feeds
 * it holds (a quoted field may span lines). */
static unsigned
put_field(struct sbuf *s, const char *t)
{
	size_t n = strcspn(t, ",\"\r\n");
	unsigned lf = 0;

	if (t[n] == '\0') {
		put(s, t, n);
		return 0;
	}
	putc_(s, '"');
	for (; *t != '\0'; t++) {
		if (*t == '"')
			putc_(s, '"');
		lf += *t == '\n';
		putc_(s, *t);
	}
	putc_(s, '"');
	return lf;
}

static void
put_int(struct sbuf *s, int64_t v)
{
	char b[24];
	size_t n = (size_t)snprintf(b, sizeof(b), "%lld", (long long)v);

	put(s, b, n);
}

static void
put_money(struct sbuf *s, money_t v)
{
	char b[32];

	put(s, b, tc_money_format(b, v, false));
}

static void
put_date(struct sbuf *s, int32_t d)
{
	char b[11];

	tc_date_format(b, d);
	put(s, b, 10);
}

/* Hands the text to the set as a file (also on failure, which frees). */
static int
add_file(struct file_set *set, const char *name, struct sbuf *s)
{
	if (s->failed) {
		free(s->p);
		return TC_ENOMEM;
	}
	return files_add(set, name, s->p, s->n);
}

/* --- what the range holds --- */

static bool
order_selected(const struct book *b, const struct book_order *o,
    int32_t from, int32_t to)
{
	if (o->date >= from && o->date <= to)
		return true;
	for (uint32_t k = 0; k < o->npay; k++) {
		int32_t d = b->payments[o->pay0 + k].date;

		if (d >= from && d <= to)
			return true;
	}
	return false;
}

static int
by_date_no(const void *x, const void *y, void *arg)
{
	const struct book *b = arg;
	const struct book_order *p = &b->orders[*(const uint32_t *)x];
	const struct book_order *q = &b->orders[*(const uint32_t *)y];

	if (p->date != q->date)
		return p->date < q->date ? -1 : 1;
	return strcmp(book_str_of(b, p->no), book_str_of(b, q->no));
}

static int
pay_by_date_no(const void *x, const void *y, void *arg)
{
	const struct book *b = arg;
	const struct book_payment *p = &b->payments[*(const uint32_t *)x];
	const struct book_payment *q = &b->payments[*(const uint32_t *)y];

	if (p->date != q->date)
		return p->date < q->date ? -1 : 1;
	return strcmp(book_str_of(b, p->no), book_str_of(b, q->no));
}

static const char orders_header[] = "order_id,line,date,rep,product_type,"
    "region,channel,product,customer,quantity,amount,cost,status\n";

static int
write_orders(const struct book *b, const uint32_t *sel, size_t nsel,
    struct file_set *set, struct export_map *m)
{
	struct sbuf s = { 0 };
	uint32_t line = 2;
	size_t nrows = 0, k = 0;
	char q[32];

	for (size_t i = 0; i < nsel; i++)
		nrows += b->orders[sel[i]].nlines;
	if (m != NULL && nrows > 0 &&
	    ((m->rows = malloc(nrows * sizeof(*m->rows))) == NULL ||
	    (m->row_lines = malloc(nrows * sizeof(*m->row_lines))) == NULL)) {
		free(s.p);
		return TC_ENOMEM;
	}
	reserve(&s, nrows * 96 + sizeof(orders_header));
	put(&s, orders_header, sizeof(orders_header) - 1);
	for (size_t i = 0; i < nsel; i++) {
		const struct book_order *o = &b->orders[sel[i]];

		for (uint32_t j = 0; j < o->nlines; j++, k++) {
			const struct book_line *l = &b->lines[o->line0 + j];
			unsigned lf = 0;

			if (m != NULL) {
				m->rows[k] = o->line0 + j;
				m->row_lines[k] = line;
			}
			lf += put_field(&s, book_str_of(b, o->no));
			putc_(&s, ',');
			put_int(&s, l->line_no);
			putc_(&s, ',');
			put_date(&s, o->date);
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, o->reps));
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, l->product_type));
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, o->region));
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, o->channel));
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, l->product));
			putc_(&s, ',');
			lf += put_field(&s, book_str_of(b, o->customer));
			putc_(&s, ',');
			put(&s, q, tc_dec_format(q, l->quantity, TC_SCALE_QTY));
			putc_(&s, ',');
			put_money(&s, l->amount);
			putc_(&s, ',');
			put_money(&s, l->cost);
			putc_(&s, ',');
			if (o->cancelled || l->cancelled)
				put(&s, "cancelled\n", 10);
			else
				put(&s, "booked\n", 7);
			line += 1 + lf;
		}
	}
	if (m != NULL)
		m->nrows = nrows;
	return add_file(set, "orders.csv", &s);
}

static int
write_payments(const struct book *b, const uint32_t *sel, size_t nsel,
    int32_t to, struct file_set *set, struct export_map *m)
{
	struct sbuf s = { 0 };
	uint32_t *pays = NULL, line = 2;
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < nsel; i++)
		n += b->orders[sel[i]].npay;
	if (n > 0 && (pays = malloc(n * sizeof(*pays))) == NULL)
		return TC_ENOMEM;
	n = 0;
	for (size_t i = 0; i < nsel; i++) {
		const struct book_order *o = &b->orders[sel[i]];

		for (uint32_t k = 0; k < o->npay; k++)
			if (b->payments[o->pay0 + k].date <= to)
				pays[n++] = o->pay0 + k;
	}
	tc_sort_r(pays, n, sizeof(*pays), pay_by_date_no, (void *)b);
	if (m != NULL && n > 0 &&
	    (m->pay_lines = malloc(n * sizeof(*m->pay_lines))) == NULL) {
		free(pays);
		return TC_ENOMEM;
	}
	reserve(&s, n * 48 + 64);
	put(&s, "payment_id,order_id,date,amount\n", 32);
	for (size_t i = 0; i < n; i++) {
		const struct book_payment *p = &b->payments[pays[i]];
		unsigned lf = 0;

		if (m != NULL)
			m->pay_lines[i] = line;
		lf += put_field(&s, book_str_of(b, p->no));
		putc_(&s, ',');
		lf += put_field(&s, book_str_of(b, b->orders[p->order].no));
		putc_(&s, ',');
		put_date(&s, p->date);
		putc_(&s, ',');
		put_money(&s, p->amount);
		putc_(&s, '\n');
		line += 1 + lf;
	}
	if ((rc = add_file(set, "payments.csv", &s)) != 0) {
		free(pays);
		return rc;
	}
	if (m != NULL) {
		m->pays = pays;
		m->npays = n;
	} else
		free(pays);
	return 0;
}

static int
write_targets(const struct book *b, int32_t from, int32_t to,
    struct file_set *set, struct export_map *m)
{
	struct sbuf s = { 0 };
	size_t n = 0;

	put(&s, "rep,period,amount\n", 18);
	for (size_t i = 0; i < b->ntargets; i++) {
		const struct book_target *t = &b->targets[i];

		if (t->first < from || t->first > to)
			continue;
		put_field(&s, book_str_of(b, t->rep));
		putc_(&s, ',');
		put(&s, t->label, strlen(t->label));
		putc_(&s, ',');
		put_money(&s, t->amount);
		putc_(&s, '\n');
		n++;
	}
	if (m != NULL)
		m->ntargets = n;
	return add_file(set, "targets.csv", &s);
}

/* The versions to write: those meeting [from, to] or an exported line's
 * date (the orders in sel). */
static int
write_plans(const struct book *b, const uint32_t *sel, size_t nsel,
    int32_t from, int32_t to, struct file_set *set, struct export_map *m)
{
	int rc;

	if (m != NULL && b->nversions > 0 && (m->versions =
	    malloc(b->nversions * sizeof(*m->versions))) == NULL)
		return TC_ENOMEM;
	/* The versions are by effective_from, as the file names sort. */
	for (size_t v = 0; v < b->nversions; v++) {
		const struct plan_text *t = &b->versions[v].text;
		bool used = t->from <= to && t->to >= from;
		char name[40], day[11], *copy;

		for (size_t i = 0; !used && i < nsel; i++) {
			int32_t d = b->orders[sel[i]].date;

			used = d >= t->from && d <= t->to;
		}
		if (!used)
			continue;
		tc_date_format(day, t->from);
		snprintf(name, sizeof(name), "plan-%s.json", day);
		if ((copy = malloc(t->len + 1)) == NULL)
			return TC_ENOMEM;
		memcpy(copy, t->json, t->len + 1);
		if ((rc = files_add(set, name, copy, t->len)) != 0)
			return rc;
		if (m != NULL)
			m->versions[m->nversions++] = (uint32_t)v;
	}
	return 0;
}

int
export_files(const struct book *b, int32_t from, int32_t to,
    struct file_set *out, struct export_map *map)
{
	uint32_t *sel = NULL;
	size_t nsel = 0;
	int rc = TC_ENOMEM;

	if (map != NULL)
		memset(map, 0, sizeof(*map));
	if (b->norders > 0 &&
	    (sel = malloc(b->norders * sizeof(*sel))) == NULL)
		goto out;
	for (size_t i = 0; i < b->norders; i++)
		if (order_selected(b, &b->orders[i], from, to))
			sel[nsel++] = (uint32_t)i;
	tc_sort_r(sel, nsel, sizeof(*sel), by_date_no, (void *)b);
	if ((rc = write_orders(b, sel, nsel, out, map)) != 0 ||
	    (rc = write_payments(b, sel, nsel, to, out, map)) != 0 ||
	    (rc = write_targets(b, from, to, out, map)) != 0 ||
	    (rc = write_plans(b, sel, nsel, from, to, out, map)) != 0)
		goto out;
	files_sort(out);
out:
	free(sel);
	if (rc != 0) {
		files_free(out);
		export_map_free(map);
	}
	return rc;
}

void
export_map_free(struct export_map *m)
{
	if (m == NULL)
		return;
	free(m->rows);
	free(m->row_lines);
	free(m->pays);
	free(m->pay_lines);
	free(m->versions);
	memset(m, 0, sizeof(*m));
}
