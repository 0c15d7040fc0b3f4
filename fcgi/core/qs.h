/* qs.h: building query strings for links ("from=2026-01-01&sort=date").
 *
 * Names are written as given (they come from field tables, never from
 * input); values are percent-encoded: everything but ASCII letters,
 * digits and "-._~" becomes %XX, so a value never breaks the query or
 * the HTML attribute it lands in.  A pair with a NULL or empty value is
 * left out: an unset filter adds nothing to a link.
 *
 *   struct qs q;
 *   qs_init(&q);
 *   qs_add(&q, "q", "上海 & co");
 *   qs_add_int(&q, "page", 2);
 *   href = qs_href(&q, "/sales/customers");   // "/sales/customers?q=...&page=2"
 *   qs_free(&q);
 *
 * Memory is grown as needed; after an allocation failure the builder
 * stays empty-handed (qs_str and qs_href return NULL) so that the caller
 * checks once, at the end. */
#ifndef TC_CORE_QS_H
#define TC_CORE_QS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct qs {
	char *buf;      /* NUL-terminated pairs, owned */
	size_t len;     /* bytes used, without the NUL */
	size_t cap;
	bool oom;       /* an allocation failed: everything after is lost */
};

/* Makes q empty.  Use on fresh storage; release with qs_free. */
void qs_init(struct qs *q);

/* Frees what q holds and makes it empty.  Accepts NULL. */
void qs_free(struct qs *q);

/* Appends name=value (value percent-encoded), '&' first unless q is
 * empty.  Nothing when value is NULL or "". */
void qs_add(struct qs *q, const char *name, const char *value);

/* Appends name=v in decimal. */
void qs_add_int(struct qs *q, const char *name, int64_t v);

/* Appends every pair of other (already encoded). */
void qs_append(struct qs *q, const struct qs *other);

/* The pairs so far ("" when none), owned by q; NULL after a failed
 * allocation. */
const char *qs_str(const struct qs *q);

/* A new "path?pairs" ("path" alone when q is empty), which the caller
 * frees; NULL when out of memory. */
char *qs_href(const struct qs *q, const char *path);

/* Percent-encodes s into out (size len, NUL-terminated) as qs_add does.
 * Returns the length the whole encoding needs (like snprintf): the result
 * is complete when that is below len. */
size_t qs_encode(char *out, size_t len, const char *s);

#endif
