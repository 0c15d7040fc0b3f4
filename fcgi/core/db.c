/* db.c: connecting to MariaDB, statement tables, whole results. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "core/date.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/db-rows.h"
#include "core/decimal.h"
#include "core/error.h"
#include "core/log.h"
#include "core/testhook.h"

/* Statement tables one program may use: each module has a few areas of a
 * few tables each; the core has its own (session, audit, people...). */
#define DB_MAX_TABLES 64
#define DB_MAX_PARAMS 64
/* Seconds a page's connection waits for the server before it gives up
 * (connecting, each read and write); unlimited connections only for
 * connecting. */
#define DB_TIMEOUT 5
/* Statements assembled at run time (core/list) kept prepared per text. */
#define DB_TEXT_CACHE 128

struct text_stmt {
	char *sql;              /* owned copy of the text */
	uint64_t hash;
	MYSQL_STMT *st;
	uint64_t used;          /* when last used, for eviction */
};

/* How the server was lost by the statement that just failed. */
enum db_lost {
	LOST_NONE,
	LOST_NOT_RUN,      /* the statement cannot have run: safe to retry */
	LOST_UNKNOWN,      /* lost while it ran: a write may have happened */
};

/* The statements of one table prepared on one connection: each
 * connection keeps its own, so that several connections of a process
 * (the job worker's, a test's) may use the same table. */
struct prepared {
	const struct db_table *t;
	MYSQL_STMT **stmt;                 /* t->n, NULL until prepared */
};

struct db {
	const struct conf *conf;
	MYSQL *m;                          /* NULL while disconnected */
	bool in_tx;                        /* stays set when m is lost in it */
	bool unlimited;                    /* db_set_unlimited */
	int page_seconds;                  /* db_set_page_limit; 0: none */
	enum db_lost lost;                 /* set by stmt_error */
	double started;                    /* when the statement began */
	struct prepared tables[DB_MAX_TABLES]; /* tables used on m */
	size_t ntables;
	struct text_stmt *texts;           /* DB_TEXT_CACHE, on first use */
	size_t ntexts;
	uint64_t clock;
	int64_t fake_now;       /* the test clock the session follows, or 0 */
	int64_t held_now;       /* the held clock it follows, or 0 */
	struct db_counts counts;           /* since db_open (db_counts) */
};

struct dbcell {
	bool null;
	char *text;
	int64_t i;
	bool is_int;
};

struct dbres {
	size_t rows, cols;
	struct dbcell *cells;   /* rows * cols */
	char **names;           /* cols column names (aliases) */
	char what[80];          /* "sales[12]": the statement, for messages */
};

static void
tables_close(struct db *d)
{
	for (size_t k = 0; k < d->ntables; k++) {
		struct prepared *p = &d->tables[k];

		for (size_t i = 0; i < p->t->n; i++)
			if (p->stmt[i] != NULL)
				mysql_stmt_close(p->stmt[i]);
		free(p->stmt);
	}
	d->ntables = 0;
	for (size_t k = 0; k < d->ntexts; k++) {
		mysql_stmt_close(d->texts[k].st);
		free(d->texts[k].sql);
	}
	d->ntexts = 0;
}

/* Runs sql, a session setting with one '?' (or a SELECT of one value,
 * read and dropped), on m: with the text s, or the integer v when s is
 * NULL.  Returns 0, or TC_EDB with the server's
 * message in msg. */
static int
session_set(MYSQL *m, const char *sql, const char *s, long long v,
    char *msg, size_t msglen)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	unsigned long len = s != NULL ? strlen(s) : 0;
	MYSQL_BIND b;
	int rc = 0;

	if (st == NULL) {
		snprintf(msg, msglen, "%s", mysql_error(m));
		return TC_EDB;
	}
	memset(&b, 0, sizeof(b));
	if (s != NULL) {
		b.buffer_type = MYSQL_TYPE_STRING;
		b.buffer = (void *)s;
		b.buffer_length = len;
		b.length = &len;
	} else {
		b.buffer_type = MYSQL_TYPE_LONGLONG;
		b.buffer = &v;
	}
	/* A SELECT's error (a time limit) may come with its rows. */
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0 ||
	    mysql_stmt_bind_param(st, &b) != 0 ||
	    mysql_stmt_execute(st) != 0 ||
	    (mysql_stmt_field_count(st) > 0 &&
	    mysql_stmt_store_result(st) != 0)) {
		snprintf(msg, msglen, "%s", mysql_stmt_error(st));
		rc = TC_EDB;
	}
	mysql_stmt_close(st);
	return rc;
}

