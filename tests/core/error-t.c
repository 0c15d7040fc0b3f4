/* error-t: the one error enum: every value is negative, distinct, and
 * named by tc_strerror. */
#include <check.h>
#include <string.h>

#include "core/error.h"

/* Every value of enum tc_err but TC_OK (error.c's switch has no default,
 * so -Wswitch names a value added there without a description). */
static const int all[] = {
	TC_ENOMEM,
	TC_EINVAL,
	TC_EIO,
	TC_EDB,
	TC_EDIR,
	TC_ENOTFOUND,
	TC_EDENIED,
	TC_ETOOBIG,
	TC_ECONFLICT,
	TC_EBODY_TOO_LARGE,
	TC_EFILE_TOO_LARGE,
	TC_ETOO_MANY_FIELDS,
	TC_ENAME_TOO_LONG,
	TC_EVALUE_TOO_LONG,
	TC_EBAD_ESCAPE,
	TC_EBAD_UTF8,
	TC_EBAD_MEDIA_TYPE,
	TC_ENO_BOUNDARY,
	TC_EMULTIPART,
	TC_ENO_FINAL_BOUNDARY,
	TC_EHEADER_TOO_LONG,
	TC_EBAD_DISPOSITION,
	TC_EREQUIRED,
	TC_EFORMAT,
	TC_ETOO_SHORT,
	TC_ETOO_LONG,
	TC_ERANGE,
	TC_ECONTROL,
	TC_ENOTNUM,
	TC_EDECIMALS,
	TC_ENOTPCT,
	TC_ENOTDATE,
	TC_ENOTPERIOD,
	TC_ESPLIT_EMPTY,
	TC_ESPLIT_TOO_MANY,
	TC_ESPLIT_NO_SHARE,
	TC_ESPLIT_NO_NAME,
	TC_ESPLIT_BAD_NAME,
	TC_ESPLIT_SHARE,
	TC_ESPLIT_NOT_POSITIVE,
	TC_ESPLIT_DUPLICATE,
	TC_ESPLIT_SUM,
};

#define N (sizeof(all) / sizeof(all[0]))

START_TEST(every_error_is_negative_distinct_and_named)
{
	for (size_t i = 0; i < N; i++) {
		const char *d = tc_strerror(all[i]);

		ck_assert_int_lt(all[i], 0);
		ck_assert_str_ne(d, "unknown error");
		ck_assert_str_ne(d, "");
		for (size_t j = 0; j < i; j++) {
			ck_assert_int_ne(all[i], all[j]);
			ck_assert_msg(strcmp(d, tc_strerror(all[j])) != 0,
			    "%d and %d share \"%s\"", all[i], all[j], d);
		}
	}
}
END_TEST

START_TEST(success_and_unknown_values_are_named_too)
{
	ck_assert_str_eq(tc_strerror(TC_OK), "success");
	ck_assert_str_eq(tc_strerror(-1000), "unknown error");
	ck_assert_str_eq(tc_strerror(1), "unknown error");
	/* the texts the engine's messages end with */
	ck_assert_str_eq(tc_strerror(TC_ENOTNUM), "not a number");
	ck_assert_str_eq(tc_strerror(TC_EDECIMALS), "too many decimals");
	ck_assert_str_eq(tc_strerror(TC_ETOOBIG), "too large");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("error");
	TCase *tc = tcase_create("error");
	SRunner *sr;

	tcase_add_test(tc, every_error_is_negative_distinct_and_named);
	tcase_add_test(tc, success_and_unknown_values_are_named_too);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
