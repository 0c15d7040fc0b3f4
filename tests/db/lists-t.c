/* lists-t: every list of sales, sorted by each of its keys both ways, in
 * each kind of scope, is read through an index over large tables: the
 * plan MariaDB gives its page statement (EXPLAIN) reads no large table
 * in full (type ALL, or the whole of an index) and sorts none of them
 * whole; nor do the statements of its count, nor those of the sales
 * statistics (sales/stats.c over the rollups of sql/sales/011) in each
 * kind of scope with each filter, over a whole year and cut months.
 * The tables are of the size of ten times the demo company (10,000
 * orders, 20,000 lines; the demo has 663 and 1,585).
 *
 * The large tables are generated on the test's own connection as
 * temporary tables that shadow the real ones (same columns and indexes,
 * from CREATE TABLE ... LIKE), so the stack's data is neither read nor
 * changed, and every other test sees the tables as they were. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "core/list.h"
#include "core/sqlcond.h"
#include "sales/sales.h"
#include "sales/stats.h"
#include "tests/db/harness.h"

/* A table read past this many rows (by the estimate of its plan) is a
 * full read: the generated tables hold 1,000 customers (ten orders
 * each: MariaDB is tempted to read the customers first) and 10,000 to
 * 20,000 rows of the others, the scope of one person at most 100, a
 * page 50. */
#define LARGE_ROWS 1000

/* Each table of the lists: shadowed, then filled with rows of numbers
 * from..to of the sequence by the text of fill ("%d" the bounds: the
 * server is shared and slow, so rows go in in parts). */
