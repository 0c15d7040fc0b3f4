/* refdata.c: reference data (product types, regions, channels, products)
 * kept by administrators under /admin/refdata.
 *
 * Every kind has a stable code ([a-z0-9_-]{1,32}, what commission plans
 * match on) and a name per language.  Rows are never deleted, only
 * deactivated; a code can no longer change once something uses the row.
 * Every change writes the audit table in the same transaction.  The
 * pickers of the sales forms read the active rows themselves. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "core/error.h"
#include "core/money.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/list.h"

/* --- the kinds ------------------------------------------------------- */

enum kind_id { K_TYPES, K_REGIONS, K_CHANNELS, K_PRODUCTS, K__MAX };

/* Statements, one block of S__MAX per kind. */
enum kstmt {
	S_GET,          /* id */
	S_INSERT,       /* code, zh, en [, type, price, cost] */
	S_UPDATE,       /* code, zh, en [, type, price, cost], id */
	S_SET_ACTIVE,   /* active, id */
	S_CODE_TAKEN,   /* code, id */
	S_COUNTS,       /* - */
	S__MAX
};

#define ST(k, s) ((k) * S__MAX + (s))
#define STMT_TYPES_PICK (K__MAX * S__MAX)
#define STMT__MAX (STMT_TYPES_PICK + 1)

/* The statements of a kind with only code and names. */
#define SIMPLE_KIND(k, tbl, used) \
	[ST(k, S_GET)] = "SELECT x.id, x.code, x.name_zh, x.name_en," \
	    " x.active, 0 AS product_type_id, NULL AS list_price," \
	    " NULL AS standard_cost, " used " AS used FROM " tbl " x" \
	    " WHERE x.id = ?", \
	[ST(k, S_INSERT)] = "INSERT INTO " tbl " (code, name_zh, name_en)" \
	    " VALUES (?, ?, ?)", \
	[ST(k, S_UPDATE)] = "UPDATE " tbl " SET code = ?, name_zh = ?," \
	    " name_en = ? WHERE id = ?", \
	[ST(k, S_SET_ACTIVE)] = "UPDATE " tbl " SET active = ? WHERE id = ?", \
	[ST(k, S_CODE_TAKEN)] = "SELECT id FROM " tbl \
	    " WHERE code = ? AND id <> ?", \
	[ST(k, S_COUNTS)] = "SELECT COUNT(*) AS total," \
	    " COALESCE(SUM(active), 0) AS active FROM " tbl

#define USED_TYPES "(SELECT COUNT(*) FROM products u" \
	" WHERE u.product_type_id = x.id)"
#define USED_REGIONS "((SELECT COUNT(*) FROM customers u" \
	" WHERE u.region_id = x.id) + (SELECT COUNT(*) FROM orders u" \
	" WHERE u.region_id = x.id))"
#define USED_CHANNELS "((SELECT COUNT(*) FROM customers u" \
	" WHERE u.channel_id = x.id) + (SELECT COUNT(*) FROM orders u" \
	" WHERE u.channel_id = x.id))"
#define USED_PRODUCTS "(SELECT COUNT(*) FROM order_lines u" \
	" WHERE u.product_id = x.id)"

