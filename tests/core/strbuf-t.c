/* strbuf-t: the growable string that the core builds its SQL with. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

START_TEST(pieces_joined_in_order)
{
	struct strbuf b = STRBUF_INIT;
	char *s;

	strbuf_add(&b, "SELECT ");
	strbuf_add(&b, "t.state");
	strbuf_addc(&b, ',');
	strbuf_addn(&b, " t.idXXX", 5);
	ck_assert_uint_eq(b.len, strlen("SELECT t.state, t.id"));
	s = strbuf_take(&b);
	ck_assert_str_eq(s, "SELECT t.state, t.id");
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);
	free(s);
}
END_TEST

START_TEST(empty_piece_gives_empty_string)
{
	struct strbuf b = STRBUF_INIT;
	char *s;

	strbuf_add(&b, "");
	s = strbuf_take(&b);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(nothing_added_gives_null)
{
	struct strbuf b = STRBUF_INIT;

	ck_assert_ptr_null(strbuf_take(&b));
}
END_TEST

START_TEST(long_text_grows_past_first_allocation)
{
	struct strbuf b = STRBUF_INIT;
	char piece[101];
	char *s;

	memset(piece, 'x', 100);
	piece[100] = '\0';
	for (int i = 0; i < 50; i++)
		strbuf_add(&b, piece);
	strbuf_addc(&b, 'y');
	s = strbuf_take(&b);
	ck_assert_uint_eq(strlen(s), 5001);
	ck_assert_int_eq(s[4999], 'x');
	ck_assert_int_eq(s[5000], 'y');
	free(s);
}
END_TEST

START_TEST(after_failed_allocation_nothing_is_returned)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_add(&b, "SELECT");
	/* A length no allocation can satisfy marks the buffer. */
	strbuf_addn(&b, "x", SIZE_MAX - 2);
	ck_assert(b.oom);
	strbuf_add(&b, " more");
	ck_assert_ptr_null(strbuf_take(&b));
	ck_assert(!b.oom);
}
END_TEST

START_TEST(free_accepts_null_and_empties)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_free(NULL);
	strbuf_add(&b, "abc");
	strbuf_free(&b);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);
	strbuf_add(&b, "def");
	ck_assert_str_eq(b.p, "def");
	strbuf_free(&b);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("strbuf");
	TCase *t = tcase_create("build");
	SRunner *sr;

	tcase_add_test(t, pieces_joined_in_order);
	tcase_add_test(t, empty_piece_gives_empty_string);
	tcase_add_test(t, nothing_added_gives_null);
	tcase_add_test(t, long_text_grows_past_first_allocation);
	tcase_add_test(t, after_failed_allocation_nothing_is_returned);
	tcase_add_test(t, free_accepts_null_and_empties);
	suite_add_tcase(s, t);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
