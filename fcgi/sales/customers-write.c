/* customers-write.c: creating and changing customers and their contacts
 * (write.h).
 *
 * A customer's code is generated (C000123) when left empty, else checked
 * for uniqueness, and never changes afterwards.  A name already used by
 * another customer of the same region is saved only when the person
 * confirms.  The audit detail holds ids and codes only: names are data,
 * read from the row. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "sales/customers-code.h"
#include "sales/sales.h"
#include "sales/write-tx.h"

#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)

enum stmt {
	W_CUSTOMER,
	W_REGION_OK,
	W_CHANNEL_OK,
	W_OWNER_OK,
	W_NAMESAKES,
	W_CODE_TAKEN,
	W_MAX_CODE,
	W_INSERT,
	W_UPDATE,
	W_CONTACT,
	W_CONTACT_INSERT,
	W_CONTACT_UPDATE,
	W_CONTACT_DELETE,
	W__MAX
};

static const char *const stmts[W__MAX] = {
	/* id, write scope */
	[W_CUSTOMER] =
	    "SELECT c.id, c.code, c.region_id, c.channel_id, c.owner_id"
	    " FROM customers c WHERE c.id = ? AND " SCOPE_SQL("c.owner_id")
	    " FOR UPDATE",
	/* id, the current value (allowed even when inactive) */
	[W_REGION_OK] =
	    "SELECT id FROM regions WHERE id = ? AND (active OR id = ?)",
	[W_CHANNEL_OK] =
	    "SELECT id FROM channels WHERE id = ? AND (active OR id = ?)",
	/* an active sales rep in the write scope */
	[W_OWNER_OK] =
	    "SELECT p.id FROM people p WHERE p.id = ? AND p.active"
	    " AND (CAST(p.roles AS UNSIGNED) & 1) <> 0 AND " SCOPE_SQL("p.id"),
	[W_NAMESAKES] =
	    "SELECT c.id, c.code, c.name, p.name FROM customers c"
	    " JOIN people p ON p.id = c.owner_id"
	    " WHERE c.region_id = ? AND LOWER(TRIM(c.name)) = LOWER(?)"
	    " AND c.id <> ? ORDER BY c.code",
	[W_CODE_TAKEN] = "SELECT id FROM customers WHERE code = ?",
	[W_MAX_CODE] =
	    "SELECT code FROM customers WHERE code REGEXP '^C[0-9]{6,18}$'"
	    " ORDER BY CHAR_LENGTH(code) DESC, code DESC LIMIT 1",
	[W_INSERT] =
	    "INSERT INTO customers (code, name, region_id, industry,"
	    " channel_id, owner_id, status, payment_terms_days)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[W_UPDATE] =
	    "UPDATE customers SET name = ?, region_id = ?, industry = ?,"
	    " channel_id = ?, owner_id = ?, status = ?, payment_terms_days = ?"
	    " WHERE id = ?",
	[W_CONTACT] =
	    "SELECT id FROM contacts WHERE id = ? AND customer_id = ?"
	    " FOR UPDATE",
	[W_CONTACT_INSERT] =
	    "INSERT INTO contacts (customer_id, name, title, phone, email)"
	    " VALUES (?, ?, ?, ?, ?)",
	[W_CONTACT_UPDATE] =
	    "UPDATE contacts SET name = ?, title = ?, phone = ?, email = ?"
	    " WHERE id = ? AND customer_id = ?",
	[W_CONTACT_DELETE] =
	    "DELETE FROM contacts WHERE id = ? AND customer_id = ?",
};

static struct db_table cw_db = DB_TABLE("customers-write", stmts);

static const char *const statuses[] = { "prospect", "active", "inactive",
    NULL };
static const char *const yes[] = { "1", NULL };

static int
valid_cust_code(const struct field *f, const char *in, struct form_value *out)
{
	(void)f;
	if (!cust_code_valid(in))
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)strlen(in);
	return 0;
}

