/* harness.h: what the db suite's tests share.
 *
 * The tests in tests/db/ run against the MariaDB of a running stack (the
 * one ./dev test starts), found through $TICHENG_CONF.  Each test creates
 * the rows it needs under names no other test or run uses
 * (dbt_unique()), and never relies on demo data.
 *
 * Check runs every test in its own process: open connections in a
 * checked fixture (dbt_setup/dbt_teardown, or dbt_connect in the test),
 * never before srunner_run_all, so no two processes share a socket. */
#ifndef TC_TESTS_DB_HARNESS_H
#define TC_TESTS_DB_HARNESS_H

#include <stddef.h>

#include "core/conf.h"
#include "core/db.h"

/* The stack's configuration, loaded from $TICHENG_CONF at the first call
 * (owned by the harness, freed at exit).  Aborts the test, naming the
 * cause, when the variable is unset or the file does not load. */
const struct conf *dbt_conf(void);

/* A new connection to the stack's database (free with db_close).  Aborts
 * the test when the server cannot be reached. */
struct db *dbt_connect(void);

/* The connection dbt_setup() opened (NULL outside a fixture). */
extern struct db *dbt_db;

/* A checked fixture: opens dbt_db before each test and closes it after. */
void dbt_setup(void);
void dbt_teardown(void);

/* Writes "prefix-<pid>-<seconds>-<n>" into buf (n counts calls): a name
 * unique to this run and process.  Returns buf. */
char *dbt_unique(char *buf, size_t len, const char *prefix);

/* Runs sql, fixed text without parameters (setup such as CREATE TEMPORARY
 * TABLE), on d's connection and discards any result.  Aborts the test
 * with the server's message when it fails. */
void dbt_sql(struct db *d, const char *sql);

/* Runs "$TICHENG_TOP/dev service ACTION NAME" (stop or start mariadb,
 * slapd, or a program of the stack), its output appended to
 * dev-service.log in the working directory.  Returns its exit status
 * (0: done), or -1 when it could not run. */
int dbt_service(const char *action, const char *name);

/* The server's id of d's connection (CONNECTION_ID()). */
unsigned long dbt_connection_id(struct db *d);

#endif
