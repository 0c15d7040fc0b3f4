/* versions.h: what the plan-version pages share (versions.c, the
 * workflow in versions-flow.c, the import in versions-io.c). */
#ifndef TC_COMMISSION_VERSIONS_H
#define TC_COMMISSION_VERSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "commission/plans.h"
#include "commission/web.h"
#include "core/workflow.h"

/* Who edits plans (HR), who reads every version, draft or not (HR,
 * finance, reviewers, management), who approves (management).  Reps and
 * managers read the versions in force only. */
#define CM_PLAN_EDIT ROLE_HR
#define CM_PLAN_READ_ALL (ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | \
	ROLE_MANAGEMENT)
#define CM_PLAN_APPROVE ROLE_MANAGEMENT

/* The company's period kind and currency, from the configuration. */
void cm_plan_company(const struct req *r, struct plan_company *co);

/* Whether r's person may read version id in state state: every version
 * for CM_PLAN_READ_ALL, those in force (active, ended) for the others. */
bool cm_plan_visible(const struct req *r, const char *state);

/* The label of a version state ("draft" -> 草稿), in r's language. */
const char *cm_plan_state_label(const struct req *r, const char *state);

/* The activation workflow of plan versions (versions-flow.c): propose
 * (HR: draft -> proposed), withdraw (HR: proposed -> draft), approve
 * (management, not the proposer: proposed -> active), reject
 * (management, with a reason: proposed -> draft). */
extern const struct wf_def cm_plan_flow;

/* The scope of the workflow: everyone who reads plans reads all. */
extern const struct scope_rule cm_plan_scope;

/* Adds the workflow's buttons for version id, its history and who
 * proposed and decided, to d (versions-flow.c).  Returns 0 or a tc_err. */
int cm_plan_flow_show(struct req *r, struct tdict *d, int64_t id);

/* Sends the page of version r->ids[0] with status (after a refused
 * action, with its flash message).  Returns 0 or a tc_err. */
int cm_plan_page(struct req *r, int status);

/* The route sets of the areas. */

#endif
