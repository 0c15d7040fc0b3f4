/* book.h: what the calculation of a range of periods reads from
 * MariaDB, held in memory: the orders with a line or a payment dated in
 * the range (every line of each, cancelled ones too), every payment of
 * those orders dated up to the range's end, the targets labelled with
 * its periods, the plan versions in force, and the people.  The files of
 * any period of the range (export.h) are made from it, so that one read
 * serves a run of every open period.
 *
 * Dates are yyyymmdd; money in fen; quantities in thousandths; strings
 * are offsets into the book's text (book_str). */
#ifndef TC_COMMISSION_BOOK_H
#define TC_COMMISSION_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "commission/plans.h"
#include "core/db.h"
#include "core/period.h"
#include "engine/money.h"

typedef uint32_t book_str;      /* offset into book.text; 0 is "" */

struct book_order {
	int64_t  id;                /* orders.id */
	book_str no;                /* order_no: the spec's order_id */
	int32_t  date;
	bool     cancelled;         /* the order (so all its lines) */
	book_str region, channel, customer;
	book_str reps;              /* the rep field: "alice:60|bob:40" */
	uint32_t line0, nlines;     /* its lines: lines[line0 ...] */
	uint32_t pay0, npay;        /* its payments, by date then number */
};

struct book_line {
	int64_t  id;                /* order_lines.id */
	int64_t  line_no;
	uint32_t order;             /* index into orders */
	book_str product, product_type;
	int64_t  quantity;          /* thousandths */
	money_t  amount, cost;
	bool     cancelled;         /* the line itself */
};

struct book_payment {
	int64_t  id;                /* payments.id */
	book_str no;                /* payment_no: the spec's payment_id */
	uint32_t order;
	int32_t  date;
	money_t  amount;
};

struct book_target {
	book_str rep;
	int32_t  first;             /* the first day of its period */
	char     label[TC_PERIOD_SIZE];
	money_t  amount;
};

struct book_person {
	int64_t  id;
	book_str login, team, manager;
};

/* A plan version in force, with its JSON and the ids of its rules in
 * the order of its file. */
struct book_version {
	struct plan_text text;
	int64_t *rule_ids;
	size_t   nrules;
};

/* The version of a period's inputs when they were read
 * (sql/commission/010: calc_inputs). */
struct book_input {
	int32_t first;              /* the period's first day */
	int64_t version;
};

struct book {
	enum tc_period_kind kind;
	int32_t from, to;           /* the range read */
	struct book_order   *orders;   /* by id */
	size_t               norders;
	struct book_line    *lines;    /* by order, then line number */
	size_t               nlines;
	struct book_payment *payments; /* by order, date, number */
	size_t               npayments;
	struct book_target  *targets;  /* by rep (bytes), then period */
	size_t               ntargets;
	struct book_person  *people;   /* by login (bytes) */
	size_t               npeople;
	struct book_version *versions; /* by effective_from */
	size_t               nversions;
	struct book_input   *inputs;   /* the range's periods, by first day */
	size_t               ninputs;
	char                *text;
	size_t               textlen, textcap;
};

/* Reads what the periods of kind from from's to to's depend on (from and
 * to are the first and last day of the range), in one consistent read
 * (its own transaction, or the caller's when one is open).
 * Returns 0 and a new book in *out (free with book_free), TC_EDB or
 * TC_ENOMEM. */
int book_read(struct db *d, enum tc_period_kind kind, int32_t from, int32_t to,
    struct book **out);

/* As book_read, with only the orders that credit person (people.id):
 * what a calculation of that rep's periods needs, for explaining one of
 * them without reading everyone's. */
int book_read_rep(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t to, int64_t person, struct book **out);

/* The version of the inputs of the period beginning on first when b was
 * read (0: none recorded yet). */
int64_t book_input_version(const struct book *b, int32_t first);

/* Frees b.  Accepts NULL. */
void book_free(struct book *b);

/* The text of s. */
static inline const char *
book_str_of(const struct book *b, book_str s)
{
	return b->text + s;
}

/* The person whose login is exactly login, or NULL. */
const struct book_person *book_person(const struct book *b,
    const char *login);

#endif