static const char *const stmts[STMT__MAX] = {
	SIMPLE_KIND(K_TYPES, "product_types", USED_TYPES),
	SIMPLE_KIND(K_REGIONS, "regions", USED_REGIONS),
	SIMPLE_KIND(K_CHANNELS, "channels", USED_CHANNELS),
	[ST(K_PRODUCTS, S_GET)] =
	    "SELECT x.id, x.code, x.name_zh, x.name_en, x.active,"
	    " x.product_type_id, x.list_price, x.standard_cost, "
	    USED_PRODUCTS " AS used FROM products x WHERE x.id = ?",
	[ST(K_PRODUCTS, S_INSERT)] =
	    "INSERT INTO products (code, name_zh, name_en, product_type_id,"
	    " list_price, standard_cost) VALUES (?, ?, ?, ?, ?, ?)",
	[ST(K_PRODUCTS, S_UPDATE)] =
	    "UPDATE products SET code = ?, name_zh = ?, name_en = ?,"
	    " product_type_id = ?, list_price = ?, standard_cost = ?"
	    " WHERE id = ?",
	[ST(K_PRODUCTS, S_SET_ACTIVE)] =
	    "UPDATE products SET active = ? WHERE id = ?",
	[ST(K_PRODUCTS, S_CODE_TAKEN)] =
	    "SELECT id FROM products WHERE code = ? AND id <> ?",
	[ST(K_PRODUCTS, S_COUNTS)] =
	    "SELECT COUNT(*) AS total, COALESCE(SUM(active), 0) AS active"
	    " FROM products",
	[STMT_TYPES_PICK] =
	    "SELECT id, code, name_zh, name_en, active FROM product_types"
	    " ORDER BY active DESC, code",
};

static struct db_table refdata_db = DB_TABLE("refdata", stmts);

/* --- the lists (core/list), one per kind ------------------------------ */

enum lfilter { LF_Q, LF_STATUS, LF__MAX };

static const char *const status_choices[] = { "all", "active", "inactive",
    NULL };

static const struct list_frag status_where[] = {
	{ NULL, { LA_END } },
	{ "x.active", { LA_END } },
	{ "NOT x.active", { LA_END } },
};

static const struct list_filter ref_filters[LF__MAX] = {
	[LF_Q] = { .field = { "q", form_text, 0, 0, 100, NULL, NULL },
	    .label = "common_search",
	    .where = { "CONVERT(x.code USING utf8mb4) LIKE ? OR x.name_zh LIKE ?"
	    " OR x.name_en LIKE ?", { LA_CONTAINS, LA_CONTAINS, LA_CONTAINS } } },
	[LF_STATUS] = { .field = { "status", form_oneof, 0, 0, 0, NULL,
	    status_choices }, .label = "sales_status",
	    .choice_where = status_where, .def = "all" },
};

/* Active rows first, then by code (unique); the tables are small. */
static const struct list_sort simple_sorts[] = {
	{ "code", "sales_code", "x.active DESC, x.code",
	    "x.active, x.code DESC", 0 },
};
static const struct list_sort product_sorts[] = {
	{ "code", "sales_code", "x.active DESC, t.code, x.code",
	    "x.active, t.code DESC, x.code DESC", 0 },
};

/* Columns of a list row (as S_GET's, with the type's two names). */
#define SIMPLE_LIST(slug, tbl, used) { \
	.name = "refdata-" slug, .path = "/admin/refdata/" slug, \
	.select = "SELECT x.id, x.code, x.name_zh, x.name_en, x.active," \
	    " '' AS type_zh, '' AS type_en, NULL AS list_price," \
	    " NULL AS standard_cost, " used " AS used", \
	.from = " FROM " tbl " x", \
	.filters = ref_filters, .nfilters = LF__MAX, \
	.sorts = simple_sorts, .nsorts = 1, .no_headings = true, \
	.per_page = 100 }

static const struct list_def ref_lists[K__MAX] = {
	[K_TYPES] = SIMPLE_LIST("product-types", "product_types", USED_TYPES),
	[K_REGIONS] = SIMPLE_LIST("regions", "regions", USED_REGIONS),
	[K_CHANNELS] = SIMPLE_LIST("channels", "channels", USED_CHANNELS),
	[K_PRODUCTS] = {
		.name = "refdata-products", .path = "/admin/refdata/products",
		.select = "SELECT x.id, x.code, x.name_zh, x.name_en, x.active,"
		    " t.name_zh AS type_zh, t.name_en AS type_en, x.list_price,"
		    " x.standard_cost, " USED_PRODUCTS " AS used",
		.from = " FROM products x"
		    " JOIN product_types t ON t.id = x.product_type_id",
		.filters = ref_filters, .nfilters = LF__MAX,
		.sorts = product_sorts, .nsorts = 1, .no_headings = true,
		.per_page = 100,
	},
};

