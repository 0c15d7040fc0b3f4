/* sort.h: sorting an array in place, the one way.
 *
 *   tc_sort(rows, n, sizeof(*rows), by_date);
 *   tc_sort_r(reps, n, sizeof(*reps), by_name, book);
 *
 * qsort(3) wants a valid pointer even for no elements, and an empty
 * array grown with tc_grow is NULL: these take any array, NULL when n is
 * 0 included, so that no caller guards a sort with `if (n > 1)`.  The
 * order of equal elements is unspecified, as with qsort.
 *
 * Part of libtcbase (no I/O, no globals). */
#ifndef TC_CORE_SORT_H
#define TC_CORE_SORT_H

#include <stddef.h>

/* Sorts the n elements of size bytes at base by cmp (negative, zero or
 * positive, as for qsort).  Does nothing when n is 0 or 1, whatever base
 * is (NULL allowed); otherwise base must point to n elements. */
void tc_sort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *));

/* The same with a third argument given to every comparison: the state a
 * comparator needs (a text the elements point into, a sort key), instead
 * of a file static. */
void tc_sort_r(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *, void *), void *arg);

#endif
