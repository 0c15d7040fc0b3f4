/* list-bench: what a list of sales costs over 100 rows and over 100,000
 * (core/list: a count that stops at its cap, one page in SQL, sorts an
 * index serves).  For each size it shadows the tables of the orders and
 * customers lists with temporary tables of that many generated rows (on
 * its own connection: the stack's data is neither read nor changed),
 * then runs each case as list_run() does (the capped count, then the
 * page) and prints the median time of several runs.  Not a test: it
 * prints figures and fails only when it cannot run.
 *
 *   list-bench CONF [RUNS]     CONF: a stack's ticheng.conf */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/db.h"
#include "core/error.h"
#include "core/list.h"
#include "core/request.h"
#include "sales/sales.h"
#include "tests/bench/bench.h"

#define PART 2000               /* rows per INSERT (a busy server) */
#define MAX_RUNS 101

static struct db *db;

static void
die(const char *what, int rc)
{
	fprintf(stderr, "list-bench: %s: %s\n", what, tc_strerror(rc));
	exit(1);
}

/* Runs fixed setup text (no parameters, no values) and drops its
 * results. */
static void
exec_sql(const char *sql)
{
	MYSQL *m = db_handle(db);
	MYSQL_RES *res;

	if (m == NULL || mysql_query(m, sql) != 0) {
		fprintf(stderr, "list-bench: %s: %s\n", sql,
		    m != NULL ? mysql_error(m) : "not connected");
		exit(1);
	}
	do {
		if ((res = mysql_store_result(m)) != NULL)
			mysql_free_result(res);
	} while (mysql_next_result(m) == 0);
}

/* The shadow tables and their rows: "%d" the bounds of a part, "%lld"
 * the number of rows of the size (for spreading values). */
static const struct gen {
	const char *table;
	int per;                /* rows per 10 orders */
	const char *fill;
} gen[] = {
	{ "customers", 1,
	    "INSERT INTO customers (code, name, region_id, industry,"
	    " channel_id, owner_id, status, updated_at) SELECT CONCAT('B', seq),"
	    " CONCAT('customer ', seq), seq %% 7 + 1, '', seq %% 4 + 1,"
	    " seq %% 200 + 1, ELT(seq %% 3 + 1, 'active', 'prospect',"
	    " 'inactive'), DATE '2020-01-01' + INTERVAL seq MINUTE"
	    " FROM seq_%d_to_%d" },
	{ "orders", 10,
	    "INSERT INTO orders (order_no, customer_id, order_date, region_id,"
	    " channel_id, status, created_by, amount_total, cost_total,"
	    " amount_booked, cost_booked, collected) SELECT CONCAT('BO', seq),"
	    " seq %% %lld + 1, DATE '2020-01-01' + INTERVAL seq %% 2000 DAY,"
	    " seq %% 7 + 1, seq %% 4 + 1, IF(seq %% 10 = 0, 'cancelled',"
	    " 'booked'), 1, seq %% 9973, seq %% 4999, seq %% 9973, seq %% 4999,"
	    " seq %% 7919 FROM seq_%d_to_%d" },
	{ "order_reps", 10,
	    "INSERT INTO order_reps (order_id, person_id, share) SELECT seq,"
	    " (seq - 1) %% 200 + 1, 100 FROM seq_%d_to_%d" },
};

static void
shadow(long long orders)
{
	char sql[1024];

	for (size_t i = 0; i < sizeof(gen) / sizeof(gen[0]); i++) {
		long long rows = orders * gen[i].per / 10;

		snprintf(sql, sizeof(sql), "DROP TEMPORARY TABLE IF EXISTS %s",
		    gen[i].table);
		exec_sql(sql);
		snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE b_%s LIKE %s",
		    gen[i].table, gen[i].table);
		exec_sql(sql);
		snprintf(sql, sizeof(sql), "ALTER TABLE b_%s RENAME TO %s",
		    gen[i].table, gen[i].table);
		exec_sql(sql);
		for (long long from = 1; from <= rows; from += PART) {
			long long to = from + PART - 1 < rows ? from + PART - 1 :
			    rows;

			if (strcmp(gen[i].table, "orders") == 0)
				snprintf(sql, sizeof(sql), gen[i].fill,
				    orders / 10, (int)from, (int)to);
			else
				snprintf(sql, sizeof(sql), gen[i].fill, (int)from,
				    (int)to);
			exec_sql(sql);
		}
		snprintf(sql, sizeof(sql), "ANALYZE TABLE %s", gen[i].table);
		exec_sql(sql);
	}
}

/* Dies unless the shadow orders hold n rows: a connection lost and made
 * again has no temporary tables, and its figures would be the stack's. */
static void
check_shadow(long long n)
{
	MYSQL *m = db_handle(db);
	MYSQL_RES *res;
	MYSQL_ROW row;
	long long got = -1;

	if (m != NULL && mysql_query(m, "SELECT COUNT(*) FROM orders") == 0 &&
	    (res = mysql_store_result(m)) != NULL) {
		if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL)
			got = atoll(row[0]);
		mysql_free_result(res);
	}
	if (got != n) {
		fprintf(stderr, "list-bench: the generated orders are gone (%lld"
		    " rows, not %lld): the connection was lost, run again on a"
		    " quieter machine\n", got, n);
		exit(1);
	}
}

