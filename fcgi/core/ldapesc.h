/* ldapesc.h: escaping values for LDAP search filters (RFC 4515). */
#ifndef TC_CORE_LDAPESC_H
#define TC_CORE_LDAPESC_H

#include <stddef.h>

#include "core/error.h"

/* Escapes in[0..len) for use as an assertion value inside an LDAP search
 * filter: '*', '(', ')', '\\', NUL and other control characters (and DEL)
 * become "\XX" with two lower-case hex digits ("\2a", "\28", "\29",
 * "\5c", "\00"); every other byte, UTF-8 included, is copied.  Returns a
 * new NUL-terminated string the caller frees, or NULL when out of memory. */
char *ldapesc_filter_value(const char *in, size_t len);

/* As ldapesc_filter_value, into the caller's buf of size sz.  Returns the
 * length written (without NUL), or TC_ETOOBIG when buf is too small
 * (buf then holds ""). */
int ldapesc_filter_value_buf(char *buf, size_t sz, const char *in, size_t len);

/* Returns the number of bytes ldapesc_filter_value would write for
 * in[0..len), without the NUL. */
size_t ldapesc_filter_value_len(const char *in, size_t len);

#endif
