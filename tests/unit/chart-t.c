/* chart-t: the charts' geometry (nice ticks, scales, negative values,
 * stacks, funnels, lines with gaps, empty data), their labels in both
 * languages (万/亿 and K/M, one format for ticks), and what the partial
 * template shows (title, desc, tooltips with full figures, legend, the
 * data table). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/app.h"
#include "core/chart.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/tmpl.h"

/* ---- labels ---- */

static const struct {
	int64_t v;
	enum chart_unit unit;
	const char *lang, *out;
} shorts[] = {
	{ 0, CHART_MONEY, "zh", "0" },
	{ 49, CHART_MONEY, "zh", "0" },
	{ 50, CHART_MONEY, "zh", "1" },            /* half a yuan rounds up */
	{ -8000, CHART_MONEY, "zh", "-80" },
	{ 850000, CHART_MONEY, "zh", "8,500" },
	{ 999900, CHART_MONEY, "zh", "9,999" },
	{ 1000000, CHART_MONEY, "zh", "1万" },
	{ 1234567, CHART_MONEY, "zh", "1.23万" },
	{ 1235000, CHART_MONEY, "zh", "1.24万" },  /* half away from zero */
	{ 1200000, CHART_MONEY, "zh", "1.2万" },   /* trailing zeros go */
	{ 12345600, CHART_MONEY, "zh", "12.3万" },
	{ 123456700, CHART_MONEY, "zh", "123万" },
	{ 1234567800, CHART_MONEY, "zh", "1,235万" },
	{ -123456700, CHART_MONEY, "zh", "-123万" },
	{ 9999600000, CHART_MONEY, "zh", "1亿" },  /* 9,999.6万 */
	{ 13400000000, CHART_MONEY, "zh", "1.34亿" },
	{ 100000000000000, CHART_MONEY, "zh", "10,000亿" },
	{ 85000, CHART_MONEY, "en", "850" },
	{ 100000, CHART_MONEY, "en", "1K" },
	{ 1234567, CHART_MONEY, "en", "12.3K" },
	{ 99950000, CHART_MONEY, "en", "1M" },     /* 999.5K */
	{ 1340000000, CHART_MONEY, "en", "13.4M" },
	{ -1600000, CHART_MONEY, "en", "-16K" },
	{ 1234567890000, CHART_MONEY, "en", "12,346M" },
	{ 7, CHART_COUNT, "zh", "7" },
	{ 12345, CHART_COUNT, "zh", "1.23万" },
	{ 1234, CHART_COUNT, "en", "1.23K" },
	{ 999, CHART_COUNT, "en", "999" },
};

START_TEST(short_labels_in_both_languages)
{
	char buf[CHART_LABEL_SIZE];

	ck_assert_str_eq(chart_short(buf, shorts[_i].v, shorts[_i].unit,
	    shorts[_i].lang), shorts[_i].out);
}
END_TEST

static const struct {
	int64_t v, step, max;
	const char *lang, *out;
} ticks[] = {
	{ 0, 50000, 200000, "zh", "0" },
	{ 50000, 50000, 200000, "zh", "500" },
	{ -50000, 50000, 200000, "zh", "-500" },
	{ 150000, 50000, 200000, "en", "1.5K" },
	{ 250000, 250000, 1250000, "zh", "0.25万" },
	{ 1000000, 250000, 1250000, "zh", "1.00万" },
	{ 250000, 250000, 1250000, "en", "2.5K" },
	{ 1000000, 250000, 1250000, "en", "10.0K" },
	{ 2000000000, 1000000000, 5000000000, "zh", "2,000万" },
	{ 20000000000, 5000000000, 25000000000, "zh", "2.0亿" },
	{ 20000000000, 5000000000, 25000000000, "en", "200M" },
};

START_TEST(tick_labels_share_unit_and_decimals)
{
	char buf[CHART_LABEL_SIZE];

	ck_assert_str_eq(chart_tick(buf, ticks[_i].v, ticks[_i].step,
	    ticks[_i].max, CHART_MONEY, ticks[_i].lang), ticks[_i].out);
}
END_TEST

START_TEST(full_figures_for_tooltips_and_tables)
{
	char buf[CHART_LABEL_SIZE];

	ck_assert_str_eq(chart_full(buf, 123456789, CHART_MONEY), "1,234,567.89");
	ck_assert_str_eq(chart_full(buf, -8000, CHART_MONEY), "-80.00");
	ck_assert_str_eq(chart_full(buf, 16156626, CHART_COUNT), "16,156,626");
}
END_TEST

