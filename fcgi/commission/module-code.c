/* module-code.c: what ticheng-admin runs of the commission module: its
 * commands (cli.c) and its demo seeder (demo.c). */
#include "config.h"

#include "commission/demo.h"
#include "core/module.h"

extern const struct module commission_module;
extern const struct module_command commission_commands[];

const struct module_code commission_code = {
	.module = &commission_module,
	.seed = commission_demo_seed,
	.commands = commission_commands,
};
