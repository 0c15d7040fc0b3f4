/* customers.c: the pages of customers and their contacts.
 *
 * A rep sees and edits their own customers, a manager the team's, other
 * roles read all (sales.h's scope rules); someone else's id is simply
 * not found (404).
 * The changes themselves (codes, namesakes in a region, the owner, the
 * audit) are sales_customer_save and sales_contact_save (write.h); the
 * forms show what they refused through core/formview. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/fmt.h"
#include "core/form.h"
#include "core/formview.h"
#include "sales/customers-code.h"
#include "sales/sales.h"
#include "sales/write.h"

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
	Q_REGIONS,
	Q_CHANNELS,
	Q_OWNERS,
	Q_CONTACTS,
	Q_CONTACT_GET,
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
cust_qs_add(char *buf, size_t len, const char *name, const char *value)
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

/* --- the list -------------------------------------------------------- */

static int
list_get(struct req *r)
{
	struct scope s = scope_of(r, &sales_scope_read);
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
	cust_qs_add(base, sizeof(base), "q", q);
	if (region > 0) {
		char b[24];

		snprintf(b, sizeof(b), "%lld", (long long)region);
		cust_qs_add(base, sizeof(base), "region", b);
	}
	if (owner > 0) {
		char b[24];

		snprintf(b, sizeof(b), "%lld", (long long)owner);
		cust_qs_add(base, sizeof(base), "owner", b);
	}
	cust_qs_add(base, sizeof(base), "status", status);
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

/* How the error summary names the fields. */
static const char *const cust_labels[CUST__MAX] = {
	[CUST_CODE] = "sales_code", [CUST_NAME] = "sales_name",
	[CUST_REGION] = "sales_region", [CUST_INDUSTRY] = "sales_industry",
	[CUST_CHANNEL] = "cust_default_channel",
	[CUST_OWNER] = "cust_owner_rep", [CUST_STATUS] = "sales_status",
	[CUST_CONFIRM] = "cust_dup_title",
};

/* What the customer form shows: the posted form f, or (when f is NULL)
 * the values val of a new or stored customer. */
struct cust_form {
	const struct form *f;
	const char *val[CUST__MAX];
	int64_t id;                 /* 0: a new customer */
	const char *code;           /* of an existing customer */
	struct dbres *dups;         /* same name in the region, or NULL */
};

static const char *
cust_value(const struct cust_form *cf, int k)
{
	if (cf->f != NULL)
		return form_raw(cf->f, (size_t)k);
	return cf->val[k] != NULL ? cf->val[k] : "";
}

static int64_t
val_id(const struct cust_form *cf, int k)
{
	return strtoll(cust_value(cf, k), NULL, 10);
}

static int
cust_form_page(struct req *r, int status, const struct cust_form *cf)
{
	struct tdict *d = page_body(r);
	struct scope w = scope_of(r, &sales_scope_write);
	struct form_errors fe;
	char buf[96];
	int rc;

	sales_tabs(r, "customers");
	form_errors_init(&fe, d, r->cat);
	if (cf->f != NULL) {
		if ((rc = form_show(&fe, d, cf->f, cust_labels, NULL)) != 0)
			return rc;
	} else
		for (int k = 0; k < CUST__MAX; k++)
			tdict_set(d, customer_fields[k].name, cust_value(cf, k));
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
	    val_id(cf, CUST_REGION), false)) != 0 ||
	    (rc = ref_options(r, d, "CHANNEL_OPTION", Q_CHANNELS,
	    val_id(cf, CUST_CHANNEL), false)) != 0)
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
		int64_t sel = val_id(cf, CUST_OWNER);

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
		if (strcmp(cust_value(cf, CUST_STATUS), statuses[i]) == 0)
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
	struct scope rs = scope_of(r, &sales_scope_read);
	struct scope ws = scope_of(r, &sales_scope_write);
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
	cf.val[CUST_OWNER] = me;
	cf.val[CUST_STATUS] = "active";
	return cust_form_page(r, 200, &cf);
}

/* Saves the posted customer: id 0 creates, else updates (row old, in the
 * write scope, whose code the form shows). */
