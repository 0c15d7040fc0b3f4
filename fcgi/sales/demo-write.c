/* demo-write.c: the demo seeder's writes, each through the module's write
 * function (demo-write.h). */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/money.h"
#include "sales/demo-write.h"

enum stmt {
	D_PERSON,
	D__MAX
};

static const char *const stmts[D__MAX] = {
	[D_PERSON] =
	    "SELECT id, login, name, team, CAST(roles AS UNSIGNED)"
	    " FROM people WHERE login = ? AND active",
};

static struct db_table dw_db = DB_TABLE("demo-write", stmts);

/* Columns of D_PERSON. */
enum { P_ID, P_LOGIN, P_NAME, P_TEAM, P_ROLES };

/* --- the input of a write, as a form would post it --- */

struct input {
	struct req_fields f;
	int rc;
};

static void
put(struct input *in, const char *name, const char *value)
{
	if (in->rc == 0 && value != NULL)
		in->rc = req_fields_add(&in->f, name, value);
}

static void
put_int(struct input *in, const char *name, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	put(in, name, buf);
}

/* Input "<name>_<row>" (a row of a table of lines). */
static void
put_row(struct input *in, const char *name, size_t row, const char *value)
{
	char key[64];

	snprintf(key, sizeof(key), "%s_%zu", name, row);
	put(in, key, value);
}

/* --- what went wrong --- */

static void
say(struct demo_writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->err, w->errlen, fmt, ap);
	va_end(ap);
}

/* The first refused input of forms[0..n), into w->err after what.
 * Returns whether there was one. */
static bool
say_refused(struct demo_writer *w, const char *what,
    const struct form *const *forms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct form *f = forms[i];

		for (size_t k = 0; f != NULL && k < f->n; k++) {
			if (f->e[k].err == 0)
				continue;
			if (f->row > 0)
				say(w, "%s: input %s of row %zu refused "
				    "(%s): %s", what, f->fields[k].name, f->row,
				    tc_strerror(f->e[k].err),
				    f->e[k].msg != NULL ? f->e[k].msg : "-");
			else
				say(w, "%s: input %s refused (%s): %s", what,
				    f->fields[k].name,
				    tc_strerror(f->e[k].err),
				    f->e[k].msg != NULL ? f->e[k].msg : "-");
			return true;
		}
	}
	return false;
}

/* The result rc of writing what: 0 stays 0; a refusal (TC_EINVAL)
 * is named from forms and becomes TC_EINVAL; any other error is named. */
static int
result(struct demo_writer *w, int rc, const char *what,
    const struct form *const *forms, size_t n)
{
	if (rc == 0)
		return 0;
	if (rc == TC_EINVAL) {
		if (!say_refused(w, what, forms, n))
			say(w, "%s: refused", what);
		return TC_EINVAL;
	}
	say(w, "%s: %s", what, tc_strerror(rc));
	return rc;
}

/* The person who acts at when, or NULL (said in w->err): the clock of
 * the program (core/clock, what the write functions date by) is held at
 * when, and with it the database session's (DATETIME defaults, core/db). */
static const struct sales_actor *
actor(struct demo_writer *w, int who, int64_t when)
{
	if (who < 0 || (size_t)who >= w->n) {
		say(w, "no demo person %d", who);
		return NULL;
	}
	if (when > 0 && when != w->clock) {
		tc_clock_hold(when);
		w->clock = when;
	}
	return &w->as[who];
}

int
demo_writer_done(struct demo_writer *w)
{
	w->clock = 0;
	tc_clock_hold(0);
	return 0;
}

/* --- the writer --- */

