/* chart-view.c: a laid-out chart into the dictionary of the partial
 * template core/chart.tpl (see chart.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "core/chart.h"
#include "core/error.h"
#include "core/log.h"

static const char *const kind_names[] = { "columns", "bars", "lines" };

static const char *
anchor_name(char a)
{
	return a == 'm' ? "middle" : a == 'e' ? "end" : "start";
}

static void
set_text(struct tdict *t, const struct chart_text *x, const char *var)
{
	tdict_set_int(t, "x", x->x);
	tdict_set_int(t, "y", x->y);
	tdict_set(t, "anchor", anchor_name(x->anchor));
	tdict_set(t, var, x->text);
}

/* "category · series: full figure" (without the series for one). */
static void
tip(char *buf, size_t len, const struct chart *c, size_t cat, size_t s,
    int64_t v)
{
	char full[CHART_LABEL_SIZE];

	chart_full(full, v, c->unit);
	if (c->nseries > 1 && c->series[s].name != NULL)
		snprintf(buf, len, "%s · %s: %s", c->cats[cat], c->series[s].name,
		    full);
	else
		snprintf(buf, len, "%s: %s", c->cats[cat], full);
}

/* The <desc>: the caller's sentence, then each series' highest and
 * lowest value with its category. */
static void
describe(struct req *r, const struct chart *c, const struct chart_geom *g,
    char *buf, size_t len)
{
	size_t o = 0;

	o += (size_t)snprintf(buf, len, "%s", c->desc != NULL ? c->desc : "");
	if (g->empty) {
		snprintf(buf + o, len > o ? len - o : 0, "%s%s", o ? " " : "",
		    tr(r, "chart_empty"));
		return;
	}
	for (size_t s = 0; s < c->nseries && o < len; s++) {
		size_t hi = c->ncat, lo = c->ncat;
		char a[CHART_LABEL_SIZE], b[CHART_LABEL_SIZE];

		for (size_t i = 0; i < c->ncat; i++) {
			int64_t v = c->series[s].v[i];

			if (v == CHART_NONE)
				continue;
			if (hi == c->ncat || v > c->series[s].v[hi])
				hi = i;
			if (lo == c->ncat || v < c->series[s].v[lo])
				lo = i;
		}
		if (hi == c->ncat)
			continue;
		o += (size_t)snprintf(buf + o, len > o ? len - o : 0,
		    "%s%s%s%s %s %s; %s %s %s.", o ? " " : "",
		    c->series[s].name != NULL ? c->series[s].name : "",
		    c->series[s].name != NULL ? ": " : "",
		    tr(r, "chart_highest"), c->cats[hi],
		    chart_full(a, c->series[s].v[hi], c->unit),
		    tr(r, "chart_lowest"), c->cats[lo],
		    chart_full(b, c->series[s].v[lo], c->unit));
	}
	if (g->ref_shown && o < len) {
		char a[CHART_LABEL_SIZE];

		snprintf(buf + o, len - o, "%s%s %s: %s.", o ? " " : "",
		    tr(r, "chart_reference"), c->ref_label,
		    chart_full(a, c->ref, c->unit));
	}
}

static void
fill_axes(struct tdict *d, const struct chart_geom *g)
{
	for (size_t t = 0; t < g->nticks; t++) {
		struct tdict *row = tdict_add_section(d, "GRID");
		int p = g->ticks[t].pos;

		tdict_set_int(row, "x1", g->horizontal ? p : g->px);
		tdict_set_int(row, "x2", g->horizontal ? p : g->px + g->pw);
		tdict_set_int(row, "y1", g->horizontal ? g->py : p);
		tdict_set_int(row, "y2", g->horizontal ? g->py + g->ph : p);
		set_text(row, &g->ticks[t].label, "label");
	}
	if (g->ref_shown) {
		struct tdict *f = tdict_add_section(d, "REF");
		int p = g->ref_pos;

		tdict_set_int(f, "x1", g->horizontal ? p : g->px);
		tdict_set_int(f, "x2", g->horizontal ? p : g->px + g->pw);
		tdict_set_int(f, "y1", g->horizontal ? g->py : p);
		tdict_set_int(f, "y2", g->horizontal ? g->py + g->ph : p);
		set_text(f, &g->ref_text, "label");
	}
	if (g->nticks > 0) {
		struct tdict *z = tdict_add_section(d, "ZERO");

		tdict_set_int(z, "x1", g->horizontal ? g->zero : g->px);
		tdict_set_int(z, "x2", g->horizontal ? g->zero : g->px + g->pw);
		tdict_set_int(z, "y1", g->horizontal ? g->py : g->zero);
		tdict_set_int(z, "y2", g->horizontal ? g->py + g->ph : g->zero);
	}
}

