/* login.c: signing in against the directory, with failures limited per
 * login and per address, and signing out. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/directory.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/log.h"
#include "core/people.h"

enum field_idx { F_USERNAME, F_PASSWORD, F_NEXT, F__MAX };

/* An empty password would be an anonymous bind: the table refuses it
 * before anything is asked of the directory. */
static const struct field login_fields[F__MAX] = {
	[F_USERNAME] = { "username", form_login, 1, 1, 64,
	    "login_username_required", NULL },
	[F_PASSWORD] = { "password", form_text_multiline, 1, 1, 256,
	    "login_password_required", NULL },
	[F_NEXT] = { "next", form_return_path, 0, 0, 0, NULL, NULL },
};

static const char *const login_labels[F__MAX] = {
	[F_USERNAME] = "login_username", [F_PASSWORD] = "login_password",
};

enum stmt {
	STMT_FAILURES,
	STMT_FAILURE_ADD,
	STMT_FAILURES_CLEAR,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_FAILURES] =
	    "SELECT (SELECT COUNT(*) FROM login_failures WHERE login = ?"
	    "  AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND),"
	    " (SELECT COUNT(*) FROM login_failures WHERE address = ?"
	    "  AND at > UTC_TIMESTAMP() - INTERVAL ? SECOND)",
	[STMT_FAILURE_ADD] =
	    "INSERT INTO login_failures (login, address, at)"
	    " VALUES (?, ?, UTC_TIMESTAMP())",
	[STMT_FAILURES_CLEAR] =
	    "DELETE FROM login_failures WHERE login = ?",
};

static struct db_table login_db = DB_TABLE("login", stmts);

bool
safe_return_path(const char *path)
{
	struct form_value v;

	return form_return_path(&login_fields[F_NEXT], path, &v) == 0;
}

/* The local path to go to after signing in: next when it is a safe local
 * path, else home. */
static const char *
return_path(const struct form *f)
{
	const char *next = form_str(f, F_NEXT);

	return next != NULL && f->e[F_NEXT].err == 0 ? next : "/";
}

/* Shows the form again, keeping the user name (never the password):
 * what the form refused beside its field, and a refusal of the whole
 * sign-in (why: a catalogue key, or NULL) in the error summary; section
 * (or NULL) is a state of the service shown above the form. */
static int
login_page(struct req *r, int status, const struct form *f,
    const char *why, const char *section)
{
	struct tdict *d = page_body(r);
	const char *next = f != NULL ? f->e[F_NEXT].raw : req_get(&r->q, "next");
	struct form_errors fe;
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL && (rc = form_show(&fe, d, f, login_labels, NULL)) != 0)
		return rc;
	tdict_set(d, "password", "");
	tdict_set(d, "next", "");
	/* Only a safe local path is carried along. */
	if (next != NULL && safe_return_path(next))
		tdict_set(d, "next", next);
	if (why != NULL && (rc = form_summary_add(&fe, "username", NULL,
	    tr(r, why))) != 0)
		return rc;
	if (section != NULL)
		tdict_show_section(d, section);
	return page_send(r, status, "auth/login.tpl", "login_title", NULL);
}

int
login_get(struct req *r)
{
	if (r->signed_in)
		return http_redirect(r, "/");
	return login_page(r, 200, NULL, NULL, NULL);
}

static int
failure_counts(struct req *r, const char *login, int64_t *by_login,
    int64_t *by_address)
{
	const struct conf *c = r->app->conf;
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &login_db, STMT_FAILURES,
	    DB_ARGS(P_TEXT(login), P_INT(c->login_window), P_TEXT(r->remote),
	    P_INT(c->login_window)), &res)) != 0)
		return rc;
	*by_login = dbres_int(res, 0, 0);
	*by_address = dbres_int(res, 0, 1);
	dbres_free(res);
	return 0;
}

static int
failure_add(struct req *r, const char *login)
{
	int rc;

	if ((rc = db_begin(r->app->db)) != 0)
		return rc;
	if ((rc = db_exec(r->app->db, &login_db, STMT_FAILURE_ADD,
	    DB_ARGS(P_TEXT(login), P_TEXT(r->remote)), NULL, NULL)) != 0 ||
	    (rc = audit_write(r, "login_failed", "person", login, NULL)) != 0) {
		db_rollback(r->app->db);
		return rc;
	}
	return db_commit(r->app->db);
}

/* Binds as dn with password on a fresh connection.  Returns 0 when the
 * password is right, TC_EDENIED when wrong, TC_EDIR when the directory
 * fails. */