int
demo_writer_init(struct demo_writer *w, const struct module_seed *s,
    const char *const *logins, size_t n)
{
	memset(w, 0, sizeof(*w));
	w->db = s->db;
	w->err = s->err;
	w->errlen = s->errlen;
	snprintf(w->address, sizeof(w->address), "demo-data %.50s",
	    s->actor != NULL && s->actor->address != NULL ?
	    s->actor->address : "-");
	if (n > DEMO_PEOPLE_MAX)
		return TC_EINVAL;
	for (size_t i = 0; i < n; i++) {
		struct person *p = &w->who[i];
		struct dbres *res = NULL;
		int rc;

		if ((rc = db_query(w->db, &dw_db, D_PERSON,
		    DB_ARGS(P_TEXT(logins[i])), &res)) != 0) {
			say(w, "reading person %s: %s", logins[i],
			    tc_strerror(rc));
			return rc;
		}
		if (dbres_rows(res) == 0) {
			dbres_free(res);
			say(w, "person %s is missing: run ticheng-admin "
			    "sync-users first", logins[i]);
			return TC_ENOTFOUND;
		}
		p->id = dbres_int(res, 0, P_ID);
		snprintf(p->login, sizeof(p->login), "%s",
		    dbres_text(res, 0, P_LOGIN));
		snprintf(p->name, sizeof(p->name), "%s",
		    dbres_text(res, 0, P_NAME));
		snprintf(p->team, sizeof(p->team), "%s",
		    dbres_text(res, 0, P_TEAM));
		p->roles = (unsigned)dbres_int(res, 0, P_ROLES);
		dbres_free(res);
		w->as[i] = (struct sales_actor){ w->db, s->conf, p,
		    { p->login, w->address } };
		w->n = i + 1;
	}
	return 0;
}

int
demo_customer(struct demo_writer *w, int who, const char *code,
    const char *name, int64_t region, const char *industry,
    int64_t channel, const char *status, int64_t when, int64_t *id)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct customer_saved saved = { 0 };
	struct form f = { 0 };
	char what[64];
	int rc;

	*id = 0;
	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "customer %s", code);
	put(&in, customer_fields[CUST_CODE].name, code);
	put(&in, customer_fields[CUST_NAME].name, name);
	put_int(&in, customer_fields[CUST_REGION].name, region);
	put(&in, customer_fields[CUST_INDUSTRY].name, industry);
	put_int(&in, customer_fields[CUST_CHANNEL].name, channel);
	/* read from managers only */
	put_int(&in, customer_fields[CUST_OWNER].name, a->who->id);
	put(&in, customer_fields[CUST_STATUS].name, status);
	/* the demo's names are made up: one met twice in a region is meant */
	put(&in, customer_fields[CUST_CONFIRM].name, "1");
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_customer_save(a, 0, &in.f, &f, &saved);
	rc = result(w, rc, what, (const struct form *[]){ &f }, 1);
	dbres_free(saved.namesakes);
	form_free(&f);
	req_fields_free(&in.f);
	if (rc == 0)
		*id = saved.id;
	return rc;
}

int
demo_contact(struct demo_writer *w, int who, int64_t customer,
    const char *name, const char *title, const char *phone,
    const char *email, int64_t when)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct form f = { 0 };
	char what[64];
	int64_t id = 0;
	int rc;

	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "contact of customer %" PRId64, customer);
	put(&in, contact_fields[CONTACT_NAME].name, name);
	put(&in, contact_fields[CONTACT_TITLE].name, title);
	put(&in, contact_fields[CONTACT_PHONE].name, phone);
	put(&in, contact_fields[CONTACT_EMAIL].name, email);
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_contact_save(a, customer, 0, &in.f, &f, &id);
	rc = result(w, rc, what, (const struct form *[]){ &f }, 1);
	form_free(&f);
	req_fields_free(&in.f);
	return rc;
}

int
demo_opportunity(struct demo_writer *w, int who, int64_t customer,
    const char *title, const char *needs, int64_t amount,
    const char *close, const char *follow_up, int64_t when,
    int64_t *id)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct form f = { 0 };
	char what[64], money[TC_MONEY_SIZE];
	int rc;

	*id = 0;
	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "opportunity of customer %" PRId64,
	    customer);
	put_int(&in, opportunity_fields[OPP_OWNER].name, a->who->id);
	put_int(&in, opportunity_fields[OPP_CUSTOMER].name, customer);
	put(&in, opportunity_fields[OPP_TITLE].name, title);
	put(&in, opportunity_fields[OPP_NEEDS].name, needs);
	put(&in, opportunity_fields[OPP_AMOUNT].name,
	    tc_money_str(money, amount, false));
	put(&in, opportunity_fields[OPP_STAGE].name, "lead");
	put(&in, opportunity_fields[OPP_CLOSE].name, close);
	put(&in, opportunity_fields[OPP_FOLLOW_UP].name, follow_up);
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_opportunity_save(a, 0, &in.f, &f, id);
	rc = result(w, rc, what, (const struct form *[]){ &f }, 1);
	form_free(&f);
	req_fields_free(&in.f);
	return rc;
}

