/* app.h: a FastCGI program: its process state, its requests, its routes.
 *
 * Each module is one program whose main() hands its code (module.h) to
 * app_main_module().  Before a handler runs, the loop has parsed the
 * query, the cookies and (for POST) the body under limits, picked the language,
 * found the session, checked the route's roles and, for every POST, the
 * CSRF token; a handler only sees requests it may answer.  SIGTERM lets
 * the request in progress finish, then the worker exits. */
#ifndef TC_CORE_APP_H
#define TC_CORE_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fcgiapp.h>

#include "core/conf.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/request.h"
#include "core/tmpl.h"
#include "core/token.h"

/* Roles, computed from the directory at sign-in (never from a form). */
enum role {
	ROLE_SALES = 1 << 0,
	ROLE_MANAGER = 1 << 1,      /* sales + group sales-managers */
	ROLE_HR = 1 << 2,
	ROLE_FINANCE = 1 << 3,
	ROLE_REVIEWER = 1 << 4,     /* finance + group settlement-reviewers */
	ROLE_MANAGEMENT = 1 << 5,
	ROLE_ADMIN = 1 << 6,
};
#define ROLE__COUNT 7
#define ROLES_ALL ((1u << ROLE__COUNT) - 1)
#define ROLE_PUBLIC 0u              /* a route anyone may use, signed in or not */

/* The catalogue key of a role's name ("role_sales"), by bit index. */
const char *role_key(unsigned bit_index);

struct module;

/* Process-wide state, one per worker. */
struct app {
	const char *name;           /* program name, "auth" */
	const struct module *const *modules;  /* every module of the build,
	                               NULL-terminated (the navigation) */
	struct conf *conf;
	struct db *db;              /* NULL while the database is unreachable */
	struct i18n_cat *cat_zh;
	struct i18n_cat *cat_en;
};

/* The signed-in person, as their session records them. */
struct person {
	int64_t id;
	char login[65];
	char name[129];
	char team[65];
	unsigned roles;             /* enum role bits */
};

#define HTTP_MAX_HEADERS 16
#define ROUTE_MAX_IDS 4

struct req {
	struct app *app;
	FCGX_Request *fcgx;
	const char *method;         /* GET, POST, ... (HEAD answers as GET) */
	const char *path;           /* path without the query */
	const char *query;          /* raw query string, "" when none */
	const char *remote;         /* client address */
	const char *id;             /* request id for the log */
	bool tls;                   /* it came over TLS (HTTPS on) */
	struct req_fields q;        /* query parameters */
	struct req_fields form;     /* POST body fields */
	struct req_fields cookies;
	int64_t ids[ROUTE_MAX_IDS]; /* numbers matched by '#' in the route */
	size_t nids;
	const char *lang;           /* "zh" or "en" */
	const struct i18n_cat *cat;
	bool signed_in;
	struct person me;
	char session_hash[TOKEN_HEX_SIZE];
	char csrf[TOKEN_HEX_SIZE];  /* the token forms must carry */
	int status;                 /* status sent, 0 before http_open() */
	char *headers[HTTP_MAX_HEADERS];
	size_t nheaders;
	struct tdict *page;         /* the layout dictionary, see page_body() */
	struct tdict *body;
};

/* A handler answers one request.  Returns 0 when it sent a response, or
 * a negative tc_err: the loop then sends the matching error page
 * (TC_ENOTFOUND 404, TC_EDENIED 403, TC_EDB 503, TC_EINVAL 400,
 * TC_ECONFLICT 409, TC_ETOOBIG 413, other 500) if no response was
 * started. */
typedef int (*route_fn)(struct req *r);

struct route {
	const char *method;         /* "GET" or "POST" */
	const char *pattern;        /* path; '#' matches a positive integer */
	unsigned roles;             /* who may: role bits, or ROLE_PUBLIC */
	route_fn fn;
};

/* A program made of several areas, each with its own route table. */
struct route_set {
	const struct route *routes;
	size_t n;
};

#define ROUTE_SET(arr) { (arr), sizeof(arr) / sizeof((arr)[0]) }

/* Whether route pattern matches path; fills ids (up to ROUTE_MAX_IDS)
 * with the numbers matched by '#'.  Exposed for tests. */
bool route_match(const char *pattern, const char *path, int64_t *ids,
    size_t *nids);

/* Whether the person holds any of roles. */
static inline bool
has_role(const struct req *r, unsigned roles)
{
	return r->signed_in && (r->me.roles & roles) != 0;
}

/* Translation of key in the request's language (never NULL). */
const char *tr(const struct req *r, const char *key);

/* The name of a row stored in both languages (a region, a product), in
 * the request's language: en for English readers unless it is NULL or
 * empty, zh otherwise.  Borrowed: one of the two. */
const char *tr_stored(const struct req *r, const char *zh, const char *en);

/* tr_stored of columns zh_col (Chinese) and zh_col + 1 (English) of row
 * of res.  Borrowed from res. */
