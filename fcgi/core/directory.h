/* directory.h: connections to the corporate LDAP directory.
 *
 * Every connection uses protocol 3, no referrals, the configured network
 * and operation timeouts, and StartTLS when configured (a failed StartTLS
 * is an error, never a silent downgrade). */
#ifndef TC_CORE_DIRECTORY_H
#define TC_CORE_DIRECTORY_H

#include <ldap.h>

#include "core/conf.h"

/* Opens a connection and binds with the configured service account (or
 * anonymously when none is configured).  Returns 0 and sets *out (free
 * with ldap_unbind_ext_s), or TC_EDIR with a message in err (no password
 * is ever written there); *out is then NULL. */
int dir_open(const struct conf *c, LDAP **out, char *err, size_t errlen);

/* Opens a connection without binding (for binding as a user).  Same
 * contract as dir_open(). */
int dir_connect(const struct conf *c, LDAP **out, char *err, size_t errlen);

#endif