START_TEST(percent_labels_keep_the_decimals_they_need)
{
	char buf[CHART_LABEL_SIZE];

	/* hundredths of a percent: a rate of 1.5%, a multiplier of 1.25 */
	ck_assert_str_eq(chart_short(buf, 150, CHART_PERCENT, "zh"), "1.5%");
	ck_assert_str_eq(chart_short(buf, 12500, CHART_PERCENT, "en"), "125%");
	ck_assert_str_eq(chart_tick(buf, 50, 50, 200, CHART_PERCENT, "zh"),
	    "0.5%");
	ck_assert_str_eq(chart_full(buf, 275, CHART_PERCENT), "2.75%");
	ck_assert_str_eq(chart_full(buf, 0, CHART_PERCENT), "0%");
}
END_TEST

START_TEST(text_width_counts_cjk_wide)
{
	ck_assert_int_eq(chart_text_width(""), 0);
	ck_assert_int_gt(chart_text_width("华东区"), chart_text_width("abc"));
	ck_assert_int_eq(chart_text_width("华东"), 22);
	ck_assert_int_eq(chart_text_width("2026-01"), 44);
}
END_TEST

/* ---- geometry ---- */

/* Pixels are rounded: a and b within one pixel. */
#define NEAR(a, b) ck_assert_msg(abs((int)(a) - (int)(b)) <= 1, \
	"%s = %d, %s = %d: more than a pixel apart", #a, (int)(a), #b, (int)(b))

static const char *const months[] = { "01", "02", "03", "04", "05", "06",
	"07", "08", "09", "10", "11", "12" };

static struct chart
columns(const int64_t *v, size_t n)
{
	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
	    .id = "t", .title = "t", .cats = months, .ncat = n, .nseries = 1 };

	c.series[0].name = "amount";
	c.series[0].v = v;
	return c;
}

START_TEST(ticks_are_nice_and_cover_the_values)
{
	static const int64_t a[] = { 0, 1234567 }, b[] = { -8000, 181250 },
	    k[] = { 0, 7 };
	struct chart_geom g;
	struct chart c = columns(a, 2);

	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_int_eq(g.lo, 0);
	ck_assert_int_eq(g.step, 250000);       /* 2,500 yuan */
	ck_assert_int_eq(g.hi, 1250000);
	ck_assert_uint_eq(g.nticks, 6);
	ck_assert_str_eq(g.ticks[5].label.text, "1.25万");
	c = columns(b, 2);
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	/* below zero: a fifth of a step past the lowest value, no tick */
	ck_assert_int_eq(g.lo, -10000);
	ck_assert_int_eq(g.step, 50000);
	ck_assert_int_eq(g.hi, 200000);
	ck_assert_uint_eq(g.nticks, 5);
	ck_assert_str_eq(g.ticks[0].label.text, "0");
	ck_assert_str_eq(g.ticks[4].label.text, "2,000");
	ck_assert_int_lt(g.ticks[0].pos, g.py + g.ph);
	c = columns(k, 2);
	c.unit = CHART_COUNT;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_int_eq(g.step, 2);
	ck_assert_int_eq(g.hi, 8);
	ck_assert_uint_eq(g.nticks, 5);
	/* every tick on the axis, top to bottom */
	for (size_t t = 1; t < g.nticks; t++)
		ck_assert_int_lt(g.ticks[t].pos, g.ticks[t - 1].pos);
	ck_assert_int_eq(g.ticks[0].pos, g.py + g.ph);
	ck_assert_int_eq(g.ticks[g.nticks - 1].pos, g.py);
}
END_TEST

