/* bench.h: what the C benchmarks share: a clock, the median of runs,
 * and a core/list statement run as list_run() runs it.  Benchmarks print
 * figures; they are not tests. */
#ifndef TC_BENCH_BENCH_H
#define TC_BENCH_BENCH_H

#include "core/db.h"
#include "core/list.h"

/* A monotonic clock, in milliseconds. */
double bench_now_ms(void);

/* Sorts the n times at t (n > 0) and returns their median, t[n / 2];
 * then t[0] is the fastest and t[n - 1] the slowest. */
double bench_median(double *t, int n);

/* Runs statement kind of list l on db as list_run() does and returns
 * its result (free with dbres_free).  Exits with status 1, naming what
 * failed, when it cannot (a benchmark has nothing to measure then). */
struct dbres *bench_list_query(struct db *db, struct list *l,
    enum list_sql_kind kind);

#endif
