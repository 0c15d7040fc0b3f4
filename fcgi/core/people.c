/* people.c: reading people from the directory, deriving their roles, and
 * keeping their copy in MariaDB. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/app.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/ldapesc.h"
#include "core/log.h"
#include "core/people.h"
#include "core/sort.h"

enum group_kind { G_MANAGERS, G_REVIEWERS, G_ADMINS, G__MAX };

struct dir_groups {
	char **members[G__MAX];
	size_t n[G__MAX];
};

static int
group_members(LDAP *ld, const struct conf *c, const char *dn,
    char ***out, size_t *n)
{
	struct timeval tv = { .tv_sec = c->ldap_timeout, .tv_usec = 0 };
	char *attrs[] = { "member", NULL };
	LDAPMessage *res = NULL, *e;
	struct berval **vals;
	int rc;

	*out = NULL;
	*n = 0;
	rc = ldap_search_ext_s(ld, dn, LDAP_SCOPE_BASE, "(objectClass=*)",
	    attrs, 0, NULL, NULL, &tv, 0, &res);
	if (rc == LDAP_NO_SUCH_OBJECT) {
		ldap_msgfree(res);
		log_msg("directory: role group %s does not exist", dn);
		return 0;
	}
	if (rc != LDAP_SUCCESS) {
		ldap_msgfree(res);
		log_msg("directory: reading group %s: %s", dn,
		    ldap_err2string(rc));
		return TC_EDIR;
	}
	e = ldap_first_entry(ld, res);
	vals = e != NULL ? ldap_get_values_len(ld, e, "member") : NULL;
	if (vals != NULL) {
		size_t k = ldap_count_values_len(vals);

		if ((*out = calloc(k + 1, sizeof(char *))) == NULL)
			rc = TC_ENOMEM;
		for (size_t i = 0; rc == 0 && i < k; i++) {
			if (((*out)[i] = strndup(vals[i]->bv_val,
			    vals[i]->bv_len)) == NULL)
				rc = TC_ENOMEM;
			else
				(*n)++;
		}
		ldap_value_free_len(vals);
	}
	ldap_msgfree(res);
	return rc == LDAP_SUCCESS ? 0 : rc;
}

int
dir_groups_load(LDAP *ld, const struct conf *c, struct dir_groups **out)
{
	const char *dns[G__MAX] = { c->group_sales_managers,
	    c->group_settlement_reviewers, c->group_admins };
	struct dir_groups *g;
	int rc = 0;

	*out = NULL;
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return TC_ENOMEM;
	for (int k = 0; k < G__MAX && rc == 0; k++)
		if (dns[k][0] != '\0')
			rc = group_members(ld, c, dns[k], &g->members[k],
			    &g->n[k]);
	if (rc != 0) {
		dir_groups_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

void
dir_groups_free(struct dir_groups *g)
{
	if (g == NULL)
		return;
	for (int k = 0; k < G__MAX; k++) {
		for (size_t i = 0; i < g->n[k]; i++)
			free(g->members[k][i]);
		free(g->members[k]);
	}
	free(g);
}

static bool
in_group(const struct dir_groups *g, enum group_kind k, const char *dn)
{
	/* DNs compare without regard to case, as the directory does. */
	for (size_t i = 0; i < g->n[k]; i++)
		if (strcasecmp(g->members[k][i], dn) == 0)
			return true;
	return false;
}

void
dir_person_roles(const struct conf *c, const struct dir_groups *g,
    struct dir_person *p)
{
	const char *d = p->department != NULL ? p->department : "";

	p->roles = 0;
	if (strcmp(d, c->dept_sales) == 0) {
		p->roles |= ROLE_SALES;
		if (in_group(g, G_MANAGERS, p->dn))
			p->roles |= ROLE_MANAGER;
	}
	if (strcmp(d, c->dept_hr) == 0)
		p->roles |= ROLE_HR;
	if (strcmp(d, c->dept_finance) == 0) {
		p->roles |= ROLE_FINANCE;
		if (in_group(g, G_REVIEWERS, p->dn))
			p->roles |= ROLE_REVIEWER;
	}
	if (strcmp(d, c->dept_management) == 0)
		p->roles |= ROLE_MANAGEMENT;
	if (in_group(g, G_ADMINS, p->dn))
		p->roles |= ROLE_ADMIN;
}

void
dir_person_clear(struct dir_person *p)
{
	if (p == NULL)
		return;
	free(p->dn);
	free(p->login);
	free(p->name);
	free(p->email);
	free(p->department);
	free(p->team);
	free(p->manager_login);
	free(p->employee_no);
	memset(p, 0, sizeof(*p));
}

