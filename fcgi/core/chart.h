/* chart.h: charts drawn on the server as SVG, one module for every page.
 *
 * A page describes its chart (kind, categories, up to four series of
 * integer values: fen or counts) and calls chart_show(); the partial
 * template core/chart.tpl draws it.  Kinds:
 *
 *   CHART_COLUMNS  vertical columns per category (months), grouped side
 *                  by side or stacked; a series may be drawn as a line
 *                  over the columns instead (line = true);
 *   CHART_BARS     horizontal bars per category (reps, regions), grouped
 *                  or stacked; centred = a funnel (one series, counts or
 *                  amounts, no value axis, each bar centred);
 *   CHART_LINES    one line per series, a dot per value.
 *
 * Every chart has a value axis that includes 0, with ticks at 1, 2, 2.5
 * or 5 x 10^k (whole yuan for money), negative values below (or left of)
 * the zero line, a label per category (thinned when they would collide),
 * short value labels in one format (Chinese: 8,500 / 12.5万 / 1.2亿;
 * English: 850 / 12.5K / 1.2M), full figures in each shape's tooltip
 * and in the data table, a legend when there are several series, and a
 * text alternative: <title>, a <desc> naming each series' highest and
 * lowest value, and the data table the page may show.  A chart may have
 * a reference line (a target, 100%): a dashed line across the plot at one
 * value of the value axis, with its label, named in the description.  Series colours
 * differ in lightness (they read in grey) and print as greys.
 *
 * chart_layout() is the geometry, integer only and without I/O, so that
 * tests can check it; chart_show() fills the template. */
#ifndef TC_CORE_CHART_H
#define TC_CORE_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHART_MAX_SERIES 4
#define CHART_MAX_CATS 64
#define CHART_MAX_TICKS 12
#define CHART_LABEL_SIZE 32
/* A value that is missing (not 0): nothing is drawn, "–" in the table. */
#define CHART_NONE INT64_MIN
/* Values beyond this (in fen or counts) are refused: sums stay exact. */
#define CHART_MAX_ABS 1000000000000000LL

enum chart_kind { CHART_COLUMNS, CHART_BARS, CHART_LINES };
/* CHART_PERCENT: values in hundredths of a percent (a rate of 1.5% is
 * 150), every label a percent with what decimals it needs ("1.5%"). */
enum chart_unit { CHART_MONEY, CHART_COUNT, CHART_PERCENT };

struct chart_series {
	const char *name;           /* legend, table header */
	const int64_t *v;           /* ncat values, or CHART_NONE */
	bool line;                  /* CHART_COLUMNS: drawn as a line */
};

struct chart {
	enum chart_kind kind;
	enum chart_unit unit;
	bool stacked;               /* COLUMNS, BARS: series on each other */
	bool centred;               /* BARS: a funnel (see above) */
	bool table;                 /* show the data table under the chart */
	const char *id;             /* unique on the page: "chart-months" */
	const char *title;          /* <title>, the table's caption */
	const char *desc;           /* NULL, or a sentence before the summary */
	const char *cat_title;      /* the table's first header: "月份" */
	const char *const *cats;    /* ncat category labels */
	const char *const *notes;   /* NULL, or a text after each bar (funnel) */
	size_t ncat;
	struct chart_series series[CHART_MAX_SERIES];
	size_t nseries;
	int width, height;          /* viewBox; 0: 960 x 260 (a card across
	                             * the page), bars 520 wide (half) */
	const char *ref_label;      /* not NULL: a reference line at ref */
	int64_t ref;                /* in the chart's unit; the axis
	                             * reaches it (not for funnels) */
};

/* The drawing, in viewBox pixels. */
struct chart_rect {
	int x, y, w, h;
	unsigned cat, series;
	bool neg;
};

struct chart_text {
	int x, y;
	char anchor;                /* 's'tart, 'm'iddle, 'e'nd */
	bool shown;
	char text[CHART_LABEL_SIZE];
};

struct chart_geom {
	int w, h;
	int px, py, pw, ph;         /* the plot area */
	bool horizontal;            /* value axis along x (BARS) */
	bool empty;                 /* no category or no value at all */
	int64_t lo, hi, step;       /* the value axis, in fen or counts */
	int zero;                   /* where 0 is on the value axis */
	size_t nticks;
	struct chart_tick { int64_t v; int pos; struct chart_text label; }
	    ticks[CHART_MAX_TICKS];
	struct chart_text cat[CHART_MAX_CATS];      /* category labels */
	struct chart_text value[CHART_MAX_CATS];    /* value labels, notes */
	size_t nrects;
	struct chart_rect rects[CHART_MAX_CATS * CHART_MAX_SERIES];
	struct chart_point { int x, y; bool missing; }
	    pts[CHART_MAX_SERIES][CHART_MAX_CATS];  /* line series */
	bool ref_shown;             /* the reference line, across the plot */
	int ref_pos;                /* at y (vertical) or x (BARS) */
	struct chart_text ref_text; /* its label */
};

/* Lays c out for language lang ("zh" or "en") into *g.  Returns 0, or
 * TC_EINVAL for no series, too many series or categories, a value beyond
 * CHART_MAX_ABS, or centred bars that are not one series >= 0. */
int chart_layout(const struct chart *c, const char *lang,
    struct chart_geom *g);

/* Writes v (fen when unit is CHART_MONEY, whole yuan shown; else a
 * count) as a short label: at most three significant digits past 10,000
 * (Chinese 万, 亿) or 1,000 (English K, M), trailing zeros dropped
 * ("12.5万", "1.2M", "8,500", "-80").  Returns buf. */
char *chart_short(char buf[CHART_LABEL_SIZE], int64_t v, enum chart_unit unit,
    const char *lang);

/* Writes tick v of an axis whose ticks are step apart and reach max_abs
 * at most: every tick of one axis in the same unit and with the same
 * decimals ("0", "0.5万", "1.0万", "1.5万").  Returns buf. */
char *chart_tick(char buf[CHART_LABEL_SIZE], int64_t v, int64_t step,
    int64_t max_abs, enum chart_unit unit, const char *lang);

/* The full figure of v, as tables show it ("1,234,567.89", "12,345"). */
char *chart_full(char buf[CHART_LABEL_SIZE], int64_t v, enum chart_unit unit);

/* The width in pixels of UTF-8 text s in the charts' 11 px font (an
 * estimate: narrow Latin, wide CJK). */
int chart_text_width(const char *s);

struct req;
struct tdict;

/* Lays c out in r's language and adds it to d as the include name (write
 * {{>name}} in the page's template).  On a bad chart (see chart_layout)
 * it logs and draws the empty chart.  Returns 0 or TC_ENOMEM. */
int chart_show(struct req *r, struct tdict *d, const char *name,
    const struct chart *c);

#endif
