/* db.h: the MariaDB connection of one worker, and its statements.
 *
 * One connection per process, utf8mb4, never MYSQL_OPT_RECONNECT.  There
 * is no round trip before each request: a lost connection is noticed by
 * the statement that fails on it, which closes it (and every statement
 * prepared on it).  Outside a transaction that statement reconnects,
 * re-prepares and runs once more (a write only when the server cannot
 * have run it); inside one the error goes to the caller, whose
 * transaction is lost with the connection, and nothing runs until
 * db_rollback (or db_commit) ends it; the next statement reconnects.
 *
 * Every statement lives in a table (struct db_table) declared once per
 * module and is called by its index with typed parameters; SQL is never
 * built from values.  Results are read whole into a struct dbres. */
#ifndef TC_CORE_DB_H
#define TC_CORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <mysql.h>

#include "core/conf.h"
#include "core/decimal.h"

struct db;

/* The session of the connection runs in the business time zone
 * (core/clock.h), so that NOW() and CURDATE() give the business's time
 * and day; still, SQL whose answer depends on the day takes the business
 * date as a parameter (tc_today()).  The session's clock is core/clock's:
 * while a command holds the clock (tc_clock_hold), every statement runs
 * with the session's timestamp held at the same instant; in test builds
 * it follows the test clock: db_sync_clock() (called before each request
 * and at each connect) sets the session's timestamp to it, or back to
 * the server's clock when the test clock is gone.  Elsewhere
 * db_sync_clock does nothing.  So a DATETIME column's DEFAULT
 * CURRENT_TIMESTAMP, NOW() and CURRENT_TIMESTAMP(3) are tc_now_str(). */
#ifdef TC_TEST_HOOKS
void db_sync_clock(struct db *d);
#else
static inline void db_sync_clock(struct db *d) { (void)d; }
#endif

/* A module's statements: sql[i] is the text of statement i, with '?'
 * parameters.  Declare with DB_TABLE; each connection prepares a
 * statement at its first use and keeps it until it is closed or lost. */
struct db_table {
	const char *name;          /* for messages: "sales" */
	const char *const *sql;
	size_t n;
};

#define DB_TABLE(tname, sqls) { (tname), (sqls), \
	sizeof(sqls) / sizeof((sqls)[0]) }

/* A parameter value.  Use the P_* constructors. */
enum db_type { DBT_NULL, DBT_INT, DBT_TEXT, DBT_DEC, DBT_DATE, DBT_BLOB };

struct db_param {
	enum db_type type;
	int64_t i;           /* DBT_INT; DBT_DEC scaled by 10^scale;
			      * DBT_DATE yyyymmdd */
	const char *s;       /* DBT_TEXT (NUL-terminated), DBT_BLOB */
	size_t len;          /* DBT_BLOB */
	int scale;           /* DBT_DEC: decimals of i (core/decimal.h) */
};

#define P_NULL ((struct db_param){ DBT_NULL, 0, NULL, 0, 0 })
#define P_INT(v) ((struct db_param){ DBT_INT, (int64_t)(v), NULL, 0, 0 })
#define P_TEXT(v) ((struct db_param){ DBT_TEXT, 0, (v), 0, 0 })
#define P_BLOB(v, n) ((struct db_param){ DBT_BLOB, 0, (v), (n), 0 })
/* A DECIMAL: v is the value times 10^scale, sent exactly (as "12.5"). */
#define P_DEC(v, sc) ((struct db_param){ DBT_DEC, (int64_t)(v), NULL, 0, (sc) })
/* Money in fen, a quantity in thousandths, a percent at TC_SCALE_PCT. */
#define P_MONEY(v) P_DEC((v), TC_SCALE_MONEY)
#define P_QTY(v) P_DEC((v), TC_SCALE_QTY)
#define P_PCT(v) P_DEC((v), TC_SCALE_PCT)
/* A DATE given as yyyymmdd (core/date.h), e.g. the business date. */
#define P_DATE(ymd) ((struct db_param){ DBT_DATE, (int64_t)(ymd), NULL, 0, 0 })
/* A text parameter that is NULL in SQL when v is NULL or "". */
#define P_TEXT_OR_NULL(v) ((v) != NULL && *(v) != '\0' ? P_TEXT(v) : P_NULL)

/* Expands to "array, count" for the params arguments below. */
#define DB_ARGS(...) (const struct db_param[]){ __VA_ARGS__ }, \
	(sizeof((const struct db_param[]){ __VA_ARGS__ }) / sizeof(struct db_param))
#define DB_NOARGS NULL, 0

/* A whole result: rows of columns, each NULL or a value. */
struct dbres;

/* Connects to the database named in c (which must outlive the result).
 * Returns 0 and sets *out (free with db_close), or TC_EDB with a
 * message in err; *out is then NULL.  TC_ENOMEM on allocation failure. */