const struct field customer_fields[CUST__MAX] = {
	[CUST_CODE] = { "code", valid_cust_code, 0, 0, 0, "cust_err_code",
	    NULL },
	[CUST_NAME] = { "name", form_text, 1, 1, 200, "cust_err_name", NULL },
	[CUST_REGION] = { "region", form_int64, 1, 1, 4294967295LL,
	    "cust_err_region", NULL },
	[CUST_INDUSTRY] = { "industry", form_text, 0, 0, 64,
	    "cust_err_industry", NULL },
	[CUST_CHANNEL] = { "channel", form_int64, 1, 1, 4294967295LL,
	    "cust_err_channel", NULL },
	[CUST_OWNER] = { "owner", form_int64, 0, 1, 4294967295LL,
	    "cust_err_owner", NULL },
	[CUST_STATUS] = { "status", form_oneof, 1, 0, 0, "cust_err_status",
	    statuses },
	[CUST_TERMS] = { "payment_terms", form_int64, 0, 0, PAYMENT_TERMS_MAX,
	    "cust_err_terms", NULL },
	[CUST_CONFIRM] = { "confirm_duplicate", form_oneof, 0, 0, 0,
	    "cust_err_confirm", yes },
};

/* Whether statement idx (one id and the current value) finds a row. */
static int
exists(struct db *db, int idx, const struct db_param *p, size_t np,
    bool *found)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(db, &cw_db, idx, p, np, &res)) != 0)
		return rc;
	*found = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

/* The checks of a customer that need the database; marks f.  old: the
 * stored row (W_CUSTOMER), or NULL for a new customer.  *owner gets the
 * owner to store. */
static int
customer_check(const struct sales_actor *a, const struct dbres *old,
    struct form *f, int64_t *owner)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	int64_t cur_region = old ? dbres_int(old, 0, 2) : 0;
	int64_t cur_channel = old ? dbres_int(old, 0, 3) : 0;
	bool ok;
	int rc;

	if (old != NULL)
		form_ignore(f, CUST_CODE);      /* the code never changes */
	if (actor_has(a, ROLE_MANAGER)) {
		*owner = form_int(f, CUST_OWNER, 0);
		if (!form_present(f, CUST_OWNER) &&
		    (rc = form_set_error(f, CUST_OWNER, NULL, NULL)) != 0)
			return rc;
		if (*owner > 0) {
			if ((rc = exists(a->db, W_OWNER_OK, DB_ARGS(P_INT(*owner),
			    SCOPE_ARGS(&w)), &ok)) != 0)
				return rc;
			if (!ok && (rc = form_set_error(f, CUST_OWNER, NULL,
			    NULL)) != 0)
				return rc;
		}
	} else {
		/* a rep owns what they create and keeps their own */
		form_ignore(f, CUST_OWNER);
		*owner = old != NULL ? dbres_int(old, 0, 4) : a->who->id;
	}
	if (form_int(f, CUST_REGION, 0) > 0) {
		if ((rc = exists(a->db, W_REGION_OK, DB_ARGS(P_INT(form_int(f,
		    CUST_REGION, 0)), P_INT(cur_region)), &ok)) != 0)
			return rc;
		if (!ok && (rc = form_set_error(f, CUST_REGION, NULL, NULL)) != 0)
			return rc;
	}
	if (form_int(f, CUST_CHANNEL, 0) > 0) {
		if ((rc = exists(a->db, W_CHANNEL_OK, DB_ARGS(P_INT(form_int(f,
		    CUST_CHANNEL, 0)), P_INT(cur_channel)), &ok)) != 0)
			return rc;
		if (!ok && (rc = form_set_error(f, CUST_CHANNEL, NULL,
		    NULL)) != 0)
			return rc;
	}
	if (old == NULL && form_str(f, CUST_CODE) != NULL) {
		if ((rc = exists(a->db, W_CODE_TAKEN,
		    DB_ARGS(P_TEXT(form_str(f, CUST_CODE))), &ok)) != 0)
			return rc;
		if (ok && (rc = form_set_error(f, CUST_CODE,
		    "cust_err_code_taken", NULL)) != 0)
			return rc;
	}
	return 0;
}

/* Inserts the customer with a code given or generated (a generated code
 * may be taken meanwhile: the next is tried). */
static int
customer_insert(const struct sales_actor *a, const struct form *f,
    const char *name, int64_t owner, struct customer_saved *out)
{
	const char *given = form_str(f, CUST_CODE);
	const char *industry = form_str(f, CUST_INDUSTRY);
	struct dbres *res = NULL;
	uint64_t id = 0;
	int rc = 0;

	for (int tries = 0; tries < 5; tries++) {
		if (given != NULL)
			snprintf(out->code, sizeof(out->code), "%s", given);
		else {
			if ((rc = db_query(a->db, &cw_db, W_MAX_CODE, DB_NOARGS,
			    &res)) != 0)
				return rc;
			rc = cust_code_next(out->code, sizeof(out->code),
			    dbres_rows(res) > 0 ? dbres_text(res, 0, 0) : NULL);
			dbres_free(res);
			if (rc != 0)
				return TC_EINVAL;
		}
		rc = db_exec(a->db, &cw_db, W_INSERT, DB_ARGS(P_TEXT(out->code),
		    P_TEXT(name), P_INT(form_int(f, CUST_REGION, 0)),
		    P_TEXT(industry != NULL ? industry : ""),
		    P_INT(form_int(f, CUST_CHANNEL, 0)), P_INT(owner),
		    P_TEXT(form_str(f, CUST_STATUS)), P_INT(form_int(f,
		    CUST_TERMS, PAYMENT_TERMS_DEFAULT))), NULL, &id);
		if (rc != TC_ECONFLICT || given != NULL)
			break;
	}
	out->id = (int64_t)id;
	return rc;
}

