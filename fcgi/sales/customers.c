/* customers.c: customers and their contacts.
 *
 * A rep sees and edits their own customers, a manager the team's, other
 * roles read all (scope.h); someone else's id is simply not found (404).
 * A customer's code is generated (C000123) when left empty, else checked
 * for uniqueness, and never changes afterwards.  A name already used by
 * another customer of the same region is flagged, and saved only when the
 * person confirms.  Every change writes the audit table in the same
 * transaction. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/fmt.h"
#include "core/form.h"
#include "sales/customers-code.h"
#include "sales/sales.h"
#include "sales/scope.h"

#define PAGE_SIZE 50
#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)

/* --- statements ------------------------------------------------------ */

#define LIST_FROM \
	" FROM customers c JOIN regions r ON r.id = c.region_id" \
	" JOIN channels ch ON ch.id = c.channel_id" \
	" JOIN people p ON p.id = c.owner_id" \
	" WHERE " SCOPE_SQL("c.owner_id") \
	" AND (? = '' OR c.name LIKE ? OR CONVERT(c.code USING utf8mb4) LIKE ?)" \
	" AND (? = 0 OR c.region_id = ?) AND (? = 0 OR c.owner_id = ?)" \
	" AND (? = '' OR c.status = ?)"

#define LIST_SQL \
	"SELECT c.id, c.code, c.name, r.name_zh, r.name_en, c.industry," \
	" ch.name_zh, ch.name_en, p.name, c.status," \
	" (SELECT COUNT(*) FROM contacts k WHERE k.customer_id = c.id)" \
	" AS ncontacts, DATE(c.updated_at)" LIST_FROM

/* The sortable columns: name in the URL, fixed SQL. */
#define SORTS(X) \
	X(code, "c.code") X(name, "c.name") X(region, "r.code") \
	X(industry, "c.industry") X(channel, "ch.code") X(owner, "p.name") \
	X(status, "c.status") X(contacts, "ncontacts") \
	X(updated, "c.updated_at")

