/* routes-t: the route tables of every module of the build (found in
 * the module registry) keep DESIGN.md's rules: who may use what, one
 * handler per method and path, no route outside its program's prefix,
 * a navigation entry that leads to a page its people may open. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <string.h>

#include "core/module.h"

static size_t nprograms;

/* The code of the module named name (the test fails when it is not in
 * the build). */
static const struct module_code *
program(const char *name)
{
	for (size_t i = 0; module_code_registry[i] != NULL; i++)
		if (strcmp(module_code_registry[i]->module->name, name) == 0)
			return module_code_registry[i];
	ck_abort_msg("module %s is not in the registry", name);
	return NULL;
}

/* Every route rt of module code p. */
#define EACH_ROUTE(p, rt) \
	for (size_t a_ = 0; (p)->routes != NULL && (p)->routes[a_] != NULL; \
	    a_++) \
		for (const struct route *rt = (p)->routes[a_]->routes; \
		    rt < (p)->routes[a_]->routes + (p)->routes[a_]->n; rt++)

START_TEST(routes_a_program_for_every_prefix_and_no_other)
{
	const struct module_code *p = module_code_registry[_i];
	size_t n = 0;

	EACH_ROUTE(p, rt)
		n++;
	ck_assert_msg((p->module->prefix != NULL) == (n > 0),
	    "%s: prefix %s, %zu routes", p->module->name,
	    p->module->prefix ? p->module->prefix : "(none)", n);
	for (size_t k = 0; module_code_registry[k] != NULL; k++) {
		const struct module *o = module_code_registry[k]->module;

		ck_assert_msg(k == (size_t)_i || strcmp(o->name,
		    p->module->name) != 0, "module %s registered twice",
		    o->name);
		ck_assert_msg(k == (size_t)_i || o->prefix == NULL ||
		    p->module->prefix == NULL ||
		    strcmp(o->prefix, p->module->prefix) != 0,
		    "%s and %s share the prefix %s", o->name,
		    p->module->name, o->prefix);
	}
}
END_TEST

START_TEST(routes_navigation_entry_opens_for_everyone_it_is_shown_to)
{
	const struct module *m = module_code_registry[_i]->module;
	int found = 0;

	if (m->nav.label_key == NULL)
		return;
	ck_assert_msg(m->prefix != NULL && m->nav.roles != 0,
	    "%s: a navigation entry needs a prefix and roles", m->name);
	EACH_ROUTE(module_code_registry[_i], rt)
		if (strcmp(rt->method, "GET") == 0 &&
		    strcmp(rt->pattern, m->prefix) == 0) {
			found = 1;
			ck_assert_msg((rt->roles & m->nav.roles) ==
			    m->nav.roles, "GET %s: roles %#x, shown to %#x",
			    m->prefix, rt->roles, m->nav.roles);
		}
	ck_assert_msg(found, "%s: no GET %s behind its navigation entry",
	    m->name, m->prefix);
}
END_TEST

START_TEST(routes_one_handler_per_method_and_path)
{
	const struct module_code *p = module_code_registry[_i];

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
		    p->module->name, a->method, a->pattern, same);
	}
}
END_TEST

START_TEST(routes_stay_under_their_program_prefix)
{
	const struct module_code *p = module_code_registry[_i];

	EACH_ROUTE(p, rt) {
		ck_assert_msg(strncmp(rt->pattern, p->module->prefix,
		    strlen(p->module->prefix)) == 0, "%s: %s is outside %s",
		    p->module->name, rt->pattern, p->module->prefix);
		/* nginx gives a path to the longest prefix: another
		 * module's, when it is longer and matches. */
		for (size_t k = 0; module_code_registry[k] != NULL; k++) {
			const char *o = module_code_registry[k]->module->prefix;

			ck_assert_msg(o == NULL ||
			    strlen(o) <= strlen(p->module->prefix) ||
			    strncmp(rt->pattern, o, strlen(o)) != 0,
			    "%s: %s would reach %s", p->module->name,
			    rt->pattern, module_code_registry[k]->module->name);
		}
	}
}
END_TEST

