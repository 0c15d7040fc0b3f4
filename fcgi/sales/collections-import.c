/* collections-import.c: importing payments.csv (spec section 1.3).
 *
 * Columns payment_id, order_id (our order number), date, amount (negative
 * for a refund), and optionally reference (bank voucher, at most 128
 * characters).  Each row is recorded by sales_payment_save (write.h),
 * the function behind the payment form, so the same rules hold: finance
 * only, the order booked, the date not before the order's nor in a
 * closed period, the payment number free.  All or nothing in one
 * transaction: every bad row is reported (line, column, reason) and
 * nothing is written if any row is bad (a payment_id repeated in the file
 * too).  An over-payment (an order's collected total above its amount
 * after the import) is accepted, and the orders are named in a warning.
 * One audit row per payment (by the function) and one for the import. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/money.h"
#include "sales/collections.h"
#include "sales/sales.h"
#include "sales/write.h"

int coll_import_get(struct req *r);
int coll_import_post(struct req *r);

enum stmt {
	S_CUSTOMER_OF,
	S__MAX
};

static const char *const stmts[S__MAX] = {
	[S_CUSTOMER_OF] =
	    "SELECT c.name FROM orders o JOIN customers c"
	    " ON c.id = o.customer_id WHERE o.id = ?",
};

static struct db_table cimp_db = DB_TABLE("collections-import", stmts);

static int
import_page(struct req *r, int status)
{
	sales_tabs(r, "collections");
	return page_send(r, status, "sales/collections-import.tpl",
	    "coll_import_title", "sales");
}

int
coll_import_get(struct req *r)
{
	return import_page(r, 200);
}

/* What the import knows of one order named in the file. */
struct ord {
	const char *no;
	int64_t id, amount, before, added;
	char customer[201];
};

/* The column of payments.csv that payment field k came from, and what
 * the file said there. */
static const char *const columns[PAY__MAX] = {
	[PAY_ORDER] = "order_id", [PAY_DATE] = "date", [PAY_AMOUNT] = "amount",
	[PAY_REFERENCE] = "reference", [PAY_NO] = "payment_id",
};

static int
report(const struct form *f, const struct imp_payment *x,
    struct imp_errs *errs)
{
	int rc;

	for (size_t k = 0; k < f->n; k++) {
		const char *v = k == PAY_ORDER ? x->order_id : k == PAY_NO ?
		    x->payment_id : k == PAY_REFERENCE ? x->reference :
		    f->e[k].raw;

		if (f->e[k].err != 0 && (rc = imp_errs_add(errs, x->line,
		    columns[k], f->e[k].msg, v)) != 0)
			return rc;
	}
	return 0;
}

/* The row's inputs of the payment form, into f. */
static int
fields_of(const struct imp_payment *x, struct req_fields *f)
{
	char date[11], amount[TC_MONEY_SIZE];
	int rc;

	req_fields_free(f);
	if ((rc = req_fields_add(f, "order", x->order_id)) != 0 ||
	    (rc = req_fields_add(f, "date", coll_ymd(date, x->date))) != 0 ||
	    (rc = req_fields_add(f, "amount", tc_money_str(amount, x->amount,
	    false))) != 0 ||
	    (rc = req_fields_add(f, "payment_no", x->payment_id)) != 0)
		return rc;
	if (*x->reference != '\0')
		rc = req_fields_add(f, "reference", x->reference);
	return rc;
}

