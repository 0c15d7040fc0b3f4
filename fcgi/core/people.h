/* people.h: people as the directory describes them, their roles, and
 * their copy in MariaDB (table people). */
#ifndef TC_CORE_PEOPLE_H
#define TC_CORE_PEOPLE_H

#include <stdbool.h>
#include <stdint.h>
#include <ldap.h>

#include "core/conf.h"
#include "core/db.h"

/* One person of the directory.  Strings are owned by the struct. */
struct dir_person {
	char *dn;
	char *login;
	char *name;
	char *email;
	char *department;
	char *team;
	char *manager_login;    /* NULL when none */
	char *employee_no;      /* employeeNumber, "" when absent */
	unsigned roles;         /* enum role bits (core/app.h) */
};

/* Members of the groups that give roles, read once per use. */
struct dir_groups;

/* Reads the member lists of the configured role groups.  Returns 0 and
 * *out (free with dir_groups_free), or TC_EDIR / TC_ENOMEM. */
int dir_groups_load(LDAP *ld, const struct conf *c, struct dir_groups **out);

/* Frees g.  Accepts NULL. */
void dir_groups_free(struct dir_groups *g);

/* Finds the person whose login attribute equals login (the value is
 * escaped for the filter).  Returns 0 and fills *p (free its strings
 * with dir_person_clear), TC_ENOTFOUND when nobody or more than one
 * entry matches, TC_EDIR when the directory fails. */
int dir_person_find(LDAP *ld, const struct conf *c, const char *login,
    struct dir_person *p);

/* Calls fn for every person under the people base.  Stops and returns
 * fn's result when it is not 0.  Returns 0, TC_EDIR or TC_ENOMEM. */
int dir_person_each(LDAP *ld, const struct conf *c,
    int (*fn)(struct dir_person *p, void *arg), void *arg);

/* Sets p->roles from p's department and g's memberships. */
void dir_person_roles(const struct conf *c, const struct dir_groups *g,
    struct dir_person *p);

/* Frees p's strings and zeroes it.  Accepts NULL. */
void dir_person_clear(struct dir_person *p);

/* Inserts or refreshes p's row (active again if it was not), setting
 * synced_at, and last_login_at when signed_in.  *id (when not NULL) gets
 * the row id.  Returns 0 or a tc_err. */
int people_upsert(struct db *d, const struct dir_person *p, bool signed_in,
    int64_t *id);

/* Marks inactive every active person whose id is not among the n ids
 * at seen (the people a sync upserted; sorted in place); *count gets
 * how many.  Returns 0 or a tc_err. */
int people_deactivate_unseen(struct db *d, int64_t *seen, size_t n,
    uint64_t *count);

#endif
