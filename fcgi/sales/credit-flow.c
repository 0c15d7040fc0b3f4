/* credit-flow.c: credit-change requests of saved orders, as a workflow
 * (core/workflow.h), and the count of those waiting for a person.
 *
 * Linked by every program (with module.c, in libtcmodules): the
 * navigation shows beside 销售管理 how many requests wait for the
 * signed-in person, on every page of every program.  So this file needs
 * only the core; what an approval changes in the order is written by the
 * sales program (orders-credit.c), in the transaction of the move.
 *
 * A request is pending until the team's manager (of a credited rep) or
 * finance approves or rejects it (a reason is required), or the rep who
 * asked withdraws it.  Nobody decides their own request, nor one on an
 * order that credits them now or would credit them. */
#include "config.h"

#include <stdbool.h>

#include "core/db.h"
#include "core/workflow.h"
#include "sales/sales.h"

#define DECIDERS (ROLE_MANAGER | ROLE_FINANCE)

const struct scope_rule sales_scope_credit = {
	"sales.credit", ROLE_FINANCE, ROLE_MANAGER, ROLE_SALES
};

enum stmt { CF_CREDITED, CF__MAX };

static const char *const stmts[CF__MAX] = {
	/* the order, the person, the request, the person */
	[CF_CREDITED] =
	    "SELECT 1 FROM order_reps WHERE order_id = ? AND person_id = ?"
	    " UNION ALL SELECT 1 FROM order_credit_request_reps"
	    " WHERE request_id = ? AND proposed AND person_id = ? LIMIT 1",
};

static struct db_table cf_db = DB_TABLE("credit-flow", stmts);

/* Whether the acting person is credited on the request's order neither
 * now nor in the proposed split. */
static bool
not_credited(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	struct dbres *res;
	bool credited;

	(void)arg;
	if (db_query(a->db, &cf_db, CF_CREDITED,
	    DB_ARGS(P_INT(wf_row_int(row, "order_id")), P_INT(a->who->id),
	    P_INT(wf_row_id(row)), P_INT(a->who->id)), &res) != 0)
		return false;
	credited = dbres_rows(res) > 0;
	dbres_free(res);
	return !credited;
}

static const struct wf_guard second_person[] = {
	{ wf_not_actor, "requested_by", "ord_credit_err_own" },
	{ not_credited, NULL, "ord_credit_err_credited" },
	WF_END
};

static const struct wf_guard only_asker[] = {
	{ wf_only_actor, "requested_by", "ord_credit_err_not_asker" },
	WF_END
};

static const struct wf_set decided[] = {
	WF_SET_ACTOR("decided_by"), WF_SET_NOW("decided_at"),
	WF_SET_COMMENT("decision_note"), WF_END
};

static const struct wf_transition credit_moves[] = {
	{ .action = "approve", .from = "pending", .to = "approved",
	    .roles = DECIDERS, .guards = second_person, .sets = decided },
	{ .action = "reject", .from = "pending", .to = "rejected",
	    .roles = DECIDERS, .guards = second_person,
	    .comment_needed = "ord_credit_err_reason", .sets = decided },
	{ .action = "withdraw", .from = "pending", .to = "withdrawn",
	    .roles = ROLE_SALES, .guards = only_asker,
	    .sets = decided },
};

const struct wf_def sales_credit_flow = {
	.name = "order_credit_request",
	.audit_action = NULL,
	.table = "order_credit_requests",
	.id_col = "id",
	.state_col = "state",
	.scope_sql = SCOPE_ORDER_SQL("t.order_id"),
	.cols = { "order_id", "kind", "requested_by", NULL },
	.history = { "order_credit_request_moves", "request_id", "from_state",
	    "to_state", "moved_at", "moved_by", "action", "comment" },
	.transitions = credit_moves,
	.ntransitions = sizeof(credit_moves) / sizeof(credit_moves[0]),
	.stmts = WF_STATEMENTS,
};

int
sales_waiting(struct req *r, int64_t *count)
{
	struct wf_actor a = wf_actor_of(r);
	struct person decider;
	struct scope s;

	*count = 0;
	if (!r->signed_in || (r->me.roles & DECIDERS) == 0)
		return 0;
	/* what waits for a decision (a manager is a rep too: their own
	 * requests, which they could withdraw as a rep, are not counted) */
	decider = r->me;
	decider.roles &= DECIDERS;
	a.who = &decider;
	s = scope_person(&decider, &sales_scope_credit);
	return wf_waiting(&a, &sales_credit_flow, &s, count);
}
