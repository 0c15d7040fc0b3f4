/* token.c: random tokens, hashes, CSRF tokens and Set-Cookie values. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>

#include "core/token.h"

int
token_random(unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(buf + got, n - got, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return TC_EIO;
		}
		got += (size_t)r;
	}
	return 0;
}

void
token_hex(const unsigned char *in, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hx[in[i] >> 4];
		out[2 * i + 1] = hx[in[i] & 0x0f];
	}
	out[2 * n] = '\0';
}

int
token_new(char out[TOKEN_HEX_SIZE])
{
	unsigned char b[TOKEN_BYTES];

	out[0] = '\0';
	if (token_random(b, sizeof(b)) != 0)
		return TC_EIO;
	token_hex(b, sizeof(b), out);
	memset(b, 0, sizeof(b));
	return 0;
}

int
token_well_formed(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < TOKEN_HEX_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[TOKEN_HEX_LEN] == '\0';
}

void
token_hash(const char *s, char out[TOKEN_HEX_SIZE])
{
	struct sha256_ctx ctx;
	unsigned char d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(s), (const uint8_t *)s);
	sha256_digest(&ctx, sizeof(d), d);
	token_hex(d, sizeof(d), out);
}

int
token_equal(const char *a, const char *b)
{
	size_t la, lb, i;
	unsigned char diff = 0;

	if (a == NULL || b == NULL)
		return 0;
	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return 0;
	for (i = 0; i < la; i++)
		diff |= (unsigned char)a[i] ^ (unsigned char)b[i];
	return diff == 0;
}

void
token_csrf(const char *session, char out[TOKEN_HEX_SIZE])
{
	struct hmac_sha256_ctx ctx;
	unsigned char d[SHA256_DIGEST_SIZE];

	hmac_sha256_set_key(&ctx, strlen(session), (const uint8_t *)session);
	hmac_sha256_update(&ctx, 4, (const uint8_t *)"csrf");
	hmac_sha256_digest(&ctx, sizeof(d), d);
	token_hex(d, sizeof(d), out);
}

int
token_csrf_check(const char *session, const char *form_value)
{
	char want[TOKEN_HEX_SIZE];

	if (session == NULL || session[0] == '\0' || form_value == NULL)
		return 0;
	token_csrf(session, want);
	return token_equal(want, form_value);
}

static int
is_tchar(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
static int
is_cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

static int
cookie_build(char *buf, size_t sz, const char *name, const char *value,
    const struct cookie_opts *o, int del)
{
	const char *path = (o && o->path) ? o->path : "/";
	char age[64] = "";
	const char *p;
	int n;

	if (sz)
		buf[0] = '\0';
	if (name == NULL || name[0] == '\0' || value == NULL)
		return TC_EINVAL;
	for (p = name; *p; p++)
		if (!is_tchar((unsigned char)*p))
			return TC_EINVAL;
	for (p = value; *p; p++)
		if (!is_cookie_octet((unsigned char)*p))
			return TC_EINVAL;
	if (path[0] != '/')
		return TC_EINVAL;
	for (p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == ';')
			return TC_EINVAL;
	if (del)
		snprintf(age, sizeof(age),
		    "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
	else if (o && o->max_age >= 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", o->max_age);
	n = snprintf(buf, sz, "%s=%s; Path=%s%s; HttpOnly; SameSite=%s%s",
	    name, value, path, age, (o && o->strict) ? "Strict" : "Lax",
	    (o && o->secure) ? "; Secure" : "");
	if (n < 0 || (size_t)n >= sz) {
		if (sz)
			buf[0] = '\0';
		return TC_ETOOBIG;
	}
	return n;
}

int
cookie_format(char *buf, size_t sz, const char *name, const char *value,
    const struct cookie_opts *opts)
{
	return cookie_build(buf, sz, name, value, opts, 0);
}

int
cookie_format_delete(char *buf, size_t sz, const char *name,
    const struct cookie_opts *opts)
{
	return cookie_build(buf, sz, name, "", opts, 1);
}
