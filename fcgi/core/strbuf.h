/* strbuf.h: one growable NUL-terminated string, built by appending.
 *
 * For text assembled from fixed pieces (the SQL of a list or of a
 * workflow from its declared fragments, a catalogue's unescaped string):
 *
 *   struct strbuf b = STRBUF_INIT;
 *   strbuf_add(&b, "SELECT ");
 *   strbuf_add(&b, cols);
 *   sql = strbuf_take(&b);          // NULL when out of memory
 *
 * Memory grows as needed.  After an allocation fails the buffer is
 * marked (oom) and every later append does nothing, so that the caller
 * checks once, at the end.  Pure: no I/O, no globals. */
#ifndef TC_CORE_STRBUF_H
#define TC_CORE_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	char *p;        /* NUL-terminated once anything was added, owned */
	size_t len;     /* bytes used, without the NUL */
	size_t cap;
	bool oom;       /* an allocation failed: everything after is lost */
};

#define STRBUF_INIT { NULL, 0, 0, false }

/* Appends the NUL-terminated s.  Appending "" still makes b hold a
 * string, so that strbuf_take returns "" rather than NULL. */
void strbuf_add(struct strbuf *b, const char *s);

/* Appends the n bytes at s (which need not be NUL-terminated). */
void strbuf_addn(struct strbuf *b, const char *s, size_t n);

/* Appends the one byte c. */
void strbuf_addc(struct strbuf *b, char c);

/* Returns the string, which the caller now owns and frees, and leaves b
 * empty; returns NULL (and frees what b held) when an allocation failed
 * or nothing was ever added. */
char *strbuf_take(struct strbuf *b);

/* Frees what b holds and leaves it empty.  Accepts NULL. */
void strbuf_free(struct strbuf *b);

#endif
