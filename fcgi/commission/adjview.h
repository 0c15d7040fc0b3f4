/* adjview.h: what the adjustments, disputes and estimate pages share:
 * money into a dictionary, the pickers of open periods and of reps, and
 * the approved adjustments of a rep or a period as rows (the ledger and
 * the commission home show them as lines of their own). */
#ifndef TC_COMMISSION_ADJVIEW_H
#define TC_COMMISSION_ADJVIEW_H

#include <stdint.h>

#include "core/app.h"
#include "core/scope.h"
#include "core/tmpl.h"

/* Sets name to fen formatted with grouping ("1,234.50") and shows the
 * section <name>_NEG when it is negative. */
void cm_set_money(struct tdict *d, const char *name, int64_t fen);

/* The badge class (templates/static/ticheng.css) of an adjustment's or
 * a dispute's state: "pending" while it waits, "approved" once approved
 * or accepted, "rejected", else "plain".  Static. */
const char *cm_state_class(const char *state);

/* Adds one <section> option per open period, oldest first ({{value}},
 * {{label}}: the label), selected the one equal to selected (NULL, ""
 * or not an open period: the oldest).  Returns 0 or a tc_err. */
int cm_open_periods(struct req *r, struct tdict *d, const char *section,
    const char *selected);

/* Adds one <section> option per active person of the sales roles
 * ({{value}}: people.id, {{label}}: name and login), selected the one
 * whose id is selected ("" or NULL: none).  Returns 0 or a tc_err. */
int cm_reps(struct req *r, struct tdict *d, const char *section,
    const char *selected);

/* Fills d with the approved adjustments within scope s of period_id (0:
 * every period) and person_id (0: every person in s), newest first, at
 * most 200: sections ADJ_ROW (id, href, period, rep, kind, reason,
 * amount, tracking) and, when there is one, ADJ_ROWS with adj_total, or
 * ADJ_NONE.  For the ledger and the commission home (include
 * commission/adjustments-rows.tpl).  Returns 0 or a tc_err. */
int cm_adjustment_rows(struct req *r, struct tdict *d, const struct scope *s,
    int64_t period_id, int64_t person_id);

#endif