static int
bind_as(const struct conf *c, const char *dn, const char *password)
{
	struct berval cred = { .bv_len = strlen(password),
	    .bv_val = (char *)password };
	char err[512];
	LDAP *ld;
	int rc;

	if (dir_connect(c, &ld, err, sizeof(err)) != 0) {
		log_msg("%s", err);
		return TC_EDIR;
	}
	rc = ldap_sasl_bind_s(ld, dn, LDAP_SASL_SIMPLE, &cred, NULL, NULL,
	    NULL);
	ldap_unbind_ext_s(ld, NULL, NULL);
	if (rc == LDAP_SUCCESS)
		return 0;
	if (rc == LDAP_INVALID_CREDENTIALS || rc == LDAP_INAPPROPRIATE_AUTH ||
	    rc == LDAP_UNWILLING_TO_PERFORM)
		return TC_EDENIED;
	log_msg("directory: bind: %s", ldap_err2string(rc));
	return TC_EDIR;
}

/* Looks the person up, checks the password, reads their roles.  Returns
 * 0 with *p filled, TC_EDENIED for a wrong login or password (whichever
 * it was), TC_EDIR when the directory fails. */
static int
authenticate(const struct conf *c, const char *login, const char *password,
    struct dir_person *p)
{
	struct dir_groups *g = NULL;
	char err[512];
	LDAP *ld;
	int rc;

	if (dir_open(c, &ld, err, sizeof(err)) != 0) {
		log_msg("%s", err);
		return TC_EDIR;
	}
	rc = dir_person_find(ld, c, login, p);
	if (rc == 0)
		rc = bind_as(c, p->dn, password);
	if (rc == 0 && (rc = dir_groups_load(ld, c, &g)) == 0)
		dir_person_roles(c, g, p);
	dir_groups_free(g);
	ldap_unbind_ext_s(ld, NULL, NULL);
	if (rc == TC_ENOTFOUND)
		rc = TC_EDENIED;
	if (rc != 0)
		dir_person_clear(p);
	return rc;
}

int
login_post(struct req *r)
{
	const struct conf *c = r->app->conf;
	const char *password = req_get(&r->form, "password");
	struct dir_person dp;
	struct person me;
	struct form f;
	int64_t by_login = 0, by_address = 0, id;
	const char *login;
	int rc;

	if (r->signed_in)
		return http_redirect(r, "/");
	if ((rc = form_validate(&f, login_fields, F__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (f.e[F_USERNAME].err != 0 || f.e[F_PASSWORD].err != 0) {
		rc = login_page(r, 400, &f, NULL, NULL);
		goto out;
	}
	login = form_str(&f, F_USERNAME);
	if ((rc = failure_counts(r, login, &by_login, &by_address)) != 0)
		goto out;
	if (by_login >= c->login_max_per_login ||
	    by_address >= c->login_max_per_address) {
		log_msg("%s: sign-in refused: too many failures (%s, %s)",
		    r->id, login, r->remote);
		rc = login_page(r, 429, &f, "login_locked", NULL);
		goto out;
	}
	rc = authenticate(c, login, password, &dp);
	if (rc == TC_EDIR) {
		rc = login_page(r, 503, &f, NULL, "DIRECTORY_DOWN");
		goto out;
	}
	if (rc == 0 && dp.roles == 0)
		rc = TC_EDENIED;    /* a person no department gives a role */
	if (rc == TC_EDENIED) {
		if ((rc = failure_add(r, login)) == 0)
			rc = login_page(r, 401, &f, "login_failed", NULL);
		goto out;
	}
	if (rc != 0)
		goto out;
	if ((rc = db_begin(r->app->db)) != 0)
		goto person;
	if ((rc = people_upsert(r->app->db, &dp, true, &id)) != 0 ||
	    (rc = db_exec(r->app->db, &login_db, STMT_FAILURES_CLEAR,
	    DB_ARGS(P_TEXT(dp.login)), NULL, NULL)) != 0)
		goto person;
	memset(&me, 0, sizeof(me));
	me.id = id;
	me.roles = dp.roles;
	snprintf(me.login, sizeof(me.login), "%s", dp.login);
	snprintf(me.name, sizeof(me.name), "%s", dp.name);
	snprintf(me.team, sizeof(me.team), "%s", dp.team);
	if ((rc = session_start(r, &me)) != 0 ||
	    (rc = audit_write(r, "login", "person", dp.login, NULL)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto person;
	rc = http_redirect(r, return_path(&f));
person:
	dir_person_clear(&dp);
out:
	form_free(&f);
	return rc;
}

int
logout_post(struct req *r)
{
	int rc;

	if ((rc = db_begin(r->app->db)) != 0)
		return rc;
	if ((rc = audit_write(r, "logout", "person", r->me.login, NULL)) != 0 ||
	    (rc = session_end(r)) != 0 || (rc = db_commit(r->app->db)) != 0)
		return rc;
	return http_redirect(r, "/login");
}
