/* db-t: statement tables against the real MariaDB: typed parameters
 * round-trip, a duplicate key is TC_ECONFLICT, bad data is TC_EINVAL,
 * a rollback writes nothing; a write function's own transaction
 * (db_tx_begin/db_tx_end) is committed or rolled back by it, a caller's
 * is left to the caller. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "tests/db/harness.h"

/* A temporary table lives as long as the connection and is seen by no
 * other: each test gets its own, with no cleanup.  InnoDB, so that a
 * rollback undoes its rows. */
#define CREATE_VALUES "CREATE TEMPORARY TABLE dbt_values (" \
	"id BIGINT AUTO_INCREMENT PRIMARY KEY, " \
	"code VARCHAR(64) NOT NULL UNIQUE, " \
	"n BIGINT NULL, label VARCHAR(200) NULL, " \
	"amount DECIMAL(18,2) NULL, day DATE NULL, bytes VARBINARY(64) NULL) " \
	"ENGINE=InnoDB"

enum stmt {
	STMT_INSERT,
	STMT_GET,
	STMT_HEX,
	STMT_COUNT,
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_INSERT] = "INSERT INTO dbt_values (code, n, label, amount, day, "
	    "bytes) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_GET] = "SELECT id, n, label, amount, day FROM dbt_values "
	    "WHERE code = ?",
	[STMT_HEX] = "SELECT HEX(bytes) FROM dbt_values WHERE code = ?",
	[STMT_COUNT] = "SELECT COUNT(*) FROM dbt_values",
};

static struct db_table values_db = DB_TABLE("dbt", sql);

static void
setup(void)
{
	dbt_setup();
	dbt_sql(dbt_db, CREATE_VALUES);
}

static int
insert(const char *code, struct db_param n, struct db_param label,
    struct db_param amount, struct db_param day, uint64_t *id)
{
	return db_exec(dbt_db, &values_db, STMT_INSERT, DB_ARGS(P_TEXT(code),
	    n, label, amount, day, P_NULL), NULL, id);
}

static int64_t
count_rows(void)
{
	struct dbres *r;
	int64_t n;

	ck_assert_int_eq(db_query(dbt_db, &values_db, STMT_COUNT, DB_NOARGS,
	    &r), 0);
	n = dbres_int(r, 0, 0);
	dbres_free(r);
	return n;
}

START_TEST(statement_table_inserts_and_reports_the_new_id)
{
	uint64_t affected = 0, id1 = 0, id2 = 0;

	ck_assert_int_eq(db_exec(dbt_db, &values_db, STMT_INSERT,
	    DB_ARGS(P_TEXT("a"), P_INT(1), P_NULL, P_NULL, P_NULL, P_NULL),
	    &affected, &id1), 0);
	ck_assert_uint_eq(affected, 1);
	ck_assert_uint_gt(id1, 0);
	ck_assert_int_eq(insert("b", P_INT(2), P_NULL, P_NULL, P_NULL, &id2), 0);
	ck_assert_uint_gt(id2, id1);
	ck_assert_int_eq(count_rows(), 2);
}
END_TEST

