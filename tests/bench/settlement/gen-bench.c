/* gen-bench: how long generating a period's statements takes
 * (settlement_generate, as finance's button runs it: one transaction),
 * over the database the configuration names.  For each label given, in
 * order: generates it once and prints the wall time, what was made,
 * made again and kept; then, for the last label, generates it again (every
 * draft made again, revision + 1) and prints that too.  Not a test: it
 * prints figures and fails only when it cannot run.
 *
 *   gen-bench CONF PREPARER_LOGIN LABEL... */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"
#include "settlement/settlement.h"
#include "tests/bench/bench.h"

#define SECRET "gen-bench-secret-0123456789abcdef"

/* Generates label as a; prints one line; returns the wall time in ms. */
static double
generate(const struct wf_actor *a, const char *label, const char *what)
{
	struct settlement_gen g;
	double t0 = bench_now_ms(), ms;
	int rc;

	if ((rc = settlement_generate(a, SECRET, label, &g)) != 0) {
		fprintf(stderr, "gen-bench: %s: %s %s\n", label, tc_strerror(rc),
		    g.err);
		exit(1);
	}
	ms = bench_now_ms() - t0;
	printf("  %s %s: %.0f ms (%d made, %d made again, %d kept)\n", what,
	    label, ms, g.made, g.replaced, g.kept);
	return ms;
}

int
main(int argc, char **argv)
{
	static const char *const q[] = {
		"SELECT id, roles FROM people WHERE login = ?",
	};
	static struct db_table t = DB_TABLE("gen-bench", q);
	struct conf *c = NULL;
	struct db *db = NULL;
	struct dbres *res = NULL;
	struct person who;
	struct wf_actor a;
	char err[256];
	int rc;

	if (argc < 4) {
		fprintf(stderr, "usage: gen-bench CONF PREPARER_LOGIN LABEL...\n");
		return 2;
	}
	if (conf_load(argv[1], &c, err, sizeof(err)) != 0 ||
	    db_open(c, &db, err, sizeof(err)) != 0) {
		fprintf(stderr, "gen-bench: %s\n", err);
		return 1;
	}
	/* as a command-line tool: no per-read timeout of a page */
	db_set_unlimited(db);
	if ((rc = db_query(db, &t, 0, DB_ARGS(P_TEXT(argv[2])), &res)) != 0 ||
	    dbres_rows(res) != 1) {
		fprintf(stderr, "gen-bench: no person %s\n", argv[2]);
		return 1;
	}
	memset(&who, 0, sizeof(who));
	who.id = dbres_int(res, 0, 0);
	who.roles = ROLE_FINANCE;
	snprintf(who.login, sizeof(who.login), "%s", argv[2]);
	dbres_free(res);
	a = (struct wf_actor){ db, &who, { who.login, "127.0.0.1" } };
	for (int i = 3; i < argc; i++)
		generate(&a, argv[i], "generated");
	generate(&a, argv[argc - 1], "generated again");
	db_close(db);
	conf_free(c);
	return 0;
}
