/* sort.h: sorting the commission lines: a radix sort on the 64-bit key
 * (rep, date), then a comparison sort of each run of equal keys. */
#ifndef TC_ENGINE_SORT_H
#define TC_ENGINE_SORT_H

#include <stddef.h>

#include "engine/engine.h"

typedef int (*tce_line_cmp)(const struct tce_line *, const struct tce_line *,
    const void *ctx);

/* Writes the n lines of lines, sorted by key and then by cmp (given ctx)
 * within equal keys, into out (n elements, not overlapping lines; owned
 * by the caller).  Stable.  Returns 0 or TC_ENOMEM. */
int tce_sort_lines(const struct tce_line *lines, size_t n,
    struct tce_line *out, tce_line_cmp cmp, const void *ctx);

#endif