START_TEST(columns_stand_on_the_zero_line_negatives_hang_below)
{
	static const int64_t v[] = { 100000, -50000, 0, 200000 };
	struct chart_geom g;
	struct chart c = columns(v, 4);

	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_uint_eq(g.nrects, 4);
	ck_assert_int_eq(g.rects[0].y + g.rects[0].h, g.zero);
	ck_assert(!g.rects[0].neg);
	ck_assert_int_eq(g.rects[1].y, g.zero);
	ck_assert(g.rects[1].neg);
	ck_assert_int_eq(g.rects[2].h, 0);
	/* proportional: 2,000 is twice 1,000, and reaches the top */
	NEAR(g.rects[3].h, 2 * g.rects[0].h);
	ck_assert_int_eq(g.rects[3].y, g.py);
	/* 1,000 yuan up and 500 down: the same scale both ways */
	NEAR(g.rects[1].h * 2, g.rects[0].h);
	/* value labels above, below, none for 0 */
	ck_assert(g.value[0].shown);
	ck_assert_str_eq(g.value[0].text, "1,000");
	ck_assert_int_lt(g.value[0].y, g.rects[0].y);
	ck_assert_str_eq(g.value[1].text, "-500");
	ck_assert_int_gt(g.value[1].y, g.rects[1].y + g.rects[1].h);
	ck_assert(!g.value[2].shown);
	/* categories evenly spaced, labels centred under their column */
	ck_assert_int_eq(g.cat[1].x - g.cat[0].x, g.cat[3].x - g.cat[2].x);
	NEAR(g.cat[0].x, g.rects[0].x + g.rects[0].w / 2);
}
END_TEST

START_TEST(a_tiny_value_is_still_seen)
{
	static const int64_t v[] = { 100000000, 100 };
	struct chart_geom g;
	struct chart c = columns(v, 2);

	ck_assert_int_eq(chart_layout(&c, "en", &g), 0);
	ck_assert_int_eq(g.rects[1].h, 1);
	ck_assert_int_eq(g.rects[1].y + 1, g.zero);
}
END_TEST

START_TEST(stacked_columns_sit_on_each_other)
{
	static const int64_t in[] = { 300000, 100000 }, out[] = { -100000, 0 };
	struct chart_geom g;
	struct chart c = columns(in, 2);

	c.stacked = true;
	c.nseries = 2;
	c.series[1].name = "refunds";
	c.series[1].v = out;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_int_eq(g.lo, -100000);
	ck_assert_int_eq(g.hi, 300000);
	ck_assert_uint_eq(g.nrects, 4);
	/* month 1: received above the zero line, the refund below it, one
	 * column wide */
	ck_assert_int_eq(g.rects[0].y + g.rects[0].h, g.zero);
	ck_assert_int_eq(g.rects[1].y, g.zero);
	ck_assert_int_eq(g.rects[0].x, g.rects[1].x);
	ck_assert_int_eq(g.rects[0].w, g.rects[1].w);
	ck_assert_int_eq(g.rects[0].y, g.py);      /* the top of the axis */
	ck_assert_int_eq(g.rects[1].y + g.rects[1].h, g.py + g.ph);
	/* several series: no value labels, the legend tells them apart */
	ck_assert(!g.value[0].shown);
}
END_TEST

START_TEST(stacked_positive_parts_add_up)
{
	static const int64_t a[] = { 100000 }, b[] = { 200000 };
	struct chart_geom g;
	struct chart c = columns(a, 1);

	c.stacked = true;
	c.nseries = 2;
	c.series[1].v = b;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_int_eq(g.hi, 300000);
	ck_assert_int_eq(g.rects[1].y + g.rects[1].h, g.rects[0].y);
	ck_assert_int_eq(g.rects[1].y, g.py);
	NEAR(g.rects[1].h, 2 * g.rects[0].h);
}
END_TEST

START_TEST(grouped_columns_stand_side_by_side)
{
	static const int64_t a[] = { 100000, 200000 }, b[] = { 50000,
	    CHART_NONE };
	struct chart_geom g;
	struct chart c = columns(a, 2);

	c.nseries = 2;
	c.series[1].v = b;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_uint_eq(g.nrects, 3);         /* the missing one is not drawn */
	ck_assert_int_gt(g.rects[1].x, g.rects[0].x);
	ck_assert_int_eq(g.rects[1].cat, 0);
	ck_assert_int_eq(g.rects[1].series, 1);
	ck_assert_int_eq(g.rects[2].cat, 1);
	/* alone in its category, a column stands in the middle of it */
	NEAR(g.rects[2].x + g.rects[2].w / 2, g.cat[1].x);
	/* two side by side meet in the middle */
	NEAR(g.rects[0].x + g.rects[0].w, g.cat[0].x);
}
END_TEST

