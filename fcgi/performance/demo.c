/* demo.c: the performance demo: team targets for every month of the
 * current year, near the sum of their members' targets (some above,
 * some below, so that the differences show), through perf_targets_save. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "performance/perf.h"

enum stmt { ST_SUMS, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_SUMS] =
	    "SELECT p.team, t.period, SUM(t.amount) FROM targets t JOIN people"
	    " p ON p.id = t.person_id WHERE t.kind = 'month' AND p.team <> ''"
	    " GROUP BY p.team, t.period ORDER BY p.team, t.period",
};

static struct db_table demo_db = DB_TABLE("performance.demo", stmts);

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
	else if (rc == 0)
		fprintf(s->out, "%zu team targets\n", rep.added);
out:
	free(cells);
	free(amounts);
	dbres_free(res);
	return rc;
}
