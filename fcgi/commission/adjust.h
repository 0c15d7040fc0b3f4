/* adjust.h: commission adjustments (commission_adjustments): an amount
 * of either sign given to a rep in an open period besides the
 * calculated lines, with a reason.  HR or finance proposes; the other
 * department approves or rejects (four eyes, core/workflow.h: nobody
 * decides their own proposal, and nobody one for themselves).  Approved
 * adjustments are carried into statements (the settlement module reads
 * the table and sets their tracking).
 *
 * Every write here goes through one of these functions: the pages, the
 * dispute answers (dispute.h) and the demo seeder alike; each validates,
 * checks the scope and the period, and audits in the same transaction
 * (the caller's when one is open). */
#ifndef TC_COMMISSION_ADJUST_H
#define TC_COMMISSION_ADJUST_H

#include <stdint.h>

#include "core/form.h"
#include "core/scope.h"
#include "core/workflow.h"

/* The fields of a proposal. */
enum adj_field {
	ADJ_PERSON,     /* the rep's people.id */
	ADJ_PERIOD,     /* an open period's label: "2026-11" */
	ADJ_AMOUNT,     /* money, either sign, never 0 */
	ADJ_REASON,     /* 1..500 characters */
	ADJ__MAX
};

extern const struct field adjustment_fields[ADJ__MAX];

/* Who reads adjustments: a rep their own, a manager the team's, HR,
 * finance and management all. */
extern const struct scope_rule adjustment_scope;

/* The workflow: proposed -> approved | rejected. */
extern const struct wf_def adjustment_flow;

/* The kinds an adjustment comes from. */
#define ADJ_KIND_MANUAL "manual"
#define ADJ_KIND_DISPUTE "dispute"

/* Proposes an adjustment from the form in (validated into f, which the
 * caller frees with form_free whatever the result) as actor a, who must
 * hold HR or finance (proposed_as: 'hr' when they hold HR, else
 * 'finance').  The rep must be a person of the sales roles, the period
 * a recorded open one, the amount not 0.  kind is ADJ_KIND_MANUAL or
 * ADJ_KIND_DISPUTE with dispute_id > 0 (else 0).  In the caller's
 * transaction when one is open, else in its own.  Returns 0 with *out
 * the new id; TC_EINVAL with f's fields marked; TC_EDENIED (not HR or
 * finance); TC_EDB, TC_ENOMEM. */
int adjustment_propose(const struct wf_actor *a, const struct req_fields *in,
    struct form *f, const char *kind, int64_t dispute_id, int64_t *out);

/* Moves adjustment id: w->action "approve" or "reject" (a comment
 * needed), as wf_apply does (the adjustment within a's adjustment
 * scope).  Rejecting the adjustment of a dispute reopens the dispute
 * in the same transaction.  Returns wf_apply's result. */
int adjustment_move(const struct wf_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out);

/* The catalogue key of a state's name ("adj_state_proposed"), or of the
 * tracking state ("adj_tracking_paid"): static strings. */
const char *adjustment_state_key(const char *state);
const char *adjustment_tracking_key(const char *tracking);

#endif
