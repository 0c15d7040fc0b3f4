/* workflow.h: records that move from state to state by actions.
 *
 * A module declares each of its workflows once, as a static const
 * struct wf_def: the table with its id and state columns, the columns its
 * guards read, the columns every move sets, the history table, the scope
 * fragment that says which rows a person reaches, and the transition
 * table {action, from, to, roles, guard}.  Only fixed identifiers are
 * declared; the core composes the statements from them once per process
 * (never from values; an identifier that is not a plain lower-case word
 * is refused) and every workflow works the same way:
 *
 *   wf_apply()    applies one action in one transaction: SELECT ... FOR
 *                 UPDATE of the row within the scope (another person's
 *                 row is TC_ENOTFOUND), the hold point "workflow-locked"
 *                 (core/testhook.h), then the checks: the action exists,
 *                 the person holds one of its roles, the row is in a
 *                 state the action leaves (and in the state the person's
 *                 page showed), the guard agrees, a comment is there if
 *                 required; then UPDATE ... WHERE id = ? AND state = from,
 *                 the transition's own effect, one history row and one
 *                 audit row, and commit.  A second attempt racing the
 *                 first waits on the row lock, then finds the state moved
 *                 on: TC_ECONFLICT, and nothing is written twice.
 *   wf_load() and wf_may() / wf_actions()
 *                 say what a person may do to a row now, with the same
 *                 checks, so that a page shows only those buttons.
 *
 * Timestamps (the history's and those a move sets) are the database
 * session's NOW(), so they follow its time zone and clock. */
#ifndef TC_CORE_WORKFLOW_H
#define TC_CORE_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/db.h"
#include "core/scope.h"

#define WF_STATE_SIZE 33        /* a state code: 32 bytes and NUL */
#define WF_MAX_COLS 8           /* columns a workflow's guards may read */

/* The row as wf_load() or wf_apply() read it. */
struct wf_row;

/* What a column set by a move receives. */
enum wf_value {
	WF_ACTOR = 1,           /* the acting person's people.id */
	WF_NOW,                 /* the time of the move */
	WF_COMMENT,             /* the comment given ("" when none) */
};

/* One column a move sets besides the state.  Lists end with { NULL }. */
struct wf_set {
	const char *col;
	enum wf_value value;
};

/* A guard: whether r's person may take the transition on row (read
 * under the lock).  arg is the transition's guard_arg. */
typedef bool (*wf_guard_fn)(const struct req *r, const struct wf_row *row,
    const char *arg);

/* What a transition does besides moving the state, in the same
 * transaction, after the UPDATE: returns 0 or a negative tc_err, which
 * rolls everything back. */
typedef int (*wf_effect_fn)(struct req *r, const struct wf_row *row,
    const char *comment);

struct wf_transition {
	const char *action;         /* what the person does: "approve" */
	const char *from;           /* the state it leaves; NULL: any
	                               state but to */
	const char *to;
	unsigned roles;             /* who may (enum role bits) */
	wf_guard_fn guard;          /* NULL: no guard */
	const char *guard_arg;      /* e.g. the column the guard reads */
	const char *refusal;        /* catalogue key of the guard's "no" */
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
};

/* What wf_apply() found. */
struct wf_outcome {
	const char *msg;            /* catalogue key explaining a TC_EDENIED
	                               or TC_EINVAL (a static string), or
	                               NULL */
	char from[WF_STATE_SIZE];   /* the state found under the lock */
	char to[WF_STATE_SIZE];     /* the state moved to, on success */
};

/* Applies w to record id of def within scope s, as described above, in
 * a transaction of its own (the connection must not be in one).
 * Returns 0 when the record moved; TC_ENOTFOUND when no such record is
 * in s; TC_EINVAL for an unknown action or a missing required comment
 * (out->msg says which); TC_EDENIED when the person holds none of the
 * action's roles or its guard refuses (out->msg); TC_ECONFLICT when the
 * record is not (or no longer) in a state the action leaves, or not in
 * w->expect; TC_EDB, TC_ENOMEM.  Nothing is written unless it returns 0.
 * out is always filled (out->from is "" when no record was read). */
int wf_apply(struct req *r, const struct wf_def *def, int64_t id,
    const struct scope *s, const struct wf_request *w,
    struct wf_outcome *out);

/* Reads record id of def within scope s, without locking it.  Returns 0
 * and sets *out (free with wf_row_free), TC_ENOTFOUND, or TC_EDB /
 * TC_ENOMEM / TC_EINVAL (a bad declaration); *out is NULL on failure. */
int wf_load(struct req *r, const struct wf_def *def, int64_t id,
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

/* Whether r's person may take action on row now: the role, the state
 * and the guard, as wf_apply() checks them (not the comment). */
bool wf_may(const struct req *r, const struct wf_row *row,
    const char *action);

/* The transitions r's person may take on row now, in the table's order,
 * one per action, into out[0..max).  Returns how many. */
size_t wf_actions(const struct req *r, const struct wf_row *row,
    const struct wf_transition **out, size_t max);

/* Records that record id was just created in state (a history row from
 * nothing, and its audit row), in the caller's transaction.  Returns 0
 * or a negative tc_err. */
int wf_created(struct req *r, const struct wf_def *def, int64_t id,
    const char *state);

/* A guard: the row's people.id column arg is not the acting person ("not
 * the person who prepared it", "not one's own record").  A NULL column
 * passes. */
bool wf_not_actor(const struct req *r, const struct wf_row *row,
    const char *arg);

/* Adds the error message of a TC_ECONFLICT to the page being built:
 * someone else acted first, nothing was done, and the record's state
 * now is state_label. */
void wf_flash_conflict(struct req *r, const char *state_label);

#endif
