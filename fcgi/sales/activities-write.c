/* activities-write.c: logging and changing activities (write.h).  The
 * activity form and the demo seeder both come here.
 *
 * A person of the sales roles logs their own activities: the customer in
 * their write scope, the opportunity (optional) one of that customer's in
 * scope.  Logging an activity changes nothing else. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "sales/sales.h"
#include "sales/write-tx.h"

#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)

enum stmt {
	W_ACTIVITY,
	W_CUSTOMER,
	W_OPP_OF_CUSTOMER,
	W_INSERT,
	W_UPDATE,
	W__MAX
};

static const char *const stmts[W__MAX] = {
	/* id, write scope */
	[W_ACTIVITY] =
	    "SELECT a.id FROM activities a WHERE a.id = ? AND "
	    SCOPE_SQL("a.owner_id") " FOR UPDATE",
	[W_CUSTOMER] =
	    "SELECT c.id FROM customers c WHERE c.id = ? AND "
	    SCOPE_SQL("c.owner_id"),
	[W_OPP_OF_CUSTOMER] =
	    "SELECT o.id FROM opportunities o JOIN customers c"
	    " ON c.id = o.customer_id WHERE o.id = ? AND o.customer_id = ?"
	    " AND " SCOPE_SQL("c.owner_id"),
	[W_INSERT] =
	    "INSERT INTO activities (owner_id, customer_id, opportunity_id,"
	    " kind, activity_date, notes, next_step)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?)",
	[W_UPDATE] =
	    "UPDATE activities SET customer_id = ?, opportunity_id = ?,"
	    " kind = ?, activity_date = ?, notes = ?, next_step = ?"
	    " WHERE id = ?",
};

static struct db_table aw_db = DB_TABLE("activities-write", stmts);

const char *const activity_kinds[] = {
	"call", "visit", "demo", "quote", "contract", "other", NULL
};

const struct field activity_fields[ACT__MAX] = {
	[ACT_KIND] = { "kind", form_oneof, 1, 0, 0, "pipe_err_kind",
	    activity_kinds },
	[ACT_DATE] = { "activity_date", form_date, 1, 0, 0, "pipe_err_date",
	    NULL },
	[ACT_CUSTOMER] = { "customer", form_int64, 1, 1, INT32_MAX,
	    "pipe_err_customer", NULL },
	[ACT_OPP] = { "opportunity", form_int64, 0, 1, INT32_MAX,
	    "pipe_err_opportunity", NULL },
	[ACT_NOTES] = { "notes", form_text_multiline, 1, 1, 5000,
	    "pipe_err_notes", NULL },
	[ACT_NEXT] = { "next_step", form_text, 0, 0, 255, "pipe_err_next_step",
	    NULL },
};

static int
found(struct db *db, int idx, const struct db_param *p, size_t np, bool *yes)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(db, &aw_db, idx, p, np, &res)) != 0)
		return rc;
	*yes = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

int
sales_activity_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, int64_t *out)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	const char *opp, *next;
	char idtext[24];
	uint64_t newid = 0;
	bool own = false, yes;
	int rc;

	*out = 0;
	if ((rc = form_validate(f, activity_fields, ACT__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if (id > 0) {
		if ((rc = found(a->db, W_ACTIVITY, DB_ARGS(P_INT(id),
		    SCOPE_ARGS(&w)), &yes)) != 0)
			goto out;
		if (!yes) {
			rc = TC_ENOTFOUND;
			goto out;
		}
	}
	if (form_int(f, ACT_CUSTOMER, 0) > 0) {
		if ((rc = found(a->db, W_CUSTOMER,
		    DB_ARGS(P_INT(form_int(f, ACT_CUSTOMER, 0)),
		    SCOPE_ARGS(&w)), &yes)) != 0)
			goto out;
		if (!yes && (rc = form_set_error(f, ACT_CUSTOMER, NULL,
		    NULL)) != 0)
			goto out;
	}
	if (form_int(f, ACT_OPP, 0) > 0) {
		if ((rc = found(a->db, W_OPP_OF_CUSTOMER,
		    DB_ARGS(P_INT(form_int(f, ACT_OPP, 0)),
		    P_INT(form_int(f, ACT_CUSTOMER, 0)), SCOPE_ARGS(&w)),
		    &yes)) != 0)
			goto out;
		if (!yes && (rc = form_set_error(f, ACT_OPP, NULL, NULL)) != 0)
			goto out;
	}
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	opp = form_str(f, ACT_OPP);
	next = form_str(f, ACT_NEXT);
	if (id == 0) {
		rc = db_exec(a->db, &aw_db, W_INSERT, DB_ARGS(P_INT(a->who->id),
		    P_INT(form_int(f, ACT_CUSTOMER, 0)),
		    opp != NULL ? P_INT(form_int(f, ACT_OPP, 0)) : P_NULL,
		    P_TEXT(form_str(f, ACT_KIND)), P_TEXT(form_str(f, ACT_DATE)),
		    P_TEXT(form_str(f, ACT_NOTES)),
		    P_TEXT(next != NULL ? next : "")), NULL, &newid);
		*out = (int64_t)newid;
	} else {
		rc = db_exec(a->db, &aw_db, W_UPDATE,
		    DB_ARGS(P_INT(form_int(f, ACT_CUSTOMER, 0)),
		    opp != NULL ? P_INT(form_int(f, ACT_OPP, 0)) : P_NULL,
		    P_TEXT(form_str(f, ACT_KIND)), P_TEXT(form_str(f, ACT_DATE)),
		    P_TEXT(form_str(f, ACT_NOTES)),
		    P_TEXT(next != NULL ? next : ""), P_INT(id)), NULL, NULL);
		*out = id;
	}
	if (rc == 0) {
		snprintf(idtext, sizeof(idtext), "%" PRId64, *out);
		rc = audit_write_as(a->db, &a->as, id == 0 ? "activity_create" :
		    "activity_update", "activity", idtext,
		    form_str(f, ACT_KIND));
	}
out:
	return db_tx_end(a->db, own, rc);
}
