/* testhook.h: hooks that let a test drive a running program.
 *
 * Built only with ./configure --enable-test-hooks (which defines
 * TC_TEST_HOOKS; ./dev builds that way, production builds never do).
 * Such a build accepts a [test] section in ticheng.conf whose key
 * "hooks" names a folder shared by the test and the programs:
 *
 *   DIR/clock        a UTC instant "YYYY-MM-DDTHH:MM:SSZ" that "now"
 *                    returns instead of the system clock (core/clock.h
 *                    reads it at every call);
 *   DIR/hold-NAME    while it exists, a process reaching tc_hold("NAME")
 *                    creates DIR/held-NAME (holding its pid), waits (at most
 *                    TC_HOLD_MAX_SECONDS) until DIR/hold-NAME is removed,
 *                    then removes DIR/held-NAME and goes on;
 *   DIR/slow-TABLE   while it exists, every statement of the statement
 *                    table (or list) named TABLE ("orders-list") first
 *                    runs SELECT SLEEP(N) on the same connection, N the
 *                    number in the file (30 when empty): a page made slow
 *                    in its SQL, under the page's time limit.
 *
 * Without TC_TEST_HOOKS the [test] section is refused like any unknown
 * section, tc_hold() compiles to nothing and tc_hook_dir() is NULL. */
#ifndef TC_CORE_TESTHOOK_H
#define TC_CORE_TESTHOOK_H

#define TC_HOLD_MAX_SECONDS 30

#ifdef TC_TEST_HOOKS

/* The hooks folder named by [test] hooks, or NULL when none is
 * configured.  Static string, valid until the next tc_hook_set_dir(). */
const char *tc_hook_dir(void);

/* Points the hooks at folder dir (NULL or "": no hooks).  conf_load()
 * calls it with the [test] hooks value of every file it loads
 * successfully, so programs need not.  Returns 0, or TC_ETOOBIG when dir
 * is longer than a path may be (the hooks are then off).  Not
 * thread-safe: call it before starting threads. */
int tc_hook_set_dir(const char *dir);

/* The hold point name (a constant word of letters, digits and '-',
 * such as "workflow-locked"): returns at once unless DIR/hold-NAME
 * exists, else holds as described above.  Failing to create or remove
 * the held- file is logged, never fatal: a hold only ever delays. */
void tc_hold(const char *name);

/* The seconds DIR/slow-NAME asks statements of table name to sleep, 0
 * when there is no such file. */
int tc_hook_slow(const char *name);

#else

static inline const char *tc_hook_dir(void) { return (const char *)0; }
static inline int tc_hook_set_dir(const char *dir) { (void)dir; return 0; }
#define tc_hold(name) ((void)0)
static inline int tc_hook_slow(const char *name) { (void)name; return 0; }

#endif

#endif
