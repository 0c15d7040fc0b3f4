/* orders-chart.c: the geometry of the server-drawn bar charts of the
 * statistics page (integers only; the template draws the SVG). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "sales/orders.h"

#define CHART_WIDTH 520
#define CHART_LABEL_W 120
#define CHART_VALUE_W 96
#define CHART_ROW 28
#define CHART_BAR_H 18

/* The amount in whole yuan, grouped ("12,346"), for bar labels. */
static char *
chart_short(char buf[FMT_MONEY_SIZE], int64_t fen)
{
	int64_t yuan = (fen < 0 ? fen - 50 : fen + 50) / 100;
	char *dot;

	fmt_money(buf, yuan * 100, true);
	if ((dot = strrchr(buf, '.')) != NULL)
		*dot = '\0';
	return buf;
}

int
bar_layout(const int64_t *v, size_t n, int width, int label_w, int row,
    struct bar_geom *g, int *zero_x)
{
	int64_t maxpos = 0, maxneg = 0;
	int plot = width - label_w - CHART_VALUE_W;
	__int128 span;

	if (plot < 10)
		plot = 10;
	for (size_t i = 0; i < n; i++) {
		if (v[i] > maxpos)
			maxpos = v[i];
		if (v[i] < 0 && -v[i] > maxneg)
			maxneg = -v[i];
	}
	span = (__int128)maxpos + maxneg;
	*zero_x = label_w + (span > 0 ? (int)((__int128)plot * maxneg / span) :
	    0);
	for (size_t i = 0; i < n; i++) {
		int64_t a = v[i] < 0 ? -v[i] : v[i];
		int len = span > 0 ? (int)((__int128)plot * a / span) : 0;

		if (len == 0 && a != 0)
			len = 1;
		g[i].w = len;
		g[i].h = CHART_BAR_H;
		g[i].y = (int)i * row + (row - CHART_BAR_H) / 2;
		g[i].x = v[i] < 0 ? *zero_x - len : *zero_x;
		g[i].label_y = (int)i * row + row / 2 + 4;
		g[i].value_x = (v[i] < 0 ? *zero_x : *zero_x + len) + 6;
	}
	return (int)n * row;
}

void
bar_chart(struct tdict *chart, const char *const *labels, const int64_t *v,
    size_t n)
{
	struct bar_geom g[64];
	int zero_x, h;

	if (n > sizeof(g) / sizeof(g[0]))
		n = sizeof(g) / sizeof(g[0]);
	h = bar_layout(v, n, CHART_WIDTH, CHART_LABEL_W, CHART_ROW, g, &zero_x);
	tdict_set_int(chart, "chart_w", CHART_WIDTH);
	tdict_set_int(chart, "chart_h", h > 0 ? h : CHART_ROW);
	tdict_set_int(chart, "zero_x", zero_x);
	tdict_set_int(chart, "label_x", CHART_LABEL_W - 8);
	for (size_t i = 0; i < n; i++) {
		struct tdict *b = tdict_add_section(chart, "BAR");
		char m[FMT_MONEY_SIZE];

		tdict_set_int(b, "x", g[i].x);
		tdict_set_int(b, "y", g[i].y);
		tdict_set_int(b, "w", g[i].w);
		tdict_set_int(b, "h", g[i].h);
		tdict_set_int(b, "ty", g[i].label_y);
		tdict_set_int(b, "vx", g[i].value_x);
		tdict_set_int(b, "label_x", CHART_LABEL_W - 8);
		tdict_set(b, "label", labels[i]);
		tdict_set(b, "value", fmt_money(m, v[i], true));
		tdict_set(b, "short", chart_short(m, v[i]));
		if (v[i] < 0)
			tdict_show_section(b, "NEG");
		if (v[i] != 0)
			tdict_show_section(b, "NONZERO");
	}
}

#define COL_WIDTH 960
#define COL_TOP 22
#define COL_PLOT 200
#define COL_LEFT 10

int
col_layout(const int64_t *v, size_t n, int width, int plot_h,
    struct bar_geom *g, int *zero_y)
{
	int64_t maxpos = 0, maxneg = 0;
	__int128 span;
	int slot;

	for (size_t i = 0; i < n; i++) {
		if (v[i] > maxpos)
			maxpos = v[i];
		if (v[i] < 0 && -v[i] > maxneg)
			maxneg = -v[i];
	}
	span = (__int128)maxpos + maxneg;
	slot = n > 0 ? (width - 2 * COL_LEFT) / (int)n : 0;
	*zero_y = COL_TOP + (span > 0 ? (int)((__int128)plot_h * maxpos /
	    span) : plot_h);
	for (size_t i = 0; i < n; i++) {
		int64_t a = v[i] < 0 ? -v[i] : v[i];
		int len = span > 0 ? (int)((__int128)plot_h * a / span) : 0;

		if (len == 0 && a != 0)
			len = 1;
		g[i].w = slot * 3 / 5;
		g[i].x = COL_LEFT + (int)i * slot + (slot - g[i].w) / 2;
		g[i].h = len;
		g[i].y = v[i] < 0 ? *zero_y : *zero_y - len;
		g[i].value_x = g[i].x + g[i].w / 2;    /* centre */
		g[i].label_y = v[i] < 0 ? *zero_y + len + 13 : *zero_y - len - 5;
	}
	return COL_TOP + plot_h + 24;
}

void
col_chart(struct tdict *chart, const char *const *labels, const int64_t *v,
    size_t n)
{
	struct bar_geom g[64];
	int zero_y, h;

	if (n > sizeof(g) / sizeof(g[0]))
		n = sizeof(g) / sizeof(g[0]);
	h = col_layout(v, n, COL_WIDTH, COL_PLOT, g, &zero_y);
	tdict_set_int(chart, "chart_w", COL_WIDTH);
	tdict_set_int(chart, "chart_h", h);
	tdict_set_int(chart, "zero_y", zero_y);
	tdict_set_int(chart, "axis_x2", COL_WIDTH - COL_LEFT);
	tdict_set_int(chart, "axis_x1", COL_LEFT);
	tdict_set_int(chart, "label_y", h - 6);
	for (size_t i = 0; i < n; i++) {
		struct tdict *b = tdict_add_section(chart, "COL");
		char m[FMT_MONEY_SIZE];

		tdict_set_int(b, "x", g[i].x);
		tdict_set_int(b, "y", g[i].y);
		tdict_set_int(b, "w", g[i].w);
		tdict_set_int(b, "h", g[i].h);
		tdict_set_int(b, "cx", g[i].value_x);
		tdict_set_int(b, "vy", g[i].label_y);
		tdict_set(b, "label", labels[i]);
		tdict_set(b, "value", fmt_money(m, v[i], true));
		tdict_set(b, "short", chart_short(m, v[i]));
		if (v[i] < 0)
			tdict_show_section(b, "NEG");
		if (v[i] != 0)
			tdict_show_section(b, "NONZERO");
	}
}
