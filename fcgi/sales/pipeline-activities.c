/* pipeline-activities.c: activities (销售过程追踪): a person's list by
 * ISO week grouped by day, the form to log and edit one, and the
 * timelines per customer and per opportunity.  Logging an activity
 * changes nothing else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"
#include "core/list.h"
#include "sales/pipeline-date.h"
#include "sales/pipeline.h"
#include "sales/write.h"

enum stmt {
	STMT_TIMELINE,
	STMT_CUSTOMER_TIMELINE,
	STMT_CUSTOMER_TIMELINE_COUNT,
	STMT_CUSTOMER,
	STMT_ACTIVITY,
	STMT_OPP_OPTIONS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* A customer's timeline shows every activity of a customer the
	 * person may read; an opportunity's, those of an opportunity they
	 * may read. */
	[STMT_TIMELINE] =
	    "SELECT a.id, a.activity_date, a.kind, a.notes, a.next_step,"
	    " p.name, o.id, o.title, c.name"
	    " FROM activities a JOIN people p ON p.id = a.owner_id"
	    " JOIN customers c ON c.id = a.customer_id"
	    " LEFT JOIN opportunities o ON o.id = a.opportunity_id"
	    " WHERE (? = 0 OR a.customer_id = ?)"
	    " AND (? = 0 OR a.opportunity_id = ?)"
	    " ORDER BY a.activity_date DESC, a.id DESC LIMIT 500",
	/* A page of a customer's timeline, filtered: customer id, kind
	 * ('' any) twice, first and last day, rows, offset.  Served by
	 * activities_customer (customer_id, activity_date). */
	[STMT_CUSTOMER_TIMELINE] =
	    "SELECT a.id, a.activity_date, a.kind, a.notes, a.next_step,"
	    " p.name, o.id, o.title"
	    " FROM activities a JOIN people p ON p.id = a.owner_id"
	    " LEFT JOIN opportunities o ON o.id = a.opportunity_id"
	    " WHERE a.customer_id = ? AND (? = '' OR a.kind = ?)"
	    " AND a.activity_date >= ? AND a.activity_date <= ?"
	    " ORDER BY a.activity_date DESC, a.id DESC LIMIT ? OFFSET ?",
	[STMT_CUSTOMER_TIMELINE_COUNT] =
	    "SELECT COUNT(*) FROM activities a"
	    " WHERE a.customer_id = ? AND (? = '' OR a.kind = ?)"
	    " AND a.activity_date >= ? AND a.activity_date <= ?",
	[STMT_CUSTOMER] =
	    "SELECT c.id, c.name, c.code, p.name FROM customers c"
	    " JOIN people p ON p.id = c.owner_id"
	    " WHERE c.id = ? AND " SCOPE_SQL("c.owner_id"),
	[STMT_ACTIVITY] =
	    "SELECT a.kind, a.activity_date, a.customer_id, a.opportunity_id,"
	    " a.notes, a.next_step FROM activities a"
	    " WHERE a.id = ? AND " SCOPE_SQL("a.owner_id"),
	[STMT_OPP_OPTIONS] =
	    "SELECT o.id, o.title, c.name, o.customer_id FROM opportunities o"
	    " JOIN customers c ON c.id = o.customer_id"
	    " WHERE " SCOPE_SQL("c.owner_id")
	    " ORDER BY c.name, o.title, o.id",
};

static struct db_table act_db = DB_TABLE("activities", stmts);

#define kinds activity_kinds

static void
kind_label(struct req *r, struct tdict *d, const char *kind)
{
	char key[64];

	snprintf(key, sizeof(key), "sales_kind_%s", kind);
	tdict_set(d, "kind", kind);
	tdict_set(d, "kind_label", tr(r, key));
}

static const char *
weekday_key(int wd)
{
	static const char *const keys[] = { "pipe_mon", "pipe_tue",
	    "pipe_wed", "pipe_thu", "pipe_fri", "pipe_sat", "pipe_sun" };

	return keys[(wd - 1) % 7];
}

