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

#define PAGE_SIZE 50

enum stmt {
	STMT_PEOPLE_COUNT,
	STMT_AUDIT,
	STMT_AUDIT_COUNT,
	STMT__MAX
};

/* The filters of the people list, in the order of their parameters. */
#define PEOPLE_WHERE \
	" WHERE (? = '' OR login LIKE CONCAT('%', ?, '%')" \
	"  OR name LIKE CONCAT('%', ?, '%'))" \
	" AND (? = '' OR team = ?)" \
	" AND (? = 0 OR (roles & ?) <> 0)" \
	" AND (? = '' OR (? = 'active') = active)"

#define AUDIT_WHERE \
	" WHERE (? = '' OR actor = ?) AND (? = '' OR action = ?)" \
	" AND (? = '' OR entity = ?) AND (? = '' OR entity_id = ?)" \
	" AND (? = '' OR at >= ?) AND (? = '' OR at < ? + INTERVAL 1 DAY)"

#define PEOPLE_SELECT \
	"SELECT login, name, email, department, team, manager_login, roles," \
	" active, DATE_FORMAT(last_login_at, '%Y-%m-%d %H:%i')," \
	" DATE_FORMAT(synced_at, '%Y-%m-%d %H:%i') FROM people" PEOPLE_WHERE \
	" ORDER BY "

/* One statement per sort order and direction (index 2k and 2k+1 for
 * people_sort_names[k]) keeps ORDER BY out of any parameter. */
static const char *const people_by[] = {
	PEOPLE_SELECT "login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "login DESC LIMIT ? OFFSET ?",
	PEOPLE_SELECT "name, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "name DESC, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "department, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "department DESC, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "team, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "team DESC, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "last_login_at, login LIMIT ? OFFSET ?",
	PEOPLE_SELECT "last_login_at DESC, login LIMIT ? OFFSET ?",
};

static struct db_table people_list_db = DB_TABLE("admin-people", people_by);

static const char *const stmts[STMT__MAX] = {
	[STMT_PEOPLE_COUNT] = "SELECT COUNT(*) FROM people" PEOPLE_WHERE,
	[STMT_AUDIT] =
	    "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'), actor, address,"
	    " action, entity, entity_id, detail FROM audit" AUDIT_WHERE
	    " ORDER BY id DESC LIMIT ? OFFSET ?",
	[STMT_AUDIT_COUNT] = "SELECT COUNT(*) FROM audit" AUDIT_WHERE,
};

static struct db_table admin_db = DB_TABLE("admin", stmts);

enum pfield { PF_Q, PF_TEAM, PF_ROLE, PF_STATUS, PF_SORT, PF_DIR, PF_PAGE,
    PF__MAX };

static const char *const role_codes[] = { "sales", "manager", "hr",
    "finance", "reviewer", "management", "admin", NULL };
static const char *const status_codes[] = { "active", "inactive", NULL };
static const char *const people_sort_names[] = { "login", "name",
    "department", "team", "last_login", NULL };
static const char *const dirs[] = { "asc", "desc", NULL };

static const struct field people_fields[PF__MAX] = {
	[PF_Q] = { "q", form_text, 0, 0, 64, "admin_filter_invalid", NULL },
	[PF_TEAM] = { "team", form_text, 0, 0, 64, "admin_filter_invalid",
	    NULL },
	[PF_ROLE] = { "role", form_oneof, 0, 0, 0, "admin_filter_invalid",
	    role_codes },
	[PF_STATUS] = { "status", form_oneof, 0, 0, 0, "admin_filter_invalid",
	    status_codes },
	[PF_SORT] = { "sort", form_oneof, 0, 0, 0, "admin_filter_invalid",
	    people_sort_names },
	[PF_DIR] = { "dir", form_oneof, 0, 0, 0, "admin_filter_invalid", dirs },
	[PF_PAGE] = { "page", form_int64, 0, 1, 100000, "admin_filter_invalid",
	    NULL },
};

/* Builds "?k=v&..." of the current filters (without page) for links. */
static void
filters_query(struct req *r, const struct form *f, const char *const *names,
    size_t n, char *buf, size_t len)
{
	size_t o = 0;

	(void)r;
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		const char *v = form_str(f, k);

		if (v == NULL || *v == '\0' || strcmp(names[k], "page") == 0)
			continue;
		o += snprintf(buf + o, o < len ? len - o : 0, "%s=", names[k]);
		for (const unsigned char *p = (const unsigned char *)v;
		    *p != '\0' && o + 4 < len; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || strchr("-_.", *p))
				buf[o++] = (char)*p;
			else
				o += snprintf(buf + o, len - o, "%%%02X", *p);
		}
		if (o + 1 < len)
			buf[o++] = '&';
		buf[o < len ? o : len - 1] = '\0';
	}
}

