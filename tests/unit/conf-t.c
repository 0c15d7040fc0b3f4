/* conf-t: ticheng.conf is read strictly, and every error names its key. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/testhook.h"

/* Writes text to a new temporary file; returns its path (static). */
static const char *
write_conf(const char *text)
{
	static char path[64];
	FILE *f;
	int fd;

	snprintf(path, sizeof(path), "/tmp/conf-t.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Loads text; returns the error message, or "" when it loaded. */
static const char *
load(const char *text, struct conf **c)
{
	static char err[1024];
	const char *path = write_conf(text);

	err[0] = '\0';
	conf_load(path, c, err, sizeof(err));
	unlink(path);
	return err;
}

START_TEST(conf_good_file_sets_values_and_defaults)
{
	struct conf *c;
	const char *err = load("# comment\n[site]\ncompany = 华东示例\n"
	    "tls = false\n\n[database]\nport = 3307\n[login]\n"
	    "max_per_login = 3\n", &c);

	ck_assert_str_eq(err, "");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->company, "华东示例");
	ck_assert(!c->tls);
	ck_assert_int_eq(c->db_port, 3307);
	ck_assert_int_eq(c->login_max_per_login, 3);
	ck_assert_int_eq(c->login_max_per_address, 20);
	ck_assert_int_eq(c->login_window, 900);
	ck_assert_str_eq(c->currency, "CNY");
	ck_assert_str_eq(c->period, "month");
	conf_free(c);
}
END_TEST

static const struct {
	const char *text;
	const char *message;   /* expected within the error */
} bad[] = {
	{ "[site]\ncompnay = x\n", ":2: unknown key \"compnay\" in [site]" },
	{ "[sight]\n", ":1: unknown section [sight]" },
	{ "company = x\n", ":1: key \"company\" outside any [section]" },
	{ "[database]\nport = 80x\n", "database.port: \"80x\" is not a whole" },
	{ "[database]\nport = 0\n", "database.port: \"0\" is not a whole" },
	{ "[site]\ntls = maybe\n", "site.tls: \"maybe\" is not true or false" },
	{ "[site]\ncompany\n", ":2: expected key = value" },
	{ "[site]\ncompany = a\ncompany = b\n", ":3: key \"company\" in [site] given twice" },
	{ "[site\n", ":1: bad section header" },
	{ "[site]\nperiod = week\n", "site.period: \"week\" is not one of month, quarter, year" },
};

START_TEST(conf_bad_file_names_line_and_key)
{
	struct conf *c = (struct conf *)1;
	const char *err = load(bad[_i].text, &c);

	ck_assert_ptr_null(c);
	ck_assert_msg(strstr(err, bad[_i].message) != NULL,
	    "case %d: expected \"%s\" in \"%s\"", _i, bad[_i].message, err);
}
END_TEST

START_TEST(conf_missing_file_is_an_error)
{
	struct conf *c;
	char err[256];

	ck_assert_int_ne(conf_load("/nonexistent/ticheng.conf", &c, err,
	    sizeof(err)), 0);
	ck_assert_ptr_null(c);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/ticheng.conf"));
}
END_TEST

/* [test] hooks exists only in builds with test hooks; elsewhere the
 * section is unknown, so a production server refuses a test file. */
START_TEST(conf_test_section_only_in_test_builds)
{
	struct conf *c;
	const char *err = load("[test]\nhooks = /tmp/conf-t-hooks\n", &c);

#ifdef TC_TEST_HOOKS
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(c->test_hooks, "/tmp/conf-t-hooks");
	ck_assert_str_eq(tc_hook_dir(), "/tmp/conf-t-hooks");
	conf_free(c);
	err = load("[site]\ntls = false\n", &c);
	ck_assert_str_eq(err, "");
	ck_assert_ptr_null(tc_hook_dir());
	conf_free(c);
#else
	ck_assert_ptr_null(c);
	ck_assert_msg(strstr(err, ":1: unknown section [test]") != NULL,
	    "expected the [test] section refused, got \"%s\"", err);
	ck_assert_ptr_null(tc_hook_dir());
#endif
}
END_TEST

/* Worker counts: a program's own count, else [fastcgi] workers, else one
 * per processor and at least 2; a malformed list is refused. */
START_TEST(conf_workers_per_program_default_and_refused)
{
	struct conf *c;
	const char *err = load("[fastcgi]\nworkers = 3\n"
	    "workers_by_program = sales=5  auth=1\n", &c);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	ck_assert_str_eq(err, "");
	ck_assert_int_eq(conf_workers(c, "sales"), 5);
	ck_assert_int_eq(conf_workers(c, "auth"), 1);
	ck_assert_int_eq(conf_workers(c, "admin"), 3);
	ck_assert_int_eq(conf_workers(c, "sale"), 3);
	conf_free(c);
	err = load("[site]\ntls = false\n", &c);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(conf_workers(c, "sales"), cpus > 2 ? (int)cpus : 2);
	ck_assert_int_eq(c->db_page_seconds, 4);
	conf_free(c);
	for (size_t i = 0; i < 4; i++) {
		static const char *const bad[] = { "sales", "sales=0",
		    "=2", "sales=2x" };
		char text[128];

		snprintf(text, sizeof(text), "[fastcgi]\n"
		    "workers_by_program = %s\n", bad[i]);
		err = load(text, &c);
		ck_assert_str_eq(err, "");
		ck_assert_msg(conf_workers(c, "sales") == -1,
		    "\"%s\" should be refused", bad[i]);
		conf_free(c);
	}
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("conf");
	SRunner *sr;

	tcase_add_test(tc, conf_good_file_sets_values_and_defaults);
	tcase_add_loop_test(tc, conf_bad_file_names_line_and_key, 0,
	    sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, conf_missing_file_is_an_error);
	tcase_add_test(tc, conf_test_section_only_in_test_builds);
	tcase_add_test(tc, conf_workers_per_program_default_and_refused);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	conf_free(NULL);
	return 0;
}
