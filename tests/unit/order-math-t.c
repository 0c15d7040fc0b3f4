/* order-math-t: line amounts round half away from zero to the fen, costs
 * default from the standard cost, splits add up to exactly 100.  Every
 * expected value is worked by hand in the comment beside it. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/error.h"
#include "core/split.h"
#include "sales/order-math.h"

static const struct {
	int64_t qty, price, discount, amount;
} amounts[] = {
	/* 2 x 100.00, no discount = 200.00 */
	{ 2000, 10000, 0, 20000 },
	/* 3 x 33.33 x (1 - 10 %) = 99.99 x 0.9 = 89.991 -> 89.99 */
	{ 3000, 3333, 100000, 8999 },
	/* 1 x 0.05 x (1 - 50 %) = 0.025 -> half away from zero: 0.03 */
	{ 1000, 5, 500000, 3 },
	/* -1 x 0.05 x 50 % = -0.025 -> away from zero: -0.03 (not -0.02) */
	{ -1000, 5, 500000, -3 },
	/* 0.333 x 10.00 = 3.33 exactly */
	{ 333, 1000, 0, 333 },
	/* 1.5 x 0.01 = 0.015 -> 0.02 */
	{ 1500, 1, 0, 2 },
	/* -1.5 x 0.01 = -0.015 -> -0.02 */
	{ -1500, 1, 0, -2 },
	/* 1.4 x 0.01 = 0.014 -> 0.01; -1.4 x 0.01 -> -0.01 */
	{ 1400, 1, 0, 1 },
	{ -1400, 1, 0, -1 },
	/* 7 x 12,345.67 x (1 - 12.5 %) = 86,419.69 x 0.875 = 75,617.22875
	 * -> 75,617.23 */
	{ 7000, 1234567, 125000, 7561723 },
	/* -2 x 99.99 x (1 - 33.3333 %) = -199.98 x 0.666667
	 * = -133.32006666 -> -133.32 */
	{ -2000, 9999, 333333, -13332 },
	/* 100 % discount: 0.00 */
	{ 5000, 10000, 1000000, 0 },
	/* zero quantity: 0.00 */
	{ 0, 10000, 0, 0 },
};

START_TEST(line_amount_rounds_half_away_from_zero)
{
	int64_t a = -777;

	ck_assert_int_eq(order_line_amount(amounts[_i].qty, amounts[_i].price,
	    amounts[_i].discount, &a), 0);
	ck_assert_msg(a == amounts[_i].amount,
	    "qty %lld price %lld discount %lld: expected %lld fen, got %lld",
	    (long long)amounts[_i].qty, (long long)amounts[_i].price,
	    (long long)amounts[_i].discount, (long long)amounts[_i].amount,
	    (long long)a);
}
END_TEST

START_TEST(line_amount_refuses_out_of_range)
{
	int64_t a;

	ck_assert_int_eq(order_line_amount(1000, -1, 0, &a), TC_ERANGE);
	ck_assert_int_eq(order_line_amount(1000, 100, -1, &a), TC_ERANGE);
	ck_assert_int_eq(order_line_amount(1000, 100, 1000001, &a), TC_ERANGE);
	/* 999,999,999,999.999 x 99,999,999,999,999.99 overflows DECIMAL(18,2)
	 * but not the 128-bit product. */
	ck_assert_int_eq(order_line_amount(ORDER_MAX_QTY, ORDER_MAX_AMOUNT, 0,
	    &a), TC_ERANGE);
	ck_assert_int_eq(order_line_amount(ORDER_MAX_QTY + 1, 1, 0, &a),
	    TC_ERANGE);
}
END_TEST

