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

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <stdint.h>

#include "core/conf.h"
#include "core/db.h"

struct person;

/* The stack's configuration, loaded from $TICHENG_CONF at the first call
 * (owned by the harness, freed at exit).  Aborts the test, naming the
 * cause, when the variable is unset or the file does not load. */
const struct conf *dbt_conf(void);

/* A new connection to the stack's database (free with db_close).  Aborts
 * the test when the server cannot be reached. */
struct db *dbt_connect(void);

/* The connection dbt_setup() opened (NULL outside a fixture). */
extern struct db *dbt_db;

/* A checked fixture: opens dbt_db before each test; after it, forgets
 * the people the test made (dbt_forget_people) and closes dbt_db. */
void dbt_setup(void);
void dbt_teardown(void);

/* The directory branch of the people the suite makes: no real directory
 * has it, so that the harness knows the suite's people by their dn. */
#define DBT_PEOPLE_OU ",ou=db-suite,dc=example,dc=com"

/* Adds a person of the test's cast to people on d: login
 * "<prefix>-<name>", name, department "", team (NULL: ""), manager (a
 * login, or NULL), roles (enum role bits); active, never synced, with a
 * dn in a directory branch of the suite's own (ou=db-suite), which marks
 * the person for dbt_forget_people.  Fills *p (its id included).  Aborts
 * the test when the insert fails. */
void dbt_person(struct db *d, struct person *p, const char *prefix,
    const char *name, const char *team, const char *manager,
    unsigned roles);

/* Deletes, on d, every person dbt_person made (in this test, or in one
 * that failed before its teardown) and, first, every row that refers to
 * them, directly or through other rows (the
 * schema's foreign keys, read from information_schema: an order they
 * created goes with its lines, payments and what refers to those), so
 * that the e2e tests run on the same stack after the db suite find none
 * of the suite's people, customers or orders.  Rows of tables without a
 * foreign key (the audit log) stay.  Aborts the test when a statement
 * fails.  dbt_teardown calls it on dbt_db. */
void dbt_forget_people(struct db *d);

/* Writes "prefix-<pid>-<seconds>-<n>" into buf (n counts calls): a name
 * unique to this run and process.  Returns buf. */
char *dbt_unique(char *buf, size_t len, const char *prefix);

/* Runs sql, fixed text without parameters (setup such as CREATE TEMPORARY
 * TABLE), on d's connection and discards any result.  Aborts the test
 * with the server's message when it fails. */
void dbt_sql(struct db *d, const char *sql);

/* Runs statement idx of t on d with the n parameters p (an INSERT) and
 * returns the new row's id.  Aborts the test, naming the statement, when
 * it fails. */
int64_t dbt_insert(struct db *d, struct db_table *t, int idx,
    const struct db_param *p, size_t n);

/* Runs query idx of t on d and returns the integer in column col of its
 * one row.  Aborts the test when it fails or gives other than one row. */
int64_t dbt_int(struct db *d, struct db_table *t, int idx,
    const struct db_param *p, size_t n, const char *col);

/* Runs "$TICHENG_TOP/dev service ACTION NAME" (stop or start mariadb,
 * slapd, or a program of the stack), its output appended to
 * dev-service.log in the working directory.  Returns its exit status
 * (0: done), or -1 when it could not run. */
int dbt_service(const char *action, const char *name);

/* The race scaffolding of the tests that force a race at a hold point
 * (core/testhook.h): whether the file path appears within ms
 * milliseconds (a held-NAME file: the first racer reached the hold);
 * and the exit status of the forked racer pid, once it has ended (the
 * test fails when it did not exit). */
bool dbt_appears(const char *path, long ms);
int dbt_exit_code(pid_t pid);

/* The server's id of d's connection (CONNECTION_ID()). */
unsigned long dbt_connection_id(struct db *d);

#endif
