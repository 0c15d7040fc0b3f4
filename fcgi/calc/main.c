/* main.c: ticheng-calc, the command of section 4 of
 * spec/commission-calc.md: reads a plan (one or more versions), orders,
 * and optionally payments and targets; writes the summary to standard
 * output and, with --lines, the commission lines to a file; with
 * --explain REP PERIOD, the explanation of that rep's period instead of
 * the summary.
 * Exit 0: done; 2: bad input (nothing written); 1: anything else. */
#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calc/explain.h"
#include "engine/output.h"
#include "engine/engine.h"
#include "engine/plan_json.h"
#include "engine/tables.h"
#include "core/error.h"

#define MAX_PLANS 64

struct args {
	const char *plans[MAX_PLANS];
	unsigned    nplans;
	const char *orders, *payments, *targets, *lines;
	const char *explain_rep, *explain_period; /* --explain REP PERIOD */
};

static const char usage[] =
    "usage: ticheng-calc --plan PLAN.json [--plan PLAN2.json ...] "
    "--orders ORDERS.csv\n"
    "                    [--payments PAYMENTS.csv] [--targets TARGETS.csv] "
    "[--lines LINES.csv]\n"
    "                    [--explain REP PERIOD]\n";

static int
bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "ticheng-calc: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage);
	return 2;
}

static int
parse_args(int argc, char **argv, struct args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *opt = argv[i], *val = NULL, *eq;
		const char **slot = NULL;
		size_t olen;
		int is_plan = 0;

		if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
			fputs(usage, stdout);
			exit(0);
		}
		if (strncmp(opt, "--", 2) != 0)
			return bad_usage("unexpected argument \"%s\"", opt);
		if (strcmp(opt, "--explain") == 0) {
			if (a->explain_rep != NULL)
				return bad_usage("%s given twice", opt);
			if (i + 2 >= argc)
				return bad_usage("%s needs a rep and a period", opt);
			a->explain_rep = argv[++i];
			a->explain_period = argv[++i];
			if (a->explain_rep[0] == '\0')
				return bad_usage("%s: empty rep", opt);
			continue;
		}
		eq = strchr(opt, '=');
		olen = eq ? (size_t)(eq - opt) : strlen(opt);
		if (olen == 6 && strncmp(opt, "--plan", 6) == 0) {
			if (a->nplans == MAX_PLANS)
				return bad_usage("%s: too many plans", opt);
			slot = &a->plans[a->nplans++];
			is_plan = 1;
		} else if (olen == 8 && strncmp(opt, "--orders", 8) == 0)
			slot = &a->orders;
		else if (olen == 10 && strncmp(opt, "--payments", 10) == 0)
			slot = &a->payments;
		else if (olen == 9 && strncmp(opt, "--targets", 9) == 0)
			slot = &a->targets;
		else if (olen == 7 && strncmp(opt, "--lines", 7) == 0)
			slot = &a->lines;
		else
			return bad_usage("unknown option \"%s\"", opt);
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return bad_usage("%s needs a file name", opt);
		if (val[0] == '\0')
			return bad_usage("%s: empty file name", opt);
		if (!is_plan && *slot != NULL)
			return bad_usage("%s given twice", opt);
		*slot = val;
	}
	if (a->nplans == 0)
		return bad_usage("%s", "--plan is required");
	if (a->orders == NULL)
		return bad_usage("%s", "--orders is required");
	return 0;
}

static const char *
source_name(const struct args *a, enum tce_source src, unsigned version)
{
	switch (src) {
	case TCE_SRC_PLAN: return a->plans[version];
	case TCE_SRC_ORDERS: return a->orders;
	case TCE_SRC_PAYMENTS: return a->payments;
	case TCE_SRC_TARGETS: return a->targets;
	default: return "ticheng-calc";
	}
}

/* Prints a diagnostic as "file:line: msg" or "file: path: msg". */
static void
print_diag(const struct args *a, const struct tce_diag *d, const char *kind)
{
	const char *f = source_name(a, d->src, d->version);

	if (d->line > 0)
		fprintf(stderr, "%s:%u: %s%s\n", f, d->line, kind, d->msg);
	else if (d->path[0] != '\0')
		fprintf(stderr, "%s: %s: %s%s\n", f, d->path, kind, d->msg);
	else
		fprintf(stderr, "%s: %s%s\n", f, kind, d->msg);
}

static int
exit_code(int rc)
{
	return rc == TC_EINVAL || rc == TC_EIO ? 2 : 1;
}

