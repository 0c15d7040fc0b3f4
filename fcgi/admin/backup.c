/* backup.c: ticheng-admin backup FILE and restore FILE.
 *
 * A backup is mariadb-dump's SQL of the whole database (one consistent
 * snapshot: --single-transaction) after a header of SQL comments that
 * names the schema it was made at, every (module, version) of
 * schema_migrations:
 *
 *     -- ticheng backup, format 1
 *     -- database: ticheng
 *     -- schema: core 1 001-people-audit.sql
 *     -- ...
 *     -- end of header
 *
 * It is written to FILE.part and renamed to FILE only once mariadb-dump
 * has finished, so that a FILE is always whole.
 *
 * A restore refuses a file it cannot trust before it changes anything:
 * not a backup, an unknown format, a migration this ticheng does not
 * have (the file comes from a newer schema), a dump that did not end.
 * It loads the file into a database of its own (NAME_restore), checks
 * that the schema loaded is the one the header names, then swaps every
 * table of the live database for the restored one in a single RENAME
 * TABLE, which MariaDB applies entirely or not at all, and drops the old
 * tables (moved to NAME_old).  A table with triggers cannot move to
 * another database, so that the triggers of both sides are dropped just
 * before the swap and the restored ones created on the live tables just
 * after it (replace_tables).  A failure at any step undoes the steps
 * before it: the live database ends as it was, or as the file.  Not
 * isolated: a write in those milliseconds runs without the triggers, so
 * restore with the programs and the job worker stopped.  The database
 * user needs every privilege on NAME_restore and NAME_old too (README,
 * Deployment).  A file from an older schema is restored as it is:
 * ticheng-admin migrate then brings it up to date.
 *
 * DDL names databases and tables, which no statement parameter can
 * carry: those statements are assembled from the configured database
 * name and the server's own table names, each checked to be a plain
 * identifier first, never from the file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>

#include "admin/backup.h"
#include "admin/migrate-plan.h"
#include "core/db.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/strbuf.h"

#define HEADER_FIRST "-- ticheng backup, format 1"
#define HEADER_DATABASE "-- database: "
#define HEADER_SCHEMA "-- schema: "
#define HEADER_END "-- end of header"
#define DUMP_END "-- Dump completed"

enum stmt {
	STMT_SCHEMA,
	STMT_TABLES,
	STMT_TRIGGERS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_SCHEMA] =
	    "SELECT module, version, name FROM schema_migrations"
	    " ORDER BY module, version",
	[STMT_TABLES] =
	    "SELECT TABLE_NAME FROM information_schema.TABLES"
	    " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'"
	    " ORDER BY TABLE_NAME",
	[STMT_TRIGGERS] =
	    "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
	    " WHERE TRIGGER_SCHEMA = ?"
	    " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
	    " ACTION_ORDER",
};

static struct db_table backup_db = DB_TABLE("backup", stmts);

/* One migration a backup was made at. */
struct schema_row {
	char module[33];
	int version;
	char name[256];
};

struct schema {
	struct schema_row *v;
	size_t n, cap;
};

static void
fail(const char *cmd, const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "ticheng-admin: %s: ", cmd);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
}

/* Whether s is a plain identifier that may stand in DDL between
 * backquotes: [A-Za-z0-9_], 1 to 64 characters. */
static bool
plain_identifier(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == n;
}

static int
schema_add(struct schema *s, const char *module, int version,
    const char *name)
{
	struct schema_row *r;

	if (tc_grow(&s->v, &s->cap, s->n + 1, 32) != 0)
		return TC_ENOMEM;
	r = &s->v[s->n++];
	snprintf(r->module, sizeof(r->module), "%s", module);
	r->version = version;
	snprintf(r->name, sizeof(r->name), "%s", name);
	return 0;
}

/* The schema_migrations of the database d is connected to (sorted by
 * module, version). */
