/* auth.h: the routes of auth.fcgi (sign-in, sign-out, home, language). */
#ifndef TC_AUTH_AUTH_H
#define TC_AUTH_AUTH_H

#include "core/app.h"
#include "core/module.h"

/* Whether path is a local path that is safe to redirect to. */
bool safe_return_path(const char *path);

/* GET /login: the sign-in form. */
int login_get(struct req *r);

/* POST /login: checks the credentials against the directory. */
int login_post(struct req *r);

/* POST /logout: ends the session. */
int logout_post(struct req *r);

/* The routes of auth.fcgi (home.c), and its NULL-terminated areas. */
extern const struct route_set auth_route_set;
extern const struct route_set *const auth_areas[];

#ifdef TC_TEST_HOOKS
/* Test builds only: GET /test-hooks/sql-canary, the injectable page
 * the sqlmap suite must find (canary.c). */
extern const struct route_set auth_canary_route_set;
#endif

/* The module as every program knows it (module.c), and what its
 * program runs (module-code.c). */
extern const struct module auth_module;
extern const struct module_code auth_code;

#endif
