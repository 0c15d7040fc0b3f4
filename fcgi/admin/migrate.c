/* migrate.c: numbered migrations, applied once each, in order. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/migrate.h"
#include "core/error.h"

static const char create_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INT UNSIGNED NOT NULL PRIMARY KEY,"
    " name VARCHAR(255) NOT NULL,"
    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

/* A migration file is named NNN-something.sql. */
static int
migration_version(const char *name)
{
	size_t n = strlen(name);

	if (n < 9 || !isdigit((unsigned char)name[0]) ||
	    !isdigit((unsigned char)name[1]) ||
	    !isdigit((unsigned char)name[2]) || name[3] != '-' ||
	    strcmp(name + n - 4, ".sql") != 0)
		return -1;
	return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_applied(MYSQL *m, int version, int *applied)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	MYSQL_BIND in = { 0 }, out = { 0 };
	static const char q[] =
	    "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
	long long count = 0;
	int rc = TC_EDB;

	if (st == NULL)
		return TC_ENOMEM;
	in.buffer_type = MYSQL_TYPE_LONG;
	in.buffer = &version;
	out.buffer_type = MYSQL_TYPE_LONGLONG;
	out.buffer = &count;
	if (mysql_stmt_prepare(st, q, sizeof(q) - 1) == 0 &&
	    mysql_stmt_bind_param(st, &in) == 0 &&
	    mysql_stmt_execute(st) == 0 &&
	    mysql_stmt_bind_result(st, &out) == 0 &&
	    mysql_stmt_fetch(st) == 0) {
		*applied = count > 0;
		rc = 0;
	}
	mysql_stmt_close(st);
	return rc;
}

static int
record(MYSQL *m, int version, const char *name)
{
	MYSQL_STMT *st = mysql_stmt_init(m);
	MYSQL_BIND in[2];
	unsigned long len = strlen(name);
	static const char q[] =
	    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)";
	int rc = TC_EDB;

	if (st == NULL)
		return TC_ENOMEM;
	memset(in, 0, sizeof(in));
	in[0].buffer_type = MYSQL_TYPE_LONG;
	in[0].buffer = &version;
	in[1].buffer_type = MYSQL_TYPE_STRING;
	in[1].buffer = (char *)name;
	in[1].buffer_length = len;
	in[1].length = &len;
	if (mysql_stmt_prepare(st, q, sizeof(q) - 1) == 0 &&
	    mysql_stmt_bind_param(st, in) == 0 &&
	    mysql_stmt_execute(st) == 0)
		rc = 0;
	mysql_stmt_close(st);
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

int
migrate_apply(struct db *d, const char *dir, FILE *out, char *err,
    size_t errlen)
{
	MYSQL *m = db_handle(d);
	DIR *dp = NULL;
	struct dirent *de;
	char **names = NULL, *sql = NULL, path[4096];
	size_t n = 0, cap = 0, len;
	int rc = 0;

	if (m == NULL) {
		snprintf(err, errlen, "database unavailable");
		return TC_EDB;
	}
	if (mysql_query(m, create_table) != 0) {
		snprintf(err, errlen, "schema_migrations: %s", mysql_error(m));
		return TC_EDB;
	}
	/* Migration files hold several statements; they are trusted files
	 * of the installation, never user input. */
	if (mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_ON)) {
		snprintf(err, errlen, "multi-statements: %s", mysql_error(m));
		return TC_EDB;
	}
	if ((dp = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return TC_EIO;
	}
	while ((de = readdir(dp)) != NULL) {
		if (migration_version(de->d_name) < 0)
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 16) *
			    sizeof(*names));

			if (p == NULL) {
				rc = TC_ENOMEM;
				goto out;
			}
			names = p;
		}
		if ((names[n] = strdup(de->d_name)) == NULL) {
			rc = TC_ENOMEM;
			goto out;
		}
		n++;
	}
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		int version = migration_version(names[i]), applied = 0;

		if (i > 0 && migration_version(names[i - 1]) == version) {
			snprintf(err, errlen, "%s: version %03d used twice",
			    names[i], version);
			rc = TC_EINVAL;
			goto out;
		}
		if ((rc = is_applied(m, version, &applied)) != 0) {
			snprintf(err, errlen, "%s: %s", names[i],
			    mysql_error(m));
			goto out;
		}
		if (applied)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if ((rc = read_file(path, &sql, &len)) != 0) {
			snprintf(err, errlen, "%s: cannot read", path);
			goto out;
		}
		if ((rc = run_script(m, sql, len)) != 0 ||
		    (rc = record(m, version, names[i])) != 0) {
			snprintf(err, errlen, "%s: %s", names[i],
			    mysql_error(m));
			goto out;
		}
		free(sql);
		sql = NULL;
		fprintf(out, "applied %s\n", names[i]);
	}
out:
	mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_OFF);
	free(sql);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (dp != NULL)
		closedir(dp);
	return rc;
}
