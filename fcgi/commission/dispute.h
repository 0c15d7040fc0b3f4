/* dispute.h: disputes (commission_disputes): a rep questions one of
 * their commission lines, or says an order is missing, with a comment;
 * HR or finance answers through core/workflow.h:
 *
 *   open --accept--> accepted   with an adjustment proposed in an open
 *                               period (adjust.h), which the other
 *                               department approves; rejecting that
 *                               adjustment reopens the dispute
 *   open --reject--> rejected   with a reply
 *   open --withdraw--> withdrawn  by the rep who raised it
 *   open --reply--> open        a message in the thread, by the rep or
 *                               by HR or finance
 *
 * The thread is the workflow's history (commission_dispute_moves).  A
 * disputed line stays a row whatever later runs do; one that a run
 * removed shows as removed (commission_lines.removed_run_id). */
#ifndef TC_COMMISSION_DISPUTE_H
#define TC_COMMISSION_DISPUTE_H

#include <stdint.h>

#include "core/form.h"
#include "core/scope.h"
#include "core/workflow.h"

/* The fields of a new dispute. */
enum dsp_field {
	DSP_LINE,       /* the commission line (commission_lines.id), or
	                   absent for a missing order */
	DSP_ORDER,      /* a missing order's number, as the rep knows it */
	DSP_PERIOD,     /* a missing order's period label */
	DSP_COMMENT,    /* 1..2000 characters */
	DSP__MAX
};

extern const struct field dispute_fields[DSP__MAX];

/* Who reads disputes: the rep their own, a manager the team's, HR,
 * finance, reviewers and management all. */
extern const struct scope_rule dispute_scope;

extern const struct wf_def dispute_flow;

/* Raises a dispute from the form in (validated into f; the caller frees
 * it with form_free) as rep a (of the sales roles): on their own line
 * (the line's period), or on a missing order (its number and a recorded
 * period).  A line with an open dispute of theirs is refused on the
 * line field.  Returns 0 with *out the new id; TC_EINVAL with f marked;
 * TC_ENOTFOUND when the line is not one of a's own; TC_EDENIED when a
 * is not of the sales roles; TC_EDB, TC_ENOMEM. */
int dispute_raise(const struct wf_actor *a, const struct req_fields *in,
    struct form *f, int64_t *out);

/* Accepts open dispute id (within a's dispute scope), as HR or finance:
 * proposes an adjustment for the dispute's rep from the form in (its
 * period, amount and reason, the fields of adjust.h, validated into f)
 * and moves the dispute to accepted with the reason as its reply, in
 * one transaction.  expect: the state the page showed (NULL: any).
 * Returns 0 with *adjustment the new adjustment; TC_EINVAL with f marked
 * (or out->msg); TC_ECONFLICT when it is no longer open; TC_ENOTFOUND;
 * TC_EDENIED (out->msg when a guard refused); TC_EDB, TC_ENOMEM. */
int dispute_accept(const struct wf_actor *a, int64_t id, const char *expect,
    const struct req_fields *in, struct form *f, int64_t *adjustment,
    struct wf_outcome *out);

/* Moves dispute id by w->action ("reject", "withdraw", "reply"), as
 * wf_apply does within a's dispute scope.  Returns wf_apply's result. */
int dispute_move(const struct wf_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out);

/* Reopens accepted dispute id because its adjustment was rejected
 * (comment: why), in the caller's transaction.  Returns wf_apply's
 * result. */
int dispute_reopen(const struct wf_actor *a, int64_t id, const char *comment);

/* The catalogue key of a dispute state's name ("dsp_state_open"). */
const char *dispute_state_key(const char *state);

#endif