START_TEST(typed_parameters_round_trip)
{
	static const struct {
		const char *code;
		int64_t n;
		const char *label;
		int64_t fen;
		const char *day;
		const char *amount_text;
	} rows[] = {
		{ "max", INT64_MAX, "提成 🧧 utf8mb4", 999999999999999999LL,
		    "2026-02-28", "9999999999999999.99" },
		{ "min", INT64_MIN, "O'Brien \\ \"%_;-- DROP TABLE x", -12345,
		    "1999-12-31", "-123.45" },
		{ "small", 0, "", -5, "2024-02-29", "-0.05" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		ck_assert_int_eq(insert(rows[i].code, P_INT(rows[i].n),
		    P_TEXT(rows[i].label), P_MONEY(rows[i].fen),
		    P_TEXT(rows[i].day), NULL), 0);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct dbres *r;

		ck_assert_int_eq(db_query(dbt_db, &values_db, STMT_GET,
		    DB_ARGS(P_TEXT(rows[i].code)), &r), 0);
		ck_assert_uint_eq(dbres_rows(r), 1);
		ck_assert_uint_eq(dbres_cols(r), 5);
		ck_assert_int_eq(dbres_int(r, 0, 1), rows[i].n);
		ck_assert_str_eq(dbres_text(r, 0, 2), rows[i].label);
		ck_assert_int_eq(dbres_money(r, 0, 3), rows[i].fen);
		ck_assert_str_eq(dbres_text(r, 0, 3), rows[i].amount_text);
		ck_assert_str_eq(dbres_text(r, 0, 4), rows[i].day);
		ck_assert(!dbres_null(r, 0, 2));
		dbres_free(r);
	}
}
END_TEST

START_TEST(null_parameters_read_back_as_null)
{
	struct dbres *r;

	ck_assert_int_eq(insert("nulls", P_NULL, P_TEXT_OR_NULL(""), P_NULL,
	    P_NULL, NULL), 0);
	ck_assert_int_eq(db_query(dbt_db, &values_db, STMT_GET,
	    DB_ARGS(P_TEXT("nulls")), &r), 0);
	ck_assert_uint_eq(dbres_rows(r), 1);
	for (size_t c = 1; c < 5; c++) {
		ck_assert_msg(dbres_null(r, 0, c), "column %zu not NULL", c);
		ck_assert_str_eq(dbres_text(r, 0, c), "");
	}
	ck_assert_int_eq(dbres_int(r, 0, 1), 0);
	ck_assert_int_eq(dbres_money(r, 0, 3), 0);
	dbres_free(r);
}
END_TEST

START_TEST(blob_parameter_keeps_every_byte)
{
	static const char bytes[] = { 'a', '\0', '\'', (char)0xff, '\n' };
	struct dbres *r;

	ck_assert_int_eq(db_exec(dbt_db, &values_db, STMT_INSERT,
	    DB_ARGS(P_TEXT("blob"), P_NULL, P_NULL, P_NULL, P_NULL,
	    P_BLOB(bytes, sizeof(bytes))), NULL, NULL), 0);
	ck_assert_int_eq(db_query(dbt_db, &values_db, STMT_HEX,
	    DB_ARGS(P_TEXT("blob")), &r), 0);
	ck_assert_str_eq(dbres_text(r, 0, 0), "610027FF0A");
	dbres_free(r);
}
END_TEST

START_TEST(query_without_rows_is_empty_not_an_error)
{
	struct dbres *r = NULL;

	ck_assert_int_eq(db_query(dbt_db, &values_db, STMT_GET,
	    DB_ARGS(P_TEXT("nobody")), &r), 0);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(dbres_rows(r), 0);
	ck_assert_uint_eq(dbres_cols(r), 5);
	ck_assert(dbres_null(r, 0, 0));
	/* a column's presence asked without a log line, by name */
	ck_assert(dbres_has_col(r, "label"));
	ck_assert(!dbres_has_col(r, "closed_by"));
	ck_assert_int_eq(dbres_col(r, "day"), 4);
	dbres_free(r);
}
END_TEST

START_TEST(duplicate_key_is_conflict_and_writes_nothing)
{
	ck_assert_int_eq(insert("twice", P_INT(1), P_NULL, P_NULL, P_NULL,
	    NULL), 0);
	ck_assert_int_eq(insert("twice", P_INT(2), P_NULL, P_NULL, P_NULL,
	    NULL), TC_ECONFLICT);
	ck_assert_int_eq(count_rows(), 1);
}
END_TEST

START_TEST(bad_values_are_einval)
{
	char long_label[202];
	int rc;

	/* NOT NULL code left NULL. */
	rc = db_exec(dbt_db, &values_db, STMT_INSERT, DB_ARGS(P_NULL, P_NULL,
	    P_NULL, P_NULL, P_NULL, P_NULL), NULL, NULL);
	ck_assert_int_eq(rc, TC_EINVAL);
	/* An amount beyond DECIMAL(18,2). */
	rc = insert("big", P_NULL, P_NULL, P_MONEY(INT64_MAX), P_NULL, NULL);
	ck_assert_int_eq(rc, TC_EINVAL);
	/* A date that does not exist. */
	rc = insert("feb30", P_NULL, P_NULL, P_NULL, P_TEXT("2026-02-30"),
	    NULL);
	ck_assert_int_eq(rc, TC_EINVAL);
	/* 201 characters in a VARCHAR(200): refused, never cut. */
	memset(long_label, 'x', sizeof(long_label) - 1);
	long_label[sizeof(long_label) - 1] = '\0';
	rc = insert("long", P_NULL, P_TEXT(long_label), P_NULL, P_NULL,
	    NULL);
	ck_assert_int_eq(rc, TC_EINVAL);
	ck_assert_int_eq(count_rows(), 0);
}
END_TEST

START_TEST(wrong_parameter_count_is_refused_before_running)
{
	ck_assert_int_eq(db_exec(dbt_db, &values_db, STMT_INSERT,
	    DB_ARGS(P_TEXT("short"), P_INT(1)), NULL, NULL), TC_EINVAL);
	ck_assert_int_eq(db_exec(dbt_db, &values_db, STMT__MAX, DB_NOARGS,
	    NULL, NULL), TC_EINVAL);
	ck_assert_int_eq(count_rows(), 0);
}
END_TEST

START_TEST(rollback_writes_nothing_commit_keeps)
{
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert(db_in_transaction(dbt_db));
	ck_assert_int_eq(insert("undone", P_INT(1), P_NULL, P_NULL, P_NULL,
	    NULL), 0);
	ck_assert_int_eq(count_rows(), 1);
	ck_assert_int_eq(db_rollback(dbt_db), 0);
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(count_rows(), 0);

	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(insert("kept", P_INT(1), P_NULL, P_NULL, P_NULL,
	    NULL), 0);
	ck_assert_int_eq(db_commit(dbt_db), 0);
	ck_assert_int_eq(count_rows(), 1);
}
END_TEST

/* A write function: one row, then rc (its verdict). */
static int
write_fn(const char *code, int verdict)
{
	bool own;
	int rc;

	if ((rc = db_tx_begin(dbt_db, &own)) != 0)
		return rc;
	rc = insert(code, P_NULL, P_NULL, P_NULL, P_NULL, NULL);
	if (rc == 0)
		rc = verdict;
	return db_tx_end(dbt_db, own, rc);
}

START_TEST(a_write_functions_own_transaction_ends_with_it)
{
	ck_assert_int_eq(write_fn("own-ok", 0), 0);
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(count_rows(), 1);
	ck_assert_int_eq(write_fn("own-bad", TC_EINVAL), TC_EINVAL);
	ck_assert(!db_in_transaction(dbt_db));
	ck_assert_int_eq(count_rows(), 1);
}
END_TEST

START_TEST(a_callers_transaction_is_left_to_the_caller)
{
	ck_assert_int_eq(db_begin(dbt_db), 0);
	ck_assert_int_eq(write_fn("in-1", 0), 0);
	ck_assert(db_in_transaction(dbt_db));
	/* a refusal inside is the caller's to roll back, with the rest */
	ck_assert_int_eq(write_fn("in-2", TC_EINVAL), TC_EINVAL);
	ck_assert(db_in_transaction(dbt_db));
	ck_assert_int_eq(count_rows(), 2);
	ck_assert_int_eq(db_rollback(dbt_db), 0);
	ck_assert_int_eq(count_rows(), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("db");
	TCase *t = tcase_create("statements");
	SRunner *sr;

	tcase_add_checked_fixture(t, setup, dbt_teardown);
	tcase_add_test(t, statement_table_inserts_and_reports_the_new_id);
	tcase_add_test(t, typed_parameters_round_trip);
	tcase_add_test(t, null_parameters_read_back_as_null);
	tcase_add_test(t, blob_parameter_keeps_every_byte);
	tcase_add_test(t, query_without_rows_is_empty_not_an_error);
	tcase_add_test(t, duplicate_key_is_conflict_and_writes_nothing);
	tcase_add_test(t, bad_values_are_einval);
	tcase_add_test(t, wrong_parameter_count_is_refused_before_running);
	tcase_add_test(t, rollback_writes_nothing_commit_keeps);
	tcase_add_test(t, a_write_functions_own_transaction_ends_with_it);
	tcase_add_test(t, a_callers_transaction_is_left_to_the_caller);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