static int
load_table(struct tce_input *in, enum tce_table t, const char *path,
    struct tce_diag *d)
{
	char *buf;
	size_t len;
	int rc = tce_file_read(path, &buf, &len);

	if (rc != 0) {
		memset(d, 0, sizeof(*d));
		d->src = TCE_SRC_NONE;
		snprintf(d->msg, sizeof(d->msg), "%s: cannot read: %s", path,
		    rc == TC_EIO ? strerror(errno) : "out of memory");
		return rc;
	}
	return tce_table_read(in, t, buf, len, d);
}

static size_t
file_size(const char *path)
{
	struct stat st;

	return path != NULL && stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

/* Reads orders.csv and its header. */
static int
open_orders(const struct args *a, struct tce_input *in, struct tce_table_reader *t,
    struct tce_diag *d)
{
	char *buf;
	size_t len;
	int rc = tce_file_read(a->orders, &buf, &len);

	if (rc != 0) {
		memset(d, 0, sizeof(*d));
		d->src = TCE_SRC_NONE;
		snprintf(d->msg, sizeof(d->msg), "%s: cannot read: %s", a->orders,
		    rc == TC_EIO ? strerror(errno) : "out of memory");
		return rc;
	}
	return tce_table_open(t, in, TCE_TABLE_ORDERS, buf, len, d);
}

/* payments.csv and targets.csv are read on a second thread while the
 * main one reads orders.csv: the two cores of a small server both work. */
struct side {
	const struct args *a;
	struct tce_input   in;
	struct tce_diag    d;
	int                rc;
	/* the second part of orders.csv, when it is big */
	const struct tce_table_reader *orders;
	size_t             split;
	struct tce_input   part;
	struct tce_diag    partd;
	int                partrc;
};

static void *
load_side(void *arg)
{
	struct side *s = arg;

	s->partrc = 0;
	if (s->orders != NULL && s->split < s->orders->len)
		s->partrc = tce_table_read_part(s->orders, &s->part, s->split,
		    s->orders->len, 1, &s->partd, NULL);
	s->rc = 0;
	if (s->a->payments != NULL)
		s->rc = load_table(&s->in, TCE_TABLE_PAYMENTS, s->a->payments,
		    &s->d);
	if (s->rc == 0 && s->a->targets != NULL)
		s->rc = load_table(&s->in, TCE_TABLE_TARGETS, s->a->targets,
		    &s->d);
	return NULL;
}

/* Moves the payments, targets and buffers of from into to. */
static int
merge_side(struct tce_input *to, struct tce_input *from)
{
	to->payments = from->payments;
	to->npayments = from->npayments;
	to->payments_cap = from->payments_cap;
	to->targets = from->targets;
	to->ntargets = from->ntargets;
	to->targets_cap = from->targets_cap;
	from->payments = NULL;
	from->targets = NULL;
	from->npayments = from->ntargets = 0;
	for (size_t i = 0; i < from->nowned; i++) {
		void *b = from->owned[i];
		from->owned[i] = NULL;
		if (tce_input_own(to, b) != 0)
			return TC_ENOMEM;
	}
	return 0;
}

static int
load_plan(struct tce_plan *plan, const struct args *a, struct tce_diag *d)
{
	for (unsigned i = 0; i < a->nplans; i++) {
		struct tce_version *v;
		const char *path;
		char *buf, why[160];
		size_t len;
		int rc = tce_file_read(a->plans[i], &buf, &len);

		if (rc != 0) {
			memset(d, 0, sizeof(*d));
			d->src = TCE_SRC_NONE;
			snprintf(d->msg, sizeof(d->msg), "%s: cannot read: %s",
			    a->plans[i], rc == TC_EIO ? strerror(errno) :
			    "out of memory");
			return rc;
		}
		rc = tce_plan_json_parse(buf, len, i, &v, d);
		free(buf);
		if (rc != 0)
			return rc;
		rc = tce_plan_add(plan, v, &path, why, sizeof(why));
		if (rc != 0) {
			memset(d, 0, sizeof(*d));
			d->src = rc == TC_EINVAL ? TCE_SRC_PLAN : TCE_SRC_NONE;
			d->version = i;
			snprintf(d->path, sizeof(d->path), "%s", path ? path : "");
			snprintf(d->msg, sizeof(d->msg), "%s", rc == TC_EINVAL ?
			    why : "out of memory");
			return rc;
		}
	}
	return 0;
}

/* The second half of the lines, formatted into memory on a second
 * thread while the first half is written. */
struct half {
	const struct tce_result *r;
	const struct tce_plan   *plan;
	const struct tce_input  *in;
	size_t                   from, to;
	char                    *buf;
	size_t                   len;
	int                      rc;
};

static void *
format_half(void *arg)
{
	struct half *h = arg;
	FILE *m = open_memstream(&h->buf, &h->len);

	h->rc = TC_ENOMEM;
	if (m == NULL)
		return NULL;
	h->rc = tce_write_lines_range(m, h->r, h->plan, h->in, h->from,
	    h->to, 0);
	if (fclose(m) != 0 && h->rc == 0)
		h->rc = TC_ENOMEM;
	return NULL;
}

static int
write_lines_halves(FILE *f, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in)
{
	struct half h;
	pthread_t tid;
	size_t mid = r->nlines / 2;
	int rc;

	if (r->nlines < 100000)
		return tce_write_lines(f, r, plan, in);
	memset(&h, 0, sizeof(h));
	h.r = r;
	h.plan = plan;
	h.in = in;
	h.from = mid;
	h.to = r->nlines;
	if (pthread_create(&tid, NULL, format_half, &h) != 0)
		return tce_write_lines(f, r, plan, in);
	rc = tce_write_lines_range(f, r, plan, in, 0, mid, 1);
	pthread_join(tid, NULL);
	if (rc == 0)
		rc = h.rc;
	if (rc == 0 && fwrite(h.buf, 1, h.len, f) != h.len)
		rc = TC_EIO;
	if (rc == 0 && fflush(f) != 0)
		rc = TC_EIO;
	free(h.buf);
	return rc;
}

/* Writes the lines to a temporary file beside path, renamed into place
 * only when complete. */
static int
write_lines_file(const char *path, const struct tce_result *r,
    const struct tce_plan *plan, const struct tce_input *in, char **tmpout)
{
	char *dir = strdup(path), *tmp = NULL;
	FILE *f = NULL;
	int fd, rc = TC_ENOMEM;

	if (dir == NULL)
		return rc;
	if (asprintf(&tmp, "%s/.ticheng-calc-XXXXXX", dirname(dir)) < 0) {
		tmp = NULL;
		goto out;
	}
	rc = TC_EIO;
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		tmp = NULL;
		goto out;
	}
	*tmpout = tmp;
	if ((f = fdopen(fd, "w")) == NULL) {
		close(fd);
		goto out;
	}
	if (write_lines_halves(f, r, plan, in) != 0)
		goto out;
	if (fclose(f) != 0) {
		f = NULL;
		goto out;
	}
	f = NULL;
	rc = 0;
out:
	if (f != NULL)
		fclose(f);
	free(dir);
	return rc;
}

