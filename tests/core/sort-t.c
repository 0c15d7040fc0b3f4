/* sort-t: tc_sort and tc_sort_r, the one way to sort: an empty array
 * (NULL, as tc_grow leaves it) and a single element are left alone
 * without calling the comparator; more are sorted; tc_sort_r hands its
 * argument to every comparison. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/sort.h"

static int ncalls;

static int
by_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	ncalls++;
	return (x > y) - (x < y);
}

/* Sorts indices into a table of keys given as the argument. */
static int
by_key(const void *a, const void *b, void *arg)
{
	const int *key = arg;
	int x = key[*(const int *)a], y = key[*(const int *)b];

	ncalls++;
	return (x > y) - (x < y);
}

START_TEST(empty_null_array_is_left_alone)
{
	ncalls = 0;
	tc_sort(NULL, 0, sizeof(int64_t), by_value);
	tc_sort_r(NULL, 0, sizeof(int), by_key, NULL);
	ck_assert_int_eq(ncalls, 0);
}
END_TEST

START_TEST(one_element_is_not_compared)
{
	int64_t v[1] = { 42 };
	int idx[1] = { 0 };

	ncalls = 0;
	tc_sort(v, 1, sizeof(*v), by_value);
	tc_sort_r(idx, 1, sizeof(*idx), by_key, NULL);
	ck_assert_int_eq(ncalls, 0);
	ck_assert_int_eq(v[0], 42);
	ck_assert_int_eq(idx[0], 0);
}
END_TEST

START_TEST(many_elements_come_out_in_order)
{
	int64_t v[] = { 5, -3, 9, 0, 9, INT64_MIN, 2, INT64_MAX, -3 };
	size_t n = sizeof(v) / sizeof(v[0]);

	ncalls = 0;
	tc_sort(v, n, sizeof(*v), by_value);
	ck_assert_int_gt(ncalls, 0);
	ck_assert_int_eq(v[0], INT64_MIN);
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(v[i - 1] <= v[i], "v[%zu]=%jd before v[%zu]=%jd",
		    i - 1, (intmax_t)v[i - 1], i, (intmax_t)v[i]);
	ck_assert_int_eq(v[n - 1], INT64_MAX);
}
END_TEST

START_TEST(sort_r_gives_its_argument_to_the_comparator)
{
	int key[] = { 30, 10, 20, 0 };
	int idx[] = { 0, 1, 2, 3 };

	tc_sort_r(idx, 4, sizeof(*idx), by_key, key);
	ck_assert_int_eq(idx[0], 3);
	ck_assert_int_eq(idx[1], 1);
	ck_assert_int_eq(idx[2], 2);
	ck_assert_int_eq(idx[3], 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("sort");
	TCase *tc = tcase_create("sort");
	SRunner *sr;

	tcase_add_test(tc, empty_null_array_is_left_alone);
	tcase_add_test(tc, one_element_is_not_compared);
	tcase_add_test(tc, many_elements_come_out_in_order);
	tcase_add_test(tc, sort_r_gives_its_argument_to_the_comparator);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
