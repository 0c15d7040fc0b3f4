/* explain.h: why an amount is what it is (为什么是这个金额): the
 * explanation of one rep's commission in one period, and so of each of
 * its lines, by the engine's own arithmetic (spec/commission-calc.md,
 * section 2, steps 1-10).  Pure: no I/O, no globals, no floating point.
 *
 * tce_explain() is asked separately, after tce_calc(): the plain
 * calculation does no extra work for it.  It recomputes the one summary
 * row from the result's lines with the functions tce_calc() uses
 * (tce_rule_commission, tce_period_commission, tce_largest_remainder,
 * tce_payment_step) and keeps every intermediate figure; then it checks
 * that they give the result's figures to the fen (commission, bonus and
 * every line), so an explanation always adds up to its summary row and
 * lines.
 *
 * Every figure is the engine's exact integer at its scale:
 *   money (fen)                     money_t, 10^-2 yuan  (TCE_XD_MONEY)
 *   credited money base and sales   10^-6 fen            (TCE_XD_BASE)
 *   credited quantity               10^-9 units          (TCE_XD_QTY_BASE)
 *   row quantity                    10^-3 units          (TCE_XD_QTY)
 *   rule commission                 10^-12 fen           (TCE_XD_RULE)
 *   multiplied period commission    10^-16 fen           (TCE_XD_PERIOD)
 *   share, rate, threshold          10^-6 (1% = 10^4)    (TCE_XD_PERCENT)
 *   multiplier                      10^-4                (TCE_XD_MULT)
 * TCE_XD_* is the number of decimal digits that turn the integer into
 * yuan, units, percent or a plain multiplier; tce_xfmt_fixed() prints it
 * so, exactly.  A largest-remainder part's remainder is the fraction
 * rem / den of a fen, printed with tce_xfmt_ratio(). */
#ifndef TC_ENGINE_EXPLAIN_H
#define TC_ENGINE_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engine.h"

#define TCE_XD_MONEY     2
#define TCE_XD_BASE      8
#define TCE_XD_QTY_BASE  9
#define TCE_XD_QTY       3
#define TCE_XD_RULE      14
#define TCE_XD_PERIOD    18
#define TCE_XD_PERCENT   4
#define TCE_XD_MULT      4

/* Why a rule that also matched a row was not chosen (step 2). */
enum tce_lost {
	TCE_LOST_PRIORITY = 0,   /* a lower priority than the chosen rule */
	TCE_LOST_SPECIFICITY,    /* the same priority, fewer match keys */
	TCE_LOST_FILE_ORDER,     /* the same priority and keys, later in the
	                            file */
};

struct tce_xrival {
	uint32_t      rule;      /* tce_plan.rules index */
	enum tce_lost lost;
};

/* One item of a largest-remainder spread: total x weight / sum is
 * floor + rem / den fen exactly; part = floor + extra. */
struct tce_xpart {
	tc_i128 weight;         /* at the scale of the spread's weights */
	int64_t  floor;          /* fen, towards minus infinity */
	tc_i128 rem;            /* 0 <= rem < den */
	bool     extra;          /* got one of the fen left over */
	int64_t  part;           /* fen */
};

/* A spread of total fen over weights by the largest-remainder method
 * (step 10): the k = left items with the largest remainders get one fen
 * more (equal remainders: the earlier item). */
struct tce_xspread {
	int64_t           total;  /* fen */
	tc_i128          sum;    /* sum of the weights; 0: every part is 0 */
	tc_i128          den;    /* |sum| (1 when sum is 0) */
	int64_t           left;   /* total minus the sum of the floors */
	size_t            n;
	struct tce_xpart *parts;  /* n items, in the spread's tie order */
};

/* A slice of a rule's period base at one rate (step 4). */
struct tce_xslice {
	int      band;           /* index into the rule's bands; -1: rate or
	                            per_unit */
	tc_i128 from, to;       /* the part of the base it covers (base
	                            scale); whole tiers: 0 to B */
	tc_i128 amount;         /* to - from, or B for whole tiers */
	int64_t  rate;           /* 10^-6; per_unit: fen per unit */
	tc_i128 commission;     /* 10^-12 fen */
};

/* One rule of the rep in the period. */
struct tce_xrule {
	uint32_t                  rule;     /* tce_plan.rules index */
	const struct tce_version *version;  /* the version it belongs to */
	tc_i128                  base;     /* B: the period base */
	size_t                    nlines;   /* credits that make B */
	struct tce_xslice        *slices;   /* their sum is commission */
	size_t                    nslices;
	tc_i128                  commission; /* 10^-12 fen */
	int64_t                   part;     /* stage 1: fen of the period
	                                       commission (stage1.parts[i]) */
	struct tce_xspread        stage2;   /* part over the rule's lines */
	uint32_t                 *lines;    /* stage2 item -> xline index */
};

/* How a payment (1.3) credited an order, and its spread over the
 * order's booked lines. */
struct tce_xpayment {
	uint32_t           payment;     /* tce_input.payments index */
	money_t            order_amount; /* sum of the order's booked lines */
	money_t            raw_before, raw_after;  /* raw running total */
	money_t            credited_before, credited_after; /* clamped */
	money_t            credit;      /* credited_after - credited_before */
	uint32_t          *rows;        /* the order's booked rows, by line */
	struct tce_xspread spread;      /* credit over rows, by amount */
};

