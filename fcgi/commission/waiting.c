/* waiting.c: what waits for the signed-in person in the commission
 * module, beside its navigation entry (core/module.h's waiting count):
 * for HR and finance, the open disputes to answer and the proposed
 * adjustments they may decide (proposed by the other department, not by
 * them, not for them: adjust.c's four eyes); for management, the plan
 * versions proposed by someone else.  Linked by every program
 * with the module's descriptor, so it uses nothing but the core: one
 * statement over two indexed counts. */
#include "config.h"

#include "core/app.h"
#include "core/error.h"

int commission_waiting(struct req *r, int64_t *count);

enum stmt { W_COUNT, W_VERSIONS, W__MAX };

static const char *const stmts[W__MAX] = {
	/* the departments a proposal may come from (two values, the same
	 * one twice for one department), me, me */
	[W_COUNT] =
	    "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM commission_disputes"
	    "  WHERE state = 'open' LIMIT 1000) d)"
	    " + (SELECT COUNT(*) FROM (SELECT 1 FROM commission_adjustments"
	    "  WHERE state = 'proposed' AND proposed_as IN (?, ?)"
	    "  AND proposed_by <> ? AND person_id <> ? LIMIT 1000) a)",
	/* me */
	[W_VERSIONS] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM plan_versions"
	    " WHERE state = 'proposed' AND (proposed_by IS NULL OR"
	    " proposed_by <> ?) LIMIT 1000) v",
};

static struct db_table waiting_db = DB_TABLE("commission.waiting", stmts);

int
commission_waiting(struct req *r, int64_t *count)
{
	struct dbres *res = NULL;
	const char *from1, *from2;
	bool hr = has_role(r, ROLE_HR), fin = has_role(r, ROLE_FINANCE);
	int rc;

	*count = 0;
	if (r->app->db == NULL && (hr || fin || has_role(r, ROLE_MANAGEMENT)))
		return TC_EDB;
	if (has_role(r, ROLE_MANAGEMENT)) {
		if ((rc = db_query(r->app->db, &waiting_db, W_VERSIONS,
		    DB_ARGS(P_INT(r->me.id)), &res)) != 0)
			return rc;
		*count += dbres_int(res, 0, 0);
		dbres_free(res);
		res = NULL;
	}
	if (!hr && !fin)
		return 0;
	/* HR decides finance's proposals, finance HR's */
	from1 = fin ? "hr" : "finance";
	from2 = hr ? "finance" : "hr";
	if ((rc = db_query(r->app->db, &waiting_db, W_COUNT,
	    DB_ARGS(P_TEXT(from1), P_TEXT(from2), P_INT(r->me.id),
	    P_INT(r->me.id)), &res)) != 0)
		return rc;
	*count += dbres_int(res, 0, 0);
	dbres_free(res);
	return 0;
}
