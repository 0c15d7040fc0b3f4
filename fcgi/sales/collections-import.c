/* collections-import.c: importing payments.csv (spec section 1.3).
 *
 * Columns payment_id, order_id (our order number), date, amount (negative
 * for a refund), and optionally reference (bank voucher, at most 128
 * characters).  All or nothing in one transaction: every bad row is
 * reported (line, column, reason) and nothing is written if any row is
 * bad.  Bad: a payment_id repeated in the file or already recorded, an
 * unknown order, a cancelled order, a zero amount, a malformed field.
 * An over-payment (an order's collected total above its amount after the
 * import) is accepted, and the orders are named in a warning.  One audit
 * row per payment and one for the import. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/fmt.h"
#include "sales/collections.h"
#include "sales/sales.h"
#include "sales/scope.h"

int coll_import_get(struct req *r);
int coll_import_post(struct req *r);

enum stmt {
	S_ORDER_BY_NO,
	S_PAY_NO_EXISTS,
	S_PAY_INSERT,
	S__MAX
};

static const char *const stmts[S__MAX] = {
	[S_ORDER_BY_NO] =
	    "SELECT o.id, o.status,"
	    " COALESCE((SELECT SUM(ol.amount) FROM order_lines ol WHERE"
	    "  ol.order_id = o.id AND ol.status = 'booked'), 0),"
	    " COALESCE((SELECT SUM(pp.amount) FROM payments pp WHERE"
	    "  pp.order_id = o.id), 0), c.name"
	    " FROM orders o JOIN customers c ON c.id = o.customer_id"
	    " WHERE o.order_no = ?",
	[S_PAY_NO_EXISTS] =
	    "SELECT id FROM payments WHERE payment_no = ?",
	[S_PAY_INSERT] =
	    "INSERT INTO payments (payment_no, order_id, payment_date, amount,"
	    " reference, created_by) VALUES (?, ?, ?, ?, ?, ?)",
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
	int status;             /* 0 unknown, 1 booked, 2 cancelled */
};

int
coll_import_post(struct req *r)
{
	struct tdict *d = page_body(r);
	struct imp_payments pay;
	struct imp_errs errs = { 0 };
	struct ord *ords = NULL;
	size_t nord = 0, *which = NULL, nover = 0;
	const char *data = NULL, *why;
	size_t len = 0;
	int64_t total_in = 0, total_out = 0;
	char buf[FMT_MONEY_SIZE], detail[512], idtext[24], date[11];
	int rc;

	memset(&pay, 0, sizeof(pay));
	if ((why = coll_upload(r, &data, &len)) != NULL) {
		if ((rc = imp_errs_add(&errs, 0, "", why, NULL)) != 0)
			goto out;
		coll_report_errors(r, d, &errs);
		rc = import_page(r, 422);
		goto out;
	}
	if ((rc = imp_payments_read(data, len, &pay, &errs)) != 0)
		goto out;
	ords = calloc(pay.nrow ? pay.nrow : 1, sizeof(*ords));
	which = calloc(pay.nrow ? pay.nrow : 1, sizeof(*which));
	if (ords == NULL || which == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	/* What needs the database: orders known and not cancelled, payment
	 * numbers new. */
	for (size_t i = 0; i < pay.nrow; i++) {
		struct imp_payment *x = &pay.row[i];
		struct dbres *res = NULL;
		size_t k;

		if (*x->payment_id != '\0' && imp_valid_code(x->payment_id, 64)) {
			if ((rc = db_query(r->app->db, &cimp_db,
			    S_PAY_NO_EXISTS, DB_ARGS(P_TEXT(x->payment_id)),
			    &res)) != 0)
				goto out;
			if (dbres_rows(res) > 0 &&
			    (rc = imp_errs_add(&errs, x->line, "payment_id",
			    "imp_err_payment_exists", x->payment_id)) != 0) {
				dbres_free(res);
				goto out;
			}
			dbres_free(res);
			res = NULL;
		}
		if (*x->order_id == '\0' || !imp_valid_code(x->order_id, 40))
			continue;
		for (k = 0; k < nord; k++)
			if (strcmp(ords[k].no, x->order_id) == 0)
				break;
		if (k == nord) {
			ords[k].no = x->order_id;
			if ((rc = db_query(r->app->db, &cimp_db, S_ORDER_BY_NO,
			    DB_ARGS(P_TEXT(x->order_id)), &res)) != 0)
				goto out;
			if (dbres_rows(res) > 0) {
				ords[k].id = dbres_int(res, 0, 0);
				ords[k].status = strcmp(dbres_text(res, 0, 1),
				    "cancelled") == 0 ? 2 : 1;
				ords[k].amount = dbres_money(res, 0, 2);
				ords[k].before = dbres_money(res, 0, 3);
				snprintf(ords[k].customer,
				    sizeof(ords[k].customer), "%s",
				    dbres_text(res, 0, 4));
			}
			dbres_free(res);
			nord++;
		}
		which[i] = k;
		if (ords[k].status == 0)
			rc = imp_errs_add(&errs, x->line, "order_id",
			    "imp_err_unknown_order", x->order_id);
		else if (ords[k].status == 2)
			rc = imp_errs_add(&errs, x->line, "order_id",
			    "imp_err_cancelled_order", x->order_id);
		else
			ords[k].added += x->amount;
		if (rc != 0)
			goto out;
	}
	if (errs.n > 0) {
		coll_report_errors(r, d, &errs);
		tdict_set_int(d, "rows_read", (long long)pay.nrow);
		rc = import_page(r, 422);
		goto out;
	}

	if ((rc = db_begin(r->app->db)) != 0)
		goto out;
	for (size_t i = 0; i < pay.nrow; i++) {
		struct imp_payment *x = &pay.row[i];
		uint64_t id = 0;

		rc = db_exec(r->app->db, &cimp_db, S_PAY_INSERT,
		    DB_ARGS(P_TEXT(x->payment_id), P_INT(ords[which[i]].id),
		    P_TEXT(coll_ymd(date, x->date)), P_MONEY(x->amount),
		    P_TEXT(x->reference), P_INT(r->me.id)), NULL, &id);
		if (rc != 0)
			goto fail;
		snprintf(idtext, sizeof(idtext), "%llu", (unsigned long long)id);
		snprintf(detail, sizeof(detail),
		    "payment %s order %s date %s amount %s (import)",
		    x->payment_id, x->order_id, date,
		    fmt_money(buf, x->amount, false));
		if ((rc = audit_write(r, x->amount < 0 ? "payment_refund" :
		    "payment_create", "payment", idtext, detail)) != 0)
			goto fail;
		if (x->amount > 0)
			total_in += x->amount;
		else
			total_out += x->amount;
	}
	snprintf(detail, sizeof(detail),
	    "%zu payments on %zu orders, received %s, refunded %s",
	    pay.nrow, nord, fmt_money(buf, total_in, false),
	    fmt_money((char[FMT_MONEY_SIZE]){ 0 }, total_out, false));
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
	free(ords);
	free(which);
	imp_payments_free(&pay);
	imp_errs_free(&errs);
	return rc;
}