int
demo_move(struct demo_writer *w, int who, int64_t id, const char *from,
    const char *to, const char *reason, int64_t when)
{
	const struct sales_actor *a = actor(w, who, when);
	struct wf_request rq = { .action = to, .expect = from,
	    .comment = reason };
	struct wf_outcome out;
	int rc;

	if (a == NULL)
		return TC_EINVAL;
	if ((rc = sales_opportunity_move(a, id, &rq, &out)) != 0) {
		say(w, "opportunity %" PRId64 ": moving from %s to %s: %s%s%s",
		    id, from, to, tc_strerror(rc), out.msg != NULL ? ": " : "",
		    out.msg != NULL ? out.msg : "");
		return rc == TC_EINVAL ? TC_EINVAL : rc;
	}
	return 0;
}

int
demo_activity(struct demo_writer *w, int who, int64_t customer,
    int64_t opportunity, const char *kind, const char *date,
    const char *notes, const char *next_step, int64_t when)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct form f = { 0 };
	char what[64];
	int64_t id = 0;
	int rc;

	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "activity of customer %" PRId64, customer);
	put(&in, activity_fields[ACT_KIND].name, kind);
	put(&in, activity_fields[ACT_DATE].name, date);
	put_int(&in, activity_fields[ACT_CUSTOMER].name, customer);
	if (opportunity > 0)
		put_int(&in, activity_fields[ACT_OPP].name, opportunity);
	put(&in, activity_fields[ACT_NOTES].name, notes);
	put(&in, activity_fields[ACT_NEXT].name, next_step);
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_activity_save(a, 0, &in.f, &f, &id);
	rc = result(w, rc, what, (const struct form *[]){ &f }, 1);
	form_free(&f);
	req_fields_free(&in.f);
	return rc;
}

/* The refusal of an order's input into w->err: its head, reps or lines. */
static int
order_result(struct demo_writer *w, int rc, const char *what,
    const struct order_input *oi)
{
	const struct form *forms[1 + 2 + DEMO_LINES_MAX];
	size_t n = 0;

	forms[n++] = &oi->head;
	for (size_t i = 0; i < oi->nreps && i < 2; i++)
		forms[n++] = &oi->reps[i];
	for (size_t i = 0; i < oi->nlines && i < DEMO_LINES_MAX; i++)
		forms[n++] = &oi->lines[i];
	return result(w, rc, what, forms, n);
}

int
demo_order(struct demo_writer *w, int who, const struct demo_order *o,
    int64_t when, int64_t *id, char *no, size_t len)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct order_input oi = { 0 };
	struct order_saved saved = { 0 };
	char what[64], buf[TC_MONEY_SIZE];
	int rc;

	*id = 0;
	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "order of customer %" PRId64 " on %s",
	    o->customer, o->date);
	put_int(&in, order_fields[ORDER_CUSTOMER].name, o->customer);
	put(&in, order_fields[ORDER_DATE].name, o->date);
	put_int(&in, order_fields[ORDER_REGION].name, o->region);
	put_int(&in, order_fields[ORDER_CHANNEL].name, o->channel);
	if (o->opportunity > 0)
		put_int(&in, order_fields[ORDER_OPPORTUNITY].name,
		    o->opportunity);
	for (size_t i = 0; i < o->nreps && i < 2; i++) {
		put_int(&in, order_rep_fields[OREP_PERSON].name, o->rep[i]);
		put(&in, order_rep_fields[OREP_SHARE].name,
		    tc_pct_str(buf, o->share[i]));
	}
	for (size_t i = 0; i < o->nlines && i < DEMO_LINES_MAX; i++) {
		char pid[24];

		snprintf(pid, sizeof(pid), "%" PRId64, o->line[i].product);
		put_row(&in, order_line_fields[OLINE_PRODUCT].name, i + 1, pid);
		put_row(&in, order_line_fields[OLINE_QTY].name, i + 1,
		    tc_qty_str(buf, o->line[i].qty));
		put_row(&in, order_line_fields[OLINE_DISCOUNT].name, i + 1,
		    tc_pct_str(buf, o->line[i].discount));
	}
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_order_save(a, 0, &in.f, NULL, &oi, &saved);
	rc = order_result(w, rc, what, &oi);
	order_input_free(&oi);
	req_fields_free(&in.f);
	if (rc != 0)
		return rc;
	*id = saved.id;
	snprintf(no, len, "%s", saved.order_no);
	return 0;
}

