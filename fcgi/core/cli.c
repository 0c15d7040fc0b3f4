/* cli.c: what the commands of ticheng-admin share. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/clock.h"
#include "core/log.h"

int
cli_options(int argc, char **argv, const char **conf_path,
    void (*usage)(FILE *))
{
	int opt;

	while ((opt = getopt(argc, argv, "+c:h")) != -1) {
		switch (opt) {
		case 'c':
			*conf_path = optarg;
			break;
		case 'h':
			usage(stdout);
			return CLI_OK;
		default:
			usage(stderr);
			return CLI_USAGE;
		}
	}
	return -1;
}

int
cli_conf_load(const char *prog, const char *path, bool log,
    struct conf **c)
{
	char err[1024];

	if (conf_load(path, c, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", prog, err);
		return CLI_USAGE;
	}
	if (log && log_open((*c)->log) != 0)
		fprintf(stderr, "%s: cannot open log %s: %s\n", prog,
		    (*c)->log, strerror(errno));
	return CLI_OK;
}

int
cli_db_open(const struct conf *c, struct db **d)
{
	char err[1024];

	if (db_open(c, d, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		return CLI_FAILED;
	}
	/* An operator's command (a year's run, an export) is long work by
	 * nature: no page's time limits. */
	db_set_unlimited(*d);
	if (db_ensure(*d) != 0) {
		fprintf(stderr, "ticheng-admin: the database is unavailable\n");
		db_close(*d);
		*d = NULL;
		return CLI_FAILED;
	}
	return CLI_OK;
}

int32_t
cli_today(void)
{
	return tc_today();
}

const struct actor *
cli_actor(void)
{
	static char address[80];
	static struct actor who = { "ticheng-admin", address };
	struct passwd *pw = getpwuid(getuid());

	snprintf(address, sizeof(address), "cli:%s",
	    pw != NULL ? pw->pw_name : "?");
	return &who;
}
