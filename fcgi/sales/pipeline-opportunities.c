/* pipeline-opportunities.c: the opportunity list (classified, filtered,
 * sorted, paged), the form to create and edit one, its detail page with
 * stage history and activity timeline, and its stage buttons.  What is
 * written goes through the module's functions (pipeline-write.c): the
 * stages are a workflow (core/workflow.h), a move made from a page that
 * is out of date is refused (409) with the stage as it is now. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/module.h"
#include "core/money.h"
#include "core/formview.h"
#include "core/list.h"
#include "core/workflow.h"
#include "sales/pipeline-date.h"
#include "sales/orders.h"
#include "sales/pipeline.h"
#include "sales/write.h"

enum stmt {
	STMT_OPP_EXTRA,
	STMT_OPP_GET,
	STMT_CHANGES,
	STMT_LINES,
	STMT__MAX
};

/* Columns of STMT_OPP_GET. */
enum { G_STAGE, G_OWNER, G_CUSTOMER, G_TITLE, G_NEEDS, G_AMOUNT, G_CLOSE,
    G_FOLLOW_UP, G_LOST_REASON };

static const char *const stmts[STMT__MAX] = {
	[STMT_OPP_EXTRA] =
	    "SELECT o.needs, o.lost_reason, o.created_at, o.stage_changed_at"
	    " FROM opportunities o WHERE o.id = ? AND " SCOPE_SQL("o.owner_id"),
	/* an opportunity as the edit form shows it, in the write scope */
	[STMT_OPP_GET] =
	    "SELECT o.stage, o.owner_id, o.customer_id, o.title, o.needs,"
	    " o.amount, o.expected_close, o.next_follow_up, o.lost_reason"
	    " FROM opportunities o WHERE o.id = ? AND " SCOPE_SQL("o.owner_id"),
	[STMT_CHANGES] =
	    "SELECT ch.from_stage, ch.to_stage, ch.changed_at, p.name"
	    " FROM opportunity_stage_changes ch JOIN people p"
	    " ON p.id = ch.changed_by WHERE ch.opportunity_id = ?"
	    " ORDER BY ch.changed_at, ch.id",
	/* the product lines of opportunity id (its scope checked before) */
	[STMT_LINES] =
	    "SELECT l.line_no, l.product_id, l.quantity, l.amount, p.code,"
	    " p.name_zh, p.name_en, t.name_zh, t.name_en"
	    " FROM opportunity_lines l JOIN products p ON p.id = l.product_id"
	    " JOIN product_types t ON t.id = p.product_type_id"
	    " WHERE l.opportunity_id = ? ORDER BY l.line_no",
};

/* Columns of STMT_LINES. */
enum { L_NO, L_PRODUCT, L_QTY, L_AMOUNT, L_CODE, L_NAME_ZH, L_NAME_EN,
    L_TYPE_ZH, L_TYPE_EN };

static struct db_table opp_db = DB_TABLE("opportunities", stmts);

#define stage_codes opportunity_stages

/* The opportunity for its stage buttons: *row (free with wf_row_free)
 * when r's person may move it, NULL when not.  Returns 0 or a tc_err. */
static int
opp_stage_row(struct req *r, int64_t id, struct wf_row **row)
{
	struct scope ws = scope_of(r, &sales_scope_write);
	int rc;

	*row = NULL;
	if (!has_role(r, PIPE_ROLES_WRITE))
		return 0;
	rc = wf_load(r->app->db, &sales_opportunity_flow, id, &ws, row);
	return rc == TC_ENOTFOUND ? 0 : rc;
}

/* ---- the list (core/list) ---- */

/* The values the tags' conditions and the score compare with. */
enum { CTX_TODAY, CTX_STALE, CTX_MONTH, CTX_LARGE };

enum opp_filter { OPF_STAGE, OPF_REP, OPF_CUSTOMER, OPF_TAG, OPF_MONTH,
    OPF__MAX };

static const char *const tag_codes[PIPE_TAG__COUNT + 1] = {
	"overdue", "stale", "closing", "large", NULL
};

