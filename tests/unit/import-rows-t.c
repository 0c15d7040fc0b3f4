/* import-rows-t: the rows of an orders.csv / payments.csv upload are
 * checked without a database: formats, splits, header agreement within
 * an order, duplicate lines and payment ids; every bad row is named. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "sales/import-rows.h"

static const char HDR[] = "order_id,line,date,rep,customer,product,"
    "quantity,amount,cost,status\n";

/* Reads orders text; returns the error list (caller frees). */
static struct imp_errs
read_orders(const char *text, struct imp_orders *o)
{
	struct imp_errs e = { 0 };

	ck_assert_int_eq(imp_orders_read(text, strlen(text), o, &e), 0);
	return e;
}

static bool
has_err(const struct imp_errs *e, uint32_t line, const char *col,
    const char *key)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->v[i].line == line && strcmp(e->v[i].column, col) == 0 &&
		    strcmp(e->v[i].key, key) == 0)
			return true;
	return false;
}

START_TEST(rep_split_parses_and_must_sum_to_100)
{
	struct imp_split s[IMP_MAX_SPLITS];

	ck_assert_int_eq(imp_parse_rep("alice", s), 1);
	ck_assert_int_eq(s[0].share, 1000000);
	ck_assert_int_eq(imp_parse_rep("alice:60|bob:40", s), 2);
	ck_assert_str_eq(s[1].login, "bob");
	ck_assert_int_eq(s[1].share, 400000);
	ck_assert_int_eq(imp_parse_rep("a:33.3333|b:33.3333|c:33.3334", s), 3);
	ck_assert_int_eq(imp_parse_rep("alice:100", s), 1);
	ck_assert_int_eq(imp_parse_rep("alice:60|bob:30", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:60|alice:40", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:0|bob:100", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:-10|bob:110", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:50.00001|bob:49.99999", s), -1);
	ck_assert_int_eq(imp_parse_rep(":100", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:60|", s), -1);
	ck_assert_int_eq(imp_parse_rep("alice:60%|bob:40%", s), -1);
	ck_assert_int_eq(imp_parse_rep("", s), -1);
}
END_TEST

START_TEST(good_file_groups_lines_into_orders)
{
	struct imp_orders o;
	struct imp_errs e = read_orders(
	    "\xEF\xBB\xBF" "order_id,line,date,rep,customer,product,"
	    "quantity,amount,cost,status\r\n"
	    "A1,1,2026-03-02,alice,C1,P1,2,100.50,,booked\r\n"
	    "B2,,2026-03-03,alice:60|bob:40,C2,P1,1,50,30,\r\n"
	    "A1,2,2026-03-02,alice,C1,P2,-1,-20,,\r\n"
	    "C3,1,2026-03-04,bob,C1,P1,1,10,,cancelled\r\n", &o);

	ck_assert_int_eq(e.n, 0);
	ck_assert_int_eq(o.nrow, 4);
	ck_assert_int_eq(o.norder, 3);
	ck_assert_int_eq(o.order[0].nlines, 2);
	ck_assert_int_eq(o.order[0].amount, 8050);
	ck_assert_int_eq(o.row[2].order, 0);
	ck_assert_int_eq(o.row[1].line_no, 1);
	ck_assert_int_eq(o.row[1].nsplit, 2);
	ck_assert(o.row[1].has_cost);
	ck_assert_int_eq(o.row[1].cost, 3000);
	ck_assert_int_eq(o.row[2].qty, -1000);
	ck_assert(o.order[2].all_cancelled);
	ck_assert(!o.order[0].all_cancelled);
	ck_assert_int_eq(o.row[3].line, 5);
	imp_orders_free(&o);
	imp_errs_free(&e);
}
END_TEST

START_TEST(every_bad_row_is_named_with_line_and_column)
{
	struct imp_orders o;
	char text[2048];
	struct imp_errs e;

	snprintf(text, sizeof(text), "%s"
	    "A1,1,2026-03-02,alice,C1,P1,2,100,,booked\n"
	    "A1,2,2026-02-30,alice,C1,P1,2,100,,booked\n"      /* line 3 */
	    "A2,1,2026-03-02,alice:50|bob:40,C1,P1,1,1,,\n"    /* line 4 */
	    "A3,1,2026-03-02,bob,C1,P1,1 ,1.005,,shipped\n"    /* line 5 */
	    "\n"
	    "A1,1,2026-03-02,alice,C2,P1,1,1,,\n"              /* line 7 */
	    "A4,1,2026-03-02,bob,C1\n", HDR);                  /* line 8 */
	e = read_orders(text, &o);
	ck_assert(has_err(&e, 3, "date", "imp_err_date"));
	ck_assert(has_err(&e, 4, "rep", "imp_err_rep"));
	ck_assert(has_err(&e, 5, "quantity", "imp_err_quantity"));
	ck_assert(has_err(&e, 5, "amount", "imp_err_money"));
	ck_assert(has_err(&e, 5, "status", "imp_err_status"));
	ck_assert(has_err(&e, 7, "customer", "imp_err_header_mismatch"));
	ck_assert(has_err(&e, 7, "line", "imp_err_dup_line"));
	ck_assert(has_err(&e, 8, "", "imp_err_fields"));
	ck_assert_int_eq(imp_errs_lines(&e), 5);
	imp_orders_free(&o);
	imp_errs_free(&e);
}
END_TEST

START_TEST(rows_of_one_order_must_agree_on_date_and_rep)
{
	struct imp_orders o;
	char text[1024];
	struct imp_errs e;

	snprintf(text, sizeof(text), "%s"
	    "A1,1,2026-03-02,alice:50|bob:50,C1,P1,1,1,,\n"
	    "A1,2,2026-03-03,bob:50|alice:50,C1,P1,1,1,,\n"
	    "A1,3,2026-03-02,alice,C1,P1,1,1,,\n", HDR);
	e = read_orders(text, &o);
	ck_assert(has_err(&e, 3, "date", "imp_err_header_mismatch"));
	ck_assert(!has_err(&e, 3, "rep", "imp_err_header_mismatch"));
	ck_assert(has_err(&e, 4, "rep", "imp_err_header_mismatch"));
	ck_assert_int_eq(e.n, 2);
	imp_orders_free(&o);
	imp_errs_free(&e);
}
END_TEST

START_TEST(missing_columns_and_bad_csv_are_reported)
{
	struct imp_orders o;
	struct imp_errs e = read_orders("order_id,date,rep\nA1,2026-01-01,a\n",
	    &o);

	ck_assert(has_err(&e, 1, "product", "imp_err_missing_column"));
	ck_assert(has_err(&e, 1, "amount", "imp_err_missing_column"));
	imp_orders_free(&o);
	imp_errs_free(&e);

	e = read_orders("order_id,line,date,rep,customer,product,quantity,"
	    "amount\nA1,1,2026-01-01,a,C,P,1,\"2\"x\n", &o);
	ck_assert(has_err(&e, 2, "", "imp_err_csv"));
	imp_orders_free(&o);
	imp_errs_free(&e);

	e = read_orders("", &o);
	ck_assert(has_err(&e, 0, "", "imp_err_empty"));
	imp_orders_free(&o);
	imp_errs_free(&e);
}
END_TEST

START_TEST(payments_refuse_duplicates_zero_and_bad_formats)
{
	static const char text[] =
	    "payment_id,order_id,date,amount,reference\n"
	    "P1,A1,2026-03-02,100.00,银行回单 001\n"
	    "P2,A1,2026-03-03,-20,\n"
	    "P1,A2,2026-03-04,5,\n"
	    "P3,A2,2026-03-04,0,\n"
	    "P4,A2,2026-03-32,1.234,\n";
	struct imp_payments p;
	struct imp_errs e = { 0 };

	ck_assert_int_eq(imp_payments_read(text, strlen(text), &p, &e), 0);
	ck_assert_int_eq(p.nrow, 5);
	ck_assert_int_eq(p.row[1].amount, -2000);
	ck_assert_str_eq(p.row[0].reference, "银行回单 001");
	ck_assert(has_err(&e, 4, "payment_id", "imp_err_dup_payment"));
	ck_assert(has_err(&e, 5, "amount", "imp_err_zero_amount"));
	ck_assert(has_err(&e, 6, "date", "imp_err_date"));
	ck_assert(has_err(&e, 6, "amount", "imp_err_money"));
	ck_assert_int_eq(imp_errs_lines(&e), 3);
	imp_payments_free(&p);
	imp_errs_free(&e);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("import-rows");
	TCase *tc = tcase_create("rows");
	SRunner *sr;

	tcase_add_test(tc, rep_split_parses_and_must_sum_to_100);
	tcase_add_test(tc, good_file_groups_lines_into_orders);
	tcase_add_test(tc, every_bad_row_is_named_with_line_and_column);
	tcase_add_test(tc, rows_of_one_order_must_agree_on_date_and_rep);
	tcase_add_test(tc, missing_columns_and_bad_csv_are_reported);
	tcase_add_test(tc, payments_refuse_duplicates_zero_and_bad_formats);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
