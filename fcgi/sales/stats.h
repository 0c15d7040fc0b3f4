/* stats.h: the figures of the sales statistics page (and its export),
 * read from the rollups of sql/sales/011 (sales_stats per credit set and
 * month, sales_stats_all over every set), never from every order line:
 * whole months of the period come from the rollups, a month the period
 * cuts (when it has orders outside the period) from the orders of that
 * part of it alone, through the order date's index, and a customer's
 * figures from that customer's orders (orders_customer).  Statements are
 * assembled from the filters given (core/sqlcond): a filter not given
 * adds no SQL. */
#ifndef TC_SALES_STATS_H
#define TC_SALES_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/scope.h"

/* The filters of the statistics: the period (dates "YYYY-MM-DD", both
 * given: use "1000-01-01" and "9999-12-31" for no bound), and 0 or ""
 * for a filter not given. */
struct stats_filter {
	const char *from, *to;
	int64_t rep, customer, ptype, region, channel;
	const char *team;
};

/* The tables of the page, in order: the months of the period, then one
 * per dimension. */
enum { SG_MONTH, SG_REP, SG_TEAM, SG_PTYPE, SG_REGION, SG_CHANNEL,
    SG__MAX };

#define STATS_MAX_GROUP 64
#define STATS_MAX_MONTHS 36

struct stats_row {
	char label[160];
	int64_t amount, cost, count;
};

struct stats {
	int64_t amount, cost, count;            /* the KPIs */
	struct stats_row *rows[SG__MAX];
	size_t n[SG__MAX];
};

/* Reads the KPIs and every table for f in scope s into st (free with
 * stats_free, also after a failure): booked lines of booked orders; a
 * rep's and a team's figures are their shares of the orders crediting
 * them.  Labels in r's language.  Returns 0 or a tc_err. */
int stats_load(struct req *r, const struct stats_filter *f,
    const struct scope *s, struct stats *st);

/* What stats_load runs, for a look at the plans (tests/db/explain-t):
 * calls fn with the statement of each table g (-1: the KPIs, then the
 * SG_* in order), assembled but not run; fn may run or EXPLAIN it.
 * Returns 0, the first nonzero value of fn, or a tc_err. */
struct sqlcond;
typedef int (*stats_stmt_fn)(void *ctx, int g, struct sqlcond *c);
int stats_statements(struct req *r, const struct stats_filter *f,
    const struct scope *s, stats_stmt_fn fn, void *ctx);

/* Frees what st holds.  Accepts an st that stats_load failed to fill. */
void stats_free(struct stats *st);

#endif