static int
db_connect(struct db *d, char *err, size_t errlen)
{
	const struct conf *c = d->conf;
	unsigned int timeout = DB_TIMEOUT, io = d->unlimited ? 0 : DB_TIMEOUT;
	my_bool off = 0;
	char msg[256];
	MYSQL *m;

	if ((m = mysql_init(NULL)) == NULL)
		return TC_ENOMEM;
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &io);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &io);
	mysql_options(m, MYSQL_OPT_RECONNECT, &off);
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(m, c->db_socket[0] ? NULL : c->db_host,
	    c->db_user, c->db_password, c->db_name, c->db_port,
	    c->db_socket[0] ? c->db_socket : NULL, 0) == NULL) {
		snprintf(err, errlen, "database: %s", mysql_error(m));
		mysql_close(m);
		return TC_EDB;
	}
	if (mysql_set_character_set(m, "utf8mb4") != 0 ||
	    mysql_query(m, "SET sql_mode = "
	    "'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
	    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'") != 0) {
		snprintf(err, errlen, "database: %s", mysql_error(m));
		mysql_close(m);
		return TC_EDB;
	}
	if (d->unlimited &&
	    mysql_query(m, "SET SESSION max_statement_time = 0") != 0) {
		snprintf(err, errlen, "database: %s", mysql_error(m));
		mysql_close(m);
		return TC_EDB;
	}
	if (!d->unlimited && d->page_seconds > 0 &&
	    session_set(m, "SET SESSION max_statement_time = ?", NULL,
	    d->page_seconds, msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "database: max_statement_time: %s", msg);
		mysql_close(m);
		return TC_EDB;
	}
	/* The session runs in the business time zone, by its name, so that
	 * NOW(), CURDATE() and DATETIME defaults follow its summer time if
	 * it has one; a named zone needs MariaDB's time zone tables. */
	if (session_set(m, "SET time_zone = ?", tc_clock_zone(), 0, msg,
	    sizeof(msg)) != 0) {
		snprintf(err, errlen, "database: time zone \"%s\": %s (load "
		    "MariaDB's time zone tables: mariadb-tzinfo-to-sql "
		    "/usr/share/zoneinfo | mariadb -u root mysql)",
		    tc_clock_zone(), msg);
		mysql_close(m);
		return TC_EDB;
	}
	d->m = m;
	d->in_tx = false;
	d->fake_now = 0;
	d->held_now = 0;
	db_sync_clock(d);
	return 0;
}

#ifdef TC_TEST_HOOKS
void
db_sync_clock(struct db *d)
{
	char msg[256];
	int64_t now;

	if (d->m == NULL)
		return;
	if (tc_clock_fake(&now)) {
		if (now != d->fake_now &&
		    session_set(d->m, "SET timestamp = ?", NULL, now, msg,
		    sizeof(msg)) != 0)
			log_msg("database: the test clock: %s", msg);
		d->fake_now = now;
	} else if (d->fake_now != 0) {
		if (mysql_query(d->m, "SET timestamp = DEFAULT") != 0)
			log_msg("database: the test clock: %s",
			    mysql_error(d->m));
		d->fake_now = 0;
	}
	d->held_now = 0;        /* a held clock is set again on next use */
}
#endif

int
db_open(const struct conf *c, struct db **out, char *err, size_t errlen)
{
	struct db *d;
	int rc;

	*out = NULL;
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return TC_ENOMEM;
	d->conf = c;
	if ((rc = db_connect(d, err, errlen)) != 0) {
		free(d);
		return rc;
	}
	*out = d;
	return 0;
}

/* Closes the connection and every statement prepared on it.  A
 * transaction in progress stays marked (d->in_tx): it is lost with the
 * connection, and only db_commit or db_rollback ends it. */
static void
db_disconnect(struct db *d)
{
	tables_close(d);
	if (d->m != NULL)
		mysql_close(d->m);
	d->m = NULL;
}

void
db_close(struct db *d)
{
	if (d == NULL)
		return;
	db_disconnect(d);
	free(d->texts);
	free(d);
}

/* Connects again after the connection was lost, unless a transaction
 * was lost with it (the caller must end it first). */
static int
db_reconnect(struct db *d)
{
	char err[512];
	int rc;

	if (d->m != NULL)
		return 0;
	if (d->in_tx)
		return TC_EDB;
	if ((rc = db_connect(d, err, sizeof(err))) != 0) {
		log_msg("%s", err);
		return TC_EDB;
	}
	log_msg("database connection re-established");
	return 0;
}

void
db_set_unlimited(struct db *d)
{
	if (d->unlimited)
		return;
	d->unlimited = true;
	/* Connected again with the new settings, now (quietly: nothing was
	 * lost), or else by the next statement. */
	if (!d->in_tx && d->m != NULL) {
		char err[512];

		db_disconnect(d);
		if (db_connect(d, err, sizeof(err)) != 0)
			log_msg("%s", err);
	}
}

int
db_set_page_limit(struct db *d, int seconds)
{
	char msg[256];

	if (d->unlimited || seconds < 0)
		return 0;
	d->page_seconds = seconds;
	if (d->m == NULL)
		return 0;     /* set by the next connect */
	if (session_set(d->m, "SET SESSION max_statement_time = ?", NULL,
	    seconds, msg, sizeof(msg)) != 0) {
		log_msg("database: max_statement_time: %s", msg);
		return TC_EDB;
	}
	return 0;
}

