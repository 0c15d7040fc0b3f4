/* module-code.c: what sales.fcgi, ticheng-admin and the route test run
 * of the sales module. */
#include "config.h"

#include "core/module.h"
#include "sales/demo.h"
#include "sales/sales.h"

const struct module_code sales_code = {
	.module = &sales_module,
	.routes = sales_areas,
	.seed = sales_demo_seed,
	.scale = sales_demo_scale,
};