#define SORT_ENUM(n, col) Q_LIST_##n##_asc, Q_LIST_##n##_desc,
#define SORT_SQL(n, col) \
	[Q_LIST_##n##_asc] = LIST_SQL " ORDER BY " col " ASC, c.id ASC" \
	    " LIMIT ? OFFSET ?", \
	[Q_LIST_##n##_desc] = LIST_SQL " ORDER BY " col " DESC, c.id DESC" \
	    " LIMIT ? OFFSET ?",
#define SORT_ROW(n, col) { #n, Q_LIST_##n##_asc },

enum stmt {
	SORTS(SORT_ENUM)
	Q_COUNT,
	Q_GET,
	Q_DUPS,
	Q_CODE_TAKEN,
	Q_MAX_CODE,
	Q_INSERT,
	Q_UPDATE,
	Q_REGIONS,
	Q_CHANNELS,
	Q_OWNERS,
	Q_CONTACTS,
	Q_CONTACT_GET,
	Q_CONTACT_INSERT,
	Q_CONTACT_UPDATE,
	Q_CONTACT_DELETE,
	Q_ACTIVITIES,
	Q_OPPS,
	Q_ORDERS,
	Q_SUMMARY,
	Q_INDUSTRIES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	SORTS(SORT_SQL)
	[Q_COUNT] =
	    "SELECT COUNT(*), COALESCE(SUM(c.status = 'active'), 0),"
	    " COALESCE(SUM(c.status = 'prospect'), 0),"
	    " COALESCE(SUM(c.status = 'inactive'), 0)" LIST_FROM,
	/* write scope (can_edit), id, read scope */
	[Q_GET] =
	    "SELECT c.id, c.code, c.name, c.region_id, r.name_zh, r.name_en,"
	    " c.industry, c.channel_id, ch.name_zh, ch.name_en, c.owner_id,"
	    " p.name, c.status, c.created_at, c.updated_at, "
	    SCOPE_SQL("c.owner_id") ", p.login"
	    " FROM customers c JOIN regions r ON r.id = c.region_id"
	    " JOIN channels ch ON ch.id = c.channel_id"
	    " JOIN people p ON p.id = c.owner_id"
	    " WHERE c.id = ? AND " SCOPE_SQL("c.owner_id"),
	[Q_DUPS] =
	    "SELECT c.id, c.code, c.name, p.name FROM customers c"
	    " JOIN people p ON p.id = c.owner_id"
	    " WHERE c.region_id = ? AND LOWER(TRIM(c.name)) = LOWER(?)"
	    " AND c.id <> ? ORDER BY c.code",
	[Q_CODE_TAKEN] =
	    "SELECT id FROM customers WHERE code = ?",
	[Q_MAX_CODE] =
	    "SELECT code FROM customers WHERE code REGEXP '^C[0-9]{6,18}$'"
	    " ORDER BY CHAR_LENGTH(code) DESC, code DESC LIMIT 1",
	[Q_INSERT] =
	    "INSERT INTO customers (code, name, region_id, industry,"
	    " channel_id, owner_id, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
	[Q_UPDATE] =
	    "UPDATE customers c SET c.name = ?, c.region_id = ?,"
	    " c.industry = ?, c.channel_id = ?, c.owner_id = ?, c.status = ?"
	    " WHERE c.id = ? AND " SCOPE_SQL("c.owner_id"),
	[Q_REGIONS] =
	    "SELECT id, name_zh, name_en, active FROM regions ORDER BY id",
	[Q_CHANNELS] =
	    "SELECT id, name_zh, name_en, active FROM channels ORDER BY id",
	/* active people with the sales role, in scope */
	[Q_OWNERS] =
	    "SELECT p.id, p.name, p.login FROM people p WHERE p.active"
	    " AND (CAST(p.roles AS UNSIGNED) & 1) <> 0 AND "
	    SCOPE_SQL("p.id") " ORDER BY p.name, p.login",
	[Q_CONTACTS] =
	    "SELECT id, name, title, phone, email FROM contacts"
	    " WHERE customer_id = ? ORDER BY name, id",
	[Q_CONTACT_GET] =
	    "SELECT id, name, title, phone, email FROM contacts"
	    " WHERE id = ? AND customer_id = ?",
	[Q_CONTACT_INSERT] =
	    "INSERT INTO contacts (customer_id, name, title, phone, email)"
	    " VALUES (?, ?, ?, ?, ?)",
	[Q_CONTACT_UPDATE] =
	    "UPDATE contacts SET name = ?, title = ?, phone = ?, email = ?"
	    " WHERE id = ? AND customer_id = ?",
	[Q_CONTACT_DELETE] =
	    "DELETE FROM contacts WHERE id = ? AND customer_id = ?",
	[Q_ACTIVITIES] =
	    "SELECT a.id, a.kind, a.activity_date, a.notes, a.next_step,"
	    " p.name, a.opportunity_id FROM activities a"
	    " JOIN people p ON p.id = a.owner_id"
	    " WHERE a.customer_id = ? AND " SCOPE_SQL("a.owner_id")
	    " ORDER BY a.activity_date DESC, a.id DESC LIMIT 10",
	[Q_OPPS] =
	    "SELECT o.id, o.title, o.stage, o.amount, o.expected_close,"
	    " p.name FROM opportunities o JOIN people p ON p.id = o.owner_id"
	    " JOIN stages s ON s.code = o.stage"
	    " WHERE o.customer_id = ? AND " SCOPE_SQL("o.owner_id")
	    " ORDER BY s.is_open DESC, o.expected_close DESC, o.id DESC"
	    " LIMIT 10",
	[Q_ORDERS] =
	    "SELECT o.id, o.order_no, o.order_date, o.status,"
	    " COALESCE(SUM(l.amount), 0), o.original_order_id"
	    " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id"
	    " WHERE o.customer_id = ? AND " SCOPE_ORDER_SQL("o.id")
	    " GROUP BY o.id, o.order_no, o.order_date, o.status,"
	    " o.original_order_id"
	    " ORDER BY o.order_date DESC, o.id DESC LIMIT 10",
	/* id, scope; id, scope; id, scope */
	[Q_SUMMARY] =
	    "SELECT (SELECT COALESCE(SUM(l.amount), 0) FROM orders o"
	    "  JOIN order_lines l ON l.order_id = o.id"
	    "  WHERE o.customer_id = ? AND o.status = 'booked'"
	    "  AND l.status = 'booked' AND " SCOPE_ORDER_SQL("o.id") "),"
	    " (SELECT COUNT(*) FROM opportunities o JOIN stages s"
	    "  ON s.code = o.stage WHERE o.customer_id = ? AND s.is_open"
	    "  AND " SCOPE_SQL("o.owner_id") "),"
	    " (SELECT COALESCE(SUM(o.amount), 0) FROM opportunities o"
	    "  JOIN stages s ON s.code = o.stage WHERE o.customer_id = ?"
	    "  AND s.is_open AND " SCOPE_SQL("o.owner_id") ")",
	/* the industries already used, offered while typing */
	[Q_INDUSTRIES] =
	    "SELECT industry FROM customers WHERE industry <> ''"
	    " GROUP BY industry ORDER BY COUNT(*) DESC, industry LIMIT 50",
};

static struct db_table customers_db = DB_TABLE("customers", stmts);

static const struct sort { const char *name; int asc; } sorts[] = {
	SORTS(SORT_ROW)
};

/* Columns of Q_GET. */
enum { G_ID, G_CODE, G_NAME, G_REGION, G_REGION_ZH, G_REGION_EN,
    G_INDUSTRY, G_CHANNEL, G_CHANNEL_ZH, G_CHANNEL_EN, G_OWNER,
    G_OWNER_NAME, G_STATUS, G_CREATED, G_UPDATED, G_CAN_EDIT,
    G_OWNER_LOGIN };

static const char *const statuses[] = { "prospect", "active", "inactive",
    NULL };

/* --- small helpers --------------------------------------------------- */

static bool
is_en(const struct req *r)
{
	return strcmp(r->lang, "en") == 0;
}

/* Text of the zh column or, in English, the column after it. */
static const char *
local(const struct req *r, const struct dbres *res, size_t row, size_t zh)
{
	return dbres_text(res, row, is_en(r) ? zh + 1 : zh);
}

/* Appends "name=value" (value percent-encoded) to buf, with '&' first
 * when buf is not empty. */
static void
qs_add(char *buf, size_t len, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = strlen(buf);

	if (value == NULL || *value == '\0')
		return;
	o += (size_t)snprintf(buf + o, o < len ? len - o : 0, "%s%s=",
	    o > 0 ? "&" : "", name);
	for (const unsigned char *p = (const unsigned char *)value;
	    *p != '\0' && o + 4 < len; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.')
			buf[o++] = (char)*p;
		else {
			buf[o++] = '%';
			buf[o++] = hex[*p >> 4];
			buf[o++] = hex[*p & 15];
		}
	}
	if (o < len)
		buf[o] = '\0';
}

static void
like_pattern(char *buf, size_t len, const char *q)
{
	size_t o = 0;

	buf[o++] = '%';
	for (; *q != '\0' && o + 3 < len; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			buf[o++] = '\\';
		buf[o++] = *q;
	}
	buf[o++] = '%';
	buf[o] = '\0';
}

/* A positive integer query parameter, or 0. */
static int64_t
q_id(const struct req *r, const char *name)
{
	const char *s = req_get(&r->q, name);
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 ? v : 0;
}

static void
set_status_badge(struct req *r, struct tdict *d, const char *status)
{
	char key[48];

	snprintf(key, sizeof(key), "sales_customer_%s", status);
	tdict_set(d, "status", status);
	tdict_set(d, "status_label", tr(r, key));
	tdict_set(d, "status_class", strcmp(status, "active") == 0 ? "ok" :
	    strcmp(status, "prospect") == 0 ? "info" : "draft");
}

/* Adds option rows of a people picker (Q_OWNERS in scope s). */
static int
owner_options(struct req *r, struct tdict *d, const char *section,
    const struct scope *s, int64_t selected)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &customers_db, Q_OWNERS,
	    DB_ARGS(SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *o = tdict_add_section(d, section);

		tdict_set(o, "id", dbres_text(res, i, 0));
		tdict_set(o, "label", dbres_text(res, i, 1));
		tdict_set(o, "login", dbres_text(res, i, 2));
		if (dbres_int(res, i, 0) == selected)
			tdict_show_section(o, "SELECTED");
	}
	dbres_free(res);
	return 0;
}

/* Adds option rows of regions or channels: active ones, and the one
 * selected even when inactive. */
static int
ref_options(struct req *r, struct tdict *d, const char *section, int stmt,
    int64_t selected, bool all)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &customers_db, stmt, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		int64_t id = dbres_int(res, i, 0);
		struct tdict *o;

		if (!all && !dbres_int(res, i, 3) && id != selected)
			continue;
		o = tdict_add_section(d, section);
		tdict_set_int(o, "id", id);
		tdict_set(o, "label", local(r, res, i, 1));
		if (id == selected)
			tdict_show_section(o, "SELECTED");
	}
	dbres_free(res);
	return 0;
}

/* Whether id is a row of stmt (regions or channels) that may be picked:
 * active, or the current value current. */