static const struct gen {
	const char *table;
	int rows;
	const char *fill;
} gen[] = {
	{ "customers", 1000,
	    "INSERT INTO customers (code, name, region_id, industry,"
	    " channel_id, owner_id, status, updated_at) SELECT CONCAT('G', seq),"
	    " CONCAT('customer ', seq), seq % 7 + 1, CONCAT('industry ',"
	    " seq % 30), seq % 4 + 1, seq % 200 + 1, ELT(seq % 3 + 1, 'active',"
	    " 'prospect', 'inactive'), DATE '2020-01-01' + INTERVAL seq MINUTE"
	    " FROM seq_%d_to_%d" },
	{ "orders", 10000,
	    "INSERT INTO orders (order_no, customer_id, order_date, region_id,"
	    " channel_id, status, created_by, amount_total, cost_total,"
	    " amount_booked, cost_booked, collected) SELECT CONCAT('GO', seq),"
	    " seq % 1000 + 1, DATE '2020-01-01' + INTERVAL seq % 2000 DAY,"
	    " seq % 7 + 1, seq % 4 + 1, IF(seq % 10 = 0, 'cancelled',"
	    " 'booked'), 1, seq % 9973, seq % 4999, seq % 9973, seq % 4999,"
	    " seq % 7919 FROM seq_%d_to_%d" },
	{ "orders", 0, "UPDATE orders SET credit_set_id = id % 250 + 1"
	    " WHERE id BETWEEN %d AND %d" },
	{ "order_reps", 10000,
	    "INSERT INTO order_reps (order_id, person_id, share) SELECT seq,"
	    " seq % 200 + 1, 100 FROM seq_%d_to_%d" },
	{ "order_lines", 20000,
	    "INSERT INTO order_lines (order_id, line_no, product_id, quantity,"
	    " unit_price, amount, cost) SELECT seq % 10000 + 1, seq, 1, 1, 100,"
	    " 100, 40 FROM seq_%d_to_%d" },
	{ "payments", 10000,
	    "INSERT INTO payments (payment_no, order_id, payment_date, amount,"
	    " created_by) SELECT CONCAT('GP', seq), seq % 10000 + 1,"
	    " DATE '2020-02-01' + INTERVAL seq % 2000 DAY,"
	    " IF(seq % 17 = 0, -10, seq % 9973 + 1), 1 FROM seq_%d_to_%d" },
	{ "opportunities", 10000,
	    "INSERT INTO opportunities (owner_id, customer_id, title, needs,"
	    " amount, stage, stage_pos, expected_close, next_follow_up,"
	    " last_activity_date) SELECT seq % 200 + 1, seq % 1000 + 1,"
	    " CONCAT('opportunity ', seq), '', seq % 9973,"
	    " ELT(seq % 6 + 1, 'lead', 'qualified', 'proposal', 'negotiation',"
	    " 'won', 'lost'), seq % 6 + 1,"
	    " DATE '2020-01-01' + INTERVAL seq % 2500 DAY,"
	    " DATE '2020-01-01' + INTERVAL seq % 2400 DAY,"
	    " DATE '2020-01-01' + INTERVAL seq % 2300 DAY FROM seq_%d_to_%d" },
	{ "activities", 10000,
	    "INSERT INTO activities (owner_id, customer_id, opportunity_id,"
	    " kind, activity_date, notes) SELECT seq % 200 + 1,"
	    " seq % 1000 + 1, IF(seq % 3 = 0, NULL, seq % 10000 + 1), 'call',"
	    " DATE '2020-01-01' + INTERVAL seq % 2000 DAY, ''"
	    " FROM seq_%d_to_%d" },
	/* the statistics' rollups: 250 credit sets (200 of one rep, 50 of
	 * two), 66 months, the grains of each */
	{ "credit_sets", 250, "INSERT INTO credit_sets (id, reps) SELECT seq,"
	    " CONCAT('gen ', seq) FROM seq_%d_to_%d" },
	{ "credit_set_reps", 300, "INSERT INTO credit_set_reps (set_id,"
	    " person_id, share) SELECT IF(seq <= 250, seq, seq - 200),"
	    " IF(seq <= 250, seq % 200 + 1, seq % 200 + 2), 100"
	    " FROM seq_%d_to_%d" },
	{ "sales_stats", 20000, "INSERT IGNORE INTO sales_stats"
	    " (credit_set_id, month, product_type_id, region_id, channel_id,"
	    " amount, cost, orders) SELECT seq % 250 + 1, DATE '2020-01-01'"
	    " + INTERVAL seq % 66 MONTH, IF(seq % 8 < 4, 0, seq % 3 + 1),"
	    " IF(seq % 4 < 2, 0, seq % 7 + 1), IF(seq % 2 = 0, 0, seq % 4 + 1),"
	    " seq % 9973, seq % 4999, seq % 5 + 1 FROM seq_%d_to_%d" },
	{ "sales_stats_all", 2000, "INSERT IGNORE INTO sales_stats_all (month,"
	    " product_type_id, region_id, channel_id, amount, cost, orders)"
	    " SELECT DATE '2020-01-01' + INTERVAL seq % 66 MONTH,"
	    " IF(seq % 8 < 4, 0, seq % 3 + 1), IF(seq % 4 < 2, 0, seq % 7 + 1),"
	    " IF(seq % 2 = 0, 0, seq % 4 + 1), seq % 9973, seq % 4999,"
	    " seq % 5 + 1 FROM seq_%d_to_%d" },
};

#define GEN_PART 1000

static void
setup(void)
{
	char sql[1024];

	dbt_setup();
	for (size_t i = 0; i < sizeof(gen) / sizeof(gen[0]); i++) {
		int rows = gen[i].rows;

		if (rows == 0) {        /* a second pass over the table */
			rows = gen[i - 1].rows;
			goto fill;
		}
		snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE g_%s LIKE %s",
		    gen[i].table, gen[i].table);
		dbt_sql(dbt_db, sql);
		snprintf(sql, sizeof(sql), "ALTER TABLE g_%s RENAME TO %s",
		    gen[i].table, gen[i].table);
		dbt_sql(dbt_db, sql);
fill:
		for (int from = 1; from <= rows; from += GEN_PART) {
			snprintf(sql, sizeof(sql), gen[i].fill, from,
			    from + GEN_PART - 1);
			dbt_sql(dbt_db, sql);
		}
		snprintf(sql, sizeof(sql), "ANALYZE TABLE %s", gen[i].table);
		dbt_sql(dbt_db, sql);
	}
}

/* Columns of EXPLAIN. */
enum { X_ID, X_SELECT_TYPE, X_TABLE, X_TYPE, X_KEYS, X_KEY, X_KEY_LEN,
    X_REF, X_ROWS, X_EXTRA };

