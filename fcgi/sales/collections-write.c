/* collections-write.c: recording a payment received, or a refund
 * (write.h).  The payment form, the payments.csv import and the demo
 * seeder all come here.
 *
 * Finance (and settlement reviewers) only.  The order, by its number,
 * must exist and be booked; the amount is not 0; a payment is never dated
 * before its order, nor in a closed period (core/period); its number,
 * given or made (M00000123), is unique.  An over-payment is accepted:
 * *saved says so, for a warning. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/money.h"
#include "core/period.h"
#include "sales/import-rows.h"
#include "sales/write-tx.h"

#define PAY_ROLES (ROLE_FINANCE | ROLE_REVIEWER)

enum stmt {
	W_ORDER,
	W_PAY_NO_TAKEN,
	W_INSERT,
	W_SET_NO,
	W__MAX
};

static const char *const stmts[W__MAX] = {
	/* finance reads every order; locked, so that the collected total
	 * stays what the warning says */
	[W_ORDER] =
	    "SELECT o.id, o.status, o.order_date, o.amount_booked, o.collected"
	    " FROM orders o WHERE o.order_no = ? FOR UPDATE",
	[W_PAY_NO_TAKEN] = "SELECT id FROM payments WHERE payment_no = ?",
	[W_INSERT] =
	    "INSERT INTO payments (payment_no, order_id, payment_date, amount,"
	    " reference, created_by)"
	    " VALUES (COALESCE(?, CONCAT('tmp-', REPLACE(UUID(), '-', ''))),"
	    " ?, ?, ?, ?, ?)",
	[W_SET_NO] = "UPDATE payments SET payment_no = ? WHERE id = ?",
};

static struct db_table pw_db = DB_TABLE("collections-write", stmts);

static int
valid_payment_no(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (strlen(in) > 64)
		return TC_ETOO_LONG;
	if (!imp_valid_code(in, 64))
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)strlen(in);
	return 0;
}

const struct field payment_fields[PAY__MAX] = {
	[PAY_ORDER] = { "order", form_text, 1, 1, 40, "coll_err_order", NULL },
	[PAY_DATE] = { "date", form_date, 1, 0, 0, "coll_err_date", NULL },
	[PAY_AMOUNT] = { "amount", form_money, 1, -99999999999999LL,
	    99999999999999LL, "coll_err_amount", NULL },
	[PAY_REFERENCE] = { "reference", form_text, 0, 1, 128,
	    "coll_err_reference", NULL },
	[PAY_NO] = { "payment_no", valid_payment_no, 0, 0, 0,
	    "coll_err_payment_no", NULL },
};

/* The checks that need the database; marks f and fills *saved. */
static int
payment_check(const struct sales_actor *a, struct form *f,
    struct payment_saved *saved)
{
	struct dbres *res = NULL;
	int32_t date = (int32_t)form_int(f, PAY_DATE, 0), ordered = 0;
	enum period_state st = PERIOD_OPEN;
	int rc = 0;

	if (form_present(f, PAY_AMOUNT) && f->e[PAY_AMOUNT].err == 0 &&
	    form_int(f, PAY_AMOUNT, 0) == 0 &&
	    (rc = form_set_error(f, PAY_AMOUNT, "coll_err_zero", NULL)) != 0)
		return rc;
	if (form_str(f, PAY_ORDER) != NULL) {
		if ((rc = db_query(a->db, &pw_db, W_ORDER,
		    DB_ARGS(P_TEXT(form_str(f, PAY_ORDER))), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 0)
			rc = form_set_error(f, PAY_ORDER, "coll_err_unknown_order",
			    NULL);
		else if (strcmp(dbres_text_col(res, 0, "status"),
		    "booked") != 0)
			rc = form_set_error(f, PAY_ORDER, "coll_err_cancelled",
			    NULL);
		else {
			saved->order_id = dbres_int_col(res, 0, "id");
			saved->order_amount = dbres_money_col(res, 0,
			    "amount_booked");
			saved->collected = dbres_money_col(res, 0, "collected");
			dbres_date_col(res, 0, "order_date", &ordered);
		}
		dbres_free(res);
		res = NULL;
		if (rc != 0)
			return rc;
	}
	if (date > 0) {
		if (ordered > 0 && date < ordered)
			rc = form_set_error(f, PAY_DATE, "coll_err_before_order",
			    NULL);
		else if ((rc = period_state(a->db, date, &st)) == 0 &&
		    st == PERIOD_CLOSED)
			rc = form_set_error(f, PAY_DATE, "coll_err_date_closed",
			    NULL);
		if (rc != 0)
			return rc;
	}
	if (form_str(f, PAY_NO) != NULL) {
		if ((rc = db_query(a->db, &pw_db, W_PAY_NO_TAKEN,
		    DB_ARGS(P_TEXT(form_str(f, PAY_NO))), &res)) != 0)
			return rc;
		if (dbres_rows(res) > 0)
			rc = form_set_error(f, PAY_NO, "coll_err_dup_payment", NULL);
		dbres_free(res);
	}
	return rc;
}

int
sales_payment_save(const struct sales_actor *a, const struct req_fields *in,
    struct form *f, struct payment_saved *saved)
{
	const char *given, *ref;
	int64_t amount;
	char date[11], idtext[24], detail[256], abuf[TC_MONEY_SIZE];
	uint64_t id = 0;
	bool own = false;
	int rc;

	memset(saved, 0, sizeof(*saved));
	if ((rc = form_validate(f, payment_fields, PAY__MAX, in)) == TC_ENOMEM)
		return rc;
	if (!actor_has(a, PAY_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = payment_check(a, f, saved)) != 0)
		goto out;
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	given = form_str(f, PAY_NO);
	ref = form_str(f, PAY_REFERENCE);
	amount = form_int(f, PAY_AMOUNT, 0);
	tc_date_format(date, (int32_t)form_int(f, PAY_DATE, 0));
	rc = db_exec(a->db, &pw_db, W_INSERT, DB_ARGS(P_TEXT_OR_NULL(given),
	    P_INT(saved->order_id), P_TEXT(date), P_MONEY(amount),
	    P_TEXT(ref != NULL ? ref : ""), P_INT(a->who->id)), NULL, &id);
	if (rc == TC_ECONFLICT) {
		/* the number was taken meanwhile */
		if ((rc = form_set_error(f, PAY_NO, "coll_err_dup_payment",
		    NULL)) == 0)
			rc = TC_EINVAL;
		goto out;
	}
	if (rc != 0)
		goto out;
	saved->id = (int64_t)id;
	if (given != NULL)
		snprintf(saved->payment_no, sizeof(saved->payment_no), "%s",
		    given);
	else {
		snprintf(saved->payment_no, sizeof(saved->payment_no),
		    "M%08" PRId64, saved->id);
		if ((rc = db_exec(a->db, &pw_db, W_SET_NO,
		    DB_ARGS(P_TEXT(saved->payment_no), P_INT(saved->id)), NULL,
		    NULL)) != 0)
			goto out;
	}
	saved->over = saved->order_amount >= 0 &&
	    saved->collected + amount > saved->order_amount;
	snprintf(idtext, sizeof(idtext), "%" PRId64, saved->id);
	snprintf(detail, sizeof(detail), "payment %s order %s date %s amount %s",
	    saved->payment_no, form_str(f, PAY_ORDER), date,
	    tc_money_str(abuf, amount, false));
	rc = audit_write_as(a->db, &a->as, amount < 0 ? "payment_refund" :
	    "payment_create", "payment", idtext, detail);
out:
	return db_tx_end(a->db, own, rc);
}