/* ---- the week list (core/list) ---- */

/* An ISO week "2026-W48"; out->i its Monday (pipeline-date.h). */
static int
week_valid(const struct field *f, const char *in, struct form_value *out)
{
	int64_t monday;

	(void)f;
	if (!pipe_parse_week(in, &monday))
		return TC_EINVAL;
	out->s = in;
	out->i = monday;
	return 0;
}

enum act_filter { AF_WEEK, AF_REP, AF__MAX };

/* The week and the person make conditions core/list cannot declare (a
 * week is a range of dates, rep=0 is everyone and no rep the reader's
 * own list): the handler adds them, from the values these fields
 * accept; core/list validates them, keeps them in its links and shows
 * their errors. */
static const struct list_filter act_filters[AF__MAX] = {
	[AF_WEEK] = { .field = { "week", week_valid, 0, 0, 0, NULL, NULL },
	    .label = "pipe_week" },
	[AF_REP] = { .field = { "rep", form_int64, 0, 0, INT32_MAX, NULL,
	    NULL }, .label = "sales_rep" },
};

/* One order, by day (activities_date, activities_owner_date). */
static const struct list_sort act_sorts[] = {
	{ "date", "sales_date", "a.activity_date, a.id",
	    "a.activity_date DESC, a.id DESC", 0 },
};

const struct list_scope sales_activities_scope = LIST_SCOPE_PERSON("a.owner_id");

const struct list_def sales_activities_list = {
	.name = "activities-list",
	.path = "/sales/activities",
	.select = "SELECT a.id, a.activity_date, a.kind, c.id, c.name,"
	    " a.notes, a.next_step, o.id, o.title, p.name",
	.from = " FROM activities a JOIN customers c ON c.id = a.customer_id"
	    " JOIN people p ON p.id = a.owner_id"
	    " LEFT JOIN opportunities o ON o.id = a.opportunity_id",
	.filters = act_filters, .nfilters = AF__MAX,
	.sorts = act_sorts, .nsorts = 1,
	.per_page = 200,
	.no_headings = true,
	.keyset_table = "activities", .keyset_alias = "a",
	.sort_keys = (const char *const[]){ "activity_date,id" },
};

/* Columns of the page. */
enum { AC_ID, AC_DATE, AC_KIND, AC_CUSTOMER_ID, AC_CUSTOMER, AC_NOTES,
    AC_NEXT, AC_OPP_ID, AC_OPP_TITLE, AC_WHO };

/* The value of filter k of q when it is given and valid (*out), else
 * def.  Returns 0 or TC_ENOMEM. */
static int
act_param(const struct req *r, size_t k, int64_t def, int64_t *out)
{
	struct form_value v;
	char *scratch;
	int rc;

	*out = def;
	rc = form_check(&act_filters[k].field, req_get(&r->q,
	    act_filters[k].field.name), &scratch, &v);
	if (scratch == NULL)
		return TC_ENOMEM;
	if (rc == 0 && v.s != NULL)
		*out = v.i;
	free(scratch);
	return 0;
}

/* The week's link for Monday monday, of the reader's choice of person. */
static void
week_link(struct tdict *d, const char *name, int64_t monday, bool week,
    int64_t owner)
{
	char wk[16], href[160];

	if (week)
		snprintf(href, sizeof(href), "/sales/activities?week=%s&rep=%lld",
		    pipe_fmt_week(wk, sizeof(wk), monday), (long long)owner);
	else
		snprintf(href, sizeof(href), "/sales/activities?rep=%lld",
		    (long long)owner);
	tdict_set(d, name, href);
}

