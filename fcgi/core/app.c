/* app.c: the FastCGI accept loop shared by every program. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/app.h"
#include "core/error.h"
#include "core/log.h"

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

static const struct route *
route_find(const struct route *routes, size_t n, const char *method,
    const char *path, int *path_known)
{
	*path_known = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(routes[i].path, path) != 0)
			continue;
		*path_known = 1;
		if (strcmp(routes[i].method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 &&
		    strcmp(routes[i].method, "GET") == 0))
			return &routes[i];
	}
	return NULL;
}

static void
req_reset(struct req *r)
{
	for (size_t i = 0; i < r->nheaders; i++)
		free(r->headers[i]);
	r->nheaders = 0;
}

static void
serve(struct app *a, FCGX_Request *f, const struct route *routes,
    size_t nroutes)
{
	struct req r = { .app = a, .fcgx = f };
	const struct route *rt;
	struct timespec t0, t1;
	int known, rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	r.method = param(f, "REQUEST_METHOD", "GET");
	r.path = param(f, "DOCUMENT_URI", "/");
	r.query = param(f, "QUERY_STRING", "");
	r.remote = param(f, "REMOTE_ADDR", "-");
	r.id = param(f, "REQUEST_ID", "-");

	rt = route_find(routes, nroutes, r.method, r.path, &known);
	if (rt == NULL)
		rc = http_text(&r, known ? 405 : 404,
		    known ? "method not allowed\n" : "not found\n");
	else if ((rc = rt->fn(&r)) != 0 && r.status == 0)
		rc = http_text(&r, rc == TC_EDB ? 503 : 500,
		    rc == TC_EDB ? "service unavailable\n" : "internal error\n");

	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_msg("%s %s %s %s %d %.1fms%s", r.id, r.person ? r.person : "-",
	    r.method, r.path, r.status,
	    (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
	    rc == TC_EIO ? " (client gone)" : "");
	req_reset(&r);
}

int
app_main(int argc, char **argv, const char *name, const struct route *routes,
    size_t nroutes)
{
	const char *path = conf_default_path();
	struct app a = { .name = name };
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
	if (conf_load(path, &a.conf, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", name, err);
		return 2;
	}
	if (log_open(a.conf->log) != 0)
		fprintf(stderr, "%s: cannot open log %s: %s\n", name,
		    a.conf->log, strerror(errno));
	if (db_open(a.conf, &a.db, err, sizeof(err)) != 0)
		log_msg("starting without database: %s", err);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;   /* no SA_RESTART: accept() must return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0 || FCGX_InitRequest(&f, 0, 0) != 0) {
		log_msg("cannot initialise FastCGI");
		goto out;
	}
	log_msg("started");
	while (!shutting_down && FCGX_Accept_r(&f) == 0) {
		if (a.db == NULL &&
		    db_open(a.conf, &a.db, err, sizeof(err)) != 0)
			a.db = NULL;
		serve(&a, &f, routes, nroutes);
		FCGX_Finish_r(&f);
	}
	log_msg("stopped");
	status = EXIT_SUCCESS;
out:
	db_close(a.db);
	conf_free(a.conf);
	log_close();
	return status;
}