static void
pager(struct tdict *d, const char *base, const char *query, int64_t page,
    int64_t total, int64_t size)
{
	int64_t pages = (total + size - 1) / size;
	char href[2048];

	tdict_set_int(d, "total", total);
	tdict_set_int(d, "page", page);
	tdict_set_int(d, "pages", pages > 0 ? pages : 1);
	if (page > 1) {
		snprintf(href, sizeof(href), "%s?%spage=%lld", base, query,
		    (long long)(page - 1));
		tdict_set(tdict_add_section(d, "PREV"), "href", href);
	}
	if (page < pages) {
		snprintf(href, sizeof(href), "%s?%spage=%lld", base, query,
		    (long long)(page + 1));
		tdict_set(tdict_add_section(d, "NEXT"), "href", href);
	}
}

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
	struct dbres *res = NULL, *cnt = NULL;
	struct form f;
	const char *q, *team, *status, *sort, *dir;
	int64_t role_bits = 0, page, total;
	char query[2048];
	int rc, sort_idx;

	if ((rc = form_validate(&f, people_fields, PF__MAX, &r->q)) == TC_ENOMEM)
		goto out;
	q = form_str(&f, PF_Q) ? form_str(&f, PF_Q) : "";
	team = form_str(&f, PF_TEAM) ? form_str(&f, PF_TEAM) : "";
	status = form_str(&f, PF_STATUS) ? form_str(&f, PF_STATUS) : "";
	if (form_str(&f, PF_ROLE) != NULL)
		role_bits = 1 << form_int(&f, PF_ROLE, 0);
	sort_idx = (int)form_int(&f, PF_SORT, 1);
	sort = people_sort_names[sort_idx];
	dir = form_int(&f, PF_DIR, 0) == 1 ? "desc" : "asc";
	page = form_int(&f, PF_PAGE, 1);

#define PEOPLE_ARGS P_TEXT(q), P_TEXT(q), P_TEXT(q), P_TEXT(team), \
	P_TEXT(team), P_INT(role_bits), P_INT(role_bits), P_TEXT(status), \
	P_TEXT(status)
	if ((rc = db_query(r->app->db, &admin_db, STMT_PEOPLE_COUNT,
	    DB_ARGS(PEOPLE_ARGS), &cnt)) != 0)
		goto out;
	total = dbres_int(cnt, 0, 0);
	if ((rc = db_query(r->app->db, &people_list_db,
	    sort_idx * 2 + (strcmp(dir, "desc") == 0),
	    DB_ARGS(PEOPLE_ARGS, P_INT(PAGE_SIZE),
	    P_INT((page - 1) * PAGE_SIZE)), &res)) != 0)
		goto out;
#undef PEOPLE_ARGS

	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "PERSON");

		tdict_set(row, "login", dbres_text(res, i, 0));
		tdict_set(row, "name", dbres_text(res, i, 1));
		tdict_set(row, "email", dbres_text(res, i, 2));
		tdict_set(row, "department", dbres_text(res, i, 3));
		tdict_set(row, "team", dbres_text(res, i, 4));
		tdict_set(row, "manager", dbres_text(res, i, 5));
		roles_labels(r, row, (unsigned)dbres_int(res, i, 6));
		tdict_show_section(row, dbres_int(res, i, 7) ? "ACTIVE" :
		    "INACTIVE");
		tdict_set(row, "last_login", dbres_text(res, i, 8));
		tdict_set(row, "synced", dbres_text(res, i, 9));
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
	tdict_set(d, "q", q);
	tdict_set(d, "team", team);
	for (size_t k = 0; role_codes[k] != NULL; k++) {
		struct tdict *o = tdict_add_section(d, "ROLE_OPTION");

		tdict_set(o, "value", role_codes[k]);
		tdict_set(o, "label", tr(r, role_key((unsigned)k)));
		if (role_bits == (1 << k))
			tdict_show_section(o, "SELECTED");
	}
	tdict_show_section(d, strcmp(status, "active") == 0 ?
	    "STATUS_ACTIVE" : strcmp(status, "inactive") == 0 ?
	    "STATUS_INACTIVE" : "STATUS_ANY");
	/* Sortable headers: each links to its own order, keeping the
	 * filters, flipping the direction of the current one. */
	filters_query(r, &f, (const char *[]){ "q", "team", "role", "status" },
	    PF_SORT, query, sizeof(query));
	for (size_t k = 0; people_sort_names[k] != NULL; k++) {
		const char *col = people_sort_names[k];
		bool current = strcmp(sort, col) == 0;
		char href[2300], name[64];

		snprintf(name, sizeof(name), "sort_%s", col);
		snprintf(href, sizeof(href), "?%ssort=%s&dir=%s", query, col,
		    current && strcmp(dir, "asc") == 0 ? "desc" : "asc");
		tdict_set(d, name, href);
		snprintf(name, sizeof(name), "aria_%s", col);
		tdict_set(d, name, !current ? "none" :
		    strcmp(dir, "asc") == 0 ? "ascending" : "descending");
	}
	{
		size_t o = strlen(query);

		snprintf(query + o, sizeof(query) - o, "sort=%s&dir=%s&", sort,
		    dir);
	}
	pager(d, "/admin/", query, page, total, PAGE_SIZE);
	admin_tabs(r, "people");
	rc = page_send(r, 200, "admin/people.tpl", "admin_people_title",
	    "admin");