static int
schema_of_db(struct db *d, struct schema *s)
{
	struct dbres *res = NULL;
	int rc;

	if ((rc = db_query(d, &backup_db, STMT_SCHEMA, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res) && rc == 0; i++)
		rc = schema_add(s, dbres_text_col(res, i, "module"),
		    (int)dbres_int_col(res, i, "version"),
		    dbres_text_col(res, i, "name"));
	dbres_free(res);
	return rc;
}

/* Runs PROGRAM (mariadb-dump or mariadb) on the database of c with the
 * arguments extra (NULL-terminated), its standard input from in_fd and
 * output to out_fd (-1: inherited); the password goes in the
 * environment, never on the command line.  Returns 0 when it exited with
 * status 0. */
static int
run_client(const struct conf *c, const char *program, const char *database,
    const char *const *extra, int in_fd, int out_fd)
{
	char socket_arg[4200], host_arg[300], port_arg[32], user_arg[300];
	const char *argv[32];
	size_t n = 0;
	pid_t pid;
	int status;

	argv[n++] = program;
	argv[n++] = "--no-defaults";
	if (c->db_socket != NULL && c->db_socket[0] != '\0') {
		snprintf(socket_arg, sizeof(socket_arg), "--socket=%s",
		    c->db_socket);
		argv[n++] = socket_arg;
	} else {
		snprintf(host_arg, sizeof(host_arg), "--host=%s", c->db_host);
		snprintf(port_arg, sizeof(port_arg), "--port=%d", c->db_port);
		argv[n++] = host_arg;
		argv[n++] = port_arg;
	}
	snprintf(user_arg, sizeof(user_arg), "--user=%s", c->db_user);
	argv[n++] = user_arg;
	argv[n++] = "--default-character-set=utf8mb4";
	for (size_t i = 0; extra[i] != NULL && n < 30; i++)
		argv[n++] = extra[i];
	argv[n++] = database;
	argv[n] = NULL;
	fflush(NULL);
	if ((pid = fork()) < 0)
		return TC_EIO;
	if (pid == 0) {
		if (in_fd >= 0 && dup2(in_fd, STDIN_FILENO) < 0)
			_exit(127);
		if (out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0)
			_exit(127);
		setenv("MYSQL_PWD", c->db_password ? c->db_password : "", 1);
		execvp(program, (char *const *)argv);
		fprintf(stderr, "ticheng-admin: cannot run %s: %s\n", program,
		    strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return TC_EIO;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : TC_EIO;
}

int
cli_backup(struct conf *c, int argc, char **argv)
{
	static const char *const dump_args[] = { "--single-transaction",
	    "--skip-dump-date", "--hex-blob", "--triggers", "--routines",
	    NULL };
	struct schema s = { 0 };
	struct db *d = NULL;
	char part[4200];
	FILE *f = NULL;
	int rc = 0, status = CLI_FAILED, fd;
	time_t now = time(NULL);
	char made[32];

	if (argc != 2) {
		fprintf(stderr, "usage: ticheng-admin backup FILE\n");
		return CLI_USAGE;
	}
	if ((size_t)snprintf(part, sizeof(part), "%s.part", argv[1]) >=
	    sizeof(part)) {
		fail("backup", "%s: name too long%s", argv[1], "");
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	status = CLI_FAILED;
	if ((rc = schema_of_db(d, &s)) != 0 || s.n == 0) {
		fail("backup", "cannot read schema_migrations%s%s",
		    rc != 0 ? ": " : " (no migration applied: run "
		    "ticheng-admin migrate)", rc != 0 ? tc_strerror(rc) : "");
		goto out;
	}
	if ((f = fopen(part, "w")) == NULL) {
		fail("backup", "%s: %s", part, strerror(errno));
		goto out;
	}
	strftime(made, sizeof(made), "%Y-%m-%d %H:%M:%S UTC", gmtime(&now));
	fprintf(f, "%s\n%s%s\n-- made: %s\n", HEADER_FIRST, HEADER_DATABASE,
	    c->db_name, made);
	for (size_t i = 0; i < s.n; i++)
		fprintf(f, "%s%s %d %s\n", HEADER_SCHEMA, s.v[i].module,
		    s.v[i].version, s.v[i].name);
	fprintf(f, "%s\n", HEADER_END);
	if (fflush(f) != 0) {
		fail("backup", "%s: %s", part, strerror(errno));
		goto out;
	}
	fd = fileno(f);
	if (run_client(c, "mariadb-dump", c->db_name, dump_args, -1,
	    fd) != 0) {
		fail("backup", "mariadb-dump failed (its message is above); "
		    "%s removed%s", part, "");
		goto out;
	}
	if (fsync(fd) != 0 || fclose(f) != 0) {
		f = NULL;
		fail("backup", "%s: %s", part, strerror(errno));
		goto out;
	}
	f = NULL;
	if (rename(part, argv[1]) != 0) {
		fail("backup", "%s: %s", argv[1], strerror(errno));
		goto out;
	}
	printf("backed up database %s to %s (schema: %zu migrations)\n",
	    c->db_name, argv[1], s.n);
	status = CLI_OK;
out:
	if (f != NULL)
		fclose(f);
	if (status != CLI_OK)
		unlink(part);
	free(s.v);
	db_close(d);
	return status;
}

/* ------------------------------------------------------------ restore */

/* Reads the header of the backup at path into s and checks that the dump
 * after it ended ("-- Dump completed").  Returns 0, or CLI_USAGE with
 * the reason in why. */
static int
read_header(const char *path, struct schema *s, char *why, size_t whylen)
{
	char line[1024], last[1024] = "";
	bool header = true, ended = false;
	size_t lineno = 0;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(why, whylen, "%s: %s", path, strerror(errno));
		return CLI_USAGE;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		size_t n = strlen(line);
		bool whole = n > 0 && line[n - 1] == '\n';

		lineno++;
		if (whole)
			line[--n] = '\0';
		if (lineno == 1 && strcmp(line, HEADER_FIRST) != 0) {
			if (strncmp(line, "-- ticheng backup, format ", 26) == 0)
				snprintf(why, whylen, "%s is a backup of a "
				    "newer format (\"%s\"): restore it with "
				    "the ticheng that made it", path, line);
			else
				snprintf(why, whylen, "%s is not a ticheng "
				    "backup (made by ticheng-admin backup: its "
				    "first line would be \"%s\")", path,
				    HEADER_FIRST);
			fclose(f);
			return CLI_USAGE;
		}
		if (header && strncmp(line, HEADER_SCHEMA,
		    strlen(HEADER_SCHEMA)) == 0) {
			char module[64], name[256];
			int version;

			if (sscanf(line + strlen(HEADER_SCHEMA),
			    "%63s %d %255s", module, &version, name) != 3 ||
			    !migration_module_name_ok(module) ||
			    schema_add(s, module, version, name) != 0) {
				snprintf(why, whylen, "%s, line %zu: a bad "
				    "schema line", path, lineno);
				fclose(f);
				return CLI_USAGE;
			}
		} else if (header && strcmp(line, HEADER_END) == 0)
			header = false;
		/* A long line (the rows of a table) comes in pieces, the
		 * dump's last line in one. */
		if (n > 0)
			snprintf(last, sizeof(last), "%s", line);
		if (!whole)
			lineno--;
	}
	ended = strncmp(last, DUMP_END, strlen(DUMP_END)) == 0;
	fclose(f);
	if (header || s->n == 0) {
		snprintf(why, whylen, "%s: its header has no schema lines or "
		    "does not end (\"%s\")", path, HEADER_END);
		return CLI_USAGE;
	}
	if (!ended) {
		snprintf(why, whylen, "%s is incomplete: it does not end with "
		    "mariadb-dump's \"%s\" line (a backup cut short?)", path,
		    DUMP_END);
		return CLI_USAGE;
	}
	return 0;
}

/* Refuses a backup whose schema has a migration this ticheng's sql
 * folder does not: it comes from a newer schema. */
static int
check_not_newer(const struct conf *c, const char *path,
    const struct schema *s, char *why, size_t whylen)
{
	struct migration_plan *p = NULL;
	char err[512];
	int rc;

	if ((rc = migration_plan_load(c->sql, &p, err, sizeof(err))) != 0) {
		snprintf(why, whylen, "the migrations of %s: %s", c->sql, err);
		return CLI_FAILED;
	}
	for (size_t i = 0; i < s->n; i++) {
		bool known = false;
		int newest = 0;

		for (size_t j = 0; j < p->n; j++) {
			if (strcmp(p->m[j].module, s->v[i].module) != 0)
				continue;
			if (p->m[j].version > newest)
				newest = p->m[j].version;
			if (p->m[j].version == s->v[i].version)
				known = true;
		}
		if (known)
			continue;
		if (newest == 0)
			snprintf(why, whylen, "%s comes from a newer schema: "
			    "it has module %s (migration %03d %s), which "
			    "this ticheng does not have", path,
			    s->v[i].module, s->v[i].version, s->v[i].name);
		else
			snprintf(why, whylen, "%s comes from a newer schema: "
			    "it has migration %s %03d (%s), and this "
			    "ticheng's newest of %s is %03d; restore it with "
			    "the ticheng that made it, or a newer one",
			    path, s->v[i].module, s->v[i].version,
			    s->v[i].name, s->v[i].module, newest);
		migration_plan_free(p);
		return CLI_USAGE;
	}
	migration_plan_free(p);
	return 0;
}

/* Runs one DDL statement (names only, see the head of this file). */
static int
ddl(struct db *d, const char *sql, char *why, size_t whylen)
{
	MYSQL *m = db_handle(d);

	if (m == NULL || mysql_query(m, sql) != 0) {
		snprintf(why, whylen, "%.60s%s: %s", sql,
		    strlen(sql) > 60 ? "..." : "",
		    m ? mysql_error(m) : "no connection");
		return CLI_FAILED;
	}
	return 0;
}

static int
ddl_db(struct db *d, const char *verb, const char *name, char *why,
    size_t whylen)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "%s `%s`%s", verb, name,
	    strncmp(verb, "CREATE", 6) == 0 ?
	    " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" : "");
	return ddl(d, sql, why, whylen);
}

/* The base tables of database name, into *out (free with dbres_free);
 * each checked to be a plain identifier. */
static int
tables_of(struct db *d, const char *name, struct dbres **out, char *why,
    size_t whylen)
{
	int rc;

	if ((rc = db_query(d, &backup_db, STMT_TABLES,
	    DB_ARGS(P_TEXT(name)), out)) != 0) {
		snprintf(why, whylen, "the tables of %s: %s", name,
		    tc_strerror(rc));
		return CLI_FAILED;
	}
	for (size_t i = 0; i < dbres_rows(*out); i++)
		if (!plain_identifier(dbres_text_col(*out, i, "TABLE_NAME"))) {
			snprintf(why, whylen, "database %s has a table named "
			    "\"%s\", which restore does not move", name,
			    dbres_text_col(*out, i, "TABLE_NAME"));
			dbres_free(*out);
			*out = NULL;
			return CLI_FAILED;
		}
	return 0;
}

/* Whether the schema_migrations of the restored database equal what the
 * header said. */
static int
check_loaded_schema(struct db *d, const char *restore,
    const struct schema *want, char *why, size_t whylen)
{
	char sql[256];
	struct dbres *res = NULL;
	size_t n;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT module, version FROM `%s`."
	    "schema_migrations ORDER BY module, version", restore);
	if ((rc = db_query_text(d, "backup-loaded", sql, DB_NOARGS,
	    &res)) != 0) {
		snprintf(why, whylen, "the restored schema_migrations: %s",
		    tc_strerror(rc));
		return CLI_FAILED;
	}
	n = dbres_rows(res);
	for (size_t i = 0; i < n && i < want->n; i++)
		if (strcmp(dbres_text_col(res, i, "module"), want->v[i].module) != 0 ||
		    dbres_int_col(res, i, "version") != want->v[i].version)
			n = (size_t)-1;
	dbres_free(res);
	if (n != want->n) {
		snprintf(why, whylen, "the file's schema_migrations do not "
		    "match its header: the file was changed after it was "
		    "made");
		return CLI_USAGE;
	}
	return 0;
}