int
db_ensure(struct db *d)
{
	return db_reconnect(d);
}

int
db_ping(struct db *d)
{
	if (d->m != NULL && mysql_ping(d->m) == 0)
		return 0;
	if (d->in_tx)
		return TC_EDB;
	db_disconnect(d);
	return db_reconnect(d);
}

MYSQL *
db_handle(struct db *d)
{
	return d->m;
}

/* Classifies the last error of a statement.  When the server went away
 * it only notes so in d->lost: the caller still frees what it holds of
 * the statement, then connection_lost() closes the connection. */
static int
stmt_error(struct db *d, struct db_table *t, int idx, MYSQL_STMT *st)
{
	unsigned no = st != NULL ? mysql_stmt_errno(st) : mysql_errno(d->m);
	const char *msg = st != NULL ? mysql_stmt_error(st) : mysql_error(d->m);

	if (no == 0 && d->m != NULL) {
		/* An unbuffered fetch leaves its error on the connection. */
		no = mysql_errno(d->m);
		msg = mysql_error(d->m);
	}
	switch (no) {
	case ER_DUP_ENTRY:
		return TC_ECONFLICT;
	case ER_NO_REFERENCED_ROW_2:
	case ER_ROW_IS_REFERENCED_2:
	case ER_TRUNCATED_WRONG_VALUE:
	case ER_TRUNCATED_WRONG_VALUE_FOR_FIELD:
	case ER_WARN_DATA_OUT_OF_RANGE:
	case ER_DATA_TOO_LONG:
	case ER_BAD_NULL_ERROR:
		log_msg("%s[%d]: %s", t->name, idx, msg);
		return TC_EINVAL;
	case CR_SERVER_GONE_ERROR:  /* gone before the statement was sent */
	case ER_CONNECTION_KILLED:  /* killed: the statement was undone */
	case ER_SERVER_SHUTDOWN:
		log_msg("%s[%d]: error %u: %s", t->name, idx, no, msg);
		d->lost = LOST_NOT_RUN;
		return TC_EDB;
	case CR_SERVER_LOST:        /* gone while it ran */
	case CR_SERVER_LOST_EXTENDED:
	case CR_CONNECTION_ERROR:
		log_msg("%s[%d]: error %u: %s", t->name, idx, no, msg);
		d->lost = LOST_UNKNOWN;
		return TC_EDB;
	}
	log_msg("%s[%d]: error %u: %s", t->name, idx, no, msg);
	return TC_EDB;
}

/* Returns the prepared statement idx of t, preparing it (and
 * registering t) on this connection if need be. */
static int
stmt_get(struct db *d, struct db_table *t, int idx, MYSQL_STMT **out)
{
	struct prepared *p;
	MYSQL_STMT *st;
	size_t k;

	*out = NULL;
	if (idx < 0 || (size_t)idx >= t->n)
		return TC_EINVAL;
	if (d->m == NULL && db_reconnect(d) != 0)
		return TC_EDB;
	for (k = 0; k < d->ntables && d->tables[k].t != t; k++)
		;
	p = &d->tables[k];
	if (k == d->ntables) {
		if (d->ntables == DB_MAX_TABLES) {
			log_msg("%s: more than %d statement tables", t->name,
			    DB_MAX_TABLES);
			return TC_EDB;
		}
		if ((p->stmt = calloc(t->n, sizeof(*p->stmt))) == NULL)
			return TC_ENOMEM;
		p->t = t;
		d->ntables++;
	}
	if (p->stmt[idx] != NULL) {
		*out = p->stmt[idx];
		return 0;
	}
	if ((st = mysql_stmt_init(d->m)) == NULL)
		return TC_ENOMEM;
	d->counts.prepares++;
	if (mysql_stmt_prepare(st, t->sql[idx], strlen(t->sql[idx])) != 0) {
		int rc = stmt_error(d, t, idx, st);

		if (d->lost != LOST_NONE)
			d->lost = LOST_NOT_RUN;   /* preparing runs nothing */
		mysql_stmt_close(st);
		return rc;
	}
	p->stmt[idx] = st;
	*out = st;
	return 0;
}

/* Holds the session's clock where core/clock is held (tc_clock_hold),
 * and lets it go back to the test clock (if one is followed) or to the
 * server's clock when the hold ends.  Returns 0 or TC_EDB (logged). */
static int
follow_held_clock(struct db *d)
{
	int64_t t = tc_clock_held(), to = t != 0 ? t : d->fake_now;
	char msg[256];
	int rc;

	if (t == d->held_now)
		return 0;
	if (to != 0)
		rc = session_set(d->m, "SET timestamp = ?", NULL, to, msg,
		    sizeof(msg));
	else if ((rc = mysql_query(d->m, "SET timestamp = DEFAULT")) != 0) {
		snprintf(msg, sizeof(msg), "%s", mysql_error(d->m));
		rc = TC_EDB;
	}
	if (rc != 0) {
		log_msg("database: the held clock: %s", msg);
		return TC_EDB;
	}
	d->held_now = t;
	return 0;
}

