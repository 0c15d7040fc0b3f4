/* explain.h: the text of ticheng-calc --explain, an explanation
 * (engine/explain.h) as lines "KEY: TEXT" that a reader follows top to
 * bottom and a test can grep (ticheng-calc(1) describes the keys). */
#ifndef TC_CALC_EXPLAIN_H
#define TC_CALC_EXPLAIN_H

#include <stdio.h>

#include "engine/explain.h"

/* Writes x (of input in under plan) to f.  Returns 0 or TC_EIO (errno
 * set). */
int calc_write_explanation(FILE *f, const struct tce_explanation *x,
    const struct tce_plan *plan, const struct tce_input *in);

#endif
