/* versions-io.c: a plan version imported on the web from the spec's
 * plan JSON (HR): GET and POST /commission/plans/import.  The file is
 * read by the engine's own parser (plans.c's plan_parse), so a file the
 * web takes is one ticheng-calc takes, and a refused file is refused
 * with the spec's message (the file, then the line of a syntax error or
 * the path of the offending value, then why), nothing saved.  A taken
 * file becomes a draft, which HR then proposes (versions-flow.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/versions.h"
#include "core/error.h"
#include "core/request.h"
#include "core/tmpl.h"

/* The largest plan file taken. */
#define PLAN_FILE_MAX (1024 * 1024)

static int
import_page(struct req *r, int status)
{
	commission_tabs(r, "plans");
	return page_send(r, status, "commission/plans-import.tpl",
	    "cm_import_title", "commission");
}

static int
import_get(struct req *r)
{
	return import_page(r, 200);
}

/* Shows why the file was refused: the reader's sentence (key), and the
 * spec's message when there is one. */
static int
refuse(struct req *r, int status, const char *key, const char *file,
    const char *detail)
{
	struct tdict *e = tdict_add_section(page_body(r), "FILE_ERROR");

	tdict_set(e, "error", tr(r, key));
	tdict_set(e, "error_id", "file-error");
	if (detail != NULL && detail[0] != '\0') {
		struct tdict *s = tdict_add_section(e, "SPEC_MESSAGE");
		char msg[700];

		snprintf(msg, sizeof(msg), "%s: %s", file, detail);
		tdict_set(s, "message", msg);
	}
	return import_page(r, status);
}

static int
import_post(struct req *r)
{
	const struct req_pair *p = req_first(&r->form, "file");
	struct wf_actor a = wf_actor_of(r);
	struct plan_company co;
	struct plan_why why = { 0 };
	struct tce_version *v = NULL;
	struct tce_diag err;
	char detail[600], loc[64];
	int64_t id = 0;
	int rc;

	if (p == NULL || p->filename == NULL || p->filename[0] == '\0')
		return refuse(r, 422, "cm_import_err_no_file", "", NULL);
	if (p->valsz == 0)
		return refuse(r, 422, "cm_import_err_empty", p->filename, NULL);
	if (p->valsz > PLAN_FILE_MAX)
		return refuse(r, 413, "cm_import_err_too_big", p->filename,
		    NULL);
	cm_plan_company(r, &co);
	memset(&err, 0, sizeof(err));
	rc = plan_parse(p->value, p->valsz, &co, &v, &err);
	if (rc == TC_ENOMEM)
		return rc;
	if (rc != 0) {
		if (err.line > 0)
			snprintf(detail, sizeof(detail), "%u: %s", err.line,
			    err.msg);
		else if (err.path[0] != '\0')
			snprintf(detail, sizeof(detail), "%s: %s", err.path,
			    err.msg);
		else
			snprintf(detail, sizeof(detail), "%s", err.msg);
		return refuse(r, 422, "cm_import_err_invalid", p->filename,
		    detail);
	}
	/* One transaction: the version, its creation in the workflow's
	 * history, its audit. */
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if ((rc = plan_save(r->app->db, v, "draft", &a.as, &id, &why)) == 0)
		rc = wf_created(&a, &cm_plan_flow, id, "draft");
	if (rc == 0)
		rc = db_commit(r->app->db);
	else
		db_rollback(r->app->db);
	if (rc == TC_EDENIED) {
		snprintf(detail, sizeof(detail), "%s%s%s", why.path,
		    why.path[0] != '\0' ? ": " : "", why.text);
		rc = refuse(r, 422, why.key != NULL ? why.key :
		    "cm_import_err_invalid", p->filename, detail);
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/commission/plans/%lld?done=import",
		    (long long)id);
		rc = http_redirect(r, loc);
	}
out:
	tce_version_free(v);
	return rc;
}

static const struct route io_routes[] = {
	{ "GET", "/commission/plans/import", CM_PLAN_EDIT, import_get },
	{ "POST", "/commission/plans/import", CM_PLAN_EDIT, import_post },
};

const struct route_set cm_plan_io_route_set = ROUTE_SET(io_routes);