/* Binds params to st and executes it. */
static int
stmt_run(struct db *d, struct db_table *t, int idx, MYSQL_STMT *st,
    const struct db_param *params, size_t n)
{
	MYSQL_BIND b[DB_MAX_PARAMS];
	unsigned long len[DB_MAX_PARAMS];
	char dec[DB_MAX_PARAMS][TC_DEC_SIZE];
	MYSQL_TIME date[DB_MAX_PARAMS];
	my_bool isnull = 1;

	if (n > DB_MAX_PARAMS || n != mysql_stmt_param_count(st)) {
		log_msg("%s[%d]: %zu parameters given, %lu expected", t->name,
		    idx, n, mysql_stmt_param_count(st));
		return TC_EINVAL;
	}
	memset(b, 0, sizeof(b[0]) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		const struct db_param *p = &params[i];

		switch (p->type) {
		case DBT_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			b[i].is_null = &isnull;
			break;
		case DBT_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p->i;
			break;
		case DBT_DEC:
			if (p->scale < 0 || p->scale > TC_SCALE_MAX) {
				log_msg("%s[%d]: parameter %zu: scale %d", t->name,
				    idx, i + 1, p->scale);
				return TC_EINVAL;
			}
			len[i] = tc_dec_format(dec[i], p->i, p->scale);
			b[i].buffer_type = MYSQL_TYPE_NEWDECIMAL;
			b[i].buffer = dec[i];
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		case DBT_DATE:
			if (p->i < INT32_MIN || p->i > INT32_MAX ||
			    !tc_date_valid(tc_date_year((int32_t)p->i),
			    tc_date_month((int32_t)p->i),
			    tc_date_day((int32_t)p->i))) {
				log_msg("%s[%d]: parameter %zu: date %" PRId64,
				    t->name, idx, i + 1, p->i);
				return TC_EINVAL;
			}
			memset(&date[i], 0, sizeof(date[i]));
			date[i].year = (unsigned)tc_date_year((int32_t)p->i);
			date[i].month = (unsigned)tc_date_month((int32_t)p->i);
			date[i].day = (unsigned)tc_date_day((int32_t)p->i);
			date[i].time_type = MYSQL_TIMESTAMP_DATE;
			b[i].buffer_type = MYSQL_TYPE_DATE;
			b[i].buffer = &date[i];
			b[i].buffer_length = sizeof(date[i]);
			break;
		case DBT_TEXT:
		case DBT_BLOB:
			len[i] = p->type == DBT_TEXT ? strlen(p->s) : p->len;
			b[i].buffer_type = p->type == DBT_TEXT ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)p->s;
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		}
	}
	d->counts.statements++;
	if (follow_held_clock(d) != 0)
		return TC_EDB;
	if (tc_hook_slow(t->name) > 0) {
		/* Test builds: this table's statements made slow (under the
		 * page's max_statement_time, as a slow query would be). */
		char msg[256];

		if (session_set(d->m, "SELECT SLEEP(?)", NULL,
		    tc_hook_slow(t->name), msg, sizeof(msg)) != 0) {
			log_msg("%s[%d]: %s", t->name, idx, msg);
			return TC_EDB;
		}
	}
	if ((n > 0 && mysql_stmt_bind_param(st, b) != 0) ||
	    mysql_stmt_execute(st) != 0)
		return stmt_error(d, t, idx, st);
	return 0;
}

static double
mono_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* After a statement failed: when it lost the server, closes the
 * connection (and with it every prepared statement) and says whether the
 * statement may run once more on a new one: not when retry is false, not
 * inside a transaction (the caller's transaction is lost with the
 * connection), and a write only when it cannot have run, or it might be
 * written twice. */
static bool
connection_lost(struct db *d, struct db_table *t, int idx, bool write,
    bool retry)
{
	if (d->lost == LOST_NONE)
		return false;
	/* Waited out (DB_TIMEOUT): the server is likely still running it;
	 * running it again would only add load. */
	if (d->lost == LOST_UNKNOWN && !d->unlimited &&
	    mono_seconds() - d->started >= DB_TIMEOUT)
		retry = false;
	retry = retry && !d->in_tx && (!write || d->lost == LOST_NOT_RUN);
	db_disconnect(d);
	d->lost = LOST_NONE;
	if (d->in_tx)
		log_msg("%s[%d]: the transaction is lost with the connection",
		    t->name, idx);
	else if (retry)
		log_msg("%s[%d]: running it again on a new connection",
		    t->name, idx);
	return retry;
}

static int
exec_once(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams,
    uint64_t *affected, uint64_t *last_id)
{
	MYSQL_STMT *st;
	int rc;

	if ((rc = stmt_get(d, t, idx, &st)) != 0)
		return rc;
	if ((rc = stmt_run(d, t, idx, st, params, nparams)) != 0)
		return rc;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(st);
	if (last_id != NULL)
		*last_id = mysql_stmt_insert_id(st);
	mysql_stmt_free_result(st);
	return 0;
}