/* The explanation asked with --explain REP PERIOD, in *out.  Returns the
 * exit status: 0; 2 for a malformed period, one of another kind than the
 * plans' or a rep without a row in it (a wrong command line); 1 for
 * anything else.  Prints the reason. */
static int
explain_target(const struct args *a, const struct tce_plan *plan,
    const struct tce_input *in, const struct tce_result *res,
    struct tce_explanation **out)
{
	enum tc_period_kind kind;
	struct tce_diag d;
	int32_t p;
	int rc;

	if (tc_period_parse(a->explain_period, strlen(a->explain_period),
	    &kind, &p) != 0) {
		fprintf(stderr, "ticheng-calc: --explain: period \"%s\": not a "
		    "period label (2026-07, 2026-Q3 or 2026)\n", a->explain_period);
		return 2;
	}
	if (kind != plan->period) {
		fprintf(stderr, "ticheng-calc: --explain: period \"%s\": not a "
		    "%s, as the plans' periods are\n", a->explain_period,
		    tc_period_kind_name(plan->period));
		return 2;
	}
	rc = tce_explain(plan, in, res, a->explain_rep, p, out, &d);
	if (rc != 0) {
		fprintf(stderr, "ticheng-calc: --explain: %s\n", d.msg);
		return rc == TC_ENOTFOUND ? 2 : 1;
	}
	return 0;
}

/*
 * A year of orders takes hundreds of MiB, and a third of the run went to
 * the kernel faulting in fresh 4 KiB pages.  glibc backs malloc with
 * transparent huge pages only when told so by a tunable read at start-up;
 * set it and start once more (unless the caller chose tunables already).
 * If the exec fails, the run goes on with small pages: same figures.
 */
static void
use_huge_pages(char **argv)
{
	if (getenv("GLIBC_TUNABLES") != NULL)
		return;
	if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1) != 0)
		return;
	execv("/proc/self/exe", argv);
}

