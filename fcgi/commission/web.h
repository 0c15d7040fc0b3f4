/* web.h: the areas of commission.fcgi.  Each area keeps its routes in
 * its own file and exports its route set here; areas.c lists them all,
 * tabs.c gives each a tab (and a link on the commission home).
 *
 * Areas (one file each, one route set each; add yours in its slot):
 *   home.c         GET /commission/ (c2)
 *   versions.c     plan versions, activation, rules, JSON (c2)
 *   whatif.c       what-if of a draft version (c2)
 *   ledger.c       commission lines, "why this amount" (c3)
 *   runs.c         calculation runs, period close (c3)
 *   adjustments.c  manual adjustments (c4)
 *   disputes.c     disputes (c4) */
#ifndef TC_COMMISSION_WEB_H
#define TC_COMMISSION_WEB_H

#include "core/app.h"
#include "core/module.h"

/* Everyone DESIGN's route table lets into /commission/: every role but
 * admin (admin never sees pay). */
#define CM_ROLES_ALL (ROLES_ALL & ~(unsigned)ROLE_ADMIN)

/* The home area (home.c). */
extern const struct route_set cm_home_route_set;

/* c2: plan versions and rules (versions.c), what-if (whatif.c). */
extern const struct route_set cm_versions_route_set;
extern const struct route_set cm_plan_flow_route_set;
extern const struct route_set cm_plan_io_route_set;
extern const struct route_set cm_plan_edit_route_set;
extern const struct route_set cm_plan_copy_route_set;
extern const struct route_set cm_whatif_route_set;

/* c3: ledger (ledger.c), runs (runs.c). */
extern const struct route_set cm_runs_route_set;
extern const struct route_set cm_ledger_route_set;
extern const struct route_set cm_why_route_set;
/* The commission home's figures per tracking state and period, in the
 * reader's scope (overview.c): includes CM_OVERVIEW into page.  Returns
 * 0 or a tc_err. */
struct tdict;
int cm_home_overview(struct req *r, struct tdict *page);

/* c4: adjustments (adjustments.c), disputes (disputes.c), the estimate
 * of an opportunity (estimate.c). */
extern const struct route_set cm_adjustments_route_set;
extern const struct route_set cm_disputes_route_set;
extern const struct route_set cm_estimate_route_set;

/* Every area, NULL-terminated (areas.c). */
extern const struct route_set *const commission_areas[];

/* Adds the module's sub-navigation to the page (include {{>CM_TABS}} in
 * the page template), marking tab current ("home", ...) as current;
 * the tabs are tabs.c's, shown to the roles each names. */
void commission_tabs(struct req *r, const char *current);

/* The tabs of tabs.c the person may open, for the home page's links:
 * calls fn(r, key, href, arg) for each but "home". */
void commission_each_tab(struct req *r,
    void (*fn)(struct req *r, const char *key, const char *href, void *arg),
    void *arg);

/* The module as every program knows it (module.c), and what its
 * program runs (module-code.c). */
extern const struct module commission_module;
extern const struct module_code commission_code;

#endif
