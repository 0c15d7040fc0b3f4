/* ticheng-admin: administration from the command line (and cron). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin/backup.h"
#include "admin/cli.h"
#include "admin/demo.h"
#include "admin/migrate.h"
#include "admin/routes.h"
#include "core/clock.h"
#include "core/conf.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/module.h"
#include "core/people.h"

static int cmd_migrate(struct conf *c, int argc, char **argv);
static int cmd_sync_users(struct conf *c, int argc, char **argv);
static int cmd_workers(struct conf *c, int argc, char **argv);

static const struct cli_command commands[] = {
	{ "migrate", "", "apply the SQL migrations not yet applied",
	    cmd_migrate },
	{ "sync-users", "", "copy every person of the directory into the "
	    "database;\n    people no longer in it are marked inactive",
	    cmd_sync_users },
	{ "demo-data", "[MODULE] [--scale N]", "seed the demo data of every "
	    "module, or of one (once each);\n    --scale N: then bulk-copy it "
	    "to N times the demo company (benchmarks)", demo_data_command },
	{ "periods", "", "list the commission periods and their state",
	    cli_periods },
	{ "reopen-period", "PERIOD REASON", "reopen the latest closed "
	    "period, saying why", cli_reopen_period },
	{ "workers", "PROGRAM", "the number of worker processes PROGRAM runs "
	    "with ([fastcgi] workers)", cmd_workers },
	{ "backup", "FILE", "write the whole database to FILE (mariadb-dump, "
	    "one snapshot,\n    with the schema's migrations in its header)",
	    cli_backup },
	{ "restore", "FILE", "replace the whole database by the backup FILE, "
	    "all at once;\n    a file from a newer schema is refused",
	    cli_restore },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
usage(FILE *f)
{
	fprintf(f, "usage: ticheng-admin [-c ticheng.conf] COMMAND [ARGS]\n"
	    "commands:\n"
	    "  modules\n    list the modules of this build: name, URL prefix "
	    "(- for none),\n    required modules (- for none); needs no "
	    "configuration\n"
	    "  routes [--json]\n    list every route of every program: "
	    "program, method, pattern, roles,\n    ids, id kinds, whether it "
	    "changes state, type; needs no configuration\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %s%s%s\n    %s\n", commands[i].name,
		    commands[i].args[0] ? " " : "", commands[i].args,
		    commands[i].help);
	for (size_t m = 0; module_code_registry[m] != NULL; m++) {
		const struct module_command *k =
		    module_code_registry[m]->commands;

		for (; k != NULL && k->name != NULL; k++)
			fprintf(f, "  %s%s%s\n    %s (module %s)\n", k->name,
			    k->args[0] ? " " : "", k->args, k->help,
			    module_code_registry[m]->module->name);
	}
}

/* The command named name: one of ticheng-admin's own, else one a module
 * registered (module-code.c), else NULL. */
static cli_fn
command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].fn;
	for (size_t m = 0; module_code_registry[m] != NULL; m++) {
		const struct module_command *k =
		    module_code_registry[m]->commands;

		for (; k != NULL && k->name != NULL; k++)
			if (strcmp(k->name, name) == 0)
				return k->fn;
	}
	return NULL;
}

/* Refuses extra arguments to a command that takes none. */
static int
no_args(int argc, char **argv)
{
	if (argc == 1)
		return 0;
	fprintf(stderr, "ticheng-admin: %s takes no arguments\n", argv[0]);
	usage(stderr);
	return CLI_USAGE;
}

/* Lists the modules in dependency order, one a line, for ./dev (which
 * programs to start, which nginx locations to write) and for people. */
