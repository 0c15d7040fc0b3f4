/* audit.h: the audit trail outside a web request (command-line tools,
 * module functions called by both).  Every state change writes one row,
 * in the caller's transaction.  Inside a request, audit_write() (app.h)
 * fills in the signed-in person and the client address. */
#ifndef TC_CORE_AUDIT_H
#define TC_CORE_AUDIT_H

#include "core/db.h"

/* Who acts: a login (or "-" when nobody is signed in, or the name of a
 * command-line tool for an operator's action) and from where (a client
 * address, or e.g. "cli:root" for the unix user running a tool). */
struct actor {
	const char *login;
	const char *address;
};

/* Writes one audit row for who, in the caller's transaction.  entity_id
 * and detail may be NULL.  Returns 0 or a tc_err (TC_EDB, TC_EINVAL). */
int audit_write_as(struct db *d, const struct actor *who, const char *action,
    const char *entity, const char *entity_id, const char *detail);

/* The same rows many at a time, for a write of thousands of records in
 * one transaction (core/db-bulk): open, add a row per record (as
 * audit_write_as), then db_bulk_flush and db_bulk_close.  Return 0 or a
 * tc_err, as db_bulk_open and db_bulk_add. */
struct db_bulk;
int audit_bulk_open(struct db *d, struct db_bulk **out);
int audit_bulk_add(struct db_bulk *b, const struct actor *who,
    const char *action, const char *entity, const char *entity_id,
    const char *detail);

#endif
