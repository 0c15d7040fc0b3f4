/* module.c: the auth module as every program knows it: sign-in, home and
 * the health check, served at the root.  No navigation entry (home is
 * the brand link); its tables are the core's (sql/core/). */
#include "config.h"

#include "core/module.h"

const struct module auth_module = {
	.name = "auth",
	.prefix = "/",
};