/* One RENAME TABLE: every table of live to database old, every table of
 * restore to live. */
static int
swap(struct db *d, const char *live, const char *restore, const char *old,
    char *why, size_t whylen)
{
	struct dbres *cur = NULL, *neu = NULL;
	struct strbuf sql = STRBUF_INIT;
	char one[300], *text = NULL;
	int status;

	if ((status = tables_of(d, live, &cur, why, whylen)) != 0 ||
	    (status = tables_of(d, restore, &neu, why, whylen)) != 0)
		goto out;
	strbuf_add(&sql, "RENAME TABLE ");
	for (size_t i = 0; i < dbres_rows(cur); i++) {
		const char *t = dbres_text_col(cur, i, "TABLE_NAME");

		snprintf(one, sizeof(one), "%s`%s`.`%s` TO `%s`.`%s`",
		    i ? ", " : "", live, t, old, t);
		strbuf_add(&sql, one);
	}
	for (size_t i = 0; i < dbres_rows(neu); i++) {
		const char *t = dbres_text_col(neu, i, "TABLE_NAME");

		snprintf(one, sizeof(one), "%s`%s`.`%s` TO `%s`.`%s`",
		    i || dbres_rows(cur) ? ", " : "", restore, t, live, t);
		strbuf_add(&sql, one);
	}
	if ((text = strbuf_take(&sql)) == NULL) {
		snprintf(why, whylen, "%s", tc_strerror(TC_ENOMEM));
		status = CLI_FAILED;
		goto out;
	}
	/* Waits for the requests using the tables, not forever. */
	if ((status = ddl(d, "SET SESSION lock_wait_timeout = 60", why,
	    whylen)) == 0)
		status = ddl(d, text, why, whylen);
out:
	free(text);
	strbuf_free(&sql);
	dbres_free(cur);
	dbres_free(neu);
	return status;
}