/* The first value of attr, as a new string ("" when absent). */
static char *
first_value(LDAP *ld, LDAPMessage *e, const char *attr)
{
	struct berval **v = ldap_get_values_len(ld, e, attr);
	char *s = v != NULL && v[0] != NULL ?
	    strndup(v[0]->bv_val, v[0]->bv_len) : strdup("");

	ldap_value_free_len(v);
	return s;
}

/* The login of the person a manager DN names, when the DN's first RDN is
 * the login attribute ("uid=chenjing,ou=people,..."). */
static char *
login_of_dn(const struct conf *c, const char *dn)
{
	size_t n = strlen(c->ldap_login_attr);
	const char *v, *end;

	if (dn == NULL || strncasecmp(dn, c->ldap_login_attr, n) != 0 ||
	    dn[n] != '=')
		return NULL;
	v = dn + n + 1;
	end = strchr(v, ',');
	if (end == NULL || end == v || memchr(v, '\\', end - v) != NULL)
		return NULL;
	return strndup(v, end - v);
}

static int
person_from_entry(LDAP *ld, LDAPMessage *e, const struct conf *c,
    struct dir_person *p)
{
	char *dn = ldap_get_dn(ld, e), *mgr;

	memset(p, 0, sizeof(*p));
	if (dn == NULL)
		return TC_EDIR;
	p->dn = strdup(dn);
	ldap_memfree(dn);
	p->login = first_value(ld, e, c->ldap_login_attr);
	p->name = first_value(ld, e, "displayName");
	if (p->name != NULL && p->name[0] == '\0') {
		free(p->name);
		p->name = first_value(ld, e, "cn");
	}
	p->email = first_value(ld, e, "mail");
	p->department = first_value(ld, e, c->ldap_dept_attr);
	p->team = first_value(ld, e, c->ldap_team_attr);
	p->employee_no = first_value(ld, e, "employeeNumber");
	mgr = first_value(ld, e, "manager");
	p->manager_login = login_of_dn(c, mgr);
	free(mgr);
	if (p->dn == NULL || p->login == NULL || p->name == NULL ||
	    p->email == NULL || p->department == NULL || p->team == NULL ||
	    p->employee_no == NULL) {
		dir_person_clear(p);
		return TC_ENOMEM;
	}
	return 0;
}

static char *person_attrs[] = { "uid", "cn", "displayName", "mail",
    "departmentNumber", "ou", "manager", "employeeNumber", NULL };

/* The attributes to ask for, with the configured names in place. */
static void
attrs_for(const struct conf *c, char **attrs)
{
	memcpy(attrs, person_attrs, sizeof(person_attrs));
	attrs[0] = c->ldap_login_attr;
	attrs[4] = c->ldap_dept_attr;
	attrs[5] = c->ldap_team_attr;
}

int
dir_person_find(LDAP *ld, const struct conf *c, const char *login,
    struct dir_person *p)
{
	struct timeval tv = { .tv_sec = c->ldap_timeout, .tv_usec = 0 };
	char *attrs[sizeof(person_attrs) / sizeof(person_attrs[0])];
	char *esc, filter[512];
	LDAPMessage *res = NULL, *e;
	int rc;

	memset(p, 0, sizeof(*p));
	if ((esc = ldapesc_filter_value(login, strlen(login))) == NULL)
		return TC_ENOMEM;
	rc = snprintf(filter, sizeof(filter),
	    "(&(objectClass=inetOrgPerson)(%s=%s))", c->ldap_login_attr, esc);
	free(esc);
	if (rc < 0 || (size_t)rc >= sizeof(filter))
		return TC_ENOTFOUND;
	attrs_for(c, attrs);
	rc = ldap_search_ext_s(ld, c->ldap_base, LDAP_SCOPE_SUBTREE, filter,
	    attrs, 0, NULL, NULL, &tv, 2, &res);
	if (rc != LDAP_SUCCESS && rc != LDAP_SIZELIMIT_EXCEEDED) {
		ldap_msgfree(res);
		log_msg("directory: search: %s", ldap_err2string(rc));
		return rc == LDAP_NO_SUCH_OBJECT ? TC_ENOTFOUND : TC_EDIR;
	}
	if (rc == LDAP_SIZELIMIT_EXCEEDED || ldap_count_entries(ld, res) != 1 ||
	    (e = ldap_first_entry(ld, res)) == NULL) {
		ldap_msgfree(res);
		return TC_ENOTFOUND;
	}
	rc = person_from_entry(ld, e, c, p);
	ldap_msgfree(res);
	return rc;
}