/* The tags of pipeline-priority.h as conditions, in tag_codes' order. */
static const struct list_frag tag_where[PIPE_TAG__COUNT] = {
	{ "s.is_open AND o.next_follow_up < ?", { LA_CTX0 } },
	{ "s.is_open AND " PIPE_LAST_TOUCH_SQL " <= ?", { LA_CTX1 } },
	{ "s.is_open AND o.expected_close >= ?"
	    " AND o.expected_close < CAST(? AS DATE) + INTERVAL 1 MONTH",
	    { LA_CTX2, LA_CTX2 } },
	{ "s.is_open AND o.amount > 0 AND o.amount >= ? AND ? > 0",
	    { LA_CTX3, LA_CTX3 } },
};

#define ID_FIELD(name) { name, form_int64, 0, 1, INT32_MAX, NULL, NULL }

static const struct list_filter opp_filters[OPF__MAX] = {
	[OPF_STAGE] = { .field = { "stage", form_oneof, 0, 0, 0, NULL,
	    stage_codes }, .label = "sales_stage",
	    .where = { "o.stage = ?", { LA_TEXT } } },
	[OPF_REP] = { .field = ID_FIELD("rep"), .label = "sales_rep",
	    .where = { "o.owner_id = ?", { LA_INT } } },
	[OPF_CUSTOMER] = { .field = ID_FIELD("customer"),
	    .label = "sales_customer",
	    .where = { "o.customer_id = ?", { LA_INT } } },
	[OPF_TAG] = { .field = { "tag", form_oneof, 0, 0, 0, NULL,
	    tag_codes }, .label = "pipe_tag", .choice_where = tag_where },
	[OPF_MONTH] = { .field = { "month", form_month, 0, 0, 0, NULL, NULL },
	    .label = "pipe_close_month",
	    .where = { "o.expected_close >= ?"
	    " AND o.expected_close < CAST(? AS DATE) + INTERVAL 1 MONTH",
	    { LA_MONTH_FIRST, LA_MONTH_FIRST } } },
};

/* Each served by an index of opportunities (sql/sales/001 and 004, the
 * id carried as the tie-breaker), but the score: it depends on today,
 * so no index can hold it; it is the default because it is what a rep
 * works through (MariaDB keeps the top of the page while it reads the
 * scope's rows, it does not sort them all).  The customer is a name in
 * another table and the weighted amount a product with the stage's
 * probability: no index of opportunities orders by them. */
static const struct list_sort opp_sorts[] = {
	{ "title", "pipe_opp_title", "o.title, o.id",
	    "o.title DESC, o.id DESC", 0 },
	{ "stage", "sales_stage", "o.stage_pos, o.id",
	    "o.stage_pos DESC, o.id DESC", 0 },
	{ "amount", "sales_amount", "o.amount, o.id",
	    "o.amount DESC, o.id DESC", LIST_SORT_NUM },
	{ "close", "sales_expected_close", "o.expected_close, o.id",
	    "o.expected_close DESC, o.id DESC", 0 },
	{ "follow_up", "sales_next_follow_up", "o.next_follow_up, o.id",
	    "o.next_follow_up DESC, o.id DESC", 0 },
	{ "score", "pipe_score", "score, o.expected_close DESC, o.id DESC",
	    "score DESC, o.expected_close, o.id",
	    LIST_SORT_NUM | LIST_SORT_DESC_FIRST | LIST_SORT_COMPUTED },
};
#define SORT_SCORE 5

const struct list_scope sales_opportunities_scope = LIST_SCOPE_PERSON("o.owner_id");

const struct list_def sales_opportunities_list = {
	.name = "opportunities-list",
	.path = "/sales/opportunities",
	.select = "SELECT " PIPE_OPP_COLS ", " PIPE_SCORE_SQL " AS score",
	.select_args = { LA_CTX0, LA_CTX0, LA_CTX1, LA_CTX1, LA_CTX0,
	    LA_CTX0 },
	.from = PIPE_OPP_FROM,
	.totals = "COUNT(*), COALESCE(SUM(t.am), 0), COALESCE(SUM(t.wt), 0)",
	.totals_cols = "o.amount AS am,"
	    " ROUND(o.amount * s.probability / 100, 2) AS wt",
	.filters = opp_filters, .nfilters = OPF__MAX,
	.sorts = opp_sorts, .nsorts = sizeof(opp_sorts) / sizeof(opp_sorts[0]),
	.sort_default = SORT_SCORE, .desc_default = true,
	.per_page = PIPE_PER_PAGE,
	/* the next page past the last row (the order of opp_sorts; a
	 * follow-up date may be NULL, the score is computed: by OFFSET) */
	.keyset_table = "opportunities", .keyset_alias = "o",
	.sort_keys = (const char *const[]){ "title,id", "stage_pos,id",
	    "amount,id", "expected_close,id", NULL, NULL },
};