/* One commission line of the rep in the period (a result line). */
struct tce_xline {
	size_t                    line;     /* tce_result.lines index */
	uint32_t                  row;      /* tce_input.rows index */
	uint32_t                  payment;  /* tce_input.payments, TCE_NONE */
	int32_t                   date;     /* the row's or payment's date */
	const struct tce_version *version;  /* governs the row's date; NULL:
	                                       none does (unmatched) */
	int32_t                   rule;     /* tce_plan.rules, -1: unmatched */
	struct tce_xrival        *rivals;   /* rules that matched and lost, in
	                                       selection order */
	size_t                    nrivals;
	int64_t                   share;    /* the rep's share, 10^-6 */
	tc_i128                  value;    /* the row's base before the share:
	                                       amount or margin (fen), quantity
	                                       (10^-3), or its part of the
	                                       payment (fen) */
	tc_i128                  base;     /* share x value (base scale) */
	tc_i128                  sales;    /* credited sales, 10^-6 fen */
	uint32_t                  xpayment; /* collected: payments index */
	uint32_t                  xitem;    /* its item in that spread */
	uint32_t                  xrule;    /* rules index, TCE_NONE */
	uint32_t                  item;     /* its item in that stage2 */
	money_t                   commission; /* fen (the result's) */
};

struct tce_explanation {
	const char               *rep;      /* borrowed from the input */
	enum tc_period_kind      kind;
	int32_t                   period;
	const struct tce_version *version;  /* the period's version: its
	                                       accelerators, cap and bonuses;
	                                       NULL: none covers it */
	struct tce_summary        summary;  /* the row explained */
	tc_i128                  sales;    /* exact period sales, 10^-6 fen */
	bool                      has_target;
	money_t                   target;
	/* attainment in percent is sales / attain_den exactly (printed:
	 * summary.attainment, in hundredths of a percent) */
	tc_i128                  attain_den;
	int                       accel;     /* version->accel reached, -1 */
	int64_t                   multiplier; /* 10^-4 (1 when none) */
	int                       next_accel; /* first not reached, -1 */
	tc_i128                  next_accel_gap; /* sales still needed,
	                                           10^-6 fen */
	int                       bonus_step; /* version->bonus reached, -1 */
	int                       next_bonus; /* first not reached, -1 */
	tc_i128                  next_bonus_gap;
	tc_i128                  rule_sum;   /* sum of rule commissions,
	                                         10^-12 fen */
	tc_i128                  multiplied; /* rule_sum x multiplier,
	                                         10^-16 fen */
	bool                      has_cap;
	money_t                   cap;
	bool                      capped;     /* the cap bit */
	tc_i128                  unrounded;  /* after the cap, 10^-16 fen */
	money_t                   commission; /* rounded once (step 8) */
	money_t                   bonus;
	struct tce_xrule         *rules;      /* stage-1 order */
	size_t                    nrules;
	struct tce_xspread        stage1;     /* commission over the rules */
	struct tce_xline         *lines;      /* the result's order */
	size_t                    nlines;
	struct tce_xpayment      *payments;   /* by input index */
	size_t                    npayments;
};

/* Explains the summary row of rep (a name) and period (an index of the
 * plan's period kind) in res, the result of tce_calc(plan, in).  On
 * success stores a new explanation in *out (free with
 * tce_explanation_free; it borrows from plan, in and res, which must
 * outlive it) and returns 0.  Returns TC_ENOTFOUND when res has no row
 * for rep and period, TC_ENOMEM, TC_ETOOBIG, or TC_EINVAL when the
 * figures do not agree with res (a result of other inputs); then *out is
 * NULL and err says why. */
int tce_explain(const struct tce_plan *plan, const struct tce_input *in,
    const struct tce_result *res, const char *rep, int32_t period,
    struct tce_explanation **out, struct tce_diag *err);

/* Frees an explanation.  Accepts NULL. */
void tce_explanation_free(struct tce_explanation *x);

/* Returns the static English name of a reason ("priority", "specificity",
 * "file order"). */
const char *tce_lost_name(enum tce_lost why);

/* Writes v / 10^digits exactly into buf (at least TCE_XFMT_LEN bytes),
 * with at least min_dec and at most digits decimals (trailing zeros
 * beyond min_dec dropped), '-' for negatives and never "-0".  Returns the
 * length written. */
#define TCE_XFMT_LEN 64
size_t tce_xfmt_fixed(char *buf, tc_i128 v, int digits, int min_dec);

/* Writes num / den (den > 0) into buf (TCE_XFMT_LEN bytes): exactly when
 * it has at most max_dec decimals (at least min_dec shown), else rounded
 * half away from zero to max_dec decimals and followed by "...".
 * Returns the length written. */
size_t tce_xfmt_ratio(char *buf, tc_i128 num, tc_i128 den, int max_dec,
    int min_dec);

/* The figures of an explanation as ticheng-calc --explain and the
 * commission pages show them, each written into b (TCE_XFMT_LEN bytes)
 * and returned, so that a call can sit in a printf argument list:
 * money (fen, 2 decimals), percent (with its "%"), a multiplier, a
 * credited base or stage-2 weight and a row's value under rule r (units
 * for quantity bases, else money), a rule and a period commission, and a
 * date (YYYY-MM-DD, or open for the open end). */
const char *tce_xfig_money(char *b, tc_i128 fen);
const char *tce_xfig_pct(char *b, int64_t v);
const char *tce_xfig_mult(char *b, int64_t v);
const char *tce_xfig_base(char *b, const struct tce_rule *r, tc_i128 v);
const char *tce_xfig_value(char *b, const struct tce_rule *r, tc_i128 v);
const char *tce_xfig_rule(char *b, tc_i128 v);
const char *tce_xfig_period(char *b, tc_i128 v);
const char *tce_xfig_date(char *b, int32_t d, const char *open);

#endif
