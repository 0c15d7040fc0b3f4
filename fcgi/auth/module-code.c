/* module-code.c: what auth.fcgi and the route test run of the auth
 * module. */
#include "config.h"

#include "auth/auth.h"
#include "core/module.h"

const struct module_code auth_code = {
	.module = &auth_module,
	.routes = auth_areas,
};