static int
ref_ok(struct req *r, int stmt, int64_t id, int64_t current, bool *ok)
{
	struct dbres *res;
	int rc;

	*ok = false;
	if ((rc = db_query(r->app->db, &customers_db, stmt, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		if (dbres_int(res, i, 0) == id && (dbres_int(res, i, 3) ||
		    id == current))
			*ok = true;
	dbres_free(res);
	return 0;
}

/* --- the list -------------------------------------------------------- */

static int
list_get(struct req *r)
{
	struct scope s = scope_read(r);
	struct tdict *d = page_body(r);
	const char *sort = req_get(&r->q, "sort"), *dir = req_get(&r->q,
	    "dir"), *status = req_get(&r->q, "status"), *done;
	char q[128], like[300], base[512], url[640];
	int64_t region = q_id(r, "region"), owner = q_id(r, "owner");
	int64_t pg = q_id(r, "page"), total, pages;
	int stmt = -1;
	bool desc;
	struct dbres *res;
	int rc;

	/* the filters, as understood */
	{
		const char *qs = req_get(&r->q, "q");

		if (qs == NULL)
			qs = "";
		if (cust_name_clean(qs, q, sizeof(q)) < 0)
			q[0] = '\0';
	}
	like_pattern(like, sizeof(like), q);
	{
		bool known = false;

		for (size_t i = 0; status != NULL && statuses[i] != NULL; i++)
			if (strcmp(status, statuses[i]) == 0)
				known = true;
		if (!known)
			status = "";
	}
	for (size_t i = 0; sort != NULL && i < sizeof(sorts) / sizeof(sorts[0]);
	    i++)
		if (strcmp(sort, sorts[i].name) == 0)
			stmt = sorts[i].asc;
	if (stmt < 0) {
		sort = "name";
		stmt = Q_LIST_name_asc;
	}
	desc = dir != NULL && strcmp(dir, "desc") == 0;
	if (desc)
		stmt++;
	if (pg < 1)
		pg = 1;

#define FILTER_ARGS SCOPE_ARGS(&s), P_TEXT(q), P_TEXT(like), P_TEXT(like), \
	P_INT(region), P_INT(region), P_INT(owner), P_INT(owner), \
	P_TEXT(status), P_TEXT(status)
	if ((rc = db_query(r->app->db, &customers_db, Q_COUNT,
	    DB_ARGS(FILTER_ARGS), &res)) != 0)
		return rc;
	total = dbres_int(res, 0, 0);
	tdict_set_int(d, "total", total);
	tdict_set_int(d, "n_active", dbres_int(res, 0, 1));
	tdict_set_int(d, "n_prospect", dbres_int(res, 0, 2));
	tdict_set_int(d, "n_inactive", dbres_int(res, 0, 3));
	dbres_free(res);
	pages = total > 0 ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1;
	if (pg > pages)
		pg = pages;
	if ((rc = db_query(r->app->db, &customers_db, stmt,
	    DB_ARGS(FILTER_ARGS, P_INT(PAGE_SIZE),
	    P_INT((pg - 1) * PAGE_SIZE)), &res)) != 0)
		return rc;
#undef FILTER_ARGS

	if ((done = req_get(&r->q, "done")) != NULL &&
	    strcmp(done, "created") == 0)
		page_flash(r, "ok", tr(r, "cust_done_created"));
	sales_tabs(r, "customers");
	if (has_role(r, SALES_ROLES))
		tdict_show_section(d, "CAN_CREATE");
	tdict_set(d, "q", q);

	/* filter pickers */
	{
		char buf[24];

		if ((rc = ref_options(r, d, "REGION_OPTION", Q_REGIONS, region,
		    true)) != 0 ||
		    (rc = owner_options(r, d, "OWNER_OPTION", &s, owner)) != 0) {
			dbres_free(res);
			return rc;
		}
		for (size_t i = 0; statuses[i] != NULL; i++) {
			struct tdict *o = tdict_add_section(d, "STATUS_OPTION");

			snprintf(buf, sizeof(buf), "sales_customer_%s",
			    statuses[i]);
			tdict_set(o, "value", statuses[i]);
			tdict_set(o, "label", tr(r, buf));
			if (strcmp(status, statuses[i]) == 0)
				tdict_show_section(o, "SELECTED");
		}
	}

	/* the query string of the filters, for sort and pager links */
	base[0] = '\0';
	qs_add(base, sizeof(base), "q", q);
	if (region > 0) {
		char b[24];

		snprintf(b, sizeof(b), "%lld", (long long)region);
		qs_add(base, sizeof(base), "region", b);
	}
	if (owner > 0) {
		char b[24];

		snprintf(b, sizeof(b), "%lld", (long long)owner);
		qs_add(base, sizeof(base), "owner", b);
	}
	qs_add(base, sizeof(base), "status", status);
	if (base[0] != '\0' || strcmp(sort, "name") != 0 || desc)
		tdict_show_section(d, "FILTERED");

	/* column heads: a link that sorts, and the current order */
	for (size_t i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++) {
		char sec[32], key[32];
		struct tdict *h;
		bool cur = strcmp(sort, sorts[i].name) == 0;

		snprintf(sec, sizeof(sec), "SORT_%s", sorts[i].name);
		for (char *c = sec; *c != '\0'; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		h = tdict_add_section(d, sec);
		snprintf(url, sizeof(url), "/sales/customers?%s%ssort=%s&dir=%s",
		    base, base[0] != '\0' ? "&" : "", sorts[i].name,
		    cur && !desc ? "desc" : "asc");
		tdict_set(h, "href", url);
		snprintf(key, sizeof(key), "cust_col_%s", sorts[i].name);
		tdict_set(h, "label", tr(r, key));
		if (cur)
			tdict_set(h, "aria_sort", desc ? "descending" :
			    "ascending");
		else
			tdict_set(h, "aria_sort", "none");
	}

	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
	else
		tdict_show_section(d, "HAS_ROWS");
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *row = tdict_add_section(d, "ROW");

		tdict_set(row, "id", dbres_text(res, i, 0));
		tdict_set(row, "code", dbres_text(res, i, 1));
		tdict_set(row, "name", dbres_text(res, i, 2));
		tdict_set(row, "region", local(r, res, i, 3));
		tdict_set(row, "industry", dbres_text(res, i, 5));
		tdict_set(row, "channel", local(r, res, i, 6));
		tdict_set(row, "owner", dbres_text(res, i, 8));
		set_status_badge(r, row, dbres_text(res, i, 9));
		tdict_set(row, "contacts", dbres_text(res, i, 10));
		tdict_set(row, "updated", dbres_text(res, i, 11));
	}
	dbres_free(res);

	/* pager */
	tdict_set_int(d, "page", pg);
	tdict_set_int(d, "pages", pages);
	tdict_set_int(d, "from", total > 0 ? (pg - 1) * PAGE_SIZE + 1 : 0);
	tdict_set_int(d, "to", pg * PAGE_SIZE < total ? pg * PAGE_SIZE :
	    total);
	if (pages > 1) {
		struct tdict *p = tdict_add_section(d, "PAGER");
		char sq[96];

		snprintf(sq, sizeof(sq), "sort=%s&dir=%s", sort,
		    desc ? "desc" : "asc");
		for (int64_t n = 1; n <= pages; n++) {
			struct tdict *e;

			if (n != 1 && n != pages && (n < pg - 2 || n > pg + 2)) {
				if (n == pg - 3 || n == pg + 3)
					tdict_show_section(tdict_add_section(p,
					    "PAGE_ITEM"), "IS_GAP");
				continue;
			}
			snprintf(url, sizeof(url),
			    "/sales/customers?%s%s%s&page=%lld", base,
			    base[0] != '\0' ? "&" : "", sq, (long long)n);
			e = tdict_add_section(p, "PAGE_ITEM");
			if (n == pg) {
				e = tdict_add_section(e, "IS_CURRENT");
			} else {
				e = tdict_add_section(e, "IS_LINK");
				tdict_set(e, "href", url);
			}
			tdict_set_int(e, "n", n);
			if (n == pg - 1)
				tdict_set(tdict_add_section(p, "PREV"), "href",
				    url);
			if (n == pg + 1)
				tdict_set(tdict_add_section(p, "NEXT"), "href",
				    url);
		}
	}
	return page_send(r, 200, "sales/customers-list.tpl", "cust_title",
	    "sales");
}

/* --- the customer form ----------------------------------------------- */

enum cfield { CF_CODE, CF_NAME, CF_REGION, CF_INDUSTRY, CF_CHANNEL,
    CF_OWNER, CF_STATUS, CF__MAX };

static int
valid_cust_code(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (!cust_code_valid(in))
		return FORM_EINVALID;
	out->s = in;
	out->i = (int64_t)strlen(in);
	return 0;
}

static const struct field cust_fields[CF__MAX] = {
	[CF_CODE] = { "code", valid_cust_code, 0, 0, 0, "cust_err_code",
	    NULL },
	[CF_NAME] = { "name", form_text, 1, 1, 200, "cust_err_name", NULL },
	[CF_REGION] = { "region", form_int64, 1, 1, 4294967295LL,
	    "cust_err_region", NULL },
	[CF_INDUSTRY] = { "industry", form_text, 0, 0, 64,
	    "cust_err_industry", NULL },
	[CF_CHANNEL] = { "channel", form_int64, 1, 1, 4294967295LL,
	    "cust_err_channel", NULL },
	[CF_OWNER] = { "owner", form_int64, 0, 1, 4294967295LL,
	    "cust_err_owner", NULL },
	[CF_STATUS] = { "status", form_oneof, 1, 0, 0, "cust_err_status",
	    statuses },
};

static const char *const cust_sections[CF__MAX] = {
	"CODE", "NAME", "REGION", "INDUSTRY", "CHANNEL", "OWNER", "STATUS",
};

/* What the customer form shows. */
struct cust_form {
	const char *val[CF__MAX];
	const char *err[CF__MAX];
	int64_t id;                 /* 0: a new customer */
	const char *code;           /* of an existing customer */
	struct dbres *dups;         /* same name in the region, or NULL */
};

static int64_t
val_id(const struct cust_form *cf, int k)
{
	return cf->val[k] != NULL ? strtoll(cf->val[k], NULL, 10) : 0;
}

static int
cust_form_page(struct req *r, int status, const struct cust_form *cf)
{
	struct tdict *d = page_body(r);
	struct scope w = scope_write(r);
	char buf[96];
	int rc;

	sales_tabs(r, "customers");
	for (int k = 0; k < CF__MAX; k++) {
		tdict_set(d, cust_fields[k].name, cf->val[k] != NULL ?
		    cf->val[k] : "");
		if (cf->err[k] != NULL) {
			snprintf(buf, sizeof(buf), "%s_ERROR", cust_sections[k]);
			tdict_set(tdict_add_section(d, buf), "error",
			    tr(r, cf->err[k]));
		}
	}
	if (status >= 400)
		tdict_show_section(d, "FORM_ERRORS");
	if (cf->id > 0) {
		struct tdict *e = tdict_add_section(d, "EDITING");

		tdict_set(e, "code", cf->code);
		tdict_set_int(d, "id", cf->id);
		snprintf(buf, sizeof(buf), "/sales/customers/%lld/edit",
		    (long long)cf->id);
		tdict_set(d, "action", buf);
		snprintf(buf, sizeof(buf), "/sales/customers/%lld",
		    (long long)cf->id);
		tdict_set(d, "cancel", buf);
	} else {
		tdict_show_section(d, "CREATING");
		tdict_set(d, "action", "/sales/customers/new");
		tdict_set(d, "cancel", "/sales/customers");
	}
	if ((rc = ref_options(r, d, "REGION_OPTION", Q_REGIONS,
	    val_id(cf, CF_REGION), false)) != 0 ||
	    (rc = ref_options(r, d, "CHANNEL_OPTION", Q_CHANNELS,
	    val_id(cf, CF_CHANNEL), false)) != 0)
		return rc;
	{
		struct dbres *ind;

		if ((rc = db_query(r->app->db, &customers_db, Q_INDUSTRIES,
		    DB_NOARGS, &ind)) != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(ind); i++)
			tdict_set(tdict_add_section(d, "INDUSTRY_OPTION"), "value",
			    dbres_text(ind, i, 0));
		dbres_free(ind);
	}
	if (has_role(r, ROLE_MANAGER)) {
		struct tdict *o = tdict_add_section(d, "OWNER_PICK");
		int64_t sel = val_id(cf, CF_OWNER);

		if ((rc = owner_options(r, o, "OWNER_OPTION", &w,
		    sel > 0 ? sel : r->me.id)) != 0)
			return rc;
	} else
		tdict_set(tdict_add_section(d, "OWNER_SELF"), "me",
		    r->me.name);
	for (size_t i = 0; statuses[i] != NULL; i++) {
		struct tdict *o = tdict_add_section(d, "STATUS_OPTION");

		snprintf(buf, sizeof(buf), "sales_customer_%s", statuses[i]);
		tdict_set(o, "value", statuses[i]);
		tdict_set(o, "label", tr(r, buf));
		if (cf->val[CF_STATUS] != NULL &&
		    strcmp(cf->val[CF_STATUS], statuses[i]) == 0)
			tdict_show_section(o, "SELECTED");
	}
	if (cf->dups != NULL && dbres_rows(cf->dups) > 0) {
		struct tdict *w2 = tdict_add_section(d, "DUPLICATES");

		for (size_t i = 0; i < dbres_rows(cf->dups); i++) {
			struct tdict *x = tdict_add_section(w2, "DUP");

			tdict_set(x, "code", dbres_text(cf->dups, i, 1));
			tdict_set(x, "name", dbres_text(cf->dups, i, 2));
			tdict_set(x, "owner", dbres_text(cf->dups, i, 3));
		}
	}
	return page_send(r, status, "sales/customers-form.tpl",
	    cf->id > 0 ? "cust_edit_title" : "cust_new_title", "sales");
}

/* Loads customer id in the read scope.  Returns 0 with *res (one row),
 * TC_ENOTFOUND, or a tc_err. */
static int
customer_load(struct req *r, int64_t id, struct dbres **res)
{
	struct scope rs = scope_read(r), ws = scope_write(r);
	int rc;

	if ((rc = db_query(r->app->db, &customers_db, Q_GET,
	    DB_ARGS(SCOPE_ARGS(&ws), P_INT(id), SCOPE_ARGS(&rs)), res)) != 0)
		return rc;
	if (dbres_rows(*res) == 0) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

static int
new_get(struct req *r)
{
	struct cust_form cf;
	char me[24];

	memset(&cf, 0, sizeof(cf));
	snprintf(me, sizeof(me), "%lld", (long long)r->me.id);
	cf.val[CF_OWNER] = me;
	cf.val[CF_STATUS] = "active";
	return cust_form_page(r, 200, &cf);
}

/* Saves the posted customer: id 0 creates, else updates (row old, in the
 * write scope). */
static int
cust_save(struct req *r, int64_t id, const struct dbres *old)
{
	struct scope w = scope_write(r);
	struct cust_form cf;
	struct form f;
	char name[512], code[CUST_CODE_MAX + 8], idtext[24], detail[1024];
	char ownbuf[24];
	const char *confirm = req_get(&r->form, "confirm_duplicate");
	int64_t owner, cur_region = 0, cur_channel = 0;
	uint64_t new_id = 0;
	struct dbres *res = NULL;
	bool ok;
	int rc;

	memset(&cf, 0, sizeof(cf));
	cf.id = id;
	if (old != NULL) {
		cf.code = dbres_text(old, 0, G_CODE);
		cur_region = dbres_int(old, 0, G_REGION);
		cur_channel = dbres_int(old, 0, G_CHANNEL);
	}
	if ((rc = form_validate(&f, cust_fields, CF__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	for (int k = 0; k < CF__MAX; k++) {
		cf.val[k] = f.e[k].raw;
		if (f.e[k].err != 0)
			cf.err[k] = cust_fields[k].msg;
	}
	if (id > 0) {
		/* the code never changes */
		cf.val[CF_CODE] = cf.code;
		cf.err[CF_CODE] = NULL;
	}
	/* the owner: a manager picks a rep of the team; a rep owns the
	 * customers they create, and the owner of their own stays */
	if (has_role(r, ROLE_MANAGER)) {
		owner = form_int(&f, CF_OWNER, 0);
		if (cf.err[CF_OWNER] == NULL && !f.e[CF_OWNER].present)
			cf.err[CF_OWNER] = "cust_err_owner";
		if (cf.err[CF_OWNER] == NULL) {
			if ((rc = db_query(r->app->db, &customers_db, Q_OWNERS,
			    DB_ARGS(SCOPE_ARGS(&w)), &res)) != 0)
				goto out;
			ok = false;
			for (size_t i = 0; i < dbres_rows(res); i++)
				if (dbres_int(res, i, 0) == owner)
					ok = true;
			dbres_free(res);
			res = NULL;
			if (!ok)
				cf.err[CF_OWNER] = "cust_err_owner";
		}
	} else {
		owner = old != NULL ? dbres_int(old, 0, G_OWNER) : r->me.id;
		cf.err[CF_OWNER] = NULL;
	}
	snprintf(ownbuf, sizeof(ownbuf), "%lld", (long long)owner);
	if (!has_role(r, ROLE_MANAGER))
		cf.val[CF_OWNER] = ownbuf;
	if (cf.err[CF_REGION] == NULL) {
		if ((rc = ref_ok(r, Q_REGIONS, form_int(&f, CF_REGION, 0),
		    cur_region, &ok)) != 0)
			goto out;
		if (!ok)
			cf.err[CF_REGION] = "cust_err_region";
	}
	if (cf.err[CF_CHANNEL] == NULL) {
		if ((rc = ref_ok(r, Q_CHANNELS, form_int(&f, CF_CHANNEL, 0),
		    cur_channel, &ok)) != 0)
			goto out;
		if (!ok)
			cf.err[CF_CHANNEL] = "cust_err_channel";
	}
	name[0] = '\0';
	if (cf.err[CF_NAME] == NULL &&
	    cust_name_clean(form_str(&f, CF_NAME), name, sizeof(name)) < 0)
		cf.err[CF_NAME] = "cust_err_name";
	code[0] = '\0';
	if (id == 0 && cf.err[CF_CODE] == NULL && f.e[CF_CODE].present) {
		snprintf(code, sizeof(code), "%s", form_str(&f, CF_CODE));
		if ((rc = db_query(r->app->db, &customers_db, Q_CODE_TAKEN,
		    DB_ARGS(P_TEXT(code)), &res)) != 0)
			goto out;
		if (dbres_rows(res) > 0)
			cf.err[CF_CODE] = "cust_err_code_taken";
		dbres_free(res);
		res = NULL;
	}
	for (int k = 0; k < CF__MAX; k++)
		if (cf.err[k] != NULL) {
			rc = cust_form_page(r, 400, &cf);
			goto out;
		}

	/* the same name in the region: saved only once confirmed */
	if ((rc = db_query(r->app->db, &customers_db, Q_DUPS,
	    DB_ARGS(P_INT(form_int(&f, CF_REGION, 0)), P_TEXT(name),
	    P_INT(id)), &cf.dups)) != 0)
		goto out;
	if (dbres_rows(cf.dups) > 0 && (confirm == NULL ||
	    strcmp(confirm, "1") != 0)) {
		rc = cust_form_page(r, 200, &cf);
		goto out;
	}

	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if (id > 0) {
		/* the row was found in the write scope; the scope is checked
		 * again by the UPDATE itself */
		rc = db_exec(r->app->db, &customers_db, Q_UPDATE,
		    DB_ARGS(P_TEXT(name), P_INT(form_int(&f, CF_REGION, 0)),
		    P_TEXT(form_str(&f, CF_INDUSTRY) ? form_str(&f,
		    CF_INDUSTRY) : ""), P_INT(form_int(&f, CF_CHANNEL, 0)),
		    P_INT(owner), P_TEXT(form_str(&f, CF_STATUS)), P_INT(id),
		    SCOPE_ARGS(&w)), NULL, NULL);
		snprintf(code, sizeof(code), "%s", cf.code);
	} else {
		bool generated = code[0] == '\0';

		/* a generated code may be taken meanwhile: try again */
		for (int tries = 0; tries < 5; tries++) {
			if (generated) {
				if ((rc = db_query(r->app->db, &customers_db,
				    Q_MAX_CODE, DB_NOARGS, &res)) != 0)
					break;
				rc = cust_code_next(code, sizeof(code),
				    dbres_rows(res) > 0 ? dbres_text(res, 0, 0) :
				    NULL);
				dbres_free(res);
				res = NULL;
				if (rc != 0) {
					rc = TC_EINVAL;
					break;
				}
			}
			rc = db_exec(r->app->db, &customers_db, Q_INSERT,
			    DB_ARGS(P_TEXT(code), P_TEXT(name),
			    P_INT(form_int(&f, CF_REGION, 0)),
			    P_TEXT(form_str(&f, CF_INDUSTRY) ? form_str(&f,
			    CF_INDUSTRY) : ""),
			    P_INT(form_int(&f, CF_CHANNEL, 0)), P_INT(owner),
			    P_TEXT(form_str(&f, CF_STATUS))), NULL, &new_id);
			if (rc != TC_ECONFLICT || !generated)
				break;
		}
		if (rc == TC_ECONFLICT) {
			db_rollback(r->app->db);
			cf.err[CF_CODE] = "cust_err_code_taken";
			rc = cust_form_page(r, 400, &cf);
			goto out;
		}
	}
	snprintf(idtext, sizeof(idtext), "%lld",
	    (long long)(id > 0 ? id : (int64_t)new_id));
	/* ids and codes only: names are data, read from the row */
	snprintf(detail, sizeof(detail), "code=%s region=%lld channel=%lld"
	    " owner=%lld status=%s%s", code,
	    (long long)form_int(&f, CF_REGION, 0),
	    (long long)form_int(&f, CF_CHANNEL, 0), (long long)owner,
	    form_str(&f, CF_STATUS), dbres_rows(cf.dups) > 0 ?
	    " duplicate_confirmed=1" : "");
	if (rc != 0 || (rc = audit_write(r, id > 0 ? "customer_update" :
	    "customer_create", "customer", idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	{
		char loc[96];

		snprintf(loc, sizeof(loc), "/sales/customers/%s?done=%s",
		    idtext, id > 0 ? "updated" : "created");
		rc = http_redirect(r, loc);
	}
out:
	dbres_free(res);
	dbres_free(cf.dups);
	form_free(&f);
	return rc;
}

static int
new_post(struct req *r)
{
	return cust_save(r, 0, NULL);
}

/* Loads customer ids[0] for a change: in the write scope, else 404. */
static int
load_for_edit(struct req *r, struct dbres **res)
{
	int rc;

	if ((rc = customer_load(r, r->ids[0], res)) != 0)
		return rc;
	if (dbres_int(*res, 0, G_CAN_EDIT) == 0) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

static int
edit_get(struct req *r)
{
	struct dbres *res;
	struct cust_form cf;
	int rc;

	if ((rc = load_for_edit(r, &res)) != 0)
		return rc;
	memset(&cf, 0, sizeof(cf));
	cf.id = r->ids[0];
	cf.code = dbres_text(res, 0, G_CODE);
	cf.val[CF_CODE] = cf.code;
	cf.val[CF_NAME] = dbres_text(res, 0, G_NAME);
	cf.val[CF_REGION] = dbres_text(res, 0, G_REGION);
	cf.val[CF_INDUSTRY] = dbres_text(res, 0, G_INDUSTRY);
	cf.val[CF_CHANNEL] = dbres_text(res, 0, G_CHANNEL);
	cf.val[CF_OWNER] = dbres_text(res, 0, G_OWNER);
	cf.val[CF_STATUS] = dbres_text(res, 0, G_STATUS);
	rc = cust_form_page(r, 200, &cf);
	dbres_free(res);
	return rc;
}

static int
edit_post(struct req *r)
{
	struct dbres *res;
	int rc;

	if ((rc = load_for_edit(r, &res)) != 0)
		return rc;
	rc = cust_save(r, r->ids[0], res);
	dbres_free(res);
	return rc;
}

/* --- contacts -------------------------------------------------------- */

enum kfield { KF_NAME, KF_TITLE, KF_PHONE, KF_EMAIL, KF__MAX };

/* A phone number: 3..40 of digits, blanks and + - ( ) . / and "ext". */
static int
valid_phone(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in), digits = 0;

	(void)f;
	if (n < 3 || n > 40)
		return FORM_EINVALID;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == ' ' || c == '+' || c == '-' || c == '(' ||
		    c == ')' || c == '.' || c == '/' || c == 'e' || c == 'x' ||
		    c == 't' || c == 'E' || c == 'X' || c == 'T'))
			return FORM_EINVALID;
	}
	if (digits < 3)
		return FORM_EINVALID;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

static const struct field contact_fields[KF__MAX] = {
	[KF_NAME] = { "name", form_text, 1, 1, 100, "cust_err_contact_name",
	    NULL },
	[KF_TITLE] = { "title", form_text, 0, 0, 100, "cust_err_title", NULL },
	[KF_PHONE] = { "phone", valid_phone, 0, 0, 0, "cust_err_phone", NULL },
	[KF_EMAIL] = { "email", form_email, 0, 0, 0, "cust_err_email", NULL },
};

static const char *const contact_sections[KF__MAX] = {
	"C_NAME", "C_TITLE", "C_PHONE", "C_EMAIL",
};

/* Fills the contact form fields of d from f (NULL: empty). */
static void
contact_fields_show(struct req *r, struct tdict *d, const struct form *f,
    const struct dbres *row)
{
	for (int k = 0; k < KF__MAX; k++) {
		char name[32];

		snprintf(name, sizeof(name), "c_%s", contact_fields[k].name);
		if (f != NULL) {
			tdict_set(d, name, f->e[k].raw);
			if (f->e[k].err != 0) {
				char sec[32];

				snprintf(sec, sizeof(sec), "%s_ERROR",
				    contact_sections[k]);
				tdict_set(tdict_add_section(d, sec), "error",
				    tr(r, contact_fields[k].msg));
			}
		} else if (row != NULL)
			tdict_set(d, name, dbres_text(row, 0, (size_t)k + 1));
		else
			tdict_set(d, name, "");
	}
}

/* The detail page of customer ids[0]; cf: a contact form to show again
 * with its errors (NULL: an empty one). */
static int
detail_page(struct req *r, int status, const struct form *cf)
{
	struct scope rs = scope_read(r);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL, *x = NULL;
	char buf[FMT_MONEY_SIZE], base[48];
	const char *done = req_get(&r->q, "done");
	int64_t id = r->ids[0];
	bool can_edit;
	int rc;

	if ((rc = customer_load(r, id, &res)) != 0)
		return rc;
	can_edit = dbres_int(res, 0, G_CAN_EDIT) != 0;
	sales_tabs(r, "customers");
	snprintf(base, sizeof(base), "/sales/customers/%lld", (long long)id);
	tdict_set(d, "base", base);
	tdict_set(d, "id", dbres_text(res, 0, G_ID));
	tdict_set(d, "code", dbres_text(res, 0, G_CODE));
	tdict_set(d, "name", dbres_text(res, 0, G_NAME));
	tdict_set(d, "region", local(r, res, 0, G_REGION_ZH));
	tdict_set(d, "industry", dbres_text(res, 0, G_INDUSTRY));
	if (dbres_text(res, 0, G_INDUSTRY)[0] == '\0')
		tdict_show_section(d, "NO_INDUSTRY");
	tdict_set(d, "channel", local(r, res, 0, G_CHANNEL_ZH));
	tdict_set(d, "owner", dbres_text(res, 0, G_OWNER_NAME));
	tdict_set(d, "created", dbres_text(res, 0, G_CREATED));
	tdict_set(d, "updated", dbres_text(res, 0, G_UPDATED));
	set_status_badge(r, d, dbres_text(res, 0, G_STATUS));
	if (can_edit)
		tdict_show_section(d, "CAN_EDIT");
	if (done != NULL) {
		if (strcmp(done, "created") == 0)
			page_flash(r, "ok", tr(r, "cust_done_created"));
		else if (strcmp(done, "updated") == 0)
			page_flash(r, "ok", tr(r, "cust_done_updated"));
		else if (strcmp(done, "contact_added") == 0)
			page_flash(r, "ok", tr(r, "cust_done_contact_added"));
		else if (strcmp(done, "contact_updated") == 0)
			page_flash(r, "ok", tr(r, "cust_done_contact_updated"));
		else if (strcmp(done, "contact_deleted") == 0)
			page_flash(r, "ok", tr(r, "cust_done_contact_deleted"));
	}
	dbres_free(res);
	res = NULL;

	/* contacts */
	if ((rc = db_query(r->app->db, &customers_db, Q_CONTACTS,
	    DB_ARGS(P_INT(id)), &x)) != 0)
		goto out;
	tdict_set_int(d, "n_contacts", (long long)dbres_rows(x));
	if (dbres_rows(x) == 0)
		tdict_show_section(d, "NO_CONTACTS");
	else
		tdict_show_section(d, "HAS_CONTACTS");
	for (size_t i = 0; i < dbres_rows(x); i++) {
		struct tdict *c = tdict_add_section(d, "CONTACT");

		tdict_set(c, "cid", dbres_text(x, i, 0));
		tdict_set(c, "name", dbres_text(x, i, 1));
		tdict_set(c, "title", dbres_text(x, i, 2));
		tdict_set(c, "phone", dbres_text(x, i, 3));
		tdict_set(c, "email", dbres_text(x, i, 4));
		if (can_edit)
			tdict_show_section(c, "CONTACT_EDIT");
	}
	dbres_free(x);
	x = NULL;
	if (can_edit) {
		struct tdict *a = tdict_add_section(d, "CONTACT_ADD");

		contact_fields_show(r, a, cf, NULL);
		if (cf != NULL)
			tdict_show_section(a, "CONTACT_ADD_OPEN");
	}

	/* the customer's figures, in scope */
	if ((rc = db_query(r->app->db, &customers_db, Q_SUMMARY,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&rs), P_INT(id), SCOPE_ARGS(&rs),
	    P_INT(id), SCOPE_ARGS(&rs)), &x)) != 0)
		goto out;
	tdict_set(d, "booked_total", fmt_money(buf, dbres_money(x, 0, 0),
	    true));
	tdict_set(d, "open_opps", dbres_text(x, 0, 1));
	tdict_set(d, "open_amount", fmt_money(buf, dbres_money(x, 0, 2),
	    true));
	dbres_free(x);
	x = NULL;

	/* recent activities */
	if ((rc = db_query(r->app->db, &customers_db, Q_ACTIVITIES,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&rs)), &x)) != 0)
		goto out;
	if (dbres_rows(x) > 0) {
		struct tdict *s = tdict_add_section(d, "ACTIVITIES");

		for (size_t i = 0; i < dbres_rows(x); i++) {
			struct tdict *a = tdict_add_section(s, "ACTIVITY");
			char key[48];

			snprintf(key, sizeof(key), "sales_kind_%s",
			    dbres_text(x, i, 1));
			tdict_set(a, "kind", tr(r, key));
			tdict_set(a, "date", dbres_text(x, i, 2));
			tdict_set(a, "notes", dbres_text(x, i, 3));
			tdict_set(a, "next_step", dbres_text(x, i, 4));
			if (dbres_text(x, i, 4)[0] != '\0')
				tdict_show_section(a, "NEXT_STEP");
			tdict_set(a, "who", dbres_text(x, i, 5));
			if (!dbres_null(x, i, 6))
				tdict_set(tdict_add_section(a, "ACT_OPP"),
				    "opp_id", dbres_text(x, i, 6));
		}
	}
	dbres_free(x);
	x = NULL;

	/* opportunities */
	if ((rc = db_query(r->app->db, &customers_db, Q_OPPS,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&rs)), &x)) != 0)
		goto out;
	if (dbres_rows(x) > 0) {
		struct tdict *s = tdict_add_section(d, "OPPS");

		for (size_t i = 0; i < dbres_rows(x); i++) {
			struct tdict *o = tdict_add_section(s, "OPP");
			const char *st = dbres_text(x, i, 2);
			char key[48];

			snprintf(key, sizeof(key), "sales_stage_%s", st);
			tdict_set(o, "oid", dbres_text(x, i, 0));
			tdict_set(o, "title", dbres_text(x, i, 1));
			tdict_set(o, "stage", tr(r, key));
			tdict_set(o, "stage_class", strcmp(st, "won") == 0 ?
			    "won" : strcmp(st, "lost") == 0 ? "lost" : "info");
			tdict_set(o, "amount", fmt_money(buf,
			    dbres_money(x, i, 3), true));
			tdict_set(o, "close", dbres_text(x, i, 4));
			tdict_set(o, "who", dbres_text(x, i, 5));
		}
	}
	dbres_free(x);
	x = NULL;

	/* orders */
	if ((rc = db_query(r->app->db, &customers_db, Q_ORDERS,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&rs)), &x)) != 0)
		goto out;
	if (dbres_rows(x) > 0) {
		struct tdict *s = tdict_add_section(d, "ORDERS");

		for (size_t i = 0; i < dbres_rows(x); i++) {
			struct tdict *o = tdict_add_section(s, "ORDER");
			const char *st = dbres_text(x, i, 3);
			int64_t amount = dbres_money(x, i, 4);
			char key[48];

			snprintf(key, sizeof(key), "sales_status_%s", st);
			tdict_set(o, "oid", dbres_text(x, i, 0));
			tdict_set(o, "order_no", dbres_text(x, i, 1));
			tdict_set(o, "date", dbres_text(x, i, 2));
			tdict_set(o, "status", tr(r, key));
			tdict_set(o, "status_class", st);
			tdict_set(o, "amount", fmt_money(buf, amount, true));
			if (amount < 0)
				tdict_show_section(o, "NEG");
			if (!dbres_null(x, i, 5))
				tdict_show_section(o, "RETURN");
		}
	}
	rc = page_send(r, status, "sales/customers-detail.tpl",
	    "cust_detail_title", "sales");
out:
	dbres_free(x);
	dbres_free(res);
	return rc;
}

