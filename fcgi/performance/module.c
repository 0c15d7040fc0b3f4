/* module.c: the performance module (业绩管理) as every program knows it:
 * targets, evaluation, rankings, for everyone but admin (who never sees
 * pay).  It reads commission's targets and stored results. */
#include "config.h"

#include "performance/perf.h"

const struct module performance_module = {
	.name = "performance",
	.prefix = "/performance/",
	.nav = { "nav_performance", "home_performance_text", 30,
	    PERF_ROLES_READ },
	.requires = (const char *const[]){ "commission", NULL },
	.migrations = "performance",
};
