/* harness.c: see harness.h. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "engine/output.h"
#include "engine/plan_json.h"
#include "engine/tables.h"

static const char *const src_name[] = {
	"plan", "orders.csv", "payments.csv", "targets.csv", "calc"
};

static void
describe(const struct tce_diag *d, char *buf, size_t n)
{
	if (d->line > 0)
		snprintf(buf, n, "%s:%u: %s", src_name[d->src], d->line, d->msg);
	else if (d->path[0])
		snprintf(buf, n, "%s: %s: %s", src_name[d->src], d->path,
		    d->msg);
	else
		snprintf(buf, n, "%s: %s", src_name[d->src], d->msg);
}

static int
table(struct tce_input *in, enum tce_table t, const char *text,
    struct tce_diag *d)
{
	size_t len = strlen(text);
	char *buf = malloc(len + 1);

	memcpy(buf, text, len);
	return tce_table_read(in, t, buf, len, d);
}

static int
run_all(const char *const *plans, const char *orders, const char *payments,
    const char *targets, struct run *r, int keep)
{
	struct tce_plan *plan = NULL;
	struct tce_input in;
	struct tce_result *res = NULL;
	struct tce_diag d;
	size_t n;
	FILE *f;

	memset(r, 0, sizeof(*r));
	memset(&d, 0, sizeof(d));
	tce_input_init(&in);
	tce_plan_new(&plan);
	for (unsigned i = 0; plans[i] != NULL; i++) {
		struct tce_version *v;
		const char *path;
		char why[160];
		if ((r->rc = tce_plan_json_parse(plans[i], strlen(plans[i]), i,
		    &v, &d)) != 0)
			goto fail;
		if ((r->rc = tce_plan_add(plan, v, &path, why, sizeof(why)))) {
			d.src = TCE_SRC_PLAN;
			d.line = 0;
			snprintf(d.path, sizeof(d.path), "%s", path ? path : "");
			snprintf(d.msg, sizeof(d.msg), "%s", why);
			goto fail;
		}
	}
	if ((r->rc = table(&in, TCE_TABLE_ORDERS, orders, &d)) != 0 ||
	    (payments && (r->rc = table(&in, TCE_TABLE_PAYMENTS, payments,
	    &d)) != 0) ||
	    (targets && (r->rc = table(&in, TCE_TABLE_TARGETS, targets,
	    &d)) != 0) ||
	    (r->rc = tce_calc(plan, &in, &res, &d)) != 0)
		goto fail;
	f = open_memstream(&r->summary, &n);
	tce_write_summary(f, res);
	fclose(f);
	f = open_memstream(&r->lines, &n);
	tce_write_lines(f, res, plan, &in);
	fclose(f);
	f = open_memstream(&r->warnings, &n);
	for (size_t i = 0; i < res->nwarnings; i++)
		fprintf(f, "%s:%u: %s\n", src_name[res->warnings[i].src],
		    res->warnings[i].line, res->warnings[i].msg);
	fclose(f);
	goto out;
fail:
	describe(&d, r->error, sizeof(r->error));
out:
	if (keep && r->rc == 0 && (r->in = malloc(sizeof(in))) != NULL) {
		*r->in = in;
		r->plan = plan;
		r->res = res;
		return 0;
	}
	tce_result_free(res);
	tce_input_free(&in);
	tce_plan_free(plan);
	return r->rc;
}

int
run_texts(const char *const *plans, const char *orders, const char *payments,
    const char *targets, struct run *r)
{
	return run_all(plans, orders, payments, targets, r, 0);
}

int
run_texts_kept(const char *const *plans, const char *orders,
    const char *payments, const char *targets, struct run *r)
{
	return run_all(plans, orders, payments, targets, r, 1);
}

void
run_free(struct run *r)
{
	free(r->summary);
	free(r->lines);
	free(r->warnings);
	r->summary = r->lines = r->warnings = NULL;
	tce_result_free(r->res);
	tce_input_free(r->in);
	free(r->in);
	tce_plan_free(r->plan);
	r->res = NULL;
	r->in = NULL;
	r->plan = NULL;
}