static void
opp_row(struct req *r, struct tdict *row, const struct pipe_opp *o)
{
	tdict_set_int(row, "id", o->id);
	tdict_set(row, "title", o->title);
	tdict_set_int(row, "customer_id", o->customer_id);
	tdict_set(row, "customer", o->customer);
	tdict_set(row, "owner", o->owner);
	tdict_set(row, "stage", o->stage);
	tdict_set(row, "stage_label", pipe_stage_label(r, o->stage));
	pipe_set_money(row, "amount", o->amount);
	pipe_set_money(row, "weighted", o->weighted);
	tdict_set(row, "close", o->close);
	tdict_set(row, "follow_up", *o->follow_up ? o->follow_up : "—");
	tdict_set_int(row, "score", o->score);
	pipe_tags_fill(r, row, o->tags);
}

/* Fills rows of section into d (used by the overview too). */
void pipe_opp_rows(struct req *r, struct tdict *d, const char *section,
    const struct pipe_opp *v, size_t from, size_t to);

void
pipe_opp_rows(struct req *r, struct tdict *d, const char *section,
    const struct pipe_opp *v, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		opp_row(r, tdict_add_section(d, section), &v[i]);
}

/* The id of filter k as text when it is set, else NULL (the pickers). */
static const char *
filter_id(const struct list *l, size_t k, char *buf, size_t len)
{
	const struct form_value *v = list_value(l, k);

	if (v == NULL)
		return NULL;
	snprintf(buf, len, "%lld", (long long)v->i);
	return buf;
}

/* The filter form's pickers, the chosen value selected. */
static int
opp_pickers(struct req *r, struct tdict *d, const struct list *l,
    const struct scope *s)
{
	const struct form_value *st = list_value(l, OPF_STAGE);
	const struct form_value *tg = list_value(l, OPF_TAG);
	char rep[24], cust[24];
	int rc;

	form_choices(d, "STAGE_OPT", stage_codes, r->cat, "sales_stage_",
	    st != NULL ? st->s : NULL);
	form_choices(d, "TAG_OPT", tag_codes, r->cat, "pipe_tag_",
	    tg != NULL ? tg->s : NULL);
	if ((rc = pipe_rep_options(r, d, "REP_OPT", s,
	    filter_id(l, OPF_REP, rep, sizeof(rep)))) < 0 ||
	    (rc = pipe_customer_options(r, d, "CUSTOMER_OPT", s,
	    filter_id(l, OPF_CUSTOMER, cust, sizeof(cust)))) < 0)
		return rc;
	return 0;
}

