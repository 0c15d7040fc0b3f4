/* request.h: pure parsing of request input (query strings, urlencoded and
 * multipart bodies, Cookie and Accept-Language headers) under limits.
 *
 * No I/O: every function works on a caller-supplied buffer, so it can be
 * unit-tested and fuzzed without a server.  Parsed fields are appended, in
 * input order, to a struct req_fields; names may repeat.
 *
 * Errors are values: 0 on success, TC_ENOMEM when memory runs out, or one
 * of the request parsing errors of core/error.h (TC_EBODY_TOO_LARGE ...
 * TC_EBAD_DISPOSITION).  req_status() maps an error to the HTTP status the
 * caller should answer with.
 */
#ifndef TC_CORE_REQUEST_H
#define TC_CORE_REQUEST_H

#include <stddef.h>

#include "core/error.h"

/* Limits applied while parsing; all sizes in bytes. */
struct req_limits {
	size_t max_body;   /* whole body or query string */
	size_t max_fields; /* total pairs in one struct req_fields */
	size_t max_name;   /* one field name, decoded */
	size_t max_value;  /* one non-file value, decoded */
	size_t max_file;   /* one file part's content */
};

/* Sensible defaults: 8 MiB body, 1000 fields, 128-byte names, 64 KiB
 * values, 8 MiB files. */
extern const struct req_limits req_limits_default;

/* One field.  name and value are NUL-terminated copies owned by the
 * struct req_fields; value may contain NUL bytes only for file parts, so
 * always use valsz for file content.  filename and ctype are NULL unless
 * the field came from a multipart file part (filename "" means the user
 * chose no file). */
struct req_pair {
	char *name;
	char *value;
	size_t valsz;
	char *filename;
	char *ctype;
};

/* An ordered list of fields.  Initialise with {0} (or req_fields_init);
 * release with req_fields_free. */
struct req_fields {
	struct req_pair *pairs;
	size_t n;
	size_t cap;
};

/* Makes f empty.  Does not free: use on fresh storage only. */
void req_fields_init(struct req_fields *f);

/* Frees every pair held by f and makes it empty; f itself is the caller's.
 * Accepts NULL. */
void req_fields_free(struct req_fields *f);

/* Appends the pair name=value (copies; a NULL value is "") to f, as if
 * it had been posted: for input made by a program (an import row, the
 * demo data) that goes through a form's field table.  No limits apply.
 * Returns 0 or TC_ENOMEM. */
int req_fields_add(struct req_fields *f, const char *name, const char *value);

/* Parses a query string (without the '?') of len bytes, appending to f.
 * '+' is a space, %XX decoded; empty segments and empty names skipped.
 * Returns 0, TC_ENOMEM or a request parsing error (core/error.h); on error f may hold the fields
 * parsed before the error (free it either way). */
int req_parse_query(struct req_fields *f, const char *qs, size_t len,
    const struct req_limits *lim);

/* Same as req_parse_query for an application/x-www-form-urlencoded body. */
int req_parse_urlencoded(struct req_fields *f, const char *body, size_t len,
    const struct req_limits *lim);

/* Parses a multipart/form-data body; content_type is the whole request
 * Content-Type header value (the boundary comes from it).  Text parts must
 * be UTF-8 without NUL; file parts (those with a filename parameter) keep
 * their bytes exactly.  Returns 0, TC_ENOMEM or a request parsing error (core/error.h). */
int req_parse_multipart(struct req_fields *f, const char *content_type,
    const char *body, size_t len, const struct req_limits *lim);

/* Dispatches on content_type (NULL or "" with an empty body is fine):
 * urlencoded or multipart; anything else with a non-empty body is
 * TC_EBAD_MEDIA_TYPE.  Checks max_body first. */
int req_parse_body(struct req_fields *f, const char *content_type,
    const char *body, size_t len, const struct req_limits *lim);

/* Parses a Cookie header leniently (RFC 6265 section 5.4): pairs split on
 * ';', blanks trimmed, one pair of surrounding quotes removed, pairs
 * without '=' or with an empty or invalid name or control characters
 * skipped, pairs beyond lim->max_fields or over max_name/max_value skipped.
 * No percent-decoding.  Returns 0 or TC_ENOMEM only. */
int req_parse_cookies(struct req_fields *f, const char *header, size_t len,
    const struct req_limits *lim);

/* Returns the first pair named name, or NULL.  Borrowed from f. */
const struct req_pair *req_first(const struct req_fields *f, const char *name);

/* Returns the next pair named name after prev (NULL: from the start), or
 * NULL when there is none; iterate with
 *   for (p = req_next(f, "rep", NULL); p; p = req_next(f, "rep", p)) */
const struct req_pair *req_next(const struct req_fields *f, const char *name,
    const struct req_pair *prev);

/* Returns the first value of name, or NULL.  Borrowed from f. */
const char *req_get(const struct req_fields *f, const char *name);

/* Returns how many pairs are named name. */
size_t req_count(const struct req_fields *f, const char *name);

/* Picks "zh" or "en" from an Accept-Language header value by q-values;
 * "zh" when header is NULL, empty, unparsable, or on a tie.  Returns a
 * static string. */
const char *req_accept_language(const char *header);

/* Returns a short static name for err ("body-too-large", ...), never NULL. */
const char *req_strerror(int err);

/* Returns the HTTP status for err: 200 for 0, 413, 415, 500 for
 * TC_ENOMEM, otherwise 400. */
int req_status(int err);

/* Returns 1 if s[0..n) is valid UTF-8 (no overlongs, surrogates or
 * values above U+10FFFF) without NUL bytes, else 0. */
int req_utf8_valid(const char *s, size_t n);

#endif