static void
act_row(struct req *r, struct tdict *day, const struct dbres *res,
    size_t i, bool sales)
{
	struct tdict *a = tdict_add_section(day, "ACT");

	tdict_set(a, "id", dbres_text(res, i, AC_ID));
	kind_label(r, a, dbres_text(res, i, AC_KIND));
	tdict_set(a, "customer_id", dbres_text(res, i, AC_CUSTOMER_ID));
	tdict_set(a, "customer", dbres_text(res, i, AC_CUSTOMER));
	tdict_set(a, "notes", dbres_text(res, i, AC_NOTES));
	if (*dbres_text(res, i, AC_NEXT))
		tdict_set(tdict_add_section(a, "NEXT_STEP"), "next_step",
		    dbres_text(res, i, AC_NEXT));
	if (!dbres_null(res, i, AC_OPP_ID)) {
		struct tdict *o = tdict_add_section(a, "OPP");

		tdict_set(o, "opp_id", dbres_text(res, i, AC_OPP_ID));
		tdict_set(o, "opp_title", dbres_text(res, i, AC_OPP_TITLE));
	}
	tdict_set(a, "who", dbres_text(res, i, AC_WHO));
	if (sales)
		tdict_show_section(a, "CAN_EDIT");
}

static int
activities_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	int64_t monday, today = pipe_today(), owner;
	char from[16], to[16], wk[16], rep[24], cur_day[16] = "";
	struct tdict *day = NULL;
	bool sales = has_role(r, PIPE_ROLES_WRITE);
	struct list l;
	int rc;

	/* Default: this week; a rep's own list, everyone in their scope for
	 * others: a manager opens on the team's week (their scope), the
	 * people above it on everyone's.  rep=0 is "everyone I may see". */
	if ((rc = act_param(r, AF_WEEK, today - (tc_weekday(today) - 1),
	    &monday)) != 0 ||
	    (rc = act_param(r, AF_REP, sales && !has_role(r, ROLE_MANAGER) ?
	    r->me.id : 0, &owner)) != 0)
		return rc;
	pipe_fmt_date(from, sizeof(from), monday);
	pipe_fmt_date(to, sizeof(to), monday + 7);
	list_init(&l, &sales_activities_list);
	list_scope(&l, &sales_activities_scope, s.kind, s.me, s.team, s.login);
	list_where(&l, "a.activity_date >= ? AND a.activity_date < ?",
	    DB_ARGS(P_TEXT(from), P_TEXT(to)));
	if (owner > 0)
		list_where(&l, "a.owner_id = ?", DB_ARGS(P_INT(owner)));
	if ((rc = list_run(&l, r, d)) != 0)
		goto out;
	if (!l.invalid)
		tdict_show_section(d, "COUNT");
	tdict_set(d, "week_label", pipe_fmt_week(wk, sizeof(wk), monday));
	if (list_value(&l, AF_WEEK) == NULL && !l.form.e[AF_WEEK].err)
		tdict_set(d, "week", wk);
	tdict_set(d, "week_from", from);
	pipe_fmt_date(to, sizeof(to), monday + 6);
	tdict_set(d, "week_to", to);
	week_link(d, "prev_href", monday - 7, true, owner);
	week_link(d, "next_href", monday + 7, true, owner);
	week_link(d, "this_href", monday, false, owner);
	for (size_t i = 0; i < list_rows(&l); i++) {
		const char *date = dbres_text(l.rows, i, AC_DATE);
		int64_t dn;

		if (day == NULL || strcmp(cur_day, date) != 0) {
			snprintf(cur_day, sizeof(cur_day), "%s", date);
			day = tdict_add_section(d, "DAY");
			tdict_set(day, "date", date);
			if (pipe_parse_date(date, &dn)) {
				tdict_set(day, "weekday",
				    tr(r, weekday_key(tc_weekday(dn))));
				if (dn == today)
					tdict_show_section(day, "TODAY");
			}
		}
		act_row(r, day, l.rows, i, sales);
	}
	{
		struct tdict *all = tdict_add_section(d, "REP_ALL");

		if (owner == 0)
			tdict_show_section(all, "SELECTED");
	}
	snprintf(rep, sizeof(rep), "%lld", (long long)owner);
	if ((rc = pipe_rep_options(r, d, "REP_OPT", &s, rep)) < 0)
		goto out;
	if (sales)
		tdict_show_section(d, "CAN_WRITE");
	if (req_get(&r->q, "done") != NULL)
		page_flash(r, "ok", tr(r, "pipe_flash_activity_saved"));
	sales_tabs(r, "activities");
	rc = page_send(r, list_status(&l), "sales/pipeline-activities.tpl",
	    "pipe_acts_title", "sales");