int
pipe_opps_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct pipe_classify c;
	char today[16], stale[16], month[16];
	struct list l;
	int y, m, dd, rc;

	if ((rc = pipe_classify_init(r, &s, &c)) != 0)
		return rc;
	pipe_fmt_date(today, sizeof(today), c.today);
	pipe_fmt_date(stale, sizeof(stale), c.today - c.stale_days);
	tc_civil_from_days(c.today, &y, &m, &dd);
	snprintf(month, sizeof(month), "%04d-%02d-01", y, m);
	list_init(&l, &sales_opportunities_list);
	list_scope(&l, &sales_opportunities_scope, s.kind, s.me, s.team, s.login);
	list_ctx(&l, CTX_TODAY, P_TEXT(today));
	list_ctx(&l, CTX_STALE, P_TEXT(stale));
	list_ctx(&l, CTX_MONTH, P_TEXT(month));
	list_ctx(&l, CTX_LARGE, P_MONEY(c.large));
	if ((rc = list_run(&l, r, d)) != 0 ||
	    (rc = opp_pickers(r, d, &l, &s)) != 0)
		goto out;
	if (l.sort == SORT_SCORE && l.desc)
		tdict_show_section(d, "SORT_PRIORITY");
	for (size_t i = 0; i < list_rows(&l); i++) {
		struct pipe_opp o = { 0 };

		rc = pipe_opp_read(&o, l.rows, i, &c);
		if (rc == 0)
			opp_row(r, tdict_add_section(d, "OPP"), &o);
		free(o.title);
		free(o.customer);
		free(o.owner);
		if (rc != 0)
			goto out;
	}
	if (list_rows(&l) > 0 && !l.capped) {
		struct tdict *t = tdict_add_section(d, "TOTALS");

		pipe_set_money(t, "total_amount", dbres_money(l.totals, 0, 1));
		pipe_set_money(t, "total_weighted",
		    dbres_money(l.totals, 0, 2));
	}
	if (has_role(r, PIPE_ROLES_WRITE))
		tdict_show_section(d, "CAN_WRITE");
	sales_tabs(r, "opportunities");
	rc = page_send(r, list_status(&l), "sales/pipeline-opportunities.tpl",
	    "pipe_opps_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* ---- the form ---- */

static const char *const opp_labels[OPP__MAX] = {
	[OPP_OWNER] = "sales_owner", [OPP_CUSTOMER] = "sales_customer",
	[OPP_TITLE] = "pipe_opp_title", [OPP_NEEDS] = "pipe_needs",
	[OPP_AMOUNT] = "sales_amount", [OPP_STAGE] = "sales_stage",
	[OPP_CLOSE] = "sales_expected_close",
	[OPP_FOLLOW_UP] = "sales_next_follow_up",
	[OPP_LOST_REASON] = "pipe_lost_reason",
};

static const char *const line_labels[OPPL__MAX] = {
	[OPPL_PRODUCT] = "sales_product", [OPPL_QTY] = "sales_quantity",
	[OPPL_AMOUNT] = "sales_amount",
};

#define OPP_FORM_LINES 3        /* empty line rows a form offers */

/* The product line rows of the form (section LROW: n, the values, the
 * product picker): as posted (lines, with their errors, listed in fe),
 * else stored for opportunity id (0: none), and empty rows up to
 * OPP_FORM_LINES more (at most OPP_LINES_MAX).  Returns 0 or a tc_err. */
static int
opp_lines_form(struct req *r, struct tdict *d, struct form_errors *fe,
    int64_t id, const struct opp_lines *lines)
{
	struct dbres *res = NULL;
	char q[TC_MONEY_SIZE];
	size_t have = 0, rows;
	int rc = 0;

	if (lines != NULL)
		have = lines->n;
	else if (id > 0) {
		if ((rc = db_query(r->app->db, &opp_db, STMT_LINES,
		    DB_ARGS(P_INT(id)), &res)) != 0)
			return rc;
		have = dbres_rows(res);
	}
	rows = have + OPP_FORM_LINES;
	if (rows > OPP_LINES_MAX)
		rows = have > OPP_LINES_MAX ? have : OPP_LINES_MAX;
	for (size_t i = 0; i < rows; i++) {
		struct tdict *t = tdict_add_section(d, "LROW");
		int64_t product = 0, v;

		tdict_set_int(t, "n", (long long)(i + 1));
		if (lines != NULL && i < have) {
			if ((rc = form_show(fe, t, &lines->row[i], line_labels,
			    "pipe_line_n")) != 0)
				break;
			product = form_int(&lines->row[i], OPPL_PRODUCT, 0);
		} else if (res != NULL && i < have) {
			product = dbres_int(res, i, L_PRODUCT);
			tdict_set_int(t, "lproduct", product);
			if (dbres_dec(res, i, L_QTY, TC_SCALE_QTY, &v) == 0)
				tdict_set(t, "lqty", tc_qty_str(q, v));
			tdict_set(t, "lamount", tc_money_str(q,
			    dbres_money(res, i, L_AMOUNT), false));
		}
		if ((rc = orders_options(r, t, "PRODUCT_OPT", "product",
		    product, NULL)) != 0)
			break;
	}
	tdict_set_int(d, "line_rows", (long long)rows);
	dbres_free(res);
	return rc;
}

/* Renders the form.  f (may be NULL) holds what was typed, shown with
 * its errors, and lines its product lines; otherwise the caller set the
 * values in d (the lines are read for id).  id 0: a new opportunity;
 * stage: the one selected (new) or stored (edit). */
static int
opp_form_page(struct req *r, int status, int64_t id, const char *stage,
    const struct form *f, const struct opp_lines *lines, const char *owner,
    const char *customer)
{
	struct tdict *d = page_body(r);
	struct scope ws = scope_of(r, &sales_scope_write);
	struct form_errors fe;
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL && (rc = form_show(&fe, d, f, opp_labels, NULL)) != 0)
		return rc;
	if ((rc = opp_lines_form(r, d, &fe, id, f != NULL ? lines : NULL)) != 0)
		return rc;
	if (id == 0) {
		tdict_show_section(d, "NEW");
		form_choices(d, "STAGE_OPT", stage_codes, r->cat,
		    "sales_stage_", stage);
		tdict_set(d, "action", "/sales/opportunities/new");
		tdict_set(d, "cancel", "/sales/opportunities");
	} else {
		char buf[96];

		tdict_show_section(d, "EDIT");
		tdict_set_int(d, "id", id);
		snprintf(buf, sizeof(buf), "/sales/opportunities/%lld/edit",
		    (long long)id);
		tdict_set(d, "action", buf);
		snprintf(buf, sizeof(buf), "/sales/opportunities/%lld",
		    (long long)id);
		tdict_set(d, "cancel", buf);
		if (stage != NULL && strcmp(stage, "lost") == 0)
			tdict_show_section(d, "LOST");
		tdict_set(d, "stage_label", pipe_stage_label(r, stage));
	}
	if ((rc = pipe_rep_options(r, d, "OWNER_OPT", &ws, owner)) < 0)
		return rc;
	if ((rc = pipe_customer_options(r, d, "CUSTOMER_OPT", &ws,
	    customer)) < 0)
		return rc;
	if (rc == 0)
		tdict_show_section(d, "NO_CUSTOMERS");
	sales_tabs(r, "opportunities");
	return page_send(r, status, "sales/pipeline-opportunity-form.tpl",
	    id == 0 ? "pipe_opp_new" : "pipe_opp_edit", "sales");
}

