/* chart.c: the geometry and the labels of the charts (see chart.h).
 * Integers only; no I/O. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/chart.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/money.h"

/* ---- labels ---- */

/* Writes the whole number n grouped by thousands ("1,234"). */
static void
grouped(char *buf, size_t len, int64_t n)
{
	char m[TC_MONEY_SIZE], *dot;

	tc_money_str(m, n * 100, true);
	if ((dot = strrchr(m, '.')) != NULL)
		*dot = '\0';
	snprintf(buf, len, "%s", m);
}

/* a / b rounded half away from zero, for a >= 0, b > 0. */
static int64_t
div_round(__int128 a, __int128 b)
{
	return (int64_t)((a + b / 2) / b);
}

/* The value in whole units (yuan, counts), rounded half away from 0. */
static int64_t
whole(int64_t v, enum chart_unit unit)
{
	if (unit == CHART_COUNT || unit == CHART_PERCENT)
		return v;
	return v < 0 ? -div_round(-(__int128)v, 100) : div_round(v, 100);
}

/* The abbreviations of a language: units[k] = 10^exp[k], none first. */
struct units {
	int64_t size[3];
	const char *name[3];
};

static const struct units *
units_of(const char *lang)
{
	static const struct units zh = { { 1, 10000, 100000000 },
	    { "", "万", "亿" } };
	static const struct units en = { { 1, 1000, 1000000 },
	    { "", "K", "M" } };

	return lang != NULL && strcmp(lang, "en") == 0 ? &en : &zh;
}

/* Writes a / size with d decimals (a >= 0 a multiple of size / 10^d,
 * or rounded to it), trailing zeros dropped when trim. */
static void
scaled(char *buf, size_t len, bool neg, int64_t a, int64_t size, int d,
    bool trim, const char *suffix)
{
	int64_t p = 1, q;
	char ip[TC_MONEY_SIZE], frac[24] = "", out[96];
	size_t n;

	if (d < 0)
		d = 0;
	if (d > 9)	/* no label shows more; keeps 10^d and frac in range */
		d = 9;
	for (int i = 0; i < d; i++)
		p *= 10;
	q = div_round((__int128)a * p, size);
	grouped(ip, sizeof(ip), q / p);
	if (d > 0) {
		snprintf(frac, sizeof(frac), ".%0*lld", d, (long long)(q % p));
		if (trim) {
			n = strlen(frac);
			while (n > 1 && frac[n - 1] == '0')
				frac[--n] = '\0';
			if (n == 1)
				frac[0] = '\0';
		}
	}
	snprintf(out, sizeof(out), "%s%s%s%s", neg && q != 0 ? "-" : "", ip,
	    frac, suffix);
	/* labels of values within CHART_MAX_ABS always fit */
	n = strlen(out);
	if (n >= len)
		n = len - 1;
	memcpy(buf, out, n);
	buf[n] = '\0';
}

/* A percent held in hundredths, without trailing zeros: "1.5%". */
static char *
percent(char buf[CHART_LABEL_SIZE], int64_t v)
{
	char d[TC_DEC_SIZE];
	size_t n = tc_dec_format(d, v, 2);

	if (n > CHART_LABEL_SIZE - 2)
		n = CHART_LABEL_SIZE - 2;
	memcpy(buf, d, n);
	buf[n] = '%';
	buf[n + 1] = '\0';
	return buf;
}

