/* module-code.c: what admin.fcgi and the route test run of the admin
 * module. */
#include "config.h"

#include "admin/admin.h"
#include "core/module.h"

const struct module_code admin_code = {
	.module = &admin_module,
	.routes = admin_areas,
};
