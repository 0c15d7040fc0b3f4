/* write.h: every change of sales data, one function each.
 *
 * The web handlers, the CSV imports and the demo seeder all write through
 * these functions, so that one set of rules holds whoever writes: the
 * input is read through the form's field table (the same names as the
 * web form's inputs; a program builds them with req_fields_add), the
 * person's role and write scope are checked (a row out of scope is not
 * found), and the change is written in one transaction together with its
 * audit record.  A function called inside a transaction the caller
 * opened (an import, the seeder) writes in it and neither commits nor
 * rolls back: the caller decides for the whole.
 *
 * Results: 0 (written), TC_EINVAL (nothing written; the reasons are
 * in the form(s) given, ready for core/formview or an import's report),
 * TC_ENOTFOUND (the row is not in the person's write scope), TC_EDENIED
 * (the person's roles do not allow the change), or another tc_err.
 * The forms are the caller's to free (form_free) whatever the result. */
#ifndef TC_SALES_WRITE_H
#define TC_SALES_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/app.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/form.h"
#include "core/request.h"
#include "core/workflow.h"

/* Who writes, and from where (for the audit record). */
struct sales_actor {
	struct db *db;
	const struct conf *conf;
	const struct person *who;   /* roles as the directory gave them */
	struct actor as;            /* who->login and the client's address,
	                             * or the tool's */
};

/* The actor of a request: its signed-in person, its address. */
struct sales_actor sales_actor_of(struct req *r);

/* --- customers (customers-write.c) --- */

enum customer_field {
	CUST_CODE,              /* code: empty = generated (C000123) */
	CUST_NAME,
	CUST_REGION,            /* regions.id */
	CUST_INDUSTRY,
	CUST_CHANNEL,           /* channels.id: the default of orders */
	CUST_OWNER,             /* people.id: a manager's pick */
	CUST_STATUS,            /* prospect, active, inactive */
	CUST_TERMS,             /* payment terms, days (empty: 30) */
	CUST_CONFIRM,           /* "1": save although the name is used */
	CUST__MAX
};

extern const struct field customer_fields[CUST__MAX];

/* What saving a customer gave. */
struct customer_saved {
	int64_t id;
	char code[40];
	/* When not NULL, the customers of the same name in the region:
	 * nothing was saved, the person must confirm (free with
	 * dbres_free). */
	struct dbres *namesakes;
};

/* Creates (id 0) or changes customer id from in, validated into *f.  The
 * code never changes once set; a sales rep owns what they create and
 * keeps the owner of their own, a manager picks an active rep of the
 * team.  A name already used in the region is saved only with
 * confirm_duplicate=1: otherwise *out lists the namesakes and nothing is
 * written (returns 0).  Sales roles only (TC_EDENIED). */
int sales_customer_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, struct customer_saved *out);

/* --- contacts (customers-write.c) --- */

enum contact_field { CONTACT_NAME, CONTACT_TITLE, CONTACT_PHONE,
    CONTACT_EMAIL, CONTACT__MAX };

extern const struct field contact_fields[CONTACT__MAX];

/* Adds (contact 0) or changes a contact of customer cust, which must be
 * in the write scope; *id gets the contact's id. */
int sales_contact_save(const struct sales_actor *a, int64_t cust,
    int64_t contact, const struct req_fields *in, struct form *f,
    int64_t *id);

/* Deletes contact of customer cust (in the write scope). */
int sales_contact_delete(const struct sales_actor *a, int64_t cust,
    int64_t contact);

/* --- orders (orders-write.c) --- */

#define ORDER_LINES_MAX 1000    /* line rows of one order */

/* The order's own fields.  "split" and "order_lines" have no input: they
 * carry the errors of the credited reps and of the lines as a whole (the
 * form's fieldsets of those ids). */
