/* demo.c: ticheng-admin demo-data: each module's demo seeder, in
 * dependency order, each once, each with its own marker. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/cli.h"
#include "admin/demo.h"
#include "core/error.h"
#include "core/module.h"

enum stmt { STMT_MARKER, STMT_MARK, STMT__MAX };

static const char *const stmts[STMT__MAX] = {
	[STMT_MARKER] = "SELECT seeded_on FROM demo_data WHERE module = ?",
	[STMT_MARK] = "INSERT INTO demo_data (module, seeded_on) VALUES (?, ?)",
};

static struct db_table demo_db = DB_TABLE("demo", stmts);

static const struct module_code *
code_of(const struct module *m)
{
	for (size_t i = 0; module_code_registry[i] != NULL; i++)
		if (module_code_registry[i]->module == m)
			return module_code_registry[i];
	return NULL;
}

/* Sets on (size 11) to the day module m was seeded, "" when never. */
static int
seeded_on(struct db *d, const struct module *m, char *on)
{
	struct dbres *r = NULL;
	int rc;

	on[0] = '\0';
	if ((rc = db_query(d, &demo_db, STMT_MARKER,
	    DB_ARGS(P_TEXT(m->name)), &r)) != 0)
		return rc;
	if (dbres_rows(r) > 0)
		snprintf(on, 11, "%s", dbres_text(r, 0, 0));
	dbres_free(r);
	return 0;
}

/* Seeds module m in one transaction with its marker.  The marker goes
 * first: a second run at the same time waits on its key, then finds it
 * taken. */
static int
seed_one(struct db *d, struct conf *c, const struct module_code *code)
{
	const struct module *m = code->module;
	char err[1024] = "", day[32], *said = NULL;
	size_t saidlen = 0;
	struct module_seed s = { .db = d, .conf = c, .actor = cli_actor(),
	    .today = cli_today(), .err = err, .errlen = sizeof(err) };
	int rc;

	/* What the seeder says is printed once its data is committed. */
	if ((s.out = open_memstream(&said, &saidlen)) == NULL)
		return TC_ENOMEM;
	snprintf(day, sizeof(day), "%04d-%02d-%02d", (int)(s.today / 10000),
	    (int)(s.today / 100 % 100), (int)(s.today % 100));
	if ((rc = db_begin(d)) != 0)
		goto out;
	if ((rc = db_exec(d, &demo_db, STMT_MARK, DB_ARGS(P_TEXT(m->name),
	    P_TEXT(day)), NULL, NULL)) != 0) {
		if (rc == TC_ECONFLICT)
			snprintf(err, sizeof(err), "seeded meanwhile by "
			    "another run");
		goto out;
	}
	if ((rc = code->seed(&s)) != 0)
		goto out;
	rc = db_commit(d);
out:
	if (db_in_transaction(d))
		db_rollback(d);
	fclose(s.out);
	if (rc == 0)
		printf("demo data of %s: %s", m->name, said != NULL &&
		    saidlen > 0 ? said : "seeded\n");
	free(said);
	if (rc != 0)
		fprintf(stderr, "ticheng-admin: demo-data: %s: %s%s%s\n",
		    m->name, err, err[0] ? ": " : "", tc_strerror(rc));
	return rc;
}

/* Refuses to seed m alone while a module it requires has a seeder that
 * has not run: its data would lack what it builds on. */
static int
requirements_seeded(struct db *d, const struct module *m)
{
	char on[11];
	int rc;

	for (size_t i = 0; module_code_registry[i] != NULL; i++) {
		const struct module_code *need = module_code_registry[i];

		if (need->seed == NULL ||
		    !module_requires(module_registry, m, need->module->name))
			continue;
		if ((rc = seeded_on(d, need->module, on)) != 0)
			return rc;
		if (on[0] == '\0') {
			fprintf(stderr, "ticheng-admin: demo-data: %s requires "
			    "the demo data of %s: run ticheng-admin demo-data "
			    "%s first\n", m->name, need->module->name,
			    need->module->name);
			return TC_EINVAL;
		}
	}
	return 0;
}

/* Brings every seeded module that scales to factor times its demo data
 * (module_scale_fn), in dependency order. */
