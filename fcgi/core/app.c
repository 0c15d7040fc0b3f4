/* app.c: the FastCGI accept loop shared by every program, and the checks
 * that run before every handler. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/app.h"
#include "core/cli.h"
#include "core/error.h"
#include "core/log.h"
#include "core/module.h"
#include "core/testhook.h"

#define PRE_COOKIE "tc_pre"      /* CSRF token of a visitor not signed in */

static volatile sig_atomic_t shutting_down;

static void
on_term(int sig)
{
	(void)sig;
	shutting_down = 1;
	FCGX_ShutdownPending();
}

static const char *
param(FCGX_Request *f, const char *name, const char *def)
{
	const char *v = FCGX_GetParam(name, f->envp);

	return v != NULL ? v : def;
}

bool
route_match(const char *pattern, const char *path, int64_t *ids, size_t *nids)
{
	const char *p = pattern, *s = path;

	*nids = 0;
	while (*p != '\0') {
		if (*p == '#') {
			int64_t v = 0;
			const char *start = s;

			if (*s == '0')
				return false;
			while (*s >= '0' && *s <= '9') {
				if (v > (INT64_MAX - 9) / 10)
					return false;
				v = v * 10 + (*s++ - '0');
			}
			if (s == start || *nids == ROUTE_MAX_IDS)
				return false;
			ids[(*nids)++] = v;
			p++;
			continue;
		}
		if (*p++ != *s++)
			return false;
	}
	return *s == '\0';
}

static const struct route *
route_find(struct req *r, const struct route *routes, size_t n, int *known)
{
	const char *m = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;

	*known = 0;
	for (size_t i = 0; i < n; i++) {
		if (!route_match(routes[i].pattern, r->path, r->ids, &r->nids))
			continue;
		*known = 1;
		if (strcmp(routes[i].method, m) == 0)
			return &routes[i];
	}
	return NULL;
}

/* Reads and parses the POST body.  Returns an HTTP status: 200 when the
 * body is good, else 400, 413 or 415. */
static int
read_body(struct req *r)
{
	const char *cl = param(r->fcgx, "CONTENT_LENGTH", "");
	const char *ct = param(r->fcgx, "CONTENT_TYPE", "");
	const struct req_limits *lim = &req_limits_default;
	unsigned long long len;
	char *end, *body;
	int rc, got;

	if (*cl == '\0')
		return 200;
	errno = 0;
	len = strtoull(cl, &end, 10);
	if (*end != '\0' || errno != 0)
		return 400;
	if (len > lim->max_body)
		return 413;
	if ((body = malloc(len + 1)) == NULL)
		return 500;
	got = len > 0 ? FCGX_GetStr(body, (int)len, r->fcgx->in) : 0;
	if (got < 0 || (unsigned long long)got != len) {
		free(body);
		return 400;
	}
	body[len] = '\0';
	rc = req_parse_body(&r->form, ct, body, len, lim);
	free(body);
	return rc == 0 ? 200 : req_status(rc);
}

/* Sets r->csrf for a visitor who is not signed in: the token of their
 * pre-session cookie, set now if they have none. */
static int
pre_session_token(struct req *r)
{
	const char *pre = req_get(&r->cookies, PRE_COOKIE);

	if (pre != NULL && token_well_formed(pre)) {
		snprintf(r->csrf, sizeof(r->csrf), "%s", pre);
		return 0;
	}
	if (token_new(r->csrf) != 0)
		return TC_EIO;
	return http_cookie(r, PRE_COOKIE, r->csrf, -1);
}

static bool
csrf_valid(struct req *r)
{
	const char *sent = req_get(&r->form, "csrf");
	const char *pre = req_get(&r->cookies, PRE_COOKIE);

	if (sent == NULL)
		return false;
	if (r->signed_in)
		return token_equal(sent, r->csrf);
	return pre != NULL && token_well_formed(pre) && token_equal(sent, pre);
}

int
http_status_of(int rc)
{
	switch (rc) {
	case TC_ENOTFOUND: return 404;
	case TC_EDENIED: return 403;
	case TC_EDB: return 503;
	case TC_EDIR: return 503;
	case TC_EINVAL: return 400;
	case TC_ETOOBIG: return 413;
	case TC_ECONFLICT: return 409;
	}
	return 500;
}

