/* eval-bench: the performance module's evaluation and rankings over the
 * stored results of the benchmark's year (perf_eval_load, as the
 * evaluation page and the rankings run it: the summaries of every plan
 * period in the span summed per rep, with their targets; the rankings
 * also the previous span and the ranks of both).  For a month, a quarter
 * and the year, for management (every rep) and a manager (one team),
 * prints the median and the slowest of RUNS runs in ms (target: under
 * 100 ms for 2,000 reps).  Not a test: it prints figures.
 *
 *   eval-bench CONF MONTH QUARTER YEAR TEAM [RUNS] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"
#include "core/period.h"
#include "performance/perf.h"
#include "tests/bench/bench.h"

#define MAX_RUNS 51

static struct period_span
span_of(const char *label)
{
	struct period_span s;
	enum tc_period_kind k;
	int32_t p;

	if (tc_period_parse(label, strlen(label), &k, &p) != 0) {
		fprintf(stderr, "eval-bench: %s is no period\n", label);
		exit(2);
	}
	s.kind = k;
	tc_period_label(s.label, k, p);
	s.first = tc_period_first(k, p);
	s.last = tc_period_last(k, p);
	return s;
}

/* One evaluation (and for rankings, the previous span's and the ranks
 * of both); returns ms, and the reps evaluated in *nrep. */
static double
once(struct db *db, const struct period_span *span, const struct scope *s,
    bool rankings, size_t *nrep)
{
	struct perf_eval e, prev;
	double t0 = bench_now_ms();
	int rc;

	if ((rc = perf_eval_load(db, TC_PERIOD_MONTH, span, s, &e)) != 0) {
		fprintf(stderr, "eval-bench: %s: %s\n", span->label,
		    tc_strerror(rc));
		exit(1);
	}
	*nrep = e.nrep;
	if (rankings) {
		struct period_span p = *span;
		int64_t *v = calloc(e.nrep + 1, sizeof(*v));
		int *rank = calloc(e.nrep + 1, sizeof(*rank));
		enum tc_period_kind k;
		int32_t n;

		if (v == NULL || rank == NULL)
			exit(1);
		(void)tc_period_parse(span->label, strlen(span->label), &k, &n);
		tc_period_label(p.label, k, n - 1);
		p.first = tc_period_first(k, n - 1);
		p.last = tc_period_last(k, n - 1);
		if ((rc = perf_eval_load(db, TC_PERIOD_MONTH, &p, s,
		    &prev)) != 0)
			exit(1);
		for (size_t i = 0; i < e.nrep; i++)
			v[i] = e.rep[i].target > 0 ? e.rep[i].att : 0;
		perf_rank(v, e.nrep, rank);
		for (size_t i = 0; i < prev.nrep && i < e.nrep; i++)
			v[i] = prev.rep[i].target > 0 ? prev.rep[i].att : 0;
		perf_rank(v, prev.nrep < e.nrep ? prev.nrep : e.nrep, rank);
		perf_eval_free(&prev);
		free(v);
		free(rank);
	}
	perf_eval_free(&e);
	return bench_now_ms() - t0;
}

static void
measure(struct db *db, const char *what, const char *label,
    const struct scope *s, bool rankings, int runs)
{
	struct period_span span = span_of(label);
	double t[MAX_RUNS];
	size_t nrep = 0;

	once(db, &span, s, rankings, &nrep);     /* warm */
	for (int i = 0; i < runs; i++)
		t[i] = once(db, &span, s, rankings, &nrep);
	bench_median(t, runs);
	printf("  %-11s %-8s %-10s %5zu reps: median %6.1f ms, slowest %6.1f "
	    "ms\n", rankings ? "rankings" : "evaluation", label, what, nrep,
	    t[runs / 2], t[runs - 1]);
}

int
main(int argc, char **argv)
{
	struct conf *c = NULL;
	struct db *db = NULL;
	char err[256];
	int runs;

	if (argc < 6) {
		fprintf(stderr, "usage: eval-bench CONF MONTH QUARTER YEAR TEAM "
		    "[RUNS]\n");
		return 2;
	}
	runs = argc > 6 ? atoi(argv[6]) : 9;
	if (runs < 1 || runs > MAX_RUNS)
		runs = 9;
	if (conf_load(argv[1], &c, err, sizeof(err)) != 0 ||
	    db_open(c, &db, err, sizeof(err)) != 0) {
		fprintf(stderr, "eval-bench: %s\n", err);
		return 1;
	}
	db_set_unlimited(db);
	{
		const struct scope all = { SCOPE_ALL, 0, "", "bench" };
		const struct scope team = { SCOPE_TEAM, 0, argv[5], "nobody" };

		for (int k = 2; k <= 4; k++) {
			measure(db, "all", argv[k], &all, false, runs);
			measure(db, "all", argv[k], &all, true, runs);
			measure(db, "a team", argv[k], &team, true, runs);
		}
	}
	db_close(db);
	conf_free(c);
	return 0;
}
