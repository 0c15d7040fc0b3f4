/* pipeline-write.c: creating, changing and moving opportunities
 * (write.h).  The opportunity form, its stage buttons and the demo
 * seeder all come here.
 *
 * A person of the sales roles writes the opportunities of their write
 * scope: the owner a person of the sales roles in that scope (a rep
 * picks themselves), the customer one of the scope's.  The stages are a
 * workflow (core/workflow.h): every stage an opportunity takes, the
 * first included, is recorded in opportunity_stage_changes with time
 * and person, and audited; the form sets the stage only when the
 * opportunity is created, the moves change it afterwards. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "sales/sales.h"
#include "sales/write-tx.h"

#define SALES_ROLES (ROLE_SALES | ROLE_MANAGER)
#define ID_MAX 4294967295LL

enum stmt {
	W_OPP,
	W_OWNER,
	W_CUSTOMER,
	W_INSERT,
	W_UPDATE,
	W_PRODUCT,
	W_LINES_DELETE,
	W_LINE_INSERT,
	W__MAX
};

/* Columns of W_OPP. */
enum { OP_ID, OP_STAGE, OP_OWNER, OP_CUSTOMER };

static const char *const stmts[W__MAX] = {
	/* id, write scope */
	[W_OPP] =
	    "SELECT o.id, o.stage, o.owner_id, o.customer_id"
	    " FROM opportunities o WHERE o.id = ? AND " SCOPE_SQL("o.owner_id")
	    " FOR UPDATE",
	/* id, the current owner (kept even when no longer active), write
	 * scope: a person of the sales roles (bits 1, 2) */
	[W_OWNER] =
	    "SELECT p.id FROM people p WHERE p.id = ? AND (p.active OR p.id = ?)"
	    " AND (CAST(p.roles AS UNSIGNED) & 3) <> 0 AND " SCOPE_SQL("p.id"),
	/* id, the current customer, write scope */
	[W_CUSTOMER] =
	    "SELECT c.id FROM customers c WHERE c.id = ? AND (c.id = ? OR "
	    SCOPE_SQL("c.owner_id") ")",
	[W_INSERT] =
	    "INSERT INTO opportunities (owner_id, customer_id, title, needs,"
	    " amount, stage, expected_close, next_follow_up, lost_reason)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[W_UPDATE] =
	    "UPDATE opportunities SET owner_id = ?, customer_id = ?, title = ?,"
	    " needs = ?, amount = ?, expected_close = ?, next_follow_up = ?,"
	    " lost_reason = ? WHERE id = ?",
	/* an active product (or one the opportunity has already) */
	[W_PRODUCT] =
	    "SELECT p.id FROM products p WHERE p.id = ? AND (p.active OR"
	    " EXISTS (SELECT 1 FROM opportunity_lines l WHERE"
	    " l.opportunity_id = ? AND l.product_id = p.id))",
	[W_LINES_DELETE] =
	    "DELETE FROM opportunity_lines WHERE opportunity_id = ?",
	[W_LINE_INSERT] =
	    "INSERT INTO opportunity_lines (opportunity_id, line_no,"
	    " product_id, quantity, amount) VALUES (?, ?, ?, ?, ?)",
};

static struct db_table pw_db = DB_TABLE("pipeline-write", stmts);

const char *const opportunity_stages[] = {
	"lead", "qualified", "proposal", "negotiation", "won", "lost", NULL
};

const struct field opportunity_fields[OPP__MAX] = {
	[OPP_OWNER] = { "owner", form_int64, 1, 1, ID_MAX, "pipe_err_owner",
	    NULL },
	[OPP_CUSTOMER] = { "customer", form_int64, 1, 1, ID_MAX,
	    "pipe_err_customer", NULL },
	[OPP_TITLE] = { "title", form_text, 1, 1, 200, "pipe_err_title", NULL },
	[OPP_NEEDS] = { "needs", form_text_multiline, 0, 0, 5000,
	    "pipe_err_needs", NULL },
	/* required unless the opportunity has product lines (their sum) */
	[OPP_AMOUNT] = { "amount", form_money, 0, 0, 999999999999999LL,
	    "pipe_err_amount", NULL },
	[OPP_STAGE] = { "stage", form_oneof, 0, 0, 0, "pipe_err_stage",
	    opportunity_stages },
	[OPP_CLOSE] = { "expected_close", form_date, 1, 0, 0, "pipe_err_close",
	    NULL },
	[OPP_FOLLOW_UP] = { "next_follow_up", form_date, 0, 0, 0,
	    "pipe_err_follow_up", NULL },
	[OPP_LOST_REASON] = { "lost_reason", form_text, 0, 0, 255,
	    "pipe_err_lost_reason_text", NULL },
};