out:
	list_done(&l);
	return rc;
}

/* ---- the form ---- */

static const char *const act_labels[ACT__MAX] = {
	[ACT_KIND] = "pipe_kind", [ACT_DATE] = "sales_date",
	[ACT_CUSTOMER] = "sales_customer", [ACT_OPP] = "sales_opportunity",
	[ACT_NOTES] = "sales_notes", [ACT_NEXT] = "pipe_next_step",
};

static const struct field return_field = { "return", form_return_path, 0,
    0, 0, NULL, NULL };

/* The local page to go back to: the posted or asked one when safe. */
static const char *
return_path(const struct req *r)
{
	const char *ret = req_get(&r->form, "return");
	struct form_value fv;

	if (ret == NULL)
		ret = req_get(&r->q, "return");
	if (ret == NULL || form_return_path(&return_field, ret, &fv) != 0)
		return NULL;
	return ret;
}

static int
act_form_page(struct req *r, int status, int64_t id, const struct form *f,
    const char *kind, const char *customer, const char *opp)
{
	struct tdict *d = page_body(r);
	struct scope ws = scope_of(r, &sales_scope_write);
	struct form_errors fe;
	struct dbres *res;
	char buf[96];
	int rc;

	form_errors_init(&fe, d, r->cat);
	if (f != NULL && (rc = form_show(&fe, d, f, act_labels, NULL)) != 0)
		return rc;
	form_choices(d, "KIND_OPT", kinds, r->cat, "sales_kind_", kind);
	if ((rc = pipe_customer_options(r, d, "CUSTOMER_OPT", &ws,
	    customer)) < 0)
		return rc;
	if (rc == 0)
		tdict_show_section(d, "NO_CUSTOMERS");
	/* Opportunities grouped by customer (the customer must match). */
	if ((rc = db_query(r->app->db, &act_db, STMT_OPP_OPTIONS,
	    DB_ARGS(SCOPE_ARGS(&ws)), &res)) != 0)
		return rc;
	{
		struct tdict *g = NULL;
		char last[32] = "";

		for (size_t i = 0; i < dbres_rows(res); i++) {
			struct tdict *o;

			if (g == NULL || strcmp(last, dbres_text(res, i, 3)) != 0) {
				snprintf(last, sizeof(last), "%s",
				    dbres_text(res, i, 3));
				g = tdict_add_section(d, "OPP_GROUP");
				tdict_set(g, "customer", dbres_text(res, i, 2));
			}
			o = tdict_add_section(g, "OPP_OPT");
			tdict_set(o, "value", dbres_text(res, i, 0));
			tdict_set(o, "label", dbres_text(res, i, 1));
			if (opp != NULL && strcmp(opp, dbres_text(res, i, 0)) == 0)
				tdict_show_section(o, "SELECTED");
		}
	}
	dbres_free(res);
	if (id == 0) {
		tdict_set(d, "action", "/sales/activities/new");
		tdict_show_section(d, "NEW");
	} else {
		snprintf(buf, sizeof(buf), "/sales/activities/%lld/edit",
		    (long long)id);
		tdict_set(d, "action", buf);
		tdict_show_section(d, "EDIT");
	}
	tdict_set(d, "return", return_path(r) != NULL ? return_path(r) :
	    "/sales/activities");
	sales_tabs(r, "activities");
	return page_send(r, status, "sales/pipeline-activity-form.tpl",
	    id == 0 ? "pipe_act_new" : "pipe_act_edit", "sales");
}

