/* auth.fcgi: sign-in, sign-out, home, language, and the health check. */
#include "config.h"

#include "auth/auth.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &auth_code, module_registry);
}
