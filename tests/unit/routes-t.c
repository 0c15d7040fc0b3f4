/* routes-t: the route tables of every program keep DESIGN.md's rules:
 * who may use what, one handler per method and path, no route outside
 * its program's prefix. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "admin/admin.h"
#include "auth/auth.h"
#include "sales/sales.h"

static const struct program {
	const char *name;
	const struct route_set *const *areas;
	const char *prefix;
} programs[] = {
	{ "auth", auth_areas, "/" },
	{ "admin", admin_areas, "/admin/" },
	{ "sales", sales_areas, "/sales/" },
};
#define NPROGRAMS (sizeof(programs) / sizeof(programs[0]))

/* Calls fn for every route of program p. */
#define EACH_ROUTE(p, rt) \
	for (size_t a_ = 0; (p)->areas[a_] != NULL; a_++) \
		for (const struct route *rt = (p)->areas[a_]->routes; \
		    rt < (p)->areas[a_]->routes + (p)->areas[a_]->n; rt++)

START_TEST(routes_one_handler_per_method_and_path)
{
	const struct program *p = &programs[_i];

	EACH_ROUTE(p, a) {
		int same = 0;

		ck_assert_msg(strcmp(a->method, "GET") == 0 ||
		    strcmp(a->method, "POST") == 0, "%s %s: method", a->method,
		    a->pattern);
		ck_assert_ptr_nonnull(a->fn);
		EACH_ROUTE(p, b)
			if (strcmp(a->method, b->method) == 0 &&
			    strcmp(a->pattern, b->pattern) == 0)
				same++;
		ck_assert_msg(same == 1, "%s: %s %s declared %d times",
		    p->name, a->method, a->pattern, same);
	}
}
END_TEST

START_TEST(routes_stay_under_their_program_prefix)
{
	const struct program *p = &programs[_i];

	EACH_ROUTE(p, rt)
		ck_assert_msg(strncmp(rt->pattern, p->prefix,
		    strlen(p->prefix)) == 0, "%s: %s is outside %s", p->name,
		    rt->pattern, p->prefix);
}
END_TEST

START_TEST(routes_auth_public_only_sign_in_language_health)
{
	static const char *const public[] = { "GET /health", "GET /login",
	    "POST /login", "POST /lang" };

	EACH_ROUTE(&programs[0], rt) {
		char key[128];
		int listed = 0;

		snprintf(key, sizeof(key), "%s %s", rt->method, rt->pattern);
		for (size_t k = 0; k < sizeof(public) / sizeof(public[0]); k++)
			listed |= strcmp(key, public[k]) == 0;
		ck_assert_msg((rt->roles == ROLE_PUBLIC) == listed,
		    "%s: public=%d", key, rt->roles == ROLE_PUBLIC);
	}
}
END_TEST

START_TEST(routes_admin_only_for_admins)
{
	EACH_ROUTE(&programs[1], rt)
		ck_assert_msg(rt->roles == ROLE_ADMIN, "%s %s: roles %#x",
		    rt->method, rt->pattern, rt->roles);
}
END_TEST

START_TEST(routes_sales_need_sign_in_and_read_only_roles_never_write)
{
	EACH_ROUTE(&programs[2], rt) {
		ck_assert_msg(rt->roles != ROLE_PUBLIC, "%s %s is public",
		    rt->method, rt->pattern);
		/* HR and management read sales data; they change none. */
		if (strcmp(rt->method, "POST") == 0)
			ck_assert_msg((rt->roles & (ROLE_HR | ROLE_MANAGEMENT))
			    == 0, "POST %s allows HR or management",
			    rt->pattern);
	}
}
END_TEST

START_TEST(routes_sales_lists_open_to_every_role)
{
	static const char *const lists[] = { "/sales/", "/sales/customers",
	    "/sales/activities", "/sales/opportunities", "/sales/funnel",
	    "/sales/forecast", "/sales/orders", "/sales/stats",
	    "/sales/collections" };

	for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		int found = 0;

		EACH_ROUTE(&programs[2], rt)
			if (strcmp(rt->method, "GET") == 0 &&
			    strcmp(rt->pattern, lists[k]) == 0) {
				found = 1;
				ck_assert_msg(rt->roles == ROLES_ALL,
				    "GET %s: roles %#x", lists[k], rt->roles);
			}
		ck_assert_msg(found, "GET %s is missing", lists[k]);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("routes");
	TCase *tc = tcase_create("routes");
	SRunner *sr;

	tcase_add_loop_test(tc, routes_one_handler_per_method_and_path, 0,
	    NPROGRAMS);
	tcase_add_loop_test(tc, routes_stay_under_their_program_prefix, 0,
	    NPROGRAMS);
	tcase_add_test(tc, routes_auth_public_only_sign_in_language_health);
	tcase_add_test(tc, routes_admin_only_for_admins);
	tcase_add_test(tc, routes_sales_need_sign_in_and_read_only_roles_never_write);
	tcase_add_test(tc, routes_sales_lists_open_to_every_role);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
