/* db-dec-t: typed decimal and date parameters reach MariaDB exactly, the
 * checked readers refuse what they cannot hold, and columns are read by
 * their name or alias. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/db.h"
#include "core/decimal.h"
#include "core/error.h"
#include "tests/db/harness.h"

#define CREATE_FIGURES "CREATE TEMPORARY TABLE dbt_figures (" \
	"id BIGINT AUTO_INCREMENT PRIMARY KEY, " \
	"amount DECIMAL(18,2) NULL, qty DECIMAL(15,3) NULL, " \
	"pct DECIMAL(9,4) NULL, day DATE NULL, wide DECIMAL(30,6) NULL) " \
	"ENGINE=InnoDB"

enum stmt { S_INSERT, S_GET, S_TEXT, S__MAX };

static const char *const sql[S__MAX] = {
	[S_INSERT] = "INSERT INTO dbt_figures (amount, qty, pct, day, wide)"
	    " VALUES (?, ?, ?, ?, ?)",
	[S_GET] = "SELECT f.id, f.amount, f.qty AS quantity, f.pct, f.day,"
	    " f.wide, f.amount * 2 AS doubled FROM dbt_figures f WHERE f.id = ?",
	[S_TEXT] = "SELECT CAST(amount AS CHAR) AS amount, CAST(qty AS CHAR)"
	    " AS qty, CAST(pct AS CHAR) AS pct, CAST(day AS CHAR) AS day"
	    " FROM dbt_figures WHERE id = ?",
};

static struct db_table fig_db = DB_TABLE("dbt-figures", sql);

static void
setup(void)
{
	dbt_setup();
	dbt_sql(dbt_db, CREATE_FIGURES);
}

static uint64_t
insert(struct db_param amount, struct db_param qty, struct db_param pct,
    struct db_param day, struct db_param wide)
{
	uint64_t id = 0;

	ck_assert_int_eq(db_exec(dbt_db, &fig_db, S_INSERT, DB_ARGS(amount,
	    qty, pct, day, wide), NULL, &id), 0);
	return id;
}

static struct dbres *
get(int idx, uint64_t id)
{
	struct dbres *r = NULL;

	ck_assert_int_eq(db_query(dbt_db, &fig_db, idx,
	    DB_ARGS(P_INT((int64_t)id)), &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 1);
	return r;
}

START_TEST(typed_parameters_are_stored_exactly)
{
	static const struct {
		int64_t fen, milli, pct;
		int32_t day;
		const char *amount, *qty, *pcts, *days;
	} cases[] = {
		{ 123456, 1500, 125000, 20261202, "1234.56", "1.500",
		    "12.5000", "2026-12-02" },
		{ -5, -1, -1, 10000101, "-0.05", "-0.001", "-0.0001",
		    "1000-01-01" },
		{ 0, 0, 0, 99991231, "0.00", "0.000", "0.0000",
		    "9999-12-31" },
		{ 999999999999999999LL, 999999999999LL, 99999999,
		    20280229, "9999999999999999.99", "999999999.999",
		    "9999.9999", "2028-02-29" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t id = insert(P_MONEY(cases[i].fen),
		    P_QTY(cases[i].milli), P_PCT(cases[i].pct),
		    P_DATE(cases[i].day), P_NULL);
		struct dbres *r = get(S_TEXT, id);

		ck_assert_str_eq(dbres_text_col(r, 0, "amount"),
		    cases[i].amount);
		ck_assert_str_eq(dbres_text_col(r, 0, "qty"), cases[i].qty);
		ck_assert_str_eq(dbres_text_col(r, 0, "pct"), cases[i].pcts);
		ck_assert_str_eq(dbres_text_col(r, 0, "day"), cases[i].days);
		dbres_free(r);
	}
}
END_TEST

START_TEST(checked_reads_by_name_give_the_scaled_values)
{
	uint64_t id = insert(P_MONEY(-123456), P_QTY(2500), P_PCT(50000),
	    P_DATE(20260731), P_DEC(1, 6));
	struct dbres *r = get(S_GET, id);
	int64_t v;
	int32_t d;

	ck_assert_int_eq(dbres_money_col(r, 0, "amount"), -123456);
	ck_assert_int_eq(dbres_dec_col(r, 0, "quantity", TC_SCALE_QTY, &v), 0);
	ck_assert_int_eq(v, 2500);
	/* a quantity read at a finer scale is the same value */
	ck_assert_int_eq(dbres_dec_col(r, 0, "quantity", 4, &v), 0);
	ck_assert_int_eq(v, 25000);
	ck_assert_int_eq(dbres_dec_col(r, 0, "pct", TC_SCALE_PCT, &v), 0);
	ck_assert_int_eq(v, 50000);
	ck_assert_int_eq(dbres_date_col(r, 0, "day", &d), 0);
	ck_assert_int_eq(d, 20260731);
	/* an expression by its alias; the positions agree with the names */
	ck_assert_int_eq(dbres_money_col(r, 0, "doubled"), -246912);
	ck_assert_int_eq(dbres_col(r, "doubled"), 6);
	ck_assert_int_eq(dbres_col(r, "quantity"), 2);
	ck_assert_int_eq(dbres_col(r, "id"), 0);
	ck_assert_int_eq(dbres_int_col(r, 0, "id"), (int64_t)id);
	ck_assert_int_eq(dbres_money(r, 0, 1), -123456);
	dbres_free(r);
}
END_TEST

