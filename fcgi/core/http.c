/* http.c: the one place responses start, so every response, error pages
 * included, carries the same security headers. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/app.h"
#include "core/error.h"

static const char security_headers[] =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "X-Frame-Options: DENY\r\n"
    "Referrer-Policy: same-origin\r\n"
    "Cache-Control: no-store\r\n";

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	}
	return "Unknown";
}

int
http_header(struct req *r, const char *name, const char *value)
{
	char *line;

	if (r->nheaders == HTTP_MAX_HEADERS)
		return TC_ETOOBIG;
	/* Header values never carry line breaks: refuse rather than split. */
	if (strpbrk(name, "\r\n:") != NULL || strpbrk(value, "\r\n") != NULL)
		return TC_EINVAL;
	if (asprintf(&line, "%s: %s\r\n", name, value) < 0)
		return TC_ENOMEM;
	r->headers[r->nheaders++] = line;
	return 0;
}

int
http_open(struct req *r, int status, const char *content_type)
{
	FCGX_Stream *out = r->fcgx->out;

	r->status = status;
	if (FCGX_FPrintF(out, "Status: %d %s\r\nContent-Type: %s\r\n",
	    status, http_reason(status), content_type) < 0 ||
	    FCGX_PutS(security_headers, out) < 0)
		return TC_EIO;
	for (size_t i = 0; i < r->nheaders; i++)
		if (FCGX_PutS(r->headers[i], out) < 0)
			return TC_EIO;
	if (FCGX_PutS("\r\n", out) < 0)
		return TC_EIO;
	return 0;
}

int
http_write(struct req *r, const void *buf, size_t len)
{
	if (len > 0 && FCGX_PutStr(buf, (int)len, r->fcgx->out) != (int)len)
		return TC_EIO;
	return 0;
}

int
http_text(struct req *r, int status, const char *text)
{
	int rc;

	if ((rc = http_open(r, status, "text/plain; charset=utf-8")) != 0)
		return rc;
	return http_write(r, text, strlen(text));
}

int
http_redirect(struct req *r, const char *location)
{
	int rc;

	if ((rc = http_header(r, "Location", location)) != 0)
		return rc;
	if ((rc = http_open(r, 303, "text/plain; charset=utf-8")) != 0)
		return rc;
	return 0;
}

int
http_redirect_done(struct req *r, const char *base, int64_t id,
    const char *done)
{
	char loc[256];
	int n;

	n = done != NULL ? snprintf(loc, sizeof(loc), "%s/%" PRId64 "?done=%s",
	    base, id, done) : snprintf(loc, sizeof(loc), "%s/%" PRId64, base,
	    id);
	if (n < 0 || (size_t)n >= sizeof(loc))
		return TC_ETOOBIG;
	return http_redirect(r, loc);
}

int
http_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	struct cookie_opts o = { .secure = r->app->conf->tls || r->tls,
	    .strict = 0, .max_age = max_age, .path = "/" };
	char buf[512];
	int n;

	n = value != NULL ? cookie_format(buf, sizeof(buf), name, value, &o) :
	    cookie_format_delete(buf, sizeof(buf), name, &o);
	if (n < 0)
		return n;
	return http_header(r, "Set-Cookie", buf);
}
