/* engine.h: the commission engine of ticheng, the one implementation of
 * spec/commission-calc.md (section 2).  Pure: no I/O, no globals, no
 * floating point.  The readers (csv.h, tables.h, plan_json.h) fill a
 * struct tce_input and a struct tce_plan; tce_calc() turns them into the
 * summary rows and commission lines of section 3, to the fen.  It may
 * sort and summarise half of the reps on a second POSIX thread (which it
 * starts and joins itself); the result never depends on it.
 *
 * Exactness.  Shares and rates are integers in 10^-6, money in fen,
 * quantities in 10^-3 units.  A credited money base is kept in 10^-6 fen,
 * a credited quantity in 10^-9 units, a rule commission in 10^-12 fen and
 * a multiplied period commission in 10^-16 fen, all in 128-bit integers
 * with every product and sum checked: where a figure cannot be computed
 * exactly the engine returns TC_ETOOBIG and no figures at all.  A single
 * credited base (share x amount) must fit in 63 bits at its scale, which
 * allows line amounts up to about 9 x 10^10 yuan.
 *
 * Readings of the contract where it is silent (a payroll accountant's):
 *  - Plan versions are ordered by effective_from; "earlier plan version"
 *    in the tie orders of step 10 means the earlier effective range.
 *  - A rep and period has a summary row exactly when it has at least one
 *    commission line (so the two outputs always agree), including lines
 *    whose credited base is 0 (a 0.00 line, a collected part of 0 fen).
 *  - Targets apply to the rep by exact name; a target of a rep with no
 *    credit in its period is silently unused (no row, no warning).
 *  - The cap applies with or without a target (only accelerators and
 *    bonuses need attainment); a cap of 0 caps every positive commission.
 *  - A payment whose credit differs from its amount gets one warning; so
 *    does every payment on an order without booked lines or with amount
 *    0 (even a payment of 0.00: it names an order that earns nothing).
 *  - cost is parsed (and must be valid money) on every row where it is
 *    not empty, and is required only on booked rows whose rule has base
 *    margin; a negative cost is allowed (a margin above the amount).
 *  - A cancelled row is fully checked (every field, the split, its date)
 *    but needs no cost and never selects a rule.
 *  - The "first error found" is, for errors that need the whole file
 *    (duplicates, unknown orders, a missing cost), the one whose record
 *    comes first within the first file that has one, in the order plan,
 *    orders, payments, targets.
 *  - A credited base printed in the lines output is the rep's share of
 *    the row's base (the figure its commission is in proportion to).
 *  - A number too large for 63 bits at its scale (e.g. an amount above
 *    92,233,720,368,547,758.07) is refused as beyond exact computation
 *    (TC_ETOOBIG, exit 1), like an overflow during the calculation, not
 *    as malformed input (exit 2).
 *  - A CSV field holding a NUL byte is refused (the files are text).
 *  - A plan's "plan" name and an explicit "currency" must not be empty.
 *  - Several targets rows for one rep and label are an error even when
 *    they are of another period kind than the plans (and so ignored).
 *  - A warning names each unmatched booked row; a cancelled row is never
 *    unmatched (it selects no rule and earns nothing silently).
 */
#ifndef TC_ENGINE_ENGINE_H
#define TC_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/money.h"
#include "engine/plan.h"

#define TCE_NONE UINT32_MAX

enum tce_source {          /* which input a diagnostic is about */
	TCE_SRC_PLAN = 0,      /* line/path refer to plan version `version` */
	TCE_SRC_ORDERS,
	TCE_SRC_PAYMENTS,
	TCE_SRC_TARGETS,
	TCE_SRC_NONE,          /* no particular input (e.g. an overflow) */
};

/* An error or warning: where (src, line or JSON path) and why. */
struct tce_diag {
	enum tce_source src;
	unsigned        version;     /* TCE_SRC_PLAN: tce_version.source */
	uint32_t        line;        /* 0: no line */
	char            path[160];   /* "" or a JSON path */
	char            msg[384];
};

struct tce_share {
	const char *rep;             /* not empty, no ':' or '|' */
	int64_t     share;           /* 10^-6; a row's shares sum to 10^6 */
};