static void
fill_shapes(struct tdict *d, const struct chart *c, const struct chart_geom *g)
{
	size_t nbars = 0;
	char buf[512];

	for (size_t s = 0; s < c->nseries; s++)
		nbars += c->kind != CHART_LINES && !c->series[s].line;

	for (size_t n = 0; n < g->nrects; n++) {
		const struct chart_rect *rc = &g->rects[n];
		struct tdict *b = tdict_add_section(d, "BAR");

		tdict_set_int(b, "x", rc->x);
		tdict_set_int(b, "y", rc->y);
		tdict_set_int(b, "w", rc->w);
		tdict_set_int(b, "h", rc->h);
		tdict_set_int(b, "s", rc->series + 1);
		/* one series: red below zero; several: their own colours */
		if (rc->neg && nbars == 1)
			tdict_show_section(b, "NEG");
		tip(buf, sizeof(buf), c, rc->cat, rc->series,
		    c->series[rc->series].v[rc->cat]);
		tdict_set(b, "tip", buf);
	}
	for (size_t s = 0; s < c->nseries; s++) {
		char pts[CHART_MAX_CATS * 16];
		size_t k = 0;

		if (c->kind != CHART_LINES && !c->series[s].line)
			continue;
		/* a dot per value, a polyline per run of values without a gap */
		for (size_t i = 0; i <= c->ncat; i++) {
			const struct chart_point *p = i < c->ncat ?
			    &g->pts[s][i] : NULL;

			if (p != NULL && !p->missing) {
				struct tdict *dot = tdict_add_section(d, "DOT");

				tdict_set_int(dot, "x", p->x);
				tdict_set_int(dot, "y", p->y);
				tdict_set_int(dot, "s", s + 1);
				tip(buf, sizeof(buf), c, i, s, c->series[s].v[i]);
				tdict_set(dot, "tip", buf);
				k += (size_t)snprintf(pts + k, sizeof(pts) - k,
				    "%s%d,%d", k ? " " : "", p->x, p->y);
				continue;
			}
			if (k > 0) {
				struct tdict *l = tdict_add_section(d, "LINE");

				tdict_set(l, "points", pts);
				tdict_set_int(l, "s", s + 1);
			}
			k = 0;
		}
	}
	for (size_t i = 0; i < c->ncat; i++) {
		if (g->cat[i].shown)
			set_text(tdict_add_section(d, "CAT"), &g->cat[i], "label");
		if (g->value[i].shown)
			set_text(tdict_add_section(d, "VALUE"), &g->value[i], "text");
	}
}

static void
fill_legend_table(struct tdict *d, const struct chart *c)
{
	if (c->nseries > 1) {
		struct tdict *lg = tdict_add_section(d, "LEGEND");

		for (size_t s = 0; s < c->nseries; s++) {
			struct tdict *it = tdict_add_section(lg, "ITEM");

			tdict_set_int(it, "s", s + 1);
			tdict_set(it, "name", c->series[s].name);
			if (c->kind == CHART_LINES || c->series[s].line)
				tdict_show_section(it, "IS_LINE");
		}
	}
	if (!c->table)
		return;

	struct tdict *t = tdict_add_section(d, "TABLE");

	tdict_set(t, "cat_title", c->cat_title);
	for (size_t s = 0; s < c->nseries; s++)
		tdict_set(tdict_add_section(t, "HEAD"), "name",
		    c->series[s].name != NULL ? c->series[s].name : c->title);
	for (size_t i = 0; i < c->ncat; i++) {
		struct tdict *row = tdict_add_section(t, "ROW");

		tdict_set(row, "label", c->cats[i]);
		for (size_t s = 0; s < c->nseries; s++) {
			struct tdict *cell = tdict_add_section(row, "CELL");
			int64_t v = c->series[s].v[i];
			char full[CHART_LABEL_SIZE];

			tdict_set(cell, "value", v == CHART_NONE ? "–" :
			    chart_full(full, v, c->unit));
			if (c->unit == CHART_MONEY)
				tdict_show_section(cell, "MONEY");
			if (v != CHART_NONE && v < 0)
				tdict_show_section(cell, "NEG");
		}
	}
	if (c->ncat == 0)
		tdict_show_section(t, "NO_ROWS");
}

int
chart_show(struct req *r, struct tdict *d, const char *name,
    const struct chart *c)
{
	struct chart_geom *g;
	struct tdict *v;
	char desc[2048];

	if ((g = malloc(sizeof(*g))) == NULL)
		return TC_ENOMEM;
	if (chart_layout(c, r->lang, g) != 0) {
		static const struct chart none = { .nseries = 1 };

		log_msg("chart %s: refused (%zu series, %zu categories)",
		    c->id != NULL ? c->id : "?", c->nseries, c->ncat);
		chart_layout(&none, r->lang, g);
		c = &none;
	}
	if ((v = tdict_include(d, name, "core/chart.tpl")) == NULL) {
		free(g);
		return TC_ENOMEM;
	}
	tdict_set(v, "id", c->id != NULL ? c->id : "chart");
	tdict_set(v, "kind", kind_names[c->kind]);
	tdict_set_int(v, "w", g->w);
	tdict_set_int(v, "h", g->h);
	tdict_set(v, "title", c->title);
	describe(r, c, g, desc, sizeof(desc));
	tdict_set(v, "desc", desc);
	if (g->empty) {
		struct tdict *e = tdict_add_section(v, "EMPTY");

		tdict_set_int(e, "x", g->w / 2);
		tdict_set_int(e, "y", g->h / 2 + 4);
	} else {
		fill_axes(v, g);
		fill_shapes(v, c, g);
	}
	fill_legend_table(v, c);
	free(g);
	return 0;
}
