/* migrate.h: applying the migrations of every module under sql/. */
#ifndef TC_ADMIN_MIGRATE_H
#define TC_ADMIN_MIGRATE_H

#include <stdio.h>

#include "core/db.h"

/* Applies every migration of dir (DIR/MODULE/NNN-name.sql, in the order
 * migrate-plan.h defines) not yet recorded in schema_migrations, keyed
 * by (module, version); records each once it succeeded and prints
 * "applied MODULE/FILE" to out.  A schema_migrations of the old global
 * numbering (version 1 to 6, before modules) is first converted to
 * (module, version), so that nothing runs twice.  A number recorded
 * under another file name (renumbered, or two files given one number
 * on two branches) is refused: the file would be taken for applied.
 * Safe to re-run.
 * Returns 0, or a negative tc_err with a message naming the file in err;
 * migrations applied before the failure stay recorded. */
int migrate_apply(struct db *d, const char *dir, FILE *out, char *err,
    size_t errlen);

#endif