int
db_exec(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams,
    uint64_t *affected, uint64_t *last_id)
{
	int rc;

	for (int attempt = 0;; attempt++) {
		d->lost = LOST_NONE;
		d->started = mono_seconds();
		rc = exec_once(d, t, idx, params, nparams, affected, last_id);
		if (!connection_lost(d, t, idx, true, attempt == 0))
			return rc;
	}
}

/* Runs st and hands its rows to fn (db_each, db_each_text); *ran tells
 * whether it was executed (fn may have seen rows). */
static int
each_stmt(struct db *d, struct db_table *t, int idx, MYSQL_STMT *st,
    const struct db_param *params, size_t nparams, db_row_fn fn, void *ctx,
    bool *ran)
{
	int rc;

	if ((rc = stmt_run(d, t, idx, st, params, nparams)) != 0)
		return rc;
	*ran = true;
	if ((rc = dbrows_fetch(st, fn, ctx)) == DBROWS_ESTMT)
		rc = stmt_error(d, t, idx, st);
	/* Also discards the rows left unread when fn stopped. */
	mysql_stmt_free_result(st);
	return rc;
}

int
db_each(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams, db_row_fn fn, void *ctx)
{
	MYSQL_STMT *st;
	bool ran;
	int rc;

	for (int attempt = 0;; attempt++) {
		d->lost = LOST_NONE;
		d->started = mono_seconds();
		ran = false;
		if ((rc = stmt_get(d, t, idx, &st)) == 0)
			rc = each_stmt(d, t, idx, st, params, nparams, fn, ctx,
			    &ran);
		/* Again only when it never ran: fn may have seen rows. */
		if (!connection_lost(d, t, idx, false, attempt == 0 && !ran))
			return rc;
	}
}

static bool
is_int_type(enum enum_field_types ty)
{
	return ty == MYSQL_TYPE_TINY || ty == MYSQL_TYPE_SHORT ||
	    ty == MYSQL_TYPE_LONG || ty == MYSQL_TYPE_INT24 ||
	    ty == MYSQL_TYPE_LONGLONG || ty == MYSQL_TYPE_YEAR;
}

static bool
is_time_type(enum enum_field_types ty)
{
	return ty == MYSQL_TYPE_DATE || ty == MYSQL_TYPE_DATETIME ||
	    ty == MYSQL_TYPE_TIMESTAMP;
}

/* Runs st (statement idx of t, for messages) and reads every row. */
static int
query_run(struct db *d, struct db_table *t, int idx, MYSQL_STMT *st,
    const struct db_param *params, size_t nparams, struct dbres **out)
{
	MYSQL_RES *meta = NULL;
	MYSQL_FIELD *fields;
	MYSQL_BIND *b = NULL;
	struct dbres *r = NULL;
	unsigned long *len = NULL;
	my_bool *nulls = NULL, update = 1;
	char **bufs = NULL;
	int64_t *ints = NULL;
	MYSQL_TIME *times = NULL;
	size_t cols = 0, row = 0;
	int rc, f;

	*out = NULL;
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &update);
	if ((rc = stmt_run(d, t, idx, st, params, nparams)) != 0)
		return rc;
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		rc = stmt_error(d, t, idx, st);
		goto out;
	}
	if (mysql_stmt_store_result(st) != 0) {
		rc = stmt_error(d, t, idx, st);
		goto out;
	}
	cols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	rc = TC_ENOMEM;
	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (b = calloc(cols, sizeof(*b))) == NULL ||
	    (len = calloc(cols, sizeof(*len))) == NULL ||
	    (nulls = calloc(cols, sizeof(*nulls))) == NULL ||
	    (bufs = calloc(cols, sizeof(*bufs))) == NULL ||
	    (ints = calloc(cols, sizeof(*ints))) == NULL ||
	    (times = calloc(cols, sizeof(*times))) == NULL)
		goto out;
	r->cols = cols;
	r->rows = mysql_stmt_num_rows(st);
	snprintf(r->what, sizeof(r->what), "%s[%d]", t->name, idx);
	if ((r->names = calloc(cols ? cols : 1, sizeof(*r->names))) == NULL)
		goto out;
	for (size_t c = 0; c < cols; c++)
		if ((r->names[c] = strdup(fields[c].name)) == NULL)
			goto out;
	if (r->rows > 0 &&
	    (r->cells = calloc(r->rows * cols, sizeof(*r->cells))) == NULL)
		goto out;
	for (size_t c = 0; c < cols; c++) {
		b[c].is_null = &nulls[c];
		b[c].length = &len[c];
		if (is_int_type(fields[c].type)) {
			b[c].buffer_type = MYSQL_TYPE_LONGLONG;
			b[c].buffer = &ints[c];
			b[c].is_unsigned = 0;
		} else if (is_time_type(fields[c].type)) {
			b[c].buffer_type = fields[c].type;
			b[c].buffer = &times[c];
			b[c].buffer_length = sizeof(times[c]);
		} else {
			size_t cap = fields[c].max_length + 1;

			if ((bufs[c] = malloc(cap)) == NULL)
				goto out;
			b[c].buffer_type = MYSQL_TYPE_STRING;
			b[c].buffer = bufs[c];
			b[c].buffer_length = cap;
		}
	}
	if (mysql_stmt_bind_result(st, b) != 0) {
		rc = stmt_error(d, t, idx, st);
		goto out;
	}
	while ((f = mysql_stmt_fetch(st)) == 0 || f == MYSQL_DATA_TRUNCATED) {
		for (size_t c = 0; c < cols && row < r->rows; c++) {
			struct dbcell *cell = &r->cells[row * cols + c];
			char tmp[32];
			const char *src = tmp;
			size_t n;

			cell->null = nulls[c];
			if (nulls[c])
				continue;
			if (is_int_type(fields[c].type)) {
				cell->is_int = true;
				cell->i = ints[c];
				n = snprintf(tmp, sizeof(tmp), "%" PRId64,
				    ints[c]);
			} else if (is_time_type(fields[c].type)) {
				MYSQL_TIME *tm = &times[c];

				if (fields[c].type == MYSQL_TYPE_DATE)
					n = snprintf(tmp, sizeof(tmp),
					    "%04u-%02u-%02u", tm->year,
					    tm->month, tm->day);
				else
					n = snprintf(tmp, sizeof(tmp),
					    "%04u-%02u-%02u %02u:%02u:%02u",
					    tm->year, tm->month, tm->day,
					    tm->hour, tm->minute, tm->second);
			} else {
				src = bufs[c];
				n = len[c] < b[c].buffer_length ? len[c] :
				    b[c].buffer_length - 1;
			}
			if ((cell->text = malloc(n + 1)) == NULL)
				goto out;
			memcpy(cell->text, src, n);
			cell->text[n] = '\0';
		}
		row++;
	}
	if (f != MYSQL_NO_DATA) {
		rc = stmt_error(d, t, idx, st);
		goto out;
	}
	rc = 0;
	*out = r;
	r = NULL;
