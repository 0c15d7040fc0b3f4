/* migrate-plan-t: migrations are found per module and ordered by their
 * "requires" lines; every mistake in the layout is refused with a
 * message naming the file. */
#define _XOPEN_SOURCE 700
#include "config.h"

#include <check.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin/migrate-plan.h"
#include "core/error.h"

static char root[64];
static char err[1024];

static void
setup(void)
{
	snprintf(root, sizeof(root), "/tmp/migrate-plan-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	err[0] = '\0';
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	return remove(path);
}

static void
teardown(void)
{
	nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes text to root/rel, making its folder. */
static void
put(const char *rel, const char *text)
{
	char path[256], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if ((slash = strrchr(path, '/')) != NULL && slash > path + strlen(root)) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

/* The plan of dir as "module/version module/version ...", or NULL with
 * err set. */
static const char *
order_of(const char *dir)
{
	static char out[1024];
	struct migration_plan *p = NULL;
	size_t len = 0;

	out[0] = '\0';
	if (migration_plan_load(dir, &p, err, sizeof(err)) != 0) {
		ck_assert_ptr_null(p);
		return NULL;
	}
	for (size_t i = 0; i < p->n; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s/%03d",
		    i ? " " : "", p->m[i].module, p->m[i].version);
	migration_plan_free(p);
	return out;
}

/* Expects dir to be refused with a message holding every one of the
 * NULL-terminated fragments. */
static void
refused(const char *first, ...)
{
	va_list ap;
	const char *s;

	ck_assert_msg(order_of(root) == NULL, "accepted: %s", order_of(root));
	va_start(ap, first);
	for (s = first; s != NULL; s = va_arg(ap, const char *))
		ck_assert_msg(strstr(err, s) != NULL,
		    "message \"%s\" lacks \"%s\"", err, s);
	va_end(ap);
}

/* Where "module/NNN" stands in an order_of() result (-1: absent). */
static long
pos(const char *order, const char *item)
{
	const char *p = strstr(order, item);

	return p != NULL ? p - order : -1;
}

START_TEST(plan_of_the_product_runs_core_then_sales)
{
	const char *o = order_of(TEST_SQL);

	ck_assert_msg(o != NULL, "%s", err);
	ck_assert_msg(strncmp(o, "core/001 core/002 ", 18) == 0, "order: %s", o);
	ck_assert_msg(pos(o, "core/002") < pos(o, "sales/001") &&
	    pos(o, "sales/001") < pos(o, "sales/002") &&
	    pos(o, "sales/002") < pos(o, "sales/003"), "order: %s", o);
}
END_TEST

START_TEST(plan_required_module_runs_first_whatever_its_name)
{
	put("aaa/001-a.sql", "-- requires: zzz\nCREATE TABLE a (x INT);\n");
	put("zzz/001-z.sql", "CREATE TABLE z (x INT);\n");
	ck_assert_str_eq(order_of(root), "zzz/001 aaa/001");
}
END_TEST

START_TEST(plan_requires_waits_for_every_migration_of_the_module)
{
	put("aaa/001-a.sql", "CREATE TABLE a (x INT);\n");
	put("aaa/002-b.sql", "-- A comment first.\n\n-- requires: bbb, ccc\n"
	    "ALTER TABLE a ADD y INT;\n");
	put("bbb/001-a.sql", "SELECT 1;\n");
	put("bbb/002-b.sql", "SELECT 1;\n");
	put("ccc/001-a.sql", "SELECT 1;\n");
	ck_assert_str_eq(order_of(root),
	    "aaa/001 bbb/001 bbb/002 ccc/001 aaa/002");
}
END_TEST

START_TEST(plan_requires_after_the_first_statement_is_sql_not_a_header)
{
	put("aaa/001-a.sql", "SELECT 1;\n-- requires: nowhere\n");
	put("aaa/README", "not a migration");
	ck_assert_str_eq(order_of(root), "aaa/001");
}
END_TEST

START_TEST(plan_cycle_refused_naming_the_files)
{
	put("aaa/001-a.sql", "-- requires: bbb\nSELECT 1;\n");
	put("bbb/001-b.sql", "-- requires: aaa\nSELECT 1;\n");
	refused("aaa/001-a.sql", "dependency cycle",
	    "aaa/001-a.sql -> bbb/001-b.sql -> aaa/001-a.sql", NULL);
}
END_TEST

START_TEST(plan_cycle_through_a_later_migration_refused)
{
	put("aaa/001-a.sql", "SELECT 1;\n");
	put("aaa/002-b.sql", "-- requires: bbb\nSELECT 1;\n");
	put("bbb/001-b.sql", "-- requires: aaa\nSELECT 1;\n");
	refused("dependency cycle", "aaa/002-b.sql", "bbb/001-b.sql", NULL);
}
END_TEST

START_TEST(plan_unknown_module_refused_naming_file_and_line)
{
	put("aaa/001-a.sql", "-- Tables of aaa.\n-- requires: core, nowhere\n"
	    "SELECT 1;\n");
	put("core/001-a.sql", "SELECT 1;\n");
	refused("/aaa/001-a.sql:2:", "unknown module \"nowhere\"", NULL);
}
END_TEST

START_TEST(plan_own_module_refused)
{
	put("aaa/001-a.sql", "-- requires: aaa\nSELECT 1;\n");
	refused("/aaa/001-a.sql:1:", "its own module", NULL);
}
END_TEST

START_TEST(plan_empty_or_bad_module_name_refused)
{
	put("core/001-a.sql", "SELECT 1;\n");
	put("bbb/001-a.sql", "SELECT 1;\n");
	put("aaa/001-a.sql", "-- requires: core,,bbb\nSELECT 1;\n");
	refused("/aaa/001-a.sql:1:", "empty module name", NULL);
	put("aaa/001-a.sql", "-- requires: Sales\nSELECT 1;\n");
	refused("/aaa/001-a.sql:1:", "\"Sales\" is not a module name", NULL);
	put("aaa/001-a.sql", "-- requires:\nSELECT 1;\n");
	refused("/aaa/001-a.sql:1:", "empty module name", NULL);
}
END_TEST

START_TEST(plan_migration_outside_a_module_folder_refused)
{
	put("core/001-a.sql", "SELECT 1;\n");
	put("007-periods.sql", "SELECT 1;\n");
	refused("/007-periods.sql", "its module's folder", NULL);
}
END_TEST

START_TEST(plan_badly_named_file_refused)
{
	put("core/01-a.sql", "SELECT 1;\n");
	refused("/core/01-a.sql", "NNN-name.sql", NULL);
}
END_TEST

START_TEST(plan_number_used_twice_refused)
{
	put("core/001-a.sql", "SELECT 1;\n");
	put("core/001-b.sql", "SELECT 1;\n");
	refused("/core/001-b.sql", "001", "001-a.sql", NULL);
}
END_TEST

START_TEST(plan_missing_folder_is_an_io_error)
{
	struct migration_plan *p = NULL;

	ck_assert_int_eq(migration_plan_load("/nonexistent/sql", &p, err,
	    sizeof(err)), TC_EIO);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/sql"));
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("migrate-plan");
	TCase *tc = tcase_create("migrate-plan");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plan_of_the_product_runs_core_then_sales);
	tcase_add_test(tc, plan_required_module_runs_first_whatever_its_name);
	tcase_add_test(tc, plan_requires_waits_for_every_migration_of_the_module);
	tcase_add_test(tc, plan_requires_after_the_first_statement_is_sql_not_a_header);
	tcase_add_test(tc, plan_cycle_refused_naming_the_files);
	tcase_add_test(tc, plan_cycle_through_a_later_migration_refused);
	tcase_add_test(tc, plan_unknown_module_refused_naming_file_and_line);
	tcase_add_test(tc, plan_own_module_refused);
	tcase_add_test(tc, plan_empty_or_bad_module_name_refused);
	tcase_add_test(tc, plan_migration_outside_a_module_folder_refused);
	tcase_add_test(tc, plan_badly_named_file_refused);
	tcase_add_test(tc, plan_number_used_twice_refused);
	tcase_add_test(tc, plan_missing_folder_is_an_io_error);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