enum order_field { ORDER_NO, ORDER_CUSTOMER, ORDER_DATE, ORDER_REGION,
    ORDER_CHANNEL, ORDER_NOTE, ORDER_OPPORTUNITY, ORDER_SPLIT, ORDER_LINES,
    ORDER_TERMS, ORDER__MAX };
/* ORDER_TERMS: "payment_terms", days; empty: the customer's terms. */
#define PAYMENT_TERMS_DEFAULT 30
#define PAYMENT_TERMS_MAX 365

/* A credited rep: repeated inputs "rep" (people.id) and "share" (%). */
enum order_rep_field { OREP_PERSON, OREP_SHARE, OREP__MAX };

/* A line, inputs "<name>_<row>" for rows 1, 2, ...: lid (the stored
 * line, when editing), lno (its number: files only), product
 * (products.id), qty, price (default: the list price), discount (%),
 * amount (default: qty x price x (1 - discount)), cost and status (files
 * only; default: qty x the standard cost, booked). */
enum order_line_field { OLINE_ID, OLINE_NO, OLINE_PRODUCT, OLINE_QTY,
    OLINE_PRICE, OLINE_DISCOUNT, OLINE_AMOUNT, OLINE_COST, OLINE_STATUS,
    OLINE__MAX };

extern const struct field order_fields[ORDER__MAX];
extern const struct field order_rep_fields[OREP__MAX];
extern const struct field order_line_fields[OLINE__MAX];

/* How the input of an order was read: head, every rep row (nth value of
 * "rep" / "share"; empty rows included) and every line row (empty rows
 * included), so that a form shows them again where they were typed. */
struct order_input {
	struct form head;
	struct form *reps;
	size_t nreps;
	struct form *lines;
	size_t nlines;
};

/* What the input of an order may hold besides the form's. */
struct order_options {
	/* An orders.csv import (spec 1.2): each line gives its number, its
	 * cost and its status; a quantity may be 0 or negative; the unit
	 * price stored is the amount given over the quantity. */
	bool from_file;
};

/* What a change of an order gave. */
struct order_saved {
	int64_t id;                 /* the order (or the return) written */
	char order_no[48];
	/* When the order may not be changed (rc TC_ECONFLICT): the
	 * catalogue key of the reason ("ord_err_cancelled", ...), and for a
	 * closed period the date that lies in it (yyyymmdd, else 0). */
	const char *refused;
	int32_t closed_date;
	/* Not 0: the credit change (or the cancellation) was not written
	 * but waits for approval as this credit request (orders-credit.c);
	 * the order's credit stands until then. */
	int64_t request;
};

/* What is about to change in a stored order. */
enum order_change { ORDER_CHANGE_EDIT, ORDER_CHANGE_CANCEL,
    ORDER_CHANGE_RETURN, ORDER_CHANGE_COSTS };

/* Whether order id may undergo change by a (costs: finance, any order;
 * else sales roles, the write scope): 0, TC_ENOTFOUND, TC_EDENIED, or
 * TC_ECONFLICT with saved->refused, as the change itself would say.
 * For a page that offers the change. */
int sales_order_may(const struct sales_actor *a, int64_t id,
    enum order_change change, struct order_saved *saved);

/* Reads in into *out (free with order_input_free whatever the result)
 * without the database: each row through its field table.  Returns 0
 * or TC_ENOMEM. */
int order_input_read(const struct req_fields *in,
    const struct order_options *o, struct order_input *out);

/* Frees what out holds (not out).  Accepts NULL. */
void order_input_free(struct order_input *in);

/* Whether line row i (0-based) of in has nothing typed. */
bool order_line_blank(const struct order_input *in, size_t i);

/* Whether any form of in has an error. */
bool order_input_has_errors(const struct order_input *in);

/* Books (id 0) or changes order id from in, read into *input.  A line
 * row with a lid and nothing else deletes that line; a kept line keeps
 * its cost unless its product or quantity changes, and never shrinks
 * below what was returned of it.  opts may be NULL (the form).  A stored
 * order that may not change (cancelled, a return, in a closed period)
 * gives TC_ECONFLICT with saved->refused.  A change of a stored order's
 * credited reps or shares is not written: the rest of the change is,
 * and the new split becomes a credit request (saved->request) for the
 * team's manager or finance to approve; while one is pending, another
 * change of the split is refused on the "split" field. */
