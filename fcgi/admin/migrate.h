/* migrate.h: applying the numbered SQL migrations of sql/. */
#ifndef TC_ADMIN_MIGRATE_H
#define TC_ADMIN_MIGRATE_H

#include <stdio.h>

#include "core/db.h"

/* Applies, in order, every file NNN-name.sql of dir not yet recorded in
 * the schema_migrations table, recording each once it succeeded; prints
 * one line per applied file to out.  Safe to re-run.  Returns 0, or a
 * negative tc_err with a message naming the file in err. */
int migrate_apply(struct db *d, const char *dir, FILE *out, char *err,
    size_t errlen);

#endif
