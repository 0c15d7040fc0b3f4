/* csv.c: the streaming CSV writer (see csv.h). */
#include "config.h"

#include <string.h>

#include "core/csv.h"

void
csv_init(struct csv_writer *w, csv_sink sink, void *ctx, unsigned flags)
{
	w->sink = sink;
	w->ctx = ctx;
	w->flags = flags;
	w->fields = 0;
	w->err = 0;
	w->n = 0;
	if (flags & CSV_BOM) {
		memcpy(w->buf, "\xEF\xBB\xBF", 3);
		w->n = 3;
	}
}

int
csv_flush(struct csv_writer *w)
{
	if (w->err == 0 && w->n > 0)
		w->err = w->sink(w->ctx, w->buf, w->n);
	w->n = 0;
	return w->err;
}

/* Appends len bytes of s, handing full buffers to the sink. */
static int
put(struct csv_writer *w, const char *s, size_t len)
{
	while (w->err == 0 && len > 0) {
		size_t k = sizeof(w->buf) - w->n;

		if (k == 0) {
			csv_flush(w);
			continue;
		}
		if (k > len)
			k = len;
		memcpy(w->buf + w->n, s, k);
		w->n += k;
		s += k;
		len -= k;
	}
	return w->err;
}

bool
csv_is_number(const char *s)
{
	if (s == NULL)
		return false;
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

bool
csv_is_formula(const char *s)
{
	return s != NULL && *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/* Writes the separator before a field of the current record. */
static int
separate(struct csv_writer *w)
{
	if (w->fields++ > 0)
		return put(w, ",", 1);
	return w->err;
}

int
csv_text(struct csv_writer *w, const char *s)
{
	if (s == NULL)
		s = "";
	if (separate(w) != 0)
		return w->err;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if ((w->flags & CSV_SAFE) && csv_is_formula(s))
			put(w, "'", 1);
		return put(w, s, strlen(s));
	}
	put(w, "\"", 1);
	if ((w->flags & CSV_SAFE) && csv_is_formula(s))
		put(w, "'", 1);
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		put(w, s, (size_t)(q - s) + 1);
		put(w, "\"", 1);
	}
	put(w, s, strlen(s));
	return put(w, "\"", 1);
}

int
csv_number(struct csv_writer *w, const char *s)
{
	if (!csv_is_number(s))
		return csv_text(w, s);
	if (separate(w) != 0)
		return w->err;
	return put(w, s, strlen(s));
}

int
csv_end(struct csv_writer *w)
{
	w->fields = 0;
	return put(w, "\r\n", 2);
}
