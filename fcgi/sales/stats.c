/* stats.c: the sales statistics from the rollups of sql/sales/011 (see
 * stats.h). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/db.h"
#include "core/error.h"
#include "core/money.h"
#include "core/sqlcond.h"
#include "sales/stats.h"

enum stmt { ST_ANY_ORDER, ST__MAX };

static const char *const stmts[ST__MAX] = {
	/* whether some order is dated in [?, ?] (orders_date) */
	[ST_ANY_ORDER] = "SELECT 1 FROM orders WHERE order_date >= ?"
	    " AND order_date <= ? LIMIT 1",
};

static struct db_table stats_db = DB_TABLE("sales-stats", stmts);

/* Where the figures of the period come from: whole months from the
 * rollups, the parts of cut months from the orders. */
struct plan {
	bool months;                    /* some whole months: */
	char m_from[TC_DATE_SIZE];      /* first day of the first */
	char m_to[TC_DATE_SIZE];        /* first day of the last */
	size_t nparts;                  /* parts read from the orders */
	char p_from[2][TC_DATE_SIZE], p_to[2][TC_DATE_SIZE];
	bool every;                     /* every order, no person filter */
};

/* How a statement reads product type, region or channel: summed over
 * every value (the rollups' 0), one value (a filter), or value by value
 * (the table of that dimension). */
enum dim_mode { DIM_ALL, DIM_ONE, DIM_EACH };
enum { D_PTYPE, D_REGION, D_CHANNEL, D__MAX };

static const struct dim {
	const char *rollup;     /* its column in the rollups (alias s) */
	const char *base;       /* its column in the orders' join */
} dims[D__MAX] = {
	[D_PTYPE] = { "s.product_type_id", "pr.product_type_id" },
	[D_REGION] = { "s.region_id", "o.region_id" },
	[D_CHANNEL] = { "s.channel_id", "o.channel_id" },
};

/* What one table of the page selects over the cells u (cs: credit set,
 * m: month, pt, rg, ch, a: amount, c: cost, n: orders). */
static const struct group {
	const char *head, *joins, *tail;
	bool sets;              /* needs the rows per credit set */
	int each;               /* the dimension shown value by value, or -1 */
	bool bilingual;         /* columns name_zh, name_en */
	/* The cells summed by this column first (u.a, u.c, u.n then), so
	 * that what is joined is a row per set or value, not per cell. */
	const char *pre;
} kpi_group = {
	"COALESCE(SUM(u.a), 0), COALESCE(SUM(u.c), 0), COALESCE(SUM(u.n), 0)",
	"", "", false, -1, false, NULL,
}, groups[SG__MAX] = {
	[SG_MONTH] = { "DATE_FORMAT(u.m, '%Y-%m') AS mo, '', SUM(u.a),"
	    " SUM(u.c), SUM(u.n)", "", " GROUP BY mo ORDER BY mo", false, -1,
	    false, NULL },
	/* a rep's share of each order crediting them */
	[SG_REP] = { "p.login, p.name, ROUND(SUM(u.a * m.share / 100), 2)"
	    " AS am, ROUND(SUM(u.c * m.share / 100), 2), SUM(u.n)",
	    " JOIN credit_set_reps m ON m.set_id = u.cs"
	    " JOIN people p ON p.id = m.person_id",
	    " GROUP BY p.id, p.login, p.name ORDER BY am DESC, p.login", true,
	    -1, false, "cs" },
	/* a team's: the shares of its members, each order counted once */
	[SG_TEAM] = { "st.team, st.team, ROUND(SUM(u.a * st.share / 100), 2)"
	    " AS am, ROUND(SUM(u.c * st.share / 100), 2), SUM(u.n)",
	    " JOIN (SELECT cm.set_id, cp.team, SUM(cm.share) AS share"
	    " FROM credit_set_reps cm JOIN people cp ON cp.id = cm.person_id"
	    " GROUP BY cm.set_id, cp.team) st ON st.set_id = u.cs",
	    " GROUP BY st.team ORDER BY am DESC, st.team", true, -1, false,
	    "cs" },
	[SG_PTYPE] = { "ty.name_zh, ty.name_en, SUM(u.a) AS am, SUM(u.c),"
	    " SUM(u.n)", " JOIN product_types ty ON ty.id = u.pt",
	    " GROUP BY ty.id, ty.name_zh, ty.name_en ORDER BY am DESC, ty.id", false,
	    D_PTYPE, true, "pt" },
	[SG_REGION] = { "rg.name_zh, rg.name_en, SUM(u.a) AS am, SUM(u.c),"
	    " SUM(u.n)", " JOIN regions rg ON rg.id = u.rg",
	    " GROUP BY rg.id, rg.name_zh, rg.name_en ORDER BY am DESC, rg.id", false,
	    D_REGION, true, "rg" },
	[SG_CHANNEL] = { "ch.name_zh, ch.name_en, SUM(u.a) AS am, SUM(u.c),"
	    " SUM(u.n)", " JOIN channels ch ON ch.id = u.ch",
	    " GROUP BY ch.id, ch.name_zh, ch.name_en ORDER BY am DESC, ch.id", false,
	    D_CHANNEL, true, "ch" },
};