int
coll_import_post(struct req *r)
{
	struct sales_actor a = sales_actor_of(r);
	struct tdict *d = page_body(r);
	struct imp_payments pay;
	struct imp_errs errs = { 0 };
	struct req_fields in;
	struct ord *ords = NULL;
	size_t nord = 0, nover = 0;
	const char *data = NULL, *why;
	char *owned = NULL;             /* the file converted from GB18030 */
	size_t len = 0;
	int64_t total_in = 0, total_out = 0;
	char buf[TC_MONEY_SIZE], detail[512];
	int rc;

	memset(&pay, 0, sizeof(pay));
	req_fields_init(&in);
	if ((why = coll_upload(r, &data, &len, &owned)) != NULL) {
		if ((rc = imp_errs_add(&errs, 0, "", why, NULL)) != 0)
			goto out;
		coll_report_errors(r, d, &errs);
		rc = import_page(r, 422);
		goto out;
	}
	if ((rc = imp_payments_read(data, len, &pay, &errs)) != 0)
		goto out;
	if ((ords = calloc(pay.nrow ? pay.nrow : 1, sizeof(*ords))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	/* every row through the payment form's function, in one transaction
	 * kept only if no row is bad */
	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	for (size_t i = 0; i < pay.nrow; i++) {
		struct imp_payment *x = &pay.row[i];
		struct payment_saved saved;
		struct form f;
		size_t k;

		if (x->bad)
			continue;           /* reported by the reading */
		if ((rc = fields_of(x, &in)) != 0)
			goto fail;
		rc = sales_payment_save(&a, &in, &f, &saved);
		if (rc == TC_EINVAL)
			rc = report(&f, x, &errs);
		form_free(&f);
		if (rc != 0)
			goto fail;
		if (saved.id == 0)
			continue;
		for (k = 0; k < nord; k++)
			if (ords[k].id == saved.order_id)
				break;
		if (k == nord) {
			ords[k].no = x->order_id;
			ords[k].id = saved.order_id;
			ords[k].amount = saved.order_amount;
			ords[k].before = saved.collected;
			nord++;
		}
		ords[k].added += x->amount;
		if (x->amount > 0)
			total_in += x->amount;
		else
			total_out += x->amount;
	}
	if (errs.n > 0) {
		db_rollback(r->app->db);
		coll_report_errors(r, d, &errs);
		tdict_set_int(d, "rows_read", (long long)pay.nrow);
		rc = import_page(r, 422);
		goto out;
	}
	for (size_t k = 0; k < nord; k++) {
		struct dbres *res = NULL;

		if ((rc = db_query(r->app->db, &cimp_db, S_CUSTOMER_OF,
		    DB_ARGS(P_INT(ords[k].id)), &res)) != 0)
			goto fail;
		snprintf(ords[k].customer, sizeof(ords[k].customer), "%s",
		    dbres_text_col(res, 0, "name"));
		dbres_free(res);
	}
	snprintf(detail, sizeof(detail),
	    "%zu payments on %zu orders, received %s, refunded %s",
	    pay.nrow, nord, tc_money_str(buf, total_in, false),
	    tc_money_str((char[TC_MONEY_SIZE]){ 0 }, total_out, false));
	if ((rc = audit_write(r, "payment_import", "payment", "", detail)) != 0 ||
	    (rc = db_commit(r->app->db)) != 0)
		goto fail;
	/* The summary, with the over-paid orders named. */
	tdict_show_section(d, "DONE");
	tdict_set_int(d, "done_payments", (long long)pay.nrow);
	tdict_set_int(d, "done_orders", (long long)nord);
	coll_set_money(d, "done_in", total_in);
	coll_set_money(d, "done_out", total_out);
	coll_set_money(d, "done_net", total_in + total_out);
	for (size_t k = 0; k < nord; k++) {
		struct tdict *row = tdict_add_section(d, "DONE_ORDER");
		int64_t after = ords[k].before + ords[k].added;

		tdict_set(row, "order_no", ords[k].no);
		tdict_set_int(row, "order_id", ords[k].id);
		tdict_set(row, "customer", ords[k].customer);
		coll_set_money(row, "amount", ords[k].amount);
		coll_set_money(row, "added", ords[k].added);
		coll_set_money(row, "collected", after);
		coll_set_money(row, "outstanding", ords[k].amount - after);
		if (ords[k].amount >= 0 && after > ords[k].amount) {
			struct tdict *w = tdict_add_section(d, "OVER");

			tdict_show_section(row, "ROW_OVER");
			tdict_set(w, "order_no", ords[k].no);
			coll_set_money(w, "amount", ords[k].amount);
			coll_set_money(w, "collected", after);
			nover++;
		}
	}
	if (nover > 0) {
		tdict_show_section(d, "WARN_OVER");
		page_flash(r, "warn", tr(r, "coll_warn_over_import"));
	}
	page_flash(r, "ok", tr(r, "coll_import_done"));
	rc = import_page(r, 200);
	goto out;
fail:
	if (db_in_transaction(r->app->db))
		db_rollback(r->app->db);
out:
	req_fields_free(&in);
	free(ords);
	imp_payments_free(&pay);
	imp_errs_free(&errs);
	free(owned);
	return rc;
}
