/* workflow.h: records that move from state to state by actions.
 *
 * A module declares each of its workflows once, as a static const
 * struct wf_def: the table with its id and state columns, the columns its
 * guards read, the columns every move sets, the history table, the scope
 * fragment that says which rows a person reaches, and the transition
 * table {action, from, to, roles, guards}.  Only fixed identifiers are
 * declared; the core composes the statements from them once per process
 * (never from values; an identifier that is not a plain lower-case word
 * is refused) and every workflow works the same way:
 *
 *   wf_apply()    applies one action in one transaction (its own, or the
 *                 caller's when one is open): SELECT ... FOR UPDATE of the
 *                 row within the scope (another person's row is
 *                 TC_ENOTFOUND), the hold point "workflow-locked"
 *                 (core/testhook.h), then the checks: the action exists,
 *                 the person holds one of its roles, the row is in a
 *                 state the action leaves (and in the state the person's
 *                 page showed), every guard agrees, a comment is there if
 *                 required; then UPDATE ... WHERE id = ? AND state = from,
 *                 the transition's own effect, one history row and one
 *                 audit row, and commit.  A second attempt racing the
 *                 first waits on the row lock, then finds the state moved
 *                 on: TC_ECONFLICT, and nothing is written twice.
 *   wf_load() and wf_may() / wf_actions()
 *                 say what a person may do to a row now, with the same
 *                 checks, so that a page shows only those buttons;
 *                 wf_waiting() counts the rows waiting for a person (the
 *                 navigation's "waiting for me").
 *   wf_lock()     locks a row in the caller's transaction for a module's
 *                 own change of it ("only a draft is edited"), so that
 *                 the change and a move of the same row never interleave.
 *
 * What the coming workflows need, and how they say it:
 *   - segregation of duties: several guards on one transition, each with
 *     its own refusal ("you prepared it", "it is your own statement"):
 *     wf_not_actor on the columns that keep who prepared, submitted or
 *     owns the row; wf_only_actor for what only that person may do;
 *   - reject with a reason: several transitions of one action from
 *     different states ("reject" from pending and from reviewed), with
 *     comment_needed, the comment kept by a WF_COMMENT column;
 *   - values a move records (a payment's reference and date, an end
 *     date): WF_PARAM columns bound from the request's params, which the
 *     module validated through its field table first;
 *   - what else a move changes (the ledger's tracking state, the version
 *     a new one replaces, the adjustment a dispute's acceptance makes):
 *     the transition's effect, in the same transaction, given the actor
 *     and the request;
 *   - a remark that keeps the state (a reply in a dispute's thread): a
 *     transition whose from and to are the same state, recorded in the
 *     history like any move;
 *   - batches (review, approve, pay many): one wf_apply() per record,
 *     each in its own transaction, each with its own outcome.
 *
 * Who acts is a struct wf_actor, not a request, so that a module's write
 * functions, shared by its pages, its imports and its demo seeder, move
 * records the same way (wf_actor_of() makes one from a request).
 *
 * Timestamps (the history's and those a move sets, WF_NOW) are one
 * moment of core/clock, tc_now() in the business time zone, bound as a
 * parameter: the test clock and a held clock (the demo's story) move
 * them as they move "today". */
#ifndef TC_CORE_WORKFLOW_H
#define TC_CORE_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/scope.h"

#define WF_STATE_SIZE 33        /* a state code: 32 bytes and NUL */
#define WF_MAX_COLS 8           /* columns a workflow's guards may read */
#define WF_WAITING_MAX 1000     /* wf_waiting() counts at most this many */

/* The row as wf_load(), wf_lock() or wf_apply() read it. */
struct wf_row;

/* Who moves a record: on which connection, which person (their roles as
 * the directory gave them, their people.id; NULL: nobody, who may do
 * nothing) and how the audit names them.  The pointers must outlive the
 * calls. */
struct wf_actor {
	struct db *db;
	const struct person *who;
	struct actor as;
};

/* The actor of a request: its connection, its signed-in person (NULL
 * when signed out), their login and the client's address.  Valid as
 * long as r. */
struct wf_actor wf_actor_of(const struct req *r);

/* What a column set by a move receives. */
enum wf_value {
	WF_ACTOR = 1,           /* the acting person's people.id */
	WF_NOW,                 /* the time of the move */
	WF_COMMENT,             /* the comment given ("" when none) */
	WF_PARAM,               /* the request's params[param] */
};

/* One column a move sets besides the state.  Lists end with WF_END. */
struct wf_set {
	const char *col;
	enum wf_value value;
	size_t param;           /* WF_PARAM: the index in wf_request.params */
};