const struct field opportunity_line_fields[OPPL__MAX] = {
	[OPPL_PRODUCT] = { "lproduct", form_int64, 1, 1, ID_MAX,
	    "pipe_err_line_product", NULL },
	[OPPL_QTY] = { "lqty", order_valid_qty, 1, 0, 0, "pipe_err_line_qty",
	    NULL },
	[OPPL_AMOUNT] = { "lamount", form_money, 1, 0, 999999999999999LL,
	    "pipe_err_line_amount", NULL },
};

/* ---- the stages, a workflow ---- */

/* Moving to a stage is the action named after it, from any other stage,
 * for the sales roles within their write scope; lost needs a reason,
 * kept on the opportunity. */
static const struct wf_set stage_sets[] = {
	WF_SET_NOW("stage_changed_at"), WF_END
};
static const struct wf_set lost_sets[] = {
	WF_SET_COMMENT("lost_reason"), WF_END
};

#define MOVE_TO(stage) \
	{ .action = stage, .from = NULL, .to = stage, .roles = SALES_ROLES }

static const struct wf_transition stage_moves[] = {
	MOVE_TO("lead"),
	MOVE_TO("qualified"),
	MOVE_TO("proposal"),
	MOVE_TO("negotiation"),
	MOVE_TO("won"),
	{ .action = "lost", .from = NULL, .to = "lost", .roles = SALES_ROLES,
	    .comment_needed = "pipe_err_lost_reason", .sets = lost_sets },
};

const struct wf_def sales_opportunity_flow = {
	.name = "opportunity",
	.audit_action = "opportunity_stage",
	.table = "opportunities",
	.id_col = "id",
	.state_col = "stage",
	.scope_sql = SCOPE_SQL("t.owner_id"),
	.cols = { NULL },
	.sets = stage_sets,
	.history = { "opportunity_stage_changes", "opportunity_id",
	    "from_stage", "to_stage", "changed_at", "changed_by", NULL, NULL },
	.transitions = stage_moves,
	.ntransitions = sizeof(stage_moves) / sizeof(stage_moves[0]),
	.stmts = WF_STATEMENTS,
};

static struct wf_actor
wf_actor_from(const struct sales_actor *a)
{
	struct wf_actor w = { a->db, a->who, a->as };

	return w;
}

/* Whether statement idx finds a row. */
static int
found(struct db *db, int idx, const struct db_param *p, size_t np, bool *yes)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(db, &pw_db, idx, p, np, &res)) != 0)
		return rc;
	*yes = dbres_rows(res) > 0;
	dbres_free(res);
	return 0;
}

/* The checks that need the database or more than one field; marks f.
 * old: the stored row (W_OPP), or NULL for a new opportunity; stage:
 * the stage it has or will have. */
static int
opportunity_check(const struct sales_actor *a, const struct dbres *old,
    struct form *f, const char *stage)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	int64_t owner = form_int(f, OPP_OWNER, 0);
	int64_t customer = form_int(f, OPP_CUSTOMER, 0);
	bool ok;
	int rc;

	if (owner > 0) {
		if ((rc = found(a->db, W_OWNER, DB_ARGS(P_INT(owner),
		    P_INT(old != NULL ? dbres_int(old, 0, OP_OWNER) : 0),
		    SCOPE_ARGS(&w)), &ok)) != 0)
			return rc;
		if (!ok && (rc = form_set_error(f, OPP_OWNER, NULL, NULL)) != 0)
			return rc;
	}
	if (customer > 0) {
		if ((rc = found(a->db, W_CUSTOMER, DB_ARGS(P_INT(customer),
		    P_INT(old != NULL ? dbres_int(old, 0, OP_CUSTOMER) : 0),
		    SCOPE_ARGS(&w)), &ok)) != 0)
			return rc;
		if (!ok && (rc = form_set_error(f, OPP_CUSTOMER, NULL,
		    NULL)) != 0)
			return rc;
	}
	if (strcmp(stage, "lost") == 0 && !form_present(f, OPP_LOST_REASON) &&
	    (rc = form_set_error(f, OPP_LOST_REASON, NULL, NULL)) != 0)
		return rc;
	return 0;
}

/* The number of line rows in (the highest N of lproduct_N, lqty_N,
 * lamount_N), at most OPP_LINES_MAX. */