char *
chart_short(char buf[CHART_LABEL_SIZE], int64_t v, enum chart_unit unit,
    const char *lang)
{
	const struct units *u = units_of(lang);
	int64_t w = whole(v, unit), a = w < 0 ? -w : w;
	int k = 2;

	if (unit == CHART_PERCENT)
		return percent(buf, v);

	while (k > 0 && a < u->size[k])
		k--;
	if (k == 0) {
		scaled(buf, CHART_LABEL_SIZE, w < 0, a, 1, 0, true, "");
		return buf;
	}
	for (;;) {
		/* three significant digits: 1.23, 12.3, 123, 1,234 */
		int d = div_round((__int128)a * 100, u->size[k]) < 1000 ? 2 :
		    div_round((__int128)a * 10, u->size[k]) < 1000 ? 1 : 0;

		/* rounding may reach the next unit: 9,999.6万 is 1亿 */
		if (k < 2 && div_round(a, u->size[k]) >=
		    u->size[k + 1] / u->size[k]) {
			k++;
			continue;
		}
		scaled(buf, CHART_LABEL_SIZE, w < 0, a, u->size[k], d, true,
		    u->name[k]);
		return buf;
	}
}

char *
chart_tick(char buf[CHART_LABEL_SIZE], int64_t v, int64_t step,
    int64_t max_abs, enum chart_unit unit, const char *lang)
{
	const struct units *u = units_of(lang);
	int64_t w = whole(v, unit), s = whole(step, unit);
	int64_t m = whole(max_abs, unit), p = 1;
	int k = 2, d = 0;

	if (unit == CHART_PERCENT)
		return percent(buf, v);
	if (w == 0) {
		snprintf(buf, CHART_LABEL_SIZE, "0");
		return buf;
	}
	while (k > 0 && m < u->size[k])
		k--;
	/* the decimals that show the step exactly, at most 4 */
	while (d < 4 && s > 0 && (__int128)s * p % u->size[k] != 0) {
		d++;
		p *= 10;
	}
	scaled(buf, CHART_LABEL_SIZE, w < 0, w < 0 ? -w : w, u->size[k], d,
	    false, u->name[k]);
	return buf;
}

char *
chart_full(char buf[CHART_LABEL_SIZE], int64_t v, enum chart_unit unit)
{
	if (unit == CHART_MONEY) {
		char m[TC_MONEY_SIZE];

		snprintf(buf, CHART_LABEL_SIZE, "%s", tc_money_str(m, v, true));
	} else if (unit == CHART_PERCENT)
		percent(buf, v);
	else
		grouped(buf, CHART_LABEL_SIZE, v);
	return buf;
}

int
chart_text_width(const char *s)
{
	int tenths = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
		if (*p < 0x80) {
			tenths += strchr(".,:;'|!il ", *p) != NULL ? 32 :
			    *p >= 'A' && *p <= 'Z' ? 72 : 62;
			p++;
			continue;
		}
		/* a multi-byte character: CJK and full-width are wide */
		tenths += *p >= 0xE0 ? 110 : 70;
		for (p++; (*p & 0xC0) == 0x80; p++)
			;
	}
	return (tenths + 9) / 10;
}

/* ---- the value axis ---- */

/* The smallest 1, 2, 2.5 or 5 x 10^k at or above raw (>= unit, a power
 * of ten) that is a multiple of unit. */
static int64_t
nice_step(int64_t raw, int64_t unit)
{
	int64_t p = unit;

	if (raw < unit)
		raw = unit;
	while (p <= raw / 10)
		p *= 10;
	if (raw <= p)
		return p;
	if (raw <= 2 * p)
		return 2 * p;
	if (p / 2 * 5 % unit == 0 && p % 2 == 0 && raw <= p / 2 * 5)
		return p / 2 * 5;
	if (raw <= 5 * p)
		return 5 * p;
	return 10 * p;
}

/* floor(a / b) and ceil(a / b) * b for b > 0. */
static int64_t
floor_to(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && a < 0)
		q--;
	return q * b;
}

static int64_t
ceil_to(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && a > 0)
		q++;
	return q * b;
}

