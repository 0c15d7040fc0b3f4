/* db-rows.h: internal to core/db: reading a statement's result one row
 * at a time (db_each in db.c prepares and runs the statement; this file
 * fetches).  Not for modules: they use db_each and the dbrow_* reads of
 * db.h. */
#ifndef TC_CORE_DB_ROWS_H
#define TC_CORE_DB_ROWS_H

#include <mysql.h>

#include "core/db.h"

/* Returned by dbrows_fetch when the library reported an error on st
 * (classify it from st before freeing st's result). */
#define DBROWS_ESTMT 1

/* Fetches the executed statement st's rows unbuffered and calls fn with
 * each.  Returns 0, fn's negative value (the rest is left unread),
 * TC_ENOMEM, or DBROWS_ESTMT.  The caller frees st's result. */
int dbrows_fetch(MYSQL_STMT *st, db_row_fn fn, void *ctx);

#endif