static int
detail_get(struct req *r)
{
	return detail_page(r, 200, NULL);
}

/* Writes the audit row of a change (action) to contact cid. */
static int
contact_audit(struct req *r, const char *action, int64_t cid)
{
	char idtext[24], detail[64];

	snprintf(idtext, sizeof(idtext), "%lld", (long long)cid);
	snprintf(detail, sizeof(detail), "customer=%lld",
	    (long long)r->ids[0]);
	return audit_write(r, action, "contact", idtext, detail);
}

/* POST /sales/customers/#/contacts: adds a contact. */
static int
contact_add_post(struct req *r)
{
	struct dbres *res = NULL;
	uint64_t cid = 0;
	struct form f;
	int rc;

	if ((rc = load_for_edit(r, &res)) != 0)
		return rc;
	dbres_free(res);
	if ((rc = form_validate(&f, contact_fields, KF__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (f.nerr > 0) {
		rc = detail_page(r, 400, &f);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0 ||
	    (rc = db_exec(r->app->db, &customers_db, Q_CONTACT_INSERT,
	    DB_ARGS(P_INT(r->ids[0]), P_TEXT(form_str(&f, KF_NAME)),
	    P_TEXT(f.e[KF_TITLE].present ? form_str(&f, KF_TITLE) : ""),
	    P_TEXT(f.e[KF_PHONE].present ? form_str(&f, KF_PHONE) : ""),
	    P_TEXT(f.e[KF_EMAIL].present ? form_str(&f, KF_EMAIL) : "")),
	    NULL, &cid)) != 0 ||
	    (rc = contact_audit(r, "contact_create", (int64_t)cid)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	{
		char loc[96];

		snprintf(loc, sizeof(loc),
		    "/sales/customers/%lld?done=contact_added#contacts",
		    (long long)r->ids[0]);
		rc = http_redirect(r, loc);
	}
out:
	form_free(&f);
	return rc;
}

/* The contact edit page (customer ids[0], contact ids[1]). */
static int
contact_page(struct req *r, int status, const struct form *f,
    const struct dbres *row, const struct dbres *cust)
{
	struct tdict *d = page_body(r);
	char base[64];

	sales_tabs(r, "customers");
	snprintf(base, sizeof(base), "/sales/customers/%lld",
	    (long long)r->ids[0]);
	tdict_set(d, "base", base);
	tdict_set_int(d, "cid", r->ids[1]);
	tdict_set(d, "customer", dbres_text(cust, 0, G_NAME));
	tdict_set(d, "customer_code", dbres_text(cust, 0, G_CODE));
	if (status >= 400)
		tdict_show_section(d, "FORM_ERRORS");
	contact_fields_show(r, d, f, row);
	return page_send(r, status, "sales/customers-contact.tpl",
	    "cust_contact_edit_title", "sales");
}

/* Loads customer ids[0] (write scope) and its contact ids[1]. */
static int
contact_load(struct req *r, struct dbres **cust, struct dbres **row)
{
	int rc;

	*row = NULL;
	if ((rc = load_for_edit(r, cust)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &customers_db, Q_CONTACT_GET,
	    DB_ARGS(P_INT(r->ids[1]), P_INT(r->ids[0])), row)) != 0 ||
	    dbres_rows(*row) == 0) {
		dbres_free(*cust);
		dbres_free(*row);
		*cust = *row = NULL;
		return rc != 0 ? rc : TC_ENOTFOUND;
	}
	return 0;
}

static int
contact_edit_get(struct req *r)
{
	struct dbres *cust, *row;
	int rc;

	if ((rc = contact_load(r, &cust, &row)) != 0)
		return rc;
	rc = contact_page(r, 200, NULL, row, cust);
	dbres_free(cust);
	dbres_free(row);
	return rc;
}

static int
contact_edit_post(struct req *r)
{
	struct dbres *cust, *row;
	struct form f;
	int rc;

	if ((rc = contact_load(r, &cust, &row)) != 0)
		return rc;
	if ((rc = form_validate(&f, contact_fields, KF__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (f.nerr > 0) {
		rc = contact_page(r, 400, &f, row, cust);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0 ||
	    (rc = db_exec(r->app->db, &customers_db, Q_CONTACT_UPDATE,
	    DB_ARGS(P_TEXT(form_str(&f, KF_NAME)),
	    P_TEXT(f.e[KF_TITLE].present ? form_str(&f, KF_TITLE) : ""),
	    P_TEXT(f.e[KF_PHONE].present ? form_str(&f, KF_PHONE) : ""),
	    P_TEXT(f.e[KF_EMAIL].present ? form_str(&f, KF_EMAIL) : ""),
	    P_INT(r->ids[1]), P_INT(r->ids[0])), NULL, NULL)) != 0 ||
	    (rc = contact_audit(r, "contact_update", r->ids[1])) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	{
		char loc[96];

		snprintf(loc, sizeof(loc),
		    "/sales/customers/%lld?done=contact_updated#contacts",
		    (long long)r->ids[0]);
		rc = http_redirect(r, loc);
	}
out:
	form_free(&f);
	dbres_free(cust);
	dbres_free(row);
	return rc;
}

static int
contact_delete_post(struct req *r)
{
	struct dbres *cust, *row;
	char loc[96];
	int rc;

	if ((rc = contact_load(r, &cust, &row)) != 0)
		return rc;
	if ((rc = db_begin(r->app->db)) != 0 ||
	    (rc = db_exec(r->app->db, &customers_db, Q_CONTACT_DELETE,
	    DB_ARGS(P_INT(r->ids[1]), P_INT(r->ids[0])), NULL, NULL)) != 0 ||
	    (rc = contact_audit(r, "contact_delete", r->ids[1])) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	snprintf(loc, sizeof(loc),
	    "/sales/customers/%lld?done=contact_deleted#contacts",
	    (long long)r->ids[0]);
	rc = http_redirect(r, loc);
out:
	dbres_free(cust);
	dbres_free(row);
	return rc;
}

static const struct route customers_routes[] = {
	{ "GET", "/sales/customers", ROLES_ALL, list_get },
	{ "GET", "/sales/customers/new", SALES_ROLES, new_get },
	{ "POST", "/sales/customers/new", SALES_ROLES, new_post },
	{ "GET", "/sales/customers/#", ROLES_ALL, detail_get },
	{ "GET", "/sales/customers/#/edit", SALES_ROLES, edit_get },
	{ "POST", "/sales/customers/#/edit", SALES_ROLES, edit_post },
	{ "POST", "/sales/customers/#/contacts", SALES_ROLES,
	    contact_add_post },
	{ "GET", "/sales/customers/#/contacts/#/edit", SALES_ROLES,
	    contact_edit_get },
	{ "POST", "/sales/customers/#/contacts/#/edit", SALES_ROLES,
	    contact_edit_post },
	{ "POST", "/sales/customers/#/contacts/#/delete", SALES_ROLES,
	    contact_delete_post },
};

const struct route_set customers_route_set = ROUTE_SET(customers_routes);
