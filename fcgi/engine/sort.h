/* sort.h: sorting the commission lines: a radix sort on the 64-bit key
 * (rep, date), then a comparison sort of each run of equal keys. */
#ifndef TC_ENGINE_SORT_H
#define TC_ENGINE_SORT_H

#include <stddef.h>

#include "engine/engine.h"

typedef int (*tce_line_cmp)(const struct tce_line *, const struct tce_line *,
    const void *ctx);

/* Sorts the n lines of the malloc'd array *lines by key, then by cmp
 * (given ctx) within equal keys; stable.  The sorted lines are in a new
 * array stored in *lines; the old one is freed.  Returns 0 or TC_ENOMEM
 * (*lines then unchanged). */
int tce_sort_lines(struct tce_line **lines, size_t n, tce_line_cmp cmp,
    const void *ctx);

#endif
