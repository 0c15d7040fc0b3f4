/* qs.c: query strings for links. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/qs.h"

static bool
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

size_t
qs_encode(char *out, size_t len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';
	    p++) {
		char enc[3];
		size_t n = 1;

		if (unreserved(*p))
			enc[0] = (char)*p;
		else {
			enc[0] = '%';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			n = 3;
		}
		for (size_t i = 0; i < n; i++, o++)
			if (o + 1 < len)
				out[o] = enc[i];
	}
	if (len > 0)
		out[o < len ? o : len - 1] = '\0';
	return o;
}

void
qs_init(struct qs *q)
{
	q->buf = NULL;
	q->len = q->cap = 0;
	q->oom = false;
}

void
qs_free(struct qs *q)
{
	if (q == NULL)
		return;
	free(q->buf);
	qs_init(q);
}

/* Makes room for n more bytes and the NUL. */
static bool
grow(struct qs *q, size_t n)
{
	size_t cap;
	char *p;

	if (q->oom)
		return false;
	if (q->len + n + 1 <= q->cap)
		return true;
	for (cap = q->cap ? q->cap : 128; cap < q->len + n + 1; cap *= 2)
		;
	if ((p = realloc(q->buf, cap)) == NULL) {
		free(q->buf);
		q->buf = NULL;
		q->len = q->cap = 0;
		q->oom = true;
		return false;
	}
	q->buf = p;
	q->cap = cap;
	return true;
}

void
qs_add(struct qs *q, const char *name, const char *value)
{
	size_t nn, nv;

	if (value == NULL || *value == '\0')
		return;
	nn = strlen(name);
	nv = qs_encode(NULL, 0, value);
	if (!grow(q, (q->len > 0) + nn + 1 + nv))
		return;
	if (q->len > 0)
		q->buf[q->len++] = '&';
	memcpy(q->buf + q->len, name, nn);
	q->len += nn;
	q->buf[q->len++] = '=';
	qs_encode(q->buf + q->len, nv + 1, value);
	q->len += nv;
}

void
qs_add_int(struct qs *q, const char *name, int64_t v)
{
	char num[24];

	snprintf(num, sizeof(num), "%" PRId64, v);
	qs_add(q, name, num);
}

void
qs_append(struct qs *q, const struct qs *other)
{
	if (other->oom) {
		qs_free(q);
		q->oom = true;
		return;
	}
	if (other->len == 0 || !grow(q, (q->len > 0) + other->len))
		return;
	if (q->len > 0)
		q->buf[q->len++] = '&';
	memcpy(q->buf + q->len, other->buf, other->len);
	q->len += other->len;
	q->buf[q->len] = '\0';
}

const char *
qs_str(const struct qs *q)
{
	if (q->oom)
		return NULL;
	return q->len > 0 ? q->buf : "";
}

char *
qs_href(const struct qs *q, const char *path)
{
	size_t np = strlen(path);
	char *s;

	if (q->oom || (s = malloc(np + 1 + q->len + 1)) == NULL)
		return NULL;
	memcpy(s, path, np);
	if (q->len > 0) {
		s[np] = '?';
		memcpy(s + np + 1, q->buf, q->len);
		s[np + 1 + q->len] = '\0';
	} else
		s[np] = '\0';
	return s;
}