/* How a statement may read a large table. */
enum plan_rule {
	PLAN_PAGE,      /* through an index, not sorted whole */
	PLAN_AGGREGATE, /* through an index (a GROUP BY sorts what it sums) */
	PLAN_CAPPED,    /* a count stopped at the cap (LIMIT cap + 1): at most
	                   an index read in order until then, never the rows */
};

/* Appends to bad (of len) what is wrong with the plan of statement sql
 * (its n parameters p) by rule, named by what. */
static void
check_sql(const char *sql, const struct db_param *p, size_t n,
    enum plan_rule rule, const char *what, char *bad, size_t len)
{
	struct dbres *res;
	char *explain;

	explain = malloc(strlen(sql) + 9);
	ck_assert_ptr_nonnull(explain);
	snprintf(explain, strlen(sql) + 9, "EXPLAIN %s", sql);
	ck_assert_msg(db_query_text(dbt_db, "lists-t", explain, p, n,
	    &res) == 0, "EXPLAIN of %s: %s", what, sql);
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *table = dbres_text(res, i, X_TABLE);
		const char *type = dbres_text(res, i, X_TYPE);
		const char *extra = dbres_text(res, i, X_EXTRA);
		int64_t rows = dbres_int(res, i, X_ROWS);
		size_t o = strlen(bad);
		bool full;

		if (table[0] == '<' || rows < LARGE_ROWS)
			continue;
		full = strcmp(type, "ALL") == 0 || (strcmp(type, "index") == 0 &&
		    rule != PLAN_CAPPED);
		if (!full && (rule != PLAN_PAGE ||
		    strstr(extra, "filesort") == NULL))
			continue;
		snprintf(bad + o, len - o, "%s: %s %s of %lld rows\n", what,
		    table, full ? "read in full" : "sorted whole",
		    (long long)rows);
		fprintf(stderr, "# %s: %s\n", what, sql);
		for (size_t j = 0; j < dbres_rows(res); j++)
			fprintf(stderr, "#   %s %s %s %s %s %s\n",
			    dbres_text(res, j, X_SELECT_TYPE),
			    dbres_text(res, j, X_TABLE), dbres_text(res, j, X_TYPE),
			    dbres_text(res, j, X_KEY), dbres_text(res, j, X_ROWS),
			    dbres_text(res, j, X_EXTRA));
	}
	dbres_free(res);
	free(explain);
}

/* The same for statement kind of list l. */
static void
check_plan(struct list *l, enum list_sql_kind kind, const char *what,
    char *bad, size_t len)
{
	struct db_param p[64];
	char *sql;
	int n;

	n = list_params(l, kind, p, sizeof(p) / sizeof(p[0]));
	ck_assert_int_ge(n, 0);
	sql = list_sql(l, kind);
	ck_assert_ptr_nonnull(sql);
	check_sql(sql, p, (size_t)n, kind == LIST_SQL_PAGE ? PLAN_PAGE :
	    PLAN_CAPPED, what, bad, len);
	free(sql);
}

static const char *const kinds[] = { "own", "team", "all" };

START_TEST(every_sort_of_every_list_reads_through_an_index)
{
	static char bad[3000];
	size_t checked = 0, computed = 0, keyset = 0;

	bad[0] = '\0';
	for (const struct sales_list *sl = sales_lists; sl->def != NULL; sl++) {
		const struct list_def *def = sl->def;

		for (size_t s = 0; s < def->nsorts; s++) {
			/* declared as what no index can serve, with why */
			if (def->sorts[s].flags & LIST_SORT_COMPUTED) {
				computed++;
				continue;
			}
			for (int desc = 0; desc <= 1; desc++)
				for (int kind = 0; kind <= 2; kind++) {
					struct list l;
					char what[160];

					list_init(&l, def);
					list_scope(&l, sl->scope, kind, 1, "gen-team",
					    "gen-manager");
					for (size_t k = 0; k < LIST_MAX_CTX; k++)
						list_ctx(&l, k, P_TEXT("2026-12-01"));
					if (strcmp(def->name, "activities-list") == 0)
						list_where(&l, "a.activity_date >= ? AND"
						    " a.activity_date < ?",
						    DB_ARGS(P_TEXT("2024-01-01"),
						    P_TEXT("2024-01-08")));
					ck_assert_int_eq(list_validate(&l, NULL), 0);
					ck_assert(!l.invalid && !l.overflow);
					l.sort = s;
					l.desc = desc;
					snprintf(what, sizeof(what), "%s by %s %s, scope %s",
					    def->name, def->sorts[s].name,
					    desc ? "desc" : "asc", kinds[kind]);
					check_plan(&l, LIST_SQL_PAGE, what, bad,
					    sizeof(bad));
					if (def->sort_keys != NULL &&
					    def->sort_keys[s] != NULL) {
						/* the next page, past row 5,000 */
						l.after = 5000;
						snprintf(what, sizeof(what), "%s by %s %s,"
						    " scope %s, past a row", def->name,
						    def->sorts[s].name, desc ? "desc" : "asc",
						    kinds[kind]);
						check_plan(&l, LIST_SQL_PAGE, what, bad,
						    sizeof(bad));
						keyset++;
					}
					list_done(&l);
					checked++;
				}
		}
	}
	/* six lists, fifteen sorts an index serves, the opportunities'
	 * score the one that no index can */
	ck_assert_uint_eq(computed, 1);
	ck_assert_uint_ge(checked, 6 * 6);
	/* orders 6 sorts, opportunities 4, activities 1, both ways, 3 scopes */
	ck_assert_uint_eq(keyset, (6 + 4 + 1) * 2 * 3);
	ck_assert_msg(bad[0] == '\0', "plans that read a large table whole:\n%s",
	    bad);
}
END_TEST