static int
scale_all(struct db *d, struct conf *c, const struct module **order,
    size_t n, const struct module *wanted, int factor)
{
	char err[1024], on[11], *said = NULL;
	size_t saidlen = 0;
	int rc = 0;

	/* Bulk copies may run longer than a page's statement may. */
	db_set_unlimited(d);
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct module_code *code = code_of(order[i]);
		struct module_seed s = { .db = d, .conf = c,
		    .actor = cli_actor(), .today = cli_today(), .err = err,
		    .errlen = sizeof(err) };

		if (code == NULL || code->scale == NULL ||
		    (wanted != NULL && order[i] != wanted))
			continue;
		if ((rc = seeded_on(d, order[i], on)) != 0 || on[0] == '\0')
			continue;
		err[0] = '\0';
		if ((s.out = open_memstream(&said, &saidlen)) == NULL)
			return TC_ENOMEM;
		rc = code->scale(&s, factor);
		fclose(s.out);
		if (rc == 0)
			printf("demo data of %s: %s", order[i]->name,
			    said != NULL && saidlen > 0 ? said : "scaled\n");
		else
			fprintf(stderr, "ticheng-admin: demo-data --scale: "
			    "%s: %s%s%s\n", order[i]->name, err,
			    err[0] ? ": " : "", tc_strerror(rc));
		free(said);
		said = NULL;
	}
	return rc;
}

int
demo_data_command(struct conf *c, int argc, char **argv)
{
	const struct module *order[MODULE_MAX];
	const char *only = NULL;
	const struct module *wanted = NULL;
	struct db *d = NULL;
	char err[256], on[11];
	size_t n;
	int rc = 0, status, factor = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc &&
		    factor == 0) {
			char *end;
			long v = strtol(argv[++i], &end, 10);

			if (*end != '\0' || v < 1 || v > 1000) {
				fprintf(stderr, "ticheng-admin: demo-data: "
				    "--scale: \"%s\" is not a number from 1 "
				    "to 1000\n", argv[i]);
				return CLI_USAGE;
			}
			factor = (int)v;
		} else if (argv[i][0] != '-' && only == NULL)
			only = argv[i];
		else {
			fprintf(stderr, "usage: ticheng-admin demo-data "
			    "[MODULE] [--scale N]\n");
			return CLI_USAGE;
		}
	}
	if (only != NULL) {
		const struct module_code *code;

		if ((wanted = module_find(module_registry, only)) == NULL) {
			fprintf(stderr, "ticheng-admin: demo-data: no module "
			    "\"%s\" in this build (ticheng-admin modules)\n",
			    only);
			return CLI_USAGE;
		}
		if ((code = code_of(wanted)) == NULL || code->seed == NULL) {
			fprintf(stderr, "ticheng-admin: demo-data: module %s "
			    "has no demo data\n", only);
			return CLI_USAGE;
		}
	}
	if (module_order(module_registry, order, &n, err, sizeof(err)) != 0) {
		fprintf(stderr, "ticheng-admin: demo-data: %s\n", err);
		return CLI_FAILED;
	}
	if ((status = cli_db_open(c, &d)) != CLI_OK)
		return status;
	if (wanted != NULL && (rc = requirements_seeded(d, wanted)) != 0) {
		db_close(d);
		return rc == TC_EINVAL ? CLI_USAGE : CLI_FAILED;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct module_code *code = code_of(order[i]);

		if (code == NULL || code->seed == NULL ||
		    (wanted != NULL && order[i] != wanted))
			continue;
		if ((rc = seeded_on(d, order[i], on)) != 0) {
			fprintf(stderr, "ticheng-admin: demo-data: %s: cannot "
			    "read its marker: %s\n", order[i]->name,
			    tc_strerror(rc));
			break;
		}
		if (on[0] != '\0')
			printf("demo data of %s: seeded on %s, nothing to do\n",
			    order[i]->name, on);
		else
			rc = seed_one(d, c, code);
	}
	if (rc == 0 && factor > 0)
		rc = scale_all(d, c, order, n, wanted, factor);
	db_close(d);
	return rc == 0 ? CLI_OK : CLI_FAILED;
}
