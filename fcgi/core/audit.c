/* audit.c: one audit row per state change, in the caller's transaction. */
#include "config.h"

#include "core/app.h"
#include "core/audit.h"
#include "core/db-bulk.h"
#include "core/error.h"

enum stmt { STMT_AUDIT_INSERT, STMT__MAX };

static const char *const stmts[STMT__MAX] = {
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit (actor, address, action, entity, entity_id,"
	    " detail) VALUES (?, ?, ?, ?, ?, ?)",
};

static struct db_table audit_db = DB_TABLE("audit", stmts);

int
audit_write_as(struct db *d, const struct actor *who, const char *action,
    const char *entity, const char *entity_id, const char *detail)
{
	return db_exec(d, &audit_db, STMT_AUDIT_INSERT,
	    DB_ARGS(P_TEXT(who->login), P_TEXT(who->address), P_TEXT(action),
	    P_TEXT(entity), P_TEXT(entity_id != NULL ? entity_id : ""),
	    P_TEXT(detail != NULL ? detail : "")), NULL, NULL);
}

int
audit_bulk_open(struct db *d, struct db_bulk **out)
{
	static const enum db_type types[] = { DBT_TEXT, DBT_TEXT, DBT_TEXT,
	    DBT_TEXT, DBT_TEXT, DBT_TEXT };

	return db_bulk_open(d, stmts[STMT_AUDIT_INSERT], types, 6, 1000, out);
}

int
audit_bulk_add(struct db_bulk *b, const struct actor *who, const char *action,
    const char *entity, const char *entity_id, const char *detail)
{
	return db_bulk_add(b, (const struct db_param[]){ P_TEXT(who->login),
	    P_TEXT(who->address), P_TEXT(action), P_TEXT(entity),
	    P_TEXT(entity_id != NULL ? entity_id : ""),
	    P_TEXT(detail != NULL ? detail : "") });
}

int
audit_write(struct req *r, const char *action, const char *entity,
    const char *entity_id, const char *detail)
{
	struct actor who = { r->signed_in ? r->me.login : "-", r->remote };

	return audit_write_as(r->app->db, &who, action, entity, entity_id,
	    detail);
}
