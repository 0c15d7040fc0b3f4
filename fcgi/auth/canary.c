/* canary.c: GET /test-hooks/sql-canary?login=NAME, a deliberately
 * injectable page, built only with --enable-test-hooks (TC_TEST_HOOKS;
 * production builds have no such route).  It pastes login into its SQL
 * text, which no other statement of ticheng may do (STYLE.md: values
 * are always bound), so that the sqlmap suite (tests/security/sqlmap)
 * can show it finds an injection where there is one: a run that does
 * not report this parameter proves nothing about the others. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "core/error.h"
#include "core/strbuf.h"

#ifdef TC_TEST_HOOKS

static int
canary_get(struct req *r)
{
	const char *login = req_get(&r->q, "login");
	struct strbuf b = STRBUF_INIT;
	struct dbres *res = NULL;
	char line[160];
	char *sql;
	int rc;

	strbuf_add(&b, "SELECT login, name FROM people WHERE login = '");
	strbuf_add(&b, login != NULL ? login : "");
	strbuf_add(&b, "' ORDER BY login");
	if ((sql = strbuf_take(&b)) == NULL)
		return TC_ENOMEM;
	rc = db_query_text(r->app->db, "test-hooks.sql-canary", sql, NULL, 0,
	    &res);
	free(sql);
	if (rc != 0)
		return rc;
	if ((rc = http_open(r, 200, "text/plain; charset=utf-8")) == 0) {
		snprintf(line, sizeof(line), "%zu people\n", dbres_rows(res));
		rc = http_write(r, line, strlen(line));
		for (size_t i = 0; rc == 0 && i < dbres_rows(res); i++) {
			snprintf(line, sizeof(line), "%s %s\n",
			    dbres_text(res, i, 0), dbres_text(res, i, 1));
			rc = http_write(r, line, strlen(line));
		}
	}
	dbres_free(res);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/test-hooks/sql-canary", ROLES_ALL, canary_get },
};

const struct route_set auth_canary_route_set = ROUTE_SET(routes);

#endif
