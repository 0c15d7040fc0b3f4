/* engine.c: tce_calc(), section 2 of the contract end to end: the
 * order of the steps, and the diagnostics and results they share. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "engine/run.h"
#include "engine/commission.h"
#include "engine/sort.h"
#include "core/error.h"

void
eng_diag(struct tce_diag *d, enum tce_source src, uint32_t line,
    const char *fmt, ...)
{
	va_list ap;

	memset(d, 0, sizeof(*d));
	d->src = src;
	d->line = line;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

int
eng_warn(struct calc *c, enum tce_source src, uint32_t line, const char *fmt, ...)
{
	struct tce_result *r = c->res;
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (tc_grow(&r->warnings, &c->warn_cap, r->nwarnings + 1, 64) != 0)
		return TC_ENOMEM;
	if ((r->warnings[r->nwarnings].msg = strdup(buf)) == NULL)
		return TC_ENOMEM;
	r->warnings[r->nwarnings].src = src;
	r->warnings[r->nwarnings].line = line;
	r->nwarnings++;
	return 0;
}

struct tce_line *
eng_add_line(struct calc *c)
{
	struct tce_result *r = c->res;

	if (tc_grow(&r->lines, &c->lines_cap, r->nlines + 1, 4096) != 0)
		return NULL;
	return memset(&r->lines[r->nlines++], 0, sizeof(struct tce_line));
}

int
eng_overflow(struct calc *c, enum tce_source src, uint32_t line)
{
	eng_diag(c->err, src, line, "figures too large to compute exactly");
	return TC_ETOOBIG;
}

int
eng_nomem(struct calc *c)
{
	eng_diag(c->err, TCE_SRC_NONE, 0, "out of memory");
	return TC_ENOMEM;
}

/* The reps and the payment ids, on a second thread while the first
 * indexes the orders. */
struct prep {
	struct calc     c;
	struct tce_diag err;
	int             rc;
};

static void *
run_prep(void *arg)
{
	struct prep *p = arg;

	p->rc = eng_intern_reps(&p->c);
	if (p->rc == 0 && p->c.in->npayments > 0)
		p->rc = eng_first_repeated_payment(&p->c, &p->c.dup);
	return NULL;
}

static int
prepare(struct calc *c)
{
	struct prep p;
	pthread_t tid;
	int threaded = 0, rc;

	memset(&p, 0, sizeof(p));
	p.c = *c;
	p.c.err = &p.err;
	p.c.dup = c->in->npayments;
	if (c->in->nrows + c->in->npayments >= TCE_THREAD_ROWS &&
	    pthread_create(&tid, NULL, run_prep, &p) == 0)
		threaded = 1;
	else
		run_prep(&p);
	rc = eng_index_orders(c);
	if (threaded)
		pthread_join(tid, NULL);
	c->share_rep = p.c.share_rep;
	c->dup = p.c.dup;
	if (rc == 0 && p.rc != 0) {
		rc = p.rc;
		*c->err = p.err;
	}
	return rc;
}

int
tce_calc(const struct tce_plan *plan, const struct tce_input *in,
    struct tce_result **out, struct tce_diag *err)
{
	struct calc c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(err, 0, sizeof(*err));
	c.plan = plan;
	c.in = in;
	c.err = err;
	if ((c.res = calloc(1, sizeof(*c.res))) == NULL)
		return eng_nomem(&c);
	c.res->period = plan->period;
	if ((rc = prepare(&c)) != 0 ||
	    (rc = eng_credit_rows(&c)) != 0 ||
	    (rc = eng_credit_payments(&c)) != 0 ||
	    (rc = eng_index_targets(&c)) != 0)
		goto out;
	/* what only the crediting needed: freed before the sort's peak */
	free(c.share_rep);
	free(c.row_rule);
	free(c.row_order);
	free(c.orders);
	free(c.ord_rows);
	free(c.ord_pays);
	tce_strmap_free(&c.orders_map);
	c.share_rep = c.row_order = c.ord_rows = c.ord_pays = NULL;
	c.row_rule = NULL;
	c.orders = NULL;
	rc = eng_sort_and_summarise(&c);
out:
	free(c.share_rep);
	free(c.row_rule);
	free(c.row_order);
	free(c.orders);
	free(c.ord_rows);
	free(c.ord_pays);
	tce_strmap_free(&c.orders_map);
	tce_strmap_free(&c.targets_map);
	if (rc != 0) {
		tce_result_free(c.res);
		return rc;
	}
	*out = c.res;
	return 0;
}

void
tce_result_free(struct tce_result *r)
{
	if (r == NULL)
		return;
	free((void *)r->reps);
	free(r->summary);
	free(r->lines);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i].msg);
	free(r->warnings);
	free(r);
}