int
sales_customer_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, struct customer_saved *out)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	struct dbres *old = NULL;
	char *name = NULL, idtext[24], detail[256];
	const char *industry;
	int64_t owner = 0;
	bool own = false;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(f, 0, sizeof(*f));
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = form_validate(f, customer_fields, CUST__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if (id > 0) {
		if ((rc = db_query(a->db, &cw_db, W_CUSTOMER, DB_ARGS(P_INT(id),
		    SCOPE_ARGS(&w)), &old)) != 0)
			goto out;
		if (dbres_rows(old) == 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
	}
	if ((rc = customer_check(a, old, f, &owner)) != 0)
		goto out;
	if (form_str(f, CUST_NAME) != NULL) {
		const char *typed = form_str(f, CUST_NAME);

		if ((name = malloc(strlen(typed) + 1)) == NULL) {
			rc = TC_ENOMEM;
			goto out;
		}
		if (cust_name_clean(typed, name, strlen(typed) + 1) < 0 &&
		    (rc = form_set_error(f, CUST_NAME, NULL, NULL)) != 0)
			goto out;
	}
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	/* the same name in the region: saved only once confirmed */
	if ((rc = db_query(a->db, &cw_db, W_NAMESAKES,
	    DB_ARGS(P_INT(form_int(f, CUST_REGION, 0)), P_TEXT(name),
	    P_INT(id)), &out->namesakes)) != 0)
		goto out;
	if (dbres_rows(out->namesakes) == 0) {
		dbres_free(out->namesakes);
		out->namesakes = NULL;
	} else if (form_str(f, CUST_CONFIRM) == NULL)
		goto out;               /* rc 0, nothing written */
	industry = form_str(f, CUST_INDUSTRY);
	if (old != NULL) {
		out->id = id;
		snprintf(out->code, sizeof(out->code), "%s",
		    dbres_text(old, 0, 1));
		rc = db_exec(a->db, &cw_db, W_UPDATE, DB_ARGS(P_TEXT(name),
		    P_INT(form_int(f, CUST_REGION, 0)),
		    P_TEXT(industry != NULL ? industry : ""),
		    P_INT(form_int(f, CUST_CHANNEL, 0)), P_INT(owner),
		    P_TEXT(form_str(f, CUST_STATUS)), P_INT(form_int(f,
		    CUST_TERMS, PAYMENT_TERMS_DEFAULT)), P_INT(id)), NULL, NULL);
	} else if ((rc = customer_insert(a, f, name, owner, out)) ==
	    TC_ECONFLICT) {
		rc = form_set_error(f, CUST_CODE, "cust_err_code_taken", NULL);
		if (rc == 0)
			rc = TC_EINVAL;
	}
	if (rc != 0)
		goto out;
	snprintf(idtext, sizeof(idtext), "%" PRId64, out->id);
	snprintf(detail, sizeof(detail), "code=%s region=%" PRId64
	    " channel=%" PRId64 " owner=%" PRId64 " status=%s%s", out->code,
	    form_int(f, CUST_REGION, 0), form_int(f, CUST_CHANNEL, 0), owner,
	    form_str(f, CUST_STATUS), out->namesakes != NULL ?
	    " duplicate_confirmed=1" : "");
	rc = audit_write_as(a->db, &a->as, old != NULL ? "customer_update" :
	    "customer_create", "customer", idtext, detail);
out:
	if ((rc = db_tx_end(a->db, own, rc)) != 0) {
		dbres_free(out->namesakes);
		out->namesakes = NULL;
	}
	dbres_free(old);
	free(name);
	return rc;
}

/* --- contacts --- */

/* A phone number: 3..40 of digits, blanks and + - ( ) . / and "ext". */
static int
valid_phone(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in), digits = 0;

	(void)f;
	if (n < 3 || n > 40)
		return TC_EFORMAT;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == ' ' || c == '+' || c == '-' || c == '(' ||
		    c == ')' || c == '.' || c == '/' || c == 'e' || c == 'x' ||
		    c == 't' || c == 'E' || c == 'X' || c == 'T'))
			return TC_EFORMAT;
	}
	if (digits < 3)
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

