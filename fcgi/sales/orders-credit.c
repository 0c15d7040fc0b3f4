/* orders-credit.c: credit-change requests of saved orders (write.h,
 * orders-credit.h).
 *
 * Commission is paid on sales credit, so who may change it is a control:
 * a change of the credited reps or shares of a saved order, made in the
 * order form (sales_order_save), and the cancellation of an order that
 * credits someone else or has payments (sales_order_cancel), are not
 * written but recorded as a request, and the order's credit stands until
 * a second person decides it through the workflow sales_credit_flow
 * (credit-flow.c): the team's manager or finance approves, which writes
 * the proposed split (or cancels the order) in the same transaction, or
 * rejects with a reason; the person who asked may withdraw it.  One
 * request at most is pending per order: it is created under the order's
 * row lock, and a decision takes the order's lock before the request's,
 * in the same order as creation, so that the two never deadlock. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/money.h"
#include "core/period.h"
#include "sales/orders-credit.h"
#include "sales/sales.h"
#include "sales/write-tx.h"

enum stmt {
	C_PENDING,
	C_INSERT,
	C_REPS_BEFORE,
	C_REP_INSERT,
	C_SPLIT_TEXT,
	C_REQUEST,
	C_ORDER_LOCK,
	C_REPS_DELETE,
	C_REPS_APPLY,
	C__MAX
};

static const char *const stmts[C__MAX] = {
	[C_PENDING] =
	    "SELECT id FROM order_credit_requests WHERE order_id = ?"
	    " AND state = 'pending' FOR UPDATE",
	[C_INSERT] =
	    "INSERT INTO order_credit_requests (order_id, kind, state,"
	    " requested_by, requested_at) VALUES (?, ?, 'pending', ?, ?)",
	[C_REPS_BEFORE] =
	    "INSERT INTO order_credit_request_reps (request_id, proposed,"
	    " person_id, share) SELECT ?, FALSE, person_id, share"
	    " FROM order_reps WHERE order_id = ?",
	[C_REP_INSERT] =
	    "INSERT INTO order_credit_request_reps (request_id, proposed,"
	    " person_id, share) VALUES (?, TRUE, ?, ?)",
	/* request, proposed: "login:share|..." */
	[C_SPLIT_TEXT] =
	    "SELECT COALESCE(GROUP_CONCAT(CONCAT(p.login, ':',"
	    " TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM r.share)))"
	    " ORDER BY r.share DESC, p.login SEPARATOR '|'), '')"
	    " FROM order_credit_request_reps r JOIN people p"
	    " ON p.id = r.person_id WHERE r.request_id = ? AND r.proposed = ?",
	/* request, order: read without a lock (its order never changes) */
	[C_REQUEST] =
	    "SELECT kind FROM order_credit_requests WHERE id = ?"
	    " AND order_id = ?",
	[C_ORDER_LOCK] =
	    "SELECT id, order_no, status, order_date FROM orders WHERE id = ?"
	    " FOR UPDATE",
	[C_REPS_DELETE] = "DELETE FROM order_reps WHERE order_id = ?",
	[C_REPS_APPLY] =
	    "INSERT INTO order_reps (order_id, person_id, share)"
	    " SELECT ?, person_id, share FROM order_credit_request_reps"
	    " WHERE request_id = ? AND proposed",
};

static struct db_table oc_db = DB_TABLE("orders-credit", stmts);

int
credit_pending(struct db *db, int64_t order, int64_t *req)
{
	struct dbres *res;
	int rc;

	*req = 0;
	if ((rc = db_query(db, &oc_db, C_PENDING, DB_ARGS(P_INT(order)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) > 0)
		*req = dbres_int(res, 0, 0);
	dbres_free(res);
	return 0;
}

/* The split of request req, as it stood (proposed false) or as
 * proposed, "login:share|...", into buf. */
static int
split_text(struct db *db, int64_t req, bool proposed, char *buf, size_t len)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(db, &oc_db, C_SPLIT_TEXT, DB_ARGS(P_INT(req),
	    P_INT(proposed ? 1 : 0)), &res)) != 0)
		return rc;
	snprintf(buf, len, "%s", dbres_rows(res) > 0 ? dbres_text(res, 0, 0) :
	    "");
	dbres_free(res);
	return 0;
}

/* The audit row of the order for request req: "SO-1 request 7 credit
 * a:50|b:50 -> a:100" (or "cancel"). */
static int
order_audit(const struct sales_actor *a, const char *action, int64_t order,
    const char *order_no, int64_t req, const char *kind)
{
	char before[1024], after[1024], detail[2300], idt[24];
	int rc;

	if ((rc = split_text(a->db, req, false, before, sizeof(before))) != 0 ||
	    (rc = split_text(a->db, req, true, after, sizeof(after))) != 0)
		return rc;
	if (strcmp(kind, "cancel") == 0)
		snprintf(detail, sizeof(detail), "%s request %" PRId64
		    " cancel (credit %s)", order_no, req, before);
	else
		snprintf(detail, sizeof(detail), "%s request %" PRId64
		    " credit %s -> %s", order_no, req, before, after);
	snprintf(idt, sizeof(idt), "%" PRId64, order);
	return audit_write_as(a->db, &a->as, action, "order", idt, detail);
}

