/* orders.h: what the files of the orders area share (not for other
 * areas: they use sales.h and order-math.h). */
#ifndef TC_SALES_ORDERS_H
#define TC_SALES_ORDERS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/app.h"
#include "sales/sales.h"

/* --- orders.c --- */
int orders_detail_get(struct req *r);
int orders_cancel_post(struct req *r);
int orders_credit_post(struct req *r);

/* Adds the rows of a <select> (section name: value, label, SELECTED; see
 * form_option) for the reference table kind ("region", "channel",
 * "ptype", "product", "customer" (in scope s), "rep" (sales people)),
 * marking selected.
 * Returns 0 or a tc_err. */
int orders_options(struct req *r, struct tdict *d, const char *section,
    const char *kind, int64_t selected, const struct scope *s);

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
int orders_stats_export_get(struct req *r);  /* .csv and .xlsx */

#endif
