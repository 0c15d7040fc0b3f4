/* demo.h: the commission part of the demo company: an active plan with
 * tiered, per-unit, margin and collected rules, accelerators, a cap and
 * bonuses; a target for every rep and month; and a run of every past
 * month, all written through the module's own functions (parsed,
 * validated and audited like any other write). */
#ifndef TC_COMMISSION_DEMO_H
#define TC_COMMISSION_DEMO_H

#include "core/date.h"
#include "core/module.h"

/* The module's seeder (core/module.h's module_seed_fn): seeds the
 * commission demo on the sales demo history, which is seeded first, in
 * the company's period kind and currency, inside the transaction
 * ticheng-admin opened.  Does nothing when a plan version exists.
 * Returns 0, or a tc_err with a message in s->err. */
int commission_demo_seed(struct module_seed *s);

/* The demo's adjustments and disputes in every state (adjust-demo.c),
 * through adjust.h and dispute.h, in periods of kind around s->today:
 * seeded by commission_demo_seed after the runs, and also when a plan
 * exists already but no adjustment or dispute does.  Returns 0, or a
 * tc_err with a message in s->err. */
int commission_demo_adjustments(struct module_seed *s,
    enum tc_period_kind kind);

#endif