int
credit_request(const struct sales_actor *a, int64_t order,
    const char *order_no, const char *kind, const struct credit_rep *proposed,
    size_t n, int64_t *req)
{
	struct wf_actor wa = { a->db, a->who, a->as };
	char now[TC_DATETIME_SIZE];
	uint64_t id = 0;
	int rc;

	*req = 0;
	if ((rc = db_exec(a->db, &oc_db, C_INSERT, DB_ARGS(P_INT(order),
	    P_TEXT(kind), P_INT(a->who->id), P_TEXT(tc_now_str(now))), NULL,
	    &id)) != 0 ||
	    (rc = db_exec(a->db, &oc_db, C_REPS_BEFORE, DB_ARGS(P_INT((int64_t)id),
	    P_INT(order)), NULL, NULL)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = db_exec(a->db, &oc_db, C_REP_INSERT,
		    DB_ARGS(P_INT((int64_t)id), P_INT(proposed[i].person),
		    P_PCT(proposed[i].share)), NULL, NULL)) != 0)
			return rc;
	if ((rc = wf_created(&wa, &sales_credit_flow, (int64_t)id,
	    "pending")) != 0 ||
	    (rc = order_audit(a, "order_credit_request", order, order_no,
	    (int64_t)id, kind)) != 0)
		return rc;
	*req = (int64_t)id;
	return 0;
}

/* What approving request req does to its order (locked in o): the
 * proposed split replaces the credit, or the order is cancelled. */
static int
approve_effect(const struct sales_actor *a, int64_t req, const char *kind,
    const struct dbres *o, struct order_saved *saved)
{
	int64_t order = dbres_int(o, 0, 0);
	const char *no = dbres_text(o, 0, 1);
	enum period_state st = PERIOD_OPEN;
	int32_t date = 0;
	int rc;

	dbres_date(o, 0, 3, &date);
	if ((rc = period_state(a->db, date, &st)) != 0)
		return rc;
	/* what became of the order meanwhile */
	if (st == PERIOD_CLOSED) {
		saved->refused = "ord_err_period_closed";
		saved->closed_date = date;
	} else if (strcmp(dbres_text(o, 0, 2), "booked") != 0)
		saved->refused = "ord_err_cancelled";
	if (saved->refused != NULL)
		return TC_ECONFLICT;
	if (strcmp(kind, "cancel") == 0)
		return order_cancel_write(a, order, no);
	if ((rc = db_exec(a->db, &oc_db, C_REPS_DELETE, DB_ARGS(P_INT(order)),
	    NULL, NULL)) != 0 ||
	    (rc = db_exec(a->db, &oc_db, C_REPS_APPLY, DB_ARGS(P_INT(order),
	    P_INT(req)), NULL, NULL)) != 0)
		return rc;
	return order_audit(a, "order_credit_change", order, no, req, kind);
}

int
sales_credit_decide(const struct sales_actor *a, int64_t order, int64_t req,
    const struct wf_request *w, struct wf_outcome *out,
    struct order_saved *saved)
{
	struct scope s = scope_person(a->who, &sales_scope_credit);
	struct wf_actor wa = { a->db, a->who, a->as };
	struct dbres *r = NULL, *o = NULL;
	char kind[16];
	bool own = false;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(saved, 0, sizeof(*saved));
	saved->id = order;
	if (!actor_has(a, ROLE_SALES | ROLE_MANAGER | ROLE_FINANCE))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = db_query(a->db, &oc_db, C_REQUEST, DB_ARGS(P_INT(req),
	    P_INT(order)), &r)) != 0)
		goto out;
	if (dbres_rows(r) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	snprintf(kind, sizeof(kind), "%s", dbres_text(r, 0, 0));
	/* the order first, as creating a request does */
	if ((rc = db_query(a->db, &oc_db, C_ORDER_LOCK, DB_ARGS(P_INT(order)),
	    &o)) != 0)
		goto out;
	if (dbres_rows(o) == 0) {
		rc = TC_ENOTFOUND;
		goto out;
	}
	snprintf(saved->order_no, sizeof(saved->order_no), "%s",
	    dbres_text(o, 0, 1));
	if ((rc = wf_apply(&wa, &sales_credit_flow, req, &s, w, out)) != 0)
		goto out;
	if (strcmp(out->to, "approved") == 0)
		rc = approve_effect(a, req, kind, o, saved);
out:
	dbres_free(r);
	dbres_free(o);
	return db_tx_end(a->db, own, rc);
}