int sales_order_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, const struct order_options *opts,
    struct order_input *input, struct order_saved *saved);

/* Cancels order id and all its lines (TC_ECONFLICT as above).  An
 * order that credits someone besides a, or has payments, is not
 * cancelled: the cancellation becomes a credit request (saved->request)
 * for the team's manager or finance to approve; while a request of the
 * order is pending, TC_ECONFLICT with saved->refused. */
int sales_order_cancel(const struct sales_actor *a, int64_t id,
    struct order_saved *saved);

/* Decides credit request req of order as w says (w->action "approve",
 * "reject" with w->comment, "withdraw"), through sales_credit_flow
 * within a's scope (sales_scope_credit), in one transaction (or the
 * caller's): an approval writes the proposed split into the order, or
 * cancels it, with its audit.  Returns wf_apply's results with out
 * filled (TC_ENOTFOUND also for a request of another order), or
 * TC_ECONFLICT with saved->refused when the order may no longer change
 * (cancelled, in a closed period meanwhile): nothing is written. */
int sales_credit_decide(const struct sales_actor *a, int64_t order,
    int64_t req, const struct wf_request *w, struct wf_outcome *out,
    struct order_saved *saved);

/* A return: its date and note, and "return_lines" for the lines as a
 * whole; per stored line, input rq_<line number>, the quantity back. */
enum order_return_field { ORET_DATE, ORET_NOTE, ORET_LINES, ORET__MAX };
enum order_return_line_field { ORETL_QTY, ORETL__MAX };

extern const struct field order_return_fields[ORET__MAX];
extern const struct field order_return_line_fields[ORETL__MAX];

/* A return as read: the original (order, stored lines) and the forms,
 * lines[i] for stored line i (free with order_return_free). */
struct order_return {
	struct form head;
	struct form *lines;
	size_t nlines;
	struct dbres *order;
	struct dbres *stored;
};

void order_return_free(struct order_return *rt);

/* Loads order id for a return into rt->order and rt->stored (the
 * original in the write scope; a return of a return, or of a cancelled
 * order, is refused with TC_ECONFLICT).  An order of a closed period may
 * be returned: the return is dated in an open one. */
int sales_order_return_load(const struct sales_actor *a, int64_t id,
    struct order_return *rt, struct order_saved *saved);

/* Books a return of order id from in: a new order referencing the
 * original, with negative lines prorated from the original's, the same
 * credit, dated on or after the original and in an open period.
 * saved->id is the return. */
int sales_order_return(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct order_return *rt,
    struct order_saved *saved);

/* Line costs (finance): per stored line, input cost_<line number>. */
enum order_cost_field { OCOST_COST, OCOST__MAX };
extern const struct field order_cost_fields[OCOST__MAX];

struct order_costs {
	struct form *lines;         /* lines[i] for stored line i */
	size_t nlines;
	struct dbres *order;
	struct dbres *stored;
};

void order_costs_free(struct order_costs *oc);

/* Loads order id for a cost edit (finance only; refused in a closed
 * period). */
int sales_order_costs_load(const struct sales_actor *a, int64_t id,
    struct order_costs *oc, struct order_saved *saved);

/* Sets the costs of order id's lines from in. */
int sales_order_costs(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct order_costs *oc,
    struct order_saved *saved);

/* --- payments (collections-write.c) --- */

/* A payment received (or refunded, when negative): the order by its
 * number, the date, the amount, the bank's reference, and the payment's
 * own number (made when left empty). */
enum payment_field { PAY_ORDER, PAY_DATE, PAY_AMOUNT, PAY_REFERENCE,
    PAY_NO, PAY__MAX };

