/* ticheng-admin: administration from the command line (and cron). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin/migrate.h"
#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: ticheng-admin [-c ticheng.conf] COMMAND\n"
	    "commands:\n"
	    "  migrate       apply the SQL migrations not yet applied\n");
}

static int
cmd_migrate(struct conf *c)
{
	struct db *d = NULL;
	char err[1024];
	int rc;

	if ((rc = db_open(c, &d, err, sizeof(err))) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		return EXIT_FAILURE;
	}
	rc = migrate_apply(d, c->sql, stdout, err, sizeof(err));
	db_close(d);
	if (rc != 0) {
		fprintf(stderr, "ticheng-admin: migrate: %s\n", err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

int
main(int argc, char **argv)
{
	const char *path = conf_default_path();
	struct conf *c = NULL;
	char err[1024];
	int opt, status;

	while ((opt = getopt(argc, argv, "c:h")) != -1) {
		switch (opt) {
		case 'c':
			path = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	if (conf_load(path, &c, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		return 2;
	}
	if (strcmp(argv[optind], "migrate") == 0)
		status = cmd_migrate(c);
	else {
		fprintf(stderr, "ticheng-admin: unknown command \"%s\"\n",
		    argv[optind]);
		usage(stderr);
		status = 2;
	}
	conf_free(c);
	return status;
}
