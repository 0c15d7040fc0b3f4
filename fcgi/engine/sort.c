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

int
tce_sort_lines(struct tce_line *lines, size_t n, tce_line_cmp cmp,
    const void *ctx)
{
	struct kent *a, *b, *t;
	struct tce_line *out;
	size_t *cnt, i, run;
	uint64_t maxkey = 0;
	uint32_t dmin = UINT32_MAX, dmax = 0, rmax = 0;
	int shift, bits, digit;

	if (n < 2)
		return 0;
	a = malloc(n * sizeof(*a));
	b = malloc(n * sizeof(*b));
	cnt = malloc(65536 * sizeof(*cnt));
	if (!a || !b || !cnt) {
		free(a);
		free(b);
		free(cnt);
		return TC_ENOMEM;
	}
	/* A compact key: rep x span + day, when it fits, so that few narrow
	 * radix passes do (narrow digits keep the scatter in cache). */
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
	if ((uint64_t)(rmax + 1) * (dmax - dmin + 1) < ((uint64_t)1 << 40)) {
		uint64_t span = dmax - dmin + 1;
		for (i = 0; i < n; i++) {
			a[i].key = (lines[i].key >> 32) * span +
			    (day_number((uint32_t)lines[i].key) - dmin);
			a[i].idx = i;
			if (a[i].key > maxkey)
				maxkey = a[i].key;
		}
		digit = 11;
	} else {
		for (i = 0; i < n; i++) {
			a[i].key = lines[i].key;
			a[i].idx = i;
		}
		maxkey = UINT64_MAX;
		digit = 16;
	}
	for (bits = 0; bits < 64 && (maxkey >> bits) != 0; bits++)
		;
	for (shift = 0; shift < bits; shift += digit) {
		size_t sum = 0, mask = ((size_t)1 << digit) - 1;
		memset(cnt, 0, (mask + 1) * sizeof(*cnt));
		for (i = 0; i < n; i++)
			cnt[(a[i].key >> shift) & mask]++;
		if (cnt[(a[0].key >> shift) & mask] == n)
			continue; /* every key has this digit: nothing to do */
		for (i = 0; i <= mask; i++) {
			size_t c = cnt[i];
			cnt[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[cnt[(a[i].key >> shift) & mask]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	free(cnt);
	free(b);
	/* permute: gather into a new array, then copy back */
	out = malloc(n * sizeof(*out));
	if (out == NULL) {
		free(a);
		return TC_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		if (i + 8 < n)
			__builtin_prefetch(&lines[a[i + 8].idx]);
		out[i] = lines[a[i].idx];
	}
	free(a);
	memcpy(lines, out, n * sizeof(*out));
	/* runs of equal keys; out serves as the merge buffer */
	for (i = 0; i < n; i = run) {
		for (run = i + 1; run < n && lines[run].key == lines[i].key; run++)
			;
		if (run - i > 1)
			merge_sort(lines + i, out, run - i, cmp, ctx);
	}
	free(out);
	return 0;
}
