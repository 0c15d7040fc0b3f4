/* harness.h: runs the whole engine on in-memory texts, for the tests. */
#ifndef TC_TESTS_ENGINE_HARNESS_H
#define TC_TESTS_ENGINE_HARNESS_H

#include "engine/engine.h"

struct run {
	int   rc;          /* 0 or the first failure */
	char *summary;     /* the summary CSV text (malloc'd) or NULL */
	char *lines;       /* the lines CSV text or NULL */
	char *warnings;    /* "src:line: msg\n" for each warning */
	char  error[600];  /* "src:line: msg" or "src: path: msg" */
	/* run_texts_kept only: what the engine ran on and returned */
	struct tce_plan   *plan;
	struct tce_input  *in;
	struct tce_result *res;
};

/* Runs plans (NULL-terminated array of JSON texts), orders, payments and
 * targets (NULL: absent) through the readers and the engine.  Fills *r;
 * free with run_free.  Returns r->rc. */
int run_texts(const char *const *plans, const char *orders,
    const char *payments, const char *targets, struct run *r);

/* The same, keeping the plan, the input and the result in r (freed by
 * run_free), for tce_explain. */
int run_texts_kept(const char *const *plans, const char *orders,
    const char *payments, const char *targets, struct run *r);

void run_free(struct run *r);

#endif
