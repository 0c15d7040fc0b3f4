/* commission.c: rule and period commission, largest remainder. */
#include <stdlib.h>

#include "engine/commission.h"
#include "core/error.h"
#include "core/sort.h"

int
tce_rule_commission(const struct tce_rule *r, tc_i128 b, tc_i128 *out)
{
	tc_i128 acc = 0, prev = 0, t;
	size_t i;

	switch (r->kind) {
	case TCE_RATE_FLAT:
		return tce_mul(b, r->rate, out);
	case TCE_RATE_PER_UNIT:
		/* 10^-9 units x fen = 10^-9 fen, scaled to 10^-12 fen */
		if (tce_mul(b, r->per_unit, &t))
			return TC_ETOOBIG;
		return tce_mul(t, 1000, out);
	case TCE_RATE_WHOLE:
		if (b < 0)
			return tce_mul(b, r->bands[0].rate, out);
		for (i = 0; i + 1 < r->nbands; i++)
			if (b <= (tc_i128)r->bands[i].upto * TCE_BASE_MONEY_SCALE)
				break;
		return tce_mul(b, r->bands[i].rate, out);
	case TCE_RATE_MARGINAL:
		if (b < 0)
			return tce_mul(b, r->bands[0].rate, out);
		for (i = 0; i < r->nbands && b > prev; i++) {
			tc_i128 hi = b, slice;
			if (r->bands[i].has_upto) {
				tc_i128 up = (tc_i128)r->bands[i].upto *
				    TCE_BASE_MONEY_SCALE;
				if (up < hi)
					hi = up;
			}
			slice = hi - prev;
			if (slice > 0) {
				if (tce_mul(slice, r->bands[i].rate, &t) ||
				    tce_add(acc, t, &acc))
					return TC_ETOOBIG;
			}
			if (!r->bands[i].has_upto)
				break;
			prev = (tc_i128)r->bands[i].upto * TCE_BASE_MONEY_SCALE;
		}
		*out = acc;
		return 0;
	}
	return TC_ETOOBIG;
}

int
tce_period_commission(tc_i128 sum, int64_t mult, int has_cap, money_t cap,
    money_t *out)
{
	tc_i128 m, c;

	if (tce_mul(sum, mult, &m))
		return TC_ETOOBIG;
	if (has_cap) {
		c = (tc_i128)cap * TCE_PERIOD_SCALE;
		if (m > c)
			m = c;
	}
	c = tc_div_round(m, TCE_PERIOD_SCALE);
	if (c > INT64_MAX || c < -INT64_MAX)
		return TC_ETOOBIG;
	*out = (money_t)c;
	return 0;
}

struct rem {
	tc_i128 r;
	size_t   i;
};

static int
rem_cmp(const void *a, const void *b)
{
	const struct rem *x = a, *y = b;

	if (x->r != y->r)
		return x->r > y->r ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

int
tce_largest_remainder(int64_t total, const tc_i128 *w, size_t n,
    int64_t *out)
{
	tc_i128 W = 0, sumq = 0, k, a, q;
	struct rem small[16], *rem = small;
	size_t i;
	int neg, rc = 0;

	for (i = 0; i < n; i++)
		if (tce_add(W, w[i], &W))
			return TC_ETOOBIG;
	if (W == 0) {
		for (i = 0; i < n; i++)
			out[i] = 0;
		return 0;
	}
	neg = W < 0;
	if (neg)
		W = -W;
	if (n > sizeof(small) / sizeof(small[0]) &&
	    (rem = malloc(n * sizeof(*rem))) == NULL)
		return TC_ENOMEM;
	for (i = 0; i < n; i++) {
		tc_i128 wi = neg ? -w[i] : w[i];
		int64_t a64;
		if (W <= INT64_MAX && wi >= INT64_MIN && wi <= INT64_MAX &&
		    !__builtin_mul_overflow(total, (int64_t)wi, &a64)) {
			/* the common case, in 64 bits (128-bit division is slow) */
			int64_t W64 = (int64_t)W, q64 = a64 / W64;
			if (a64 % W64 != 0 && a64 < 0)
				q64--;
			out[i] = q64;
			rem[i].r = a64 - q64 * W64;
			rem[i].i = i;
			sumq += q64;
			continue;
		}
		if (tce_mul(total, wi, &a)) {
			rc = TC_ETOOBIG;
			goto out;
		}
		q = tc_div_floor(a, W);
		if (q > INT64_MAX || q < INT64_MIN) {
			rc = TC_ETOOBIG;
			goto out;
		}
		out[i] = (int64_t)q;
		rem[i].r = a - q * W;
		rem[i].i = i;
		sumq += q;
	}
	k = (tc_i128)total - sumq;
	if (k > 0) {
		if (k == 1) {
			size_t best = 0;
			for (i = 1; i < n; i++)
				if (rem[i].r > rem[best].r)
					best = i;
			out[best]++;
		} else {
			tc_sort(rem, n, sizeof(*rem), rem_cmp);
			for (i = 0; i < (size_t)k && i < n; i++)
				out[rem[i].i]++;
		}
	}
out:
	if (rem != small)
		free(rem);
	return rc;
}
