/* pipeline-activities.c: activities (销售过程追踪): a person's list by
 * ISO week grouped by day, the form to log and edit one, and the
 * timelines per customer and per opportunity.  Logging an activity
 * changes nothing else. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "sales/pipeline-date.h"
#include "sales/pipeline.h"

enum stmt {
	STMT_WEEK,
	STMT_TIMELINE,
	STMT_CUSTOMER,
	STMT_ACTIVITY,
	STMT_OPP_OPTIONS,
	STMT_OPP_OF_CUSTOMER,
	STMT_INSERT,
	STMT_UPDATE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	[STMT_WEEK] =
	    "SELECT a.id, a.activity_date, a.kind, c.id, c.name, a.notes,"
	    " a.next_step, o.id, o.title, p.name"
	    " FROM activities a JOIN customers c ON c.id = a.customer_id"
	    " JOIN people p ON p.id = a.owner_id"
	    " LEFT JOIN opportunities o ON o.id = a.opportunity_id"
	    " WHERE " SCOPE_SQL("a.owner_id")
	    " AND (? = 0 OR a.owner_id = ?)"
	    " AND a.activity_date >= ? AND a.activity_date < ?"
	    " ORDER BY a.activity_date, a.id",
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
	[STMT_OPP_OF_CUSTOMER] =
	    "SELECT COUNT(*) FROM opportunities o JOIN customers c"
	    " ON c.id = o.customer_id WHERE o.id = ? AND o.customer_id = ?"
	    " AND " SCOPE_SQL("c.owner_id"),
	[STMT_INSERT] =
	    "INSERT INTO activities (owner_id, customer_id, opportunity_id,"
	    " kind, activity_date, notes, next_step)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?)",
	[STMT_UPDATE] =
	    "UPDATE activities a SET a.customer_id = ?, a.opportunity_id = ?,"
	    " a.kind = ?, a.activity_date = ?, a.notes = ?, a.next_step = ?"
	    " WHERE a.id = ? AND " SCOPE_SQL("a.owner_id"),
};

static struct db_table act_db = DB_TABLE("activities", stmts);

static const char *const kinds[] = {
	"call", "visit", "demo", "quote", "contract", "other", NULL
};

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

/* ---- the week list ---- */

