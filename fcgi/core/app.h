/* app.h: a FastCGI program: its process state, its requests, its routes.
 *
 * Each module is one program whose main() hands a route table to
 * app_main().  The loop accepts requests until SIGTERM, which lets the
 * request in progress finish first. */
#ifndef TC_CORE_APP_H
#define TC_CORE_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <fcgiapp.h>

#include "core/conf.h"
#include "core/db.h"

/* Process-wide state, one per worker. */
struct app {
	const char *name;       /* program name, "auth" */
	struct conf *conf;
	struct db *db;          /* NULL while the database is unreachable */
};

#define HTTP_MAX_HEADERS 16

/* One request.  Strings point into the FastCGI environment and live as
 * long as the request. */
struct req {
	struct app *app;
	FCGX_Request *fcgx;
	const char *method;     /* GET, POST, ... */
	const char *path;       /* decoded path, without the query */
	const char *query;      /* raw query string, "" when none */
	const char *remote;     /* client address */
	const char *id;         /* request id for the log */
	const char *person;     /* login of the signed-in person, or NULL */
	int status;             /* status sent, 0 before http_open() */
	char *headers[HTTP_MAX_HEADERS];  /* extra response header lines */
	size_t nheaders;
};

struct route;

/* A handler answers one request.  Returns 0 when it sent a response, or
 * a negative tc_err: the loop then sends the matching error page if no
 * response was started. */
typedef int (*route_fn)(struct req *r);

struct route {
	const char *method;     /* "GET" or "POST" */
	const char *path;       /* exact path */
	route_fn fn;
};

/* Reads the configuration (-c FILE, else conf_default_path()), opens the
 * log and the database, then serves routes until SIGTERM.  Returns the
 * process exit status. */
int app_main(int argc, char **argv, const char *name,
    const struct route *routes, size_t nroutes);

/* Queues a response header line ("Name: value") to be sent by
 * http_open().  Returns 0, TC_ETOOBIG or TC_ENOMEM. */
int http_header(struct req *r, const char *name, const char *value);

/* Starts the response: status line, content type and the security
 * headers every response carries, then the queued headers.  Returns 0 or
 * TC_EIO. */
int http_open(struct req *r, int status, const char *content_type);

/* Writes len bytes of body.  Returns 0 or TC_EIO. */
int http_write(struct req *r, const void *buf, size_t len);

/* Sends a complete plain-text response. */
int http_text(struct req *r, int status, const char *text);

/* Returns the reason phrase of an HTTP status ("Not Found"). */
const char *http_reason(int status);

/* The health route: 200 when the database and the directory answer,
 * 503 naming the one that does not. */
int health_get(struct req *r);

#endif
