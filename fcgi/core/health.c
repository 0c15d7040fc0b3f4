/* health.c: GET /health, for load balancers and ./dev: is every backing
 * service reachable from this worker? */
#include "config.h"

#include <stdio.h>

#include "core/app.h"
#include "core/directory.h"
#include "core/error.h"
#include "core/log.h"

static int
directory_reachable(const struct conf *c)
{
	char err[512];
	LDAP *ld;

	if (dir_open(c, &ld, err, sizeof(err)) != 0) {
		log_msg("health: %s", err);
		return 0;
	}
	ldap_unbind_ext_s(ld, NULL, NULL);
	return 1;
}

int
health_get(struct req *r)
{
	struct app *a = r->app;
	int db_ok, dir_ok;
	char body[128];

	db_ok = a->db != NULL && db_ping(a->db) == 0;
	dir_ok = directory_reachable(a->conf);
	snprintf(body, sizeof(body), "database: %s\ndirectory: %s\n",
	    db_ok ? "ok" : "unavailable", dir_ok ? "ok" : "unavailable");
	return http_text(r, db_ok && dir_ok ? 200 : 503, body);
}