/* Runs the checks every request passes, then its handler. */
static int
dispatch(struct req *r, const struct route *routes, size_t nroutes)
{
	const struct req_limits *lim = &req_limits_default;
	const struct route *rt;
	int known, rc, status;

	if ((rc = req_parse_query(&r->q, r->query, strlen(r->query), lim)) != 0)
		return page_error(r, req_status(rc));
	{
		const char *ck = param(r->fcgx, "HTTP_COOKIE", "");

		if (req_parse_cookies(&r->cookies, ck, strlen(ck), lim) != 0)
			return page_error(r, 500);
	}
	r->lang = lang_pick(param(r->fcgx, "HTTP_ACCEPT_LANGUAGE", NULL),
	    req_get(&r->cookies, "tc_lang"));
	r->cat = strcmp(r->lang, "en") == 0 ? r->app->cat_en : r->app->cat_zh;

	rt = route_find(r, routes, nroutes, &known);
	if (rt != NULL && rt->fn == health_get)
		return health_get(r);
	/* No round trip here: a statement that finds the connection lost
	 * reconnects (core/db.h). */
	if (r->app->db == NULL)
		return page_error(r, 503);
	if ((rc = session_load(r)) != 0)
		return page_error(r, http_status_of(rc));
	r->cat = strcmp(r->lang, "en") == 0 ? r->app->cat_en : r->app->cat_zh;
	if (!r->signed_in && (rc = pre_session_token(r)) != 0)
		return page_error(r, 500);
	if (rt == NULL)
		return page_error(r, known ? 405 : 404);
	if (rt->roles != ROLE_PUBLIC && !r->signed_in) {
		char next[1024];

		if (strcmp(rt->method, "GET") != 0)
			return page_error(r, 403);
		/* The path is ours (it matched a route): safe to return to. */
		snprintf(next, sizeof(next), "/login?next=%s", r->path);
		return http_redirect(r, next);
	}
	if (rt->roles != ROLE_PUBLIC && (r->me.roles & rt->roles) == 0)
		return page_error(r, 403);
	if (strcmp(rt->method, "POST") == 0) {
		if ((status = read_body(r)) != 200)
			return page_error(r, status);
		if (!csrf_valid(r)) {
			log_msg("%s: CSRF token missing or wrong", r->id);
			return page_error(r, 403);
		}
	}
	/* Test builds: a request held here is in progress (the SIGTERM
	 * test stops its worker there). */
	tc_hold("handler");
	rc = rt->fn(r);
	if (rc != 0 && r->app->db != NULL && db_in_transaction(r->app->db))
		db_rollback(r->app->db);
	if (rc != 0 && r->status == 0)
		return page_error(r, http_status_of(rc));
	return rc;
}