int
pipe_opp_new_get(struct req *r)
{
	struct tdict *d = page_body(r);
	const char *cust = req_get(&r->q, "customer");
	char me[32];

	snprintf(me, sizeof(me), "%lld", (long long)r->me.id);
	tdict_set(d, "customer", cust);
	return opp_form_page(r, 200, 0, "lead", NULL, NULL, me, cust);
}

/* Reads opportunity id for the edit form within r's write scope: who may
 * edit it is decided here for the form, and by sales_opportunity_save
 * for its POST, with the same scope.  Returns 0 with *res (one row, free
 * with dbres_free), TC_ENOTFOUND, or a tc_err; *res is NULL on failure. */
static int
opp_for_edit(struct req *r, int64_t id, struct dbres **res)
{
	struct scope ws = scope_of(r, &sales_scope_write);
	int rc;

	if ((rc = db_query(r->app->db, &opp_db, STMT_OPP_GET,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&ws)), res)) != 0)
		return rc;
	if (dbres_rows(*res) != 1) {
		dbres_free(*res);
		*res = NULL;
		return TC_ENOTFOUND;
	}
	return 0;
}

/* Saves the form posted for opportunity id (0: a new one): back to the
 * form with what was refused, else on to its page. */
static int
opp_save(struct req *r, int64_t id)
{
	struct sales_actor a = sales_actor_of(r);
	struct dbres *res = NULL;
	struct opp_lines lines;
	struct form f;
	int64_t saved = 0;
	char loc[96], stage[17];
	int rc;

	memset(&lines, 0, sizeof(lines));
	rc = sales_opportunity_save_lines(&a, id, &r->form, &f, &lines,
	    &saved);
	if (rc == TC_EINVAL) {
		snprintf(stage, sizeof(stage), "%s", form_raw(&f, OPP_STAGE));
		if (id > 0) {
			if ((rc = opp_for_edit(r, id, &res)) != 0)
				goto out;
			snprintf(stage, sizeof(stage), "%s",
			    dbres_text(res, 0, G_STAGE));
		}
		rc = opp_form_page(r, 400, id, stage, &f, &lines,
		    form_raw(&f, OPP_OWNER), form_raw(&f, OPP_CUSTOMER));
	} else if (rc == 0) {
		snprintf(loc, sizeof(loc), "/sales/opportunities/%lld?done=%s",
		    (long long)saved, id == 0 ? "created" : "saved");
		rc = http_redirect(r, loc);
	}
out:
	dbres_free(res);
	form_free(&f);
	for (size_t i = 0; i < lines.n; i++)
		form_free(&lines.row[i]);
	return rc;
}

