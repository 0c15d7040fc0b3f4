/* output.c: buffered CSV writing of the summary and the lines. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/output.h"
#include "engine/commission.h"
#include "core/error.h"

struct out {
	FILE  *f;
	char   buf[1 << 20];
	size_t n;
	int    failed;
};

static void
flush(struct out *o)
{
	if (o->n > 0 && !o->failed && fwrite(o->buf, 1, o->n, o->f) != o->n)
		o->failed = 1;
	o->n = 0;
}

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->n + n > sizeof(o->buf)) {
		flush(o);
		if (n > sizeof(o->buf)) {
			if (!o->failed && fwrite(s, 1, n, o->f) != n)
				o->failed = 1;
			return;
		}
	}
	memcpy(o->buf + o->n, s, n);
	o->n += n;
}

static void
putc_(struct out *o, char c)
{
	if (o->n == sizeof(o->buf))
		flush(o);
	o->buf[o->n++] = c;
}

/* Bytes that force quoting (RFC 4180) or end a string. */
static const unsigned char needs_quote[256] = {
	[0] = 1, ['"'] = 1, [','] = 1, ['\r'] = 1, ['\n'] = 1,
};

/* A text field, quoted only where RFC 4180 needs it. */
static void
put_field(struct out *o, const char *s)
{
	size_t n = 0;

	while (!needs_quote[(unsigned char)s[n]])
		n++;
	if (s[n] == '\0') {
		put(o, s, n);
		return;
	}
	putc_(o, '"');
	for (; *s; s++) {
		if (*s == '"')
			putc_(o, '"');
		putc_(o, *s);
	}
	putc_(o, '"');
}

static void
put_money(struct out *o, money_t v)
{
	char b[32];

	put(o, b, tc_money_format(b, v, false));
}

static void
put_int(struct out *o, int64_t v)
{
	char b[32], *p = b + sizeof(b);
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		*--p = (char)('0' + a % 10);
		a /= 10;
	} while (a);
	if (v < 0)
		*--p = '-';
	put(o, p, (size_t)(b + sizeof(b) - p));
}

static int
finish(struct out *o)
{
	flush(o);
	if (o->failed || fflush(o->f) != 0 || ferror(o->f))
		return TC_EIO;
	return 0;
}

int
tce_write_summary(FILE *f, const struct tce_result *r)
{
	struct out *op = malloc(sizeof(*op));
	char label[16];
	int rc;

	if (op == NULL)
		return TC_ENOMEM;
	op->f = f;
	op->n = 0;
	op->failed = 0;
	static const char hdr[] =
	    "rep,period,sales,target,attainment,commission,bonus,total\n";
	put(op, hdr, sizeof(hdr) - 1);
	for (size_t i = 0; i < r->nsummary; i++) {
		const struct tce_summary *s = &r->summary[i];
		put_field(op, r->reps[s->rep]);
		putc_(op, ',');
		put(op, label, tc_period_label(label, r->period, s->period));
		putc_(op, ',');
		put_money(op, s->sales);
		putc_(op, ',');
		if (s->has_target) {
			put_money(op, s->target);
			putc_(op, ',');
			put_money(op, s->attainment); /* hundredths, like fen */
		} else
			putc_(op, ',');
		putc_(op, ',');
		put_money(op, s->commission);
		putc_(op, ',');
		put_money(op, s->bonus);
		putc_(op, ',');
		put_money(op, s->total);
		putc_(op, '\n');
	}
	rc = finish(op);
	free(op);
	return rc;
}

int
tce_write_lines(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in)
{
	return tce_write_lines_range(f, r, plan, in, 0, r->nlines, 1);
}

