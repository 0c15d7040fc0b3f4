/* run.h: the state of one tce_calc() run, shared by the files of the
 * engine (engine.c, credit.c, halves.c, payments.c, summary.c).  Not a
 * public interface: see engine.h. */
#ifndef TC_ENGINE_RUN_H
#define TC_ENGINE_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"
#include "engine/strmap.h"

#define BATCH 32 /* hash lookups prefetched together */
#define TCE_THREAD_LINES 200 /* fewer lines: no second thread */
#define TCE_THREAD_ROWS 200  /* fewer rows: no second thread */

struct order {
	tc_i128 amount;     /* sum of booked lines */
	uint32_t start, n;   /* rows of the order in calc.ord_rows */
	uint32_t pstart, np; /* payments of the order in calc.ord_pays */
};

struct calc {
	const struct tce_plan  *plan;
	const struct tce_input *in;
	struct tce_diag        *err;
	struct tce_result      *res;
	uint32_t               *share_rep;  /* per share: rep (rank) */
	int32_t                *row_rule;   /* per row: rule, -1: none */
	uint32_t               *row_order;  /* per row: order index */
	struct order           *orders;
	size_t                  norders;
	uint32_t               *ord_rows;   /* rows grouped by order, by line */
	uint32_t               *ord_pays;   /* payments grouped by order */
	struct tce_strmap       orders_map;
	struct tce_strmap       targets_map; /* (rep, period) -> target */
	size_t                  lines_cap;
	size_t                  warn_cap;
	uint32_t                maxp, maxn;  /* most payments, lines of an order */
	size_t                  dup;         /* first repeated payment_id */
};

/* engine.c: diagnostics and results.  eng_diag and eng_overflow,
 * eng_nomem fill c->err (the latter two return TC_ETOOBIG, TC_ENOMEM);
 * eng_warn appends a warning (0 or TC_ENOMEM); eng_add_line appends a
 * zeroed line to c->res (NULL when out of memory). */
void eng_diag(struct tce_diag *d, enum tce_source src, uint32_t line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int eng_warn(struct calc *c, enum tce_source src, uint32_t line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
struct tce_line *eng_add_line(struct calc *c);
int eng_overflow(struct calc *c, enum tce_source src, uint32_t line);
int eng_nomem(struct calc *c);

/* credit.c: reps, orders and the credits of order rows (steps 1-3).
 * Each returns 0 or an error described in c->err. */
int eng_intern_reps(struct calc *c);
int eng_index_orders(struct calc *c);
int eng_credit_rows(struct calc *c);
int eng_add_credit(struct calc *c, const struct tce_row *r, uint32_t row,
    uint32_t pay, int32_t date, int32_t rule, tc_i128 value,
    tc_i128 sales, enum tce_source src, uint32_t src_line);

/* halves.c: runs job(c, from, to) over [0, n) in two halves on two
 * threads, keeping the order of lines and warnings and the first half's
 * error.  Returns 0 or that error. */
int eng_in_halves(struct calc *c, int (*job)(struct calc *, size_t, size_t),
    size_t n);

/* payments.c: payment checks and collected credits (1.3). */
int eng_first_repeated_payment(struct calc *c, size_t *dup);
int eng_credit_payments(struct calc *c);

/* summary.c: targets, then steps 4-10 and the order of section 3. */
int eng_index_targets(struct calc *c);
int eng_sort_and_summarise(struct calc *c);

#endif