/* The ids of the page of l, in order, into ids (at most n). */
static size_t
page_ids(struct list *l, int64_t *ids, size_t n)
{
	struct db_param p[64];
	struct dbres *res;
	char *sql = list_sql(l, LIST_SQL_PAGE);
	int np = list_params(l, LIST_SQL_PAGE, p, sizeof(p) / sizeof(p[0]));
	size_t k;

	ck_assert_ptr_nonnull(sql);
	ck_assert_int_ge(np, 0);
	ck_assert_int_eq(db_query_text(dbt_db, "lists-t", sql, p, (size_t)np,
	    &res), 0);
	for (k = 0; k < dbres_rows(res) && k < n; k++)
		ids[k] = dbres_int(res, k, 0);
	dbres_free(res);
	free(sql);
	return k;
}

/* A list in kind of scope with its default filters and sort. */
static void
list_open(struct list *l, const struct sales_list *sl, int kind)
{
	list_init(l, sl->def);
	list_scope(l, sl->scope, kind, 1, "gen-team", "gen-manager");
	for (size_t k = 0; k < LIST_MAX_CTX; k++)
		list_ctx(l, k, P_TEXT("2026-12-01"));
	if (strcmp(sl->def->name, "activities-list") == 0)
		list_where(l, "a.activity_date >= ? AND a.activity_date < ?",
		    DB_ARGS(P_TEXT("2024-01-01"), P_TEXT("2024-01-08")));
	ck_assert_int_eq(list_validate(l, NULL), 0);
	ck_assert(!l->invalid && !l->overflow);
}

START_TEST(a_page_read_past_the_last_row_is_the_page_by_offset)
{
	size_t compared = 0;

	for (const struct sales_list *sl = sales_lists; sl->def != NULL; sl++) {
		const struct list_def *def = sl->def;

		for (size_t s = 0; def->sort_keys != NULL && s < def->nsorts; s++)
			for (int desc = 0; desc <= 1 && def->sort_keys[s] != NULL;
			    desc++) {
				int64_t before[1000], offset[1000], keyset[1000];
				size_t nb, no, nk;
				struct list l;

				/* everyone's rows (activities: of every week) */
				list_init(&l, def);
				for (size_t k = 0; k < LIST_MAX_CTX; k++)
					list_ctx(&l, k, P_TEXT("2026-12-01"));
				ck_assert_int_eq(list_validate(&l, NULL), 0);
				l.sort = s;
				l.desc = desc;
				l.page = 2;
				nb = page_ids(&l, before, 1000);
				l.page = 3;
				no = page_ids(&l, offset, 1000);
				ck_assert_uint_gt(nb, 0);
				l.after = before[nb - 1];
				nk = page_ids(&l, keyset, 1000);
				ck_assert_msg(no == nk && memcmp(offset, keyset,
				    no * sizeof(offset[0])) == 0, "%s by %s %s: page 3"
				    " past row %lld differs from page 3 by OFFSET",
				    def->name, def->sorts[s].name, desc ? "desc" : "asc",
				    (long long)l.after);
				list_done(&l);
				compared++;
			}
	}
	ck_assert_uint_eq(compared, (6 + 4 + 1) * 2);
}
END_TEST

