/* module.c: the admin module as every program knows it: people and
 * roles, the audit log, reference data, for administrators only.  It
 * edits sales' reference tables, hence requires sales. */
#include "config.h"

#include "core/module.h"

const struct module admin_module = {
	.name = "admin",
	.prefix = "/admin/",
	.nav = { "nav_admin", "home_admin_text", 90, ROLE_ADMIN },
	.requires = (const char *const[]){ "sales", NULL },
};