struct tce_row {                 /* one line of orders.csv */
	const char *order_id;
	int64_t     line;            /* >= 1 */
	int32_t     date;            /* yyyymmdd */
	uint32_t    share0, nshares; /* into tce_input.shares */
	const char *attr[TCE_ATTR__MAX]; /* NULL when the column is absent */
	money_t     amount;
	int64_t     quantity;        /* 10^-3 units */
	money_t     cost;
	bool        has_cost;
	bool        cancelled;
	uint32_t    src_line;        /* physical line of the record */
};

struct tce_payment {             /* one line of payments.csv */
	const char *payment_id;
	const char *order_id;
	int32_t     date;
	money_t     amount;
	uint32_t    src_line;
};

struct tce_target {              /* one line of targets.csv */
	const char          *rep;
	enum tc_period_kind kind;
	int32_t              period;
	money_t              amount; /* > 0 */
	uint32_t             src_line;
};

/* The rows of the three CSV inputs.  Strings point into buffers listed in
 * owned[], freed with the input. */
struct tce_input {
	struct tce_row     *rows;
	size_t              nrows, rows_cap;
	struct tce_share   *shares;
	size_t              nshares, shares_cap;
	struct tce_payment *payments;
	size_t              npayments, payments_cap;
	struct tce_target  *targets;
	size_t              ntargets, targets_cap;
	void              **owned;
	size_t              nowned;
};

struct tce_summary {             /* one row of the summary (3.1) */
	uint32_t rep;                /* index into tce_result.reps */
	int32_t  period;
	money_t  sales;
	bool     has_target;
	money_t  target;
	int64_t  attainment;         /* hundredths of a percent */
	money_t  commission;
	money_t  bonus;
	money_t  total;
};

struct tce_line {                /* one row of the lines output (3.2) */
	uint64_t key;                /* internal sort key */
	int64_t  base;               /* credited base: 10^-6 fen or 10^-9 units */
	int64_t  sales;              /* credited sales, 10^-6 fen */
	money_t  commission;         /* fen */
	uint32_t row;                /* index into tce_input.rows */
	uint32_t payment;            /* index into tce_input.payments or
	                                TCE_NONE */
	int32_t  rule;               /* tce_plan.rules index, -1: unmatched */
	uint32_t rep;
	int32_t  date;               /* the row's or the payment's date */
	int32_t  period;
	uint32_t order;              /* internal: the row's order */
	uint64_t oprefix;            /* internal: order_id's first 8 bytes */
};

struct tce_warning {
	enum tce_source src;
	uint32_t        line;
	char           *msg;
};

struct tce_result {
	const char        **reps;     /* names, in byte order (borrowed) */
	size_t              nreps;
	struct tce_summary *summary;  /* sorted by rep, then period */
	size_t              nsummary;
	struct tce_line    *lines;    /* sorted as section 3.2 says */
	size_t              nlines;
	struct tce_warning *warnings; /* in input order */
	size_t              nwarnings;
	enum tc_period_kind period;
};

/* Initialises an empty input (no allocation). */
void tce_input_init(struct tce_input *in);

/* Frees the rows and every buffer in in->owned, leaving in empty.
 * Accepts NULL. */
void tce_input_free(struct tce_input *in);

/* Makes in own buf (freed by tce_input_free).  Returns 0 or TC_ENOMEM
 * (then buf is freed at once). */
int tce_input_own(struct tce_input *in, void *buf);

/* Appends an empty element to the named array of in and returns a
 * pointer to it, or NULL when out of memory.  The pointer is valid until
 * the next append to the same array. */
struct tce_row *tce_input_add_row(struct tce_input *in);
struct tce_share *tce_input_add_share(struct tce_input *in);
struct tce_payment *tce_input_add_payment(struct tce_input *in);
struct tce_target *tce_input_add_target(struct tce_input *in);

/* Computes the commission of in under plan (which must hold at least one
 * version).  On success returns 0 and a result in *out, freed with
 * tce_result_free; it borrows strings of in and plan, which must outlive
 * it.  Fails with TC_EINVAL (bad input that needs several rows to see:
 * duplicate order lines or payments, a payment for an unknown order, a
 * missing cost under a margin rule, duplicate targets), TC_ETOOBIG (a
 * figure beyond exact computation) or TC_ENOMEM, describing the failure
 * in *err; then *out is NULL. */
int tce_calc(const struct tce_plan *plan, const struct tce_input *in,
    struct tce_result **out, struct tce_diag *err);

/* Frees a result.  Accepts NULL. */
void tce_result_free(struct tce_result *r);

#endif