START_TEST(every_count_of_every_list_reads_through_an_index)
{
	static char bad[3000];
	size_t checked = 0;

	bad[0] = '\0';
	for (const struct sales_list *sl = sales_lists; sl->def != NULL; sl++)
		for (int kind = 0; kind <= 2; kind++) {
			struct list l;
			char what[160];

			list_open(&l, sl, kind);
			snprintf(what, sizeof(what), "%s, its count and totals,"
			    " scope %s", sl->def->name, kinds[kind]);
			check_plan(&l, LIST_SQL_COUNT, what, bad, sizeof(bad));
			snprintf(what, sizeof(what), "%s, its count, scope %s",
			    sl->def->name, kinds[kind]);
			check_plan(&l, LIST_SQL_BARE_COUNT, what, bad, sizeof(bad));
			list_done(&l);
			checked++;
		}
	ck_assert_uint_ge(checked, 6 * 3);
	ck_assert_msg(bad[0] == '\0', "plans that read a large table whole:\n%s",
	    bad);
}
END_TEST

struct stats_check {
	const char *what;
	char *bad;
	size_t len;
	size_t checked;
};

static int
explain_stats(void *ctx, int g, struct sqlcond *c)
{
	struct stats_check *x = ctx;
	char what[200];

	snprintf(what, sizeof(what), "%s, table %d", x->what, g);
	check_sql(sqlcond_text(c), c->p, c->n, PLAN_AGGREGATE, what, x->bad,
	    x->len);
	x->checked++;
	return 0;
}

START_TEST(every_statistics_statement_reads_through_an_index)
{
	static char bad[6000];
	static const struct {
		const char *what, *from, *to;
		int64_t rep, customer, ptype, region;
		const char *team;
	} cases[] = {
		{ "a year", "2023-01-01", "2023-12-31", 0, 0, 0, 0, "" },
		{ "every date", "1000-01-01", "9999-12-31", 0, 0, 0, 0, "" },
		{ "cut months", "2023-01-10", "2023-06-20", 0, 0, 0, 0, "" },
		{ "within a month", "2023-02-03", "2023-02-17", 0, 0, 0, 0, "" },
		{ "a rep", "2023-01-01", "2023-12-31", 7, 0, 0, 0, "" },
		{ "a team", "2023-01-01", "2023-12-31", 0, 0, 0, 0, "gen-team" },
		{ "a customer", "2023-01-01", "2023-12-31", 0, 17, 0, 0, "" },
		{ "a product type and region", "2023-01-10", "2023-12-31", 0, 0, 2,
		    3, "" },
	};
	struct stats_check x = { NULL, bad, sizeof(bad), 0 };
	struct app app = { .db = dbt_db };
	struct req r;

	bad[0] = '\0';
	memset(&r, 0, sizeof(r));
	r.app = &app;
	r.lang = "zh";
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		for (int kind = 0; kind <= 2; kind++) {
			struct stats_filter f = { cases[i].from, cases[i].to,
			    cases[i].rep, cases[i].customer, cases[i].ptype,
			    cases[i].region, 0, cases[i].team };
			struct scope s = { (enum scope_kind)kind, 1, "gen-team",
			    "gen-manager" };
			char what[160];

			snprintf(what, sizeof(what), "statistics, %s, scope %s",
			    cases[i].what, kinds[kind]);
			x.what = what;
			ck_assert_int_eq(stats_statements(&r, &f, &s, explain_stats,
			    &x), 0);
		}
	ck_assert_uint_eq(x.checked, 8 * 3 * 7);
	ck_assert_msg(bad[0] == '\0', "plans that read a large table whole:\n%s",
	    bad);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("lists");
	TCase *tc = tcase_create("plans");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_sort_of_every_list_reads_through_an_index);
	tcase_add_test(tc, every_count_of_every_list_reads_through_an_index);
	tcase_add_test(tc, a_page_read_past_the_last_row_is_the_page_by_offset);
	tcase_add_test(tc, every_statistics_statement_reads_through_an_index);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
