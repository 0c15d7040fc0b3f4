/* grow.h: room in an array that grows as it is filled, the one way.
 *
 *   struct row *rows = NULL;
 *   size_t n = 0, cap = 0;
 *   if (tc_grow(&rows, &cap, n + 1, 256) != 0)
 *           return TC_ENOMEM;       // rows and cap as they were
 *   rows[n++] = ...;
 *
 * The capacity doubles (first elements at the first allocation), so
 * that filling an array of n elements costs O(n).  For a byte buffer the
 * elements are its bytes.
 *
 * Part of libtcbase (no I/O, no globals). */
#ifndef TC_CORE_GROW_H
#define TC_CORE_GROW_H

#include <stddef.h>

/* Makes *arrp (an array of *cap elements of size bytes, or NULL when
 * *cap is 0) hold at least need elements.  When *cap < need it is
 * reallocated to *cap (first when *cap is 0) doubled as often as need
 * asks; what it held is kept, the new elements are not initialised.
 * Returns 0, or TC_ENOMEM (the allocation failed or the size would
 * overflow) with *arrp and *cap unchanged: the caller still owns and
 * frees the old array.  arrp is the address of the array's pointer
 * (any object pointer type). */
int tc_grow_to(void *arrp, size_t *cap, size_t need, size_t size,
    size_t first);

static inline int
tc_grow_size(void *arrp, size_t *cap, size_t need, size_t size,
    size_t first)
{
	return need <= *cap ? 0 : tc_grow_to(arrp, cap, need, size, first);
}

/* The element size comes from the array's type. */
#define tc_grow(arrp, cap, need, first) \
	tc_grow_size((arrp), (cap), (need), sizeof(**(arrp)), (first))

#endif