static const struct kind {
	const char *slug;       /* in the URL: /admin/refdata/<slug> */
	const char *entity;     /* audit entity */
	const char *key;        /* catalogue key of the plural name */
	const char *one_key;    /* catalogue key of one row's kind */
	const char *hint_key;   /* what the kind is for */
	bool product;
} kinds[K__MAX] = {
	[K_TYPES] = { "product-types", "product_type", "ref_kind_types",
	    "ref_one_types", "ref_hint_types", false },
	[K_REGIONS] = { "regions", "region", "ref_kind_regions",
	    "ref_one_regions", "ref_hint_regions", false },
	[K_CHANNELS] = { "channels", "channel", "ref_kind_channels",
	    "ref_one_channels", "ref_hint_channels", false },
	[K_PRODUCTS] = { "products", "product", "ref_kind_products",
	    "ref_one_products", "ref_hint_products", true },
};

/* The kind named by the path segment after /admin/refdata/, or NULL. */
static const struct kind *
kind_of(const char *path)
{
	static const char prefix[] = "/admin/refdata/";
	const char *s;
	size_t n;

	if (strncmp(path, prefix, sizeof(prefix) - 1) != 0)
		return NULL;
	s = path + sizeof(prefix) - 1;
	n = strcspn(s, "/");
	for (size_t k = 0; k < K__MAX; k++)
		if (strlen(kinds[k].slug) == n &&
		    strncmp(kinds[k].slug, s, n) == 0)
			return &kinds[k];
	return NULL;
}

static int
kind_index(const struct kind *k)
{
	return (int)(k - kinds);
}

/* --- the form -------------------------------------------------------- */

/* A code: 1..32 of a-z, 0-9, '_' and '-'. */
static int
valid_code(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in);

	(void)f;
	if (n < 1 || n > 32)
		return TC_EFORMAT;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-'))
			return TC_EFORMAT;
	}
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

enum field_idx { F_CODE, F_ZH, F_EN, F_TYPE, F_PRICE, F_COST, F__MAX };
#define F_SIMPLE_MAX (F_EN + 1)
#define MONEY_MAX 999999999999999LL     /* DECIMAL(18,2) in fen, less one digit */

static const struct field ref_fields[F__MAX] = {
	[F_CODE] = { "code", valid_code, 1, 1, 32, "ref_err_code", NULL },
	[F_ZH] = { "name_zh", form_text, 1, 1, 100, "ref_err_name_zh", NULL },
	[F_EN] = { "name_en", form_text, 1, 1, 100, "ref_err_name_en", NULL },
	[F_TYPE] = { "product_type", form_int64, 1, 1, 4294967295LL,
	    "ref_err_type", NULL },
	[F_PRICE] = { "list_price", form_money, 1, 0, MONEY_MAX,
	    "ref_err_price", NULL },
	[F_COST] = { "standard_cost", form_money, 1, 0, MONEY_MAX,
	    "ref_err_cost", NULL },
};

/* How the error summary names the fields. */
static const char *const ref_labels[F__MAX] = {
	[F_CODE] = "sales_code", [F_ZH] = "sales_name_zh",
	[F_EN] = "sales_name_en", [F_TYPE] = "sales_product_type",
	[F_PRICE] = "ref_list_price", [F_COST] = "ref_standard_cost",
};

/* What the form shows: the posted form f with what it refused, or (f
 * NULL) the values val of a stored or new row. */
struct ref_form {
	const struct form *f;
	const char *val[F__MAX];
	const char *code;       /* a code that no longer changes, or NULL */
	int64_t id;             /* 0 for a new row */
	int64_t used;           /* rows using it: the code is then fixed */
	bool active;
};

static const char *
ref_value(const struct ref_form *rf, int k)
{
	return form_shown(rf->f, (size_t)k, rf->val[k]);
}