const char *tr_stored_col(const struct req *r, const struct dbres *res,
    size_t row, size_t zh_col);

/* tr_stored of the columns called "<name>_zh" and "<name>_en" of row of
 * res (name "name": name_zh and name_en; "type": type_zh and type_en).
 * Borrowed from res. */
const char *tr_stored_named(const struct req *r, const struct dbres *res,
    size_t row, const char *name);

/* --- responses (http.c) --- */

/* Queues a response header line ("Name: value") to be sent by
 * http_open().  Returns 0, TC_EINVAL, TC_ETOOBIG or TC_ENOMEM. */
int http_header(struct req *r, const char *name, const char *value);

/* Starts the response: status line, content type and the security
 * headers every response carries, then the queued headers.  Returns 0 or
 * TC_EIO. */
int http_open(struct req *r, int status, const char *content_type);

/* Writes len bytes of body.  Returns 0 or TC_EIO. */
int http_write(struct req *r, const void *buf, size_t len);

/* Sends a complete plain-text response. */
int http_text(struct req *r, int status, const char *text);

/* Redirects (303 See Other) to a local path. */
int http_redirect(struct req *r, const char *location);

/* Redirects (303) to a record's page after a POST acted on it:
 * "<base>/<id>", with "?done=<done>" (the page's confirmation) when done
 * is not NULL.  base is a fixed path ("/commission/disputes"). */
int http_redirect_done(struct req *r, const char *base, int64_t id,
    const char *done);

/* The status of the error page the loop sends for a handler's tc_err
 * (see route_fn): TC_ECONFLICT 409, TC_ENOTFOUND 404, ... 500. */
int http_status_of(int err);

/* Returns the reason phrase of an HTTP status ("Not Found"). */
const char *http_reason(int status);

/* Sets (or with value NULL deletes) a cookie, HttpOnly, SameSite=Lax,
 * Secure when the site is configured for TLS ([site] tls) or the request
 * came over TLS. */
int http_cookie(struct req *r, const char *name, const char *value,
    long max_age);

/* --- pages (page.c) --- */

/* The dictionary of the page's own template (owned by r, created on
 * first use); fill it, then call page_send(). */
struct tdict *page_body(struct req *r);

/* Renders template tpl (relative to the templates directory, e.g.
 * "sales/orders.tpl") inside the layout, with title_key's translation as
 * title and nav_key naming the current module ("sales") for the
 * navigation, and sends it with status.  Returns 0 or a tc_err. */
int page_send(struct req *r, int status, const char *tpl,
    const char *title_key, const char *nav_key);

/* Adds the MODULE rows (href, module_key, module_title, module_text) of
 * the modules the person may use to d, or shows NO_MODULES. */
void page_modules(struct req *r, struct tdict *d);

/* A tab of a module's sub-navigation (the row of links under the
 * title of each of its pages). */
struct page_tab {
	const char *key;            /* its label: the catalogue's prefix+key */
	const char *href;
	unsigned roles;             /* who sees it: those of its GET route */
};

/* Includes core/tabs.tpl at {{>marker}} of the page body: a <nav>
 * labelled with label_key's translation, holding the tabs of tabs[0..n)
 * the person may open, each labelled with the translation of prefix and
 * its key, the one whose key is current (none when NULL) marked as the
 * current page. */
void page_tabs(struct req *r, const char *marker, const char *label_key,
    const struct page_tab *tabs, size_t n, const char *prefix,
    const char *current);

/* Adds a message shown at the top of the next page rendered for this
 * request (kind: "ok", "error" or "warn"). */
void page_flash(struct req *r, const char *kind, const char *text);

/* Makes the page reload itself after seconds when JavaScript is off (a
 * meta refresh in a <noscript>): for a page showing work in progress,
 * such as a background job. */
void page_refresh(struct req *r, int seconds);

/* Sends the error page for status (400, 403, 404, 405, 409, 413, 500, 503)
 * in the request's language. */
int page_error(struct req *r, int status);

/* --- sessions (session.c) --- */

/* Starts a session for person p (a new token every time: no fixation),
 * sets the cookie, and signs the request in.  Returns 0 or a tc_err. */
int session_start(struct req *r, const struct person *p);

/* Ends the request's session: deletes it and clears the cookie. */
int session_end(struct req *r);

/* Finds the request's session from its cookie; sets r->signed_in and
 * r->me when valid and not expired.  Returns 0 (signed in or not), or
 * TC_EDB. */
int session_load(struct req *r);

/* --- audit (audit.c) --- */

/* Writes one audit row for the signed-in person (or actor "-"), in the
 * caller's transaction.  detail may be NULL.  Returns 0 or a tc_err. */
int audit_write(struct req *r, const char *action, const char *entity,
    const char *entity_id, const char *detail);

/* The health route: 200 when the database and the directory answer,
 * 503 naming the one that does not. */
int health_get(struct req *r);

#endif
