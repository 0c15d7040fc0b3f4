/* module-code.c: what performance.fcgi, ticheng-admin and the route test
 * run of the performance module. */
#include "config.h"

#include "performance/perf.h"

const struct module_code performance_code = {
	.module = &performance_module,
	.routes = perf_areas,
	.seed = perf_demo_seed,
};