/* Adds the tabs of the reference-data pages, current marked. */
static void
ref_tabs(struct req *r, struct tdict *d, const struct kind *cur)
{
	struct tdict *t;

	admin_tabs(r, "refdata");
	t = tdict_add_section(d, "REF_TAB");
	tdict_set(t, "href", "/admin/refdata");
	tdict_set(t, "label", tr(r, "ref_overview"));
	if (cur == NULL)
		tdict_show_section(t, "REF_TAB_CURRENT");
	for (size_t k = 0; k < K__MAX; k++) {
		char href[64];

		t = tdict_add_section(d, "REF_TAB");
		snprintf(href, sizeof(href), "/admin/refdata/%s",
		    kinds[k].slug);
		tdict_set(t, "href", href);
		tdict_set(t, "label", tr(r, kinds[k].key));
		if (cur == &kinds[k])
			tdict_show_section(t, "REF_TAB_CURRENT");
	}
}

/* Renders the create / edit form with status. */
static int
form_page(struct req *r, int status, const struct kind *k,
    const struct ref_form *rf)
{
	struct tdict *d = page_body(r);
	struct form_errors fe;
	char buf[128];
	int rc = 0;

	ref_tabs(r, d, k);
	tdict_set(d, "kind_slug", k->slug);
	tdict_set(d, "kind_label", tr(r, k->key));
	tdict_set(d, "kind_one", tr(r, k->one_key));
	if (rf->id > 0) {
		snprintf(buf, sizeof(buf), "/admin/refdata/%s/%lld/edit",
		    k->slug, (long long)rf->id);
		tdict_show_section(d, "EDITING");
		tdict_set_int(d, "row_id", rf->id);
		tdict_show_section(d, rf->active ? "ROW_ACTIVE" :
		    "ROW_INACTIVE");
	} else {
		snprintf(buf, sizeof(buf), "/admin/refdata/%s/new", k->slug);
		tdict_show_section(d, "CREATING");
	}
	tdict_set(d, "action", buf);
	if (rf->used > 0) {
		struct tdict *u = tdict_add_section(d, "CODE_FIXED");

		tdict_set_int(u, "used", rf->used);
	} else
		tdict_show_section(d, "CODE_FREE");
	form_errors_init(&fe, d, r->cat);
	if (rf->f != NULL) {
		if ((rc = form_show(&fe, d, rf->f, ref_labels, NULL)) != 0)
			return rc;
	} else
		for (int f = 0; f < F__MAX; f++)
			tdict_set(d, ref_fields[f].name, ref_value(rf, f));
	if (rf->code != NULL)
		tdict_set(d, "code", rf->code);
	if (k->product) {
		struct tdict *p = tdict_add_section(d, "PRODUCT");
		struct dbres *res;
		int64_t cur = strtoll(ref_value(rf, F_TYPE), NULL, 10);

		if ((rc = db_query(r->app->db, &refdata_db, STMT_TYPES_PICK,
		    DB_NOARGS, &res)) != 0)
			return rc;
		for (size_t i = 0; i < dbres_rows(res); i++) {
			int64_t id = dbres_int_col(res, i, "id");
			struct tdict *o;

			/* An inactive type only for the product that has it. */
			if (!dbres_int_col(res, i, "active") && id != cur)
				continue;
			o = tdict_add_section(p, "TYPE_OPTION");
			tdict_set_int(o, "id", id);
			tdict_set(o, "label",
			    tr_stored_named(r, res, i, "name"));
			if (id == cur)
				tdict_show_section(o, "SELECTED");
		}
		dbres_free(res);
	}
	snprintf(buf, sizeof(buf), "%s", rf->id > 0 ? "ref_edit_title" :
	    "ref_new_title");
	return page_send(r, status, "admin/refdata-form.tpl", buf, "admin");
}

/* Reads row id of kind k into rf (values as the form shows them).
 * Returns 0, TC_ENOTFOUND or a tc_err; *res keeps the texts (free it). */
