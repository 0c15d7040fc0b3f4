/* ticheng-admin: administration from the command line (and cron). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin/demo.h"
#include "admin/migrate.h"
#include "core/conf.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/error.h"
#include "core/people.h"

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: ticheng-admin [-c ticheng.conf] COMMAND\n"
	    "commands:\n"
	    "  migrate       apply the SQL migrations not yet applied\n"
	    "  sync-users    copy every person of the directory into the database;\n"
	    "                people no longer in it are marked inactive\n"
	    "  demo-data     seed the demo company's sales history (once)\n");
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

static int
cmd_demo_data(struct conf *c)
{
	struct db *d = NULL;
	char err[1024];
	int rc;

	if (db_open(c, &d, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		return EXIT_FAILURE;
	}
	rc = demo_data_load(d, stdout, err, sizeof(err));
	db_close(d);
	if (rc != 0) {
		fprintf(stderr, "ticheng-admin: demo-data: %s: %s\n", err,
		    tc_strerror(rc));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

struct sync {
	struct db *db;
	const struct conf *conf;
	struct dir_groups *groups;
	size_t count;
};

static int
sync_one(struct dir_person *p, void *arg)
{
	struct sync *s = arg;

	dir_person_roles(s->conf, s->groups, p);
	s->count++;
	return people_upsert(s->db, p, false, NULL);
}

/* Copies the directory into people in one transaction: a failure half
 * way leaves the table as it was. */
static int
cmd_sync_users(struct conf *c)
{
	struct sync s = { .conf = c };
	struct db *d = NULL;
	LDAP *ld = NULL;
	char err[1024], started[32];
	uint64_t gone = 0;
	int rc;

	if (db_open(c, &d, err, sizeof(err)) != 0 ||
	    dir_open(c, &ld, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		db_close(d);
		return EXIT_FAILURE;
	}
	s.db = d;
	if ((rc = dir_groups_load(ld, c, &s.groups)) != 0 ||
	    (rc = people_db_now(d, started, sizeof(started))) != 0 ||
	    (rc = db_begin(d)) != 0 ||
	    (rc = dir_person_each(ld, c, sync_one, &s)) != 0 ||
	    (rc = people_deactivate_unseen(d, started, &gone)) != 0 ||
	    (rc = db_commit(d)) != 0) {
		if (db_in_transaction(d))
			db_rollback(d);
		fprintf(stderr, "ticheng-admin: sync-users: %s\n",
		    tc_strerror(rc));
	} else
		printf("synced %zu people from the directory, %llu marked "
		    "inactive\n", s.count, (unsigned long long)gone);
	dir_groups_free(s.groups);
	ldap_unbind_ext_s(ld, NULL, NULL);
	db_close(d);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
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
	else if (strcmp(argv[optind], "sync-users") == 0)
		status = cmd_sync_users(c);
	else if (strcmp(argv[optind], "demo-data") == 0)
		status = cmd_demo_data(c);
	else {
		fprintf(stderr, "ticheng-admin: unknown command \"%s\"\n",
		    argv[optind]);
		usage(stderr);
		status = 2;
	}
	conf_free(c);
	return status;
}