out:
	if (meta != NULL)
		mysql_free_result(meta);
	mysql_stmt_free_result(st);
	for (size_t c = 0; bufs != NULL && c < cols; c++)
		free(bufs[c]);
	free(bufs);
	free(b);
	free(len);
	free(nulls);
	free(ints);
	free(times);
	dbres_free(r);
	return rc;
}

int
db_query(struct db *d, struct db_table *t, int idx,
    const struct db_param *params, size_t nparams, struct dbres **out)
{
	MYSQL_STMT *st;
	int rc;

	for (int attempt = 0;; attempt++) {
		*out = NULL;
		d->lost = LOST_NONE;
		d->started = mono_seconds();
		if ((rc = stmt_get(d, t, idx, &st)) == 0)
			rc = query_run(d, t, idx, st, params, nparams, out);
		if (!connection_lost(d, t, idx, false, attempt == 0))
			return rc;
	}
}

/* FNV-1a: the key of the text cache. */
static uint64_t
text_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The prepared statement of text sql on this connection, prepared now
 * when it is not in the cache (the least recently used one makes room). */
static int
text_stmt_get(struct db *d, struct db_table *label, const char *sql,
    MYSQL_STMT **out)
{
	uint64_t h = text_hash(sql);
	struct text_stmt *e;
	MYSQL_STMT *st;
	size_t k;

	*out = NULL;
	if (d->m == NULL && db_reconnect(d) != 0)
		return TC_EDB;
	if (d->texts == NULL &&
	    (d->texts = calloc(DB_TEXT_CACHE, sizeof(*d->texts))) == NULL)
		return TC_ENOMEM;
	for (k = 0; k < d->ntexts; k++)
		if (d->texts[k].hash == h && strcmp(d->texts[k].sql, sql) == 0) {
			d->texts[k].used = ++d->clock;
			*out = d->texts[k].st;
			return 0;
		}
	if ((st = mysql_stmt_init(d->m)) == NULL)
		return TC_ENOMEM;
	d->counts.prepares++;
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		int rc = stmt_error(d, label, -1, st);

		if (d->lost != LOST_NONE)
			d->lost = LOST_NOT_RUN;   /* preparing runs nothing */
		mysql_stmt_close(st);
		return rc;
	}
	if (d->ntexts < DB_TEXT_CACHE)
		e = &d->texts[d->ntexts++];
	else {
		e = &d->texts[0];
		for (k = 1; k < d->ntexts; k++)
			if (d->texts[k].used < e->used)
				e = &d->texts[k];
		mysql_stmt_close(e->st);
		free(e->sql);
	}
	if ((e->sql = strdup(sql)) == NULL) {
		mysql_stmt_close(st);
		*e = d->texts[--d->ntexts];
		return TC_ENOMEM;
	}
	e->hash = h;
	e->st = st;
	e->used = ++d->clock;
	*out = st;
	return 0;
}

