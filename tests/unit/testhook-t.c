/* testhook-t: hold points hold while their file exists, and only in test
 * builds; the hooks folder comes from [test] hooks. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"
#include "core/testhook.h"

static char dir[64];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/testhook-t.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(tc_hook_set_dir(dir), 0);
}

static void
teardown(void)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/hold-step", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/held-step", dir);
	unlink(path);
	rmdir(dir);
	tc_hook_set_dir(NULL);
}

static void
touch(const char *name)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

static int
present(const char *name)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return access(path, F_OK) == 0;
}

static void
pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child process that reaches the hold point "step" and exits 0. */
static pid_t
start_holder(void)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		tc_hold("step");
		_exit(0);
	}
	return pid;
}

/* Whether child pid has exited (reaping it) within ms. */
static int
exited_within(pid_t pid, long ms)
{
	int status;

	for (long t = 0; t <= ms; t += 5) {
		pid_t w = waitpid(pid, &status, WNOHANG);

		if (w == pid)
			return WIFEXITED(status) && WEXITSTATUS(status) == 0;
		pause_ms(5);
	}
	return 0;
}

#ifdef TC_TEST_HOOKS

/* Waits up to ms for name to be present (want 1) or absent (want 0). */
static int
wait_for(const char *name, int want, long ms)
{
	for (long t = 0; t < ms; t += 5) {
		if (present(name) == want)
			return 1;
		pause_ms(5);
	}
	return present(name) == want;
}

START_TEST(hook_dir_is_the_configured_folder)
{
	ck_assert_str_eq(tc_hook_dir(), dir);
	ck_assert_int_eq(tc_hook_set_dir(""), 0);
	ck_assert_ptr_null(tc_hook_dir());
	ck_assert_int_eq(tc_hook_set_dir(NULL), 0);
	ck_assert_ptr_null(tc_hook_dir());
}
END_TEST

START_TEST(hook_dir_too_long_is_refused_and_hooks_off)
{
	char longdir[PATH_MAX + 16];

	memset(longdir, 'a', sizeof(longdir) - 1);
	longdir[0] = '/';
	longdir[sizeof(longdir) - 1] = '\0';
	ck_assert_int_eq(tc_hook_set_dir(longdir), TC_ETOOBIG);
	ck_assert_ptr_null(tc_hook_dir());
}
END_TEST

START_TEST(hold_without_its_file_goes_on_at_once)
{
	pid_t pid = start_holder();

	ck_assert_msg(exited_within(pid, 2000), "tc_hold held with no "
	    "hold- file");
	ck_assert(!present("held-step"));
}
END_TEST

START_TEST(hold_waits_until_its_file_is_removed)
{
	char path[PATH_MAX];
	pid_t pid;

	touch("hold-step");
	pid = start_holder();
	ck_assert_msg(wait_for("held-step", 1, 5000),
	    "held-step did not appear");
	ck_assert_msg(!exited_within(pid, 200), "the holder went on while "
	    "hold-step existed");
	snprintf(path, sizeof(path), "%s/hold-step", dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_msg(exited_within(pid, 5000), "the holder did not go on "
	    "after hold-step was removed");
	ck_assert_msg(!present("held-step"), "held-step was left behind");
}
END_TEST

START_TEST(hold_of_another_name_does_not_hold)
{
	pid_t pid;

	touch("hold-other");
	pid = start_holder();
	ck_assert_msg(exited_within(pid, 2000), "tc_hold(\"step\") held "
	    "on hold-other");
	ck_assert(!present("held-step"));
	{
		char path[PATH_MAX];

		snprintf(path, sizeof(path), "%s/hold-other", dir);
		unlink(path);
	}
}
END_TEST

#else

START_TEST(hooks_are_absent_from_production_builds)
{
	pid_t pid;

	ck_assert_ptr_null(tc_hook_dir());
	touch("hold-step");
	pid = start_holder();
	ck_assert_msg(exited_within(pid, 2000), "a production build held");
	ck_assert(!present("held-step"));
}
END_TEST

#endif

int
main(void)
{
	Suite *s = suite_create("testhook");
	TCase *tc = tcase_create("testhook");
	SRunner *sr;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
#ifdef TC_TEST_HOOKS
	tcase_add_test(tc, hook_dir_is_the_configured_folder);
	tcase_add_test(tc, hook_dir_too_long_is_refused_and_hooks_off);
	tcase_add_test(tc, hold_without_its_file_goes_on_at_once);
	tcase_add_test(tc, hold_waits_until_its_file_is_removed);
	tcase_add_test(tc, hold_of_another_name_does_not_hold);
#else
	tcase_add_test(tc, hooks_are_absent_from_production_builds);
#endif
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	srunner_free(sr);
	return 0;
}
