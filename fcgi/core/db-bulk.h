/* db-bulk.h: many rows in one execution.  A prepared INSERT or UPDATE
 * is executed with a batch of parameter sets at once (MariaDB's array
 * binding, one round trip per batch), for writes of hundreds of
 * thousands of rows such as a calculation run's commission lines, where
 * one execution per row would spend the time waiting on the server.
 *
 * The statement text is a module's fixed SQL with '?' parameters, as in
 * a statement table; every value is bound, never spliced in. */
#ifndef TC_CORE_DB_BULK_H
#define TC_CORE_DB_BULK_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

struct db_bulk;

/* Prepares sql, whose ncols parameters have the given types (DBT_INT,
 * DBT_DEC or DBT_TEXT; any of them may be given as P_NULL in a row),
 * to be executed batch rows at a time.  The statement lives on d's
 * current connection.  Returns 0 and *out (free with db_bulk_close),
 * TC_EDB or TC_ENOMEM. */
int db_bulk_open(struct db *d, const char *sql, const enum db_type *types,
    size_t ncols, size_t batch, struct db_bulk **out);

/* Adds a row of ncols values (texts are copied); executes the batch when
 * it is full.  Returns 0, TC_ECONFLICT (a duplicate key), TC_EINVAL (a
 * value the table refuses), TC_EDB or TC_ENOMEM; after a failure the
 * pending rows are dropped. */
int db_bulk_add(struct db_bulk *b, const struct db_param *row);

/* Executes the pending rows.  Returns as db_bulk_add. */
int db_bulk_flush(struct db_bulk *b);

/* Rows executed, and rows the server reported changed, so far. */
uint64_t db_bulk_rows(const struct db_bulk *b);
uint64_t db_bulk_affected(const struct db_bulk *b);

/* Closes the statement and frees b (pending rows are dropped: flush
 * first).  Accepts NULL. */
void db_bulk_close(struct db_bulk *b);

#endif