/* Picks lo, hi and step for values in [min, max] (min <= 0 <= max). */
static void
axis(struct chart_geom *g, int64_t min, int64_t max, enum chart_unit unit,
    bool any)
{
	int64_t unit_step = unit == CHART_MONEY ? 100 : 1, sub;

	if (!any || max == min) {
		g->step = unit_step;
		g->lo = 0;
		g->hi = 4 * unit_step;
		if (max > 0 || min < 0) {
			g->step = nice_step(max > 0 ? max / 4 : -min / 4,
			    unit_step);
			g->lo = floor_to(min, g->step);
			g->hi = ceil_to(max, g->step);
		}
		return;
	}
	g->step = nice_step((int64_t)(((__int128)max - min + 4) / 5),
	    unit_step);
	g->hi = ceil_to(max, g->step);
	/* Below zero the axis ends at a fifth (or half) of a step past the
	 * lowest value: a small refund does not take a whole step. */
	sub = g->step % (5 * unit_step) == 0 ? g->step / 5 :
	    g->step % (2 * unit_step) == 0 ? g->step / 2 : g->step;
	g->lo = floor_to(min, max > 0 ? sub : g->step);
}

/* Position of v between the ends a (for lo) and b (for hi), rounded. */
static int
at(const struct chart_geom *g, int64_t v, int a, int b)
{
	__int128 span = (__int128)g->hi - g->lo, num;
	int len = b > a ? b - a : a - b, off;

	if (span <= 0)
		return a;
	num = ((__int128)v - g->lo) * len;
	off = (int)((num * 2 + span) / (2 * span));
	return b > a ? a + off : a - off;
}

static void
text_set(struct chart_text *t, int x, int y, char anchor, const char *s)
{
	t->x = x;
	t->y = y;
	t->anchor = anchor;
	t->shown = true;
	snprintf(t->text, sizeof(t->text), "%s", s);
}

/* ---- layout ---- */

/* The data range: the stacks when stacked, else every value. */
static int
range(const struct chart *c, int64_t *min, int64_t *max, bool *any)
{
	*min = *max = 0;
	*any = false;
	for (size_t i = 0; i < c->ncat; i++) {
		__int128 pos = 0, neg = 0;

		for (size_t s = 0; s < c->nseries; s++) {
			int64_t v = c->series[s].v[i];

			if (v == CHART_NONE)
				continue;
			if (v > CHART_MAX_ABS || v < -CHART_MAX_ABS)
				return TC_EINVAL;
			*any = true;
			if (c->stacked && !c->series[s].line) {
				if (v > 0)
					pos += v;
				else
					neg += v;
			} else {
				if (v > *max)
					*max = v;
				if (v < *min)
					*min = v;
			}
		}
		if (pos > *max)
			*max = (int64_t)pos;
		if (neg < *min)
			*min = (int64_t)neg;
	}
	return 0;
}

static void
ticks_fill(const struct chart *c, const char *lang, struct chart_geom *g)
{
	int64_t m = g->hi > -g->lo ? g->hi : -g->lo;

	g->nticks = 0;
	for (int64_t v = ceil_to(g->lo, g->step); v <= g->hi &&
	    g->nticks < CHART_MAX_TICKS; v += g->step) {
		struct chart_tick *t = &g->ticks[g->nticks++];

		t->v = v;
		chart_tick(t->label.text, v, g->step, m, c->unit, lang);
		t->label.shown = true;
	}
}

/* Whether series s is drawn as bars (not as a line). */
static bool
is_bar(const struct chart *c, size_t s)
{
	return c->kind != CHART_LINES && !c->series[s].line;
}

static void
layout_vertical(const struct chart *c, const char *lang,
    struct chart_geom *g, int64_t min)
{
	size_t nbars = 0, k = 1, bar_index[CHART_MAX_SERIES];
	int left = 28, maxcat = 0, slot, group, bw;
	bool labels = true;

