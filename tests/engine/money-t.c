/* money-t.c: the engine's own arithmetic: the largest-remainder spread
 * and checked 128-bit products.  (Parsing, rounding and printing figures,
 * dates and periods are the core's: tests/core/.) */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine/commission.h"
#include "engine/money.h"
#include "core/error.h"

START_TEST(largest_remainder_matches_worked_example)
{
	/* 52500 fen over 8000, 6000, -1000: exact 32307.69, 24230.76,
	 * -4038.46; floors 32307, 24230, -4039 (sum 52498); the 2 fen go to
	 * remainders .69 (1st) and .76 (2nd): 32308, 24231, -4039. */
	tc_i128 w[] = { 8000, 6000, -1000 };
	int64_t out[3];

	ck_assert_int_eq(tce_largest_remainder(52500, w, 3, out), 0);
	ck_assert_int_eq(out[0], 32308);
	ck_assert_int_eq(out[1], 24231);
	ck_assert_int_eq(out[2], -4039);
}
END_TEST

START_TEST(largest_remainder_ties_go_to_earlier_items)
{
	/* 1 fen over three equal weights: 1/3 each, floors 0; the one fen
	 * goes to the first.  2 fen: the first two. */
	tc_i128 w[] = { 1, 1, 1 };
	int64_t out[3];

	ck_assert_int_eq(tce_largest_remainder(1, w, 3, out), 0);
	ck_assert(out[0] == 1 && out[1] == 0 && out[2] == 0);
	ck_assert_int_eq(tce_largest_remainder(2, w, 3, out), 0);
	ck_assert(out[0] == 1 && out[1] == 1 && out[2] == 0);
	/* -1 fen: floors -1 each (sum -3), 2 fen back to the first two */
	ck_assert_int_eq(tce_largest_remainder(-1, w, 3, out), 0);
	ck_assert(out[0] == 0 && out[1] == 0 && out[2] == -1);
}
END_TEST

START_TEST(largest_remainder_zero_weights_give_zero)
{
	tc_i128 w[] = { 5, -5 };
	int64_t out[2] = { 7, 7 };

	ck_assert_int_eq(tce_largest_remainder(100, w, 2, out), 0);
	ck_assert(out[0] == 0 && out[1] == 0);
}
END_TEST

START_TEST(overflow_is_refused_not_wrapped)
{
	tc_i128 r, big = (tc_i128)1 << 120;
	money_t m;

	ck_assert_int_eq(tce_mul(big, 1000, &r), TC_ETOOBIG);
	ck_assert_int_eq(tce_add(((tc_i128)1 << 126) - 1 + ((tc_i128)1 << 126),
	    ((tc_i128)1 << 126), &r), TC_ETOOBIG);
	/* 10^30 x 10^-12 fen x 1.0 multiplier = 10^18 fen > int64: refused */
	ck_assert_int_eq(tce_period_commission(big, 10000, 0, 0, &m),
	    TC_ETOOBIG);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("money");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, largest_remainder_matches_worked_example);
	tcase_add_test(tc, largest_remainder_ties_go_to_earlier_items);
	tcase_add_test(tc, largest_remainder_zero_weights_give_zero);
	tcase_add_test(tc, overflow_is_refused_not_wrapped);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
