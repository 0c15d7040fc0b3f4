/* tables.h: reading orders.csv, payments.csv and targets.csv (sections
 * 1.2-1.4 of spec/commission-calc.md) by column name into a struct
 * tce_input, checking every field of every record. */
#ifndef TC_ENGINE_TABLES_H
#define TC_ENGINE_TABLES_H

#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"

enum tce_table {
	TCE_TABLE_ORDERS = 0,
	TCE_TABLE_PAYMENTS,
	TCE_TABLE_TARGETS,
};

/* Parses the CSV text buf (len bytes plus one spare byte) as the given
 * table and appends its records to in.  in takes ownership of buf (also
 * on failure): its strings point into it.  Returns 0; TC_EINVAL (bad
 * input) or TC_ETOOBIG (a number too large to compute with) with err set
 * (src, line, msg); TC_ENOMEM. */
int tce_table_read(struct tce_input *in, enum tce_table table, char *buf,
    size_t len, struct tce_diag *err);

/* A table whose header has been read, for reading its records in parts
 * (e.g. on two threads: the parts share only the read-only header). */
struct tce_table_reader {
	enum tce_table table;
	char          *buf;        /* owned by the input given to open */
	size_t         len;
	size_t         body;       /* offset of the first record */
	uint32_t       body_line;  /* its line */
	size_t         ncols;
	int            col[16];    /* column of each known name, or -1 */
};

/* Reads the header of buf (len bytes plus one spare) as the given table
 * into t; in takes ownership of buf (also on failure).  Returns 0, or
 * TC_EINVAL / TC_ENOMEM with err set. */
int tce_table_open(struct tce_table_reader *t, struct tce_input *in,
    enum tce_table table, char *buf, size_t len, struct tce_diag *err);

/* Returns the offset of the first record start after byte `at` of the
 * body of t (len when there is none): where a second part may begin. */
size_t tce_table_split(const struct tce_table_reader *t, size_t at);

/* Reads the records of bytes [from, to) of t (from a record start; to at
 * a record start or the end), whose first line is first_line, appending
 * them to in.  Parts of one table may be read at once into different
 * inputs (they write only their own bytes).  Stores the line reached
 * (the first line after the part) in *end_line unless NULL.  Returns as
 * tce_table_read. */
int tce_table_read_part(const struct tce_table_reader *t, struct tce_input *in,
    size_t from, size_t to, uint32_t first_line, struct tce_diag *err,
    uint32_t *end_line);

/* Moves the rows (and their shares) of from to the end of to, adding
 * line_offset to their lines.  Returns 0 or TC_ENOMEM. */
int tce_input_append_rows(struct tce_input *to, struct tce_input *from,
    uint32_t line_offset);

/* Reads the whole file at path into a new buffer with one spare byte at
 * the end; stores it in *buf (free with free()) and its length in *len.
 * Returns 0, TC_EIO (errno kept) or TC_ENOMEM. */
int tce_file_read(const char *path, char **buf, size_t *len);

#endif