	for (size_t s = 0; s < c->nseries; s++) {
		bar_index[s] = 0;
		nbars += is_bar(c, s);
	}
	ticks_fill(c, lang, g);
	for (size_t t = 0; t < g->nticks; t++) {
		int w = chart_text_width(g->ticks[t].label.text) + 14;

		if (w > left)
			left = w;
	}
	g->px = left;
	g->py = 18;
	g->pw = g->w - left - 8;
	g->ph = g->h - g->py - 22 - (min < 0 ? 14 : 0);
	g->zero = at(g, 0, g->py + g->ph, g->py);
	for (size_t t = 0; t < g->nticks; t++) {
		g->ticks[t].pos = at(g, g->ticks[t].v, g->py + g->ph, g->py);
		g->ticks[t].label.x = g->px - 6;
		g->ticks[t].label.y = g->ticks[t].pos + 4;
		g->ticks[t].label.anchor = 'e';
	}
	slot = c->ncat > 0 ? g->pw / (int)c->ncat : g->pw;
	group = slot * 7 / 10 > 1 ? slot * 7 / 10 : 1;
	bw = nbars == 0 ? 0 : c->stacked ? group : group / (int)nbars;
	if (bw < 1)
		bw = 1;
	for (size_t i = 0; i < c->ncat; i++) {
		int w = chart_text_width(c->cats[i]);

		if (w > maxcat)
			maxcat = w;
	}
	while (slot > 0 && (int)k * slot < maxcat + 6)
		k++;
	for (size_t i = 0; i < c->ncat; i++) {
		int x0 = g->px + (int)i * slot, cx = x0 + slot / 2, gx;
		int64_t pos = 0, neg = 0;
		size_t here = 0;

		/* a group holds the series present here, centred in the slot */
		for (size_t s = 0; s < c->nseries; s++)
			if (is_bar(c, s) && c->series[s].v[i] != CHART_NONE)
				bar_index[s] = here++;
		gx = x0 + (slot - (c->stacked ? bw : bw * (int)here)) / 2;

		text_set(&g->cat[i], cx, g->py + g->ph + 15 + (min < 0 ? 14 : 0),
		    'm', c->cats[i]);
		g->cat[i].shown = i % k == 0;
		for (size_t s = 0; s < c->nseries; s++) {
			int64_t v = c->series[s].v[i], from, to;
			struct chart_rect *r;
			int y1, y2;

			if (!is_bar(c, s)) {
				g->pts[s][i].x = cx;
				g->pts[s][i].missing = v == CHART_NONE;
				g->pts[s][i].y = v == CHART_NONE ? 0 :
				    at(g, v, g->py + g->ph, g->py);
				continue;
			}
			if (v == CHART_NONE)
				continue;
			from = 0;
			if (c->stacked)
				from = v >= 0 ? pos : neg;
			to = from + v;
			if (c->stacked && v >= 0)
				pos = to;
			else if (c->stacked)
				neg = to;
			y1 = at(g, to, g->py + g->ph, g->py);
			y2 = at(g, from, g->py + g->ph, g->py);
			r = &g->rects[g->nrects++];
			r->cat = (unsigned)i;
			r->series = (unsigned)s;
			r->neg = v < 0;
			r->x = c->stacked ? gx : gx + (int)bar_index[s] * bw;
			r->w = bw > 2 && !c->stacked && nbars > 1 ? bw - 1 : bw;
			r->y = y1 < y2 ? y1 : y2;
			r->h = y1 < y2 ? y2 - y1 : y1 - y2;
			if (r->h == 0 && v != 0) {
				r->h = 1;
				if (v > 0)
					r->y--;
			}
		}
	}
	/* Value labels: one series of columns, when every label fits. */
	if (nbars != 1)
		return;
	for (size_t n = 0; n < g->nrects && labels; n++) {
		const struct chart_rect *r = &g->rects[n];
		char t[CHART_LABEL_SIZE];

		chart_short(t, c->series[r->series].v[r->cat], c->unit, lang);
		labels = chart_text_width(t) * 11 / 10 <= slot - 2;
	}
	for (size_t n = 0; n < g->nrects && labels; n++) {
		const struct chart_rect *r = &g->rects[n];
		int64_t v = c->series[r->series].v[r->cat];
		char t[CHART_LABEL_SIZE];

		if (v == 0)
			continue;
		text_set(&g->value[r->cat], r->x + r->w / 2, v > 0 ? r->y - 4 :
		    r->y + r->h + 12, 'm', chart_short(t, v, c->unit, lang));
	}
}

