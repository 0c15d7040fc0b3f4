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
#include "core/money.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"
#include "sales/customers-code.h"
#include "sales/order-math.h"
#include "sales/sales.h"
#include "sales/write.h"

#define PAGE_SIZE 50
#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)

/* --- statements ------------------------------------------------------ */

/* Rows of each list on a customer's page; the rest behind a link. */
#define CUSTOMER_ROWS 10
#define CUSTOMER_ROWS_SQL "10"

enum stmt {
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
	Q_COUNTS,
	Q_INDUSTRIES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* write scope (can_edit), id, read scope */
	[Q_GET] =
	    "SELECT c.id, c.code, c.name, c.region_id, r.name_zh, r.name_en,"
	    " c.industry, c.channel_id, ch.name_zh, ch.name_en, c.owner_id,"
	    " p.name, c.status, c.created_at, c.updated_at, "
	    SCOPE_SQL("c.owner_id") ", p.login, c.payment_terms_days"
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
	    " ORDER BY a.activity_date DESC, a.id DESC LIMIT " CUSTOMER_ROWS_SQL,
	[Q_OPPS] =
	    "SELECT o.id, o.title, o.stage, o.amount, o.expected_close,"
	    " p.name FROM opportunities o JOIN people p ON p.id = o.owner_id"
	    " JOIN stages s ON s.code = o.stage"
	    " WHERE o.customer_id = ? AND " SCOPE_SQL("o.owner_id")
	    " ORDER BY s.is_open DESC, o.expected_close, o.id"
	    " LIMIT " CUSTOMER_ROWS_SQL,
	[Q_ORDERS] =
	    "SELECT o.id, o.order_no, o.order_date, o.status,"
	    " COALESCE(SUM(l.amount), 0), o.original_order_id"
	    " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id"
	    " WHERE o.customer_id = ? AND " SCOPE_ORDER_SQL("o.id")
	    " GROUP BY o.id, o.order_no, o.order_date, o.status,"
	    " o.original_order_id"
	    " ORDER BY o.order_date DESC, o.id DESC LIMIT " CUSTOMER_ROWS_SQL,
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
	/* How many of each the page's lists cut, for the links to the full
	 * lists: opportunities (id, scope), orders with the first and last
	 * order date (id, scope, three times: the order list's period),
	 * activities (id: the customer's timeline shows all of them). */
	[Q_COUNTS] =
	    "SELECT (SELECT COUNT(*) FROM opportunities o WHERE"
	    "  o.customer_id = ? AND " SCOPE_SQL("o.owner_id") "),"
	    " (SELECT COUNT(*) FROM orders o WHERE o.customer_id = ? AND "
	    SCOPE_ORDER_SQL("o.id") "),"
	    " (SELECT MIN(o.order_date) FROM orders o WHERE o.customer_id = ?"
	    "  AND " SCOPE_ORDER_SQL("o.id") "),"
	    " (SELECT MAX(o.order_date) FROM orders o WHERE o.customer_id = ?"
	    "  AND " SCOPE_ORDER_SQL("o.id") "),"
	    " (SELECT COUNT(*) FROM activities a WHERE a.customer_id = ?)",
	/* the industries already used, offered while typing */
	[Q_INDUSTRIES] =
	    "SELECT industry FROM customers WHERE industry <> ''"
	    " GROUP BY industry ORDER BY COUNT(*) DESC, industry LIMIT 50",
};

static struct db_table customers_db = DB_TABLE("customers", stmts);

/* Columns of Q_GET. */
enum { G_ID, G_CODE, G_NAME, G_REGION, G_REGION_ZH, G_REGION_EN,
    G_INDUSTRY, G_CHANNEL, G_CHANNEL_ZH, G_CHANNEL_EN, G_OWNER,
    G_OWNER_NAME, G_STATUS, G_CREATED, G_UPDATED, G_CAN_EDIT,
    G_OWNER_LOGIN, G_TERMS };

static const char *const statuses[] = { "prospect", "active", "inactive",
    NULL };