/* --- where the figures come from ------------------------------------- */

/* Whether some order is dated in [a, b]. */
static int
any_order(struct req *r, int32_t a, int32_t b, bool *yes)
{
	char fa[TC_DATE_SIZE], fb[TC_DATE_SIZE];
	struct dbres *res = NULL;
	int rc;

	*yes = false;
	if (a > b)
		return 0;
	tc_date_format(fa, a);
	tc_date_format(fb, b);
	if ((rc = db_query(r->app->db, &stats_db, ST_ANY_ORDER,
	    DB_ARGS(P_TEXT(fa), P_TEXT(fb)), &res)) != 0)
		return rc;
	*yes = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

static int32_t
month_first(int32_t d)
{
	return tc_date_make(tc_date_year(d), tc_date_month(d), 1);
}

static int32_t
month_last(int32_t d)
{
	int y = tc_date_year(d), m = tc_date_month(d);

	return tc_date_make(y, m, tc_days_in_month(y, m));
}

/* The first day of the month n months from d's. */
static int32_t
month_step(int32_t d, int n)
{
	int y = tc_date_year(d), m = tc_date_month(d);

	tc_month_add(&y, &m, n);
	return tc_date_make(y, m, 1);
}

static void
plan_part(struct plan *p, int32_t from, int32_t to)
{
	tc_date_format(p->p_from[p->nparts], from);
	tc_date_format(p->p_to[p->nparts], to);
	p->nparts++;
}

/* Splits the period of f into whole months and the parts of the months
 * it cuts.  A cut month with no order outside the period counts whole
 * (the default period ends today: this month's orders are all in it). */
static int
plan_make(struct req *r, const struct stats_filter *f, const struct scope *s,
    struct plan *p)
{
	int32_t from, to, mf, ml;
	bool yes;
	int rc;

	memset(p, 0, sizeof(*p));
	p->every = s->kind == SCOPE_ALL && f->rep == 0 && f->team[0] == '\0';
	if (tc_date_parse_str(f->from, &from) != 0 ||
	    tc_date_parse_str(f->to, &to) != 0)
		return TC_EINVAL;
	if (from > to)
		return 0;
	if (f->customer != 0) {
		/* one customer's orders, by orders_customer */
		plan_part(p, from, to);
		return 0;
	}
	if (from != month_first(from)) {
		if ((rc = any_order(r, month_first(from),
		    tc_date_add_days(from, -1), &yes)) != 0)
			return rc;
		if (!yes)
			from = month_first(from);
	}
	if (to != month_last(to)) {
		if ((rc = any_order(r, tc_date_add_days(to, 1), month_last(to),
		    &yes)) != 0)
			return rc;
		if (!yes)
			to = month_last(to);
	}
	if (month_first(from) == month_first(to) && (from != month_first(from) ||
	    to != month_last(to))) {
		plan_part(p, from, to);
		return 0;
	}
	mf = from == month_first(from) ? from : month_step(from, 1);
	ml = to == month_last(to) ? month_first(to) : month_step(to, -1);
	if (from != mf)
		plan_part(p, from, month_last(from));
	if (to != month_last(to))
		plan_part(p, month_first(to), to);
	if (mf <= ml) {
		p->months = true;
		tc_date_format(p->m_from, mf);
		tc_date_format(p->m_to, ml);
	}
	return 0;
}

/* --- the statements ---------------------------------------------------- */

/* The conditions on who sold: the reader's scope, the rep and team
 * filters, as conditions on credit set column col. */
static void
person_conds(struct sqlcond *c, const char *col, const struct stats_filter *f,
    const struct scope *s)
{
	char sql[512];

	switch (s->kind) {
	case SCOPE_ALL:
		break;
	case SCOPE_TEAM:
		snprintf(sql, sizeof(sql), " AND %s IN (SELECT cr.set_id FROM"
		    " credit_set_reps cr WHERE cr.person_id IN (SELECT sp.id"
		    " FROM people sp WHERE sp.id = ? OR (sp.team = ? AND"
		    " sp.team <> '') OR sp.manager_login = ?))", col);
		sqlcond_add(c, sql, DB_ARGS(P_INT(s->me), P_TEXT(s->team),
		    P_TEXT(s->login)));
		break;
	case SCOPE_OWN:
		snprintf(sql, sizeof(sql), " AND %s IN (SELECT cr.set_id FROM"
		    " credit_set_reps cr WHERE cr.person_id = ?)", col);
		sqlcond_add(c, sql, DB_ARGS(P_INT(s->me)));
		break;
	default:
		sqlcond_add(c, " AND 1 = 0", DB_NOARGS);
		break;
	}
	if (f->rep != 0) {
		snprintf(sql, sizeof(sql), " AND %s IN (SELECT fr.set_id FROM"
		    " credit_set_reps fr WHERE fr.person_id = ?)", col);
		sqlcond_add(c, sql, DB_ARGS(P_INT(f->rep)));
	}
	if (f->team[0] != '\0') {
		snprintf(sql, sizeof(sql), " AND %s IN (SELECT ft.set_id FROM"
		    " credit_set_reps ft JOIN people fp ON fp.id = ft.person_id"
		    " WHERE fp.team = ?)", col);
		sqlcond_add(c, sql, DB_ARGS(P_TEXT(f->team)));
	}
}

/* The filter value of dimension k (0: none). */
static int64_t
dim_value(const struct stats_filter *f, int k)
{
	return k == D_PTYPE ? f->ptype : k == D_REGION ? f->region : f->channel;
}

static enum dim_mode
dim_mode(const struct stats_filter *f, const struct group *g, int k)
{
	return dim_value(f, k) != 0 ? DIM_ONE : g->each == k ? DIM_EACH :
	    DIM_ALL;
}

/* The rollups' rows of the whole months. */
static void
cells_months(struct sqlcond *c, const struct plan *p,
    const struct stats_filter *f, const struct scope *s,
    const struct group *g)
{
	bool every = p->every && !g->sets;

	sqlcond_add(c, every ? "SELECT 0 AS cs" : "SELECT s.credit_set_id AS cs",
	    DB_NOARGS);
	sqlcond_add(c, ", s.month AS m, s.product_type_id AS pt,"
	    " s.region_id AS rg, s.channel_id AS ch, s.amount AS a,"
	    " s.cost AS c, s.orders AS n FROM ", DB_NOARGS);
	sqlcond_add(c, every ? "sales_stats_all s" : "sales_stats s",
	    DB_NOARGS);
	sqlcond_add(c, " WHERE s.month >= ? AND s.month <= ?",
	    DB_ARGS(P_TEXT(p->m_from), P_TEXT(p->m_to)));
	for (int k = 0; k < D__MAX; k++) {
		char sql[64];

		switch (dim_mode(f, g, k)) {
		case DIM_ALL:
			snprintf(sql, sizeof(sql), " AND %s = 0", dims[k].rollup);
			sqlcond_add(c, sql, DB_NOARGS);
			break;
		case DIM_ONE:
			snprintf(sql, sizeof(sql), " AND %s = ?", dims[k].rollup);
			sqlcond_add(c, sql, DB_ARGS(P_INT(dim_value(f, k))));
			break;
		case DIM_EACH:
			snprintf(sql, sizeof(sql), " AND %s <> 0", dims[k].rollup);
			sqlcond_add(c, sql, DB_NOARGS);
			break;
		}
	}
	if (!every)
		person_conds(c, "s.credit_set_id", f, s);
}

/* The same rows computed from the orders of part i of the period. */
static void
cells_part(struct sqlcond *c, const struct plan *p, size_t i,
    const struct stats_filter *f, const struct scope *s,
    const struct group *g)
{
	sqlcond_add(c, "SELECT o.credit_set_id AS cs, o.order_date - INTERVAL"
	    " (DAYOFMONTH(o.order_date) - 1) DAY AS m", DB_NOARGS);
	for (int k = 0; k < D__MAX; k++) {
		static const char *const alias[D__MAX] = { "pt", "rg", "ch" };
		char sql[64];

		snprintf(sql, sizeof(sql), ", %s AS %s", dim_mode(f, g, k) ==
		    DIM_ALL ? "0" : dims[k].base, alias[k]);
		sqlcond_add(c, sql, DB_NOARGS);
	}
	sqlcond_add(c, ", SUM(l.amount) AS a, SUM(l.cost) AS c,"
	    " COUNT(DISTINCT o.id) AS n FROM orders o JOIN order_lines l"
	    " ON l.order_id = o.id AND l.status = 'booked'"
	    " JOIN products pr ON pr.id = l.product_id"
	    " WHERE o.status = 'booked' AND o.order_date >= ?"
	    " AND o.order_date <= ?", DB_ARGS(P_TEXT(p->p_from[i]),
	    P_TEXT(p->p_to[i])));
	for (int k = 0; k < D__MAX; k++)
		if (dim_mode(f, g, k) == DIM_ONE) {
			char sql[64];

			snprintf(sql, sizeof(sql), " AND %s = ?", dims[k].base);
			sqlcond_add(c, sql, DB_ARGS(P_INT(dim_value(f, k))));
		}
	if (f->customer != 0)
		sqlcond_add(c, " AND o.customer_id = ?",
		    DB_ARGS(P_INT(f->customer)));
	person_conds(c, "o.credit_set_id", f, s);
	sqlcond_add(c, " GROUP BY cs, m, pt, rg, ch", DB_NOARGS);
}

/* Assembles the statement of table g over the cells of plan p into c
 * (initialized by the caller). */
static void
group_sql(struct sqlcond *c, const struct plan *p,
    const struct stats_filter *f, const struct scope *s,
    const struct group *g)
{
	bool first = true;

	sqlcond_add(c, "SELECT ", DB_NOARGS);
	sqlcond_add(c, g->head, DB_NOARGS);
	sqlcond_add(c, " FROM (", DB_NOARGS);
	if (g->pre != NULL) {
		char sql[128];

		snprintf(sql, sizeof(sql), "SELECT u.%s, SUM(u.a) AS a,"
		    " SUM(u.c) AS c, SUM(u.n) AS n FROM (", g->pre);
		sqlcond_add(c, sql, DB_NOARGS);
	}
	if (p->months) {
		cells_months(c, p, f, s, g);
		first = false;
	}
	for (size_t i = 0; i < p->nparts; i++) {
		if (!first)
			sqlcond_add(c, " UNION ALL ", DB_NOARGS);
		cells_part(c, p, i, f, s, g);
		first = false;
	}
	if (first)      /* an empty period */
		sqlcond_add(c, "SELECT 0 AS cs, DATE '1000-01-01' AS m,"
		    " 0 AS pt, 0 AS rg, 0 AS ch, 0 AS a, 0 AS c, 0 AS n"
		    " FROM DUAL WHERE 1 = 0", DB_NOARGS);
	sqlcond_add(c, ") u", DB_NOARGS);
	if (g->pre != NULL) {
		char sql[64];

		snprintf(sql, sizeof(sql), " GROUP BY u.%s) u", g->pre);
		sqlcond_add(c, sql, DB_NOARGS);
	}
	sqlcond_add(c, g->joins, DB_NOARGS);
	sqlcond_add(c, g->tail, DB_NOARGS);
}

int
stats_statements(struct req *r, const struct stats_filter *f,
    const struct scope *s, stats_stmt_fn fn, void *ctx)
{
	struct plan p;
	int rc;

	if ((rc = plan_make(r, f, s, &p)) != 0)
		return rc;
	for (int g = -1; g < SG__MAX && rc == 0; g++) {
		struct sqlcond c;

		sqlcond_init(&c);
		group_sql(&c, &p, f, s, g < 0 ? &kpi_group : &groups[g]);
		rc = fn(ctx, g, &c);
		sqlcond_free(&c);
	}
	return rc;
}

/* --- filling ------------------------------------------------------------ */

void
stats_free(struct stats *st)
{
	for (size_t g = 0; g < SG__MAX; g++) {
		free(st->rows[g]);
		st->rows[g] = NULL;
	}
}

/* The months shown for the period [f->from, f->to]: every month of it,
 * or the last 12 of an open or long one (more than STATS_MAX_MONTHS). */
static size_t
stats_months(const struct stats_filter *f, struct stats_row *rows)
{
	int y, m, ye, me;
	size_t n = 0;

	if (strcmp(f->from, "1000-01-01") == 0 ||
	    sscanf(f->from, "%d-%d", &y, &m) != 2 ||
	    sscanf(f->to, "%d-%d", &ye, &me) != 2 ||
	    (ye - y) * 12 + me - m >= STATS_MAX_MONTHS ||
	    (ye - y) * 12 + me - m < 0) {
		if (sscanf(f->to, "%d-%d", &ye, &me) != 2 || ye > 3000) {
			int32_t today = tc_today();

			ye = tc_date_year(today);
			me = tc_date_month(today);
		}
		y = ye;
		m = me - 11;
		while (m < 1) {
			m += 12;
			y--;
		}
	}
	for (; (y < ye || (y == ye && m <= me)) && n < STATS_MAX_MONTHS; n++) {
		snprintf(rows[n].label, sizeof(rows[n].label), "%04d-%02d",
		    (y % 10000 + 10000) % 10000, m);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return n;
}

/* Table g's rows of res into st. */
static void
stats_fill(struct req *r, struct stats *st, size_t g, const struct dbres *res)
{
	size_t k = 0;

	if (g == SG_MONTH) {
		/* every month of the period, empty ones too */
		for (size_t i = 0; i < st->n[g]; i++) {
			struct stats_row *w = &st->rows[g][i];

			while (k < dbres_rows(res) &&
			    strcmp(dbres_text(res, k, 0), w->label) < 0)
				k++;
			if (k < dbres_rows(res) &&
			    strcmp(dbres_text(res, k, 0), w->label) == 0) {
				w->amount = dbres_money(res, k, 2);
				w->cost = dbres_money(res, k, 3);
				w->count = dbres_int(res, k, 4);
			}
		}
		return;
	}
	st->n[g] = dbres_rows(res) < STATS_MAX_GROUP ? dbres_rows(res) :
	    STATS_MAX_GROUP;
	for (size_t i = 0; i < st->n[g]; i++) {
		struct stats_row *w = &st->rows[g][i];
		const char *name = groups[g].bilingual ? tr_stored(r,
		    dbres_text(res, i, 0), dbres_text(res, i, 1)) :
		    dbres_text(res, i, 1);

		snprintf(w->label, sizeof(w->label), "%s",
		    name[0] != '\0' ? name : tr(r, "ord_no_team"));
		w->amount = dbres_money(res, i, 2);
		w->cost = dbres_money(res, i, 3);
		w->count = dbres_int(res, i, 4);
	}
}

struct load {
	struct req *r;
	const struct stats_filter *f;
	struct stats *st;
};

/* Runs the statement of table g (-1: the KPIs) and fills its rows. */
static int
load_one(void *ctx, int g, struct sqlcond *c)
{
	struct load *x = ctx;
	struct stats *st = x->st;
	struct dbres *res = NULL;
	int rc;

	if (g >= 0 && (st->rows[g] = calloc(g == SG_MONTH ?
	    STATS_MAX_MONTHS : STATS_MAX_GROUP, sizeof(*st->rows[g]))) == NULL)
		return TC_ENOMEM;
	if ((rc = sqlcond_query(c, x->r->app->db, "sales-stats", &res)) != 0)
		return rc;
	if (g < 0) {
		st->amount = dbres_money(res, 0, 0);
		st->cost = dbres_money(res, 0, 1);
		st->count = dbres_int(res, 0, 2);
	} else {
		if (g == SG_MONTH)
			st->n[g] = stats_months(x->f, st->rows[g]);
		stats_fill(x->r, st, (size_t)g, res);
	}
	dbres_free(res);
	return 0;
}

int
stats_load(struct req *r, const struct stats_filter *f, const struct scope *s,
    struct stats *st)
{
	struct load x = { r, f, st };

	memset(st, 0, sizeof(*st));
	return stats_statements(r, f, s, load_one, &x);
}
