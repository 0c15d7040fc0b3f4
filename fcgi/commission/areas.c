/* areas.c: the areas commission.fcgi serves, in order (see web.h).
 * Add your area's route set on its own line, in its slot. */
#include "config.h"

#include "commission/web.h"

const struct route_set *const commission_areas[] = {
	&cm_home_route_set,
	/* c2: versions, what-if */
	&cm_versions_route_set,
	&cm_plan_flow_route_set,
	&cm_plan_io_route_set,
	&cm_plan_edit_route_set,
	&cm_plan_copy_route_set,
	&cm_whatif_route_set,

	/* c3: ledger, runs */
	&cm_ledger_route_set,
	&cm_why_route_set,
	&cm_runs_route_set,

	/* c4: adjustments, disputes */
	&cm_adjustments_route_set,
	&cm_disputes_route_set,
	&cm_estimate_route_set,

	NULL
};
