/* versions-copy.c: what HR does to a whole version (HR):
 *   GET and POST /commission/plans/#/copy: "new version from this one",
 *     a draft with the same rules, accelerators, cap and bonuses, under a
 *     name and effective dates of its own, on period boundaries and not
 *     in a closed period (the way to change a version frozen over a
 *     closed period);
 *   POST /commission/plans/#/end: ends a version in force on the last day
 *     of a later period (plans.c's plan_end says what is allowed). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/versions.h"
#include "core/date.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/period.h"
#include "core/tmpl.h"
#include "engine/plan_json.h"

enum { C_NAME, C_FROM, C_TO, C__MAX };

static const struct field copy_fields[C__MAX] = {
	[C_NAME] = { "name", form_text, 1, 1, 200, "cm_copy_err_name", NULL },
	[C_FROM] = { "effective_from", form_date, 1, 0, 0,
	    "cm_copy_err_date", NULL },
	[C_TO] = { "effective_to", form_date, 0, 0, 0, "cm_copy_err_date",
	    NULL },
};

static const char *const copy_labels[C__MAX] = {
	[C_NAME] = "cm_plan_name", [C_FROM] = "cm_plan_from",
	[C_TO] = "cm_plan_to",
};

static int
copy_page(struct req *r, int status, int64_t id, const struct form *f,
    bool errors)
{
	struct tdict *d = page_body(r);
	struct form_errors s;
	int rc;

	form_errors_init(&s, d, r->cat);
	if (errors) {
		if ((rc = form_show(&s, d, f, copy_labels, NULL)) != 0)
			return rc;
	} else
		form_show_values(d, f);
	tdict_set_int(d, "id", id);
	commission_tabs(r, "plans");
	return page_send(r, status, "commission/plan-copy.tpl",
	    "cm_copy_title", "commission");
}

static int
copy_get(struct req *r)
{
	struct tce_version *v = NULL;
	struct req_fields in = { 0 };
	struct form f = { 0 };
	int32_t open = 0;
	char name[260], day[11];
	int rc;

	if (!has_role(r, CM_PLAN_EDIT))
		return TC_EDENIED;
	if ((rc = plan_load(r->app->db, r->ids[0], &v)) != 0)
		return rc;
	/* the first open period, else the version's own start */
	if ((rc = period_first_open_day(r->app->db, &open)) != 0 || open == 0)
		open = v->from;
	snprintf(name, sizeof(name), "%s %s", v->name, tr(r, "cm_copy_suffix"));
	tc_date_format(day, open > v->from ? open : v->from);
	if ((rc = req_fields_add(&in, "name", name)) == 0 &&
	    (rc = req_fields_add(&in, "effective_from", day)) == 0 &&
	    (rc = form_validate(&f, copy_fields, C__MAX, &in)) != TC_ENOMEM)
		rc = copy_page(r, 200, r->ids[0], &f, false);
	form_free(&f);
	req_fields_free(&in);
	tce_version_free(v);
	return rc;
}

static int
copy_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct plan_company co;
	struct plan_why why = { 0 };
	struct tce_version *v = NULL, *back = NULL;
	struct tce_diag err;
	struct period_span p;
	struct form f = { 0 };
	char *json = NULL, *name = NULL, loc[64];
	size_t len;
	int64_t nid = 0;
	int rc;

	cm_plan_company(r, &co);
	if ((rc = plan_load(r->app->db, r->ids[0], &v)) != 0)
		return rc;
	if ((rc = form_validate(&f, copy_fields, C__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	/* effective dates on period boundaries */
	if (form_str(&f, C_FROM) != NULL) {
		period_of_date(co.kind, (int32_t)form_int(&f, C_FROM, 0), &p);
		if (p.first != form_int(&f, C_FROM, 0))
			form_set_error(&f, C_FROM, "cm_copy_err_from_boundary",
			    NULL);
	}
	if (form_str(&f, C_TO) != NULL) {
		period_of_date(co.kind, (int32_t)form_int(&f, C_TO, 0), &p);
		if (p.last != form_int(&f, C_TO, 0))
			form_set_error(&f, C_TO, "cm_copy_err_to_boundary",
			    NULL);
		else if (form_str(&f, C_FROM) != NULL &&
		    form_int(&f, C_TO, 0) < form_int(&f, C_FROM, 0))
			form_set_error(&f, C_TO, "cm_copy_err_to_before", NULL);
	}
	if (form_has_errors(&f)) {
		rc = copy_page(r, 422, r->ids[0], &f, true);
		goto out;
	}
	if ((name = strdup(form_str(&f, C_NAME))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	free(v->name);
	v->name = name;
	v->from = (int32_t)form_int(&f, C_FROM, 0);
	v->to = form_str(&f, C_TO) != NULL ? (int32_t)form_int(&f, C_TO, 0) :
	    TCE_DATE_OPEN;
	/* through the engine's writer and parser, as every version */
	if ((rc = tce_plan_json_write(v, &json, &len)) != 0)
		goto out;
	if ((rc = plan_parse(json, len, &co, &back, &err)) != 0) {
		if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
			form_set_error(&f, C_FROM, "cm_rule_err_engine", err.msg);
			rc = copy_page(r, 422, r->ids[0], &f, true);
		}
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if ((rc = plan_save(r->app->db, back, "draft", &a.as, &nid, &why)) == 0)
		rc = wf_created(&a, &cm_plan_flow, nid, "draft");
	if (rc == 0)
		rc = db_commit(r->app->db);
	else
		db_rollback(r->app->db);
	if (rc == TC_EDENIED) {
		form_set_error(&f, C_FROM, why.key != NULL ? why.key :
		    "plan_err_closed", NULL);
		rc = copy_page(r, 422, r->ids[0], &f, true);
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=copy",
		    (long long)nid);
		rc = http_redirect(r, loc);
	}
out:
	free(json);
	form_free(&f);
	tce_version_free(back);
	tce_version_free(v);
	return rc;
}

enum { E_LAST, E__MAX };

static const struct field end_fields[E__MAX] = {
	[E_LAST] = { "last_day", form_date, 1, 0, 0, "cm_copy_err_date", NULL },
};

static int
end_post(struct req *r)
{
	struct wf_actor a = wf_actor_of(r);
	struct plan_company co;
	struct plan_why why = { 0 };
	struct form f = { 0 };
	char loc[64];
	int rc;

	cm_plan_company(r, &co);
	if ((rc = form_validate(&f, end_fields, E__MAX, &r->form)) != 0) {
		form_free(&f);
		if (rc == TC_ENOMEM)
			return rc;
		page_flash(r, "error", tr(r, "cm_copy_err_date"));
		return cm_plan_page(r, 422);
	}
	rc = plan_end(r->app->db, r->ids[0], (int32_t)form_int(&f, E_LAST, 0),
	    &co, &a.as, &why);
	form_free(&f);
	if (rc == TC_EDENIED) {
		page_flash(r, "error", tr(r, why.key != NULL ? why.key :
		    "plan_err_state"));
		return cm_plan_page(r, 409);
	}
	if (rc != 0)
		return rc;
	snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=end",
	    (long long)r->ids[0]);
	return http_redirect(r, loc);
}

static const struct route copy_routes[] = {
	{ "GET", "/commission/plans/#/copy", CM_PLAN_EDIT, copy_get },
	{ "POST", "/commission/plans/#/copy", CM_PLAN_EDIT, copy_post },
	{ "POST", "/commission/plans/#/end", CM_PLAN_EDIT, end_post },
};

const struct route_set cm_plan_copy_route_set = ROUTE_SET(copy_routes);
