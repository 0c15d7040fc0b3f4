/* module.h: how a module registers itself.
 *
 * A module is a folder fcgi/<name>/ (its program, route tables, field and
 * statement tables), templates/<name>/ and sql/<name>/.  It declares
 * itself in two objects, so that a program links only what it runs:
 *
 *   struct module       fcgi/<name>/module.c: what every program knows of
 *                       the module: its name, URL prefix, navigation
 *                       entry, the modules it requires, its migrations
 *                       folder, and the count of what waits for the
 *                       signed-in person.  No pointer into the module's
 *                       handlers: every program shows the navigation of
 *                       every module, so auth.fcgi carries sales' label,
 *                       never sales' code.
 *   struct module_code  fcgi/<name>/module-code.c: what only the programs
 *                       that run the module link: its route sets (its own
 *                       program, the route test), its demo seeder and
 *                       ticheng-admin commands (ticheng-admin), its job
 *                       handlers (the job worker).
 *
 * Two files, because a static library is linked one object file at a
 * time: an object holding both would drag every module's handlers into
 * every program.
 *
 * The build keeps the list: each module's fragment says
 * `TC_MODULES += <name>` and make writes module_registry[] and
 * module_code_registry[] from it.  The core never names a module. */
#ifndef TC_CORE_MODULE_H
#define TC_CORE_MODULE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/app.h"

/* The entry of a module in the navigation and on home. */
struct module_nav {
	const char *label_key;      /* catalogue key of its name: "nav_sales" */
	const char *text_key;       /* the line under it on home */
	int order;                  /* lower first */
	unsigned roles;             /* who sees it (enum role bits) */
};

/* Sets *count to the number of things waiting for the signed-in person
 * in the module (statements to review, lines to approve), shown beside
 * its navigation entry when above 0.  Runs on every page of every
 * program: one indexed query.  Returns 0 or a tc_err (then nothing is
 * shown; the page is still served). */
typedef int (*module_waiting_fn)(struct req *r, int64_t *count);

struct module {
	const char *name;           /* "sales": fcgi/sales/, sales.fcgi */
	const char *prefix;         /* "/sales/", served by <name>.fcgi;
	                               NULL: no web program (yet) */
	struct module_nav nav;      /* nav.label_key NULL: not in the
	                               navigation */
	const char *const *requires; /* modules whose tables or data it
	                               uses, NULL-terminated (NULL: none; the
	                               core is always there) */
	const char *migrations;     /* its folder of sql/, NULL: none */
	module_waiting_fn waiting;  /* NULL: nothing waits */
};

struct actor;

/* What a demo seeder is given. */
struct module_seed {
	struct db *db;
	const struct conf *conf;
	const struct actor *actor;  /* the operator running ticheng-admin */
	int32_t today;              /* the business date, yyyymmdd: demo
	                               dates are offsets from it */
	FILE *out;                  /* one line saying what was made */
	char *err;                  /* a message on failure */
	size_t errlen;
};

/* Writes the module's demo data inside the transaction that
 * ticheng-admin opened: it commits it with the module's marker, or rolls
 * it back when the seeder fails, so a seeder never begins, commits or
 * rolls back, and is never run twice on one database.  Returns 0, or a
 * tc_err with a message in s->err. */
typedef int (*module_seed_fn)(struct module_seed *s);

/* Brings the module's demo data to factor times the demo company for
 * benchmarks (ticheng-admin demo-data --scale N), after its seeder ran:
 * bulk copies with the same shapes, outside the audit and marked as
 * benchmark data by the module.  Unlike a seeder it manages its own
 * transactions (one per copy, so a long load keeps what it finished);
 * a factor already reached does nothing.  Returns 0, or a tc_err with a
 * message in s->err. */
typedef int (*module_scale_fn)(struct module_seed *s, int factor);

/* A ticheng-admin command of the module: `ticheng-admin NAME ARGS...`,
 * listed in its usage beside the built-in ones (the same shape as
 * admin's own commands). */
struct module_command {
	const char *name;           /* "calc"; NULL ends a list */
	const char *args;           /* "PERIOD | --open", "" if none */
	const char *help;           /* one line, for the usage */
	/* argv[0] is the command's name.  Prints what it did on standard
	 * output, why it failed on standard error; returns the exit status
	 * (0 done, 1 the database or the system failed, 2 a bad command
	 * line or a refusal). */
	int (*fn)(struct conf *c, int argc, char **argv);
};

/* A kind of background job (core/job.h defines it). */
struct job_kind;

struct module_code {
	const struct module *module;
	const struct route_set *const *routes;  /* its program's route sets,
	                               NULL-terminated; NULL: no program */
	module_seed_fn seed;        /* NULL: no demo data */
	module_scale_fn scale;      /* NULL: its demo data does not scale */
	const struct module_command *commands;  /* ended by a NULL name;
	                               NULL: none */
	const struct job_kind *const *jobs;     /* NULL-terminated; NULL:
	                               none */
};

/* Every module of the build, NULL-terminated, in the order the build
 * lists them (generated: module-registry.c). */
extern const struct module *const module_registry[];

/* The code of every module, NULL-terminated, in the same order
 * (generated: module-code-registry.c; linked only by the programs that
 * run every module: ticheng-admin, the job worker, the route test). */
extern const struct module_code *const module_code_registry[];

/* The module of list named name, or NULL. */
const struct module *module_find(const struct module *const *list,
    const char *name);

/* Whether module m requires (directly or through others of list) the
 * module named name. */
bool module_requires(const struct module *const *list,
    const struct module *m, const char *name);

#define MODULE_MAX 32

/* Puts the modules of list (at most MODULE_MAX) in dependency order into
 * out, and their number into *n: every module after those it requires,
 * otherwise in list order.  Returns 0, or TC_EINVAL with a message in
 * err naming the module for one that requires a module absent from
 * list, or a cycle; TC_ETOOBIG past MODULE_MAX. */
int module_order(const struct module *const *list,
    const struct module **out, size_t *n, char *err, size_t errlen);

/* Whether module m is deployed by c: site.modules empty (every module of
 * the build) or naming it. */
bool module_deployed(const struct conf *c, const struct module *m);

/* Whether every module named by c's site.modules is one of list.
 * Returns 0, or TC_EINVAL with a message naming the first unknown one. */
int module_check_deployed(const struct conf *c,
    const struct module *const *list, char *err, size_t errlen);

/* The main() of a module's program: reads the configuration (-c FILE,
 * else conf_default_path()), the catalogues, opens the log and the
 * database, then serves the routes of code until SIGTERM, with the
 * navigation of every deployed module of registry.  Returns the process
 * exit status (2 for a bad command line or configuration). */
int app_main_module(int argc, char **argv, const struct module_code *code,
    const struct module *const *registry);

#endif
