/* migrate.c: the migrations of every module, each applied once, in the
 * order of migrate-plan.c, recorded by (module, version). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/migrate-plan.h"
#include "admin/migrate.h"
#include "core/error.h"

#define MIGRATIONS_COLUMNS \
	" module     VARCHAR(32) CHARACTER SET ascii NOT NULL," \
	" version    INT UNSIGNED NOT NULL," \
	" name       VARCHAR(255) NOT NULL," \
	" applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP," \
	" PRIMARY KEY (module, version)" \
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

enum stmt {
	STMT_COLUMN_EXISTS,
	STMT_CREATE,
	STMT_APPLIED,
	STMT_RECORD,
	STMT_LEGACY_ROWS,
	STMT_LEGACY_DROP_LEFTOVERS,
	STMT_LEGACY_CREATE,
	STMT_LEGACY_COPY,
	STMT_LEGACY_SWAP,
	STMT_LEGACY_DROP,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_COLUMN_EXISTS] =
	    "SELECT COUNT(*) AS n FROM information_schema.COLUMNS"
	    " WHERE TABLE_SCHEMA = DATABASE()"
	    " AND TABLE_NAME = 'schema_migrations' AND COLUMN_NAME = ?",
	[STMT_CREATE] =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    MIGRATIONS_COLUMNS,
	[STMT_APPLIED] = "SELECT module, version, name FROM schema_migrations",
	[STMT_RECORD] =
	    "INSERT INTO schema_migrations (module, version, name)"
	    " VALUES (?, ?, ?)",
	[STMT_LEGACY_ROWS] =
	    "SELECT version, name, applied_at FROM schema_migrations"
	    " ORDER BY version",
	[STMT_LEGACY_DROP_LEFTOVERS] =
	    "DROP TABLE IF EXISTS schema_migrations_modules,"
	    " schema_migrations_global",
	[STMT_LEGACY_CREATE] =
	    "CREATE TABLE schema_migrations_modules (" MIGRATIONS_COLUMNS,
	[STMT_LEGACY_COPY] =
	    "INSERT INTO schema_migrations_modules"
	    " (module, version, name, applied_at) VALUES (?, ?, ?, ?)",
	[STMT_LEGACY_SWAP] =
	    "RENAME TABLE schema_migrations TO schema_migrations_global,"
	    " schema_migrations_modules TO schema_migrations",
	[STMT_LEGACY_DROP] = "DROP TABLE schema_migrations_global",
};

static struct db_table migrate_db = DB_TABLE("migrate", stmts);

/* The files of the global numbering (one folder, version 1 to 6, before
 * migrations were kept per module) and where each went.  Version 5 was
 * never released. */
static const struct legacy {
	int version;
	const char *name;
	const char *module;
	int module_version;
	const char *module_name;
} legacy[] = {
	{ 1, "001-people-audit.sql", "core", 1, "001-people-audit.sql" },
	{ 2, "002-sessions.sql", "core", 2, "002-sessions.sql" },
	{ 3, "003-sales.sql", "sales", 1, "001-sales.sql" },
	{ 4, "004-reference-seed.sql", "sales", 2, "002-reference-seed.sql" },
	{ 6, "006-orders-return-lines.sql", "sales", 3,
	    "003-orders-return-lines.sql" },
};

static int
column_exists(struct db *d, const char *column, bool *exists)
{
	struct dbres *r = NULL;
	int rc;

	if ((rc = db_query(d, &migrate_db, STMT_COLUMN_EXISTS,
	    DB_ARGS(P_TEXT(column)), &r)) != 0)
		return rc;
	*exists = dbres_rows(r) == 1 && dbres_int_col(r, 0, "n") > 0;
	dbres_free(r);
	return 0;
}

static const struct legacy *
legacy_find(int version)
{
	for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
		if (legacy[i].version == version)
			return &legacy[i];
	return NULL;
}

/* Rewrites a schema_migrations of the global numbering as one keyed by
 * (module, version): the new table is filled beside the old one and the
 * two are swapped in one RENAME, so that an interruption leaves either
 * the old table or the new one, and a re-run starts over.  A recorded
 * version this program does not know is refused before anything
 * changes. */