#define WF_SET_ACTOR(col) { (col), WF_ACTOR, 0 }
#define WF_SET_NOW(col) { (col), WF_NOW, 0 }
#define WF_SET_COMMENT(col) { (col), WF_COMMENT, 0 }
#define WF_SET_PARAM(col, i) { (col), WF_PARAM, (i) }

/* The end of a list of sets or guards. */
#define WF_END { 0 }

/* A guard's test: whether actor a (a->who is never NULL here) may take
 * the transition on row, as read (under the lock when moving).  arg is
 * the guard's arg.  A guard may read the database on a->db (a period's
 * state, say); an error there is a "no". */
typedef bool (*wf_guard_fn)(const struct wf_actor *a,
    const struct wf_row *row, const char *arg);

/* One guard of a transition.  Lists end with WF_END. */
struct wf_guard {
	wf_guard_fn fn;
	const char *arg;            /* e.g. the column the guard reads */
	const char *refusal;        /* catalogue key of its "no" */
};

struct wf_transition;
struct wf_request;

/* What a transition does besides moving the state, in the same
 * transaction, after the UPDATE, on a->db: returns 0 or a negative
 * tc_err, which undoes the move (wf_apply returns it). */
typedef int (*wf_effect_fn)(const struct wf_actor *a,
    const struct wf_row *row, const struct wf_transition *t,
    const struct wf_request *w);

struct wf_transition {
	const char *action;         /* what the person does: "approve" */
	const char *from;           /* the state it leaves; NULL: any
	                               state but to */
	const char *to;             /* may equal from: a remark */
	unsigned roles;             /* who may (enum role bits) */
	const struct wf_guard *guards; /* all must agree, in order; NULL:
	                               none */
	const char *comment_needed; /* not NULL: a comment is required, and
	                               this is the catalogue key shown
	                               without one */
	const struct wf_set *sets;  /* more columns this move sets; NULL */
	wf_effect_fn effect;        /* NULL: none */
};

/* Where each move is recorded: a row of (ref, from, to, at, by), and
 * the action and comment when the table has columns for them. */
struct wf_history {
	const char *table;
	const char *ref_col;        /* the record's id */
	const char *from_col;       /* NULL in the row of a creation */
	const char *to_col;
	const char *at_col;
	const char *by_col;         /* people.id of who moved it */
	const char *action_col;     /* NULL: not recorded */
	const char *comment_col;    /* NULL: not recorded */
};

/* The statements composed for a workflow, once per process (private
 * to workflow.c; declared here so that WF_STATEMENTS can reserve it). */
struct wf_statements {
	bool composed;
	bool broken;                /* the declaration was refused (logged) */
	char **sql;
	struct db_table table;
	const char **from_states;   /* the states of wf_waiting's IN (...) */
	size_t nfrom;
};

struct wf_def {
	const char *name;           /* the audit's entity: "opportunity" */
	const char *audit_action;   /* the audit's action; NULL:
	                               "<name>_<action>" */
	const char *table;          /* known as t in scope_sql */
	const char *id_col;
	const char *state_col;
	const char *scope_sql;      /* a SCOPE_*_SQL() fragment on t's
	                               columns, a string literal; its
	                               parameters are SCOPE_ARGS */
	const char *const cols[WF_MAX_COLS + 1]; /* columns the guards read,
	                               NULL-terminated */
	const struct wf_set *sets;  /* columns every move sets; NULL */
	struct wf_history history;
	const struct wf_transition *transitions;
	size_t ntransitions;
	struct wf_statements *stmts; /* WF_STATEMENTS */
};

/* Storage for the composed statements of one wf_def; write
 * .stmts = WF_STATEMENTS in the declaration. */
#define WF_STATEMENTS (&(struct wf_statements){ 0 })

/* A request to move a record. */
struct wf_request {
	const char *action;
	const char *expect;         /* the state the person's page showed;
	                               NULL: whatever it is */
	const char *comment;        /* NULL or "": none */
	const struct db_param *params; /* the values of WF_PARAM columns,
	                               validated by the module; NULL */
	size_t nparams;
};

/* What wf_apply() found. */
struct wf_outcome {
	const char *msg;            /* catalogue key explaining a TC_EDENIED
	                               or TC_EINVAL (a static string), or
	                               NULL */
	char from[WF_STATE_SIZE];   /* the state found under the lock */
	char to[WF_STATE_SIZE];     /* the state moved to, on success */
};

/* The move a record's page posted: action, with the state the page
 * showed (its form's "from") and its form's "comment" (NULL when not
 * posted); no parameters.  Borrows from r. */
struct wf_request wf_request_posted(const struct req *r, const char *action);

