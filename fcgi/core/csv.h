/* csv.h: writing CSV (RFC 4180) as the rows are produced, for exports.
 *
 * A writer holds one small buffer and hands full chunks to a sink (the
 * HTTP response, a file, a test's memory): a result of any size is
 * written as it is read, never held whole.  Records end with CRLF; a
 * field holding a comma, a quote, CR or LF is quoted, its quotes doubled.
 *
 * Options:
 *   CSV_BOM   the file starts with the UTF-8 byte-order mark, so that
 *             Excel reads it as UTF-8 (Chinese names intact);
 *   CSV_SAFE  spreadsheet-safe: a text cell that a spreadsheet would run
 *             as a formula (one starting with '=', '+', '-', '@', a tab or
 *             CR) is written with a leading "'" so that it shows as text.
 *             A number cell (csv_number) whose text is a plain decimal
 *             ("-80.00", "12") stays a number; any other text given as a
 *             number is treated as text, defused included.
 *
 * Pure: no I/O of its own, no globals. */
#ifndef TC_CORE_CSV_H
#define TC_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#define CSV_BOM  1u
#define CSV_SAFE 2u

/* Takes len bytes of output.  Returns 0, or a negative tc_err that stops
 * the writer (every later call returns it). */
typedef int (*csv_sink)(void *ctx, const char *buf, size_t len);

#define CSV_BUF_SIZE 8192

struct csv_writer {
	csv_sink sink;
	void *ctx;
	unsigned flags;
	size_t fields;          /* fields written in the current record */
	int err;                /* the first error, sticky */
	size_t n;               /* bytes waiting in buf */
	char buf[CSV_BUF_SIZE];
};

/* Prepares w to write to sink (with ctx) with flags (CSV_BOM, CSV_SAFE).
 * Nothing reaches the sink before the buffer fills or csv_flush(): a
 * caller that fails before that can still answer with an error. */
void csv_init(struct csv_writer *w, csv_sink sink, void *ctx,
    unsigned flags);

/* Appends a text field (NULL is written as empty) to the current record.
 * Returns 0 or the sink's error. */
int csv_text(struct csv_writer *w, const char *s);

/* Appends a number field: s as it is when it is a plain decimal
 * (optional '-', digits, optionally '.' and digits), else as csv_text.
 * Returns 0 or the sink's error. */
int csv_number(struct csv_writer *w, const char *s);

/* Ends the current record (CRLF).  Returns 0 or the sink's error. */
int csv_end(struct csv_writer *w);

/* Hands what is buffered to the sink.  Returns 0 or the sink's error. */
int csv_flush(struct csv_writer *w);

/* Whether s is a plain decimal as csv_number writes unchanged. */
bool csv_is_number(const char *s);

/* Whether s, as a text cell, would be run as a formula by a spreadsheet
 * (what CSV_SAFE defuses). */
bool csv_is_formula(const char *s);

#endif
