/* csv.h: a strict RFC 4180 reader (spec/commission-calc.md, section 1):
 * quoted fields with embedded commas, quotes and line breaks; LF or CRLF
 * line ends; a leading UTF-8 byte-order mark ignored; no trimming; empty
 * lines skipped; a bare CR, a stray quote or a NUL byte refused.  It
 * parses a whole file held in memory, in place: fields are NUL-terminated
 * strings pointing into the caller's buffer, valid as long as it is. */
#ifndef TC_ENGINE_CSV_H
#define TC_ENGINE_CSV_H

#include <stddef.h>
#include <stdint.h>

struct tce_csv {
	char     *buf;       /* borrowed, len + 1 bytes, modified in place */
	size_t    len;
	size_t    pos;
	uint32_t  line;      /* physical line at pos, from 1 */
	char    **field;     /* the current record's fields */
	size_t   *flen;      /* their lengths */
	size_t    nfield;
	size_t    cap;
};

/* Starts reading buf, which holds len bytes of CSV followed by one spare
 * byte (buf[len] is overwritten).  c borrows buf.  Returns 0. */
int tce_csv_init(struct tce_csv *c, char *buf, size_t len);

/* Starts reading bytes [from, to) of buf, a part of a file already
 * started with tce_csv_init (which wrote the spare byte): no byte-order
 * mark is skipped and nothing outside the part is read or written,
 * provided the part ends at a line feed or at the end of the file.
 * Lines are counted from first_line.  Returns 0. */
int tce_csv_init_part(struct tce_csv *c, char *buf, size_t from, size_t to,
    uint32_t first_line);

/* Reads the next record into c->field, c->flen, c->nfield and stores the
 * physical line it starts on in *line.  Returns 1 for a record, 0 at the
 * end, TC_EINVAL for malformed CSV (then *line is the record's first line
 * and *why a static reason), TC_ENOMEM. */
int tce_csv_next(struct tce_csv *c, uint32_t *line, const char **why);

/* Frees the field arrays of c (not the buffer).  Accepts NULL. */
void tce_csv_free(struct tce_csv *c);

#endif