int db_open(const struct conf *c, struct db **out, char *err, size_t errlen);

/* Closes the connection, every prepared statement, and frees d.
 * Accepts NULL. */
void db_close(struct db *d);

/* Connects again if the connection was lost (no round trip when it is
 * up; statements do this themselves).  Returns 0, or TC_EDB when the
 * server cannot be reached or a lost transaction has not been ended. */
int db_ensure(struct db *d);

/* Lifts the time limits from d, for work that is long by nature (the job
 * worker): no read or write timeout and no max_statement_time on the
 * server, now and after every reconnect.  A page's connection keeps
 * them, so that a runaway statement ends as an error page. */
void db_set_unlimited(struct db *d);

/* Limits every statement of d to seconds on the server (MariaDB's
 * max_statement_time; 0: no limit), now and after every reconnect: the
 * programs serving pages set [database] page_seconds, so that a
 * runaway query is stopped by the server (the statement fails with
 * TC_EDB, logged, and the page is a 503) instead of holding the worker,
 * and the connection stays up.  Nothing for an unlimited connection.
 * Returns 0, or TC_EDB (logged) when the server refused. */
int db_set_page_limit(struct db *d, int seconds);

/* A round trip to the server (for health checks), reconnecting once when
 * the connection was lost.  Returns 0 or TC_EDB. */
int db_ping(struct db *d);

/* The underlying handle (owned by d), or NULL while disconnected. */
MYSQL *db_handle(struct db *d);

/* Runs statement idx of t with the given parameters.  When affected is
 * not NULL it receives the number of rows changed; when last_id is not
 * NULL, the AUTO_INCREMENT value generated.  Returns 0, TC_ECONFLICT for
 * a duplicate key, TC_EINVAL for a constraint or data error, or TC_EDB
 * (the error is logged).  A write that loses the server while it runs is
 * not run again (it may have been written): TC_EDB. */
int db_exec(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams,
    uint64_t *affected, uint64_t *last_id);

/* Runs query idx of t and reads every row into a new *out (free with
 * dbres_free).  Returns 0 or TC_EDB/TC_ENOMEM (then *out is NULL).  A
 * query that loses the server outside a transaction runs once more, on a
 * new connection. */
int db_query(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams, struct dbres **out);

/* As db_query for a statement text assembled at run time from fixed
 * fragments (core/list), never from values: each distinct text is
 * prepared once on this connection and kept (the least recently used of
 * a bounded number is closed to make room).  name labels its messages. */
int db_query_text(struct db *d, const char *name, const char *sql,
    const struct db_param *params, size_t nparams, struct dbres **out);

/* One row of a result read by db_each, valid only while the row function
 * runs.  Every value is read as text. */
struct dbrow;

/* Called by db_each with each row.  Returns 0 to go on, or a negative
 * tc_err to stop. */
typedef int (*db_row_fn)(void *ctx, const struct dbrow *row);

/* Runs query idx of t and calls fn with each row as it comes from the
 * server: rows are not stored (an export of any size holds one row at a
 * time).  Until db_each returns, the connection serves no other
 * statement, so fn must not query.  Returns 0, fn's value when it
 * stopped (the rest of the result is discarded), TC_EDB or TC_ENOMEM. */
int db_each(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams, db_row_fn fn, void *ctx);

/* As db_each for a statement text assembled from fixed fragments (see
 * db_query_text). */
int db_each_text(struct db *d, const char *name, const char *sql,
    const struct db_param *params, size_t nparams, db_row_fn fn, void *ctx);

/* The number of columns of row, and the index of the column named (or
 * aliased) name, -1 when there is none. */
size_t dbrow_cols(const struct dbrow *row);
int dbrow_col(const struct dbrow *row, const char *name);

/* Whether the value of col is SQL NULL (or col is out of range). */
bool dbrow_null(const struct dbrow *row, size_t col);

/* The value as text ("" for NULL), owned by the row: DECIMAL as written
 * by the server ("12.50"), dates "YYYY-MM-DD", integers in decimal. */
const char *dbrow_text(const struct dbrow *row, size_t col);

/* A DECIMAL (or integer) value as an integer scaled by 10^scale into *out
 * (0 for NULL), as dbres_dec reads it (zeros beyond scale are fine, any
 * other digit is not).  Returns 0, or TC_EINVAL (*out 0) when the text is
 * not such a decimal. */
int dbrow_decimal(const struct dbrow *row, size_t col, int scale,
    int64_t *out);

/* Frees r.  Accepts NULL. */
void dbres_free(struct dbres *r);

/* Number of rows and of columns of r. */
size_t dbres_rows(const struct dbres *r);
size_t dbres_cols(const struct dbres *r);

