/* sales.h: the areas of sales.fcgi.  Each area keeps its routes in its
 * own file and exports them here; main.c serves them all. */
#ifndef TC_SALES_SALES_H
#define TC_SALES_SALES_H

#include <stddef.h>

#include "core/app.h"
#include "core/list.h"
#include "core/module.h"
#include "core/scope.h"
#include "core/workflow.h"

/* Each area: const struct route_set <area>_route_set; */
extern const struct route_set customers_route_set;    /* customers.c */
extern const struct route_set activities_route_set;   /* activities.c */
extern const struct route_set opportunities_route_set;/* opportunities.c */
extern const struct route_set orders_route_set;       /* orders.c */
extern const struct route_set collections_route_set;  /* collections.c */

/* An order is in a reader's scope when one of its credited reps is: the
 * conditions of core/list's list_scope() on an order aliased o
 * (orders-query.c). */
extern const struct list_scope sales_order_scope;

/* The lists of sales, each declared in the file that serves it, and the
 * scopes of those whose rows are a person's.  sales_lists (lists.c) pairs
 * each list with its scope, ending with { NULL, NULL }: what the db
 * suite EXPLAINs over generated tables and the list benchmark times. */
extern const struct list_def sales_customers_list;      /* customers.c */
extern const struct list_scope sales_customers_scope;
extern const struct list_def sales_orders_list;         /* orders-query.c */
extern const struct list_def sales_payments_list;       /* collections.c */
extern const struct list_scope sales_payments_scope;
extern const struct list_def sales_receivables_list;
extern const struct list_def sales_opportunities_list;
extern const struct list_scope sales_opportunities_scope;
extern const struct list_def sales_activities_list;
extern const struct list_scope sales_activities_scope;

struct sales_list {
	const struct list_def *def;
	const struct list_scope *scope;
};
extern const struct sales_list sales_lists[];

/* Every area, NULL-terminated (areas.c). */
extern const struct route_set *const sales_areas[];

/* Adds the module's sub-navigation to the page (include {{>SALES_TABS}}
 * in the page template), marking tab current ("orders", ...) as current.
 * Tabs: overview customers activities opportunities funnel forecast
 * orders stats collections. */
void sales_tabs(struct req *r, const char *current);

/* The module as every program knows it (module.c), and what its
 * program runs (module-code.c). */
extern const struct module sales_module;
extern const struct module_code sales_code;

/* Who sees and changes which rows (core/scope.h; access.c).  A row of
 * sales data belongs to its owner (customers, opportunities), to whoever
 * logged it (activities), or to every rep credited on it (orders). */
extern const struct scope_rule sales_scope_read;    /* reps their own,
	managers their team's, HR, finance, reviewers, management and admins
	everything */
extern const struct scope_rule sales_scope_write;   /* reps their own,
	managers their team's; nobody else changes sales data */
extern const struct scope_rule sales_scope_costs;   /* finance edits
	the costs of every order */

/* Who acts on credit requests (credit-flow.c): finance every order's,
 * a manager their team's orders', a rep (withdrawing) their own. */
extern const struct scope_rule sales_scope_credit;

/* A credit change of a saved order (or the cancellation of an order
 * that credits someone else or has payments) waits as a request in
 * order_credit_requests: pending, then approved or rejected (a reason
 * required) by a manager of the team or finance, never by the person
 * who asked nor by anyone credited on the order now or in the proposal;
 * or withdrawn by the person who asked.  The moves only; what approval
 * changes in the order is sales_credit_decide's (write.h). */
extern const struct wf_def sales_credit_flow;

/* The navigation's count (core/module.h): the credit requests r's
 * person may approve or reject now. */
int sales_waiting(struct req *r, int64_t *count);

/* Order column col is in scope: some credited rep of the order is.
 * Parameters: SCOPE_ARGS, in SCOPE_SQL's order.  Not SCOPE_SQL inside
 * EXISTS: MariaDB 10.11 turns its IN (SELECT ...) within the EXISTS into
 * a semi-join that, when the prepared statement runs again with another
 * kind of scope (a rep's, then a manager's, on one worker), returns an
 * order once per credited rep, or orders out of scope
 * (tests/db/sales-credit-t); a join in the EXISTS, with the "all" test
 * outside it, does not. */
#define SCOPE_ORDER_SQL(col) \
	"(? = 2 OR EXISTS (SELECT 1 FROM order_reps sx JOIN people sp" \
	" ON sp.id = sx.person_id WHERE sx.order_id = " col " AND" \
	" (sx.person_id = ? OR (? = 1 AND ((sp.team = ? AND sp.team <> '')" \
	" OR sp.manager_login = ?)))))"

#endif
