/* halves.c: a job over rows or orders in two halves on two threads. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/run.h"
#include "engine/commission.h"
#include "engine/sort.h"
#include "core/error.h"

/* One half of a job (rows or orders), run into a result of its own. */
struct rows_half {
	struct calc        c;
	struct tce_result  res;
	struct tce_diag    err;
	size_t             from, to;
	int              (*job)(struct calc *, size_t, size_t);
	int                rc;
};

static void *
run_rows_half(void *arg)
{
	struct rows_half *h = arg;

	h->rc = h->job(&h->c, h->from, h->to);
	return NULL;
}

/* Appends the lines and warnings of h to c's result (h's arrays are
 * freed). */
static int
absorb(struct calc *c, struct rows_half *h)
{
	struct tce_result *r = c->res;

	if (h->res.nlines > 0) {
		size_t need = r->nlines + h->res.nlines;
		if (need > c->lines_cap) {
			struct tce_line *nl = realloc(r->lines, need * sizeof(*nl));
			if (nl == NULL)
				return eng_nomem(c);
			r->lines = nl;
			c->lines_cap = need;
		}
		memcpy(r->lines + r->nlines, h->res.lines,
		    h->res.nlines * sizeof(*r->lines));
		r->nlines = need;
	}
	if (h->res.nwarnings > 0) {
		size_t need = r->nwarnings + h->res.nwarnings;
		if (need > c->warn_cap) {
			struct tce_warning *nw = realloc(r->warnings,
			    need * sizeof(*nw));
			if (nw == NULL)
				return eng_nomem(c);
			r->warnings = nw;
			c->warn_cap = need;
		}
		memcpy(r->warnings + r->nwarnings, h->res.warnings,
		    h->res.nwarnings * sizeof(*r->warnings));
		r->nwarnings = need;
		h->res.nwarnings = 0; /* the messages moved */
	}
	return 0;
}

/* Runs job over [0, n) in two halves, the second on another thread,
 * each into a result of its own, then appends their lines and warnings
 * in order to c's result; the first half's error wins. */
int
eng_in_halves(struct calc *c, int (*job)(struct calc *, size_t, size_t),
    size_t n)
{
	struct rows_half h[2];
	pthread_t tid;
	int threaded = 0, rc;

	/* the first half appends to c's own result, the second to one of
	 * its own, appended afterwards: the order is kept, half is copied */
	memset(h, 0, sizeof(h));
	for (int k = 0; k < 2; k++) {
		h[k].c = *c;
		h[k].c.err = &h[k].err;
		if (k == 1) {
			h[k].c.res = &h[k].res;
			h[k].c.lines_cap = h[k].c.warn_cap = 0;
		}
		h[k].from = k ? n / 2 : 0;
		h[k].to = k ? n : n / 2;
		h[k].job = job;
	}
	if (pthread_create(&tid, NULL, run_rows_half, &h[1]) == 0)
		threaded = 1;
	run_rows_half(&h[0]);
	if (threaded)
		pthread_join(tid, NULL);
	else
		run_rows_half(&h[1]);
	c->lines_cap = h[0].c.lines_cap;
	c->warn_cap = h[0].c.warn_cap;
	rc = h[0].rc ? h[0].rc : h[1].rc;
	if (rc != 0)
		*c->err = h[0].rc ? h[0].err : h[1].err;
	if (rc == 0)
		rc = absorb(c, &h[1]);
	free(h[1].res.lines);
	for (size_t i = 0; i < h[1].res.nwarnings; i++)
		free(h[1].res.warnings[i].msg);
	free(h[1].res.warnings);
	return rc;
}

