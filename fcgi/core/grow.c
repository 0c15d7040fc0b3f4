/* grow.c: room in a growing array (grow.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/grow.h"

int
tc_grow_to(void *arrp, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t c = *cap ? *cap : (first ? first : 1);
	void *p, *np;

	if (need <= *cap)
		return 0;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return TC_ENOMEM;
		c *= 2;
	}
	if (size != 0 && c > SIZE_MAX / size)
		return TC_ENOMEM;
	/* arrp is a T **: its pointer is read and written as bytes, which
	 * is how any object pointer type is stored here. */
	memcpy(&p, arrp, sizeof(p));
	if ((np = realloc(p, c * size)) == NULL)
		return TC_ENOMEM;
	memcpy(arrp, &np, sizeof(np));
	*cap = c;
	return 0;
}
