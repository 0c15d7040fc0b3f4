/* module-code.c: what settlement.fcgi, ticheng-admin and the route test
 * run of the settlement module: its pages and its demo seeder. */
#include "config.h"

#include "core/module.h"
#include "settlement/settlement.h"

const struct module_code settlement_code = {
	.module = &settlement_module,
	.routes = settlement_areas,
	.seed = settlement_demo_seed,
};
