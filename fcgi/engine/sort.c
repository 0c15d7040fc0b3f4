/* sort.c: radix sort of lines by key, merge sort of equal-key runs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/sort.h"
#include "core/error.h"

struct kent {
	uint64_t key;
	uint64_t idx;
};

static void
merge_sort(struct tce_line *a, struct tce_line *tmp, size_t n,
    tce_line_cmp cmp, const void *ctx)
{
	size_t h, i, j, k;

	if (n <= 16) {
		for (i = 1; i < n; i++) {
			struct tce_line x = a[i];
			for (j = i; j > 0 && cmp(&a[j - 1], &x, ctx) > 0; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
		return;
	}
	h = n / 2;
	merge_sort(a, tmp, h, cmp, ctx);
	merge_sort(a + h, tmp, n - h, cmp, ctx);
	memcpy(tmp, a, h * sizeof(*a));
	for (i = 0, j = h, k = 0; i < h && j < n;)
		a[k++] = cmp(&a[j], &tmp[i], ctx) < 0 ? a[j++] : tmp[i++];
	while (i < h)
		a[k++] = tmp[i++];
}

/* An order-preserving day number of yyyymmdd (gaps allowed). */
static uint32_t
day_number(uint32_t date)
{
	return (date / 10000) * 372 + (date / 100 % 100) * 31 + date % 100;
}

struct kent32 {
	uint32_t key;
	uint32_t idx;
};

/* LSD radix sort of a[0..n) on bits [0, bits) of key, digit bits at a
 * time, using b as scratch; returns the array holding the result. */
#define RADIX_SORT(NAME, T)						\
static T *								\
NAME(T *a, T *b, size_t n, int bits, int digit, size_t *cnt)		\
{									\
	size_t i, mask = ((size_t)1 << digit) - 1;			\
	for (int shift = 0; shift < bits; shift += digit) {		\
		size_t sum = 0;						\
		T *t;							\
		memset(cnt, 0, (mask + 1) * sizeof(*cnt));		\
		for (i = 0; i < n; i++)					\
			cnt[(a[i].key >> shift) & mask]++;		\
		if (cnt[(a[0].key >> shift) & mask] == n)		\
			continue;					\
		for (i = 0; i <= mask; i++) {				\
			size_t c = cnt[i];				\
			cnt[i] = sum;					\
			sum += c;					\
		}							\
		for (i = 0; i < n; i++)					\
			b[cnt[(a[i].key >> shift) & mask]++] = a[i];	\
		t = a;							\
		a = b;							\
		b = t;							\
	}								\
	return a;							\
}

RADIX_SORT(radix64, struct kent)
RADIX_SORT(radix32, struct kent32)

static int
bits_of(uint64_t v)
{
	int b = 0;

	while (b < 64 && (v >> b) != 0)
		b++;
	return b;
}

int
tce_sort_lines(const struct tce_line *lines, size_t n, struct tce_line *out,
    tce_line_cmp cmp, const void *ctx)
{
	struct tce_line *tmp = NULL;
	size_t maxrun = 0;
	size_t *cnt, i, run;
	uint32_t dmin = UINT32_MAX, dmax = 0, rmax = 0;
	uint64_t span;
	void *a, *b;
	int compact;

	if (n < 2) {
		if (n == 1)
			out[0] = lines[0];
		return 0;
	}
	/* A compact key, rep x span + day, when it fits in 32 bits: narrow
	 * entries and few narrow radix passes (the scatter stays in cache). */
	for (i = 0; i < n; i++) {
		uint32_t d = day_number((uint32_t)lines[i].key);
		uint32_t r = (uint32_t)(lines[i].key >> 32);
		if (d < dmin)
			dmin = d;
		if (d > dmax)
			dmax = d;
		if (r > rmax)
			rmax = r;
	}
	span = (uint64_t)dmax - dmin + 1;
	compact = (uint64_t)(rmax + 1) * span <= UINT32_MAX &&
	    n <= UINT32_MAX;
	if (compact) {
		a = malloc(n * sizeof(struct kent32));
		b = malloc(n * sizeof(struct kent32));
	} else {
		a = malloc(n * sizeof(struct kent));
		b = malloc(n * sizeof(struct kent));
	}
	cnt = malloc(65536 * sizeof(*cnt));
	if (!a || !b || !cnt)
		goto nomem;
	if (compact) {
		struct kent32 *k = a, *res;
		uint32_t maxkey = 0;
		for (i = 0; i < n; i++) {
			k[i].key = (uint32_t)((lines[i].key >> 32) * span +
			    (day_number((uint32_t)lines[i].key) - dmin));
			k[i].idx = (uint32_t)i;
			if (k[i].key > maxkey)
				maxkey = k[i].key;
		}
		res = radix32(k, b, n, bits_of(maxkey), 11, cnt);
		for (i = 0; i < n; i++) {
			if (i + 8 < n)
				__builtin_prefetch(&lines[res[i + 8].idx]);
			out[i] = lines[res[i].idx];
		}
	} else {
		struct kent *k = a, *res;
		for (i = 0; i < n; i++) {
			k[i].key = lines[i].key;
			k[i].idx = i;
		}
		res = radix64(k, b, n, 64, 16, cnt);
		for (i = 0; i < n; i++)
			out[i] = lines[res[i].idx];
	}
	free(a);
	free(b);
	free(cnt);
	a = b = cnt = NULL;
	/* runs of equal keys, sorted by cmp */
	for (i = 0; i < n; i = run) {
		for (run = i + 1; run < n && out[run].key == out[i].key; run++)
			;
		if (run - i > maxrun)
			maxrun = run - i;
	}
	if (maxrun > 1 && (tmp = malloc(maxrun * sizeof(*tmp))) == NULL)
		goto nomem;
	for (i = 0; i < n; i = run) {
		for (run = i + 1; run < n && out[run].key == out[i].key; run++)
			;
		if (run - i > 1)
			merge_sort(out + i, tmp, run - i, cmp, ctx);
	}
	free(tmp);
	return 0;
nomem:
	free(tmp);
	free(a);
	free(b);
	free(cnt);
	return TC_ENOMEM;
}
