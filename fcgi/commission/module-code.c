/* module-code.c: what the programs running the commission module link:
 * its web areas (areas.c), its ticheng-admin commands (cli.c) and its
 * demo seeder (demo.c). */
#include "config.h"

#include "commission/demo.h"
#include "commission/jobs.h"
#include "commission/web.h"
#include "core/module.h"

extern const struct module_command commission_commands[];

const struct module_code commission_code = {
	.module = &commission_module,
	.routes = commission_areas,
	.seed = commission_demo_seed,
	.commands = commission_commands,
	.jobs = commission_jobs,
};
