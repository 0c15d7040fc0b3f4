/* import-rows.h: reading the rows of an orders.csv or payments.csv upload
 * (spec/commission-calc.md section 1), with no database.
 *
 * The CSV is read strictly (RFC 4180, through the engine's reader): a
 * byte-order mark is ignored, fields are taken exactly as written (no
 * trimming), columns are found by name (order free, unknown columns
 * ignored).  Every row is checked for its own formats, and the rows of
 * one order_id for agreeing on the header fields; every problem found is
 * appended to an error list (physical line, column, catalogue key of the
 * reason, the offending value), so one upload reports EVERY bad row.
 * What needs the database (codes known, order numbers new, reps in scope)
 * is checked by the caller (import.c, collections.c), which adds its own
 * errors to the same list. */
#ifndef TC_SALES_IMPORT_ROWS_H
#define TC_SALES_IMPORT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IMP_MAX_SPLITS 16      /* as ORDER_MAX_REPS */
#define IMP_LOGIN_MAX 64

/* One problem of an upload. */
struct imp_err {
	uint32_t line;          /* physical line of the record, 0: the file */
	char column[24];        /* column name, "" for the whole row */
	const char *key;        /* catalogue key of the reason (imp_err_*) */
	char value[80];         /* the offending value (truncated), or "" */
};

struct imp_errs {
	struct imp_err *v;
	size_t n, cap;
};

/* Appends a problem (value may be NULL).  Returns 0 or TC_ENOMEM. */
int imp_errs_add(struct imp_errs *e, uint32_t line, const char *column,
    const char *key, const char *value);

/* Frees e's list (not e).  Accepts NULL. */
void imp_errs_free(struct imp_errs *e);

/* Number of distinct lines named in e (the bad rows). */
size_t imp_errs_lines(const struct imp_errs *e);

/* A credited rep and share (percent x 10^4). */
struct imp_split {
	char login[IMP_LOGIN_MAX + 1];
	int64_t share;
};

/* Parses a rep field: "alice" (100%) or "alice:60|bob:40" by core/split.h's
 * rules, with names of at most IMP_LOGIN_MAX bytes.  Returns the number of
 * splits (1..IMP_MAX_SPLITS) or -1. */
int imp_parse_rep(const char *s, struct imp_split out[IMP_MAX_SPLITS]);

/* Whether s is an acceptable order or payment number: 1..max printable
 * ASCII characters without blanks. */
bool imp_valid_code(const char *s, size_t max);

/* One order line of orders.csv. */
struct imp_line {
	uint32_t line;          /* physical line */
	char *order_id, *rep, *customer, *product, *product_type;
	char *region, *channel; /* "" when not given */
	int32_t date;           /* yyyymmdd */
	int64_t line_no;
	int64_t qty;            /* thousandths */
	int64_t amount;         /* fen */
	int64_t cost;           /* fen, when has_cost */
	bool has_cost;
	bool cancelled;
	struct imp_split split[IMP_MAX_SPLITS];
	int nsplit;
	size_t order;           /* index into imp_orders.order */
	bool bad;               /* this row has an error of its own */
};

/* An order: its lines are rows first .. (in file order, linked by
 * order index).  Totals are of the booked lines. */
struct imp_order {
	size_t first;           /* index of its first row */
	size_t nlines;
	int64_t amount, cost;   /* booked lines; cost only of lines with one */
	bool all_cancelled;
};

struct imp_orders {
	char *buf;              /* owned copy of the upload */
	struct imp_line *row;
	size_t nrow;
	struct imp_order *order;
	size_t norder;
};

/* Reads orders.csv from data[0..len) into *out (free with
 * imp_orders_free whatever the result), appending every problem to errs.
 * Returns 0 (check errs->n for bad rows) or TC_ENOMEM. */
int imp_orders_read(const char *data, size_t len, struct imp_orders *out,
    struct imp_errs *errs);

void imp_orders_free(struct imp_orders *o);

/* One payment of payments.csv. */
struct imp_payment {
	uint32_t line;
	char *payment_id, *order_id;
	char *reference;        /* optional column, "" when absent */
	int32_t date;
	int64_t amount;         /* fen, never 0 */
	bool bad;
};

struct imp_payments {
	char *buf;
	struct imp_payment *row;
	size_t nrow;
};

/* Reads payments.csv as imp_orders_read does; duplicate payment_id in the
 * file is a bad row.  Returns 0 or TC_ENOMEM. */
int imp_payments_read(const char *data, size_t len, struct imp_payments *out,
    struct imp_errs *errs);

void imp_payments_free(struct imp_payments *p);

#endif
