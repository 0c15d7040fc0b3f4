/* people.c: the people of the directory with their roles, and the audit
 * log, for administrators. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"

/* --- the people list ------------------------------------------------ */

enum pfilter { PF_Q, PF_TEAM, PF_ROLE, PF_STATUS, PF__MAX };

static const char *const role_codes[] = { "sales", "manager", "hr",
    "finance", "reviewer", "management", "admin", NULL };
static const char *const status_codes[] = { "active", "inactive", NULL };

static const struct list_frag status_where[] = {
	{ "p.active", { LA_END } },
	{ "NOT p.active", { LA_END } },
};

static const struct list_filter people_filters[PF__MAX] = {
	[PF_Q] = { .field = { "q", form_text, 0, 0, 64, NULL, NULL },
	    .label = "admin_search",
	    .where = { "p.login LIKE ? OR p.name LIKE ?",
	    { LA_CONTAINS, LA_CONTAINS } } },
	[PF_TEAM] = { .field = { "team", form_text, 0, 0, 64, NULL, NULL },
	    .label = "admin_team", .where = { "p.team = ?", { LA_TEXT } } },
	/* the choice's index is the role's bit (enum role) */
	[PF_ROLE] = { .field = { "role", form_oneof, 0, 0, 0, NULL,
	    role_codes }, .label = "admin_role",
	    .where = { "(CAST(p.roles AS UNSIGNED) & (1 << ?)) <> 0",
	    { LA_INT } } },
	[PF_STATUS] = { .field = { "status", form_oneof, 0, 0, 0, NULL,
	    status_codes }, .label = "admin_status",
	    .choice_where = status_where },
};

/* Each order is served by an index of people (login is unique). */
static const struct list_sort people_sorts[] = {
	{ "login", "admin_login", "p.login", "p.login DESC", 0 },
	{ "name", "admin_name", "p.name, p.login", "p.name DESC, p.login DESC",
	    0 },
	{ "department", "admin_department", "p.department, p.login",
	    "p.department DESC, p.login DESC", 0 },
	{ "team", "admin_team", "p.team, p.login", "p.team DESC, p.login DESC",
	    0 },
	{ "last_login", "admin_last_login", "p.last_login_at, p.login",
	    "p.last_login_at DESC, p.login DESC", LIST_SORT_DESC_FIRST },
};

static const struct list_def people_list_def = {
	.name = "admin-people",
	.path = "/admin/",
	.select = "SELECT p.login, p.name, p.email, p.department, p.team,"
	    " p.manager_login, CAST(p.roles AS UNSIGNED) AS roles, p.active,"
	    " DATE_FORMAT(p.last_login_at, '%Y-%m-%d %H:%i') AS last_login,"
	    " DATE_FORMAT(p.synced_at, '%Y-%m-%d %H:%i') AS synced",
	.from = " FROM people p",
	.filters = people_filters, .nfilters = PF__MAX,
	.sorts = people_sorts,
	.nsorts = sizeof(people_sorts) / sizeof(people_sorts[0]),
	.sort_default = 1, .desc_default = false,
	.per_page = 50,
};

static void
roles_labels(struct req *r, struct tdict *row, unsigned roles)
{
	for (unsigned b = 0; b < ROLE__COUNT; b++)
		if (roles & (1u << b))
			tdict_set(tdict_add_section(row, "ROLE"), "role_label",
			    tr(r, role_key(b)));
}