int
tce_write_lines_range(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in, size_t from,
    size_t to, int header)
{
	struct out *op = malloc(sizeof(*op));
	char prefix[512], b[32], **rulecol = NULL;
	uint32_t last_rep = TCE_NONE;
	int32_t last_period = 0;
	size_t pl = 0, *rulelen = NULL;
	int rc = TC_ENOMEM;

	if (op == NULL)
		return TC_ENOMEM;
	/* "rule,base_kind," of every rule, quoted once */
	rulecol = calloc(plan->nrules + 1, sizeof(*rulecol));
	rulelen = calloc(plan->nrules + 1, sizeof(*rulelen));
	if (rulecol == NULL || rulelen == NULL)
		goto out;
	for (size_t k = 0; k < plan->nrules; k++) {
		FILE *m = open_memstream(&rulecol[k], &rulelen[k]);
		struct out *q = malloc(sizeof(*q));
		if (m == NULL || q == NULL) {
			if (m)
				fclose(m);
			free(q);
			goto out;
		}
		q->f = m;
		q->n = 0;
		q->failed = 0;
		put_field(q, plan->rules[k]->id);
		putc_(q, ',');
		put_field(q, tce_base_name(plan->rules[k]->base));
		putc_(q, ',');
		flush(q);
		free(q);
		if (fclose(m) != 0)
			goto out;
	}
	op->f = f;
	op->n = 0;
	op->failed = 0;
	static const char hdr[] = "rep,period,order_id,line,payment_id,rule,"
	    "base_kind,base_value,commission\n";
	if (header)
		put(op, hdr, sizeof(hdr) - 1);
	for (size_t i = from; i < to; i++) {
		const struct tce_line *l = &r->lines[i];
		const struct tce_row *row = &in->rows[l->row];
		/* lines are in rep order, rows in file order: fetch ahead */
		if (i + 16 < r->nlines)
			__builtin_prefetch(&in->rows[r->lines[i + 16].row]);
		if (i + 8 < r->nlines) {
			const struct tce_line *a = &r->lines[i + 8];
			__builtin_prefetch(in->rows[a->row].order_id);
			if (a->payment != TCE_NONE)
				__builtin_prefetch(&in->payments[a->payment]);
		}
		if (i + 4 < r->nlines && r->lines[i + 4].payment != TCE_NONE)
			__builtin_prefetch(in->payments[r->lines[i + 4].payment].
			    payment_id);
		if (l->rep != last_rep || l->period != last_period || pl == 0) {
			/* "rep,period," once per rep and period */
			const char *name = r->reps[l->rep];
			size_t nl = strlen(name);
			if (nl < 200 && strcspn(name, ",\"\r\n") == nl) {
				memcpy(prefix, name, nl);
				pl = nl;
				prefix[pl++] = ',';
				pl += tc_period_label(prefix + pl, r->period,
				    l->period);
				prefix[pl++] = ',';
			} else
				pl = 0;
			last_rep = l->rep;
			last_period = l->period;
		}
		if (pl > 0)
			put(op, prefix, pl);
		else {
			char label[16];
			put_field(op, r->reps[l->rep]);
			putc_(op, ',');
			put(op, label, tc_period_label(label, r->period,
			    l->period));
			putc_(op, ',');
		}
		put_field(op, row->order_id);
		putc_(op, ',');
		put_int(op, row->line);
		putc_(op, ',');
		if (l->payment != TCE_NONE)
			put_field(op, in->payments[l->payment].payment_id);
		putc_(op, ',');
		if (l->rule >= 0) {
			const struct tce_rule *rule = plan->rules[l->rule];
			/* |base| < 2^63: round half away in 64 bits */
			uint64_t mag = l->base < 0 ? (uint64_t)0 -
			    (uint64_t)l->base : (uint64_t)l->base;
			int64_t v = (int64_t)((mag + 500000) / 1000000);
			if (l->base < 0)
				v = -v;
			put(op, rulecol[l->rule], rulelen[l->rule]);
			if (rule->base == TCE_BASE_QUANTITY)
				put(op, b, tc_dec_format(b, v, TC_SCALE_QTY));
			else
				put_money(op, v);
		} else
			put(op, ",,", 2);
		putc_(op, ',');
		put_money(op, l->commission);
		putc_(op, '\n');
	}
	rc = finish(op);
out:
	for (size_t k = 0; rulecol != NULL && k < plan->nrules; k++)
		free(rulecol[k]);
	free(rulecol);
	free(rulelen);
	free(op);
	return rc;
}
