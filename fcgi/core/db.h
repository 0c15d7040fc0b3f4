/* db.h: the MariaDB connection of one worker.
 *
 * One connection per process, utf8mb4, never MYSQL_OPT_RECONNECT: a lost
 * connection is noticed by db_ensure(), which reconnects deliberately. */
#ifndef TC_CORE_DB_H
#define TC_CORE_DB_H

#include <mysql.h>

#include "core/conf.h"

struct db;

/* Connects to the database named in c (which must outlive the result).
 * Returns 0 and sets *out (free with db_close), or TC_EDB with a
 * message in err; *out is then NULL.  TC_ENOMEM on allocation failure. */
int db_open(const struct conf *c, struct db **out, char *err, size_t errlen);

/* Closes the connection and frees d.  Accepts NULL. */
void db_close(struct db *d);

/* Makes sure the connection is alive, reconnecting once if it was lost.
 * Returns 0, or TC_EDB when the server cannot be reached. */
int db_ensure(struct db *d);

/* The underlying handle (owned by d), or NULL while disconnected. */
MYSQL *db_handle(struct db *d);

#endif
