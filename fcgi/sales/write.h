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
 * Results: 0 (written), FORM_EINVALID (nothing written; the reasons are
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

/* Who writes, and from where (for the audit record). */
struct sales_actor {
	struct db *db;
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

#endif
