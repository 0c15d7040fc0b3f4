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

int
tce_sort_lines(struct tce_line *lines, size_t n, tce_line_cmp cmp,
    const void *ctx)
{
	struct kent *a, *b, *t;
	struct tce_line *out;
	size_t *cnt, i, run;
	int shift;

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
	for (i = 0; i < n; i++) {
		a[i].key = lines[i].key;
		a[i].idx = i;
	}
	for (shift = 0; shift < 64; shift += 16) {
		size_t sum = 0;
		memset(cnt, 0, 65536 * sizeof(*cnt));
		for (i = 0; i < n; i++)
			cnt[(a[i].key >> shift) & 0xffff]++;
		if (cnt[(a[0].key >> shift) & 0xffff] == n)
			continue; /* every key has this digit: nothing to do */
		for (i = 0; i < 65536; i++) {
			size_t c = cnt[i];
			cnt[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[cnt[(a[i].key >> shift) & 0xffff]++] = a[i];
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
	for (i = 0; i < n; i++)
		out[i] = lines[a[i].idx];
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
