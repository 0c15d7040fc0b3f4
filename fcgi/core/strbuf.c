/* strbuf.c: one growable NUL-terminated string. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

/* Makes room for n more bytes and the NUL; false once out of memory. */
static bool
grow(struct strbuf *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->oom)
		return false;
	if (n > SIZE_MAX / 2 - b->len - 1) {
		b->oom = true;
		return false;
	}
	if (b->len + n + 1 <= b->cap)
		return true;
	for (cap = b->cap ? b->cap : 128; cap < b->len + n + 1; cap *= 2)
		;
	if ((p = realloc(b->p, cap)) == NULL) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void
strbuf_addn(struct strbuf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
strbuf_add(struct strbuf *b, const char *s)
{
	strbuf_addn(b, s, strlen(s));
}

void
strbuf_addc(struct strbuf *b, char c)
{
	strbuf_addn(b, &c, 1);
}

char *
strbuf_take(struct strbuf *b)
{
	char *p = b->oom ? NULL : b->p;

	if (p == NULL)
		free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = false;
	return p;
}

void
strbuf_free(struct strbuf *b)
{
	if (b == NULL)
		return;
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}
