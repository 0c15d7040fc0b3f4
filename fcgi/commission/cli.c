/* cli.c: the commission commands of ticheng-admin: plans, targets,
 * calculation runs, exports and results. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/money.h"
#include "commission/files.h"
#include "commission/plans.h"
#include "commission/results.h"
#include "commission/run.h"
#include "commission/targets.h"
#include "core/cli.h"
#include "core/error.h"
#include "core/module.h"
#include "core/period.h"
#include "engine/tables.h"

static void
company(const struct conf *c, struct plan_company *co)
{
	co->kind = TC_PERIOD_MONTH;
	tc_period_kind_parse(c->period, &co->kind);
	co->currency = c->currency;
}

/* Reads the file at path, or says why not (exit status 2: the operator
 * named it).  *buf has one spare byte after *len. */
static int
read_input(const char *cmd, const char *path, char **buf, size_t *len)
{
	int rc = tce_file_read(path, buf, len);

	if (rc == 0)
		return CLI_OK;
	fprintf(stderr, "ticheng-admin: %s: %s: cannot read: %s\n", cmd, path,
	    rc == TC_EIO ? strerror(errno) : "out of memory");
	return rc == TC_EIO ? CLI_USAGE : CLI_FAILED;
}

/* A plan file's error in the spec's form: "FILE:LINE: why" for a JSON
 * syntax error, else "FILE: PATH: why". */
static void
plan_diag(const char *path, const struct tce_diag *e)
{
	if (e->line > 0)
		fprintf(stderr, "%s:%u: %s\n", path, e->line, e->msg);
	else if (e->path[0] != '\0')
		fprintf(stderr, "%s: %s: %s\n", path, e->path, e->msg);
	else
		fprintf(stderr, "%s: %s\n", path, e->msg);
}

/* Who proposes an imported version: --proposer LOGIN, else the Unix
 * user when a person of the directory has that login (NULL: none). */
static const char *
import_proposer(const char *given, char *buf, size_t size)
{
	struct passwd *pw;

	if (given != NULL)
		return given;
	if ((pw = getpwuid(getuid())) == NULL)
		return NULL;
	snprintf(buf, size, "%s", pw->pw_name);
	return buf;
}