static int
activities_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_read(r);
	const char *week = req_get(&r->q, "week");
	const char *rep = req_get(&r->q, "rep");
	int64_t monday, today = pipe_today(), owner;
	char from[16], to[16], wk[16], href[160], me[32], cur_day[16] = "";
	char repnum[32];
	struct tdict *day = NULL;
	struct dbres *res;
	bool sales = has_role(r, PIPE_ROLES_WRITE);
	int rc;

	if (week == NULL || !pipe_parse_week(week, &monday))
		monday = today - (pipe_weekday(today) - 1);
	snprintf(me, sizeof(me), "%lld", (long long)r->me.id);
	/* Default: a rep's (or manager's) own list; others see everyone in
	 * their scope.  rep=0 is "everyone I may see". */
	if (rep == NULL || *rep == '\0')
		rep = sales ? me : "0";
	owner = strtoll(rep, NULL, 10);
	if (owner < 0)
		owner = 0;
	/* Links carry the number, never the raw input. */
	snprintf(repnum, sizeof(repnum), "%lld", (long long)owner);
	rep = repnum;
	pipe_fmt_date(from, sizeof(from), monday);
	pipe_fmt_date(to, sizeof(to), monday + 7);
	tdict_set(d, "week", pipe_fmt_week(wk, sizeof(wk), monday));
	tdict_set(d, "week_from", from);
	pipe_fmt_date(to, sizeof(to), monday + 6);
	tdict_set(d, "week_to", to);
	pipe_fmt_date(to, sizeof(to), monday + 7);
	snprintf(href, sizeof(href), "/sales/activities?week=%s&rep=%s",
	    pipe_fmt_week(wk, sizeof(wk), monday - 7), rep);
	tdict_set(d, "prev_href", href);
	snprintf(href, sizeof(href), "/sales/activities?week=%s&rep=%s",
	    pipe_fmt_week(wk, sizeof(wk), monday + 7), rep);
	tdict_set(d, "next_href", href);
	snprintf(href, sizeof(href), "/sales/activities?rep=%s", rep);
	tdict_set(d, "this_href", href);
	tdict_set(d, "rep", rep);
	if ((rc = db_query(r->app->db, &act_db, STMT_WEEK,
	    DB_ARGS(SCOPE_ARGS(&s), P_INT(owner), P_INT(owner), P_TEXT(from),
	    P_TEXT(to)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *date = dbres_text(res, i, 1);
		struct tdict *a;
		int64_t dn;

		if (day == NULL || strcmp(cur_day, date) != 0) {
			snprintf(cur_day, sizeof(cur_day), "%s", date);
			day = tdict_add_section(d, "DAY");
			tdict_set(day, "date", date);
			if (pipe_parse_date(date, &dn)) {
				tdict_set(day, "weekday",
				    tr(r, weekday_key(pipe_weekday(dn))));
				if (dn == today)
					tdict_show_section(day, "TODAY");
			}
		}
		a = tdict_add_section(day, "ACT");
		tdict_set(a, "id", dbres_text(res, i, 0));
		kind_label(r, a, dbres_text(res, i, 2));
		tdict_set(a, "customer_id", dbres_text(res, i, 3));
		tdict_set(a, "customer", dbres_text(res, i, 4));
		tdict_set(a, "notes", dbres_text(res, i, 5));
		if (*dbres_text(res, i, 6))
			tdict_set(tdict_add_section(a, "NEXT_STEP"), "next_step",
			    dbres_text(res, i, 6));
		if (!dbres_null(res, i, 7)) {
			struct tdict *o = tdict_add_section(a, "OPP");

			tdict_set(o, "opp_id", dbres_text(res, i, 7));
			tdict_set(o, "opp_title", dbres_text(res, i, 8));
		}
		tdict_set(a, "who", dbres_text(res, i, 9));
		if (sales)
			tdict_show_section(a, "CAN_EDIT");
	}
	tdict_set_int(d, "count", (long long)dbres_rows(res));
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "EMPTY");
	dbres_free(res);
	{
		struct tdict *all = tdict_add_section(d, "REP_ALL");

		if (owner == 0)
			tdict_show_section(all, "SELECTED");
	}
	if ((rc = pipe_rep_options(r, d, "REP_OPT", &s, rep)) < 0)
		return rc;
	if (sales)
		tdict_show_section(d, "CAN_WRITE");
	if (req_get(&r->q, "done") != NULL)
		page_flash(r, "ok", tr(r, "pipe_flash_activity_saved"));
	sales_tabs(r, "activities");
	return page_send(r, 200, "sales/pipeline-activities.tpl",
	    "pipe_acts_title", "sales");
}

/* ---- the form ---- */

enum act_field { A_KIND, A_DATE, A_CUSTOMER, A_OPP, A_NOTES, A_NEXT,
	A_RETURN, A__MAX };

static const struct field act_fields[A__MAX] = {
	[A_KIND] = { "kind", form_oneof, 1, 0, 0, "pipe_err_kind", kinds },
	[A_DATE] = { "activity_date", form_date, 1, 0, 0, "pipe_err_date",
	    NULL },
	[A_CUSTOMER] = { "customer", form_int64, 1, 1, INT32_MAX,
	    "pipe_err_customer", NULL },
	[A_OPP] = { "opportunity", form_int64, 0, 1, INT32_MAX,
	    "pipe_err_opportunity", NULL },
	[A_NOTES] = { "notes", form_text_multiline, 1, 1, 5000,
	    "pipe_err_notes", NULL },
	[A_NEXT] = { "next_step", form_text, 0, 0, 255, "pipe_err_next_step",
	    NULL },
	[A_RETURN] = { "return", form_return_path, 0, 0, 0, NULL, NULL },
};

static int
act_form_page(struct req *r, int status, int64_t id, const struct form *f,
    const char *kind, const char *customer, const char *opp)
{
	struct tdict *d = page_body(r);
	struct scope ws = scope_write(r);
	struct dbres *res;
	char buf[96];
	int rc;

	if (f != NULL)
		pipe_form_fill(r, d, f);
	for (size_t i = 0; kinds[i] != NULL; i++) {
		struct tdict *o = tdict_add_section(d, "KIND_OPT");
		char key[64];

		tdict_set(o, "value", kinds[i]);
		snprintf(key, sizeof(key), "sales_kind_%s", kinds[i]);
		tdict_set(o, "label", tr(r, key));
		if (kind != NULL && strcmp(kind, kinds[i]) == 0)
			tdict_show_section(o, "SELECTED");
	}
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
	{
		const char *ret = f != NULL ? form_str(f, A_RETURN) :
		    req_get(&r->q, "return");
		struct form_value fv;

		if (ret == NULL || form_return_path(&act_fields[A_RETURN], ret,
		    &fv) != 0)
			ret = "/sales/activities";
		tdict_set(d, "return", ret);
	}
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

/* Customer and opportunity must be in the write scope, and the
 * opportunity of that customer. */
static int
act_check(struct req *r, struct form *f)
{
	struct scope ws = scope_write(r);
	struct dbres *res;
	int rc;

	if (f->e[A_CUSTOMER].err == 0 && f->e[A_CUSTOMER].present) {
		if ((rc = pipe_customer_in_scope(r, &ws,
		    form_int(f, A_CUSTOMER, 0))) < 0)
			return rc;
		if (rc == 0) {
			f->e[A_CUSTOMER].err = FORM_EINVALID;
			f->e[A_CUSTOMER].msg = "pipe_err_customer";
			f->nerr++;
		}
	}
	if (f->e[A_OPP].err == 0 && f->e[A_OPP].present) {
		if ((rc = db_query(r->app->db, &act_db, STMT_OPP_OF_CUSTOMER,
		    DB_ARGS(P_INT(form_int(f, A_OPP, 0)),
		    P_INT(form_int(f, A_CUSTOMER, 0)), SCOPE_ARGS(&ws)),
		    &res)) != 0)
			return rc;
		if (dbres_int(res, 0, 0) == 0) {
			f->e[A_OPP].err = FORM_EINVALID;
			f->e[A_OPP].msg = "pipe_err_opportunity";
			f->nerr++;
		}
		dbres_free(res);
	}
	return 0;
}

static int
act_save(struct req *r, int64_t id)
{
	struct scope ws = scope_write(r);
	struct form f;
	const char *ret;
	uint64_t newid = 0, changed = 0;
	char idt[32], loc[2200];
	int rc;

	if ((rc = form_validate(&f, act_fields, A__MAX, &r->form)) ==
	    TC_ENOMEM)
		goto out;
	if (id != 0) {
		struct dbres *res;

		if ((rc = db_query(r->app->db, &act_db, STMT_ACTIVITY,
		    DB_ARGS(P_INT(id), SCOPE_ARGS(&ws)), &res)) != 0)
			goto out;
		rc = dbres_rows(res) == 1 ? 0 : TC_ENOTFOUND;
		dbres_free(res);
		if (rc != 0)
			goto out;
	}
	if ((rc = act_check(r, &f)) != 0)
		goto out;
	if (f.nerr > 0) {
		rc = act_form_page(r, 400, id, &f, f.e[A_KIND].raw,
		    f.e[A_CUSTOMER].raw, f.e[A_OPP].raw);
		goto out;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	if (id == 0) {
		rc = db_exec(r->app->db, &act_db, STMT_INSERT,
		    DB_ARGS(P_INT(r->me.id), P_INT(form_int(&f, A_CUSTOMER, 0)),
		    form_str(&f, A_OPP) ? P_INT(form_int(&f, A_OPP, 0)) : P_NULL,
		    P_TEXT(form_str(&f, A_KIND)), P_TEXT(form_str(&f, A_DATE)),
		    P_TEXT(form_str(&f, A_NOTES)),
		    P_TEXT(form_str(&f, A_NEXT) ? form_str(&f, A_NEXT) : "")),
		    NULL, &newid);
		id = (int64_t)newid;
	} else {
		rc = db_exec(r->app->db, &act_db, STMT_UPDATE,
		    DB_ARGS(P_INT(form_int(&f, A_CUSTOMER, 0)),
		    form_str(&f, A_OPP) ? P_INT(form_int(&f, A_OPP, 0)) : P_NULL,
		    P_TEXT(form_str(&f, A_KIND)), P_TEXT(form_str(&f, A_DATE)),
		    P_TEXT(form_str(&f, A_NOTES)),
		    P_TEXT(form_str(&f, A_NEXT) ? form_str(&f, A_NEXT) : ""),
		    P_INT(id), SCOPE_ARGS(&ws)), &changed, NULL);
	}
	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	if (rc != 0 || (rc = audit_write(r, newid ? "activity_create" :
	    "activity_update", "activity", idt, form_str(&f, A_KIND))) != 0) {
		db_rollback(r->app->db);
		goto out;
	}
	if ((rc = db_commit(r->app->db)) != 0)
		goto out;
	ret = form_str(&f, A_RETURN);
	if (ret == NULL || f.e[A_RETURN].err != 0 ||
	    strcmp(ret, "/sales/activities") == 0) {
		int64_t day;
		char wk[16];

		pipe_parse_date(form_str(&f, A_DATE), &day);
		snprintf(loc, sizeof(loc), "/sales/activities?week=%s&done=saved",
		    pipe_fmt_week(wk, sizeof(wk), day));
	} else
		snprintf(loc, sizeof(loc), "%s", ret);
	rc = http_redirect(r, loc);
out:
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
	struct scope ws = scope_write(r);
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
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct tdict *t = tdict_add_section(d, "TIMELINE");

		tdict_set(t, "id", dbres_text(res, i, 0));
		tdict_set(t, "date", dbres_text(res, i, 1));
		kind_label(r, t, dbres_text(res, i, 2));
		tdict_set(t, "notes", dbres_text(res, i, 3));
		if (*dbres_text(res, i, 4))
			tdict_set(tdict_add_section(t, "NEXT_STEP"), "next_step",
			    dbres_text(res, i, 4));
		tdict_set(t, "who", dbres_text(res, i, 5));
		if (!dbres_null(res, i, 6) && opportunity == 0) {
			struct tdict *o = tdict_add_section(t, "OPP");

			tdict_set(o, "opp_id", dbres_text(res, i, 6));
			tdict_set(o, "opp_title", dbres_text(res, i, 7));
		}
		(void)sales;
	}
	if (dbres_rows(res) == 0)
		tdict_show_section(d, "TIMELINE_EMPTY");
	dbres_free(res);
	return 0;
}

static int
customer_timeline_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct scope s = scope_read(r);
	struct dbres *res;
	char buf[128];
	int rc;

	if ((rc = db_query(r->app->db, &act_db, STMT_CUSTOMER,
	    DB_ARGS(P_INT(r->ids[0]), SCOPE_ARGS(&s)), &res)) != 0)
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
	if ((rc = pipe_timeline_fill(r, d, r->ids[0], 0)) != 0)
		return rc;
	snprintf(buf, sizeof(buf), "/sales/activities/new?customer=%lld&"
	    "return=/sales/customers/%lld/timeline", (long long)r->ids[0],
	    (long long)r->ids[0]);
	tdict_set(d, "log_href", buf);
	if (has_role(r, PIPE_ROLES_WRITE))
		tdict_show_section(d, "CAN_WRITE");
	sales_tabs(r, "customers");
	return page_send(r, 200, "sales/pipeline-timeline.tpl",
	    "pipe_timeline_title", "sales");
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
