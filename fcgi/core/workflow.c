/* workflow.c: one way to move a record from state to state. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/error.h"
#include "core/log.h"
#include "core/testhook.h"
#include "core/workflow.h"

#define WF_MAX_SETS 8           /* columns a move sets besides the state */
#define WF_MAX_IDENT 64

/* The statements of a workflow, composed at first use. */
enum wf_stmt {
	WS_LOCK,                /* the row in scope, FOR UPDATE */
	WS_READ,                /* the same, without the lock */
	WS_HISTORY,             /* one history row */
	WS_UPDATE,              /* the UPDATE of transition i is WS_UPDATE + i */
};

struct wf_row {
	const struct wf_def *def;
	int64_t id;
	char state[WF_STATE_SIZE];
	struct dbres *res;      /* one row: the state, then def->cols */
};

/* ---- composing the statements ---- */

struct sbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

static void
sb_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->p, cap);

		if (p == NULL) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

/* Whether s is a plain identifier: [a-z_][a-z0-9_]*, at most
 * WF_MAX_IDENT bytes.  Only such names go into the statements. */
static bool
ident_ok(const char *s)
{
	size_t n = 0;

	if (s == NULL || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return false;
	for (; s[n] != '\0'; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_' ||
		    (s[n] >= '0' && s[n] <= '9')))
			return false;
	return n <= WF_MAX_IDENT;
}

/* Appends ", t.col = ?" (or NOW()) for each set of sets. */
static void
add_sets(struct sbuf *b, const struct wf_set *sets)
{
	for (size_t n = 0; sets != NULL && sets[n].col != NULL; n++) {
		sb_add(b, ", t.");
		sb_add(b, sets[n].col);
		sb_add(b, sets[n].value == WF_NOW ? " = NOW()" : " = ?");
	}
}

/* Whether sets is a list of at most WF_MAX_SETS plain columns. */
static bool
sets_ok(const struct wf_set *sets)
{
	size_t n = 0;

	for (; sets != NULL && sets[n].col != NULL; n++)
		if (n == WF_MAX_SETS || !ident_ok(sets[n].col) ||
		    sets[n].value < WF_ACTOR || sets[n].value > WF_COMMENT)
			return false;
	return true;
}