/* List def, as a reader of scope kind (0 own, 2 all) asks for it with
 * query qs: the capped count, the page clamped, the page.  Returns the
 * time in ms; *rows the rows of the page, *total the count. */
static double
run_list(const struct list_def *def, const struct list_scope *scope,
    int kind, const char *qs, size_t *rows, long long *total)
{
	struct req_fields f;
	struct list l;
	int64_t cap, shown;
	double t0;

	req_fields_init(&f);
	if (req_parse_query(&f, qs, strlen(qs), &req_limits_default) != 0)
		die(qs, TC_EINVAL);
	t0 = bench_now_ms();
	list_init(&l, def);
	list_scope(&l, scope, kind, 1, "bench-team", "bench-manager");
	if (list_validate(&l, &f) != 0 || l.invalid || l.overflow)
		die(qs, TC_EINVAL);
	l.totals = bench_list_query(db, &l, LIST_SQL_COUNT);
	l.total = dbres_int(l.totals, 0, 0);
	cap = def->cap > 0 ? def->cap : 10000;
	shown = l.total > cap ? cap : l.total;
	l.pages = shown > 0 ? (shown + def->per_page - 1) /
	    def->per_page : 1;
	if (l.page > l.pages)
		l.page = l.pages;
	l.rows = bench_list_query(db, &l, LIST_SQL_PAGE);
	*rows = dbres_rows(l.rows);
	*total = l.total;
	list_done(&l);
	req_fields_free(&f);
	return bench_now_ms() - t0;
}

/* The reader of scope "own" is person 1: 1 order of 100, 500 of 100,000
 * (the orders are spread over 200 reps). */
static const struct bench_case {
	const char *label;
	const struct list_def *def;
	const struct list_scope *scope;
	int kind;
	const char *qs;
} cases[] = {
	{ "orders, newest first, everyone's", &sales_orders_list,
	    &sales_order_scope, 2, "" },
	{ "orders by amount, largest first", &sales_orders_list,
	    &sales_order_scope, 2, "sort=amount&dir=desc" },
	{ "orders, last page (page 9999)", &sales_orders_list,
	    &sales_order_scope, 2, "page=9999" },
	{ "orders, cancelled only", &sales_orders_list, &sales_order_scope, 2,
	    "status=cancelled" },
	{ "orders of one rep (own scope)", &sales_orders_list,
	    &sales_order_scope, 0, "" },
	{ "customers by name", &sales_customers_list, &sales_customers_scope,
	    2, "" },
	{ "customers by name, page 50", &sales_customers_list,
	    &sales_customers_scope, 2, "page=50" },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

int
main(int argc, char **argv)
{
	static const long long sizes[] = { 100, 100000 };
	double ms[2][NCASES];
	long long total[2][NCASES];
	int runs = argc > 2 ? atoi(argv[2]) : 11;
	struct conf *c = NULL;
	char err[512] = "";
	int rc;

	if (argc < 2) {
		fprintf(stderr, "usage: list-bench CONF [RUNS]\n");
		return 2;
	}
	if (runs < 1 || runs > MAX_RUNS)
		runs = 11;
	if (conf_load(argv[1], &c, err, sizeof(err)) != 0) {
		fprintf(stderr, "list-bench: %s: %s\n", argv[1], err);
		return 1;
	}
	if ((rc = db_open(c, &db, err, sizeof(err))) != 0) {
		fprintf(stderr, "list-bench: database: %s\n", err);
		return 1;
	}
	for (size_t z = 0; z < 2; z++) {
		fprintf(stderr, "generating %lld orders...\n", sizes[z]);
		shadow(sizes[z]);
		check_shadow(sizes[z]);
		for (size_t k = 0; k < NCASES; k++) {
			double t[MAX_RUNS];
			size_t rows;

			/* once to prepare the statements and warm the cache */
			run_list(cases[k].def, cases[k].scope, cases[k].kind,
			    cases[k].qs, &rows, &total[z][k]);
			for (int i = 0; i < runs; i++)
				t[i] = run_list(cases[k].def, cases[k].scope,
				    cases[k].kind, cases[k].qs, &rows,
				    &total[z][k]);
			ms[z][k] = bench_median(t, runs);
			if (getenv("BENCH_VERBOSE") != NULL)
				fprintf(stderr, "%s: %.2f .. %.2f ms\n",
				    cases[k].label, t[0], t[runs - 1]);
		}
		check_shadow(sizes[z]);
	}
	printf("core/list: median of %d runs (count + page), in ms\n", runs);
	printf("%-36s %14s %14s %7s\n", "list", "100 orders", "100,000 orders",
	    "ratio");
	for (size_t k = 0; k < NCASES; k++)
		printf("%-36s %8.2f %5lld %8.2f %5lld%s %6.2fx\n", cases[k].label,
		    ms[0][k], total[0][k], ms[1][k],
		    total[1][k] > 10000 ? 10000 : total[1][k],
		    total[1][k] > 10000 ? "+" : " ", ms[1][k] / ms[0][k]);
	printf("(the figures after the times: the count the list shows)\n");
	db_close(db);
	conf_free(c);
	return 0;
}
