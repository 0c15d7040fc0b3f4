/* module.c: the settlement module as every program knows it: statements
 * per rep and closed period, their approval, the printed form.  Open to
 * every role but admin (admin never sees pay).  What waits for a person
 * is counted here with one query on the statements' state index, so
 * every program's navigation shows it without linking the module. */
#include "config.h"

#include "core/db.h"
#include "core/module.h"

enum stmt { ST_WAITING, ST__MAX };

static const char *const stmts[ST__MAX] = {
	/* me, then 1/0 for finance (drafts to submit, approved to pay),
	 * reviewer (pending), management (reviewed); nobody counts their
	 * own, and the preparer or submitter never reviews or approves */
	/* ... and for management, the closures of leavers' balances that
	 * others proposed (me, me, 1/0) */
	[ST_WAITING] =
	    "SELECT (SELECT COUNT(*) FROM settlement_statements s"
	    " WHERE s.state IN ('draft', 'pending', 'reviewed', 'approved')"
	    " AND s.person_id <> ? AND ("
	    " (? = 1 AND s.state IN ('draft', 'approved'))"
	    " OR (s.prepared_by <> ? AND COALESCE(s.submitted_by, 0) <> ? AND"
	    " ((? = 1 AND s.state = 'pending') OR"
	    " (? = 1 AND s.state = 'reviewed')))))"
	    " + (SELECT COUNT(*) FROM settlement_closures c WHERE"
	    " c.state = 'proposed' AND c.person_id <> ? AND c.proposed_by <> ?"
	    " AND ? = 1)",
};

static struct db_table module_db = DB_TABLE("settlement.module", stmts);

static int
waiting(struct req *r, int64_t *count)
{
	unsigned roles = r->me.roles;
	int64_t me = r->me.id;
	struct dbres *res;
	int rc;

	*count = 0;
	if (!r->signed_in || r->app->db == NULL ||
	    (roles & (ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)) == 0)
		return 0;
	if ((rc = db_query(r->app->db, &module_db, ST_WAITING, DB_ARGS(
	    P_INT(me), P_INT((roles & ROLE_FINANCE) != 0), P_INT(me),
	    P_INT(me), P_INT((roles & ROLE_REVIEWER) != 0),
	    P_INT((roles & ROLE_MANAGEMENT) != 0), P_INT(me), P_INT(me),
	    P_INT((roles & ROLE_MANAGEMENT) != 0)), &res)) != 0)
		return rc;
	*count = dbres_int(res, 0, 0);
	dbres_free(res);
	return 0;
}

const struct module settlement_module = {
	.name = "settlement",
	.prefix = "/settlement/",
	.nav = { "nav_settlement", "home_settlement_text", 40,
	    ROLE_SALES | ROLE_MANAGER | ROLE_HR | ROLE_FINANCE |
	    ROLE_REVIEWER | ROLE_MANAGEMENT },
	.requires = (const char *const[]){ "commission", NULL },
	.migrations = "settlement",
	.waiting = waiting,
};
