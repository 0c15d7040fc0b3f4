/* targets.h: rep targets per period label, the engine's targets.csv, in
 * MariaDB (the targets table; the performance module owns its pages).
 * A target is money above 0 for one rep (a login) and one period label
 * (2026-07, 2026-Q3 or 2026); the engine uses those of the company's
 * period kind.  A target labelled with a closed period is frozen. */
#ifndef TC_COMMISSION_TARGETS_H
#define TC_COMMISSION_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#include "core/audit.h"
#include "core/db.h"

/* One refused row of an import: its line and why. */
struct target_error {
	uint32_t line;
	char msg[400];
};

/* What an import did, or why it did nothing. */
struct target_report {
	size_t rows;                /* records read */
	size_t added, changed, unchanged;
	struct target_error *errors; /* in line order; owned */
	size_t nerrors;              /* at most TARGETS_MAX_ERRORS kept */
	size_t more_errors;          /* refused rows beyond those kept */
};

#define TARGETS_MAX_ERRORS 200

/* Frees the errors of rep.  Accepts NULL. */
void target_report_free(struct target_report *rep);

/* Imports the spec's targets.csv (buf holds len bytes plus one spare;
 * this function owns and frees it), all or nothing: every row is checked
 * with the engine's reader (columns by name, the label, the amount) and
 * against the database (a known rep, a period that is not closed, no
 * rep and label twice in the file); when any row is refused, every
 * refused row is reported and nothing is written.  Otherwise each target
 * is added or changed in one transaction (the caller's, when one is
 * open) with one audit record.  Returns
 * 0; TC_EINVAL with rep->errors; TC_EDB or TC_ENOMEM. */
int targets_import(struct db *d, char *buf, size_t len,
    const struct actor *who, struct target_report *rep);

#endif
