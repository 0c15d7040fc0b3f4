/* session.c: sessions in MariaDB, keyed by the hash of the cookie token. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/app.h"
#include "core/error.h"
#include "core/log.h"

#define SESSION_COOKIE "tc_session"

enum stmt {
	STMT_SESSION_INSERT,
	STMT_SESSION_FIND,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_SESSION_INSERT] =
	    "INSERT INTO sessions (token_hash, person_id, roles, created_at,"
	    " last_seen_at, expires_at, address) VALUES (?, ?, ?,"
	    " UTC_TIMESTAMP(), UTC_TIMESTAMP(),"
	    " UTC_TIMESTAMP() + INTERVAL ? SECOND, ?)",
	[STMT_SESSION_FIND] =
	    "SELECT p.id, p.login, p.name, p.team, s.roles, p.lang,"
	    " TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()) AS idle"
	    " FROM sessions s JOIN people p ON p.id = s.person_id"
	    " WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP()"
	    " AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
	    " AND p.active",
	[STMT_SESSION_TOUCH] =
	    "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP()"
	    " WHERE token_hash = ?",
	[STMT_SESSION_DELETE] =
	    "DELETE FROM sessions WHERE token_hash = ?",
	[STMT_SESSION_PURGE] =
	    "DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP()"
	    " OR last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND",
};

static struct db_table session_db = DB_TABLE("session", stmts);

int
session_start(struct req *r, const struct person *p)
{
	const struct conf *c = r->app->conf;
	char token[TOKEN_HEX_SIZE], hash[TOKEN_HEX_SIZE];
	int rc;

	if ((rc = token_new(token)) != 0)
		return rc;
	token_hash(token, hash);
	/* Old sessions of everybody are swept now and then: at sign-in. */
	if ((rc = db_exec(r->app->db, &session_db, STMT_SESSION_PURGE,
	    DB_ARGS(P_INT(c->session_idle)), NULL, NULL)) != 0)
		return rc;
	if ((rc = db_exec(r->app->db, &session_db, STMT_SESSION_INSERT,
	    DB_ARGS(P_TEXT(hash), P_INT(p->id), P_INT(p->roles),
	    P_INT(c->session_absolute), P_TEXT(r->remote)), NULL, NULL)) != 0)
		return rc;
	if ((rc = http_cookie(r, SESSION_COOKIE, token, -1)) != 0)
		return rc;
	r->signed_in = true;
	r->me = *p;
	memcpy(r->session_hash, hash, sizeof(hash));
	token_csrf(token, r->csrf);
	return 0;
}

int
session_end(struct req *r)
{
	int rc = 0;

	if (r->signed_in)
		rc = db_exec(r->app->db, &session_db, STMT_SESSION_DELETE,
		    DB_ARGS(P_TEXT(r->session_hash)), NULL, NULL);
	http_cookie(r, SESSION_COOKIE, NULL, 0);
	r->signed_in = false;
	memset(&r->me, 0, sizeof(r->me));
	return rc;
}

int
session_load(struct req *r)
{
	const char *token = req_get(&r->cookies, SESSION_COOKIE);
	struct dbres *res = NULL;
	int rc;

	r->signed_in = false;
	if (token == NULL || !token_well_formed(token))
		return 0;
	token_hash(token, r->session_hash);
	if ((rc = db_query(r->app->db, &session_db, STMT_SESSION_FIND,
	    DB_ARGS(P_TEXT(r->session_hash),
	    P_INT(r->app->conf->session_idle)), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 1) {
		r->signed_in = true;
		r->me.id = dbres_int_col(res, 0, "id");
		snprintf(r->me.login, sizeof(r->me.login), "%s",
		    dbres_text_col(res, 0, "login"));
		snprintf(r->me.name, sizeof(r->me.name), "%s",
		    dbres_text_col(res, 0, "name"));
		snprintf(r->me.team, sizeof(r->me.team), "%s",
		    dbres_text_col(res, 0, "team"));
		r->me.roles = (unsigned)dbres_int_col(res, 0, "roles");
		if (!dbres_null_col(res, 0, "lang") &&
		    req_get(&r->cookies, "tc_lang") == NULL)
			r->lang = strcmp(dbres_text_col(res, 0, "lang"),
			    "en") == 0 ? "en" : "zh";
		token_csrf(token, r->csrf);
		/* Idle time is counted from the last request, to the
		 * minute: at most one write a minute per session, none on
		 * every click. */
		if (dbres_int_col(res, 0, "idle") >= 60)
			rc = db_exec(r->app->db, &session_db,
			    STMT_SESSION_TOUCH,
			    DB_ARGS(P_TEXT(r->session_hash)), NULL, NULL);
	}
	dbres_free(res);
	return rc;
}