const struct field contact_fields[CONTACT__MAX] = {
	[CONTACT_NAME] = { "c_name", form_text, 1, 1, 100,
	    "cust_err_contact_name", NULL },
	[CONTACT_TITLE] = { "c_title", form_text, 0, 0, 100, "cust_err_title",
	    NULL },
	[CONTACT_PHONE] = { "c_phone", valid_phone, 0, 0, 0, "cust_err_phone",
	    NULL },
	[CONTACT_EMAIL] = { "c_email", form_email, 0, 0, 0, "cust_err_email",
	    NULL },
};

/* Locks customer cust in a's write scope.  Returns 0, TC_ENOTFOUND or a
 * tc_err. */
static int
customer_lock(const struct sales_actor *a, int64_t cust)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	bool found;
	int rc;

	if ((rc = exists(a->db, W_CUSTOMER, DB_ARGS(P_INT(cust),
	    SCOPE_ARGS(&w)), &found)) != 0)
		return rc;
	return found ? 0 : TC_ENOTFOUND;
}

static int
contact_audit(const struct sales_actor *a, const char *action, int64_t cust,
    int64_t contact)
{
	char idtext[24], detail[64];

	snprintf(idtext, sizeof(idtext), "%" PRId64, contact);
	snprintf(detail, sizeof(detail), "customer=%" PRId64, cust);
	return audit_write_as(a->db, &a->as, action, "contact", idtext, detail);
}

static const char *
or_empty(const struct form *f, size_t k)
{
	const char *s = form_str(f, k);

	return s != NULL ? s : "";
}

int
sales_contact_save(const struct sales_actor *a, int64_t cust,
    int64_t contact, const struct req_fields *in, struct form *f,
    int64_t *id)
{
	uint64_t newid = 0;
	bool own = false, found;
	int rc;

	memset(f, 0, sizeof(*f));
	*id = 0;
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = form_validate(f, contact_fields, CONTACT__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = customer_lock(a, cust)) != 0)
		goto out;
	if (contact > 0) {
		if ((rc = exists(a->db, W_CONTACT, DB_ARGS(P_INT(contact),
		    P_INT(cust)), &found)) != 0)
			goto out;
		if (!found) {
			rc = TC_ENOTFOUND;
			goto out;
		}
	}
	if (form_has_errors(f)) {
		rc = TC_EINVAL;
		goto out;
	}
	if (contact > 0)
		rc = db_exec(a->db, &cw_db, W_CONTACT_UPDATE,
		    DB_ARGS(P_TEXT(form_str(f, CONTACT_NAME)),
		    P_TEXT(or_empty(f, CONTACT_TITLE)),
		    P_TEXT(or_empty(f, CONTACT_PHONE)),
		    P_TEXT(or_empty(f, CONTACT_EMAIL)), P_INT(contact),
		    P_INT(cust)), NULL, NULL);
	else
		rc = db_exec(a->db, &cw_db, W_CONTACT_INSERT,
		    DB_ARGS(P_INT(cust), P_TEXT(form_str(f, CONTACT_NAME)),
		    P_TEXT(or_empty(f, CONTACT_TITLE)),
		    P_TEXT(or_empty(f, CONTACT_PHONE)),
		    P_TEXT(or_empty(f, CONTACT_EMAIL))), NULL, &newid);
	if (rc == 0) {
		*id = contact > 0 ? contact : (int64_t)newid;
		rc = contact_audit(a, contact > 0 ? "contact_update" :
		    "contact_create", cust, *id);
	}
out:
	return db_tx_end(a->db, own, rc);
}

int
sales_contact_delete(const struct sales_actor *a, int64_t cust,
    int64_t contact)
{
	uint64_t n = 0;
	bool own = false;
	int rc;

	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if ((rc = customer_lock(a, cust)) == 0 &&
	    (rc = db_exec(a->db, &cw_db, W_CONTACT_DELETE,
	    DB_ARGS(P_INT(contact), P_INT(cust)), &n, NULL)) == 0) {
		if (n == 0)
			rc = TC_ENOTFOUND;
		else
			rc = contact_audit(a, "contact_delete", cust, contact);
	}
	return db_tx_end(a->db, own, rc);
}
