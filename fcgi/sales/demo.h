/* demo.h: the sales module's demo seeder (ticheng-admin demo-data). */
#ifndef TC_SALES_DEMO_H
#define TC_SALES_DEMO_H

#include "core/module.h"

/* Seeds about twelve months of sales history ending on s->today
 * (customers and contacts, opportunities with their stage changes,
 * activities, orders with splits, returns and cancellations, payments
 * with partial payments and refunds) from a fixed random seed, so every
 * run makes the same data relative to that date.  Needs the sales people
 * (sync-users) and uses the reference data of
 * sql/sales/002-reference-seed.sql, creating a minimal set by code only
 * when a table is empty.  Every record goes through the module's write
 * function (sales/write.h) as the person it belongs to, so it is
 * validated and audited (sales/demo-write.h).  Writes in the caller's
 * transaction (see module_seed_fn); reports counts on s->out.  Returns 0,
 * or a tc_err with a message in s->err naming the record refused. */
int sales_demo_seed(struct module_seed *s);

/* The sales demo company at factor times its size, for benchmarks
 * (module_scale_fn; demo-scale.c says how the copies are made). */
int sales_demo_scale(struct module_seed *s, int factor);

#endif