static int
cmd_import_plan(struct conf *c, int argc, char **argv)
{
	struct plan_company co;
	struct plan_why why = { 0 };
	struct tce_version *v = NULL;
	struct tce_diag err;
	struct db *d = NULL;
	const char *path = NULL, *given = NULL, *proposer;
	bool activate = false, bad = false;
	char *buf = NULL, unix_login[64];
	size_t len = 0;
	int64_t id = 0;
	int rc, status;

	for (int i = 1; i < argc && !bad; i++) {
		if (strcmp(argv[i], "--activate") == 0 && !activate)
			activate = true;
		else if (strcmp(argv[i], "--proposer") == 0 && given == NULL &&
		    i + 1 < argc && argv[i + 1][0] != '\0')
			given = argv[++i];
		else if (path == NULL && argv[i][0] != '\0' &&
		    strncmp(argv[i], "--", 2) != 0)
			path = argv[i];
		else
			bad = true;
	}
	if (path == NULL || bad) {
		fprintf(stderr, "usage: ticheng-admin import-plan FILE "
		    "[--activate] [--proposer LOGIN]\n");
		return CLI_USAGE;
	}
	proposer = import_proposer(given, unix_login, sizeof(unix_login));
	company(c, &co);
	if ((status = read_input(argv[0], path, &buf, &len)) != 0)
		return status;
	rc = plan_parse(buf, len, &co, &v, &err);
	free(buf);
	if (rc != 0) {
		if (rc == TC_ENOMEM) {
			fprintf(stderr, "ticheng-admin: out of memory\n");
			return CLI_FAILED;
		}
		plan_diag(path, &err);
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		goto out;
	/* One transaction: a refused activation, or a proposer who is no
	 * person, saves nothing.  Without a proposer a proposed version
	 * could be approved by anyone, its importer included; activated at
	 * once it is the operator's decision, and the proposer optional. */
	if ((rc = db_begin(d)) == 0 &&
	    (rc = plan_save(d, v, "proposed", cli_actor(), &id, &why)) == 0 &&
	    proposer != NULL && (rc = plan_set_proposer(d, id, proposer)) ==
	    TC_ENOTFOUND && given == NULL && activate)
		rc = 0;
	if (rc == TC_ENOTFOUND) {
		if (given != NULL)
			fprintf(stderr, "ticheng-admin: import-plan: --proposer "
			    "%s: no active person of the directory has that "
			    "login\n", given);
		else
			fprintf(stderr, "ticheng-admin: import-plan: who proposes "
			    "this version? The Unix user %s is no person of the "
			    "directory: name one with --proposer LOGIN (or "
			    "--activate it as the operator)\n", proposer);
		db_rollback(d);
		status = CLI_USAGE;
		goto out;
	}
	if (rc == 0 && proposer == NULL && !activate) {
		fprintf(stderr, "ticheng-admin: import-plan: who proposes this "
		    "version? Name one with --proposer LOGIN\n");
		db_rollback(d);
		status = CLI_USAGE;
		goto out;
	}
	if (rc == 0 && activate)
		rc = plan_activate(d, id, &co, cli_today(), cli_actor(),
		    "activated at import by the operator (ticheng-admin "
		    "import-plan --activate)", &why);
	if (rc == 0)
		rc = db_commit(d);
	else
		db_rollback(d);
	if (rc == TC_EDENIED) {
		fprintf(stderr, "%s: %s%s%s\n", path, why.path,
		    why.path[0] ? ": " : "", why.text);
		status = CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: import-plan: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else
		printf("imported %s as plan version %lld (%s): %s, %zu rules\n",
		    path, (long long)id, activate ? "active" : "proposed",
		    v->name, v->nrules);
out:
	tce_version_free(v);
	db_close(d);
	return status;
}

/* A positive decimal id, or 0. */
static int64_t
parse_id(const char *s)
{
	int64_t v = 0;

	if (*s == '\0' || strlen(s) > 12)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int
cmd_export_plan(struct conf *c, int argc, char **argv)
{
	struct db *d = NULL;
	char *json = NULL;
	size_t len = 0;
	int64_t id;
	int rc, status;

	if (argc != 3 || (id = parse_id(argv[1])) == 0) {
		fprintf(stderr, "usage: ticheng-admin export-plan VERSION FILE\n"
		    "  VERSION is the number of a plan version\n");
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	rc = plan_export(d, id, &json, &len);
	if (rc == TC_ENOTFOUND) {
		fprintf(stderr, "ticheng-admin: export-plan: no plan version "
		    "%lld\n", (long long)id);
		status = CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: export-plan: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else if ((rc = files_write(argv[2], json, len)) != 0) {
		fprintf(stderr, "ticheng-admin: export-plan: %s: cannot "
		    "write: %s\n", argv[2], strerror(errno));
		status = CLI_FAILED;
	} else
		printf("exported plan version %lld to %s\n", (long long)id,
		    argv[2]);
	free(json);
	db_close(d);
	return status;
}

static int
cmd_import_targets(struct conf *c, int argc, char **argv)
{
	struct target_report rep = { 0 };
	struct db *d = NULL;
	char *buf = NULL;
	size_t len = 0;
	int rc, status;

	if (argc != 2) {
		fprintf(stderr, "usage: ticheng-admin import-targets FILE\n");
		return CLI_USAGE;
	}
	if ((status = read_input(argv[0], argv[1], &buf, &len)) != 0)
		return status;
	if ((status = cli_db_open(c, &d)) != 0) {
		free(buf);
		return status;
	}
	rc = targets_import(d, buf, len, cli_actor(), &rep);
	if (rc == TC_EINVAL) {
		for (size_t i = 0; i < rep.nerrors; i++)
			fprintf(stderr, "%s:%u: %s\n", argv[1],
			    rep.errors[i].line, rep.errors[i].msg);
		if (rep.more_errors > 0)
			fprintf(stderr, "%s: %zu more rows refused\n", argv[1],
			    rep.more_errors);
		fprintf(stderr, "ticheng-admin: import-targets: nothing "
		    "imported\n");
		status = CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: import-targets: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else
		printf("imported %zu targets from %s: %zu added, %zu changed, "
		    "%zu unchanged\n", rep.rows, argv[1], rep.added, rep.changed,
		    rep.unchanged);
	target_report_free(&rep);
	db_close(d);
	return status;
}

static void
print_run(const struct run_result *r)
{
	char sales[32], commission[32], bonus[32], total[32];

	tc_money_format(sales, r->sales, false);
	tc_money_format(commission, r->commission, false);
	tc_money_format(bonus, r->bonus, false);
	tc_money_format(total, r->total, false);
	printf("%s: run %lld: %zu order lines, %zu payments, %zu targets, "
	    "%zu plan versions; %zu reps, %zu commission lines (%zu kept, "
	    "%zu changed, %zu added, %zu removed), %zu warnings; sales %s, "
	    "commission %s, bonus %s, total %s; %lld ms (reading %lld, "
	    "engine %lld, writing %lld)\n", r->label, (long long)r->run_id,
	    r->in_lines, r->in_payments, r->in_targets, r->in_versions,
	    r->reps, r->lines, r->kept, r->changed, r->added, r->removed,
	    r->warnings, sales, commission, bonus, total,
	    (long long)r->total_ms, (long long)r->read_ms,
	    (long long)r->engine_ms, (long long)r->write_ms);
}

static int
cmd_calc(struct conf *c, int argc, char **argv)
{
	struct plan_company co;
	struct run_result *res = NULL;
	struct period_why why = { 0 };
	char (*open)[TC_PERIOD_SIZE] = NULL;
	const char **labels = NULL;
	struct db *d = NULL;
	size_t n = 0;
	int rc, status;

	if (argc != 2 || argv[1][0] == '\0') {
		fprintf(stderr, "usage: ticheng-admin calc PERIOD | --open\n");
		return CLI_USAGE;
	}
	company(c, &co);
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	if (strcmp(argv[1], "--open") == 0) {
		if ((rc = run_open_periods(d, co.kind, cli_today(), &open,
		    &n)) != 0) {
			fprintf(stderr, "ticheng-admin: calc: %s\n",
			    tc_strerror(rc));
			status = CLI_FAILED;
			goto out;
		}
		if (n == 0) {
			printf("no open period\n");
			goto out;
		}
	} else
		n = 1;
	rc = TC_ENOMEM;
	if ((labels = calloc(n, sizeof(*labels))) == NULL ||
	    (res = calloc(n, sizeof(*res))) == NULL) {
		fprintf(stderr, "ticheng-admin: calc: out of memory\n");
		status = CLI_FAILED;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		labels[i] = open != NULL ? open[i] : argv[1];
	rc = run_periods(d, co.kind, cli_today(), cli_actor(), labels, n, res,
	    &why);
	for (size_t i = 0; i < n; i++)
		if (res[i].done)
			print_run(&res[i]);
	if (rc == TC_EDENIED || rc == TC_EINVAL) {
		fprintf(stderr, "ticheng-admin: calc: %s\n", why.text);
		status = CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: calc: %s%s%s\n",
		    why.text[0] ? why.text : "", why.text[0] ? ": " : "",
		    tc_strerror(rc));
		status = CLI_FAILED;
	}
out:
	free(open);
	free(labels);
	free(res);
	db_close(d);
	return status;
}

/* PERIOD or FROM..TO into the first and last day of the range. */
static int
parse_range(enum tc_period_kind kind, const char *arg, int32_t *from,
    int32_t *to)
{
	struct period_span a, z;
	const char *dots = strstr(arg, "..");
	char first[TC_PERIOD_SIZE];

	if (dots == NULL)
		snprintf(first, sizeof(first), "%s", arg);
	else if ((size_t)(dots - arg) < sizeof(first))
		snprintf(first, sizeof(first), "%.*s", (int)(dots - arg), arg);
	else
		return TC_EINVAL;
	if (period_of_label(kind, first, &a) != 0 ||
	    period_of_label(kind, dots != NULL ? dots + 2 : first, &z) != 0 ||
	    z.first < a.first)
		return TC_EINVAL;
	*from = a.first;
	*to = z.last;
	return 0;
}

static int
write_set(const char *cmd, const char *dir, const struct file_set *fs)
{
	const char *failed = dir;

	if (files_write_dir(dir, fs, &failed) == 0)
		return CLI_OK;
	fprintf(stderr, "ticheng-admin: %s: %s: cannot write: %s\n", cmd,
	    failed, strerror(errno));
	return CLI_FAILED;
}

static int
cmd_export_period(struct conf *c, int argc, char **argv)
{
	struct plan_company co;
	struct file_set fs = { 0 };
	struct db *d = NULL;
	char digest[FILES_DIGEST_SIZE];
	int32_t from, to;
	int rc, status;

	company(c, &co);
	if (argc != 3 || parse_range(co.kind, argv[1], &from, &to) != 0) {
		fprintf(stderr, "usage: ticheng-admin export-period "
		    "PERIOD[..PERIOD] DIR\n  PERIOD is a %s label of the "
		    "company (2026-07, 2026-Q3 or 2026)\n",
		    tc_period_kind_name(co.kind));
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	if ((rc = run_export(d, co.kind, from, to, &fs, digest)) != 0) {
		fprintf(stderr, "ticheng-admin: export-period: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else if ((status = write_set(argv[0], argv[2], &fs)) == 0)
		printf("%s\n", digest);
	files_free(&fs);
	db_close(d);
	return status;
}

static int
cmd_results(struct conf *c, int argc, char **argv)
{
	struct plan_company co;
	struct file_set fs = { 0 };
	struct db *d = NULL;
	char digest[FILES_DIGEST_SIZE];
	int rc, status;

	if (argc != 3) {
		fprintf(stderr, "usage: ticheng-admin results PERIOD DIR\n");
		return CLI_USAGE;
	}
	company(c, &co);
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	rc = results_files(d, co.kind, argv[1], &fs, digest);
	if (rc == TC_EINVAL || rc == TC_ENOTFOUND) {
		fprintf(stderr, "ticheng-admin: results: %s: %s\n", argv[1],
		    rc == TC_EINVAL ? "not a period label of the company" :
		    "no such period");
		status = CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: results: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else if (digest[0] == '\0') {
		fprintf(stderr, "ticheng-admin: results: %s has no "
		    "calculation run\n", argv[1]);
		status = CLI_USAGE;
	} else if ((status = write_set(argv[0], argv[2], &fs)) == 0)
		printf("%s\n", digest);
	files_free(&fs);
	db_close(d);
	return status;
}

static int
cmd_close_period(struct conf *c, int argc, char **argv)
{
	static const struct period_guard guards[] = {
		{ run_close_guard, NULL },
	};
	struct plan_company co;
	struct period_why why = { 0 };
	struct db *d = NULL;
	int rc, status;

	if (argc != 2) {
		fprintf(stderr, "usage: ticheng-admin close-period PERIOD\n");
		return CLI_USAGE;
	}
	company(c, &co);
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	rc = period_close(d, co.kind, cli_today(), cli_actor(), argv[1],
	    guards, sizeof(guards) / sizeof(guards[0]), &why);
	if (rc == TC_ENOTFOUND) {
		fprintf(stderr, "ticheng-admin: close-period: no period %s\n",
		    argv[1]);
		status = CLI_USAGE;
	} else if (rc != 0 && why.text[0] != '\0') {
		fprintf(stderr, "ticheng-admin: close-period: %s\n", why.text);
		status = rc == TC_EDB || rc == TC_ENOMEM ? CLI_FAILED :
		    CLI_USAGE;
	} else if (rc != 0) {
		fprintf(stderr, "ticheng-admin: close-period: %s\n",
		    tc_strerror(rc));
		status = CLI_FAILED;
	} else
		printf("closed %s\n", argv[1]);
	db_close(d);
	return status;
}

const struct module_command commission_commands[] = {
	{ "import-plan", "FILE [--activate] [--proposer LOGIN]", "add the "
	    "plan version of a plan JSON file,\n    proposed by LOGIN (default: "
	    "the Unix user, when a person of that\n    login exists), so that "
	    "someone else approves it (--activate: in force\n    at once, as "
	    "the operator's decision)", cmd_import_plan },
	{ "export-plan", "VERSION FILE", "write plan version VERSION as "
	    "plan JSON", cmd_export_plan },
	{ "import-targets", "FILE", "add or change rep targets from a "
	    "targets.csv, all or nothing", cmd_import_targets },
	{ "calc", "PERIOD | --open", "calculate and store the commission of "
	    "a period, or of every open one", cmd_calc },
	{ "export-period", "PERIOD[..PERIOD] DIR", "write the inputs of a "
	    "period (or range) as the spec's files;\n    prints their digest",
	    cmd_export_period },
	{ "results", "PERIOD DIR", "write a period's stored results as "
	    "summary.csv and lines.csv;\n    prints its run's digest",
	    cmd_results },
	{ "close-period", "PERIOD", "close (结账) the oldest open period, once "
	    "its run is current", cmd_close_period },
	{ NULL, NULL, NULL, NULL },
};