static size_t
line_rows(const struct req_fields *in)
{
	size_t rows = 0;

	for (size_t i = 0; in != NULL && i < in->n; i++) {
		const char *name = in->pairs[i].name;

		for (size_t k = 0; k < OPPL__MAX; k++) {
			size_t len = strlen(opportunity_line_fields[k].name);
			unsigned long n;
			char *end;

			if (strncmp(name, opportunity_line_fields[k].name,
			    len) != 0 || name[len] != '_' ||
			    name[len + 1] < '1' || name[len + 1] > '9')
				continue;
			n = strtoul(name + len + 1, &end, 10);
			if (*end == '\0' && n > rows)
				rows = n > OPP_LINES_MAX ? OPP_LINES_MAX : n;
		}
	}
	return rows;
}

/* Reads and checks the line rows of in into *lines (a blank row is no
 * line); *sum gets the lines' amount, *n the lines.  Marks each row's
 * errors.  Returns 0 or a tc_err. */
static int
lines_read(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct opp_lines *lines, int64_t *sum,
    size_t *n)
{
	int rc;

	*sum = 0;
	*n = 0;
	lines->n = line_rows(in);
	for (size_t i = 0; i < lines->n; i++) {
		struct form *f = &lines->row[i];
		bool ok;

		if ((rc = form_validate_row(f, opportunity_line_fields,
		    OPPL__MAX, in, i + 1)) == TC_ENOMEM)
			return rc;
		if (!form_present(f, OPPL_PRODUCT) &&
		    !form_present(f, OPPL_QTY) &&
		    !form_present(f, OPPL_AMOUNT)) {
			for (size_t k = 0; k < OPPL__MAX; k++)
				form_ignore(f, k);
			continue;
		}
		(*n)++;
		if (f->e[OPPL_PRODUCT].err == 0 &&
		    form_present(f, OPPL_PRODUCT)) {
			if ((rc = found(a->db, W_PRODUCT, DB_ARGS(P_INT(
			    form_int(f, OPPL_PRODUCT, 0)), P_INT(id)), &ok)) != 0)
				return rc;
			if (!ok && (rc = form_set_error(f, OPPL_PRODUCT, NULL,
			    NULL)) != 0)
				return rc;
		}
		if (f->e[OPPL_QTY].err == 0 && form_present(f, OPPL_QTY) &&
		    form_int(f, OPPL_QTY, 0) <= 0 &&
		    (rc = form_set_error(f, OPPL_QTY, NULL, NULL)) != 0)
			return rc;
		*sum += form_int(f, OPPL_AMOUNT, 0);
	}
	return 0;
}

/* Replaces the lines of opportunity id with the rows of lines (blank
 * ones skipped). */
static int
lines_write(const struct sales_actor *a, int64_t id,
    const struct opp_lines *lines)
{
	int64_t no = 0;
	int rc;

	if ((rc = db_exec(a->db, &pw_db, W_LINES_DELETE, DB_ARGS(P_INT(id)),
	    NULL, NULL)) != 0)
		return rc;
	for (size_t i = 0; i < lines->n; i++) {
		const struct form *f = &lines->row[i];

		if (!form_present(f, OPPL_PRODUCT))
			continue;
		if ((rc = db_exec(a->db, &pw_db, W_LINE_INSERT,
		    DB_ARGS(P_INT(id), P_INT(++no),
		    P_INT(form_int(f, OPPL_PRODUCT, 0)),
		    P_TEXT(form_str(f, OPPL_QTY)),
		    P_MONEY(form_int(f, OPPL_AMOUNT, 0))), NULL, NULL)) != 0)
			return rc;
	}
	return 0;
}

int
sales_opportunity_save(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, int64_t *out)
{
	return sales_opportunity_save_lines(a, id, in, f, NULL, out);
}