/* The triggers of a database, as SHOW CREATE TRIGGER gives them: a table
 * with triggers cannot move to another database (MariaDB: "Trigger in
 * wrong schema"), so that the swap drops them and creates them again. */
struct trigger {
	char name[65];
	char *mode;             /* its sql_mode */
	char *sql;              /* CREATE ... TRIGGER, table unqualified */
};

struct triggers {
	struct trigger *v;
	size_t n, cap;
};

static void
triggers_free(struct triggers *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].mode);
		free(t->v[i].sql);
	}
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

static int
triggers_of(struct db *d, const char *schema, struct triggers *t, char *why,
    size_t whylen)
{
	struct dbres *res = NULL;
	MYSQL *m = db_handle(d);
	int rc;

	if ((rc = db_query(d, &backup_db, STMT_TRIGGERS,
	    DB_ARGS(P_TEXT(schema)), &res)) != 0) {
		snprintf(why, whylen, "the triggers of %s: %s", schema,
		    tc_strerror(rc));
		return CLI_FAILED;
	}
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *name = dbres_text_col(res, i, "TRIGGER_NAME");
		char sql[256];
		MYSQL_RES *r;
		MYSQL_ROW row;
		struct trigger *g;

		if (!plain_identifier(name) ||
		    tc_grow(&t->v, &t->cap, t->n + 1, 16) != 0) {
			snprintf(why, whylen, "trigger \"%s\" of %s: not a "
			    "plain name, or out of memory", name, schema);
			dbres_free(res);
			return CLI_FAILED;
		}
		snprintf(sql, sizeof(sql), "SHOW CREATE TRIGGER `%s`.`%s`",
		    schema, name);
		if ((rc = ddl(d, sql, why, whylen)) != 0) {
			dbres_free(res);
			return rc;
		}
		if ((r = mysql_store_result(m)) == NULL ||
		    (row = mysql_fetch_row(r)) == NULL || row[1] == NULL ||
		    row[2] == NULL) {
			if (r != NULL)
				mysql_free_result(r);
			snprintf(why, whylen, "%s: no definition", sql);
			dbres_free(res);
			return CLI_FAILED;
		}
		g = &t->v[t->n++];
		snprintf(g->name, sizeof(g->name), "%s", name);
		g->mode = strdup(row[1]);
		g->sql = strdup(row[2]);
		mysql_free_result(r);
		if (g->mode == NULL || g->sql == NULL) {
			snprintf(why, whylen, "%s", tc_strerror(TC_ENOMEM));
			dbres_free(res);
			return CLI_FAILED;
		}
	}
	dbres_free(res);
	return 0;
}

