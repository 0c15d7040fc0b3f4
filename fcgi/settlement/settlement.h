/* settlement.h: the settlement module (结算管理): statements per rep and
 * closed period, their approval workflow, the printable approval form
 * with its verification code, and the status queries.
 *
 * It reads the commission module's tables by SQL only (periods through
 * core/period, commission_summaries, commission_lines by rule, approved
 * commission_adjustments) and sets their tracking column as statements
 * are approved and paid; it includes none of commission's files. */
#ifndef TC_SETTLEMENT_SETTLEMENT_H
#define TC_SETTLEMENT_SETTLEMENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/list.h"
#include "core/module.h"
#include "core/money.h"
#include "core/scope.h"
#include "core/workflow.h"

/* The module as every program knows it (module.c), and what its program
 * runs (module-code.c). */
extern const struct module settlement_module;
extern const struct module_code settlement_code;

/* The route sets of settlement.fcgi, NULL-terminated (pages.c). */
extern const struct route_set *const settlement_areas[];

/* The route sets of the reports and the payroll export (reports.c). */
extern const struct route_set settlement_report_routes;
/* Proposing and deciding closures of leavers' balances (closure-pages.c). */
extern const struct route_set settlement_closure_routes;

/* Adds to statement page d the closures of statement res (one row of
 * the statement query: id, final, state, carried_out, person_id), their
 * approve / reject forms for management and the proposal form for
 * finance when the balance is still open (closure-pages.c).  Returns 0
 * or a tc_err. */
int settlement_closures_show(struct req *r, struct tdict *d,
    const struct dbres *res);

/* The page of statement r->ids[0] with status, refusal (a catalogue
 * key shown as an error, or NULL) and, with conflict, the note that
 * someone acted first (pages.c). */
int settlement_detail_page(struct req *r, int status, const char *refusal,
    bool conflict);

/* The cost analysis (cost.c). */
extern const struct route_set settlement_cost_routes;

/* Adds the module's sub-navigation at {{>STL_TABS}}, marking current
 * ("statements", "reports", "cost", "verify") (pages.c). */
void settlement_tabs(struct req *r, const char *current);

/* The states, in order, NULL-terminated (flow.c). */
extern const char *const settlement_states[];

/* The statement workflow (flow.c): draft -> pending (finance submits)
 * -> reviewed (a settlement reviewer) -> approved (management) -> paid
 * (finance, with params 0 reference and 1 paid_on as a P_DATE); reject
 * (a comment needed) from pending by a reviewer and from reviewed by
 * management, back to draft.  Nobody acts on their own statement; the
 * preparer and the submitter neither review, approve nor reject.
 * Approval sets the tracking of the statement's ledger lines and
 * adjustments to 'pending', payment to 'paid', in the same transaction. */
extern const struct wf_def settlement_flow;

/* Who reads which statements: reps their own, managers their team's (as
 * the period's run recorded it), HR, finance, reviewers and management
 * all; admin none. */
extern const struct scope_rule settlement_scope_read;

/* The roles that see the module at all (admin never: no pay). */
#define SETTLEMENT_ROLES (ROLE_SALES | ROLE_MANAGER | ROLE_HR | \
	ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)

/* What a generation did. */
struct settlement_gen {
	int made;               /* new statements */
	int replaced;           /* drafts made again */
	int kept;               /* statements past draft, left as they are */
	char err[256];          /* why it was refused (a catalogue key) */
};

/* Generates the statements of the closed period labelled label as actor
 * a (finance), in one transaction (its own, or the caller's when one is
 * open): one per rep with anything to settle, numbered without gaps in
 * the period (JS-2026-11-0001); a draft is made again (revision + 1, a
 * new verification code), a statement past draft is kept.  secret keys
 * the verification codes.  Returns 0; TC_ENOTFOUND (no such period),
 * TC_EDENIED (the period is open: g->err), TC_EINVAL (no secret), TC_EDB,
 * TC_ENOMEM.  Nothing is written unless it returns 0. */
int settlement_generate(const struct wf_actor *a, const char *secret,
    const char *label, struct settlement_gen *g);

/* The verification code of a statement: the first 128 bits of
 * HMAC-SHA256 keyed with secret over number, rep (people.id), period
 * label, payable (fen) and revision, as 32 lower-case hex digits and a
 * NUL into out.  Returns 0, or TC_EINVAL for a secret under 16 bytes. */
#define SETTLEMENT_CODE_SIZE 33
int settlement_verify_code(const char *secret, const char *number, int64_t rep,
    const char *period, money_t payable, int64_t revision,
    char out[SETTLEMENT_CODE_SIZE]);

/* The SVG path ("M x y h1v1h-1z...") of the QR code of text, one unit a
 * module, into a new string (free it), and its width in modules.  NULL
 * when libqrencode fails. */
char *settlement_qr_path(const char *text, int *width);

/* Closing a leaver's negative balance (closure.c): proposed by finance
 * (recovered from the leaver with the receipt's reference, or written
 * off, with a reason), approved or rejected by management; nobody
 * decides what they proposed or their own. */
extern const struct wf_def settlement_closure_flow;
extern const char *const settlement_closure_kinds[]; /* NULL-terminated */

/* Proposes, as a (finance), to close the negative balance of final
 * draft statement `statement` by kind ("recover": reference needed, or
 * "write_off"), for the whole balance, with reason.  In one transaction
 * (its own or the caller's).  Returns 0 and *id; TC_EINVAL (a field:
 * *msg), TC_EDENIED (not finance, or their own: *msg), TC_ENOTFOUND,
 * TC_ECONFLICT (not a final draft with a negative balance, or a closure
 * already proposed or approved: *msg), TC_EDB. */
int settlement_closure_propose(const struct wf_actor *a, int64_t statement,
    const char *kind, const char *reference, const char *reason,
    int64_t *id, const char **msg);

/* Applies action ("approve" or "reject", which needs comment) to closure
 * id as a; the approval adds it to its statement (still a draft with a
 * negative balance, else TC_ECONFLICT), whose new code secret keys.
 * Returns as wf_apply. */
int settlement_closure_decide(const struct wf_actor *a, const char *secret,
    int64_t id, const char *action, const char *comment,
    struct wf_outcome *out);

/* The demo seeder (demo.c). */
int settlement_demo_seed(struct module_seed *s);

/* The catalogue key of a state's name ("stl_state_draft"). */
const char *settlement_state_key(const char *state);

/* The secret keying verification codes: [site] form_secret. */
const char *settlement_secret(const struct conf *c);

#endif
