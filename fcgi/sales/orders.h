/* orders.h: what the files of the orders area share (not for other
 * areas: they use sales.h and order-math.h). */
#ifndef TC_SALES_ORDERS_H
#define TC_SALES_ORDERS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/app.h"
#include "sales/scope.h"

/* --- orders.c --- */
int orders_detail_get(struct req *r);
int orders_cancel_post(struct req *r);

/* Adds the rows of a <select> (section name: value, label, SEL) for the
 * reference table kind ("region", "channel", "ptype", "product",
 * "customer" (in scope s), "rep" (sales people)), marking selected.
 * Returns 0 or a tc_err. */
int orders_options(struct req *r, struct tdict *d, const char *section,
    const char *kind, int64_t selected, const struct scope *s);

/* The display name column of a reference table row for r's language:
 * pick zh or en. */
const char *orders_name(const struct req *r, const char *zh, const char *en);

/* --- orders-form.c --- */
int orders_new_get(struct req *r);
int orders_new_post(struct req *r);
int orders_edit_get(struct req *r);
int orders_edit_post(struct req *r);
int orders_return_get(struct req *r);
int orders_return_post(struct req *r);
int orders_costs_get(struct req *r);
int orders_costs_post(struct req *r);

/* --- orders-query.c --- */
int orders_list_get(struct req *r);
int orders_export_get(struct req *r);    /* .csv and .xlsx */
int orders_stats_get(struct req *r);

/* --- orders-chart.c: geometry of a horizontal bar chart --- */
struct bar_geom {
	int x, y, w, h;         /* the bar */
	int label_y;            /* baseline of its label and value texts */
	int value_x;            /* where its value text starts */
};

/* Lays out n bars for values v[0..n) (fen, may be negative) in a chart
 * width x (n x row) pixels with label_w pixels of labels on the left:
 * bars start at the zero line, length proportional to |v| / max |v|.
 * Fills g[0..n) and *zero_x (the zero line).  Returns the chart height. */
int bar_layout(const int64_t *v, size_t n, int width, int label_w, int row,
    struct bar_geom *g, int *zero_x);

/* Fills section name of d with one row per bar (x y w h label_y value_x
 * label value neg) and sets the chart's height and zero_x on the
 * section's parent dictionary chart. */
void bar_chart(struct tdict *chart, const char *const *labels,
    const int64_t *v, size_t n);

/* Lays out n vertical columns (one per value, e.g. per month) in a chart
 * width pixels wide with plot_h pixels of plot: fills g[0..n) (value_x
 * is the column's centre, label_y the baseline of its value text) and
 * *zero_y.  Returns the chart height (with room for the labels). */
int col_layout(const int64_t *v, size_t n, int width, int plot_h,
    struct bar_geom *g, int *zero_y);

/* As bar_chart for a column chart: section COL (x y w h cx vy label
 * value short NEG) and chart_w chart_h zero_y axis_x1 axis_x2 label_y. */
void col_chart(struct tdict *chart, const char *const *labels,
    const int64_t *v, size_t n);

#endif