static int
triggers_drop(struct db *d, const char *schema, const struct triggers *t,
    char *why, size_t whylen)
{
	char sql[256];
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		snprintf(sql, sizeof(sql), "DROP TRIGGER IF EXISTS `%s`.`%s`",
		    schema, t->v[i].name);
		if ((rc = ddl(d, sql, why, whylen)) != 0)
			return rc;
	}
	return 0;
}

/* Creates the triggers t on the tables of the connection's own database
 * (the live one), each under its own sql_mode. */
static int
triggers_create(struct db *d, const struct triggers *t, char *why,
    size_t whylen)
{
	char mode[1024];
	int rc;

	for (size_t i = 0; i < t->n; i++) {
		if (strspn(t->v[i].mode, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_,") !=
		    strlen(t->v[i].mode)) {
			snprintf(why, whylen, "trigger %s: sql_mode \"%s\"",
			    t->v[i].name, t->v[i].mode);
			return CLI_FAILED;
		}
		snprintf(mode, sizeof(mode), "SET SESSION sql_mode = '%s'",
		    t->v[i].mode);
		if ((rc = ddl(d, mode, why, whylen)) != 0 ||
		    (rc = ddl(d, t->v[i].sql, why, whylen)) != 0)
			return rc;
	}
	return 0;
}

/* Replaces the tables of live by those of restore: their triggers out of
 * the way, one RENAME TABLE (live's to old, restore's to live), the
 * restored triggers created on live.  A step that fails undoes the
 * steps before it, so that live ends as it began. */
static int
replace_tables(struct db *d, const char *live, const char *restore,
    const char *old, char *why, size_t whylen)
{
	struct triggers was = { 0 }, neu = { 0 };
	char undo[512];
	int status;

	if ((status = triggers_of(d, live, &was, why, whylen)) != 0 ||
	    (status = triggers_of(d, restore, &neu, why, whylen)) != 0 ||
	    (status = triggers_drop(d, restore, &neu, why, whylen)) != 0)
		goto out;
	if ((status = triggers_drop(d, live, &was, why, whylen)) != 0 ||
	    (status = swap(d, live, restore, old, why, whylen)) != 0) {
		triggers_create(d, &was, undo, sizeof(undo));
		goto out;
	}
	if ((status = triggers_create(d, &neu, why, whylen)) != 0) {
		triggers_drop(d, live, &neu, undo, sizeof(undo));
		if (swap(d, live, old, restore, undo, sizeof(undo)) == 0)
			triggers_create(d, &was, undo, sizeof(undo));
		goto out;
	}
	printf("replaced the tables of %s (%zu triggers)\n", live, neu.n);
out:
	triggers_free(&was);
	triggers_free(&neu);
	return status;
}

int
cli_restore(struct conf *c, int argc, char **argv)
{
	static const char *const load_args[] = { "--batch", NULL };
	char restore[80], old[80], why[1024] = "", ignored[256];
	struct schema s = { 0 };
	struct db *d = NULL;
	int status, fd = -1;
	bool made = false;

	if (argc != 2) {
		fprintf(stderr, "usage: ticheng-admin restore FILE\n");
		return CLI_USAGE;
	}
	if (!plain_identifier(c->db_name) || strlen(c->db_name) > 56) {
		fail("restore", "[database] name \"%s\" is not a plain name "
		    "(letters, digits, _; at most 56)%s", c->db_name, "");
		return CLI_USAGE;
	}
	snprintf(restore, sizeof(restore), "%s_restore", c->db_name);
	snprintf(old, sizeof(old), "%s_old", c->db_name);
	if ((status = read_header(argv[1], &s, why, sizeof(why))) != 0 ||
	    (status = check_not_newer(c, argv[1], &s, why, sizeof(why))) != 0)
		goto out;
	if ((fd = open(argv[1], O_RDONLY)) < 0) {
		snprintf(why, sizeof(why), "%s: %s", argv[1], strerror(errno));
		status = CLI_USAGE;
		goto out;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		goto out;
	if ((status = ddl_db(d, "DROP DATABASE IF EXISTS", restore, why,
	    sizeof(why))) != 0 ||
	    (status = ddl_db(d, "CREATE DATABASE", restore, why,
	    sizeof(why))) != 0)
		goto out;
	made = true;
	if (run_client(c, "mariadb", restore, load_args, fd, -1) != 0) {
		snprintf(why, sizeof(why), "loading %s into %s failed (the "
		    "client's message is above)", argv[1], restore);
		status = CLI_FAILED;
		goto out;
	}
	if ((status = check_loaded_schema(d, restore, &s, why,
	    sizeof(why))) != 0 ||
	    (status = ddl_db(d, "DROP DATABASE IF EXISTS", old, why,
	    sizeof(why))) != 0 ||
	    (status = ddl_db(d, "CREATE DATABASE", old, why,
	    sizeof(why))) != 0 ||
	    (status = replace_tables(d, c->db_name, restore, old, why,
	    sizeof(why))) != 0)
		goto out;
	if (ddl_db(d, "DROP DATABASE", old, why, sizeof(why)) != 0)
		fprintf(stderr, "ticheng-admin: restore: the old tables stay "
		    "in %s: %s\n", old, why);
	printf("restored %s into database %s (schema: %zu migrations); "
	    "run ticheng-admin migrate if this ticheng is newer\n", argv[1],
	    c->db_name, s.n);
	why[0] = '\0';
out:
	/* Empty after a swap; what a failed load left, else. */
	if (made)
		ddl_db(d, "DROP DATABASE IF EXISTS", restore, ignored,
		    sizeof(ignored));
	if (status != CLI_OK)
		fprintf(stderr, "ticheng-admin: restore: %s; the database "
		    "was not changed\n", why);
	if (fd >= 0)
		close(fd);
	free(s.v);
	db_close(d);
	return status;
}