/* The label beside bar i of a horizontal chart: a note, the total of a
 * stack, or the value of a single series; *right tells the side. */
static bool
bar_label(const struct chart *c, const char *lang, size_t i, char *t,
    bool *right)
{
	int64_t total = 0;
	bool any = false;

	*right = true;
	if (c->notes != NULL) {
		if (c->notes[i] == NULL)
			return false;
		snprintf(t, CHART_LABEL_SIZE, "%s", c->notes[i]);
		return true;
	}
	if (!c->stacked && c->nseries > 1)
		return false;
	for (size_t s = 0; s < c->nseries; s++)
		if (c->series[s].v[i] != CHART_NONE) {
			total += c->series[s].v[i];
			any = true;
		}
	if (!any || total == 0)
		return false;
	*right = total > 0;
	chart_short(t, total, c->unit, lang);
	return true;
}

static void
layout_horizontal(const struct chart *c, const char *lang,
    struct chart_geom *g, int64_t min)
{
	size_t nbars = c->stacked || c->centred ? 1 : c->nseries;
	int label_w = 0, right = 8, left_room = 4, row, bar_h;
	int64_t maxv = g->hi;

	for (size_t i = 0; i < c->ncat; i++) {
		char t[CHART_LABEL_SIZE];
		int w = chart_text_width(c->cats[i]) + 16;
		bool r;

		if (w > label_w)
			label_w = w;
		if (!bar_label(c, lang, i, t, &r))
			continue;
		/* value labels are bold: a tenth wider */
		w = chart_text_width(t) * 11 / 10 + 14;
		if (r && w > right)
			right = w;
		if (!r && w > left_room)
			left_room = w;
	}
	if (label_w > g->w * 2 / 5)
		label_w = g->w * 2 / 5;
	if (min >= 0)
		left_room = 4;
	bar_h = nbars == 1 ? 18 : 14;
	row = nbars == 1 ? 28 : 8 + bar_h * (int)nbars;
	g->horizontal = true;
	g->px = label_w + left_room;
	g->pw = g->w - g->px - right;
	if (g->pw < 40)
		g->pw = 40;
	g->py = 4;
	g->ph = (int)c->ncat * row;
	g->h = g->py + g->ph + (c->centred ? 4 : 22);
	if (!c->centred) {
		ticks_fill(c, lang, g);
		for (size_t t = 0; t < g->nticks; t++) {
			g->ticks[t].pos = at(g, g->ticks[t].v, g->px,
			    g->px + g->pw);
			g->ticks[t].label.x = g->ticks[t].pos;
			g->ticks[t].label.y = g->py + g->ph + 15;
			g->ticks[t].label.anchor = 'm';
		}
	}
	g->zero = at(g, 0, g->px, g->px + g->pw);
	for (size_t i = 0; i < c->ncat; i++) {
		int y0 = g->py + (int)i * row, ty = y0 + row / 2 + 4;
		int by = y0 + (row - bar_h * (int)nbars) / 2;
		int end_pos = g->zero, end_neg = g->zero;
		int64_t pos = 0, neg = 0;
		char t[CHART_LABEL_SIZE];
		bool r;

		text_set(&g->cat[i], label_w - 8, ty, 'e', c->cats[i]);
		for (size_t s = 0; s < c->nseries; s++) {
			int64_t v = c->series[s].v[i], from = 0, to;
			struct chart_rect *rc;
			int x1, x2;

			if (v == CHART_NONE)
				continue;
			rc = &g->rects[g->nrects++];
			rc->cat = (unsigned)i;
			rc->series = (unsigned)s;
			rc->neg = v < 0;
			rc->h = nbars > 1 ? bar_h - 1 : bar_h;
			rc->y = by + (nbars > 1 ? (int)s * bar_h : 0);
			if (c->centred) {
				rc->w = maxv > 0 ? (int)(((__int128)v * g->pw * 2 /
				    maxv + 1) / 2) : 0;
				if (rc->w == 0 && v > 0)
					rc->w = 1;
				rc->x = g->px + (g->pw - rc->w) / 2;
				end_pos = g->px + g->pw;
				continue;
			}
			if (c->stacked)
				from = v >= 0 ? pos : neg;
			to = from + v;
			if (c->stacked && v >= 0)
				pos = to;
			else if (c->stacked)
				neg = to;
			x1 = at(g, from, g->px, g->px + g->pw);
			x2 = at(g, to, g->px, g->px + g->pw);
			rc->x = x1 < x2 ? x1 : x2;
			rc->w = x1 < x2 ? x2 - x1 : x1 - x2;
			if (rc->w == 0 && v != 0) {
				rc->w = 1;
				if (v < 0)
					rc->x--;
			}
			if (rc->x + rc->w > end_pos)
				end_pos = rc->x + rc->w;
			if (rc->x < end_neg)
				end_neg = rc->x;
		}
		if (bar_label(c, lang, i, t, &r))
			text_set(&g->value[i], r ? end_pos + 6 : end_neg - 6, ty,
			    r ? 's' : 'e', t);
	}
}