int
db_query_text(struct db *d, const char *name, const char *sql,
    const struct db_param *params, size_t nparams, struct dbres **out)
{
	struct db_table label = { name, NULL, 0 };
	MYSQL_STMT *st;
	int rc;

	for (int attempt = 0;; attempt++) {
		*out = NULL;
		d->lost = LOST_NONE;
		d->started = mono_seconds();
		if ((rc = text_stmt_get(d, &label, sql, &st)) == 0)
			rc = query_run(d, &label, -1, st, params, nparams,
			    out);
		if (!connection_lost(d, &label, -1, false, attempt == 0))
			return rc;
	}
}

int
db_each_text(struct db *d, const char *name, const char *sql,
    const struct db_param *params, size_t nparams, db_row_fn fn, void *ctx)
{
	struct db_table label = { name, NULL, 0 };
	MYSQL_STMT *st;
	bool ran;
	int rc;

	for (int attempt = 0;; attempt++) {
		d->lost = LOST_NONE;
		ran = false;
		if ((rc = text_stmt_get(d, &label, sql, &st)) == 0)
			rc = each_stmt(d, &label, -1, st, params, nparams, fn,
			    ctx, &ran);
		if (!connection_lost(d, &label, -1, false, attempt == 0 && !ran))
			return rc;
	}
}

void
dbres_free(struct dbres *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; r->cells != NULL && i < r->rows * r->cols; i++)
		free(r->cells[i].text);
	for (size_t c = 0; r->names != NULL && c < r->cols; c++)
		free(r->names[c]);
	free(r->names);
	free(r->cells);
	free(r);
}

size_t
dbres_rows(const struct dbres *r)
{
	return r->rows;
}

size_t
dbres_cols(const struct dbres *r)
{
	return r->cols;
}

static const struct dbcell *
cell_at(const struct dbres *r, size_t row, size_t col)
{
	if (row >= r->rows || col >= r->cols)
		return NULL;
	return &r->cells[row * r->cols + col];
}

bool
dbres_null(const struct dbres *r, size_t row, size_t col)
{
	const struct dbcell *c = cell_at(r, row, col);

	return c == NULL || c->null;
}

const char *
dbres_text(const struct dbres *r, size_t row, size_t col)
{
	const struct dbcell *c = cell_at(r, row, col);

	return c == NULL || c->null || c->text == NULL ? "" : c->text;
}

int64_t
dbres_int(const struct dbres *r, size_t row, size_t col)
{
	const struct dbcell *c = cell_at(r, row, col);

	if (c == NULL || c->null)
		return 0;
	if (c->is_int)
		return c->i;
	return c->text != NULL ? strtoll(c->text, NULL, 10) : 0;
}

/* Logs a value that is not what its reader expects. */
static int
bad_value(const struct dbres *r, size_t row, size_t col, const char *want,
    int err)
{
	log_msg("%s: row %zu, column %s: \"%s\" is not %s (%s)", r->what, row,
	    col < r->cols ? r->names[col] : "?", dbres_text(r, row, col), want,
	    tc_strerror(err));
	return TC_EDB;
}

int
dbres_dec(const struct dbres *r, size_t row, size_t col, int scale,
    int64_t *out)
{
	const struct dbcell *c = cell_at(r, row, col);
	const char *s;
	int rc;

	*out = 0;
	if (c == NULL)
		return bad_value(r, row, col, "a cell of the result", TC_EINVAL);
	if (c->null)
		return 0;
	if (c->is_int) {
		char buf[TC_DEC_SIZE];
		int n = snprintf(buf, sizeof(buf), "%" PRId64, c->i);

		rc = tc_dec_parse(buf, (size_t)n, scale, out);
	} else {
		s = c->text != NULL ? c->text : "";
		rc = tc_dec_parse_exact(s, strlen(s), scale, out);
	}
	if (rc != 0) {
		*out = 0;
		return bad_value(r, row, col, "a decimal of that scale", rc);
	}
	return 0;
}

int64_t
dbres_money(const struct dbres *r, size_t row, size_t col)
{
	int64_t fen;

	dbres_dec(r, row, col, TC_SCALE_MONEY, &fen);
	return fen;
}

int
dbres_date(const struct dbres *r, size_t row, size_t col, int32_t *out)
{
	const struct dbcell *c = cell_at(r, row, col);
	int rc;

	*out = 0;
	if (c == NULL)
		return bad_value(r, row, col, "a cell of the result", TC_EINVAL);
	if (c->null)
		return 0;
	if ((rc = tc_date_parse_str(c->text != NULL ? c->text : "", out)) != 0)
		return bad_value(r, row, col, "a date", rc);
	return 0;
}

bool
dbres_has_col(const struct dbres *r, const char *name)
{
	for (size_t c = 0; c < r->cols; c++)
		if (strcmp(r->names[c], name) == 0)
			return true;
	return false;
}