START_TEST(many_categories_thin_their_labels)
{
	static const char *const cats[36] = { "2024-01", "2024-02", "2024-03",
	    "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
	    "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
	    "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
	    "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
	    "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
	    "2026-10", "2026-11", "2026-12" };
	int64_t v[36];
	struct chart_geom g;
	struct chart c;
	int shown = 0;

	for (int i = 0; i < 36; i++)
		v[i] = (i + 1) * 1000000;
	c = columns(v, 36);
	c.cats = cats;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	for (int i = 0; i < 36; i++)
		shown += g.cat[i].shown;
	ck_assert_int_lt(shown, 36);
	ck_assert_int_gt(shown, 5);
	ck_assert(g.cat[0].shown);
	/* shown labels do not overlap */
	for (int i = 0, last = -1; i < 36; i++)
		if (g.cat[i].shown) {
			if (last >= 0)
				ck_assert_int_ge(g.cat[i].x - g.cat[last].x,
				    chart_text_width(cats[i]));
			last = i;
		}
	/* the values do not fit above 36 narrow columns: none is shown */
	ck_assert(!g.value[35].shown);
}
END_TEST

START_TEST(horizontal_bars_grow_from_zero_both_ways)
{
	static const char *const who[] = { "张伟", "李娜", "刘洋" };
	static const int64_t v[] = { 300000, -100000, 150000 };
	struct chart_geom g;
	struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
	    .cats = who, .ncat = 3, .nseries = 1 };

	c.series[0].v = v;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(g.horizontal);
	ck_assert_int_eq(g.rects[0].x, g.zero);
	ck_assert_int_eq(g.rects[1].x + g.rects[1].w, g.zero);
	NEAR(g.rects[0].w, 2 * g.rects[2].w);
	/* 3,000 reaches the right end, -1,000 the left one */
	ck_assert_int_eq(g.rects[0].x + g.rects[0].w, g.px + g.pw);
	ck_assert_int_eq(g.rects[1].x, g.px);
	/* labels left of the plot, values after each bar's end */
	ck_assert_int_lt(g.cat[0].x, g.rects[1].x);
	ck_assert_int_eq(g.cat[0].anchor, 'e');
	ck_assert_str_eq(g.value[0].text, "3,000");
	ck_assert_int_gt(g.value[0].x, g.rects[0].x + g.rects[0].w);
	ck_assert_str_eq(g.value[1].text, "-1,000");
	ck_assert_int_eq(g.value[1].anchor, 'e');
	ck_assert_int_lt(g.value[1].x, g.rects[1].x);
	/* everything inside the chart */
	ck_assert_int_le(g.px + g.pw, g.w);
	ck_assert_int_eq(g.h, g.py + g.ph + 22);
	ck_assert_int_gt(g.nticks, 2);
}
END_TEST

START_TEST(a_funnel_centres_its_bars)
{
	static const char *const st[] = { "线索", "商机", "方案", "谈判", "赢单" };
	static const int64_t n[] = { 40, 30, 20, 10, 0 };
	static const char *const notes[] = { "40 · 1,200万", "30", "20", "10",
	    "0" };
	struct chart_geom g;
	struct chart c = { .kind = CHART_BARS, .unit = CHART_COUNT,
	    .centred = true, .cats = st, .notes = notes, .ncat = 5,
	    .nseries = 1 };

	c.series[0].v = n;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_uint_eq(g.nticks, 0);
	ck_assert_int_eq(g.rects[0].w, g.pw);
	for (int i = 0; i < 4; i++) {
		ck_assert_int_le(abs(2 * g.rects[i].x + g.rects[i].w -
		    (2 * g.px + g.pw)), 1);
		ck_assert_int_gt(g.rects[i].w, g.rects[i + 1].w);
	}
	ck_assert_int_eq(g.rects[4].w, 0);
	ck_assert_str_eq(g.value[0].text, "40 · 1,200万");
	ck_assert_int_gt(g.value[0].x, g.px + g.pw);
	ck_assert_int_eq(g.value[0].x, g.value[3].x);    /* notes aligned */
}
END_TEST

