/* module.c: the sales module as every program knows it: customers,
 * activities, opportunities, orders and collections, open to every role
 * (what each may see and change is decided per route and per row).
 * What waits for a person: the credit changes they may decide. */
#include "config.h"

#include "core/module.h"
#include "sales/sales.h"

const struct module sales_module = {
	.name = "sales",
	.prefix = "/sales/",
	.nav = { "nav_sales", "home_sales_text", 10, ROLES_ALL },
	.migrations = "sales",
	.waiting = sales_waiting,       /* credit requests (credit-flow.c) */
};
