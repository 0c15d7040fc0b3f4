/* demo.c: the performance demo: team targets for every month of the
 * current year, near the sum of their members' targets (some above,
 * some below, so that the differences show), through perf_targets_save. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "performance/perf.h"

enum stmt { ST_SUMS, ST_HR, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_SUMS] =
	    "SELECT p.team, t.period, SUM(t.amount) FROM targets t JOIN people"
	    " p ON p.id = t.person_id WHERE t.kind = 'month' AND p.team <> ''"
	    " GROUP BY p.team, t.period ORDER BY p.team, t.period",
	[ST_HR] = "SELECT id FROM people WHERE (CAST(roles AS UNSIGNED) & 4)"
	    " <> 0 ORDER BY id LIMIT 1",
};

static struct db_table demo_db = DB_TABLE("performance.demo", stmts);

/* A contest of the previous quarter, ended (its prizes written as
 * adjustments for finance to approve), and one of this quarter,
 * running; proposed by the first HR person of the directory. */
static int
seed_contests(struct module_seed *s, size_t *made)
{
	static const money_t ended[] = { 800000, 500000, 300000 };
	static const money_t running[] = { 1000000, 600000, 300000, 100000 };
	struct period_span now, before;
	struct dbres *res = NULL;
	const char *why = NULL;
	int64_t hr, id;
	size_t written = 0;
	int rc;

	*made = 0;
	if ((rc = db_query(s->db, &demo_db, ST_HR, DB_NOARGS, &res)) != 0)
		return rc;
	if (dbres_rows(res) == 0) {
		dbres_free(res);
		return 0;
	}
	hr = dbres_int(res, 0, 0);
	dbres_free(res);
	period_of_date(TC_PERIOD_QUARTER, s->today, &now);
	period_step(&now, -1, &before);
	if ((rc = perf_contest_create(s->db, s->actor, hr, "季度冲刺赛",
	    before.label, "", ended, 3, &id)) != 0 ||
	    (rc = perf_contest_finish(s->db, perf_kind(s->conf), s->actor, hr,
	    id, s->today, &written, &why)) != 0 ||
	    (rc = perf_contest_create(s->db, s->actor, hr, "华东区年末竞赛",
	    now.label, "East", running, 4, &id)) != 0)
		return rc;
	*made = 2;
	return 0;
}

int
perf_demo_seed(struct module_seed *s)
{
	static const int pct[] = { 100, 105, 95, 110, 100, 98 };
	struct perf_save_report rep;
	struct perf_cell *cells = NULL;
	struct dbres *res = NULL;
	char (*amounts)[TC_MONEY_SIZE] = NULL;
	size_t n;
	int rc;

	if ((rc = db_query(s->db, &demo_db, ST_SUMS, DB_NOARGS, &res)) != 0)
		goto out;
	n = dbres_rows(res);
	rc = TC_ENOMEM;
	if ((cells = calloc(n + 1, sizeof(*cells))) == NULL ||
	    (amounts = calloc(n + 1, sizeof(*amounts))) == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		money_t sum = dbres_money(res, i, 2);

		/* rounded to the thousand yuan */
		money_t v = (sum * pct[i % 6] / 100) / 100000 * 100000;

		tc_money_format(amounts[i], v > 0 ? v : sum, false);
		cells[i].team = dbres_text(res, i, 0);
		cells[i].label = dbres_text(res, i, 1);
		cells[i].raw = amounts[i];
	}
	rc = perf_targets_save(s->db, s->actor, 0, cells, n, &rep);
	if (rc == TC_EINVAL)
		snprintf(s->err, s->errlen, "demo team targets refused");
	if (rc == 0) {
		size_t contests = 0;

		if ((rc = seed_contests(s, &contests)) != 0)
			snprintf(s->err, s->errlen, "demo contests failed");
		else
			fprintf(s->out, "%zu team targets, %zu contests\n",
			    rep.added, contests);
	}
out:
	free(cells);
	free(amounts);
	dbres_free(res);
	return rc;
}