START_TEST(lines_break_at_missing_values)
{
	static const int64_t won[] = { 100000, 200000, CHART_NONE, CHART_NONE },
	    fc[] = { CHART_NONE, 150000, 100000, 300000 };
	struct chart_geom g;
	struct chart c = columns(won, 4);

	c.kind = CHART_LINES;
	c.nseries = 2;
	c.series[1].v = fc;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_uint_eq(g.nrects, 0);
	ck_assert(!g.pts[0][0].missing);
	ck_assert(g.pts[0][2].missing);
	ck_assert(g.pts[1][0].missing);
	ck_assert_int_eq(g.pts[1][3].y, g.py);
	NEAR(g.pts[0][1].y, g.pts[1][3].y + (g.zero - g.py) / 3);
	ck_assert_int_eq(g.pts[0][1].x, g.pts[1][1].x);
}
END_TEST

START_TEST(a_line_over_columns_shares_their_scale)
{
	static const int64_t amount[] = { 400000, 200000 },
	    margin[] = { 100000, -50000 };
	struct chart_geom g;
	struct chart c = columns(amount, 2);

	c.nseries = 2;
	c.series[1].v = margin;
	c.series[1].line = true;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_uint_eq(g.nrects, 2);
	ck_assert_int_eq(g.lo, -60000);         /* -500 and a fifth of a step */
	NEAR(g.pts[1][0].y, g.zero - (g.zero - g.rects[0].y) / 4);
	NEAR(g.pts[1][0].x, g.rects[0].x + g.rects[0].w / 2);
	ck_assert(g.value[0].shown);            /* one series of columns */
}
END_TEST

START_TEST(empty_data_is_an_empty_chart)
{
	static const int64_t none[] = { CHART_NONE, CHART_NONE }, zero[] = { 0,
	    0 };
	struct chart_geom g;
	struct chart c = columns(NULL, 0);

	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(g.empty);
	ck_assert_uint_eq(g.nrects, 0);
	c = columns(none, 2);
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(g.empty);
	/* zeros are data: an axis and flat columns */
	c = columns(zero, 2);
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(!g.empty);
	ck_assert_uint_eq(g.nrects, 2);
	ck_assert_int_eq(g.rects[0].h, 0);
	ck_assert_int_eq(g.lo, 0);
	ck_assert_int_gt(g.hi, 0);
}
END_TEST

START_TEST(bad_charts_are_refused)
{
	static const int64_t big[] = { CHART_MAX_ABS + 1 }, neg[] = { -1 },
	    one[] = { 1 };
	struct chart_geom g;
	struct chart c = columns(one, 1);

	c.nseries = 0;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), TC_EINVAL);
	c = columns(one, 1);
	c.nseries = CHART_MAX_SERIES + 1;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), TC_EINVAL);
	c = columns(one, CHART_MAX_CATS + 1);
	ck_assert_int_eq(chart_layout(&c, "zh", &g), TC_EINVAL);
	c = columns(big, 1);
	ck_assert_int_eq(chart_layout(&c, "zh", &g), TC_EINVAL);
	c = columns(neg, 1);
	c.kind = CHART_BARS;
	c.centred = true;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), TC_EINVAL);
}
END_TEST

/* ---- the partial template ---- */

static char root[] = "/tmp/chart-t-XXXXXX";

/* Renders c through core/chart.tpl in lang. */
static char *
render(const struct chart *c, const char *lang)
{
	struct i18n_cat *cat = NULL;
	struct i18n_where where = { "", 0 };
	struct req r = { .lang = lang };
	struct tdict *d = tdict_new();
	char dir[512], *out = NULL;
	size_t len;

	snprintf(dir, sizeof(dir), "%s/templates/i18n/%s", TC_TEST_TOPDIR, lang);
	ck_assert_int_eq(i18n_load_dir(&cat, lang, dir, &where), 0);
	r.cat = cat;
	tdict_set_global(d, "t_chart_empty", tr(&r, "chart_empty"));
	tdict_set_global(d, "t_chart_data_table", tr(&r, "chart_data_table"));
	ck_assert_int_eq(chart_show(&r, d, "CHART", c), 0);
	ck_assert_int_eq(tmpl_render("page.tpl", d, &out, &len), 0);
	tdict_free(d);
	i18n_free(cat);
	return out;
}

static int
count(const char *s, const char *needle)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

#define HAS(out, s) ck_assert_msg(strstr((out), (s)) != NULL, \
	"expected \"%s\" in:\n%s", (s), (out))