static int
cust_save(struct req *r, int64_t id, const struct dbres *old)
{
	struct sales_actor a = sales_actor_of(r);
	struct customer_saved saved;
	struct cust_form cf;
	struct form f;
	char loc[96];
	int rc;

	memset(&cf, 0, sizeof(cf));
	cf.id = id;
	cf.f = &f;
	if (old != NULL)
		cf.code = dbres_text(old, 0, G_CODE);
	rc = sales_customer_save(&a, id, &r->form, &f, &saved);
	if (rc == FORM_EINVALID)
		rc = cust_form_page(r, 400, &cf);
	else if (rc == 0 && saved.id == 0) {
		/* namesakes in the region: shown, saved once confirmed */
		cf.dups = saved.namesakes;
		rc = cust_form_page(r, 200, &cf);
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/customers/%lld?done=%s",
		    (long long)saved.id, id > 0 ? "updated" : "created");
		rc = http_redirect(r, loc);
	}
	dbres_free(saved.namesakes);
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
	cf.val[CUST_CODE] = cf.code;
	cf.val[CUST_NAME] = dbres_text(res, 0, G_NAME);
	cf.val[CUST_REGION] = dbres_text(res, 0, G_REGION);
	cf.val[CUST_INDUSTRY] = dbres_text(res, 0, G_INDUSTRY);
	cf.val[CUST_CHANNEL] = dbres_text(res, 0, G_CHANNEL);
	cf.val[CUST_OWNER] = dbres_text(res, 0, G_OWNER);
	cf.val[CUST_STATUS] = dbres_text(res, 0, G_STATUS);
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

static const char *const contact_labels[CONTACT__MAX] = {
	[CONTACT_NAME] = "sales_name", [CONTACT_TITLE] = "cust_contact_title",
	[CONTACT_PHONE] = "cust_contact_phone",
	[CONTACT_EMAIL] = "cust_contact_email",
};

/* Shows the contact form in d (whose template includes FORM_ERRORS):
 * the posted form f with its errors, else the stored contact row, else
 * empty fields. */
static int
contact_form_show(struct req *r, struct tdict *d, const struct form *f,
    const struct dbres *row)
{
	struct form_errors fe;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL)
		return form_show(&fe, d, f, contact_labels, NULL);
	for (int k = 0; k < CONTACT__MAX; k++)
		tdict_set(d, contact_fields[k].name, row != NULL ?
		    dbres_text(row, 0, (size_t)k + 1) : "");
	return 0;
}

/* The detail page of customer ids[0]; cf: a contact form to show again
 * with its errors (NULL: an empty one). */
static int
detail_page(struct req *r, int status, const struct form *cf)
{
	struct scope rs = scope_of(r, &sales_scope_read);
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

		if ((rc = contact_form_show(r, a, cf, NULL)) != 0)
			goto out;
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

/* The detail page after a contact was saved or deleted (done). */
static int
contact_done(struct req *r, const char *done)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/sales/customers/%lld?done=%s#contacts",
	    (long long)r->ids[0], done);
	return http_redirect(r, loc);
}

/* POST /sales/customers/#/contacts: adds a contact. */
static int
contact_add_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct form f;
	int64_t cid;
	int rc;

	rc = sales_contact_save(&a, r->ids[0], 0, &r->form, &f, &cid);
	if (rc == FORM_EINVALID)
		rc = detail_page(r, 400, &f);
	else if (rc == 0)
		rc = contact_done(r, "contact_added");
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
	int rc;

	sales_tabs(r, "customers");
	snprintf(base, sizeof(base), "/sales/customers/%lld",
	    (long long)r->ids[0]);
	tdict_set(d, "base", base);
	tdict_set_int(d, "cid", r->ids[1]);
	tdict_set(d, "customer", dbres_text(cust, 0, G_NAME));
	tdict_set(d, "customer_code", dbres_text(cust, 0, G_CODE));
	if ((rc = contact_form_show(r, d, f, row)) != 0)
		return rc;
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
	struct sales_actor a = sales_actor_of(r);
	struct dbres *cust, *row;
	struct form f;
	int64_t cid;
	int rc;

	if ((rc = contact_load(r, &cust, &row)) != 0)
		return rc;
	rc = sales_contact_save(&a, r->ids[0], r->ids[1], &r->form, &f, &cid);
	if (rc == FORM_EINVALID)
		rc = contact_page(r, 400, &f, row, cust);
	else if (rc == 0)
		rc = contact_done(r, "contact_updated");
	form_free(&f);
	dbres_free(cust);
	dbres_free(row);
	return rc;
}

static int
contact_delete_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	int rc;

	if ((rc = sales_contact_delete(&a, r->ids[0], r->ids[1])) != 0)
		return rc;
	return contact_done(r, "contact_deleted");
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