static int
load_row(struct req *r, const struct kind *k, int64_t id,
    struct ref_form *rf, struct dbres **res, char price[TC_MONEY_SIZE],
    char cost[TC_MONEY_SIZE])
{
	int rc;

	if ((rc = db_query(r->app->db, &refdata_db, ST(kind_index(k), S_GET),
	    DB_ARGS(P_INT(id)), res)) != 0)
		return rc;
	if (dbres_rows(*res) == 0) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	memset(rf, 0, sizeof(*rf));
	rf->id = id;
	rf->val[F_CODE] = dbres_text_col(*res, 0, "code");
	rf->val[F_ZH] = dbres_text_col(*res, 0, "name_zh");
	rf->val[F_EN] = dbres_text_col(*res, 0, "name_en");
	rf->val[F_TYPE] = dbres_text_col(*res, 0, "product_type_id");
	rf->val[F_PRICE] = tc_money_str(price,
	    dbres_money_col(*res, 0, "list_price"), false);
	rf->val[F_COST] = tc_money_str(cost,
	    dbres_money_col(*res, 0, "standard_cost"), false);
	rf->active = dbres_int_col(*res, 0, "active") != 0;
	rf->used = dbres_int_col(*res, 0, "used");
	return 0;
}

/* A short description of the row for the audit detail: the code and
 * figures (names are data, read from the row). */
static void
audit_detail(char *buf, size_t len, const struct kind *k,
    const char *code, const struct form *f)
{
	if (k->product)
		snprintf(buf, len, "code=%s type=%s list_price=%s"
		    " standard_cost=%s", code, form_str(f, F_TYPE),
		    form_str(f, F_PRICE), form_str(f, F_COST));
	else
		snprintf(buf, len, "code=%s", code);
}