static char *
compose_select(const struct wf_def *def, bool lock)
{
	struct sbuf b = { 0 };

	sb_add(&b, "SELECT t.");
	sb_add(&b, def->state_col);
	for (size_t i = 0; def->cols[i] != NULL; i++) {
		sb_add(&b, ", t.");
		sb_add(&b, def->cols[i]);
	}
	sb_add(&b, " FROM ");
	sb_add(&b, def->table);
	sb_add(&b, " t WHERE t.");
	sb_add(&b, def->id_col);
	sb_add(&b, " = ? AND ");
	sb_add(&b, def->scope_sql);
	if (lock)
		sb_add(&b, " FOR UPDATE");
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

static char *
compose_history(const struct wf_history *h)
{
	struct sbuf b = { 0 };

	sb_add(&b, "INSERT INTO ");
	sb_add(&b, h->table);
	sb_add(&b, " (");
	sb_add(&b, h->ref_col);
	sb_add(&b, ", ");
	sb_add(&b, h->from_col);
	sb_add(&b, ", ");
	sb_add(&b, h->to_col);
	sb_add(&b, ", ");
	sb_add(&b, h->at_col);
	sb_add(&b, ", ");
	sb_add(&b, h->by_col);
	if (h->action_col != NULL) {
		sb_add(&b, ", ");
		sb_add(&b, h->action_col);
	}
	if (h->comment_col != NULL) {
		sb_add(&b, ", ");
		sb_add(&b, h->comment_col);
	}
	sb_add(&b, ") VALUES (?, ?, ?, NOW(), ?");
	if (h->action_col != NULL)
		sb_add(&b, ", ?");
	if (h->comment_col != NULL)
		sb_add(&b, ", ?");
	sb_add(&b, ")");
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

static char *
compose_update(const struct wf_def *def, const struct wf_transition *t)
{
	struct sbuf b = { 0 };

	sb_add(&b, "UPDATE ");
	sb_add(&b, def->table);
	sb_add(&b, " t SET t.");
	sb_add(&b, def->state_col);
	sb_add(&b, " = ?");
	add_sets(&b, def->sets);
	add_sets(&b, t->sets);
	sb_add(&b, " WHERE t.");
	sb_add(&b, def->id_col);
	sb_add(&b, " = ? AND t.");
	sb_add(&b, def->state_col);
	sb_add(&b, " = ?");
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* Whether the declaration names only plain identifiers and sane
 * transitions.  Logs the first fault. */
static bool
def_ok(const struct wf_def *def)
{
	const struct wf_history *h = &def->history;
	const char *idents[] = { def->table, def->id_col, def->state_col,
	    h->table, h->ref_col, h->from_col, h->to_col, h->at_col,
	    h->by_col };
	size_t n = 0;

	for (size_t i = 0; i < sizeof(idents) / sizeof(idents[0]); i++)
		if (!ident_ok(idents[i])) {
			log_msg("workflow %s: \"%s\" is not a plain column or "
			    "table name", def->name, idents[i] ? idents[i] :
			    "(null)");
			return false;
		}
	if ((h->action_col != NULL && !ident_ok(h->action_col)) ||
	    (h->comment_col != NULL && !ident_ok(h->comment_col))) {
		log_msg("workflow %s: bad history column", def->name);
		return false;
	}
	if (def->cols[WF_MAX_COLS] != NULL) {
		log_msg("workflow %s: more than %d columns", def->name,
		    WF_MAX_COLS);
		return false;
	}
	for (; def->cols[n] != NULL; n++)
		if (!ident_ok(def->cols[n])) {
			log_msg("workflow %s: bad column \"%s\"", def->name,
			    def->cols[n]);
			return false;
		}
	if (def->scope_sql == NULL || def->ntransitions == 0 ||
	    !sets_ok(def->sets)) {
		log_msg("workflow %s: no scope, no transitions or bad sets",
		    def->name);
		return false;
	}
	for (size_t i = 0; i < def->ntransitions; i++) {
		const struct wf_transition *t = &def->transitions[i];

		if (t->action == NULL || t->to == NULL ||
		    strlen(t->to) >= WF_STATE_SIZE ||
		    (t->from != NULL && strlen(t->from) >= WF_STATE_SIZE) ||
		    (t->guard != NULL && t->refusal == NULL) ||
		    !sets_ok(t->sets)) {
			log_msg("workflow %s: bad transition %zu", def->name,
			    i);
			return false;
		}
	}
	return true;
}

/* Composes def's statements once.  Returns 0, TC_EINVAL for a bad
 * declaration (logged; every later call fails the same way) or
 * TC_ENOMEM. */
static int
compose(const struct wf_def *def)
{
	struct wf_statements *s = def->stmts;
	size_t n = WS_UPDATE + def->ntransitions;
	char **sql;

	if (s->composed)
		return 0;
	if (s->broken || !def_ok(def)) {
		s->broken = true;
		return TC_EINVAL;
	}
	if ((sql = calloc(n, sizeof(*sql))) == NULL)
		goto nomem;
	sql[WS_LOCK] = compose_select(def, true);
	sql[WS_READ] = compose_select(def, false);
	sql[WS_HISTORY] = compose_history(&def->history);
	for (size_t i = 0; i < def->ntransitions; i++)
		sql[WS_UPDATE + i] = compose_update(def, &def->transitions[i]);
	for (size_t k = 0; k < n; k++)
		if (sql[k] == NULL)
			goto nomem;
	s->sql = sql;
	s->table.name = def->name;
	s->table.sql = (const char *const *)sql;
	s->table.n = n;
	s->composed = true;
	return 0;
nomem:
	for (size_t k = 0; sql != NULL && k < n; k++)
		free(sql[k]);
	free(sql);
	return TC_ENOMEM;
}

/* ---- rows ---- */

static int
row_read(struct req *r, const struct wf_def *def, int64_t id,
    const struct scope *s, bool lock, struct wf_row **out)
{
	struct wf_row *row;
	struct dbres *res = NULL;
	int rc;

	*out = NULL;
	if ((rc = compose(def)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &def->stmts->table,
	    lock ? WS_LOCK : WS_READ, DB_ARGS(P_INT(id), SCOPE_ARGS(s)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	if ((row = calloc(1, sizeof(*row))) == NULL) {
		dbres_free(res);
		return TC_ENOMEM;
	}
	row->def = def;
	row->id = id;
	row->res = res;
	snprintf(row->state, sizeof(row->state), "%s", dbres_text(res, 0, 0));
	*out = row;
	return 0;
}

int
wf_load(struct req *r, const struct wf_def *def, int64_t id,
    const struct scope *s, struct wf_row **out)
{
	return row_read(r, def, id, s, false, out);
}

void
wf_row_free(struct wf_row *row)
{
	if (row == NULL)
		return;
	dbres_free(row->res);
	free(row);
}

int64_t
wf_row_id(const struct wf_row *row)
{
	return row->id;
}

const char *
wf_row_state(const struct wf_row *row)
{
	return row->state;
}

/* The result column of declared column col, or 0 when not declared. */
static size_t
col_index(const struct wf_row *row, const char *col)
{
	for (size_t i = 0; row->def->cols[i] != NULL; i++)
		if (strcmp(row->def->cols[i], col) == 0)
			return i + 1;
	return 0;
}

int64_t
wf_row_int(const struct wf_row *row, const char *col)
{
	size_t c = col_index(row, col);

	return c == 0 ? 0 : dbres_int(row->res, 0, c);
}

const char *
wf_row_text(const struct wf_row *row, const char *col)
{
	size_t c = col_index(row, col);

	return c == 0 ? "" : dbres_text(row->res, 0, c);
}

bool
wf_row_null(const struct wf_row *row, const char *col)
{
	size_t c = col_index(row, col);

	return c == 0 || dbres_null(row->res, 0, c);
}

/* ---- transitions ---- */

/* Whether transition t leaves state. */
static bool
leaves(const struct wf_transition *t, const char *state)
{
	return t->from != NULL ? strcmp(t->from, state) == 0 :
	    strcmp(t->to, state) != 0;
}

/* The transition of action that leaves state, or NULL. */
static const struct wf_transition *
find(const struct wf_def *def, const char *action, const char *state,
    size_t *idx)
{
	for (size_t i = 0; i < def->ntransitions; i++) {
		const struct wf_transition *t = &def->transitions[i];

		if (strcmp(t->action, action) == 0 && leaves(t, state)) {
			*idx = i;
			return t;
		}
	}
	return NULL;
}

/* The roles of every transition of action (0: no such action). */
static unsigned
action_roles(const struct wf_def *def, const char *action, bool *known)
{
	unsigned roles = 0;

	*known = false;
	for (size_t i = 0; i < def->ntransitions; i++)
		if (strcmp(def->transitions[i].action, action) == 0) {
			*known = true;
			roles |= def->transitions[i].roles;
		}
	return roles;
}

static bool
passes(const struct req *r, const struct wf_row *row,
    const struct wf_transition *t)
{
	return has_role(r, t->roles) &&
	    (t->guard == NULL || t->guard(r, row, t->guard_arg));
}

bool
wf_may(const struct req *r, const struct wf_row *row, const char *action)
{
	size_t idx;
	const struct wf_transition *t = find(row->def, action, row->state,
	    &idx);

	return t != NULL && passes(r, row, t);
}

size_t
wf_actions(const struct req *r, const struct wf_row *row,
    const struct wf_transition **out, size_t max)
{
	const struct wf_def *def = row->def;
	size_t n = 0;

	for (size_t i = 0; i < def->ntransitions && n < max; i++) {
		const struct wf_transition *t = &def->transitions[i];
		bool seen = false;

		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(out[k]->action, t->action) == 0;
		if (!seen && leaves(t, row->state) && passes(r, row, t))
			out[n++] = t;
	}
	return n;
}

bool
wf_not_actor(const struct req *r, const struct wf_row *row,
    const char *arg)
{
	return wf_row_null(row, arg) || wf_row_int(row, arg) != r->me.id;
}

/* ---- writing ---- */

/* Binds the value of each set of sets (WF_NOW takes none) from p[*n]. */
static void
bind_sets(const struct req *r, const struct wf_set *sets,
    const char *comment, struct db_param *p, size_t *n)
{
	for (size_t i = 0; sets != NULL && sets[i].col != NULL; i++)
		switch (sets[i].value) {
		case WF_ACTOR:
			p[(*n)++] = P_INT(r->me.id);
			break;
		case WF_COMMENT:
			p[(*n)++] = P_TEXT(comment);
			break;
		case WF_NOW:
			break;
		}
}

/* The history row and the audit row of a move of record id. */
static int
record(struct req *r, const struct wf_def *def, int64_t id,
    const char *action, const char *from, const char *to,
    const char *comment)
{
	const struct wf_history *h = &def->history;
	struct db_param p[6];
	size_t n = 0;
	char idt[24], audit_action[WF_MAX_IDENT * 2 + 2], *detail;
	size_t dlen;
	int rc;

	p[n++] = P_INT(id);
	p[n++] = from != NULL ? P_TEXT(from) : P_NULL;
	p[n++] = P_TEXT(to);
	p[n++] = P_INT(r->me.id);
	if (h->action_col != NULL)
		p[n++] = P_TEXT(action);
	if (h->comment_col != NULL)
		p[n++] = P_TEXT(comment);
	if ((rc = db_exec(r->app->db, &def->stmts->table, WS_HISTORY, p, n,
	    NULL, NULL)) != 0)
		return rc;
	snprintf(idt, sizeof(idt), "%lld", (long long)id);
	if (def->audit_action != NULL)
		snprintf(audit_action, sizeof(audit_action), "%s",
		    def->audit_action);
	else
		snprintf(audit_action, sizeof(audit_action), "%s_%s",
		    def->name, action);
	dlen = strlen(to) + strlen(comment) + WF_STATE_SIZE + 8;
	if ((detail = malloc(dlen)) == NULL)
		return TC_ENOMEM;
	snprintf(detail, dlen, "%s -> %s%s%s", from != NULL ? from : "-", to,
	    *comment ? ": " : "", comment);
	rc = audit_write(r, audit_action, def->name, idt, detail);
	free(detail);
	return rc;
}

int
wf_apply(struct req *r, const struct wf_def *def, int64_t id,
    const struct scope *s, const struct wf_request *w,
    struct wf_outcome *out)
{
	const struct wf_transition *t;
	const char *comment = w->comment != NULL ? w->comment : "";
	struct wf_row *row = NULL;
	struct db_param p[WF_MAX_SETS * 2 + 3];
	uint64_t affected = 0;
	size_t n = 0, idx = 0;
	unsigned roles;
	bool known;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = compose(def)) != 0)
		return rc;
	if (db_in_transaction(r->app->db)) {
		log_msg("workflow %s: wf_apply inside a transaction", def->name);
		return TC_EINVAL;
	}
	if ((rc = db_begin(r->app->db)) != 0)
		return rc;
	if ((rc = row_read(r, def, id, s, true, &row)) != 0)
		goto fail;
	tc_hold("workflow-locked");
	snprintf(out->from, sizeof(out->from), "%s", row->state);
	roles = action_roles(def, w->action, &known);
	rc = TC_EINVAL;
	if (!known) {
		out->msg = "wf_err_action";
		goto fail;
	}
	rc = TC_EDENIED;
	if (!has_role(r, roles)) {
		out->msg = "wf_err_role";
		goto fail;
	}
	rc = TC_ECONFLICT;
	if ((w->expect != NULL && strcmp(w->expect, row->state) != 0) ||
	    (t = find(def, w->action, row->state, &idx)) == NULL)
		goto fail;
	rc = TC_EDENIED;
	if (!has_role(r, t->roles)) {
		out->msg = "wf_err_role";
		goto fail;
	}
	if (t->guard != NULL && !t->guard(r, row, t->guard_arg)) {
		out->msg = t->refusal;
		goto fail;
	}
	if (t->comment_needed != NULL && *comment == '\0') {
		out->msg = t->comment_needed;
		rc = TC_EINVAL;
		goto fail;
	}
	p[n++] = P_TEXT(t->to);
	bind_sets(r, def->sets, comment, p, &n);
	bind_sets(r, t->sets, comment, p, &n);
	p[n++] = P_INT(id);
	p[n++] = P_TEXT(row->state);
	if ((rc = db_exec(r->app->db, &def->stmts->table, WS_UPDATE + idx, p,
	    n, &affected, NULL)) != 0)
		goto fail;
	if (affected != 1) {
		/* Cannot happen under the lock; never write history then. */
		rc = TC_ECONFLICT;
		goto fail;
	}
	if ((t->effect != NULL && (rc = t->effect(r, row, comment)) != 0) ||
	    (rc = record(r, def, id, t->action, row->state, t->to,
	    comment)) != 0)
		goto fail;
	if ((rc = db_commit(r->app->db)) != 0)
		goto out;
	snprintf(out->to, sizeof(out->to), "%s", t->to);
	goto out;
fail:
	db_rollback(r->app->db);
out:
	wf_row_free(row);
	return rc;
}

int
wf_created(struct req *r, const struct wf_def *def, int64_t id,
    const char *state)
{
	int rc;

	if ((rc = compose(def)) != 0)
		return rc;
	return record(r, def, id, "create", NULL, state, "");
}

void
wf_flash_conflict(struct req *r, const char *state_label)
{
	const char *head = tr(r, "wf_conflict");
	const char *now = tr(r, "wf_state_now");
	size_t len = strlen(head) + strlen(now) + strlen(state_label) + 2;
	char *text = malloc(len);

	if (text == NULL) {
		page_flash(r, "error", head);
		return;
	}
	snprintf(text, len, "%s %s%s", head, now, state_label);
	page_flash(r, "error", text);
	free(text);
}
