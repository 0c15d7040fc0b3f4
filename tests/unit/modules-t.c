/* modules-t: the module registry agrees with itself and with the tree:
 * names, requirements without a cycle, a migrations folder for every
 * module that declares one and a module for every folder of sql/,
 * migrations that require only what their module requires, and labels
 * in both languages. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "admin/migrate-plan.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/module.h"

static size_t nmodules;

START_TEST(modules_names_are_unique_and_usable_everywhere)
{
	const struct module *m = module_registry[_i];

	/* the name is a folder, a program, a table prefix, a marker */
	ck_assert_msg(migration_module_name_ok(m->name), "%s: bad name",
	    m->name);
	ck_assert_msg(strcmp(m->name, "core") != 0, "core is not a module");
	for (size_t k = 0; module_registry[k] != NULL; k++)
		ck_assert_msg(k == (size_t)_i ||
		    strcmp(module_registry[k]->name, m->name) != 0,
		    "%s registered twice", m->name);
	ck_assert_msg(module_code_registry[_i]->module == m,
	    "%s: its code is not registered beside it", m->name);
	ck_assert_msg(m->prefix == NULL || (m->prefix[0] == '/' &&
	    m->prefix[strlen(m->prefix) - 1] == '/'), "%s: prefix %s",
	    m->name, m->prefix);
}
END_TEST

START_TEST(modules_requirements_exist_and_form_no_cycle)
{
	const struct module *order[MODULE_MAX];
	char err[256];
	size_t n;

	ck_assert_msg(module_order(module_registry, order, &n, err,
	    sizeof(err)) == 0, "%s", err);
	ck_assert_uint_eq(n, nmodules);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(!module_requires(module_registry,
			    order[i], order[j]->name), "%s placed before %s",
			    order[i]->name, order[j]->name);
}
END_TEST

/* Whether dir/name is a folder. */
static bool
is_dir(const char *dir, const char *name)
{
	char path[1024];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

START_TEST(modules_own_their_migration_folders)
{
	DIR *dp = opendir(TEST_SQL);
	struct dirent *de;

	ck_assert_ptr_nonnull(dp);
	while ((de = readdir(dp)) != NULL) {
		bool owned = strcmp(de->d_name, "core") == 0;

		if (de->d_name[0] == '.' || !is_dir(TEST_SQL, de->d_name))
			continue;
		for (size_t i = 0; module_registry[i] != NULL; i++)
			owned |= module_registry[i]->migrations != NULL &&
			    strcmp(module_registry[i]->migrations,
			    de->d_name) == 0;
		ck_assert_msg(owned, "sql/%s belongs to no module", de->d_name);
	}
	closedir(dp);
	for (size_t i = 0; module_registry[i] != NULL; i++) {
		const struct module *m = module_registry[i];

		if (m->migrations == NULL)
			continue;
		ck_assert_msg(strcmp(m->migrations, m->name) == 0,
		    "%s: migrations in sql/%s, not sql/%s", m->name,
		    m->migrations, m->name);
		ck_assert_msg(is_dir(TEST_SQL, m->migrations),
		    "%s: no folder sql/%s", m->name, m->migrations);
	}
}
END_TEST

START_TEST(modules_migrations_require_what_their_module_requires)
{
	struct migration_plan *p = NULL;
	char err[1024];

	ck_assert_msg(migration_plan_load(TEST_SQL, &p, err,
	    sizeof(err)) == 0, "%s", err);
	for (size_t i = 0; i < p->n; i++) {
		const struct migration *mg = &p->m[i];
		const struct module *m = NULL;

		for (size_t k = 0; module_registry[k] != NULL; k++)
			if (module_registry[k]->migrations != NULL &&
			    strcmp(module_registry[k]->migrations,
			    mg->module) == 0)
				m = module_registry[k];
		for (size_t r = 0; r < mg->nrequires; r++)
			ck_assert_msg(strcmp(mg->requires[r], "core") == 0 ||
			    (m != NULL && module_requires(module_registry, m,
			    mg->requires[r])), "%s requires %s, which module "
			    "%s does not", mg->path, mg->requires[r],
			    mg->module);
	}
	migration_plan_free(p);
}
END_TEST

START_TEST(modules_navigation_labels_exist_in_both_languages)
{
	static const char *const langs[] = { "zh", "en" };
	const struct module *m = module_registry[_i];

	for (size_t l = 0; l < 2; l++) {
		struct i18n_cat *cat = NULL;
		struct i18n_where where = { "", 0 };
		char dir[1024];

		snprintf(dir, sizeof(dir), "%s/i18n/%s", TEST_TEMPLATES,
		    langs[l]);
		ck_assert_int_eq(i18n_load_dir(&cat, langs[l], dir, &where), 0);
		if (m->nav.label_key != NULL)
			ck_assert_msg(i18n_lookup(cat, m->nav.label_key) != NULL,
			    "%s: %s missing in %s", m->name, m->nav.label_key,
			    langs[l]);
		if (m->nav.text_key != NULL)
			ck_assert_msg(i18n_lookup(cat, m->nav.text_key) != NULL,
			    "%s: %s missing in %s", m->name, m->nav.text_key,
			    langs[l]);
		i18n_free(cat);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("modules");
	TCase *tc = tcase_create("modules");
	SRunner *sr;

	while (module_registry[nmodules] != NULL)
		nmodules++;
	tcase_add_loop_test(tc, modules_names_are_unique_and_usable_everywhere,
	    0, nmodules);
	tcase_add_test(tc, modules_requirements_exist_and_form_no_cycle);
	tcase_add_test(tc, modules_own_their_migration_folders);
	tcase_add_test(tc,
	    modules_migrations_require_what_their_module_requires);
	tcase_add_loop_test(tc,
	    modules_navigation_labels_exist_in_both_languages, 0, nmodules);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