START_TEST(a_reference_line_crosses_the_plot_at_its_value)
{
	static const int64_t v[] = { 4000, 9000, 13000 }; /* percent x 100 */
	static const int64_t low[] = { 40, 60 };
	struct chart_geom g;
	struct chart c = columns(v, 3);
	char *html;

	c.unit = CHART_PERCENT;
	c.ref = 10000;
	c.ref_label = "目标 100%";
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(g.ref_shown);
	/* on the value axis: between 90% and 130%, where 100% is */
	ck_assert_int_lt(g.ref_pos, g.rects[1].y);
	ck_assert_int_gt(g.ref_pos, g.rects[2].y);
	NEAR(g.zero - g.ref_pos, (g.zero - g.rects[2].y) * 100 / 130);
	ck_assert_str_eq(g.ref_text.text, "目标 100%");
	ck_assert_int_lt(g.ref_text.y, g.ref_pos);
	/* the axis reaches a line above every value */
	c = columns(low, 2);
	c.unit = CHART_COUNT;
	c.ref = 100;
	c.ref_label = "100";
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert_int_ge(g.hi, 100);
	ck_assert_int_ge(g.ref_pos, g.py);
	/* bars: a vertical line */
	c.kind = CHART_BARS;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(g.horizontal && g.ref_shown);
	ck_assert_int_gt(g.ref_pos, g.rects[1].x + g.rects[1].w);
	/* none without a label; drawn and described by the template */
	c.ref_label = NULL;
	ck_assert_int_eq(chart_layout(&c, "zh", &g), 0);
	ck_assert(!g.ref_shown);
	c = columns(v, 3);
	c.unit = CHART_PERCENT;
	c.ref = 10000;
	c.ref_label = "目标 100%";
	html = render(&c, "zh");
	ck_assert_int_eq(count(html, "<line class=\"ref\""), 1);
	HAS(html, ">目标 100%</text>");
	HAS(html, "参考线 目标 100%: 100%.");
	free(html);
}
END_TEST

START_TEST(the_template_draws_and_describes_the_chart)
{
	static const char *const who[] = { "张伟", "<b>李娜</b>" };
	static const int64_t in[] = { 123456789, 5000 }, out[] = { -8000,
	    CHART_NONE };
	struct chart c = { .kind = CHART_COLUMNS, .unit = CHART_MONEY,
	    .stacked = true, .table = true, .id = "chart-t",
	    .title = "回款", .cat_title = "销售代表", .cats = who, .ncat = 2,
	    .nseries = 2 };
	char *html;

	c.series[0].name = "收款";
	c.series[0].v = in;
	c.series[1].name = "退款";
	c.series[1].v = out;
	html = render(&c, "zh");
	HAS(html, "<svg class=\"chart\" id=\"chart-t\" viewBox=\"0 0 960 260\"");
	HAS(html, "role=\"img\" aria-labelledby=\"chart-t-t chart-t-d\"");
	HAS(html, "<title id=\"chart-t-t\">回款</title>");
	HAS(html, "<desc id=\"chart-t-d\">收款: 最高 张伟 1,234,567.89; 最低 "
	    "&lt;b&gt;李娜&lt;/b&gt; 50.00. 退款: 最高 张伟 -80.00; 最低 张伟 "
	    "-80.00.</desc>");
	ck_assert_int_eq(count(html, "<rect class=\"bar"), 3);
	/* several series keep their colours below zero */
	HAS(html, "<rect class=\"bar s2\" x=");
	ck_assert(strstr(html, "bar s2 neg") == NULL);
	HAS(html, "<title>张伟 · 收款: 1,234,567.89</title>");
	HAS(html, "<title>张伟 · 退款: -80.00</title>");
	/* labels escaped, the legend, the table with full figures */
	HAS(html, ">&lt;b&gt;李娜&lt;/b&gt;</text>");
	ck_assert(strstr(html, "<b>") == NULL);
	HAS(html, "<li class=\"s1\">收款</li><li class=\"s2\">退款</li>");
	HAS(html, "<summary>图表数据</summary>");
	HAS(html, "<th scope=\"col\">销售代表</th><th scope=\"col\" class=\"num\">"
	    "收款</th>");
	HAS(html, "<td class=\"num money neg\">-80.00</td>");
	HAS(html, "<td class=\"num money\">–</td>");
	HAS(html, "class=\"tick\"");
	free(html);

	/* English: the same chart, K and M on the axis */
	c.series[0].name = "Received";
	c.series[1].name = "Refunds";
	c.title = "Collections";
	html = render(&c, "en");
	HAS(html, "Received: highest 张伟 1,234,567.89; lowest");
	HAS(html, "1.25M</text>");
	HAS(html, "<summary>Chart data</summary>");
	free(html);
}
END_TEST

