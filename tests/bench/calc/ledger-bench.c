/* ledger-bench: what a page of the commission ledger costs over the
 * benchmark's year (core/list as ledger.c runs it: the count that stops
 * at its cap, then one page of 50), for finance (every line), a manager
 * (the team of the run) and a rep (their own), with the default sort,
 * the amount sort, a rule filter and a far page.  Prints the median of
 * RUNS runs of each case in ms.  Not a test: it prints figures and fails
 * only when it cannot run.
 *
 *   ledger-bench CONF PERIOD REP_ID MANAGER_LOGIN TEAM RULE [RUNS] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/view.h"
#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"
#include "core/list.h"
#include "core/request.h"
#include "tests/bench/bench.h"

#define MAX_RUNS 101

static struct db *db;

static void
die(const char *what, int rc)
{
	fprintf(stderr, "ledger-bench: %s: %s\n", what, tc_strerror(rc));
	exit(1);
}

static struct dbres *
run_kind(struct list *l, enum list_sql_kind kind)
{
	struct db_param p[64];
	struct dbres *res = NULL;
	char *sql;
	int n, rc;

	if ((n = list_params(l, kind, p, sizeof(p) / sizeof(p[0]))) < 0)
		die("list_params", n);
	if ((sql = list_sql(l, kind)) == NULL)
		die("list_sql", TC_ENOMEM);
	if ((rc = db_query_text(db, l->def->name, sql, p, (size_t)n,
	    &res)) != 0)
		die(sql, rc);
	free(sql);
	return res;
}

/* One page as list_run() asks for it; returns ms. */
static double
run_page(int kind, int64_t me, const char *team, const char *login,
    const char *qs, size_t *rows, long long *total)
{
	struct req_fields f;
	struct list l;
	int64_t shown;
	double t0;

	req_fields_init(&f);
	if (req_parse_query(&f, qs, strlen(qs), &req_limits_default) != 0)
		die(qs, TC_EINVAL);
	t0 = bench_now_ms();
	list_init(&l, &cm_ledger_list);
	list_scope(&l, &cm_lines_scope, kind, me, team, login);
	if (list_validate(&l, &f) != 0 || l.invalid || l.overflow)
		die(qs, TC_EINVAL);
	l.totals = run_kind(&l, LIST_SQL_COUNT);
	l.total = dbres_int(l.totals, 0, 0);
	shown = l.total > 10000 ? 10000 : l.total;
	l.pages = shown > 0 ? (shown + 49) / 50 : 1;
	if (l.page > l.pages)
		l.page = l.pages;
	l.rows = run_kind(&l, LIST_SQL_PAGE);
	*rows = dbres_rows(l.rows);
	*total = l.total;
	list_done(&l);
	req_fields_free(&f);
	return bench_now_ms() - t0;
}

int
main(int argc, char **argv)
{
	struct conf *c = NULL;
	char err[256], qs[8][256];
	const char *names[8];
	int kinds[8];
	int runs, n = 0, rc;

	if (argc < 7) {
		fprintf(stderr, "usage: ledger-bench CONF PERIOD REP_ID "
		    "MANAGER_LOGIN TEAM RULE [RUNS]\n");
		return 2;
	}
	runs = argc > 7 ? atoi(argv[7]) : 11;
	if (runs < 1 || runs > MAX_RUNS)
		runs = 11;
	if ((rc = conf_load(argv[1], &c, err, sizeof(err))) != 0) {
		fprintf(stderr, "ledger-bench: %s\n", err);
		return 1;
	}
	if ((rc = db_open(c, &db, err, sizeof(err))) != 0) {
		fprintf(stderr, "ledger-bench: %s\n", err);
		return 1;
	}
#define CASE(name, kind, fmt, ...) do { names[n] = name; kinds[n] = kind; \
	snprintf(qs[n], sizeof(qs[n]), fmt, __VA_ARGS__); n++; } while (0)
	CASE("finance, a period, by date", 2, "period=%s", argv[2]);
	CASE("finance, a period, by amount", 2, "period=%s&sort=amount",
	    argv[2]);
	CASE("finance, a period, one rule", 2, "period=%s&rule=%s", argv[2],
	    argv[6]);
	CASE("finance, a period, page 100", 2, "period=%s&page=100", argv[2]);
	CASE("manager, a period (team of the run)", 1, "period=%s", argv[2]);
	CASE("rep, a period (own lines)", 0, "period=%s", argv[2]);
	printf("ledger page (core/list: capped count + 50 lines), median of "
	    "%d runs:\n", runs);
	for (int k = 0; k < n; k++) {
		double t[MAX_RUNS];
		size_t rows = 0;
		long long total = 0;

		for (int i = 0; i < runs; i++)
			t[i] = run_page(kinds[k], kinds[k] == 2 ? 0 :
			    strtoll(argv[3], NULL, 10), argv[5], argv[4], qs[k],
			    &rows, &total);
		printf("  %-40s %8.1f ms  (%zu rows of %lld%s)\n", names[k],
		    bench_median(t, runs), rows, total, total > 10000 ? ", count capped" :
		    "");
	}
	db_close(db);
	conf_free(c);
	return 0;
}