int
main(int argc, char **argv)
{
	struct args a;
	struct tce_plan *plan = NULL;
	struct tce_input in;
	struct tce_result *res = NULL;
	struct tce_explanation *expl = NULL;
	struct tce_diag d;
	struct side side;
	struct tce_table_reader orders;
	uint32_t end_line = 0;
	pthread_t tid;
	char *tmp = NULL;
	int rc, status = 0, threaded;

	use_huge_pages(argv);
	/* warnings may be many: one write per 64 KiB, flushed at exit */
	setvbuf(stderr, NULL, _IOFBF, 1 << 16);
	memset(&a, 0, sizeof(a));
	tce_input_init(&in);
	if ((rc = parse_args(argc, argv, &a)) != 0)
		return rc;
	if (tce_plan_new(&plan) != 0) {
		fprintf(stderr, "ticheng-calc: out of memory\n");
		return 1;
	}
	memset(&side, 0, sizeof(side));
	side.a = &a;
	tce_input_init(&side.in);
	tce_input_init(&side.part);
	if ((rc = load_plan(plan, &a, &d)) != 0) {
		print_diag(&a, &d, "");
		status = exit_code(rc);
		goto out;
	}
	/* orders.csv: header first; then its first part here and its
	 * second part (if big) with payments and targets on another thread,
	 * sized so that both threads read about as many bytes */
	if ((rc = open_orders(&a, &in, &orders, &d)) != 0) {
		print_diag(&a, &d, "");
		status = exit_code(rc);
		goto out;
	}
	side.orders = &orders;
	side.split = orders.len;
	if (orders.len - orders.body > (1 << 20)) {
		size_t other = file_size(a.payments) + file_size(a.targets);
		size_t at = (orders.len + other) / 2;
		side.split = tce_table_split(&orders, at < orders.len ? at :
		    orders.len);
	}
	threaded = pthread_create(&tid, NULL, load_side, &side) == 0;
	if (!threaded)
		load_side(&side);
	rc = tce_table_read_part(&orders, &in, orders.body, side.split,
	    orders.body_line, &d, &end_line);
	if (threaded)
		pthread_join(tid, NULL);
	/* the first error in the order of the files and lines */
	if (rc == 0 && side.partrc != 0) {
		rc = side.partrc;
		d = side.partd;
		if (d.line > 0)
			d.line += end_line - 1;
	}
	if (rc == 0)
		rc = tce_input_append_rows(&in, &side.part, end_line - 1);
	if (rc == 0 && side.rc != 0) {
		rc = side.rc;
		d = side.d;
	}
	if (rc == 0)
		rc = merge_side(&in, &side.in);
	if (rc == TC_ENOMEM) {
		memset(&d, 0, sizeof(d));
		d.src = TCE_SRC_NONE;
		snprintf(d.msg, sizeof(d.msg), "out of memory");
	}
	if (rc != 0 || (rc = tce_calc(plan, &in, &res, &d)) != 0) {
		print_diag(&a, &d, "");
		status = exit_code(rc);
		goto out;
	}
	if (a.explain_rep != NULL &&
	    (status = explain_target(&a, plan, &in, res, &expl)) != 0)
		goto out;
	if (a.lines != NULL &&
	    write_lines_file(a.lines, res, plan, &in, &tmp) != 0) {
		fprintf(stderr, "ticheng-calc: %s: cannot write: %s\n", a.lines,
		    strerror(errno));
		status = 1;
		goto out;
	}
	if ((expl != NULL ? calc_write_explanation(stdout, expl, plan, &in) :
	    tce_write_summary(stdout, res)) != 0) {
		fprintf(stderr, "ticheng-calc: standard output: cannot write: "
		    "%s\n", strerror(errno));
		status = 1;
		goto out;
	}
	if (tmp != NULL && rename(tmp, a.lines) != 0) {
		fprintf(stderr, "ticheng-calc: %s: cannot write: %s\n", a.lines,
		    strerror(errno));
		status = 1;
		goto out;
	}
	free(tmp);
	tmp = NULL;
	for (size_t i = 0; i < res->nwarnings; i++) {
		struct tce_diag w;
		memset(&w, 0, sizeof(w));
		w.src = res->warnings[i].src;
		w.line = res->warnings[i].line;
		snprintf(w.msg, sizeof(w.msg), "%s", res->warnings[i].msg);
		print_diag(&a, &w, "warning: ");
	}
out:
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	tce_explanation_free(expl);
	tce_result_free(res);
	tce_input_free(&side.in);
	tce_input_free(&side.part);
	tce_input_free(&in);
	tce_plan_free(plan);
	return status;
}
