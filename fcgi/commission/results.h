/* results.h: a period's stored results as the spec's output files: what
 * `ticheng-admin results PERIOD DIR` writes.  The rows are read back
 * from the database (commission_summaries, and the commission lines not
 * removed) and written by ticheng-calc's own writers (engine/output.h), in
 * the spec's order (rep, then date, order, line and payment, each byte
 * for byte), so that for a current run they are exactly the rows of
 * ticheng-calc's outputs on the exported files whose period is PERIOD. */
#ifndef TC_COMMISSION_RESULTS_H
#define TC_COMMISSION_RESULTS_H

#include "commission/files.h"
#include "core/db.h"
#include "core/period.h"

/* Makes summary.csv and lines.csv of the period labelled label into out
 * (empty before; free with files_free) and copies the digest of its
 * latest done run into digest ("" when it has none).  Returns 0,
 * TC_EINVAL (not a label of kind), TC_ENOTFOUND (no such period),
 * TC_EDB or TC_ENOMEM. */
int results_files(struct db *d, enum tc_period_kind kind, const char *label,
    struct file_set *out, char digest[FILES_DIGEST_SIZE]);

#endif