int
pipe_opp_new_post(struct req *r)
{
	return opp_save(r, 0);
}

int
pipe_opp_edit_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct dbres *res;
	char owner[32], cust[32], amount[TC_MONEY_SIZE], stage[17];
	int rc;

	if ((rc = opp_for_edit(r, r->ids[0], &res)) != 0)
		return rc;
	snprintf(stage, sizeof(stage), "%s", dbres_text(res, 0, G_STAGE));
	snprintf(owner, sizeof(owner), "%s", dbres_text(res, 0, G_OWNER));
	snprintf(cust, sizeof(cust), "%s", dbres_text(res, 0, G_CUSTOMER));
	tdict_set(d, "title", dbres_text(res, 0, G_TITLE));
	tdict_set(d, "needs", dbres_text(res, 0, G_NEEDS));
	tdict_set(d, "amount", tc_money_str(amount, dbres_money(res, 0, G_AMOUNT),
	    false));
	tdict_set(d, "expected_close", dbres_text(res, 0, G_CLOSE));
	tdict_set(d, "next_follow_up", dbres_text(res, 0, G_FOLLOW_UP));
	tdict_set(d, "lost_reason", dbres_text(res, 0, G_LOST_REASON));
	dbres_free(res);
	return opp_form_page(r, 200, r->ids[0], stage, NULL, NULL, owner,
	    cust);
}

int
pipe_opp_edit_post(struct req *r)
{
	return opp_save(r, r->ids[0]);
}

/* ---- the detail page ---- */

/* The stage buttons' form: the stage to move to, the stage the page
 * showed, and the reason when lost. */
enum stage_field { S_TO, S_FROM, S_REASON, S__MAX };

static const struct field stage_fields[S__MAX] = {
	[S_TO] = { "to", form_oneof, 1, 0, 0, "pipe_err_stage", stage_codes },
	[S_FROM] = { "from", form_oneof, 0, 0, 0, "pipe_err_stage",
	    stage_codes },
	[S_REASON] = { "lost_reason", form_text, 0, 0, 255,
	    "pipe_err_lost_reason_text", NULL },
};

static const char *const stage_labels[S__MAX] = {
	[S_REASON] = "pipe_lost_reason",
};

/* The product lines of opportunity id, as its page shows them
 * (section LINES with rows LINE, or NO_LINES). */
