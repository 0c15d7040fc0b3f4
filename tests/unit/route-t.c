/* route-t: route patterns match exactly, '#' only a positive integer;
 * a handler's error becomes the error page of its status. */
#include "config.h"

#include <check.h>

#include "core/app.h"
#include "core/error.h"

static const struct { const char *pattern, *path; int match; int64_t id; } cases[] = {
	{ "/sales/", "/sales/", 1, 0 },
	{ "/sales/", "/sales", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/42", 1, 42 },
	{ "/sales/customers/#", "/sales/customers/0", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/042", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/-1", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/4x", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/", 0, 0 },
	{ "/sales/customers/#", "/sales/customers/99999999999999999999", 0, 0 },
	{ "/sales/customers/#/edit", "/sales/customers/7/edit", 1, 7 },
	{ "/sales/customers/#/edit", "/sales/customers/7/edit/", 0, 0 },
	{ "/login", "/login/../admin/", 0, 0 },
};

START_TEST(route_pattern_matches_exactly)
{
	int64_t ids[ROUTE_MAX_IDS];
	size_t n = 0;
	bool m = route_match(cases[_i].pattern, cases[_i].path, ids, &n);

	ck_assert_msg(m == (bool)cases[_i].match, "%s ~ %s: expected %d",
	    cases[_i].pattern, cases[_i].path, cases[_i].match);
	if (m && cases[_i].id != 0) {
		ck_assert_uint_eq(n, 1);
		ck_assert_int_eq(ids[0], cases[_i].id);
	}
}
END_TEST

START_TEST(route_roles_cover_every_role)
{
	ck_assert_uint_eq(ROLES_ALL, 0x7f);
	ck_assert_str_eq(role_key(0), "role_sales");
	ck_assert_str_eq(role_key(6), "role_admin");
	ck_assert_str_eq(role_key(7), "role_unknown");
}
END_TEST

START_TEST(handler_errors_map_to_their_status)
{
	ck_assert_int_eq(http_status_of(TC_ENOTFOUND), 404);
	ck_assert_int_eq(http_status_of(TC_EDENIED), 403);
	ck_assert_int_eq(http_status_of(TC_EINVAL), 400);
	ck_assert_int_eq(http_status_of(TC_ECONFLICT), 409);
	ck_assert_int_eq(http_status_of(TC_ETOOBIG), 413);
	ck_assert_int_eq(http_status_of(TC_EDB), 503);
	ck_assert_int_eq(http_status_of(TC_EDIR), 503);
	ck_assert_int_eq(http_status_of(TC_ENOMEM), 500);
	ck_assert_int_eq(http_status_of(TC_EIO), 500);
	ck_assert_str_eq(http_reason(409), "Conflict");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("route");
	TCase *tc = tcase_create("route");
	SRunner *sr;

	tcase_add_loop_test(tc, route_pattern_matches_exactly, 0,
	    sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, route_roles_cover_every_role);
	tcase_add_test(tc, handler_errors_map_to_their_status);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
