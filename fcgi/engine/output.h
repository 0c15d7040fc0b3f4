/* output.h: the summary and lines CSV of the engine, written by
 * ticheng-calc and by the commission module (section 3 of
 * spec/commission-calc.md). */
#ifndef TC_ENGINE_OUTPUT_H
#define TC_ENGINE_OUTPUT_H

#include <stdio.h>

#include "engine/engine.h"

/* Writes the summary of r to f.  Returns 0 or TC_EIO (errno set). */
int tce_write_summary(FILE *f, const struct tce_result *r);

/* Writes the lines of r (of input in under plan) to f.  Returns 0 or
 * TC_EIO (errno set). */
int tce_write_lines(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in);

/* Writes lines [from, to) of r to f, after the header when header is
 * set.  Returns 0, TC_ENOMEM or TC_EIO (errno set).  Thread-safe: two
 * ranges may be written to two streams at once. */
int tce_write_lines_range(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in, size_t from,
    size_t to, int header);

#endif
