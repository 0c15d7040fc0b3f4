/* tables.h: reading orders.csv, payments.csv and targets.csv (sections
 * 1.2-1.4 of spec/commission-calc.md) by column name into a struct
 * tce_input, checking every field of every record. */
#ifndef TC_ENGINE_TABLES_H
#define TC_ENGINE_TABLES_H

#include <stddef.h>

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

/* Reads the whole file at path into a new buffer with one spare byte at
 * the end; stores it in *buf (free with free()) and its length in *len.
 * Returns 0, TC_EIO (errno kept) or TC_ENOMEM. */
int tce_file_read(const char *path, char **buf, size_t *len);

#endif