/* GET /admin/: people as the last sync or sign-in saw them. */
static int
people_list(struct req *r)
{
	struct tdict *d = page_body(r);
	const struct form_value *role, *status;
	struct list l;
	int rc;

	list_init(&l, &people_list_def);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "PERSON");

		tdict_set(row, "login", dbres_text_col(l.rows, i, "login"));
		tdict_set(row, "name", dbres_text_col(l.rows, i, "name"));
		tdict_set(row, "email", dbres_text_col(l.rows, i, "email"));
		tdict_set(row, "department",
		    dbres_text_col(l.rows, i, "department"));
		tdict_set(row, "team", dbres_text_col(l.rows, i, "team"));
		tdict_set(row, "manager",
		    dbres_text_col(l.rows, i, "manager_login"));
		roles_labels(r, row,
		    (unsigned)dbres_int_col(l.rows, i, "roles"));
		tdict_show_section(row, dbres_int_col(l.rows, i, "active") ?
		    "ACTIVE" : "INACTIVE");
		tdict_set(row, "last_login",
		    dbres_text_col(l.rows, i, "last_login"));
		tdict_set(row, "synced", dbres_text_col(l.rows, i, "synced"));
	}
	role = list_value(&l, PF_ROLE);
	form_choices(d, "ROLE_OPTION", role_codes, r->cat, "role_",
	    role != NULL ? role->s : NULL);
	status = list_value(&l, PF_STATUS);
	tdict_show_section(d, status == NULL ? "STATUS_ANY" : status->i == 0 ?
	    "STATUS_ACTIVE" : "STATUS_INACTIVE");
	admin_tabs(r, "people");
	rc = page_send(r, list_status(&l), "admin/people.tpl",
	    "admin_people_title", "admin");
out:
	list_done(&l);
	return rc;
}

/* --- the audit log -------------------------------------------------- */

enum afilter { AF_ACTOR, AF_ACTION, AF_ENTITY, AF_ENTITY_ID, AF_FROM, AF_TO,
    AF__MAX };

static const struct list_filter audit_filters[AF__MAX] = {
	[AF_ACTOR] = { .field = { "actor", form_text, 0, 0, 64, NULL, NULL },
	    .label = "admin_actor", .where = { "a.actor = ?", { LA_TEXT } } },
	[AF_ACTION] = { .field = { "action", form_text, 0, 0, 64, NULL, NULL },
	    .label = "admin_action", .where = { "a.action = ?", { LA_TEXT } } },
	[AF_ENTITY] = { .field = { "entity", form_text, 0, 0, 64, NULL, NULL },
	    .label = "admin_entity", .where = { "a.entity = ?", { LA_TEXT } } },
	[AF_ENTITY_ID] = { .field = { "entity_id", form_text, 0, 0, 64, NULL,
	    NULL }, .label = "admin_entity_id",
	    .where = { "a.entity_id = ?", { LA_TEXT } } },
	[AF_FROM] = { .field = { "from", form_date, 0, 0, 0,
	    "admin_date_invalid", NULL }, .label = "admin_from",
	    .where = { "a.at >= ?", { LA_TEXT } } },
	[AF_TO] = { .field = { "to", form_date, 0, 0, 0, "admin_date_invalid",
	    NULL }, .label = "admin_to",
	    .where = { "a.at < ? + INTERVAL 1 DAY", { LA_TEXT } } },
};

/* Newest first: served by audit_at, and by audit_actor for one actor. */
static const struct list_sort audit_sorts[] = {
	{ "at", "admin_at", "a.at, a.id", "a.at DESC, a.id DESC",
	    LIST_SORT_DESC_FIRST },
};

static const struct list_def audit_list_def = {
	.name = "admin-audit",
	.path = "/admin/audit",
	.select = "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at,"
	    " a.actor, a.address, a.action, a.entity, a.entity_id, a.detail",
	.from = " FROM audit a",
	.filters = audit_filters, .nfilters = AF__MAX,
	.sorts = audit_sorts, .nsorts = 1, .desc_default = true,
	.per_page = 100,
};

/* GET /admin/audit: every state change, newest first, filterable. */
/* The columns of an audit entry, shown under the same names. */
static const char *const audit_cols[] = { "at", "actor", "address",
    "action", "entity", "entity_id", "detail" };

static int
audit_list(struct req *r)
{
	struct tdict *d = page_body(r);
	struct list l;
	int rc;

	list_init(&l, &audit_list_def);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ENTRY");

		for (size_t c = 0; c < sizeof(audit_cols) / sizeof(audit_cols[0]);
		    c++)
			tdict_set(row, audit_cols[c],
			    dbres_text_col(l.rows, i, audit_cols[c]));
	}
	admin_tabs(r, "audit");
	rc = page_send(r, list_status(&l), "admin/audit.tpl",
	    "admin_audit_title", "admin");
out:
	list_done(&l);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/admin/", ROLE_ADMIN, people_list },
	{ "GET", "/admin/audit", ROLE_ADMIN, audit_list },
};

const struct route_set people_route_set = ROUTE_SET(routes);