START_TEST(the_template_draws_lines_and_the_empty_chart)
{
	static const int64_t a[] = { 100, 200, CHART_NONE, 300 };
	struct chart c = columns(a, 4);
	char *html;

	c.kind = CHART_LINES;
	c.id = "lines";
	html = render(&c, "en");
	/* a gap cuts the line in two; every value has its dot */
	ck_assert_int_eq(count(html, "<polyline class=\"line s1\""), 2);
	ck_assert_int_eq(count(html, "<circle class=\"dot s1\""), 3);
	HAS(html, "<title>04: 3.00</title>");
	ck_assert(strstr(html, "<details") == NULL);   /* no table asked */
	ck_assert(strstr(html, "class=\"legend\"") == NULL);
	free(html);
	/* one series: what is below zero is marked */
	{
		static const int64_t v[] = { 100, -100 };

		c = columns(v, 2);
		c.id = "neg";
		html = render(&c, "zh");
		ck_assert_int_eq(count(html, "<rect class=\"bar s1 neg\""), 1);
		ck_assert_int_eq(count(html, "<rect class=\"bar s1\""), 1);
		free(html);
	}
	c = columns(NULL, 0);
	c.id = "empty";
	c.table = true;
	html = render(&c, "zh");
	HAS(html, "<text class=\"empty\"");
	HAS(html, ">暂无数据</text>");
	HAS(html, "<desc id=\"empty-d\">暂无数据</desc>");
	free(html);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");
	SRunner *sr;
	char path[600];
	FILE *f;

	/* A page that includes the real partial. */
	if (mkdtemp(root) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/core", root);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/core/chart.tpl", root);
	if (symlink(TC_TEST_TOPDIR "/templates/core/chart.tpl", path) != 0)
		return 1;
	snprintf(path, sizeof(path), "%s/page.tpl", root);
	if ((f = fopen(path, "w")) == NULL)
		return 1;
	fputs("{{%AUTOESCAPE context=\"HTML\"}}{{>CHART}}", f);
	fclose(f);
	tmpl_set_root(root);

	tcase_add_loop_test(tc, short_labels_in_both_languages, 0,
	    sizeof(shorts) / sizeof(shorts[0]));
	tcase_add_loop_test(tc, tick_labels_share_unit_and_decimals, 0,
	    sizeof(ticks) / sizeof(ticks[0]));
	tcase_add_test(tc, full_figures_for_tooltips_and_tables);
	tcase_add_test(tc, percent_labels_keep_the_decimals_they_need);
	tcase_add_test(tc, text_width_counts_cjk_wide);
	tcase_add_test(tc, ticks_are_nice_and_cover_the_values);
	tcase_add_test(tc, columns_stand_on_the_zero_line_negatives_hang_below);
	tcase_add_test(tc, a_tiny_value_is_still_seen);
	tcase_add_test(tc, stacked_columns_sit_on_each_other);
	tcase_add_test(tc, stacked_positive_parts_add_up);
	tcase_add_test(tc, grouped_columns_stand_side_by_side);
	tcase_add_test(tc, many_categories_thin_their_labels);
	tcase_add_test(tc, horizontal_bars_grow_from_zero_both_ways);
	tcase_add_test(tc, a_funnel_centres_its_bars);
	tcase_add_test(tc, lines_break_at_missing_values);
	tcase_add_test(tc, a_line_over_columns_shares_their_scale);
	tcase_add_test(tc, empty_data_is_an_empty_chart);
	tcase_add_test(tc, bad_charts_are_refused);
	tcase_add_test(tc, the_template_draws_and_describes_the_chart);
	tcase_add_test(tc, a_reference_line_crosses_the_plot_at_its_value);
	tcase_add_test(tc, the_template_draws_lines_and_the_empty_chart);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	unlink(path);
	snprintf(path, sizeof(path), "%s/core/chart.tpl", root);
	unlink(path);
	snprintf(path, sizeof(path), "%s/core", root);
	rmdir(path);
	rmdir(root);
	return 0;
}