int
dbres_col(const struct dbres *r, const char *name)
{
	for (size_t c = 0; c < r->cols; c++)
		if (strcmp(r->names[c], name) == 0)
			return (int)c;
	log_msg("%s: no column named \"%s\"", r->what, name);
	return -1;
}

/* The position of name, or r->cols (reading as NULL) when r has none. */
static size_t
col_of(const struct dbres *r, const char *name)
{
	int c = dbres_col(r, name);

	return c < 0 ? r->cols : (size_t)c;
}

bool
dbres_null_col(const struct dbres *r, size_t row, const char *name)
{
	return dbres_null(r, row, col_of(r, name));
}

const char *
dbres_text_col(const struct dbres *r, size_t row, const char *name)
{
	return dbres_text(r, row, col_of(r, name));
}

int64_t
dbres_int_col(const struct dbres *r, size_t row, const char *name)
{
	return dbres_int(r, row, col_of(r, name));
}

int
dbres_dec_col(const struct dbres *r, size_t row, const char *name,
    int scale, int64_t *out)
{
	int c = dbres_col(r, name);

	if (c < 0) {
		*out = 0;
		return TC_EDB;
	}
	return dbres_dec(r, row, (size_t)c, scale, out);
}

int64_t
dbres_money_col(const struct dbres *r, size_t row, const char *name)
{
	int64_t fen;

	dbres_dec_col(r, row, name, TC_SCALE_MONEY, &fen);
	return fen;
}

int
dbres_date_col(const struct dbres *r, size_t row, const char *name,
    int32_t *out)
{
	int c = dbres_col(r, name);

	if (c < 0) {
		*out = 0;
		return TC_EDB;
	}
	return dbres_date(r, row, (size_t)c, out);
}

/* Whether the last call on the connection itself (not a statement)
 * found the server gone. */
static bool
server_gone(struct db *d)
{
	unsigned no = mysql_errno(d->m);

	return no == CR_SERVER_GONE_ERROR || no == CR_SERVER_LOST ||
	    no == CR_SERVER_LOST_EXTENDED || no == CR_CONNECTION_ERROR ||
	    no == ER_CONNECTION_KILLED || no == ER_SERVER_SHUTDOWN;
}

int
db_begin(struct db *d)
{
	if (d->in_tx)   /* already open; or lost, until it is ended */
		return d->m != NULL ? 0 : TC_EDB;
	for (int attempt = 0;; attempt++) {
		if (db_reconnect(d) != 0)
			return TC_EDB;
		d->counts.statements++;
		if (mysql_autocommit(d->m, 0) == 0)
			break;
		log_msg("begin: %s", mysql_error(d->m));
		if (!server_gone(d) || attempt > 0)
			return TC_EDB;
		/* Nothing had started: begin again on a new connection. */
		db_disconnect(d);
	}
	d->in_tx = true;
	return 0;
}

int
db_commit(struct db *d)
{
	int rc = 0;

	/* Either way the transaction ends here: committed, or not. */
	d->in_tx = false;
	if (d->m == NULL) {
		log_msg("commit: the transaction was lost with the connection");
		return TC_EDB;
	}
	d->counts.statements += 2;   /* COMMIT, then autocommit on */
	if (mysql_commit(d->m) != 0) {
		log_msg("commit: %s", mysql_error(d->m));
		rc = TC_EDB;
		if (server_gone(d)) {
			db_disconnect(d);
			return rc;
		}
		mysql_rollback(d->m);
	}
	if (mysql_autocommit(d->m, 1) != 0) {
		/* The next statement must not run in a transaction nobody
		 * opened: start again on a new connection. */
		log_msg("commit: %s", mysql_error(d->m));
		db_disconnect(d);
	}
	return rc;
}

int
db_rollback(struct db *d)
{
	d->in_tx = false;
	/* A transaction lost with its connection was undone by the server. */
	if (d->m == NULL)
		return 0;
	d->counts.statements += 2;   /* ROLLBACK, then autocommit on */
	if (mysql_rollback(d->m) != 0 || mysql_autocommit(d->m, 1) != 0) {
		/* Closing the connection undoes it just as well. */
		log_msg("rollback: %s", mysql_error(d->m));
		db_disconnect(d);
	}
	return 0;
}

bool
db_in_transaction(const struct db *d)
{
	return d->in_tx;
}

int
db_tx_begin(struct db *d, bool *own)
{
	*own = !d->in_tx;
	return *own ? db_begin(d) : 0;
}

int
db_tx_end(struct db *d, bool own, int rc)
{
	if (!own)
		return rc;
	if (rc == 0 && (rc = db_commit(d)) == 0)
		return 0;
	db_rollback(d);         /* after a failed commit: nothing left */
	return rc;
}

struct db_counts
db_counts(const struct db *d)
{
	struct db_counts none = { 0, 0 };

	return d != NULL ? d->counts : none;
}