/* Reading a value.  Each reader exists in two forms: by column position
 * (col, 0-based) and, with the suffix _col, by the column's name as the
 * statement gives it (its alias after AS, else its name: "SELECT o.number,
 * SUM(l.amount) AS amount" has columns "number" and "amount").  Prefer the
 * names: they survive a change of the column list.  A name the result does
 * not have is a bug: it is logged (with the statement) and reads as NULL.
 *
 * Checked readers (dbres_dec, dbres_date and their _col forms) return 0 or
 * TC_EDB, which they log naming the statement, row and column, when the
 * value is not what the caller said it is (not a decimal, more decimals
 * than scale, too large, not a date); *out is then 0.  SQL NULL reads as 0
 * and returns 0: ask dbres_null when NULL means something. */

/* The index of the column called name, or -1 (logged) when r has none. */
int dbres_col(const struct dbres *r, const char *name);

/* Whether r has a column called name (not logged: for a column that only
 * some of the statements a reader serves select). */
bool dbres_has_col(const struct dbres *r, const char *name);

/* Whether the value is SQL NULL. */
bool dbres_null(const struct dbres *r, size_t row, size_t col);
bool dbres_null_col(const struct dbres *r, size_t row, const char *name);

/* The value as text ("" for NULL), owned by r.  Integers come as their
 * decimal form, DECIMAL columns as written by the server ("12.50"),
 * dates as "YYYY-MM-DD", datetimes as "YYYY-MM-DD HH:MM:SS". */
const char *dbres_text(const struct dbres *r, size_t row, size_t col);
const char *dbres_text_col(const struct dbres *r, size_t row,
    const char *name);

/* The value as an integer (0 for NULL or non-numbers). */
int64_t dbres_int(const struct dbres *r, size_t row, size_t col);
int64_t dbres_int_col(const struct dbres *r, size_t row, const char *name);

/* A DECIMAL (or integer) value as an integer scaled by 10^scale: a
 * DECIMAL(15,3) quantity read at TC_SCALE_QTY gives thousandths.  Trailing
 * zeros beyond scale are fine ("1.500" at scale 2 is 150); any other digit
 * beyond it is an error, never a silent rounding.  Checked (see above). */
int dbres_dec(const struct dbres *r, size_t row, size_t col, int scale,
    int64_t *out);
int dbres_dec_col(const struct dbres *r, size_t row, const char *name,
    int scale, int64_t *out);

/* A DECIMAL(_,2) (or integer) value as fen: dbres_dec at TC_SCALE_MONEY,
 * returning the value (0 for NULL, and 0 after logging a bad value). */
int64_t dbres_money(const struct dbres *r, size_t row, size_t col);
int64_t dbres_money_col(const struct dbres *r, size_t row, const char *name);

/* A DATE value as yyyymmdd (core/date.h).  Checked (see above). */
int dbres_date(const struct dbres *r, size_t row, size_t col, int32_t *out);
int dbres_date_col(const struct dbres *r, size_t row, const char *name,
    int32_t *out);

/* Starts a transaction (reconnecting if need be).  Returns 0 or TC_EDB. */
int db_begin(struct db *d);

/* Commits; the transaction is over either way.  Returns 0, or TC_EDB
 * when it was not committed (lost with the connection, or refused). */
int db_commit(struct db *d);

/* Rolls back; a transaction lost with the connection was undone by the
 * server.  Returns 0: the transaction is undone in every case. */
int db_rollback(struct db *d);

/* Whether a transaction is open (db_begin without commit or rollback),
 * including one lost with the connection and not yet ended. */
bool db_in_transaction(const struct db *d);

/* A write function that runs in its caller's transaction, or in one of
 * its own when called outside any:
 *
 *   bool own;
 *   if ((rc = db_tx_begin(d, &own)) != 0)
 *           return rc;
 *   ...writes, rc...
 *   return db_tx_end(d, own, rc);
 *
 * db_tx_begin begins a transaction when none is open (*own true).
 * Returns 0 or TC_EDB.  db_tx_end ends only a transaction its function
 * began: commits it when rc is 0 (then returns db_commit's result),
 * rolls it back otherwise; a caller's transaction is left to the
 * caller.  Returns rc, or TC_EDB when the commit failed. */
int db_tx_begin(struct db *d, bool *own);
int db_tx_end(struct db *d, bool own, int rc);

/* What d sent the server since db_open: statements run (each execution
 * of a prepared statement, and the round trips of db_begin, db_commit
 * and db_rollback) and statements prepared.  The request loop logs the
 * difference per request ("12.3ms 5 sql"), which ./dev bench pages
 * reads: a page's statement count is part of its cost.  d may be NULL
 * (zeros). */
struct db_counts {
	uint64_t statements;
	uint64_t prepares;
};
struct db_counts db_counts(const struct db *d);

#endif
