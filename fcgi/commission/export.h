/* export.h: the spec's input files of a period (or a range of periods),
 * made from a book: what `ticheng-admin export-period` writes, what a
 * run hands the engine, and what its digest is taken of.
 *
 * For the range [from, to]: orders.csv holds every line (cancelled ones
 * too) of every order with a line or a payment dated in it, by date,
 * order_id and line; payments.csv every payment of those orders dated up
 * to `to`, by date and payment_id; targets.csv the targets labelled with
 * a period of the range, by rep and period; and plan-FROM.json each plan
 * version in force that covers a day of the range or the date of an
 * exported line, named for its effective_from. */
#ifndef TC_COMMISSION_EXPORT_H
#define TC_COMMISSION_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "commission/book.h"
#include "commission/files.h"

/* Where each record of the files came from, for reading the engine's
 * results back (the engine counts records and physical lines). */
struct export_map {
	uint32_t *rows;             /* orders.csv record -> book line */
	uint32_t *row_lines;        /* its physical line */
	size_t    nrows;
	uint32_t *pays;             /* payments.csv record -> book payment */
	uint32_t *pay_lines;
	size_t    npays;
	uint32_t *versions;         /* plan file (in name order) -> version */
	size_t    nversions;
	size_t    ntargets;
};

/* Makes the files of [from, to] (the first and last day of periods the
 * book covers) into out (empty before; free with files_free), sorted by
 * name; fills map unless NULL (free with export_map_free).  Returns 0 or
 * TC_ENOMEM. */
int export_files(const struct book *b, int32_t from, int32_t to,
    struct file_set *out, struct export_map *map);

/* Frees the arrays of m.  Accepts NULL. */
void export_map_free(struct export_map *m);

#endif
