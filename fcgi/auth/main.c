/* auth.fcgi: sign-in, sign-out, home, and the health check. */
#include "config.h"

#include "core/app.h"

static const struct route routes[] = {
	{ "GET", "/health", health_get },
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, "auth", routes,
	    sizeof(routes) / sizeof(routes[0]));
}
