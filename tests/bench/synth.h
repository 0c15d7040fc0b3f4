/* synth.h: the synthetic year the benchmarks share (engine: as the
 * spec's files; calc: as rows for MariaDB).  One generator, so that both
 * benchmarks draw the same kind of company: orders of 1 to 3 lines on a
 * random day of 2026 (10% split 60/40 between two reps, 3% returns),
 * payments spread over the orders (partial payments, 2% refunds, never
 * before the order), a monthly target per rep, the plan of 20 rules over
 * product types t0..t9 (the second ten also by region east).
 * Deterministic: one xorshift sequence, drawn in a fixed order (a
 * benchmark that draws more per line, in its on_line, changes only its
 * own data). */
#ifndef TC_BENCH_SYNTH_H
#define TC_BENCH_SYNTH_H

#include <stdio.h>

/* A random number in [0, n). */
long synth_pick(long n);

/* Writes fen as "-12.34". */
void synth_money(FILE *f, long fen);

/* Opens DIR/NAME for writing, or exits with status 1 saying why. */
FILE *synth_open(const char *dir, const char *name);

/* DIR/plan.json: the 20-rule plan with accelerators, a cap and bonuses. */
void synth_write_plan(const char *dir);

/* DIR/targets.csv: rep0000..rep(REPS-1), a target per month of 2026. */
void synth_write_targets(const char *dir, int nreps);

struct synth_order {
	long index;             /* 0, 1, ... (order number SO%07ld) */
	int nlines;             /* 1 to 3 (fewer for the last order) */
	int month, day;
	int returned;           /* a return: lines negative */
	int rep1, rep2, split;  /* split: rep1 60%, rep2 40%; else rep1 */
	long customer;          /* 0 .. 49,999 */
};

struct synth_line {
	long index;             /* over the whole year, from 0 */
	int no;                 /* in its order, from 1 */
	long quantity, amount, cost;    /* amount and cost in fen */
};

struct synth_year {
	long lines, orders, payments;
	long *amount;           /* per order: the sum of its lines, in fen */
	int *day;               /* per order: its day of the year, from 0 */
};

/* Draws orders up to nlines lines for nreps reps into y, calling
 * on_order for each order and on_line for each of its lines.  Returns 0,
 * or -1 when out of memory. */
int synth_orders(struct synth_year *y, long nlines, int nreps,
    void (*on_order)(void *, const struct synth_order *),
    void (*on_line)(void *, const struct synth_order *,
    const struct synth_line *), void *arg);

/* Draws npay payments over y's orders, calling on_payment with the
 * payment's index, its order's index, its date and its amount (fen; may
 * be 0 or negative, a refund). */
void synth_payments(struct synth_year *y, long npay,
    void (*on_payment)(void *, long pay, long order, int month, int day,
    long amount), void *arg);

/* Frees what synth_orders allocated. */
void synth_year_free(struct synth_year *y);

#endif