int
demo_cancel(struct demo_writer *w, int who, int64_t id)
{
	const struct sales_actor *a = actor(w, who, 0);
	struct order_saved saved = { 0 };
	int rc;

	if (a == NULL)
		return TC_EINVAL;
	if ((rc = sales_order_cancel(a, id, &saved)) != 0)
		say(w, "cancelling order %" PRId64 ": %s%s%s", id,
		    tc_strerror(rc), saved.refused != NULL ? ": " : "",
		    saved.refused != NULL ? saved.refused : "");
	return rc;
}

int
demo_return(struct demo_writer *w, int who, int64_t order,
    int64_t line_no, int64_t qty, const char *date, int64_t when,
    int64_t *id, char *no, size_t len)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct order_return rt = { 0 };
	struct order_saved saved = { 0 };
	char what[64], buf[TC_MONEY_SIZE];
	int rc;

	*id = 0;
	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "return of order %" PRId64, order);
	put(&in, order_return_fields[ORET_DATE].name, date);
	put_row(&in, order_return_line_fields[ORETL_QTY].name, (size_t)line_no,
	    tc_qty_str(buf, qty));
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_order_return(a, order, &in.f, &rt, &saved);
	if (rc == TC_EINVAL) {
		const struct form *forms[1 + DEMO_LINES_MAX];
		size_t n = 0;

		forms[n++] = &rt.head;
		for (size_t i = 0; i < rt.nlines && n < 1 + DEMO_LINES_MAX; i++)
			forms[n++] = &rt.lines[i];
		rc = result(w, rc, what, forms, n);
	} else if (rc == TC_ECONFLICT)
		say(w, "%s: %s", what, saved.refused != NULL ? saved.refused :
		    tc_strerror(rc));
	else
		rc = result(w, rc, what, NULL, 0);
	order_return_free(&rt);
	req_fields_free(&in.f);
	if (rc != 0)
		return rc;
	*id = saved.id;
	snprintf(no, len, "%s", saved.order_no);
	return 0;
}

int
demo_payment(struct demo_writer *w, int who, const char *order_no,
    const char *date, int64_t amount, const char *reference,
    int64_t when)
{
	const struct sales_actor *a = actor(w, who, when);
	struct input in = { { 0 }, 0 };
	struct payment_saved saved = { 0 };
	struct form f = { 0 };
	char what[80], money[TC_MONEY_SIZE];
	int rc;

	if (a == NULL)
		return TC_EINVAL;
	snprintf(what, sizeof(what), "payment of order %s", order_no);
	put(&in, payment_fields[PAY_ORDER].name, order_no);
	put(&in, payment_fields[PAY_DATE].name, date);
	put(&in, payment_fields[PAY_AMOUNT].name,
	    tc_money_str(money, amount, false));
	put(&in, payment_fields[PAY_REFERENCE].name, reference);
	if (in.rc != 0) {
		req_fields_free(&in.f);
		return in.rc;
	}
	rc = sales_payment_save(a, &in.f, &f, &saved);
	rc = result(w, rc, what, (const struct form *[]){ &f }, 1);
	form_free(&f);
	req_fields_free(&in.f);
	return rc;
}
