/* module.c: the commission module as every program knows it: plan
 * versions, targets, calculation runs and their results.  Its web
 * program comes later: for now it has no prefix and no navigation entry
 * (its commands run in ticheng-admin).  It calculates from sales'
 * orders and payments, hence requires sales. */
#include "config.h"

#include "core/module.h"

const struct module commission_module = {
	.name = "commission",
	.requires = (const char *const[]){ "sales", NULL },
	.migrations = "commission",
};