/* --- small helpers --------------------------------------------------- */

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
		tdict_set(o, "label", tr_stored_col(r, res, i, 1));
		if (id == selected)
			tdict_show_section(o, "SELECTED");
	}
	dbres_free(res);
	return 0;
}

/* --- the list (core/list) -------------------------------------------- */

enum cfilter { CF_Q, CF_REGION, CF_OWNER, CF_STATUS, CF__MAX };

#define ID_FIELD(name) { name, form_int64, 0, 1, INT32_MAX, NULL, NULL }

static const struct list_filter cust_filters[CF__MAX] = {
	/* a part of the name or of the code */
	[CF_Q] = { .field = { "q", form_text, 0, 1, 100, NULL, NULL },
	    .label = "common_search",
	    .where = { "c.name LIKE ? OR CONVERT(c.code USING utf8mb4)"
	    " LIKE ?", { LA_CONTAINS, LA_CONTAINS } } },
	[CF_REGION] = { .field = ID_FIELD("region"), .label = "sales_region",
	    .where = { "c.region_id = ?", { LA_INT } } },
	[CF_OWNER] = { .field = ID_FIELD("owner"), .label = "sales_owner",
	    .where = { "c.owner_id = ?", { LA_INT } } },
	[CF_STATUS] = { .field = { "status", form_oneof, 0, 0, 0, NULL,
	    statuses }, .label = "sales_status",
	    .where = { "c.status = ?", { LA_TEXT } } },
};

/* Each served by an index of customers (sql/sales/001 and 004; code is
 * unique, the others carry the id, the tie-breaker).  Region, channel
 * and owner are names in other tables, and the number of contacts is
 * counted for the rows shown: no index of customers orders by them. */
static const struct list_sort cust_sorts[] = {
	{ "code", "cust_col_code", "c.code", "c.code DESC", 0 },
	{ "name", "cust_col_name", "c.name, c.id", "c.name DESC, c.id DESC",
	    0 },
	{ "industry", "cust_col_industry", "c.industry, c.id",
	    "c.industry DESC, c.id DESC", 0 },
	{ "status", "cust_col_status", "c.status, c.id",
	    "c.status DESC, c.id DESC", 0 },
	{ "updated", "cust_col_updated", "c.updated_at, c.id",
	    "c.updated_at DESC, c.id DESC", LIST_SORT_DESC_FIRST },
};

const struct list_scope sales_customers_scope = LIST_SCOPE_PERSON("c.owner_id");

/* The contacts are counted for the rows of the page only (a subquery of
 * the select list runs for the rows sent). */
const struct list_def sales_customers_list = {
	.name = "customers-list",
	.path = "/sales/customers",
	.select = "SELECT c.id, c.code, c.name, r.name_zh, r.name_en,"
	    " c.industry, ch.name_zh, ch.name_en, p.name, c.status,"
	    " (SELECT COUNT(*) FROM contacts k WHERE k.customer_id = c.id),"
	    " DATE(c.updated_at)",
	.from = " FROM customers c JOIN regions r ON r.id = c.region_id"
	    " JOIN channels ch ON ch.id = c.channel_id"
	    " JOIN people p ON p.id = c.owner_id",
	.totals = "COUNT(*), COALESCE(SUM(t.st = 'active'), 0),"
	    " COALESCE(SUM(t.st = 'prospect'), 0),"
	    " COALESCE(SUM(t.st = 'inactive'), 0)",
	.totals_cols = "c.status AS st",
	.filters = cust_filters, .nfilters = CF__MAX,
	.sorts = cust_sorts, .nsorts = sizeof(cust_sorts) /
	    sizeof(cust_sorts[0]),
	.sort_default = 1, .desc_default = false,
	.per_page = PAGE_SIZE,
};

/* Columns of the page. */
enum { CL_ID, CL_CODE, CL_NAME, CL_REGION_ZH, CL_REGION_EN, CL_INDUSTRY,
    CL_CHANNEL_ZH, CL_CHANNEL_EN, CL_OWNER, CL_STATUS, CL_CONTACTS,
    CL_UPDATED };