/* The status a record's page is shown again with after a move returned
 * rc with out: 409 when someone acted first (TC_ECONFLICT), 403 when it
 * was refused with a reason (TC_EDENIED and out->msg), 422 when what was
 * given will not do (TC_EINVAL and out->msg); 0 for any other rc, which
 * the handler returns as it is. */
int wf_refused_status(int rc, const struct wf_outcome *out);

/* Applies w to record id of def within scope s, as described above, as
 * actor a: in a transaction of its own, committed on success, or in the
 * caller's when one is open on a->db (then left open; on any error the
 * caller rolls it back).
 * Returns 0 when the record moved; TC_ENOTFOUND when no such record is
 * in s; TC_EINVAL for an unknown action, a missing required comment
 * (out->msg says which) or fewer params than the move's WF_PARAM
 * columns need; TC_EDENIED when the person holds none of the action's
 * roles or a guard refuses (out->msg); TC_ECONFLICT when the record is
 * not (or no longer) in a state the action leaves, or not in w->expect;
 * the effect's error; TC_EDB, TC_ENOMEM.  Nothing is written unless it
 * returns 0.  out is always filled (out->from is "" when no record was
 * read). */
int wf_apply(const struct wf_actor *a, const struct wf_def *def, int64_t id,
    const struct scope *s, const struct wf_request *w,
    struct wf_outcome *out);

/* Reads record id of def within scope s, without locking it.  Returns 0
 * and sets *out (free with wf_row_free), TC_ENOTFOUND, or TC_EDB /
 * TC_ENOMEM / TC_EINVAL (a bad declaration); *out is NULL on failure. */
int wf_load(struct db *db, const struct wf_def *def, int64_t id,
    const struct scope *s, struct wf_row **out);

/* Reads and locks (SELECT ... FOR UPDATE) record id of def within scope
 * s in the transaction open on db, then passes the hold point
 * "workflow-locked"; the lock lasts until that transaction ends.  For a
 * module's own change of a record in a given state: lock, check
 * wf_row_state(), write, commit; a move of the same record waits
 * meanwhile, and a move that came first is seen.  Returns as wf_load,
 * and TC_EINVAL when no transaction is open. */
int wf_lock(struct db *db, const struct wf_def *def, int64_t id,
    const struct scope *s, struct wf_row **out);

/* Frees row.  Accepts NULL. */
void wf_row_free(struct wf_row *row);

/* The record's id and state (owned by row). */
int64_t wf_row_id(const struct wf_row *row);
const char *wf_row_state(const struct wf_row *row);

/* Column col (one of the def's cols) of the row: as an integer (0 for
 * NULL or a column not declared), as text ("" likewise), or whether it
 * is NULL (true for a column not declared). */
int64_t wf_row_int(const struct wf_row *row, const char *col);
const char *wf_row_text(const struct wf_row *row, const char *col);
bool wf_row_null(const struct wf_row *row, const char *col);

/* Whether actor a may take action on row now: the role, the state and
 * the guards, as wf_apply() checks them (not the comment). */
bool wf_may(const struct wf_actor *a, const struct wf_row *row,
    const char *action);

/* The transitions a may take on row now, in the table's order, one per
 * action, into out[0..max).  Returns how many. */
size_t wf_actions(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition **out, size_t max);

/* Sets *count to the number of records of def within scope s on which a
 * may take some action now (role, state and guards, as wf_may), counting
 * at most WF_WAITING_MAX.  Only rows in a state some transition of a's
 * roles leaves are read (every row in s when a transition leaves any
 * state).  Returns 0 or a negative tc_err (*count is 0 then). */
int wf_waiting(const struct wf_actor *a, const struct wf_def *def,
    const struct scope *s, int64_t *count);

/* Records that actor a just created record id in state (a history row
 * from nothing, and its audit row), in the caller's transaction.
 * Returns 0, TC_EDENIED when a has no person, or a negative tc_err. */
int wf_created(const struct wf_actor *a, const struct wf_def *def,
    int64_t id, const char *state);

/* Guards on a people.id column arg of the row.  wf_not_actor: the column
 * is not the acting person ("not the person who prepared it", "not one's
 * own record"); a NULL column passes.  wf_only_actor: the column is the
 * acting person (a dispute withdrawn by whoever raised it); a NULL
 * column refuses.  The core catalogue's "wf_err_not_own" is a refusal
 * for wf_not_actor that fits most tables. */
bool wf_not_actor(const struct wf_actor *a, const struct wf_row *row,
    const char *arg);
bool wf_only_actor(const struct wf_actor *a, const struct wf_row *row,
    const char *arg);

/* Adds the error message of a TC_ECONFLICT to the page being built:
 * someone else acted first, nothing was done, and the record's state
 * now is state_label. */
void wf_flash_conflict(struct req *r, const char *state_label);

#endif
