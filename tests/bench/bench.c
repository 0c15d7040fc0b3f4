/* bench.c: what the C benchmarks share (bench.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/error.h"
#include "core/sort.h"
#include "tests/bench/bench.h"

double
bench_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
bench_median(double *t, int n)
{
	tc_sort(t, (size_t)n, sizeof(*t), cmp_double);
	return t[n / 2];
}

struct dbres *
bench_list_query(struct db *db, struct list *l, enum list_sql_kind kind)
{
	struct db_param p[64];
	struct dbres *res = NULL;
	char *sql;
	int n, rc;

	if ((n = list_params(l, kind, p, sizeof(p) / sizeof(p[0]))) < 0) {
		fprintf(stderr, "bench: list_params: %s\n", tc_strerror(n));
		exit(1);
	}
	if ((sql = list_sql(l, kind)) == NULL) {
		fprintf(stderr, "bench: list_sql: %s\n", tc_strerror(TC_ENOMEM));
		exit(1);
	}
	if ((rc = db_query_text(db, l->def->name, sql, p, (size_t)n,
	    &res)) != 0) {
		fprintf(stderr, "bench: %s: %s\n", sql, tc_strerror(rc));
		exit(1);
	}
	free(sql);
	return res;
}