static int
opp_lines_show(struct req *r, struct tdict *d, int64_t id)
{
	struct dbres *res;
	struct tdict *ls;
	char q[TC_MONEY_SIZE];
	int64_t total = 0, v;
	int rc;

	if ((rc = db_query(r->app->db, &opp_db, STMT_LINES, DB_ARGS(P_INT(id)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) == 0) {
		tdict_show_section(d, "NO_LINES");
		dbres_free(res);
		return 0;
	}
	ls = tdict_add_section(d, "LINES");
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *t = tdict_add_section(ls, "LINE");

		tdict_set(t, "line_no", dbres_text(res, i, L_NO));
		tdict_set(t, "product_code", dbres_text(res, i, L_CODE));
		tdict_set(t, "product", tr_stored(r, dbres_text(res, i,
		    L_NAME_ZH), dbres_text(res, i, L_NAME_EN)));
		tdict_set(t, "ptype", tr_stored(r, dbres_text(res, i, L_TYPE_ZH),
		    dbres_text(res, i, L_TYPE_EN)));
		if (dbres_dec(res, i, L_QTY, TC_SCALE_QTY, &v) == 0)
			tdict_set(t, "quantity", tc_qty_str(q, v));
		pipe_set_money(t, "amount", dbres_money(res, i, L_AMOUNT));
		total += dbres_money(res, i, L_AMOUNT);
	}
	pipe_set_money(ls, "lines_total", total);
	dbres_free(res);
	return 0;
}

/* The detail page, with status.  lost: the "mark lost" form as posted,
 * shown with its errors (NULL: an empty one); conflict: a move was
 * refused because the stage had moved on. */
/* Whether the commission module, whose estimate page the opportunity
 * links to, is in the build and deployed. */
static bool
estimate_deployed(const struct req *r)
{
	const struct module *m = module_find(r->app->modules, "commission");

	return m != NULL && m->prefix != NULL &&
	    module_deployed(r->app->conf, m);
}

static int
opp_detail_page(struct req *r, int status, const struct form *lost,
    bool conflict)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct pipe_opp_filter flt = { .id = r->ids[0] };
	struct pipe_stage st[PIPE_MAX_STAGES];
	struct pipe_opp *v = NULL;
	struct dbres *res = NULL;
	struct wf_row *row = NULL;
	struct wf_actor wa = wf_actor_of(r);
	const char *done = req_get(&r->q, "done");
	const struct pipe_stage *cur;
	size_t n = 0, nst;
	char buf[128];
	int rc;

	if ((rc = pipe_stages(r, st, &nst)) != 0 ||
	    (rc = pipe_opps_load(r, &s, &flt, &v, &n)) != 0)
		return rc;
	if (n != 1) {
		pipe_opps_free(v, n);
		return TC_ENOTFOUND;
	}
	if ((rc = opp_stage_row(r, r->ids[0], &row)) != 0)
		goto out;
	opp_row(r, d, &v[0]);
	tdict_set(d, "owner_name", v[0].owner);
	cur = pipe_stage_find(st, nst, v[0].stage);
	tdict_set_int(d, "probability", cur ? cur->probability : 0);
	if ((rc = db_query(r->app->db, &opp_db, STMT_OPP_EXTRA,
	    DB_ARGS(P_INT(r->ids[0]), SCOPE_ARGS(&s)), &res)) != 0)
		goto out;
	if (dbres_rows(res) == 1) {
		tdict_set(d, "needs", dbres_text(res, 0, 0));
		if (strcmp(v[0].stage, "lost") == 0)
			tdict_set(tdict_add_section(d, "LOST_REASON"),
			    "lost_reason", dbres_text(res, 0, 1));
		tdict_set(d, "created_at", dbres_text(res, 0, 2));
	}
	dbres_free(res);
	res = NULL;
	if ((rc = opp_lines_show(r, d, r->ids[0])) != 0)
		goto out;
	/* Stage steps (open path to won), history, the moves the person
	 * may make now (the workflow's answer, in funnel order). */
	for (size_t i = 0; i < nst; i++) {
		struct tdict *sd;

		if (strcmp(st[i].code, "lost") != 0) {
			sd = tdict_add_section(d, "STEP");
			tdict_set(sd, "label", pipe_stage_label(r, st[i].code));
			if (cur != NULL && strcmp(cur->code, "lost") != 0 &&
			    st[i].position < cur->position)
				tdict_set(sd, "class", "done");
			else if (cur != NULL && st[i].position == cur->position)
				tdict_set(sd, "class", "current");
		}
		if (row == NULL || strcmp(st[i].code, "lost") == 0 ||
		    !wf_may(&wa, row, st[i].code))
			continue;
		sd = tdict_add_section(d, "MOVE");
		tdict_set(sd, "to", st[i].code);
		tdict_set(sd, "label", pipe_stage_label(r, st[i].code));
		tdict_set(sd, "class", strcmp(st[i].code, "won") == 0 ?
		    "primary" : "");
	}
	if (row != NULL) {
		/* the stage the buttons move from, to refuse a stale page */
		tdict_set(d, "from_stage", wf_row_state(row));
	}
	if (row != NULL && wf_may(&wa, row, "lost")) {
		struct tdict *l = tdict_add_section(d, "MOVE_LOST");
		struct form_errors fe;

		form_errors_init(&fe, l, r->cat);
		if (lost == NULL)
			tdict_set(l, "lost_reason", "");
		else if ((rc = form_show(&fe, l, lost, stage_labels, NULL)) != 0)
			goto out;
	}
	if (row != NULL)
		tdict_show_section(d, "CAN_WRITE");
	/* What winning it would add to the owner's commission: the
	 * commission module's estimate, linked by URL, for the reps and
	 * managers who may see it (their own or their team's open
	 * opportunity) when the module is deployed. */
	if (strcmp(v[0].stage, "won") != 0 && strcmp(v[0].stage, "lost") != 0 &&
	    has_role(r, ROLE_SALES | ROLE_MANAGER) && estimate_deployed(r)) {
		snprintf(buf, sizeof(buf), "/commission/estimate?opportunity=%lld",
		    (long long)v[0].id);
		tdict_set(tdict_add_section(d, "ESTIMATE"), "estimate_href", buf);
	}
	if (strcmp(v[0].stage, "won") == 0) {
		struct tdict *w = tdict_add_section(d, "WON");

		if (v[0].order_id > 0) {
			struct tdict *o = tdict_add_section(w, "HAS_ORDER");

			snprintf(buf, sizeof(buf), "/sales/orders/%lld",
			    (long long)v[0].order_id);
			tdict_set(o, "order_href", buf);
		} else if (row != NULL) {
			struct tdict *o = tdict_add_section(w, "CREATE_ORDER");

			snprintf(buf, sizeof(buf),
			    "/sales/orders/new?opportunity=%lld",
			    (long long)v[0].id);
			tdict_set(o, "order_new_href", buf);
		}
	}
	if ((rc = db_query(r->app->db, &opp_db, STMT_CHANGES,
	    DB_ARGS(P_INT(r->ids[0])), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *h = tdict_add_section(d, "CHANGE");

		if (dbres_null(res, i, 0))
			tdict_show_section(h, "CREATED");
		else
			tdict_set(tdict_add_section(h, "FROM"), "from",
			    pipe_stage_label(r, dbres_text(res, i, 0)));
		tdict_set(h, "to", pipe_stage_label(r, dbres_text(res, i, 1)));
		tdict_set(h, "to_code", dbres_text(res, i, 1));
		tdict_set(h, "at", dbres_text(res, i, 2));
		tdict_set(h, "by", dbres_text(res, i, 3));
	}
	if ((rc = pipe_timeline_fill(r, d, 0, r->ids[0])) != 0)
		goto out;
	snprintf(buf, sizeof(buf), "/sales/activities/new?customer=%lld&"
	    "opportunity=%lld", (long long)v[0].customer_id,
	    (long long)v[0].id);
	tdict_set(d, "log_href", buf);
	if (done != NULL) {
		if (strcmp(done, "created") == 0)
			page_flash(r, "ok", tr(r, "pipe_flash_opp_created"));
		else if (strcmp(done, "saved") == 0)
			page_flash(r, "ok", tr(r, "pipe_flash_saved"));
		else if (strcmp(done, "stage") == 0)
			page_flash(r, "ok", tr(r, "pipe_flash_stage"));
	}
	if (conflict)
		wf_flash_conflict(r, pipe_stage_label(r, v[0].stage));
	sales_tabs(r, "opportunities");
	rc = page_send(r, status, "sales/pipeline-opportunity.tpl",
	    "pipe_opp_detail", "sales");
out:
	wf_row_free(row);
	dbres_free(res);
	pipe_opps_free(v, n);
	return rc;
}

int
pipe_opp_get(struct req *r)
{
	return opp_detail_page(r, 200, NULL, false);
}

/* Moves the opportunity to stage "to", from the stage "from" its page
 * showed.  A page that is out of date (someone moved it meanwhile) gets
 * the page again with 409 and the stage as it is now. */
int
pipe_opp_stage_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct wf_request w = { .action = "" };
	struct wf_outcome out;
	struct form f;
	bool lost;
	char loc[96];
	int rc;

	if ((rc = form_validate(&f, stage_fields, S__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (form_str(&f, S_TO) != NULL)
		w.action = form_str(&f, S_TO);
	if (form_present(&f, S_FROM))
		w.expect = form_str(&f, S_FROM) != NULL ? form_str(&f, S_FROM) :
		    "";
	w.comment = form_str(&f, S_REASON);
	lost = strcmp(w.action, "lost") == 0;
	if (lost && f.e[S_REASON].err != 0) {
		/* a reason that will not do (too long): nothing moves */
		rc = opp_detail_page(r, 400, &f, false);
		goto out;
	}
	rc = sales_opportunity_move(&a, r->ids[0], &w, &out);
	if (rc == 0) {
		snprintf(loc, sizeof(loc),
		    "/sales/opportunities/%lld?done=stage",
		    (long long)r->ids[0]);
		rc = http_redirect(r, loc);
	} else if (rc == TC_EINVAL && out.msg != NULL && lost) {
		if ((rc = form_set_error(&f, S_REASON, out.msg, NULL)) == 0)
			rc = opp_detail_page(r, 400, &f, false);
	} else if (rc == TC_ECONFLICT)
		rc = opp_detail_page(r, 409, NULL, true);
out:
	form_free(&f);
	return rc;
}