static int
legacy_convert(struct db *d, FILE *out, char *err, size_t errlen)
{
	struct dbres *r = NULL;
	size_t n;
	int rc;

	if ((rc = db_query(d, &migrate_db, STMT_LEGACY_ROWS, DB_NOARGS,
	    &r)) != 0) {
		snprintf(err, errlen, "schema_migrations: cannot read the "
		    "versions of the global numbering");
		return rc;
	}
	n = dbres_rows(r);
	for (size_t i = 0; i < n; i++) {
		int version = (int)dbres_int_col(r, i, "version");
		const struct legacy *l = legacy_find(version);

		if (l == NULL ||
		    strcmp(l->name, dbres_text_col(r, i, "name")) != 0) {
			snprintf(err, errlen, "schema_migrations: version %d "
			    "(%s) of the global numbering is not one this "
			    "release knows; nothing was changed", version,
			    dbres_text_col(r, i, "name"));
			rc = TC_EINVAL;
			goto out;
		}
	}
	if ((rc = db_exec(d, &migrate_db, STMT_LEGACY_DROP_LEFTOVERS,
	    DB_NOARGS, NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &migrate_db, STMT_LEGACY_CREATE, DB_NOARGS,
	    NULL, NULL)) != 0)
		goto failed;
	for (size_t i = 0; i < n; i++) {
		const struct legacy *l =
		    legacy_find((int)dbres_int_col(r, i, "version"));

		if ((rc = db_exec(d, &migrate_db, STMT_LEGACY_COPY,
		    DB_ARGS(P_TEXT(l->module), P_INT(l->module_version),
		    P_TEXT(l->module_name),
		    P_TEXT(dbres_text_col(r, i, "applied_at"))),
		    NULL, NULL)) != 0)
			goto failed;
	}
	if ((rc = db_exec(d, &migrate_db, STMT_LEGACY_SWAP, DB_NOARGS,
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(d, &migrate_db, STMT_LEGACY_DROP, DB_NOARGS,
	    NULL, NULL)) != 0)
		goto failed;
	fprintf(out, "schema_migrations: %zu versions of the global "
	    "numbering recorded per module\n", n);
	goto out;
failed:
	snprintf(err, errlen, "schema_migrations: converting the global "
	    "numbering failed; the old table is kept");
out:
	dbres_free(r);
	return rc;
}

/* Makes schema_migrations exist in its (module, version) form. */
static int
table_ready(struct db *d, FILE *out, char *err, size_t errlen)
{
	bool has_version = false, has_module = false;
	int rc;

	if ((rc = column_exists(d, "version", &has_version)) != 0 ||
	    (rc = column_exists(d, "module", &has_module)) != 0) {
		snprintf(err, errlen, "schema_migrations: cannot inspect it");
		return rc;
	}
	if (has_version && !has_module)
		return legacy_convert(d, out, err, errlen);
	if ((rc = db_exec(d, &migrate_db, STMT_CREATE, DB_NOARGS, NULL,
	    NULL)) != 0)
		snprintf(err, errlen, "schema_migrations: cannot create it");
	return rc;
}

/* Marks the migrations of p already recorded.  A number recorded under
 * another file name means the file was renumbered, or two migrations
 * were given one number: refused, since the file would be taken for
 * applied. */
static int
mark_applied(struct db *d, struct migration_plan *p, char *err,
    size_t errlen)
{
	struct dbres *r = NULL;
	int rc;

	if ((rc = db_query(d, &migrate_db, STMT_APPLIED, DB_NOARGS,
	    &r)) != 0) {
		snprintf(err, errlen, "schema_migrations: cannot read it");
		return rc;
	}
	for (size_t i = 0; i < dbres_rows(r) && rc == 0; i++)
		for (size_t k = 0; k < p->n; k++) {
			struct migration *m = &p->m[k];
			const char *module = dbres_text_col(r, i, "module");
			const char *name = dbres_text_col(r, i, "name");

			if (m->version != dbres_int_col(r, i, "version") ||
			    strcmp(m->module, module) != 0)
				continue;
			if (strcmp(m->file, name) != 0) {
				snprintf(err, errlen, "%s: %s %03d was applied "
				    "as %s: a migration keeps its number once "
				    "applied", m->path, m->module, m->version,
				    name);
				rc = TC_EINVAL;
				break;
			}
			m->applied = true;
		}
	dbres_free(r);
	return rc;
}

static int
read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	*out = NULL;
	if (f == NULL)
		return TC_EIO;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		fclose(f);
		return TC_EIO;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = (size_t)n;
	return 0;
}

/* Runs the statements of one trusted migration file; drains every
 * result so the connection is usable afterwards. */
static int
run_script(MYSQL *m, const char *sql, size_t len)
{
	int status;

	if (mysql_real_query(m, sql, len) != 0)
		return TC_EDB;
	do {
		MYSQL_RES *res = mysql_store_result(m);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(m) != 0)
			return TC_EDB;
		if ((status = mysql_next_result(m)) > 0)
			return TC_EDB;
	} while (status == 0);
	return 0;
}

static int
apply_one(struct db *d, const struct migration *mg, FILE *out, char *err,
    size_t errlen)
{
	MYSQL *m = db_handle(d);
	char *sql = NULL;
	size_t len;
	int rc;

	if ((rc = read_file(mg->path, &sql, &len)) != 0) {
		snprintf(err, errlen, "%s: cannot read", mg->path);
		return rc;
	}
	/* Migration files hold several statements; they are trusted files
	 * of the installation, never user input. */
	if (mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_ON)) {
		snprintf(err, errlen, "multi-statements: %s", mysql_error(m));
		free(sql);
		return TC_EDB;
	}
	rc = run_script(m, sql, len);
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", mg->path, mysql_error(m));
	mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	free(sql);
	if (rc == 0 && (rc = db_exec(d, &migrate_db, STMT_RECORD,
	    DB_ARGS(P_TEXT(mg->module), P_INT(mg->version), P_TEXT(mg->file)),
	    NULL, NULL)) != 0)
		snprintf(err, errlen, "%s: applied, but not recorded in "
		    "schema_migrations", mg->path);
	if (rc == 0)
		fprintf(out, "applied %s/%s\n", mg->module, mg->file);
	return rc;
}

int
migrate_apply(struct db *d, const char *dir, FILE *out, char *err,
    size_t errlen)
{
	struct migration_plan *p = NULL;
	int rc;

	if (db_handle(d) == NULL) {
		snprintf(err, errlen, "database unavailable");
		return TC_EDB;
	}
	/* The files are checked (names, requires, cycles) before the
	 * database is touched. */
	if ((rc = migration_plan_load(dir, &p, err, errlen)) != 0 ||
	    (rc = table_ready(d, out, err, errlen)) != 0 ||
	    (rc = mark_applied(d, p, err, errlen)) != 0)
		goto out;
	for (size_t i = 0; i < p->n && rc == 0; i++)
		if (!p->m[i].applied)
			rc = apply_one(d, &p->m[i], out, err, errlen);
out:
	migration_plan_free(p);
	return rc;
}