START_TEST(a_value_finer_than_its_scale_fails_loudly)
{
	uint64_t id = insert(P_MONEY(100), P_QTY(1234), P_PCT(1),
	    P_DATE(20261202), P_DEC(1234567, 6));
	struct dbres *r = get(S_GET, id);
	int64_t v = 99;

	/* 1.234 units are not a whole number of hundredths */
	ck_assert_int_eq(dbres_dec_col(r, 0, "quantity", 2, &v), TC_EDB);
	ck_assert_int_eq(v, 0);
	/* 0.0001% read as a percent with 2 decimals */
	v = 99;
	ck_assert_int_eq(dbres_dec_col(r, 0, "pct", 2, &v), TC_EDB);
	ck_assert_int_eq(v, 0);
	/* 1.234567 is no money: read as 0, never rounded to 1.23 */
	ck_assert_int_eq(dbres_money_col(r, 0, "wide"), 0);
	/* a date is no decimal, a decimal no date */
	v = 99;
	ck_assert_int_eq(dbres_dec_col(r, 0, "day", 2, &v), TC_EDB);
	ck_assert_int_eq(v, 0);
	{
		int32_t d = 7;

		ck_assert_int_eq(dbres_date_col(r, 0, "amount", &d), TC_EDB);
		ck_assert_int_eq(d, 0);
	}
	dbres_free(r);
}
END_TEST

START_TEST(null_reads_as_zero_and_says_so)
{
	uint64_t id = insert(P_NULL, P_NULL, P_NULL, P_NULL, P_NULL);
	struct dbres *r = get(S_GET, id);
	int64_t v = 5;
	int32_t d = 5;

	ck_assert(dbres_null_col(r, 0, "amount"));
	ck_assert_int_eq(dbres_dec_col(r, 0, "quantity", TC_SCALE_QTY, &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(dbres_date_col(r, 0, "day", &d), 0);
	ck_assert_int_eq(d, 0);
	dbres_free(r);
}
END_TEST

START_TEST(an_unknown_column_name_reads_as_null)
{
	uint64_t id = insert(P_MONEY(1), P_NULL, P_NULL, P_NULL, P_NULL);
	struct dbres *r = get(S_GET, id);

	/* the table's name, not the alias the statement gives */
	ck_assert_int_eq(dbres_col(r, "qty"), -1);
	ck_assert_int_eq(dbres_col(r, "f.amount"), -1);
	ck_assert(dbres_null_col(r, 0, "qty"));
	ck_assert_str_eq(dbres_text_col(r, 0, "no_such"), "");
	ck_assert_int_eq(dbres_int_col(r, 0, "no_such"), 0);
	dbres_free(r);
}
END_TEST

START_TEST(a_bad_scale_or_date_parameter_is_refused)
{
	uint64_t id = 0;

	ck_assert_int_eq(db_exec(dbt_db, &fig_db, S_INSERT, DB_ARGS(P_MONEY(1),
	    P_NULL, P_NULL, P_DATE(20260230), P_NULL), NULL, &id), TC_EINVAL);
	ck_assert_int_eq(db_exec(dbt_db, &fig_db, S_INSERT, DB_ARGS(
	    P_DEC(1, TC_SCALE_MAX + 1), P_NULL, P_NULL, P_NULL, P_NULL), NULL,
	    &id), TC_EINVAL);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db-dec");
	TCase *tc = tcase_create("db-dec");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, dbt_teardown);
	tcase_add_test(tc, typed_parameters_are_stored_exactly);
	tcase_add_test(tc, checked_reads_by_name_give_the_scaled_values);
	tcase_add_test(tc, a_value_finer_than_its_scale_fails_loudly);
	tcase_add_test(tc, null_reads_as_zero_and_says_so);
	tcase_add_test(tc, an_unknown_column_name_reads_as_null);
	tcase_add_test(tc, a_bad_scale_or_date_parameter_is_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