int
sales_opportunity_save_lines(const struct sales_actor *a, int64_t id,
    const struct req_fields *in, struct form *f, struct opp_lines *lines,
    int64_t *out)
{
	struct scope w = scope_person(a->who, &sales_scope_write);
	struct wf_actor wa = wf_actor_from(a);
	struct dbres *old = NULL;
	const char *stage = "lead", *needs, *reason;
	char idtext[24];
	uint64_t newid = 0;
	int64_t sum = 0, amount;
	size_t nlines = 0;
	bool own = false, line_errors = false;
	int rc;

	*out = 0;
	if (lines != NULL)
		lines->n = 0;
	if ((rc = form_validate(f, opportunity_fields, OPP__MAX, in)) ==
	    TC_ENOMEM)
		return rc;
	if (!actor_has(a, SALES_ROLES))
		return TC_EDENIED;
	if ((rc = db_tx_begin(a->db, &own)) != 0)
		return rc;
	if (id > 0) {
		if ((rc = db_query(a->db, &pw_db, W_OPP, DB_ARGS(P_INT(id),
		    SCOPE_ARGS(&w)), &old)) != 0)
			goto out;
		if (dbres_rows(old) == 0) {
			rc = TC_ENOTFOUND;
			goto out;
		}
		/* the stage is changed by its own moves, never by this form */
		form_ignore(f, OPP_STAGE);
		stage = dbres_text(old, 0, OP_STAGE);
	} else if (form_str(f, OPP_STAGE) != NULL)
		stage = form_str(f, OPP_STAGE);
	if ((rc = opportunity_check(a, old, f, stage)) != 0)
		goto out;
	if (lines != NULL && (rc = lines_read(a, id, in, lines, &sum,
	    &nlines)) != 0)
		goto out;
	/* With lines, the amount is theirs: left empty, or the same. */
	if (nlines > 0 && form_present(f, OPP_AMOUNT) &&
	    f->e[OPP_AMOUNT].err == 0 && form_int(f, OPP_AMOUNT, 0) != sum &&
	    (rc = form_set_error(f, OPP_AMOUNT, "pipe_err_amount_lines",
	    NULL)) != 0)
		goto out;
	if (nlines == 0 && !form_present(f, OPP_AMOUNT) &&
	    f->e[OPP_AMOUNT].err == 0 &&
	    (rc = form_set_error(f, OPP_AMOUNT, NULL, NULL)) != 0)
		goto out;
	if (nlines > 0)
		amount = sum;
	else
		amount = form_int(f, OPP_AMOUNT, 0);
	for (size_t i = 0; lines != NULL && i < lines->n; i++)
		if (form_has_errors(&lines->row[i]))
			line_errors = true;
	if (form_has_errors(f) || line_errors) {
		rc = TC_EINVAL;
		goto out;
	}
	needs = form_str(f, OPP_NEEDS);
	reason = strcmp(stage, "lost") == 0 ? form_str(f, OPP_LOST_REASON) :
	    NULL;
	if (id == 0) {
		if ((rc = db_exec(a->db, &pw_db, W_INSERT,
		    DB_ARGS(P_INT(form_int(f, OPP_OWNER, 0)),
		    P_INT(form_int(f, OPP_CUSTOMER, 0)),
		    P_TEXT(form_str(f, OPP_TITLE)),
		    P_TEXT(needs != NULL ? needs : ""),
		    P_MONEY(amount), P_TEXT(stage),
		    P_TEXT(form_str(f, OPP_CLOSE)),
		    P_TEXT_OR_NULL(form_str(f, OPP_FOLLOW_UP)),
		    P_TEXT(reason != NULL ? reason : "")), NULL, &newid)) != 0)
			goto out;
		*out = (int64_t)newid;
	} else {
		if ((rc = db_exec(a->db, &pw_db, W_UPDATE,
		    DB_ARGS(P_INT(form_int(f, OPP_OWNER, 0)),
		    P_INT(form_int(f, OPP_CUSTOMER, 0)),
		    P_TEXT(form_str(f, OPP_TITLE)),
		    P_TEXT(needs != NULL ? needs : ""),
		    P_MONEY(amount),
		    P_TEXT(form_str(f, OPP_CLOSE)),
		    P_TEXT_OR_NULL(form_str(f, OPP_FOLLOW_UP)),
		    P_TEXT(reason != NULL ? reason : ""), P_INT(id)), NULL,
		    NULL)) != 0)
			goto out;
		*out = id;
	}
	if (lines != NULL && (nlines > 0 || id > 0) &&
	    (rc = lines_write(a, *out, lines)) != 0)
		goto out;
	snprintf(idtext, sizeof(idtext), "%" PRId64, *out);
	if ((rc = audit_write_as(a->db, &a->as, id == 0 ?
	    "opportunity_create" : "opportunity_update", "opportunity",
	    idtext, form_str(f, OPP_TITLE))) != 0)
		goto out;
	if (id == 0)
		rc = wf_created(&wa, &sales_opportunity_flow, *out, stage);
out:
	dbres_free(old);
	return db_tx_end(a->db, own, rc);
}

int
sales_opportunity_move(const struct sales_actor *a, int64_t id,
    const struct wf_request *w, struct wf_outcome *out)
{
	struct scope s = scope_person(a->who, &sales_scope_write);
	struct wf_actor wa = wf_actor_from(a);

	return wf_apply(&wa, &sales_opportunity_flow, id, &s, w, out);
}
