/* commission.h: the arithmetic of one rule and one period
 * (spec/commission-calc.md, section 2, steps 4 and 6-8) and the
 * largest-remainder spread (step 10).  Pure and exact. */
#ifndef TC_ENGINE_COMMISSION_H
#define TC_ENGINE_COMMISSION_H

#include <stddef.h>

#include "core/error.h"
#include "engine/money.h"
#include "engine/plan.h"

/* Scales: a money base is in 10^-6 fen, a quantity base in 10^-9 units,
 * a rule commission in 10^-12 fen, a multiplied commission in 10^-16 fen. */
#define TCE_BASE_MONEY_SCALE   ((tc_i128)1000000)
#define TCE_RULE_SCALE         ((tc_i128)1000000000000LL)
#define TCE_PERIOD_SCALE       ((tc_i128)10000000000000000LL)

/* Stores in *out the commission of rule r on the period base b (10^-6 fen
 * for a money base, 10^-9 units for a quantity base), in 10^-12 fen.
 * Returns 0 or TC_ETOOBIG on overflow. */
int tce_rule_commission(const struct tce_rule *r, tc_i128 b, tc_i128 *out);

/* Stores in *out the period commission in fen from the sum of rule
 * commissions sum (10^-12 fen): times multiplier mult (10^-4), capped at
 * cap fen when has_cap and positive, rounded once half away from zero.
 * Returns 0 or TC_ETOOBIG when a step overflows or the result does not fit
 * money_t. */
int tce_period_commission(tc_i128 sum, int64_t mult, int has_cap,
    money_t cap, money_t *out);

/* Spreads total fen over the n weights w by the largest-remainder method:
 * out[i] = floor(total * w[i] / W), then one more fen to each of the
 * items with the largest remainders, ties to the lower index.  When the
 * weights sum to 0 every out[i] is 0.  out has n elements, owned by the
 * caller.  Returns 0, TC_ENOMEM or TC_ETOOBIG (on overflow). */
int tce_largest_remainder(int64_t total, const tc_i128 *w, size_t n,
    int64_t *out);

/* One payment against an order whose booked lines amount to order (1.3):
 * adds amount to the raw running total *raw, clamps it to the range
 * between 0 and order, and stores in *delta the change of the credited
 * total *credited (both updated).  Returns 0 or TC_ETOOBIG (nothing
 * updated). */
static inline int
tce_payment_step(tc_i128 order, money_t amount, tc_i128 *raw,
    tc_i128 *credited, tc_i128 *delta)
{
	tc_i128 lo = order < 0 ? order : 0, hi = order < 0 ? 0 : order;
	tc_i128 r, next;

	if (__builtin_add_overflow(*raw, (tc_i128)amount, &r))
		return TC_ETOOBIG;
	next = r < lo ? lo : r > hi ? hi : r;
	*delta = next - *credited;
	*credited = next;
	*raw = r;
	return 0;
}

#endif
