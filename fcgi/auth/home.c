/* home.c: home, the language switch, and the routes of auth.fcgi. */
#include "config.h"

#include <string.h>

#include "auth/auth.h"
#include "core/error.h"
#include "core/form.h"
#include "core/job.h"

enum stmt { STMT_LANG_SET, STMT__MAX };

static const char *const stmts[STMT__MAX] = {
	[STMT_LANG_SET] = "UPDATE people SET lang = ? WHERE id = ?",
};

static struct db_table auth_db = DB_TABLE("auth", stmts);

/* GET /: who the person is and the modules they may use. */
static int
home_get(struct req *r)
{
	struct tdict *d = page_body(r);

	tdict_set(d, "person_name", r->me.name);
	page_modules(r, d);
	return page_send(r, 200, "auth/home.tpl", "home_title", NULL);
}

/* POST /lang: the language picked, remembered in a cookie and, for a
 * signed-in person, in their row. */
static int
lang_post(struct req *r)
{
	const char *lang = req_get(&r->form, "lang");
	const char *next = req_get(&r->form, "next");
	int rc;

	if (lang == NULL || (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0))
		return TC_EINVAL;
	if (r->signed_in && (rc = db_exec(r->app->db, &auth_db, STMT_LANG_SET,
	    DB_ARGS(P_TEXT(lang), P_INT(r->me.id)), NULL, NULL)) != 0)
		return rc;
	if ((rc = http_cookie(r, "tc_lang", lang, 365L * 86400)) != 0)
		return rc;
	if (next == NULL || !safe_return_path(next))
		next = "/";
	return http_redirect(r, next);
}

static const struct route routes[] = {
	{ "GET", "/health", ROLE_PUBLIC, health_get },
	{ "GET", "/login", ROLE_PUBLIC, login_get },
	{ "POST", "/login", ROLE_PUBLIC, login_post },
	{ "POST", "/logout", ROLES_ALL, logout_post },
	{ "POST", "/lang", ROLE_PUBLIC, lang_post },
	{ "GET", "/", ROLES_ALL, home_get },
};

const struct route_set auth_route_set = ROUTE_SET(routes);

/* The root program also serves the status of background jobs
 * (/jobs/#), which any module's page may link to. */
const struct route_set *const auth_areas[] = {
	&auth_route_set,
	&job_route_set,
#ifdef TC_TEST_HOOKS
	&auth_canary_route_set,
#endif
	NULL
};