START_TEST(cost_defaults_to_quantity_times_standard_cost)
{
	int64_t c;

	/* 2 x 60.00 = 120.00 */
	ck_assert_int_eq(order_line_cost(2000, 6000, &c), 0);
	ck_assert_int_eq(c, 12000);
	/* 2.5 x 33.33 = 83.325 -> 83.33 */
	ck_assert_int_eq(order_line_cost(2500, 3333, &c), 0);
	ck_assert_int_eq(c, 8333);
	/* -2.5 x 33.33 = -83.325 -> -83.33 */
	ck_assert_int_eq(order_line_cost(-2500, 3333, &c), 0);
	ck_assert_int_eq(c, -8333);
	/* 0.001 x 4.00 = 0.004 -> 0.00 */
	ck_assert_int_eq(order_line_cost(1, 400, &c), 0);
	ck_assert_int_eq(c, 0);
}
END_TEST

START_TEST(quantity_parse_is_strict)
{
	int64_t q;

	ck_assert_int_eq(order_parse_qty("1.5", &q), 0);
	ck_assert_int_eq(q, 1500);
	ck_assert_int_eq(order_parse_qty("-2", &q), 0);
	ck_assert_int_eq(q, -2000);
	ck_assert_int_eq(order_parse_qty("0.125", &q), 0);
	ck_assert_int_eq(q, 125);
	ck_assert_int_eq(order_parse_qty("1,5", &q), TC_ENOTNUM);
	ck_assert_int_eq(order_parse_qty("1.2345", &q), TC_EDECIMALS);
	ck_assert_int_eq(order_parse_qty("", &q), TC_ENOTNUM);
	ck_assert_int_eq(order_parse_qty("1e3", &q), TC_ENOTNUM);
	ck_assert_int_eq(order_parse_qty("1000000000000", &q), TC_ERANGE);
}
END_TEST

START_TEST(discount_parse_is_a_percent_0_to_100)
{
	int64_t d;

	ck_assert_int_eq(order_parse_discount("12.5", &d), 0);
	ck_assert_int_eq(d, 125000);
	ck_assert_int_eq(order_parse_discount("0", &d), 0);
	ck_assert_int_eq(d, 0);
	ck_assert_int_eq(order_parse_discount("100", &d), 0);
	ck_assert_int_eq(d, 1000000);
	ck_assert_int_eq(order_parse_discount("100.0001", &d), TC_ERANGE);
	ck_assert_int_eq(order_parse_discount("-1", &d), TC_ERANGE);
	ck_assert_int_eq(order_parse_discount("1.23456", &d), TC_EDECIMALS);
}
END_TEST

/* Checks reps and share texts as the order form does: each share parsed
 * by order_parse_share, then the rows by core/split.h's rules. */
static int
split(const char *const *reps, const char *const *shares, size_t n,
    size_t *bad)
{
	struct tc_share s[ORDER_MAX_REPS + 2];
	struct tc_split_fault f;
	int rc;

	for (size_t i = 0; i < n; i++) {
		s[i].name = reps[i];
		s[i].len = strlen(reps[i]);
		if ((rc = order_parse_share(shares[i], &s[i].share)) != 0)
			return rc;
	}
	rc = tc_split_check_shares(s, n, ORDER_MAX_REPS, &f);
	if (rc != 0 && bad != NULL)
		*bad = f.entry;
	return rc;
}

START_TEST(split_thirds_written_to_4_decimals_add_up)
{
	/* 33.3333 + 66.6667 = 100.0000: accepted */
	ck_assert_int_eq(split((const char *[]){ "ann", "bob" },
	    (const char *[]){ "33.3333", "66.6667" }, 2, NULL), 0);
	/* 60 + 40 = 100 */
	ck_assert_int_eq(split((const char *[]){ "ann", "bob" },
	    (const char *[]){ "60", "40" }, 2, NULL), 0);
	/* one rep at 100 */
	ck_assert_int_eq(split((const char *[]){ "ann" },
	    (const char *[]){ "100" }, 1, NULL), 0);
}
END_TEST

START_TEST(split_three_thirds_are_not_100)
{
	size_t bad = 99;

	/* 3 x 33.3333 = 99.9999, not 100 */
	ck_assert_int_eq(split((const char *[]){ "ann", "bob", "cy" },
	    (const char *[]){ "33.3333", "33.3333", "33.3333" }, 3, &bad),
	    TC_ESPLIT_SUM);
	ck_assert_int_eq(bad, 3);
	/* 60 + 50 = 110 */
	ck_assert_int_eq(split((const char *[]){ "ann", "bob" },
	    (const char *[]){ "60", "50" }, 2, NULL), TC_ESPLIT_SUM);
}
END_TEST

