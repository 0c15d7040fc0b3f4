/* grow-t: tc_grow, the one way an array grows: doubling from the first
 * capacity, contents kept, no change when there is room, overflow refused
 * with the array left as it was. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/error.h"
#include "core/grow.h"

struct item {
	int64_t a, b;
};

START_TEST(first_allocation_takes_the_first_capacity)
{
	struct item *v = NULL;
	size_t cap = 0;

	ck_assert_int_eq(tc_grow(&v, &cap, 1, 16), 0);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(cap, 16);
	free(v);
}
END_TEST

START_TEST(first_allocation_doubles_past_a_larger_need)
{
	char *v = NULL;
	size_t cap = 0;

	ck_assert_int_eq(tc_grow(&v, &cap, 100, 16), 0);
	ck_assert_uint_eq(cap, 128);
	free(v);
}
END_TEST

START_TEST(room_enough_changes_nothing)
{
	struct item *v = malloc(8 * sizeof(*v)), *was = v;
	size_t cap = 8;

	ck_assert_int_eq(tc_grow(&v, &cap, 8, 16), 0);
	ck_assert_ptr_eq(v, was);
	ck_assert_uint_eq(cap, 8);
	ck_assert_int_eq(tc_grow(&v, &cap, 0, 16), 0);
	ck_assert_uint_eq(cap, 8);
	free(v);
}
END_TEST

START_TEST(growing_keeps_the_contents_and_doubles)
{
	struct item *v = NULL;
	size_t cap = 0, n;

	for (n = 0; n < 1000; n++) {
		ck_assert_int_eq(tc_grow(&v, &cap, n + 1, 4), 0);
		v[n].a = (int64_t)n;
		v[n].b = -(int64_t)n;
	}
	ck_assert_uint_eq(cap, 1024);
	for (n = 0; n < 1000; n++) {
		ck_assert_int_eq(v[n].a, (int64_t)n);
		ck_assert_int_eq(v[n].b, -(int64_t)n);
	}
	free(v);
}
END_TEST

START_TEST(an_overflowing_size_is_refused_and_the_array_kept)
{
	struct item *v = malloc(4 * sizeof(*v)), *was = v;
	size_t cap = 4;

	v[3].a = 42;
	ck_assert_int_eq(tc_grow(&v, &cap, SIZE_MAX / 4, 16), TC_ENOMEM);
	ck_assert_ptr_eq(v, was);
	ck_assert_uint_eq(cap, 4);
	ck_assert_int_eq(tc_grow(&v, &cap, SIZE_MAX, 16), TC_ENOMEM);
	ck_assert_uint_eq(cap, 4);
	ck_assert_int_eq(v[3].a, 42);
	free(v);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("grow");
	TCase *tc = tcase_create("grow");
	SRunner *sr;

	tcase_add_test(tc, first_allocation_takes_the_first_capacity);
	tcase_add_test(tc, first_allocation_doubles_past_a_larger_need);
	tcase_add_test(tc, room_enough_changes_nothing);
	tcase_add_test(tc, growing_keeps_the_contents_and_doubles);
	tcase_add_test(tc, an_overflowing_size_is_refused_and_the_array_kept);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
