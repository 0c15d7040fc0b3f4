/* db-bulk-t: many rows in one execution against the real MariaDB: every
 * row arrives with its values (integers, money to the fen, texts, NULLs),
 * batches flush when full and on demand, a duplicate key is TC_ECONFLICT
 * and an update in bulk changes the rows it names. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/db-bulk.h"
#include "core/error.h"
#include "tests/db/harness.h"

#define CREATE "CREATE TEMPORARY TABLE bulk_t (id BIGINT PRIMARY KEY, " \
	"amount DECIMAL(18,2) NULL, label VARCHAR(40) NULL, day DATE NULL) " \
	"ENGINE=InnoDB"

static const char insert_sql[] =
    "INSERT INTO bulk_t (id, amount, label, day) VALUES (?, ?, ?, ?)";
static const enum db_type insert_types[] = { DBT_INT, DBT_DEC, DBT_TEXT,
    DBT_TEXT };

enum stmt { ST_COUNT, ST_GET, ST_SUM, ST__MAX };

static const char *const sql[ST__MAX] = {
	[ST_COUNT] = "SELECT COUNT(*) FROM bulk_t",
	[ST_GET] = "SELECT amount, label, day FROM bulk_t WHERE id = ?",
	[ST_SUM] = "SELECT SUM(amount) FROM bulk_t",
};

static struct db_table t_db = DB_TABLE("db-bulk-t", sql);

static void
setup(void)
{
	dbt_setup();
	dbt_sql(dbt_db, CREATE);
}

static int64_t
scalar(int idx)
{
	struct dbres *r;
	int64_t v;

	ck_assert_int_eq(db_query(dbt_db, &t_db, idx, DB_NOARGS, &r), 0);
	v = idx == ST_SUM ? dbres_money(r, 0, 0) : dbres_int(r, 0, 0);
	dbres_free(r);
	return v;
}

START_TEST(rows_in_batches_arrive_with_every_value)
{
	struct db_bulk *b;
	int64_t fen_total = 0;

	ck_assert_int_eq(db_bulk_open(dbt_db, insert_sql, insert_types, 4, 7,
	    &b), 0);
	for (int i = 1; i <= 100; i++) {
		char label[32], day[11];
		int64_t fen = (i % 3 == 0 ? -1 : 1) * (int64_t)i * 1234567;

		snprintf(label, sizeof(label), "行 %d, \"x\"", i);
		snprintf(day, sizeof(day), "2026-%02d-%02d", i % 12 + 1,
		    i % 28 + 1);
		fen_total += fen;
		ck_assert_int_eq(db_bulk_add(b, (const struct db_param[]){
		    P_INT(i), P_MONEY(fen), i % 10 == 0 ? P_NULL : P_TEXT(label),
		    P_TEXT(day) }), 0);
	}
	/* 98 rows went in 14 full batches; 2 wait for the flush. */
	ck_assert_uint_eq(db_bulk_rows(b), 98);
	ck_assert_int_eq(db_bulk_flush(b), 0);
	ck_assert_uint_eq(db_bulk_rows(b), 100);
	db_bulk_close(b);
	ck_assert_int_eq(scalar(ST_COUNT), 100);
	ck_assert_int_eq(scalar(ST_SUM), fen_total);

	struct dbres *r;

	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_GET, DB_ARGS(P_INT(3)),
	    &r), 0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "-37037.01");
	ck_assert_str_eq(dbres_text(r, 0, 1), "行 3, \"x\"");
	ck_assert_str_eq(dbres_text(r, 0, 2), "2026-04-04");
	dbres_free(r);
	ck_assert_int_eq(db_query(dbt_db, &t_db, ST_GET, DB_ARGS(P_INT(10)),
	    &r), 0);
	ck_assert(dbres_null(r, 0, 1));
	dbres_free(r);
}
END_TEST

START_TEST(a_duplicate_key_is_a_conflict)
{
	struct db_bulk *b;

	ck_assert_int_eq(db_bulk_open(dbt_db, insert_sql, insert_types, 4, 10,
	    &b), 0);
	ck_assert_int_eq(db_bulk_add(b, (const struct db_param[]){ P_INT(1),
	    P_MONEY(100), P_NULL, P_NULL }), 0);
	ck_assert_int_eq(db_bulk_add(b, (const struct db_param[]){ P_INT(1),
	    P_MONEY(200), P_NULL, P_NULL }), 0);
	ck_assert_int_eq(db_bulk_flush(b), TC_ECONFLICT);
	db_bulk_close(b);
}
END_TEST

START_TEST(an_update_in_bulk_changes_the_rows_it_names)
{
	static const enum db_type update_types[] = { DBT_DEC, DBT_INT };
	struct db_bulk *ins, *upd;

	ck_assert_int_eq(db_bulk_open(dbt_db, insert_sql, insert_types, 4, 50,
	    &ins), 0);
	for (int i = 1; i <= 20; i++)
		ck_assert_int_eq(db_bulk_add(ins, (const struct db_param[]){
		    P_INT(i), P_MONEY(100), P_NULL, P_NULL }), 0);
	ck_assert_int_eq(db_bulk_flush(ins), 0);
	db_bulk_close(ins);
	ck_assert_int_eq(db_bulk_open(dbt_db,
	    "UPDATE bulk_t SET amount = ? WHERE id = ?", update_types, 2, 4,
	    &upd), 0);
	for (int i = 2; i <= 20; i += 2)
		ck_assert_int_eq(db_bulk_add(upd, (const struct db_param[]){
		    P_MONEY(250), P_INT(i) }), 0);
	ck_assert_int_eq(db_bulk_flush(upd), 0);
	ck_assert_uint_eq(db_bulk_affected(upd), 10);
	db_bulk_close(upd);
	ck_assert_int_eq(scalar(ST_SUM), 10 * 100 + 10 * 250);
}
END_TEST

START_TEST(a_statement_with_other_parameters_is_refused)
{
	struct db_bulk *b = (struct db_bulk *)1;

	ck_assert_int_eq(db_bulk_open(dbt_db, insert_sql, insert_types, 3, 10,
	    &b), TC_EDB);
	ck_assert_ptr_null(b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db-bulk");
	TCase *t = tcase_create("bulk");
	SRunner *sr;

	tcase_add_checked_fixture(t, setup, dbt_teardown);
	tcase_add_test(t, rows_in_batches_arrive_with_every_value);
	tcase_add_test(t, a_duplicate_key_is_a_conflict);
	tcase_add_test(t, an_update_in_bulk_changes_the_rows_it_names);
	tcase_add_test(t, a_statement_with_other_parameters_is_refused);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