extern const struct field payment_fields[PAY__MAX];

struct payment_saved {
	int64_t id, order_id;
	char payment_no[72];
	int64_t order_amount;       /* the order's booked amount */
	int64_t collected;          /* collected before this payment */
	bool over;                  /* more is collected than the amount */
};

/* Records a payment from in, validated into *f (finance and reviewers;
 * the order booked, the date on or after the order's and in an open
 * period, the number free). */
int sales_payment_save(const struct sales_actor *a,
    const struct req_fields *in, struct form *f, struct payment_saved *saved);

/* --- activities (activities-write.c) --- */

enum activity_field { ACT_KIND, ACT_DATE, ACT_CUSTOMER, ACT_OPP, ACT_NOTES,
    ACT_NEXT, ACT__MAX };

extern const char *const activity_kinds[];      /* NULL-terminated */
extern const struct field activity_fields[ACT__MAX];

/* Logs (id 0) or changes activity id of a's own from in: the customer
 * in the write scope, the opportunity (optional) one of that customer's.
 * *out gets the activity's id. */
int sales_activity_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, int64_t *out);

/* --- opportunities (pipeline-write.c) --- */

enum opportunity_field { OPP_OWNER, OPP_CUSTOMER, OPP_TITLE, OPP_NEEDS,
    OPP_AMOUNT, OPP_STAGE, OPP_CLOSE, OPP_FOLLOW_UP, OPP_LOST_REASON,
    OPP__MAX };

extern const char *const opportunity_stages[];  /* NULL-terminated */
extern const struct field opportunity_fields[OPP__MAX];

/* An opportunity's product lines (opportunity_lines), each a row form:
 * "lproduct_N", "lqty_N", "lamount_N" (N from 1).  A row with nothing
 * typed is no line. */
enum opportunity_line_field { OPPL_PRODUCT, OPPL_QTY, OPPL_AMOUNT,
    OPPL__MAX };
#define OPP_LINES_MAX 20

extern const struct field opportunity_line_fields[OPPL__MAX];

struct opp_lines {
	struct form row[OPP_LINES_MAX];
	size_t n;                   /* rows read */
};

/* A quantity field's validator (order-math.h's order_parse_qty): at
 * most 3 decimals; out->i in thousandths. */
int order_valid_qty(const struct field *f, const char *in,
    struct form_value *out);

/* The stages as a workflow (core/workflow.h): moving to a stage is the
 * action named after it, from any other stage, for the sales roles in
 * their write scope; "lost" needs a reason (the move's comment), kept
 * on the opportunity.  For the pages that show the moves (wf_load,
 * wf_may). */
extern const struct wf_def sales_opportunity_flow;

/* Creates (id 0) or changes opportunity id from in, validated into *f:
 * the owner an active person of the sales roles in the write scope (the
 * current owner stays allowed), the customer in the write scope (or the
 * current one), a reason when the opportunity is lost.  A new one starts
 * in the stage of its "stage" field (lead when empty), recorded as its
 * first stage change; a change never moves the stage (see
 * sales_opportunity_move).  *out gets the opportunity's id. */
int sales_opportunity_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, int64_t *out);

/* As sales_opportunity_save, with the product lines of in read into
 * *lines (free each row with form_free, whatever the outcome; lines
 * NULL: the stored lines stay): every line an active product, a
 * quantity above 0 and an amount; they replace the stored ones, and
 * the opportunity's amount is their sum (an amount typed that differs
 * is refused, naming the field; with lines it may be left empty). */
int sales_opportunity_save_lines(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, struct opp_lines *lines,
    int64_t *out);

/* Moves opportunity id as w says (w->action: the stage to move to;
 * w->expect: the stage the person's page showed, or NULL; w->comment:
 * the reason, for lost), within the write scope, as wf_apply does: in
 * the caller's transaction when one is open.  Returns wf_apply's
 * results, with out filled. */
int sales_opportunity_move(const struct sales_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out);

#endif