/* Creates (id 0) or updates row id of kind k from the posted form. */
static int
save(struct req *r, const struct kind *k, int64_t id)
{
	int ki = kind_index(k), nf = k->product ? F__MAX : F_SIMPLE_MAX;
	char price[TC_MONEY_SIZE], cost[TC_MONEY_SIZE], idtext[24];
	char detail[1024];
	struct ref_form rf, old;
	struct dbres *res = NULL, *oldres = NULL;
	const char *code;
	uint64_t new_id = 0;
	struct form f;
	int rc;

	memset(&rf, 0, sizeof(rf));
	memset(&old, 0, sizeof(old));
	if (id > 0 && (rc = load_row(r, k, id, &old, &oldres, price,
	    cost)) != 0)
		return rc;
	rc = form_validate(&f, ref_fields, (size_t)nf, &r->form);
	if (rc == TC_ENOMEM)
		goto out;
	rf.f = &f;
	rf.id = id;
	rf.used = old.used;
	rf.active = id > 0 ? old.active : true;
	/* Once used, the code stays what it was, whatever was posted. */
	if (old.used > 0) {
		form_ignore(&f, F_CODE);
		rf.code = old.val[F_CODE];
	}
	code = rf.code != NULL ? rf.code : form_str(&f, F_CODE);
	if (code != NULL) {
		if ((rc = db_query(r->app->db, &refdata_db,
		    ST(ki, S_CODE_TAKEN), DB_ARGS(P_TEXT(code), P_INT(id)),
		    &res)) != 0)
			goto out;
		if (dbres_rows(res) > 0 && (rc = form_set_error(&f, F_CODE,
		    "ref_err_code_taken", NULL)) != 0)
			goto out;
		dbres_free(res);
		res = NULL;
	}
	if (k->product && form_int(&f, F_TYPE, 0) > 0) {
		int64_t t = form_int(&f, F_TYPE, 0);
		bool ok = false;

		if ((rc = db_query(r->app->db, &refdata_db, STMT_TYPES_PICK,
		    DB_NOARGS, &res)) != 0)
			goto out;
		for (size_t i = 0; i < dbres_rows(res); i++)
			if (dbres_int_col(res, i, "id") == t &&
			    (dbres_int_col(res, i, "active") ||
			    t == strtoll(old.val[F_TYPE] ? old.val[F_TYPE] :
			    "0", NULL, 10)))
				ok = true;
		dbres_free(res);
		res = NULL;
		if (!ok && (rc = form_set_error(&f, F_TYPE, NULL, NULL)) != 0)
			goto out;
	}
	if (form_has_errors(&f)) {
		rc = form_page(r, 400, k, &rf);
		goto out;
	}

	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if (k->product) {
		if (id > 0)
			rc = db_exec(r->app->db, &refdata_db, ST(ki, S_UPDATE),
			    DB_ARGS(P_TEXT(code), P_TEXT(form_str(&f, F_ZH)),
			    P_TEXT(form_str(&f, F_EN)),
			    P_INT(form_int(&f, F_TYPE, 0)),
			    P_MONEY(form_int(&f, F_PRICE, 0)),
			    P_MONEY(form_int(&f, F_COST, 0)), P_INT(id)),
			    NULL, NULL);
		else
			rc = db_exec(r->app->db, &refdata_db, ST(ki, S_INSERT),
			    DB_ARGS(P_TEXT(code), P_TEXT(form_str(&f, F_ZH)),
			    P_TEXT(form_str(&f, F_EN)),
			    P_INT(form_int(&f, F_TYPE, 0)),
			    P_MONEY(form_int(&f, F_PRICE, 0)),
			    P_MONEY(form_int(&f, F_COST, 0))), NULL, &new_id);
	} else {
		if (id > 0)
			rc = db_exec(r->app->db, &refdata_db, ST(ki, S_UPDATE),
			    DB_ARGS(P_TEXT(code), P_TEXT(form_str(&f, F_ZH)),
			    P_TEXT(form_str(&f, F_EN)), P_INT(id)), NULL, NULL);
		else
			rc = db_exec(r->app->db, &refdata_db, ST(ki, S_INSERT),
			    DB_ARGS(P_TEXT(code), P_TEXT(form_str(&f, F_ZH)),
			    P_TEXT(form_str(&f, F_EN))), NULL, &new_id);
	}
	if (rc == TC_ECONFLICT) {
		/* Taken between the check and the write. */
		db_rollback(r->app->db);
		if ((rc = form_set_error(&f, F_CODE, "ref_err_code_taken",
		    NULL)) == 0)
			rc = form_page(r, 400, k, &rf);
		goto out;
	}
	snprintf(idtext, sizeof(idtext), "%lld",
	    (long long)(id > 0 ? id : (int64_t)new_id));
	audit_detail(detail, sizeof(detail), k, code, &f);
	if (rc != 0 || (rc = audit_write(r, id > 0 ? "refdata_update" :
	    "refdata_create", k->entity, idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	{
		char loc[96];

		snprintf(loc, sizeof(loc), "/admin/refdata/%s?done=%s",
		    k->slug, id > 0 ? "updated" : "created");
		rc = http_redirect(r, loc);
	}
out:
	dbres_free(res);
	dbres_free(oldres);
	form_free(&f);
	return rc;
}

/* --- handlers -------------------------------------------------------- */

/* GET /admin/refdata: how many rows of each kind, active or not. */
static int
overview_get(struct req *r)
{
	struct tdict *d = page_body(r);
	int rc;

	ref_tabs(r, d, NULL);
	for (size_t k = 0; k < K__MAX; k++) {
		struct tdict *c = tdict_add_section(d, "KIND");
		struct dbres *res;
		char href[64];

		if ((rc = db_query(r->app->db, &refdata_db,
		    ST((int)k, S_COUNTS), DB_NOARGS, &res)) != 0)
			return rc;
		snprintf(href, sizeof(href), "/admin/refdata/%s",
		    kinds[k].slug);
		tdict_set(c, "href", href);
		tdict_set(c, "slug", kinds[k].slug);
		tdict_set(c, "label", tr(r, kinds[k].key));
		tdict_set(c, "hint", tr(r, kinds[k].hint_key));
		tdict_set_int(c, "total", dbres_int_col(res, 0, "total"));
		tdict_set_int(c, "active", dbres_int_col(res, 0, "active"));
		tdict_set_int(c, "inactive", dbres_int_col(res, 0, "total") -
		    dbres_int_col(res, 0, "active"));
		dbres_free(res);
	}
	return page_send(r, 200, "admin/refdata-overview.tpl", "ref_title",
	    "admin");
}

/* GET /admin/refdata/<kind>: the rows, filtered by text and status. */
static int
list_get(struct req *r)
{
	const struct kind *k = kind_of(r->path);
	struct tdict *d = page_body(r);
	const char *done = req_get(&r->q, "done");
	const struct form_value *status;
	struct dbres *res;
	struct list l;
	int rc;

	if (k == NULL)
		return TC_ENOTFOUND;
	list_init(&l, &ref_lists[kind_index(k)]);
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	res = l.rows;
	if (done != NULL && (strcmp(done, "created") == 0 ||
	    strcmp(done, "updated") == 0 || strcmp(done, "deactivated") == 0 ||
	    strcmp(done, "activated") == 0)) {
		char key[48];

		snprintf(key, sizeof(key), "ref_done_%s", done);
		page_flash(r, "ok", tr(r, key));
	}
	ref_tabs(r, d, k);
	tdict_set(d, "kind_slug", k->slug);
	tdict_set(d, "kind_label", tr(r, k->key));
	tdict_set(d, "kind_hint", tr(r, k->hint_key));
	status = list_value(&l, LF_STATUS);
	form_choices(d, "STATUS_OPTION", status_choices, r->cat, "ref_status_",
	    status != NULL ? status->s : NULL);
	if (k->product)
		tdict_show_section(d, "PRODUCT_HEAD");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct tdict *row = tdict_add_section(d, "ROW");
		char href[96], buf[TC_MONEY_SIZE];

		tdict_set(row, "id", dbres_text_col(res, i, "id"));
		tdict_set(row, "code", dbres_text_col(res, i, "code"));
		/* the name in the person's language, the other one below */
		tdict_set(row, "name", tr_stored_named(r, res, i, "name"));
		tdict_set(row, "name_other", dbres_text_col(res, i,
		    strcmp(r->lang, "en") == 0 ? "name_zh" : "name_en"));
		tdict_set(row, "used", dbres_text_col(res, i, "used"));
		snprintf(href, sizeof(href), "/admin/refdata/%s/%s", k->slug,
		    dbres_text_col(res, i, "id"));
		tdict_set(row, "base", href);
		if (dbres_int_col(res, i, "active"))
			tdict_show_section(row, "ACTIVE");
		else {
			tdict_show_section(row, "INACTIVE");
			tdict_show_section(row, "ROW_MUTED");
		}
		if (k->product) {
			struct tdict *p = tdict_add_section(row, "PRODUCT");
			int64_t price = dbres_money_col(res, i, "list_price");
			int64_t cost = dbres_money_col(res, i, "standard_cost");

			tdict_set(p, "type", tr_stored_named(r, res, i, "type"));
			tdict_set(p, "list_price", tc_money_str(buf, price, true));
			tdict_set(p, "standard_cost", tc_money_str(buf, cost,
			    true));
			if (price > 0) {
				/* gross margin in tenths of a percent, rounded */
				__int128 m = (__int128)(price - cost) * 2000 /
				    price;
				long long t = (long long)((m + (m >= 0 ? 1 : -1))
				    / 2);

				snprintf(buf, sizeof(buf), "%s%lld.%lld%%",
				    t < 0 ? "-" : "", llabs(t) / 10,
				    llabs(t) % 10);
				tdict_set(p, "margin", buf);
				if (t < 0)
					tdict_show_section(p, "MARGIN_NEG");
			} else
				tdict_set(p, "margin", "—");
		}
	}
	rc = page_send(r, list_status(&l), "admin/refdata-list.tpl", k->key,
	    "admin");
out:
	list_done(&l);
	return rc;
}

/* GET /admin/refdata/<kind>/new */
static int
new_get(struct req *r)
{
	const struct kind *k = kind_of(r->path);
	struct ref_form rf;

	if (k == NULL)
		return TC_ENOTFOUND;
	memset(&rf, 0, sizeof(rf));
	rf.active = true;
	rf.val[F_PRICE] = "";
	rf.val[F_COST] = "";
	return form_page(r, 200, k, &rf);
}

/* POST /admin/refdata/<kind>/new */
static int
new_post(struct req *r)
{
	const struct kind *k = kind_of(r->path);

	if (k == NULL)
		return TC_ENOTFOUND;
	return save(r, k, 0);
}

/* GET /admin/refdata/<kind>/#/edit */
static int
edit_get(struct req *r)
{
	const struct kind *k = kind_of(r->path);
	char price[TC_MONEY_SIZE], cost[TC_MONEY_SIZE];
	struct dbres *res = NULL;
	struct ref_form rf;
	int rc;

	if (k == NULL)
		return TC_ENOTFOUND;
	if ((rc = load_row(r, k, r->ids[0], &rf, &res, price, cost)) != 0)
		return rc;
	rc = form_page(r, 200, k, &rf);
	dbres_free(res);
	return rc;
}

/* POST /admin/refdata/<kind>/#/edit */
static int
edit_post(struct req *r)
{
	const struct kind *k = kind_of(r->path);

	if (k == NULL)
		return TC_ENOTFOUND;
	return save(r, k, r->ids[0]);
}

/* Sets the active flag of row ids[0]; audits it; back to the list. */
static int
set_active(struct req *r, bool active)
{
	const struct kind *k = kind_of(r->path);
	char price[TC_MONEY_SIZE], cost[TC_MONEY_SIZE], idtext[24];
	char loc[96], detail[64];
	struct dbres *res = NULL;
	struct ref_form rf;
	int rc;

	if (k == NULL)
		return TC_ENOTFOUND;
	if ((rc = load_row(r, k, r->ids[0], &rf, &res, price, cost)) != 0)
		return rc;
	snprintf(idtext, sizeof(idtext), "%lld", (long long)r->ids[0]);
	snprintf(detail, sizeof(detail), "code=%s", rf.val[F_CODE]);
	if ((rc = db_begin(r->app->db)) != 0 ||
	    (rc = db_exec(r->app->db, &refdata_db,
	    ST(kind_index(k), S_SET_ACTIVE), DB_ARGS(P_INT(active ? 1 : 0),
	    P_INT(r->ids[0])), NULL, NULL)) != 0 ||
	    (rc = audit_write(r, active ? "refdata_activate" :
	    "refdata_deactivate", k->entity, idtext, detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0) {
		db_rollback(r->app->db);
		dbres_free(res);
		return rc;
	}
	dbres_free(res);
	snprintf(loc, sizeof(loc), "/admin/refdata/%s?done=%s", k->slug,
	    active ? "activated" : "deactivated");
	return http_redirect(r, loc);
}

static int
deactivate_post(struct req *r)
{
	return set_active(r, false);
}

static int
activate_post(struct req *r)
{
	return set_active(r, true);
}

#define KIND_ROUTES(slug) \
	{ "GET", "/admin/refdata/" slug, ROLE_ADMIN, list_get }, \
	{ "GET", "/admin/refdata/" slug "/new", ROLE_ADMIN, new_get }, \
	{ "POST", "/admin/refdata/" slug "/new", ROLE_ADMIN, new_post }, \
	{ "GET", "/admin/refdata/" slug "/#/edit", ROLE_ADMIN, edit_get }, \
	{ "POST", "/admin/refdata/" slug "/#/edit", ROLE_ADMIN, edit_post }, \
	{ "POST", "/admin/refdata/" slug "/#/deactivate", ROLE_ADMIN, \
	    deactivate_post }, \
	{ "POST", "/admin/refdata/" slug "/#/activate", ROLE_ADMIN, \
	    activate_post }

static const struct route refdata_routes[] = {
	{ "GET", "/admin/refdata", ROLE_ADMIN, overview_get },
	KIND_ROUTES("product-types"),
	KIND_ROUTES("regions"),
	KIND_ROUTES("channels"),
	KIND_ROUTES("products"),
};

const struct route_set refdata_route_set = ROUTE_SET(refdata_routes);