START_TEST(routes_auth_public_only_sign_in_language_health)
{
	static const char *const public[] = { "GET /health", "GET /login",
	    "POST /login", "POST /lang" };

	EACH_ROUTE(program("auth"), rt) {
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
	EACH_ROUTE(program("admin"), rt)
		ck_assert_msg(rt->roles == ROLE_ADMIN, "%s %s: roles %#x",
		    rt->method, rt->pattern, rt->roles);
}
END_TEST

START_TEST(routes_sales_need_sign_in_and_read_only_roles_never_write)
{
	EACH_ROUTE(program("sales"), rt) {
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

		EACH_ROUTE(program("sales"), rt)
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

START_TEST(routes_commission_never_admin_and_signed_in)
{
	size_t n = 0;

	/* DESIGN: admin never sees pay; every other role has a way in. */
	EACH_ROUTE(program("commission"), rt) {
		ck_assert_msg(rt->roles != ROLE_PUBLIC, "%s %s is public",
		    rt->method, rt->pattern);
		ck_assert_msg((rt->roles & ROLE_ADMIN) == 0,
		    "%s %s allows admin", rt->method, rt->pattern);
		n++;
	}
	ck_assert_msg(n > 0, "commission serves no route");
	ck_assert_uint_eq(program("commission")->module->nav.roles,
	    ROLES_ALL & ~(unsigned)ROLE_ADMIN);
}
END_TEST

/* DESIGN's route table: admin (IT) never sees pay.  Every module whose
 * pages are pay (commission lines, statements, payroll, performance
 * amounts) keeps admin out of every route and of its navigation entry;
 * a module of this list that lands later is checked as it arrives. */
START_TEST(routes_pay_modules_deny_admin_every_route_and_the_navigation)
{
	static const char *const pay[] = { "commission", "performance",
	    "settlement" };
	size_t checked = 0;

	for (size_t i = 0; module_code_registry[i] != NULL; i++) {
		const struct module_code *p = module_code_registry[i];
		bool is_pay = false;

		for (size_t k = 0; k < sizeof(pay) / sizeof(pay[0]); k++)
			is_pay |= strcmp(p->module->name, pay[k]) == 0;
		if (!is_pay)
			continue;
		EACH_ROUTE(p, rt)
			ck_assert_msg((rt->roles & ROLE_ADMIN) == 0,
			    "%s: %s %s allows admin", p->module->name, rt->method,
			    rt->pattern);
		ck_assert_msg((p->module->nav.roles & ROLE_ADMIN) == 0,
		    "%s: the navigation entry is shown to admin",
		    p->module->name);
		checked++;
	}
	ck_assert_msg(checked > 0, "no module of pay is in the build");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("routes");
	TCase *tc = tcase_create("routes");
	SRunner *sr;

	while (module_code_registry[nprograms] != NULL)
		nprograms++;
	tcase_add_loop_test(tc, routes_a_program_for_every_prefix_and_no_other,
	    0, nprograms);
	tcase_add_loop_test(tc,
	    routes_navigation_entry_opens_for_everyone_it_is_shown_to, 0,
	    nprograms);
	tcase_add_loop_test(tc, routes_one_handler_per_method_and_path, 0,
	    nprograms);
	tcase_add_loop_test(tc, routes_stay_under_their_program_prefix, 0,
	    nprograms);
	tcase_add_test(tc, routes_auth_public_only_sign_in_language_health);
	tcase_add_test(tc, routes_admin_only_for_admins);
	tcase_add_test(tc, routes_sales_need_sign_in_and_read_only_roles_never_write);
	tcase_add_test(tc, routes_sales_lists_open_to_every_role);
	tcase_add_test(tc, routes_commission_never_admin_and_signed_in);
	tcase_add_test(tc,
	    routes_pay_modules_deny_admin_every_route_and_the_navigation);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
