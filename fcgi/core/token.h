/* token.h: session and CSRF tokens, and Set-Cookie header values.
 *
 * A session token is 32 bytes from getrandom(2), carried as 64 lower-case
 * hex characters in a cookie.  The database stores only its SHA-256 (hex),
 * so a leaked table cannot be replayed as cookies.
 *
 * CSRF: for a signed-in person the form token is
 * HMAC-SHA256(key = session token hex, message = "csrf") in hex, so it is
 * bound to the session and needs no storage; a forger without the cookie
 * cannot compute it.  For the anonymous login form a separate random
 * pre-session token is set as a cookie and echoed in a hidden field
 * (double-submit); compare the two with token_equal().
 *
 * Errors are values: 0 or a negative TC_E* (core/error.h).
 */
#ifndef TC_CORE_TOKEN_H
#define TC_CORE_TOKEN_H

#include <stddef.h>

#include "core/error.h"

#define TOKEN_BYTES 32
#define TOKEN_HEX_LEN 64            /* characters, without the NUL */
#define TOKEN_HEX_SIZE (TOKEN_HEX_LEN + 1)

/* Fills buf with n bytes from getrandom(2), retrying on EINTR and short
 * reads.  Returns 0, or TC_EIO if the kernel refuses (buf then unusable). */
int token_random(unsigned char *buf, size_t n);

/* Writes n bytes as 2n lower-case hex characters plus NUL into out
 * (caller's, at least 2n+1 bytes). */
void token_hex(const unsigned char *in, size_t n, char *out);

/* Writes a fresh random token (64 hex characters + NUL) into out.
 * Returns 0 or TC_EIO (out is then ""). */
int token_new(char out[TOKEN_HEX_SIZE]);

/* Returns 1 if s is exactly 64 lower-case hex characters, else 0.
 * Use before looking a cookie value up. */
int token_well_formed(const char *s);

/* Writes hex(SHA-256(s)) of the NUL-terminated string s into out: what
 * the database stores for a session token. */
void token_hash(const char *s, char out[TOKEN_HEX_SIZE]);

/* Returns 1 if a and b are equal strings, else 0 (also when either is
 * NULL).  Time depends only on the lengths, never on where they differ. */
int token_equal(const char *a, const char *b);

/* Writes the CSRF token bound to session (hex HMAC-SHA256 of "csrf" under
 * the session token) into out. */
void token_csrf(const char *session, char out[TOKEN_HEX_SIZE]);

/* Returns 1 if form_value is the CSRF token of session, else 0 (NULL or
 * empty arguments give 0).  Constant-time. */
int token_csrf_check(const char *session, const char *form_value);

/* Options of a Set-Cookie header value. */
struct cookie_opts {
	int secure;      /* add "Secure" */
	int strict;      /* SameSite=Strict instead of Lax */
	long max_age;    /* seconds; < 0: session cookie (no Max-Age) */
	const char *path;/* NULL: "/" */
};

/* Writes a Set-Cookie header value ("name=value; Path=/; Max-Age=N;
 * HttpOnly; SameSite=Lax[; Secure]") into buf of size sz.  name must be
 * an RFC 7230 token, value RFC 6265 cookie-octets, path printable without
 * ';'.  opts NULL means {0, 0, -1, "/"}.  Returns the length written
 * (without NUL), TC_EINVAL for a bad name, value or path, or TC_ETOOBIG
 * if buf is too small (buf then holds ""). */
int cookie_format(char *buf, size_t sz, const char *name, const char *value,
    const struct cookie_opts *opts);

/* As cookie_format, for a header that deletes cookie name: empty value,
 * Max-Age=0 and an Expires date in 1970, same Path/flags as opts. */
int cookie_format_delete(char *buf, size_t sz, const char *name,
    const struct cookie_opts *opts);

#endif