/* The id of filter k when set, else 0 (for the pickers). */
static int64_t
filter_id(const struct list *l, size_t k)
{
	const struct form_value *v = list_value(l, k);

	return v != NULL ? v->i : 0;
}

/* The count of each status, or "—" past the cap of the count. */
static void
status_kpi(const struct list *l, struct tdict *d, const char *name,
    size_t col)
{
	if (l->capped)
		tdict_set(d, name, "—");
	else
		tdict_set_int(d, name, dbres_int(l->totals, 0, col));
}

static int
list_get(struct req *r)
{
	struct scope s = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	const struct form_value *st;
	const char *done;
	struct list l;
	int rc;

	list_init(&l, &sales_customers_list);
	list_scope(&l, &sales_customers_scope, s.kind, s.me, s.team, s.login);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	if (!l.invalid) {
		status_kpi(&l, d, "n_active", 1);
		status_kpi(&l, d, "n_prospect", 2);
		status_kpi(&l, d, "n_inactive", 3);
	}
	if ((done = req_get(&r->q, "done")) != NULL &&
	    strcmp(done, "created") == 0)
		page_flash(r, "ok", tr(r, "cust_done_created"));
	sales_tabs(r, "customers");
	if (has_role(r, SALES_ROLES))
		tdict_show_section(d, "CAN_CREATE");

	/* the pickers of the filters, the chosen ones selected */
	if ((rc = ref_options(r, d, "REGION_OPTION", Q_REGIONS,
	    filter_id(&l, CF_REGION), true)) != 0 ||
	    (rc = owner_options(r, d, "OWNER_OPTION", &s,
	    filter_id(&l, CF_OWNER))) != 0)
		goto out;
	st = list_value(&l, CF_STATUS);
	form_choices(d, "STATUS_OPTION", statuses, r->cat, "sales_customer_",
	    st != NULL ? st->s : NULL);

	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ROW");

		tdict_set(row, "id", dbres_text(l.rows, i, CL_ID));
		tdict_set(row, "code", dbres_text(l.rows, i, CL_CODE));
		tdict_set(row, "name", dbres_text(l.rows, i, CL_NAME));
		tdict_set(row, "region",
		    tr_stored_col(r, l.rows, i, CL_REGION_ZH));
		tdict_set(row, "industry", dbres_text(l.rows, i, CL_INDUSTRY));
		tdict_set(row, "channel",
		    tr_stored_col(r, l.rows, i, CL_CHANNEL_ZH));
		tdict_set(row, "owner", dbres_text(l.rows, i, CL_OWNER));
		set_status_badge(r, row, dbres_text(l.rows, i, CL_STATUS));
		tdict_set(row, "contacts", dbres_text(l.rows, i, CL_CONTACTS));
		tdict_set(row, "updated", dbres_text(l.rows, i, CL_UPDATED));
	}
	rc = page_send(r, list_status(&l), "sales/customers-list.tpl",
	    "cust_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* --- the customer form ----------------------------------------------- */

/* How the error summary names the fields. */
static const char *const cust_labels[CUST__MAX] = {
	[CUST_CODE] = "sales_code", [CUST_NAME] = "sales_name",
	[CUST_REGION] = "sales_region", [CUST_INDUSTRY] = "sales_industry",
	[CUST_CHANNEL] = "cust_default_channel",
	[CUST_OWNER] = "cust_owner_rep", [CUST_STATUS] = "sales_status",
	[CUST_TERMS] = "cust_terms", [CUST_CONFIRM] = "cust_dup_title",
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
	return form_shown(cf->f, (size_t)k, cf->val[k]);
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
	form_choices(d, "STATUS_OPTION", statuses, r->cat, "sales_customer_",
	    cust_value(cf, CUST_STATUS));
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
	cf.val[CUST_TERMS] = "30";      /* PAYMENT_TERMS_DEFAULT */
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
	if (rc == TC_EINVAL)
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
	cf.val[CUST_TERMS] = dbres_text(res, 0, G_TERMS);
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

/* The counts of Q_COUNTS (row 0 of x) into d: n_opps, n_orders,
 * n_activities, the period of the orders (orders_from, orders_to), and
 * a MORE_* section for each list the page cuts. */
static void
counts_show(struct tdict *d, const struct dbres *x)
{
	static const char *const more[] = { "MORE_OPPS", "MORE_ORDERS", NULL,
	    NULL, "MORE_ACTIVITIES" };
	static const char *const names[] = { "n_opps", "n_orders", NULL,
	    NULL, "n_activities" };

	for (size_t k = 0; k < sizeof(more) / sizeof(more[0]); k++) {
		if (names[k] == NULL)
			continue;
		tdict_set_int(d, names[k], dbres_int(x, 0, k));
		if (dbres_int(x, 0, k) > CUSTOMER_ROWS)
			tdict_show_section(d, more[k]);
	}
	if (!dbres_null(x, 0, 2)) {
		tdict_set(d, "orders_from", dbres_text(x, 0, 2));
		tdict_set(d, "orders_to", dbres_text(x, 0, 3));
	}
}

/* The detail page of customer ids[0]; cf: a contact form to show again
 * with its errors (NULL: an empty one). */
static int
detail_page(struct req *r, int status, const struct form *cf)
{
	struct scope rs = scope_of(r, &sales_scope_read);
	struct tdict *d = page_body(r);
	struct dbres *res = NULL, *x = NULL;
	char buf[TC_MONEY_SIZE], base[48];
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
	tdict_set(d, "region", tr_stored_col(r, res, 0, G_REGION_ZH));
	tdict_set(d, "industry", dbres_text(res, 0, G_INDUSTRY));
	if (dbres_text(res, 0, G_INDUSTRY)[0] == '\0')
		tdict_show_section(d, "NO_INDUSTRY");
	tdict_set(d, "channel", tr_stored_col(r, res, 0, G_CHANNEL_ZH));
	tdict_set(d, "owner", dbres_text(res, 0, G_OWNER_NAME));
	tdict_set(d, "created", dbres_text(res, 0, G_CREATED));
	tdict_set(d, "updated", dbres_text(res, 0, G_UPDATED));
	set_status_badge(r, d, dbres_text(res, 0, G_STATUS));
	tdict_set(d, "terms", dbres_text(res, 0, G_TERMS));
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
	tdict_set(d, "booked_total", tc_money_str(buf, dbres_money(x, 0, 0),
	    true));
	tdict_set(d, "open_opps", dbres_text(x, 0, 1));
	tdict_set(d, "open_amount", tc_money_str(buf, dbres_money(x, 0, 2),
	    true));
	dbres_free(x);
	x = NULL;

	/* the links to the full lists, and to start something here */
	if ((rc = db_query(r->app->db, &customers_db, Q_COUNTS,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&rs), P_INT(id), SCOPE_ARGS(&rs),
	    P_INT(id), SCOPE_ARGS(&rs), P_INT(id), SCOPE_ARGS(&rs),
	    P_INT(id)), &x)) != 0)
		goto out;
	counts_show(d, x);
	dbres_free(x);
	x = NULL;
	if (can_edit && has_role(r, ROLE_SALES | ROLE_MANAGER))
		tdict_show_section(d, "CAN_START");

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
			tdict_set(o, "amount", tc_money_str(buf,
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

			order_state_key(key, sizeof(key), st,
			    !dbres_null(x, i, 5));
			tdict_set(o, "oid", dbres_text(x, i, 0));
			tdict_set(o, "order_no", dbres_text(x, i, 1));
			tdict_set(o, "date", dbres_text(x, i, 2));
			tdict_set(o, "status", tr(r, key));
			tdict_set(o, "status_class",
			    key + strlen("sales_status_"));
			tdict_set(o, "amount", tc_money_str(buf, amount, true));
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
	if (rc == TC_EINVAL)
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
	if (rc == TC_EINVAL)
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
