/* harness.c: configuration, connections and unique names for the db
 * suite. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/error.h"
#include "tests/db/harness.h"

struct db *dbt_db;

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
