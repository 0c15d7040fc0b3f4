/* module-t: the core's registry functions on made-up modules: order by
 * requirements, cycles and missing modules named, site.modules read
 * word by word. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "core/error.h"
#include "core/module.h"

static const struct module base = { .name = "base" };
static const struct module mid = { .name = "mid",
    .requires = (const char *const[]){ "base", NULL } };
static const struct module top = { .name = "top",
    .requires = (const char *const[]){ "mid", "base", NULL } };
static const struct module loop_a = { .name = "loopa",
    .requires = (const char *const[]){ "loopb", NULL } };
static const struct module loop_b = { .name = "loopb",
    .requires = (const char *const[]){ "loopa", NULL } };
static const struct module orphan = { .name = "orphan",
    .requires = (const char *const[]){ "absent", NULL } };

/* The names of an order, space-separated (static). */
static const char *
names(const struct module **v, size_t n)
{
	static char out[256];
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
		    i ? " " : "", v[i]->name);
	return out;
}

START_TEST(module_order_puts_every_module_after_what_it_requires)
{
	const struct module *const list[] = { &top, &base, &mid, NULL };
	const struct module *out[MODULE_MAX];
	char err[128];
	size_t n;

	ck_assert_int_eq(module_order(list, out, &n, err, sizeof(err)), 0);
	ck_assert_str_eq(names(out, n), "base mid top");
	ck_assert(module_requires(list, &top, "base"));
	ck_assert(module_requires(list, &top, "mid"));
	ck_assert(!module_requires(list, &base, "top"));
	ck_assert(!module_requires(list, &mid, "top"));
}
END_TEST

START_TEST(module_order_keeps_the_list_order_otherwise)
{
	const struct module other = { .name = "other" };
	const struct module *const list[] = { &other, &base, NULL };
	const struct module *out[MODULE_MAX];
	char err[128];
	size_t n;

	ck_assert_int_eq(module_order(list, out, &n, err, sizeof(err)), 0);
	ck_assert_str_eq(names(out, n), "other base");
}
END_TEST

START_TEST(module_order_cycle_refused_naming_a_module)
{
	const struct module *const list[] = { &base, &loop_a, &loop_b, NULL };
	const struct module *out[MODULE_MAX];
	char err[128];
	size_t n;

	ck_assert_int_eq(module_order(list, out, &n, err, sizeof(err)),
	    TC_EINVAL);
	ck_assert_msg(strstr(err, "cycle") != NULL &&
	    strstr(err, "loop") != NULL, "%s", err);
	ck_assert(!module_requires(list, &base, "loopa"));
	ck_assert(module_requires(list, &loop_a, "loopa"));
}
END_TEST

START_TEST(module_order_missing_requirement_refused_naming_both)
{
	const struct module *const list[] = { &orphan, NULL };
	const struct module *out[MODULE_MAX];
	char err[128];
	size_t n;

	ck_assert_int_eq(module_order(list, out, &n, err, sizeof(err)),
	    TC_EINVAL);
	ck_assert_str_eq(err, "module orphan requires module absent, which "
	    "this build lacks");
}
END_TEST

START_TEST(module_deployed_reads_site_modules_word_by_word)
{
	const struct module *const list[] = { &base, &mid, NULL };
	char none[] = "", one[] = "  mid ", near[] = "basement mid";
	struct conf c = { .modules = none };
	char err[128];

	ck_assert(module_deployed(&c, &base) && module_deployed(&c, &mid));
	ck_assert_int_eq(module_check_deployed(&c, list, err, sizeof(err)), 0);
	c.modules = one;
	ck_assert(module_deployed(&c, &mid));
	ck_assert(!module_deployed(&c, &base));
	ck_assert_int_eq(module_check_deployed(&c, list, err, sizeof(err)), 0);
	c.modules = near;
	ck_assert(!module_deployed(&c, &base));
	ck_assert_int_eq(module_check_deployed(&c, list, err, sizeof(err)),
	    TC_EINVAL);
	ck_assert_str_eq(err, "site.modules: no module \"basement\" in this "
	    "build");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("module");
	TCase *tc = tcase_create("module");
	SRunner *sr;

	tcase_add_test(tc, module_order_puts_every_module_after_what_it_requires);
	tcase_add_test(tc, module_order_keeps_the_list_order_otherwise);
	tcase_add_test(tc, module_order_cycle_refused_naming_a_module);
	tcase_add_test(tc, module_order_missing_requirement_refused_naming_both);
	tcase_add_test(tc, module_deployed_reads_site_modules_word_by_word);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
