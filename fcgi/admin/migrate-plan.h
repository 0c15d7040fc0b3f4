/* migrate-plan.h: finding the migrations of every module under sql/ and
 * putting them in the order they must run.
 *
 * Layout: DIR/MODULE/NNN-name.sql, numbered per module (001, 002, ...).
 * A migration's leading comment lines may say
 *
 *     -- requires: sales, commission
 *
 * meaning that every migration of those modules runs before it.  Within
 * a module, migrations run in the order of their numbers.  The order is
 * otherwise by module name, then number, so that it is the same on every
 * machine.  Pure: reads files, never the database. */
#ifndef TC_ADMIN_MIGRATE_PLAN_H
#define TC_ADMIN_MIGRATE_PLAN_H

#include <stdbool.h>
#include <stddef.h>

struct migration {
	char *module;           /* the folder: "sales" */
	int version;            /* NNN of the file name */
	char *file;             /* "001-sales.sql" */
	char *path;             /* DIR/sales/001-sales.sql */
	char **requires;        /* modules named by "-- requires:" */
	size_t nrequires;
	bool applied;           /* for the caller: recorded in the database */
};

struct migration_plan {
	struct migration *m;    /* in the order they must be applied */
	size_t n;
};

/* Reads every module folder of dir and orders its migrations.  Returns 0
 * and sets *out (free with migration_plan_free), or TC_EINVAL with a
 * message naming the file in err: a file outside a module's folder, a
 * badly named file, a number used twice, a malformed "requires" line, an
 * unknown or own module required, a dependency cycle (the message gives
 * the cycle).  TC_EIO when a folder or file cannot be read, TC_ENOMEM.
 * *out is NULL on failure. */
int migration_plan_load(const char *dir, struct migration_plan **out,
    char *err, size_t errlen);

/* Frees p and every migration in it.  Accepts NULL. */
void migration_plan_free(struct migration_plan *p);

/* Whether name is a valid module name: [a-z][a-z0-9_]*, at most 32
 * characters. */
bool migration_module_name_ok(const char *name);

#endif