START_TEST(split_duplicate_rep_refused)
{
	size_t bad = 99;

	ck_assert_int_eq(split((const char *[]){ "ann", "bob", "ann" },
	    (const char *[]){ "50", "25", "25" }, 3, &bad),
	    TC_ESPLIT_DUPLICATE);
	ck_assert_int_eq(bad, 2);
}
END_TEST

START_TEST(split_zero_share_refused)
{
	int64_t v;

	ck_assert_int_eq(order_parse_share("0", &v), TC_ERANGE);
	ck_assert_int_eq(order_parse_share("-10", &v), TC_ERANGE);
	ck_assert_int_eq(split((const char *[]){ "ann", "bob" },
	    (const char *[]){ "0", "100" }, 2, NULL), TC_ERANGE);
}
END_TEST

START_TEST(split_five_decimals_refused)
{
	int64_t v;

	/* 33.33333 has 5 decimals: not a share */
	ck_assert_int_eq(order_parse_share("33.33333", &v), TC_EDECIMALS);
	ck_assert_int_eq(order_parse_share("33.3333", &v), 0);
	ck_assert_int_eq(v, 333333);
	ck_assert_int_eq(order_parse_share("100.0001", &v), TC_ERANGE);
}
END_TEST

START_TEST(split_empty_refused)
{
	ck_assert_int_eq(split(NULL, NULL, 0, NULL), TC_ESPLIT_EMPTY);
}
END_TEST

START_TEST(share_of_an_amount_rounds)
{
	/* 60 % of 100.01 = 60.006 -> 60.01; 40 % = 40.004 -> 40.00 */
	ck_assert_int_eq(order_share_of(10001, 600000), 6001);
	ck_assert_int_eq(order_share_of(10001, 400000), 4000);
	/* 33.3333 % of -3.00 = -0.999999 -> -1.00 */
	ck_assert_int_eq(order_share_of(-300, 333333), -100);
}
END_TEST

START_TEST(prorate_gives_back_a_whole_line_exactly)
{
	/* 1 of 2 units of 2,222.21: 1,111.105 -> 1,111.11 */
	ck_assert_int_eq(order_prorate(222221, 1000, 2000), 111111);
	/* 2 of 2: the whole amount, exactly */
	ck_assert_int_eq(order_prorate(222221, 2000, 2000), 222221);
	/* 1 of 3 units of 100.00: 33.333.. -> 33.33 */
	ck_assert_int_eq(order_prorate(10000, 1000, 3000), 3333);
	/* a negative amount rounds away from zero: -0.005 -> -0.01 */
	ck_assert_int_eq(order_prorate(-1, 1000, 2000), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("order-math");
	TCase *tc = tcase_create("order-math");
	SRunner *sr;

	tcase_add_loop_test(tc, line_amount_rounds_half_away_from_zero, 0,
	    sizeof(amounts) / sizeof(amounts[0]));
	tcase_add_test(tc, line_amount_refuses_out_of_range);
	tcase_add_test(tc, cost_defaults_to_quantity_times_standard_cost);
	tcase_add_test(tc, quantity_parse_is_strict);
	tcase_add_test(tc, discount_parse_is_a_percent_0_to_100);
	tcase_add_test(tc, split_thirds_written_to_4_decimals_add_up);
	tcase_add_test(tc, split_three_thirds_are_not_100);
	tcase_add_test(tc, split_duplicate_rep_refused);
	tcase_add_test(tc, split_zero_share_refused);
	tcase_add_test(tc, split_five_decimals_refused);
	tcase_add_test(tc, split_empty_refused);
	tcase_add_test(tc, share_of_an_amount_rounds);
	tcase_add_test(tc, prorate_gives_back_a_whole_line_exactly);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