static void
serve(struct app *a, FCGX_Request *f, const struct route *routes,
    size_t nroutes)
{
	struct req r = { .app = a, .fcgx = f };
	struct timespec t0, t1;
	struct db_counts c0, c1;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	c0 = db_counts(a->db);
	r.method = param(f, "REQUEST_METHOD", "GET");
	r.path = param(f, "DOCUMENT_URI", "/");
	r.query = param(f, "QUERY_STRING", "");
	r.remote = param(f, "REMOTE_ADDR", "-");
	r.id = param(f, "REQUEST_ID", "-");
	/* nginx's fastcgi_params: "HTTPS on" for a request over TLS. */
	r.tls = strcasecmp(param(f, "HTTPS", ""), "on") == 0;
	r.lang = "zh";
	r.cat = a->cat_zh;

	if (a->db != NULL)
		db_sync_clock(a->db);
	rc = dispatch(&r, routes, nroutes);
	if (a->db != NULL && db_in_transaction(a->db)) {
		/* Never carried into the next request. */
		log_msg("%s: %s left a transaction open: rolled back", r.id,
		    r.path);
		db_rollback(a->db);
	}

	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* The statements this request sent (./dev bench pages reads them). */
	c1 = db_counts(a->db);
	log_msg("%s %s %s %s %d %.1fms %" PRIu64 " sql (%" PRIu64
	    " prepared)%s", r.id,
	    r.signed_in ? r.me.login : "-", r.method, r.path, r.status,
	    (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
	    c1.statements - c0.statements,
	    c1.prepares - c0.prepares,
	    rc == TC_EIO ? " (client gone)" : "");
	for (size_t i = 0; i < r.nheaders; i++)
		free(r.headers[i]);
	tdict_free(r.page);
	req_fields_free(&r.q);
	req_fields_free(&r.form);
	req_fields_free(&r.cookies);
}

/* Loads every .po file of templates/i18n/<lang>/ as one catalogue.
 * Returns 0 or a tc_err with a message naming the file and line. */
static int
catalogue_load(const char *templates, const char *lang,
    struct i18n_cat **out, char *err, size_t errlen)
{
	struct i18n_where where = { "", 0 };
	char dir[1024];
	int rc;

	snprintf(dir, sizeof(dir), "%s/i18n/%s", templates, lang);
	if ((rc = i18n_load_dir(out, lang, dir, &where)) != 0)
		snprintf(err, errlen, "%.900s:%zu: %s (%s)",
		    where.path[0] ? where.path : dir, where.line,
		    rc == TC_ECONFLICT ? "a key defined twice" :
		    "bad catalogue entry", tc_strerror(rc));
	return rc;
}

/* Reads the configuration (-c FILE, else conf_default_path()), the
 * catalogues, opens the log and the database, then serves routes until
 * SIGTERM.  Returns the process exit status. */
static int
app_main(int argc, char **argv, const char *name, const struct route *routes,
    size_t nroutes, const struct module *const *registry)
{
	const char *path = conf_default_path();
	struct app a = { .name = name, .modules = registry };
	struct sigaction sa;
	FCGX_Request f;
	char err[1024];
	int opt, status = EXIT_FAILURE;

	while ((opt = getopt(argc, argv, "c:")) != -1) {
		if (opt != 'c') {
			fprintf(stderr, "usage: %s [-c ticheng.conf]\n",
			    argv[0]);
			return 2;
		}
		path = optarg;
	}
	log_set_program(name);
	if ((status = cli_conf_load(name, path, true, &a.conf)) != 0)
		return status;
	status = EXIT_FAILURE;
	if (module_check_deployed(a.conf, registry, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", name, err);
		log_msg("%s", err);
		status = 2;
		goto out;
	}
	if (catalogue_load(a.conf->templates, "zh", &a.cat_zh, err,
	    sizeof(err)) != 0 || catalogue_load(a.conf->templates, "en",
	    &a.cat_en, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", name, err);
		log_msg("%s", err);
		goto out;
	}
	tmpl_set_root(a.conf->templates);
	if (db_open(a.conf, &a.db, err, sizeof(err)) != 0)
		log_msg("starting without database: %s", err);
	else
		db_set_page_limit(a.db, a.conf->db_page_seconds);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;   /* no SA_RESTART: accept() must return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	/* multiwatch 1.0.0 (Debian 12), which supervises the workers, sends
	 * SIGQUIT when told "-s TERM" (it maps signal names off by one):
	 * QUIT stops a worker as gracefully as TERM. */
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0 || FCGX_InitRequest(&f, 0, 0) != 0) {
		log_msg("cannot initialise FastCGI");
		goto out;
	}
	log_msg("started");
	while (!shutting_down && FCGX_Accept_r(&f) == 0) {
		if (a.db == NULL) {
			if (db_open(a.conf, &a.db, err, sizeof(err)) != 0)
				a.db = NULL;
			else
				db_set_page_limit(a.db,
				    a.conf->db_page_seconds);
		}
		serve(&a, &f, routes, nroutes);
		FCGX_Finish_r(&f);
	}
	log_msg("stopped");
	status = EXIT_SUCCESS;
out:
	db_close(a.db);
	i18n_free(a.cat_zh);
	i18n_free(a.cat_en);
	conf_free(a.conf);
	log_close();
	return status;
}

int
app_main_module(int argc, char **argv, const struct module_code *code,
    const struct module *const *registry)
{
	const struct route_set *const *sets = code->routes;
	struct route *routes;
	size_t n = 0, k = 0;
	int status;

	for (size_t i = 0; sets != NULL && sets[i] != NULL; i++)
		n += sets[i]->n;
	if ((routes = calloc(n + 1, sizeof(*routes))) == NULL)
		return EXIT_FAILURE;
	for (size_t i = 0; sets != NULL && sets[i] != NULL; i++)
		for (size_t j = 0; j < sets[i]->n; j++)
			routes[k++] = sets[i]->routes[j];
	status = app_main(argc, argv, code->module->name, routes, n,
	    registry);
	free(routes);
	return status;
}