static int
act_new_get(struct req *r)
{
	struct tdict *d = page_body(r);
	const char *cust = req_get(&r->q, "customer");
	const char *opp = req_get(&r->q, "opportunity");
	char today[16];

	tdict_set(d, "activity_date", pipe_fmt_date(today, sizeof(today),
	    pipe_today()));
	return act_form_page(r, 200, 0, NULL, "visit", cust, opp);
}

static int
act_save(struct req *r, int64_t id)
{
	struct sales_actor a = sales_actor_of(r);
	const char *ret = return_path(r);
	char loc[2200];
	struct form f;
	int64_t saved;
	int rc;

	rc = sales_activity_save(&a, id, &r->form, &f, &saved);
	if (rc == TC_EINVAL)
		rc = act_form_page(r, 400, id, &f, form_raw(&f, ACT_KIND),
		    form_raw(&f, ACT_CUSTOMER), form_raw(&f, ACT_OPP));
	else if (rc == 0) {
		if (ret == NULL || strcmp(ret, "/sales/activities") == 0) {
			int64_t day;
			char wk[16];

			pipe_parse_date(form_str(&f, ACT_DATE), &day);
			snprintf(loc, sizeof(loc),
			    "/sales/activities?week=%s&done=saved",
			    pipe_fmt_week(wk, sizeof(wk), day));
		} else
			snprintf(loc, sizeof(loc), "%s", ret);
		rc = http_redirect(r, loc);
	}
	form_free(&f);
	return rc;
}

static int
act_new_post(struct req *r)
{
	return act_save(r, 0);
}

