/* fixtures-t: the db suite leaves none of its people on the stack.  A
 * person made with dbt_person, a customer they own, an order they
 * created with a line (whose triggers write the order's totals), a
 * payment of it, their credit on it and a demo person's order they are
 * credited on (a share of 1%): dbt_forget_people deletes the person and
 * what refers to it, through every level, and nothing else (the demo's
 * order stays, without the credit). */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/app.h"
#include "tests/db/harness.h"

enum stmt {
	F_CUSTOMER, F_ORDER, F_LINE, F_PAYMENT, F_CREDIT, F_DEMO_ORDER,
	F_COUNT, F_LEFT, F__MAX
};

static const char *const sql[F__MAX] = {
	[F_CUSTOMER] = "INSERT INTO customers (code, name, region_id,"
	    " channel_id, owner_id) SELECT ?, ?, (SELECT MIN(id) FROM regions),"
	    " (SELECT MIN(id) FROM channels), ?",
	[F_ORDER] = "INSERT INTO orders (order_no, customer_id, order_date,"
	    " region_id, channel_id, created_by) SELECT ?, c.id, '2026-03-05',"
	    " c.region_id, c.channel_id, ? FROM customers c WHERE c.id = ?",
	[F_LINE] = "INSERT INTO order_lines (order_id, line_no, product_id,"
	    " quantity, unit_price, amount, cost) SELECT ?, 1, MIN(id), 1, 10,"
	    " 10, 5 FROM products",
	[F_PAYMENT] = "INSERT INTO payments (payment_no, order_id,"
	    " payment_date, amount, created_by) VALUES (?, ?, '2026-03-06', 10,"
	    " ?)",
	[F_CREDIT] = "INSERT INTO order_reps (order_id, person_id, share)"
	    " VALUES (?, ?, ?)",
	/* an order of the demo data (the lowest id) */
	[F_DEMO_ORDER] = "SELECT MIN(id) AS id FROM orders",
	[F_COUNT] = "SELECT"
	    " (SELECT COUNT(*) FROM people WHERE id = ?) AS people,"
	    " (SELECT COUNT(*) FROM customers WHERE id = ?) AS customers,"
	    " (SELECT COUNT(*) FROM orders WHERE id = ?) AS orders,"
	    " (SELECT COUNT(*) FROM order_lines WHERE order_id = ?)"
	    " AS line_rows,"
	    " (SELECT COUNT(*) FROM payments WHERE order_id = ?) AS payments,"
	    " (SELECT COUNT(*) FROM order_reps WHERE person_id = ?) AS credits",
	[F_LEFT] = "SELECT COUNT(*) AS n FROM orders WHERE id = ?",
};

static struct db_table f_db = DB_TABLE("fixtures-t", sql);

static int64_t
insert(int k, const struct db_param *p, size_t n)
{
	return dbt_insert(dbt_db, &f_db, k, p, n);
}

static int64_t
count(const char *col, int64_t person, int64_t customer, int64_t order)
{
	return dbt_int(dbt_db, &f_db, F_COUNT, DB_ARGS(P_INT(person),
	    P_INT(customer), P_INT(order), P_INT(order), P_INT(order),
	    P_INT(person)), col);
}

START_TEST(a_fixture_person_goes_with_everything_that_refers_to_it)
{
	static const char *const cols[] = { "people", "customers", "orders",
	    "line_rows", "payments", "credits" };
	struct person p;
	char prefix[40], order_no[64];
	int64_t customer, order, demo;

	dbt_unique(prefix, sizeof(prefix), "fxt");
	dbt_person(dbt_db, &p, prefix, "rep", "fxt-team", NULL, ROLE_SALES);
	ck_assert_int_gt(p.id, 0);
	customer = insert(F_CUSTOMER, DB_ARGS(P_TEXT(prefix), P_TEXT(prefix),
	    P_INT(p.id)));
	snprintf(order_no, sizeof(order_no), "%s-O", prefix);
	order = insert(F_ORDER, DB_ARGS(P_TEXT(order_no), P_INT(p.id),
	    P_INT(customer)));
	insert(F_LINE, DB_ARGS(P_INT(order)));
	insert(F_PAYMENT, DB_ARGS(P_TEXT(order_no), P_INT(order), P_INT(p.id)));
	insert(F_CREDIT, DB_ARGS(P_INT(order), P_INT(p.id), P_INT(100)));
	demo = dbt_int(dbt_db, &f_db, F_DEMO_ORDER, DB_NOARGS, "id");
	ck_assert_msg(demo > 0, "the stack has no demo orders");
	insert(F_CREDIT, DB_ARGS(P_INT(demo), P_INT(p.id), P_INT(1)));
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		ck_assert_msg(count(cols[i], p.id, customer, order) > 0,
		    "the fixture made no %s", cols[i]);

	dbt_forget_people(dbt_db);
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		ck_assert_msg(count(cols[i], p.id, customer, order) == 0,
		    "%s of the fixture person left after forgetting it",
		    cols[i]);
	ck_assert_int_eq(dbt_int(dbt_db, &f_db, F_LEFT,
	    DB_ARGS(P_INT(demo)), "n"), 1);
}
END_TEST

START_TEST(forgetting_with_nobody_made_changes_nothing)
{
	int64_t demo = dbt_int(dbt_db, &f_db, F_DEMO_ORDER, DB_NOARGS, "id");

	dbt_forget_people(dbt_db);
	ck_assert_int_eq(dbt_int(dbt_db, &f_db, F_DEMO_ORDER, DB_NOARGS, "id"),
	    demo);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("fixtures");
	TCase *tc = tcase_create("fixtures");
	SRunner *sr;

	tcase_add_checked_fixture(tc, dbt_setup, dbt_teardown);
	tcase_add_test(tc,
	    a_fixture_person_goes_with_everything_that_refers_to_it);
	tcase_add_test(tc, forgetting_with_nobody_made_changes_nothing);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
