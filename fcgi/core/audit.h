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

#endif