static int
act_edit_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope ws = scope_of(r, &sales_scope_write);
	struct dbres *res;
	char kind[17], cust[32], opp[32];
	int rc;

	if ((rc = db_query(r->app->db, &act_db, STMT_ACTIVITY,
	    DB_ARGS(P_INT(r->ids[0]), SCOPE_ARGS(&ws)), &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	snprintf(kind, sizeof(kind), "%s", dbres_text(res, 0, 0));
	tdict_set(d, "activity_date", dbres_text(res, 0, 1));
	snprintf(cust, sizeof(cust), "%s", dbres_text(res, 0, 2));
	snprintf(opp, sizeof(opp), "%s", dbres_text(res, 0, 3));
	tdict_set(d, "notes", dbres_text(res, 0, 4));
	tdict_set(d, "next_step", dbres_text(res, 0, 5));
	dbres_free(res);
	return act_form_page(r, 200, r->ids[0], NULL, kind, cust, opp);
}

static int
act_edit_post(struct req *r)
{
	return act_save(r, r->ids[0]);
}

/* ---- timelines ---- */

/* Adds row i of res (the timelines' first columns: id, date, kind,
 * notes, next step, who, opportunity id and title) as a TIMELINE row of
 * d, its opportunity linked when opp. */
static void
timeline_row(struct req *r, struct tdict *d, const struct dbres *res,
    size_t i, bool opp)
{
	struct tdict *t = tdict_add_section(d, "TIMELINE");

	tdict_set(t, "id", dbres_text(res, i, 0));
	tdict_set(t, "date", dbres_text(res, i, 1));
	kind_label(r, t, dbres_text(res, i, 2));
	tdict_set(t, "notes", dbres_text(res, i, 3));
	if (*dbres_text(res, i, 4))
		tdict_set(tdict_add_section(t, "NEXT_STEP"), "next_step",
		    dbres_text(res, i, 4));
	tdict_set(t, "who", dbres_text(res, i, 5));
	if (opp && !dbres_null(res, i, 6)) {
		struct tdict *o = tdict_add_section(t, "OPP");

		tdict_set(o, "opp_id", dbres_text(res, i, 6));
		tdict_set(o, "opp_title", dbres_text(res, i, 7));
	}
}

int
pipe_timeline_fill(struct req *r, struct tdict *d, int64_t customer,
    int64_t opportunity)
{
	struct dbres *res;
	bool sales = has_role(r, PIPE_ROLES_WRITE);
	int rc;

	if ((rc = db_query(r->app->db, &act_db, STMT_TIMELINE,
	    DB_ARGS(P_INT(customer), P_INT(customer), P_INT(opportunity),
	    P_INT(opportunity)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		timeline_row(r, d, res, i, opportunity == 0);
	(void)sales;
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "TIMELINE_EMPTY");
	dbres_free(res);
	return 0;
}

/* The filters of a customer's timeline, declared once: a bad value is
 * answered 400, the form naming the field and keeping what was typed. */
enum tfield { TF_KIND, TF_FROM, TF_TO, TF_PAGE, TF__MAX };

static const struct field timeline_fields[TF__MAX] = {
	[TF_KIND] = { "kind", form_oneof, 0, 0, 0, "list_err_invalid",
	    activity_kinds },
	[TF_FROM] = { "from", form_date, 0, 0, 0, "list_err_date", NULL },
	[TF_TO] = { "to", form_date, 0, 0, 0, "list_err_date", NULL },
	[TF_PAGE] = { "page", form_int64, 0, 1, 100000, "list_err_invalid",
	    NULL },
};

static const char *const timeline_labels[TF__MAX] = {
	[TF_KIND] = "pipe_kind", [TF_FROM] = "sales_from",
	[TF_TO] = "sales_to", [TF_PAGE] = "pipe_page",
};

#define TIMELINE_PER_PAGE 50

/* The link to page page of the timeline of customer id with the
 * filters of f, into d's name. */
static void
timeline_link(struct tdict *d, const char *name, int64_t id,
    const struct form *f, int64_t page)
{
	char href[256], kind[64], from[16], to[16];

	pipe_urlenc(kind, sizeof(kind), form_present(f, TF_KIND) &&
	    form_str(f, TF_KIND) != NULL ? form_str(f, TF_KIND) : "");
	snprintf(from, sizeof(from), "%s", form_present(f, TF_FROM) &&
	    form_raw(f, TF_FROM) != NULL ? form_raw(f, TF_FROM) : "");
	snprintf(to, sizeof(to), "%s", form_present(f, TF_TO) &&
	    form_raw(f, TF_TO) != NULL ? form_raw(f, TF_TO) : "");
	snprintf(href, sizeof(href), "/sales/customers/%lld/timeline?kind=%s"
	    "&from=%s&to=%s&page=%lld", (long long)id, kind, from, to,
	    (long long)page);
	tdict_set(d, name, href);
}

/* A customer's timeline (every activity of a customer the reader may
 * see, whoever logged it), newest first, a page at a time, filtered by
 * kind and period. */
static int
customer_timeline_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_of(r, &sales_scope_read);
	struct form f = { 0 };
	struct dbres *res = NULL;
	const char *kind = "";
	char buf[128], from[16] = "1000-01-01", to[16] = "9999-12-31";
	int64_t id = r->ids[0], total, page, pages;
	int rc;

	if ((rc = db_query(r->app->db, &act_db, STMT_CUSTOMER,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(&s)), &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	tdict_set(d, "customer_id", dbres_text(res, 0, 0));
	tdict_set(d, "customer", dbres_text(res, 0, 1));
	tdict_set(d, "customer_code", dbres_text(res, 0, 2));
	tdict_set(d, "customer_owner", dbres_text(res, 0, 3));
	dbres_free(res);
	res = NULL;
	sales_tabs(r, "customers");
	if (has_role(r, PIPE_ROLES_WRITE))
		tdict_show_section(d, "CAN_WRITE");
	snprintf(buf, sizeof(buf), "/sales/activities/new?customer=%lld&"
	    "return=/sales/customers/%lld/timeline", (long long)id,
	    (long long)id);
	tdict_set(d, "log_href", buf);
	rc = form_validate(&f, timeline_fields, TF__MAX, &r->q);
	if (rc != 0 && rc != TC_EINVAL)
		goto out;
	form_choices(d, "KIND_OPT", activity_kinds, r->cat, "sales_kind_",
	    form_present(&f, TF_KIND) ? form_str(&f, TF_KIND) : NULL);
	if (form_has_errors(&f)) {
		struct form_errors fe;

		form_errors_init(&fe, d, r->cat);
		if ((rc = form_show(&fe, d, &f, timeline_labels, NULL)) == 0)
			rc = page_send(r, 400, "sales/pipeline-timeline.tpl",
			    "pipe_timeline_title", "sales");
		goto out;
	}
	form_show_values(d, &f);
	if (form_present(&f, TF_KIND) && form_str(&f, TF_KIND) != NULL)
		kind = form_str(&f, TF_KIND);
	if (form_present(&f, TF_FROM) && form_raw(&f, TF_FROM) != NULL)
		snprintf(from, sizeof(from), "%s", form_raw(&f, TF_FROM));
	if (form_present(&f, TF_TO) && form_raw(&f, TF_TO) != NULL)
		snprintf(to, sizeof(to), "%s", form_raw(&f, TF_TO));
	if ((rc = db_query(r->app->db, &act_db, STMT_CUSTOMER_TIMELINE_COUNT,
	    DB_ARGS(P_INT(id), P_TEXT(kind), P_TEXT(kind), P_TEXT(from),
	    P_TEXT(to)), &res)) != 0)
		goto out;
	total = dbres_int(res, 0, 0);
	dbres_free(res);
	res = NULL;
	pages = total > 0 ? (total + TIMELINE_PER_PAGE - 1) /
	    TIMELINE_PER_PAGE : 1;
	page = form_int(&f, TF_PAGE, 1);
	if (page > pages)
		page = pages;
	tdict_set_int(d, "total", total);
	tdict_set_int(d, "page", page);
	tdict_set_int(d, "pages", pages);
	if (page > 1)
		timeline_link(tdict_add_section(d, "PREV"), "href", id, &f,
		    page - 1);
	if (page < pages)
		timeline_link(tdict_add_section(d, "NEXT"), "href", id, &f,
		    page + 1);
	if ((rc = db_query(r->app->db, &act_db, STMT_CUSTOMER_TIMELINE,
	    DB_ARGS(P_INT(id), P_TEXT(kind), P_TEXT(kind), P_TEXT(from),
	    P_TEXT(to), P_INT(TIMELINE_PER_PAGE),
	    P_INT((page - 1) * TIMELINE_PER_PAGE)), &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++)
		timeline_row(r, d, res, i, true);
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "TIMELINE_EMPTY");
	rc = page_send(r, 200, "sales/pipeline-timeline.tpl",
	    "pipe_timeline_title", "sales");
out:
	dbres_free(res);
	form_free(&f);
	return rc;
}

static const struct route activity_routes[] = {
	{ "GET", "/sales/activities", ROLES_ALL, activities_get },
	{ "GET", "/sales/activities/new", PIPE_ROLES_WRITE, act_new_get },
	{ "POST", "/sales/activities/new", PIPE_ROLES_WRITE, act_new_post },
	{ "GET", "/sales/activities/#/edit", PIPE_ROLES_WRITE, act_edit_get },
	{ "POST", "/sales/activities/#/edit", PIPE_ROLES_WRITE, act_edit_post },
	{ "GET", "/sales/customers/#/timeline", ROLES_ALL,
	    customer_timeline_get },
};

const struct route_set activities_route_set = ROUTE_SET(activity_routes);