/* The reference line across the plot, its label at the plot's far end
 * above the line (vertical charts) or at its top beside it (bars). */
static void
layout_ref(const struct chart *c, struct chart_geom *g)
{
	g->ref_shown = true;
	if (g->horizontal) {
		g->ref_pos = at(g, c->ref, g->px, g->px + g->pw);
		text_set(&g->ref_text, g->ref_pos + 3, g->py + 10, 's',
		    c->ref_label);
	} else {
		g->ref_pos = at(g, c->ref, g->py + g->ph, g->py);
		text_set(&g->ref_text, g->px + g->pw - 2, g->ref_pos - 4, 'e',
		    c->ref_label);
	}
}

int
chart_layout(const struct chart *c, const char *lang, struct chart_geom *g)
{
	int64_t min, max;
	bool any;
	int rc;

	memset(g, 0, sizeof(*g));
	if (c->nseries == 0 || c->nseries > CHART_MAX_SERIES ||
	    c->ncat > CHART_MAX_CATS || (c->ncat > 0 && c->cats == NULL))
		return TC_EINVAL;
	for (size_t s = 0; s < c->nseries; s++)
		if (c->ncat > 0 && c->series[s].v == NULL)
			return TC_EINVAL;
	if ((rc = range(c, &min, &max, &any)) != 0)
		return rc;
	if (c->centred && (c->kind != CHART_BARS || c->nseries != 1 ||
	    min < 0))
		return TC_EINVAL;
	if (c->ref_label != NULL && !c->centred) {
		if (c->ref > CHART_MAX_ABS || c->ref < -CHART_MAX_ABS)
			return TC_EINVAL;
		if (c->ref > max)
			max = c->ref;
		if (c->ref < min)
			min = c->ref;
	}
	g->w = c->width > 0 ? c->width : c->kind == CHART_BARS ? 520 : 960;
	g->h = c->height > 0 ? c->height : 260;
	g->empty = c->ncat == 0 || !any;
	axis(g, min, max, c->unit, any);
	if (c->centred) {
		g->lo = 0;
		g->hi = max;
	}
	if (g->empty) {
		/* nothing to draw: the frame and a message */
		g->px = 8;
		g->py = 8;
		g->pw = g->w - 16;
		g->h = c->kind == CHART_BARS ? 80 : g->h;
		g->ph = g->h - 16;
		g->nticks = 0;
		g->zero = g->py + g->ph;
		return 0;
	}
	if (c->kind == CHART_BARS)
		layout_horizontal(c, lang, g, min);
	else
		layout_vertical(c, lang, g, min);
	if (c->ref_label != NULL && !c->centred)
		layout_ref(c, g);
	return 0;
}
