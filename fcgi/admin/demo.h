/* demo.h: the demo company's history (ticheng-admin demo-data). */
#ifndef TC_ADMIN_DEMO_H
#define TC_ADMIN_DEMO_H

#include <stddef.h>
#include <stdio.h>

#include "core/db.h"

/* Seeds about twelve months of sales history ending today (customers and
 * contacts, opportunities with their stage changes, activities, orders
 * with splits, returns and cancellations, payments with partial payments
 * and refunds) from a fixed random seed, so every run makes the same
 * data relative to today's date.  Needs the sales people (sync-users)
 * and uses the reference data of sql/sales/002-reference-seed.sql, creating a
 * minimal set by code only when a table is empty.  Idempotent: does
 * nothing when the setting demo_data_loaded exists.  Everything in one
 * transaction.  Reports counts on out.  Returns 0, or a tc_err with a
 * message in err (nothing is then written). */
int demo_data_load(struct db *d, FILE *out, char *err, size_t errlen);

#endif