out:
	dbres_free(res);
	dbres_free(cnt);
	form_free(&f);
	return rc;
}

enum afield { AF_ACTOR, AF_ACTION, AF_ENTITY, AF_ENTITY_ID, AF_FROM, AF_TO,
    AF_PAGE, AF__MAX };

static const struct field audit_fields[AF__MAX] = {
	[AF_ACTOR] = { "actor", form_text, 0, 0, 64, "admin_filter_invalid",
	    NULL },
	[AF_ACTION] = { "action", form_text, 0, 0, 64, "admin_filter_invalid",
	    NULL },
	[AF_ENTITY] = { "entity", form_text, 0, 0, 64, "admin_filter_invalid",
	    NULL },
	[AF_ENTITY_ID] = { "entity_id", form_text, 0, 0, 64,
	    "admin_filter_invalid", NULL },
	[AF_FROM] = { "from", form_date, 0, 0, 0, "admin_date_invalid", NULL },
	[AF_TO] = { "to", form_date, 0, 0, 0, "admin_date_invalid", NULL },
	[AF_PAGE] = { "page", form_int64, 0, 1, 1000000, "admin_filter_invalid",
	    NULL },
};

/* GET /admin/audit: every state change, newest first, filterable. */
static int
audit_list(struct req *r)
{
	static const char *const names[AF__MAX] = { "actor", "action",
	    "entity", "entity_id", "from", "to", "page" };
	struct tdict *d = page_body(r);
	struct dbres *res = NULL, *cnt = NULL;
	const char *v[AF_PAGE];
	struct form f;
	int64_t page, total;
	char query[2048];
	int rc, status = 200;

	if ((rc = form_validate(&f, audit_fields, AF__MAX, &r->q)) == TC_ENOMEM)
		goto out;
	for (size_t k = 0; k < AF_PAGE; k++) {
		/* An invalid filter is shown as typed, with its message,
		 * and filters nothing. */
		v[k] = form_str(&f, k) != NULL ? form_str(&f, k) : "";
		tdict_set(d, names[k], f.e[k].raw);
		if (f.e[k].err != 0) {
			char sec[64];

			snprintf(sec, sizeof(sec), "%s_ERROR", k == AF_FROM ?
			    "FROM" : k == AF_TO ? "TO" : "FILTER");
			tdict_set(tdict_add_section(d, sec), "message",
			    tr(r, f.e[k].msg));
			status = 400;
		}
	}
	page = form_int(&f, AF_PAGE, 1);
#define AUDIT_ARGS P_TEXT(v[AF_ACTOR]), P_TEXT(v[AF_ACTOR]), \
	P_TEXT(v[AF_ACTION]), P_TEXT(v[AF_ACTION]), P_TEXT(v[AF_ENTITY]), \
	P_TEXT(v[AF_ENTITY]), P_TEXT(v[AF_ENTITY_ID]), \
	P_TEXT(v[AF_ENTITY_ID]), P_TEXT(v[AF_FROM]), P_TEXT(v[AF_FROM]), \
	P_TEXT(v[AF_TO]), P_TEXT(v[AF_TO])
	if ((rc = db_query(r->app->db, &admin_db, STMT_AUDIT_COUNT,
	    DB_ARGS(AUDIT_ARGS), &cnt)) != 0 ||
	    (rc = db_query(r->app->db, &admin_db, STMT_AUDIT,
	    DB_ARGS(AUDIT_ARGS, P_INT(100), P_INT((page - 1) * 100)), &res)) != 0)
		goto out;
#undef AUDIT_ARGS
	total = dbres_int(cnt, 0, 0);
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "ENTRY");

		tdict_set(row, "at", dbres_text(res, i, 0));
		tdict_set(row, "actor", dbres_text(res, i, 1));
		tdict_set(row, "address", dbres_text(res, i, 2));
		tdict_set(row, "action", dbres_text(res, i, 3));
		tdict_set(row, "entity", dbres_text(res, i, 4));
		tdict_set(row, "entity_id", dbres_text(res, i, 5));
		tdict_set(row, "detail", dbres_text(res, i, 6));
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
	filters_query(r, &f, names, AF__MAX, query, sizeof(query));
	pager(d, "/admin/audit", query, page, total, 100);
	admin_tabs(r, "audit");
	rc = page_send(r, status, "admin/audit.tpl", "admin_audit_title",
	    "admin");
out:
	dbres_free(res);
	dbres_free(cnt);
	form_free(&f);
	return rc;
}

static const struct route routes[] = {
	{ "GET", "/admin/", ROLE_ADMIN, people_list },
	{ "GET", "/admin/audit", ROLE_ADMIN, audit_list },
};

const struct route_set people_route_set = ROUTE_SET(routes);
