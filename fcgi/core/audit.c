/* audit.c: one audit row per state change, in the caller's transaction. */
#include "config.h"

#include "core/app.h"
#include "core/error.h"

enum stmt { STMT_AUDIT_INSERT, STMT__MAX };

static const char *const stmts[STMT__MAX] = {
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit (actor, address, action, entity, entity_id,"
	    " detail) VALUES (?, ?, ?, ?, ?, ?)",
};

static struct db_table audit_db = DB_TABLE("audit", stmts);

int
audit_write(struct req *r, const char *action, const char *entity,
    const char *entity_id, const char *detail)
{
	return db_exec(r->app->db, &audit_db, STMT_AUDIT_INSERT,
	    DB_ARGS(P_TEXT(r->signed_in ? r->me.login : "-"),
	    P_TEXT(r->remote), P_TEXT(action), P_TEXT(entity),
	    P_TEXT(entity_id != NULL ? entity_id : ""),
	    P_TEXT(detail != NULL ? detail : "")), NULL, NULL);
}
