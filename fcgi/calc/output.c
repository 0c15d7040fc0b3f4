/* output.c: buffered CSV writing of the summary and the lines. */
#include <string.h>

#include "calc/output.h"
#include "engine/commission.h"
#include "core/error.h"

struct out {
	FILE  *f;
	char   buf[1 << 16];
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

/* A text field, quoted only where RFC 4180 needs it. */
static void
put_field(struct out *o, const char *s)
{
	size_t n = strcspn(s, ",\"\r\n");

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

	put(o, b, tce_money_format(b, v));
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
calc_write_summary(FILE *f, const struct tce_result *r)
{
	static struct out o; /* 64 KiB: not on the stack */
	char label[16];

	o.f = f;
	o.n = 0;
	o.failed = 0;
	static const char hdr[] =
	    "rep,period,sales,target,attainment,commission,bonus,total\n";
	put(&o, hdr, sizeof(hdr) - 1);
	for (size_t i = 0; i < r->nsummary; i++) {
		const struct tce_summary *s = &r->summary[i];
		put_field(&o, r->reps[s->rep]);
		putc_(&o, ',');
		put(&o, label, tce_period_label(label, r->period, s->period));
		putc_(&o, ',');
		put_money(&o, s->sales);
		putc_(&o, ',');
		if (s->has_target) {
			put_money(&o, s->target);
			putc_(&o, ',');
			put_money(&o, s->attainment); /* hundredths, like fen */
		} else
			putc_(&o, ',');
		putc_(&o, ',');
		put_money(&o, s->commission);
		putc_(&o, ',');
		put_money(&o, s->bonus);
		putc_(&o, ',');
		put_money(&o, s->total);
		putc_(&o, '\n');
	}
	return finish(&o);
}

int
calc_write_lines(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in)
{
	static struct out o;
	char label[16], b[32];
	uint32_t last_rep = TCE_NONE;
	int32_t last_period = 0;
	size_t ll = 0;

	o.f = f;
	o.n = 0;
	o.failed = 0;
	static const char hdr[] = "rep,period,order_id,line,payment_id,rule,"
	    "base_kind,base_value,commission\n";
	put(&o, hdr, sizeof(hdr) - 1);
	for (size_t i = 0; i < r->nlines; i++) {
		const struct tce_line *l = &r->lines[i];
		const struct tce_row *row = &in->rows[l->row];
		put_field(&o, r->reps[l->rep]);
		putc_(&o, ',');
		if (l->rep != last_rep || l->period != last_period || ll == 0) {
			ll = tce_period_label(label, r->period, l->period);
			last_rep = l->rep;
			last_period = l->period;
		}
		put(&o, label, ll);
		putc_(&o, ',');
		put_field(&o, row->order_id);
		putc_(&o, ',');
		put_int(&o, row->line);
		putc_(&o, ',');
		if (l->payment != TCE_NONE)
			put_field(&o, in->payments[l->payment].payment_id);
		putc_(&o, ',');
		if (l->rule >= 0) {
			const struct tce_rule *rule = plan->rules[l->rule];
			int64_t v = (int64_t)tce_div_round(l->base,
			    TCE_BASE_MONEY_SCALE);
			put_field(&o, rule->id);
			putc_(&o, ',');
			put_field(&o, tce_base_name(rule->base));
			putc_(&o, ',');
			if (rule->base == TCE_BASE_QUANTITY)
				put(&o, b, tce_qty_format(b, v));
			else
				put_money(&o, v);
		} else
			put(&o, ",,", 2);
		putc_(&o, ',');
		put_money(&o, l->commission);
		putc_(&o, '\n');
	}
	return finish(&o);
}