static int
cmd_modules(void)
{
	const struct module *order[MODULE_MAX];
	char err[256];
	size_t n;

	if (module_order(module_registry, order, &n, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: modules: %s\n", err);
		return CLI_FAILED;
	}
	for (size_t i = 0; i < n; i++) {
		const struct module *m = order[i];

		printf("%s %s ", m->name, m->prefix ? m->prefix : "-");
		for (size_t r = 0; m->requires != NULL && m->requires[r]; r++)
			printf("%s%s", r ? "," : "", m->requires[r]);
		printf("%s\n", m->requires == NULL || m->requires[0] == NULL ?
		    "-" : "");
	}
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAILED;
}

static int
cmd_migrate(struct conf *c, int argc, char **argv)
{
	struct db *d = NULL;
	char err[1024];
	int rc;

	if ((rc = no_args(argc, argv)) != 0)
		return rc;
	if ((rc = db_open(c, &d, err, sizeof(err))) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		return EXIT_FAILURE;
	}
	/* A migration over big tables (a rollup of a million lines) takes
	 * longer than a page's statement may. */
	db_set_unlimited(d);
	if (db_ensure(d) != 0) {
		fprintf(stderr, "ticheng-admin: migrate: the database is "
		    "unavailable\n");
		db_close(d);
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

struct sync {
	struct db *db;
	const struct conf *conf;
	struct dir_groups *groups;
	size_t count;
	int64_t *seen;		/* the ids upserted, count of them */
	size_t cap;
};

static int
sync_one(struct dir_person *p, void *arg)
{
	struct sync *s = arg;

	int rc;

	dir_person_roles(s->conf, s->groups, p);
	if (tc_grow(&s->seen, &s->cap, s->count + 1, 256) != 0)
		return TC_ENOMEM;
	if ((rc = people_upsert(s->db, p, false, &s->seen[s->count])) == 0)
		s->count++;
	return rc;
}

/* Prints how many workers a program runs with, for whatever starts them
 * (./dev, the systemd unit). */
static int
cmd_workers(struct conf *c, int argc, char **argv)
{
	int n;

	if (argc != 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if ((n = conf_workers(c, argv[1])) < 0) {
		fprintf(stderr, "ticheng-admin: [fastcgi] workers_by_program: "
		    "\"%s\" is not a list of program=count (1 to 256)\n",
		    c->workers_by_program);
		return CLI_USAGE;
	}
	printf("%d\n", n);
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAILED;
}

/* Copies the directory into people in one transaction: a failure half
 * way leaves the table as it was. */
static int
cmd_sync_users(struct conf *c, int argc, char **argv)
{
	struct sync s = { .conf = c };
	struct db *d = NULL;
	LDAP *ld = NULL;
	char err[1024];
	uint64_t gone = 0;
	int rc;

	if ((rc = no_args(argc, argv)) != 0)
		return rc;
	if (db_open(c, &d, err, sizeof(err)) != 0 ||
	    dir_open(c, &ld, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: %s\n", err);
		db_close(d);
		return EXIT_FAILURE;
	}
	s.db = d;
	if ((rc = dir_groups_load(ld, c, &s.groups)) != 0 ||
	    (rc = db_begin(d)) != 0 ||
	    (rc = dir_person_each(ld, c, sync_one, &s)) != 0 ||
	    (rc = people_deactivate_unseen(d, s.seen, s.count, &gone)) != 0 ||
	    (rc = db_commit(d)) != 0) {
		if (db_in_transaction(d))
			db_rollback(d);
		fprintf(stderr, "ticheng-admin: sync-users: %s\n",
		    tc_strerror(rc));
	} else
		printf("synced %zu people from the directory, %llu marked "
		    "inactive\n", s.count, (unsigned long long)gone);
	dir_groups_free(s.groups);
	free(s.seen);
	ldap_unbind_ext_s(ld, NULL, NULL);
	db_close(d);
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

int
main(int argc, char **argv)
{
	const char *path = conf_default_path();
	struct conf *c = NULL;
	cli_fn fn;
	int status;

	/* Options before the command only: the command's own arguments
	 * may start with '-' (a reason, a file name). */
	if ((status = cli_options(argc, argv, &path, usage)) >= 0)
		return status;
	if (optind >= argc) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[optind], "modules") == 0)
		return optind == argc - 1 ? cmd_modules() : CLI_USAGE;
	if (strcmp(argv[optind], "routes") == 0) {
		bool json = optind == argc - 2 &&
		    strcmp(argv[optind + 1], "--json") == 0;

		if (optind != argc - 1 && !json) {
			usage(stderr);
			return CLI_USAGE;
		}
		return routes_dump(stdout, json) == 0 ? CLI_OK : CLI_FAILED;
	}
	if ((fn = command_find(argv[optind])) == NULL) {
		fprintf(stderr, "ticheng-admin: unknown command \"%s\"\n",
		    argv[optind]);
		usage(stderr);
		return CLI_USAGE;
	}
	if ((status = cli_conf_load("ticheng-admin", path, false, &c)) != 0)
		return status;
	status = fn(c, argc - optind, argv + optind);
	conf_free(c);
	return status;
}
