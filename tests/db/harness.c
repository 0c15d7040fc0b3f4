/* harness.c: configuration, connections and unique names for the db
 * suite. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/app.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/strbuf.h"
#include "tests/db/harness.h"

struct db *dbt_db;

enum hstmt { H_PERSON, H_MARKED, H_FORGET, H__MAX };

static const char *const hsql[H__MAX] = {
	[H_PERSON] = "INSERT INTO people (login, dn, name, department, team,"
	    " manager_login, roles) VALUES (?, ?, ?, '', ?, ?, ?)",
	[H_MARKED] = "SELECT COUNT(*) AS n FROM people WHERE dn LIKE"
	    " '%" DBT_PEOPLE_OU "'",
	[H_FORGET] = "INSERT IGNORE INTO dbt_forget_0 (v) SELECT id FROM people"
	    " WHERE dn LIKE '%" DBT_PEOPLE_OU "'",
};

static struct db_table h_db = DB_TABLE("db-harness", hsql);

static struct conf *conf;

static void
conf_release(void)
{
	conf_free(conf);
	conf = NULL;
}

const struct conf *
dbt_conf(void)
{
	const char *path = getenv("TICHENG_CONF");
	char err[1024];

	if (conf != NULL)
		return conf;
	ck_assert_msg(path != NULL && *path != '\0',
	    "TICHENG_CONF is not set: the db suite runs against a stack "
	    "(./dev test starts one)");
	ck_assert_msg(conf_load(path, &conf, err, sizeof(err)) == 0,
	    "TICHENG_CONF=%s: %s", path, err);
	atexit(conf_release);
	return conf;
}

struct db *
dbt_connect(void)
{
	struct db *d = NULL;
	char err[512] = "";
	int rc;

	rc = db_open(dbt_conf(), &d, err, sizeof(err));
	ck_assert_msg(rc == 0, "cannot connect to the stack's database: %s (%s)",
	    err, tc_strerror(rc));
	return d;
}

void
dbt_setup(void)
{
	dbt_db = dbt_connect();
}

void
dbt_teardown(void)
{
	if (dbt_db != NULL)
		dbt_forget_people(dbt_db);
	db_close(dbt_db);
	dbt_db = NULL;
}

char *
dbt_unique(char *buf, size_t len, const char *prefix)
{
	static unsigned n;

	snprintf(buf, len, "%s-%ld-%lld-%u", prefix, (long)getpid(),
	    (long long)time(NULL), n++);
	return buf;
}

void
dbt_sql(struct db *d, const char *sql)
{
	MYSQL *m = db_handle(d);
	MYSQL_RES *res;

	ck_assert_msg(m != NULL, "%s: not connected", sql);
	ck_assert_msg(mysql_query(m, sql) == 0, "%s: %s", sql, mysql_error(m));
	do {
		if ((res = mysql_store_result(m)) != NULL)
			mysql_free_result(res);
	} while (mysql_next_result(m) == 0);
}

int64_t
dbt_insert(struct db *d, struct db_table *t, int idx,
    const struct db_param *p, size_t n)
{
	uint64_t id = 0;

	ck_assert_msg(db_exec(d, t, idx, p, n, NULL, &id) == 0,
	    "%s statement %d failed", t->name, idx);
	return (int64_t)id;
}

int64_t
dbt_int(struct db *d, struct db_table *t, int idx, const struct db_param *p,
    size_t n, const char *col)
{
	struct dbres *res;
	int64_t v;

	ck_assert_msg(db_query(d, t, idx, p, n, &res) == 0,
	    "%s query %d failed", t->name, idx);
	ck_assert_msg(dbres_rows(res) == 1, "%s query %d: %zu rows, not 1",
	    t->name, idx, dbres_rows(res));
	v = dbres_int_col(res, 0, col);
	dbres_free(res);
	return v;
}

bool
dbt_appears(const char *path, long ms)
{
	const struct timespec tick = { 0, 10 * 1000 * 1000 };

	for (long t = 0; t < ms; t += 10) {
		if (access(path, F_OK) == 0)
			return true;
		nanosleep(&tick, NULL);
	}
	return access(path, F_OK) == 0;
}

int
dbt_exit_code(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

unsigned long
dbt_connection_id(struct db *d)
{
	ck_assert_ptr_nonnull(db_handle(d));
	return mysql_thread_id(db_handle(d));
}

int
dbt_service(const char *action, const char *name)
{
	const char *top = getenv("TICHENG_TOP");
	char dev[4096];
	pid_t pid;
	int status, fd;

	ck_assert_msg(top != NULL && *top != '\0',
	    "TICHENG_TOP is not set (./dev test sets it for the db suite)");
	snprintf(dev, sizeof(dev), "%s/dev", top);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		/* Services started here outlive the test: they leave its
		 * process group (which Check kills once the test is over)
		 * and get none of its descriptors (database sockets, Check's
		 * pipes). */
		if (setsid() < 0)
			_exit(127);
		if ((fd = open("dev-service.log", O_WRONLY | O_CREAT |
		    O_APPEND, 0644)) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			_exit(127);
		if ((fd = open("/dev/null", O_RDONLY)) < 0 || dup2(fd, 0) < 0)
			_exit(127);
		closefrom(3);
		execl(dev, dev, "service", action, name, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void
dbt_person(struct db *d, struct person *p, const char *prefix,
    const char *name, const char *team, const char *manager, unsigned roles)
{
	char dn[256], r[16];
	uint64_t id = 0;

	memset(p, 0, sizeof(*p));
	snprintf(p->login, sizeof(p->login), "%s-%s", prefix, name);
	snprintf(p->name, sizeof(p->name), "%s", name);
	snprintf(p->team, sizeof(p->team), "%s", team != NULL ? team : "");
	snprintf(dn, sizeof(dn), "uid=%s" DBT_PEOPLE_OU, p->login);
	snprintf(r, sizeof(r), "%u", roles);
	p->roles = roles;
	ck_assert_msg(db_exec(d, &h_db, H_PERSON, DB_ARGS(P_TEXT(p->login),
	    P_TEXT(dn), P_TEXT(p->name), P_TEXT(p->team),
	    P_TEXT_OR_NULL(manager), P_TEXT(r)), NULL, &id) == 0,
	    "cannot add the person %s", p->login);
	p->id = (int64_t)id;
}

/* A foreign key of the schema: child.column refers to parent.key. */
struct fk {
	char child[65], column[65], parent[65], key[65];
};

static struct fk *
load_fks(MYSQL *m, size_t *n)
{
	MYSQL_RES *res;
	MYSQL_ROW row;
	struct fk *v = NULL;
	size_t cap = 0;

	*n = 0;
	ck_assert_msg(mysql_query(m, "SELECT TABLE_NAME, COLUMN_NAME,"
	    " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
	    " FROM information_schema.KEY_COLUMN_USAGE"
	    " WHERE TABLE_SCHEMA = DATABASE()"
	    " AND REFERENCED_TABLE_NAME IS NOT NULL"
	    " ORDER BY TABLE_NAME, COLUMN_NAME") == 0, "foreign keys: %s",
	    mysql_error(m));
	ck_assert_ptr_nonnull(res = mysql_store_result(m));
	while ((row = mysql_fetch_row(res)) != NULL) {
		ck_assert_int_eq(tc_grow(&v, &cap, *n + 1, 64), 0);
		snprintf(v[*n].child, sizeof(v[*n].child), "%s", row[0]);
		snprintf(v[*n].column, sizeof(v[*n].column), "%s", row[1]);
		snprintf(v[*n].parent, sizeof(v[*n].parent), "%s", row[2]);
		snprintf(v[*n].key, sizeof(v[*n].key), "%s", row[3]);
		(*n)++;
	}
	mysql_free_result(res);
	return v;
}

#define FORGET_DEPTH 16

/* The keys of the rows forgotten at one depth of forget_rows: a
 * temporary table dbt_forget_<depth> (made empty). */
static void
keys_table(struct db *d, int depth, char *name, size_t len)
{
	char sql[160];

	snprintf(name, len, "dbt_forget_%d", depth);
	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE IF NOT EXISTS %s"
	    " (v VARCHAR(255) NOT NULL PRIMARY KEY)", name);
	dbt_sql(d, sql);
	snprintf(sql, sizeof(sql), "DELETE FROM %s", name);
	dbt_sql(d, sql);
}

/* Deletes the rows of table whose column's value is in the keys table
 * of depth, after the rows of every table that refers to them.  The
 * statements are assembled from the schema's names only; the keys of
 * each level are copied into a table of their own first, so that no
 * delete reads the table that a trigger of it writes (order_lines'
 * triggers update orders).  path holds the tables above, which are not
 * descended into again (a table referring to itself, a cycle). */
static void
forget_rows(struct db *d, const struct fk *fks, size_t nfk,
    const char *table, const char *column, const char **path, int depth)
{
	struct strbuf b = STRBUF_INIT;
	char keys[32], below[32], *sql;

	ck_assert_int_lt(depth + 1, FORGET_DEPTH);
	snprintf(keys, sizeof(keys), "dbt_forget_%d", depth);
	path[depth] = table;
	for (size_t i = 0; i < nfk; i++) {
		bool above = false;

		if (strcmp(fks[i].parent, table) != 0)
			continue;
		for (int k = 0; k <= depth; k++)
			above = above || strcmp(path[k], fks[i].child) == 0;
		if (above)
			continue;
		keys_table(d, depth + 1, below, sizeof(below));
		strbuf_add(&b, "INSERT IGNORE INTO ");
		strbuf_add(&b, below);
		strbuf_add(&b, " SELECT `");
		strbuf_add(&b, fks[i].key);
		strbuf_add(&b, "` FROM `");
		strbuf_add(&b, table);
		strbuf_add(&b, "` WHERE `");
		strbuf_add(&b, column);
		strbuf_add(&b, "` IN (SELECT v FROM ");
		strbuf_add(&b, keys);
		strbuf_add(&b, ") AND `");
		strbuf_add(&b, fks[i].key);
		strbuf_add(&b, "` IS NOT NULL");
		ck_assert_ptr_nonnull(sql = strbuf_take(&b));
		dbt_sql(d, sql);
		free(sql);
		forget_rows(d, fks, nfk, fks[i].child, fks[i].column, path,
		    depth + 1);
	}
	strbuf_add(&b, "DELETE FROM `");
	strbuf_add(&b, table);
	strbuf_add(&b, "` WHERE `");
	strbuf_add(&b, column);
	strbuf_add(&b, "` IN (SELECT v FROM ");
	strbuf_add(&b, keys);
	strbuf_add(&b, ")");
	ck_assert_ptr_nonnull(sql = strbuf_take(&b));
	dbt_sql(d, sql);
	free(sql);
}

void
dbt_forget_people(struct db *d)
{
	const char *path[FORGET_DEPTH];
	char keys[32], sql[64];
	struct dbres *res;
	struct fk *fks;
	size_t nfk;
	int64_t n;
	int depth;

	ck_assert_int_eq(db_query(d, &h_db, H_MARKED, DB_NOARGS, &res), 0);
	n = dbres_int_col(res, 0, "n");
	dbres_free(res);
	if (n == 0)
		return;
	keys_table(d, 0, keys, sizeof(keys));
	ck_assert_int_eq(db_exec(d, &h_db, H_FORGET, DB_NOARGS, NULL, NULL), 0);
	fks = load_fks(db_handle(d), &nfk);
	/* Children go first, so the order of the deletes never trips a
	 * key; with the checks off, a row referring to another of the
	 * deleted rows of its own table does not either. */
	dbt_sql(d, "SET SESSION foreign_key_checks = 0");
	forget_rows(d, fks, nfk, "people", "id", path, 0);
	dbt_sql(d, "SET SESSION foreign_key_checks = 1");
	for (depth = 0; depth < FORGET_DEPTH; depth++) {
		snprintf(sql, sizeof(sql), "DROP TEMPORARY TABLE IF EXISTS"
		    " dbt_forget_%d", depth);
		dbt_sql(d, sql);
	}
	free(fks);
}