int
dir_person_each(LDAP *ld, const struct conf *c,
    int (*fn)(struct dir_person *p, void *arg), void *arg)
{
	struct timeval tv = { .tv_sec = c->ldap_timeout * 10, .tv_usec = 0 };
	char *attrs[sizeof(person_attrs) / sizeof(person_attrs[0])];
	LDAPMessage *res = NULL, *e;
	int rc;

	attrs_for(c, attrs);
	rc = ldap_search_ext_s(ld, c->ldap_base, LDAP_SCOPE_SUBTREE,
	    "(objectClass=inetOrgPerson)", attrs, 0, NULL, NULL, &tv, 0, &res);
	if (rc != LDAP_SUCCESS) {
		ldap_msgfree(res);
		log_msg("directory: search: %s", ldap_err2string(rc));
		return TC_EDIR;
	}
	rc = 0;
	for (e = ldap_first_entry(ld, res); e != NULL && rc == 0;
	    e = ldap_next_entry(ld, e)) {
		struct dir_person p;

		if ((rc = person_from_entry(ld, e, c, &p)) != 0)
			break;
		if (p.login[0] != '\0')
			rc = fn(&p, arg);
		dir_person_clear(&p);
	}
	ldap_msgfree(res);
	return rc;
}

enum stmt {
	STMT_UPSERT,
	STMT_UPSERT_LOGIN,
	STMT_ID,
	STMT_ACTIVE,
	STMT_DEACTIVATE,
	STMT__MAX
};

/* synced_at and last_login_at are the business clock's now (tc_now_str),
 * as every time the pages show; last_login_at is NULL unless signing
 * in. */
#define UPSERT \
	"INSERT INTO people (login, dn, name, email, department, team," \
	" manager_login, employee_no, roles, active, synced_at," \
	" last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)" \
	" ON DUPLICATE KEY UPDATE dn = VALUES(dn), name = VALUES(name)," \
	" email = VALUES(email), department = VALUES(department)," \
	" team = VALUES(team), manager_login = VALUES(manager_login)," \
	" employee_no = VALUES(employee_no)," \
	" roles = VALUES(roles), active = TRUE, synced_at = VALUES(synced_at)"

static const char *const stmts[STMT__MAX] = {
	[STMT_UPSERT] = UPSERT,
	[STMT_UPSERT_LOGIN] = UPSERT ", last_login_at = VALUES(last_login_at)",
	[STMT_ID] = "SELECT id FROM people WHERE login = ?",
	[STMT_ACTIVE] = "SELECT id FROM people WHERE active",
	[STMT_DEACTIVATE] = "UPDATE people SET active = FALSE WHERE id = ?",
};

static struct db_table people_db = DB_TABLE("people", stmts);

int
people_upsert(struct db *d, const struct dir_person *p, bool signed_in,
    int64_t *id)
{
	struct dbres *res;
	char now[TC_DATETIME_SIZE];
	int rc;

	tc_now_str(now);
	rc = db_exec(d, &people_db, signed_in ? STMT_UPSERT_LOGIN : STMT_UPSERT,
	    DB_ARGS(P_TEXT(p->login), P_TEXT(p->dn), P_TEXT(p->name),
	    P_TEXT(p->email), P_TEXT(p->department), P_TEXT(p->team),
	    P_TEXT_OR_NULL(p->manager_login), P_TEXT(p->employee_no != NULL ?
	    p->employee_no : ""), P_INT(p->roles), P_TEXT(now),
	    signed_in ? P_TEXT(now) : P_NULL), NULL, NULL);
	if (rc != 0 || id == NULL)
		return rc;
	if ((rc = db_query(d, &people_db, STMT_ID, DB_ARGS(P_TEXT(p->login)),
	    &res)) != 0)
		return rc;
	*id = dbres_rows(res) == 1 ? dbres_int_col(res, 0, "id") : 0;
	dbres_free(res);
	return *id > 0 ? 0 : TC_EDB;
}

static int
by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* By the ids the sync saw, not by synced_at: a sync in the same second
 * as the one before it (seconds are all the column keeps) would
 * otherwise keep a person that left in between. */
int
people_deactivate_unseen(struct db *d, int64_t *seen, size_t n,
    uint64_t *count)
{
	struct dbres *res;
	int rc;

	*count = 0;
	tc_sort(seen, n, sizeof(*seen), by_id);
	if ((rc = db_query(d, &people_db, STMT_ACTIVE, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; rc == 0 && i < dbres_rows(res); i++) {
		int64_t id = dbres_int_col(res, i, "id");

		if (n > 0 && bsearch(&id, seen, n, sizeof(*seen), by_id) != NULL)
			continue;
		if ((rc = db_exec(d, &people_db, STMT_DEACTIVATE,
		    DB_ARGS(P_INT(id)), NULL, NULL)) == 0)
			(*count)++;
	}
	dbres_free(res);
	return rc;
}
