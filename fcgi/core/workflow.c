/* workflow.c: one way to move a record from state to state. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/error.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "core/testhook.h"
#include "core/workflow.h"

#define WF_MAX_SETS 8           /* columns a move sets besides the state */
#define WF_MAX_IDENT 64

/* The statements of a workflow, composed at first use. */
enum wf_stmt {
	WS_LOCK,                /* the row in scope, FOR UPDATE */
	WS_READ,                /* the same, without the lock */
	WS_WAITING,             /* the rows in scope in some states */
	WS_HISTORY,             /* one history row */
	WS_UPDATE,              /* the UPDATE of transition i is WS_UPDATE + i */
};

struct wf_row {
	const struct wf_def *def;
	int64_t id;
	char state[WF_STATE_SIZE];
	struct dbres *res;      /* row i: the state, then def->cols */
	size_t i;
};

/* ---- composing the statements ---- */

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

/* Appends ", t.col = ?" for each set of sets. */
static void
add_sets(struct strbuf *b, const struct wf_set *sets)
{
	for (size_t n = 0; sets != NULL && sets[n].col != NULL; n++) {
		strbuf_add(b, ", t.");
		strbuf_add(b, sets[n].col);
		strbuf_add(b, " = ?");
	}
}

/* Whether sets is a list of at most WF_MAX_SETS plain columns. */
static bool
sets_ok(const struct wf_set *sets)
{
	size_t n = 0;

	for (; sets != NULL && sets[n].col != NULL; n++)
		if (n == WF_MAX_SETS || !ident_ok(sets[n].col) ||
		    sets[n].value < WF_ACTOR || sets[n].value > WF_PARAM ||
		    (sets[n].value == WF_PARAM && sets[n].param >= WF_MAX_SETS))
			return false;
	return true;
}

/* Appends "SELECT t.state, t.col... FROM table t WHERE ". */
static void
add_select(struct strbuf *b, const struct wf_def *def)
{
	strbuf_add(b, "SELECT t.");
	strbuf_add(b, def->state_col);
	for (size_t i = 0; def->cols[i] != NULL; i++) {
		strbuf_add(b, ", t.");
		strbuf_add(b, def->cols[i]);
	}
}

static char *
compose_select(const struct wf_def *def, bool lock)
{
	struct strbuf b = STRBUF_INIT;

	add_select(&b, def);
	strbuf_add(&b, " FROM ");
	strbuf_add(&b, def->table);
	strbuf_add(&b, " t WHERE t.");
	strbuf_add(&b, def->id_col);
	strbuf_add(&b, " = ? AND ");
	strbuf_add(&b, def->scope_sql);
	if (lock)
		strbuf_add(&b, " FOR UPDATE");
	return strbuf_take(&b);
}

/* The candidates of wf_waiting: the state, the cols and the id of the
 * rows in scope whose state is one of nfrom parameters (any state when
 * nfrom is 0). */
static char *
compose_waiting(const struct wf_def *def, size_t nfrom)
{
	struct strbuf b = STRBUF_INIT;
	char cap[32];

	add_select(&b, def);
	strbuf_add(&b, ", t.");
	strbuf_add(&b, def->id_col);
	strbuf_add(&b, " FROM ");
	strbuf_add(&b, def->table);
	strbuf_add(&b, " t WHERE ");
	if (nfrom > 0) {
		strbuf_add(&b, "t.");
		strbuf_add(&b, def->state_col);
		strbuf_add(&b, " IN (?");
		for (size_t i = 1; i < nfrom; i++)
			strbuf_add(&b, ", ?");
		strbuf_add(&b, ") AND ");
	}
	strbuf_add(&b, def->scope_sql);
	snprintf(cap, sizeof(cap), " LIMIT %d", WF_WAITING_MAX);
	strbuf_add(&b, cap);
	return strbuf_take(&b);
}

static char *
compose_history(const struct wf_history *h)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_add(&b, "INSERT INTO ");
	strbuf_add(&b, h->table);
	strbuf_add(&b, " (");
	strbuf_add(&b, h->ref_col);
	strbuf_add(&b, ", ");
	strbuf_add(&b, h->from_col);
	strbuf_add(&b, ", ");
	strbuf_add(&b, h->to_col);
	strbuf_add(&b, ", ");
	strbuf_add(&b, h->at_col);
	strbuf_add(&b, ", ");
	strbuf_add(&b, h->by_col);
	if (h->action_col != NULL) {
		strbuf_add(&b, ", ");
		strbuf_add(&b, h->action_col);
	}
	if (h->comment_col != NULL) {
		strbuf_add(&b, ", ");
		strbuf_add(&b, h->comment_col);
	}
	strbuf_add(&b, ") VALUES (?, ?, ?, ?, ?");
	if (h->action_col != NULL)
		strbuf_add(&b, ", ?");
	if (h->comment_col != NULL)
		strbuf_add(&b, ", ?");
	strbuf_add(&b, ")");
	return strbuf_take(&b);
}

static char *
compose_update(const struct wf_def *def, const struct wf_transition *t)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_add(&b, "UPDATE ");
	strbuf_add(&b, def->table);
	strbuf_add(&b, " t SET t.");
	strbuf_add(&b, def->state_col);
	strbuf_add(&b, " = ?");
	add_sets(&b, def->sets);
	add_sets(&b, t->sets);
	strbuf_add(&b, " WHERE t.");
	strbuf_add(&b, def->id_col);
	strbuf_add(&b, " = ? AND t.");
	strbuf_add(&b, def->state_col);
	strbuf_add(&b, " = ?");
	return strbuf_take(&b);
}

/* Whether s is a state code: not empty, shorter than WF_STATE_SIZE. */
static bool
state_ok(const char *s)
{
	return s != NULL && *s != '\0' && strlen(s) < WF_STATE_SIZE;
}

/* Whether every guard of guards has a refusal to show. */
static bool
guards_ok(const struct wf_guard *guards)
{
	for (size_t i = 0; guards != NULL && guards[i].fn != NULL; i++)
		if (guards[i].refusal == NULL)
			return false;
	return true;
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

		if (t->action == NULL || !state_ok(t->to) ||
		    (t->from != NULL && !state_ok(t->from)) ||
		    !guards_ok(t->guards) || !sets_ok(t->sets)) {
			log_msg("workflow %s: bad transition %zu", def->name,
			    i);
			return false;
		}
	}
	return true;
}

/* The distinct states def's transitions leave, into from (room for
 * ntransitions), in table order; 0 when a transition leaves any state. */
static size_t
from_states(const struct wf_def *def, const char **from)
{
	size_t n = 0;

	for (size_t i = 0; i < def->ntransitions; i++) {
		const char *f = def->transitions[i].from;
		bool seen = false;

		if (f == NULL)
			return 0;
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(from[k], f) == 0;
		if (!seen)
			from[n++] = f;
	}
	return n;
}

/* Composes def's statements once.  Returns 0, TC_EINVAL for a bad
 * declaration (logged; every later call fails the same way) or
 * TC_ENOMEM. */
static int
compose(const struct wf_def *def)
{
	struct wf_statements *s = def->stmts;
	size_t n = WS_UPDATE + def->ntransitions, nfrom;
	const char **from = NULL;
	char **sql;

	if (s->composed)
		return 0;
	if (s->broken || !def_ok(def)) {
		s->broken = true;
		return TC_EINVAL;
	}
	if ((sql = calloc(n, sizeof(*sql))) == NULL ||
	    (from = calloc(def->ntransitions, sizeof(*from))) == NULL)
		goto nomem;
	nfrom = from_states(def, from);
	sql[WS_LOCK] = compose_select(def, true);
	sql[WS_READ] = compose_select(def, false);
	sql[WS_WAITING] = compose_waiting(def, nfrom);
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
	s->from_states = from;
	s->nfrom = nfrom;
	s->composed = true;
	return 0;
nomem:
	for (size_t k = 0; sql != NULL && k < n; k++)
		free(sql[k]);
	free(sql);
	free(from);
	return TC_ENOMEM;
}

/* ---- rows ---- */

static int
row_read(struct db *db, const struct wf_def *def, int64_t id,
    const struct scope *s, bool lock, struct wf_row **out)
{
	struct wf_row *row;
	struct dbres *res = NULL;
	int rc;

	*out = NULL;
	if ((rc = compose(def)) != 0)
		return rc;
	if ((rc = db_query(db, &def->stmts->table,
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
wf_load(struct db *db, const struct wf_def *def, int64_t id,
    const struct scope *s, struct wf_row **out)
{
	return row_read(db, def, id, s, false, out);
}

int
wf_lock(struct db *db, const struct wf_def *def, int64_t id,
    const struct scope *s, struct wf_row **out)
{
	int rc;

	*out = NULL;
	if (!db_in_transaction(db)) {
		log_msg("workflow %s: wf_lock outside a transaction",
		    def->name);
		return TC_EINVAL;
	}
	if ((rc = row_read(db, def, id, s, true, out)) != 0)
		return rc;
	tc_hold("workflow-locked");
	return 0;
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

	return c == 0 ? 0 : dbres_int(row->res, row->i, c);
}

const char *
wf_row_text(const struct wf_row *row, const char *col)
{
	size_t c = col_index(row, col);

	return c == 0 ? "" : dbres_text(row->res, row->i, c);
}

bool
wf_row_null(const struct wf_row *row, const char *col)
{
	size_t c = col_index(row, col);

	return c == 0 || dbres_null(row->res, row->i, c);
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
holds(const struct wf_actor *a, unsigned roles)
{
	return a->who != NULL && (a->who->roles & roles) != 0;
}

/* The first guard of t that refuses a on row, or NULL when all agree. */
static const struct wf_guard *
refusing(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t)
{
	for (size_t i = 0; t->guards != NULL && t->guards[i].fn != NULL; i++)
		if (!t->guards[i].fn(a, row, t->guards[i].arg))
			return &t->guards[i];
	return NULL;
}

static bool
passes(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition *t)
{
	return holds(a, t->roles) && refusing(a, row, t) == NULL;
}

bool
wf_may(const struct wf_actor *a, const struct wf_row *row,
    const char *action)
{
	size_t idx;
	const struct wf_transition *t = find(row->def, action, row->state,
	    &idx);

	return t != NULL && passes(a, row, t);
}

size_t
wf_actions(const struct wf_actor *a, const struct wf_row *row,
    const struct wf_transition **out, size_t max)
{
	const struct wf_def *def = row->def;
	size_t n = 0;

	for (size_t i = 0; i < def->ntransitions && n < max; i++) {
		const struct wf_transition *t = &def->transitions[i];
		bool seen = false;

		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(out[k]->action, t->action) == 0;
		if (!seen && leaves(t, row->state) && passes(a, row, t))
			out[n++] = t;
	}
	return n;
}

/* Whether a may take some transition of row->def on row. */
static bool
may_act(const struct wf_actor *a, const struct wf_row *row)
{
	const struct wf_def *def = row->def;

	for (size_t i = 0; i < def->ntransitions; i++)
		if (leaves(&def->transitions[i], row->state) &&
		    passes(a, row, &def->transitions[i]))
			return true;
	return false;
}

int
wf_waiting(const struct wf_actor *a, const struct wf_def *def,
    const struct scope *s, int64_t *count)
{
	struct wf_statements *st = def->stmts;
	struct db_param *p = NULL;
	struct dbres *res = NULL;
	size_t n = 0, ncols = 0;
	bool any = false;
	int rc;

	*count = 0;
	if ((rc = compose(def)) != 0)
		return rc;
	if (a->who == NULL)
		return 0;
	if ((p = calloc(st->nfrom + 5, sizeof(*p))) == NULL)
		return TC_ENOMEM;
	/* Each state the person's roles may move a row out of, or NULL,
	 * which matches no row. */
	for (size_t k = 0; k < st->nfrom; k++) {
		bool mine = false;

		for (size_t i = 0; i < def->ntransitions && !mine; i++)
			mine = def->transitions[i].from != NULL &&
			    strcmp(def->transitions[i].from,
			    st->from_states[k]) == 0 &&
			    holds(a, def->transitions[i].roles);
		p[n++] = mine ? P_TEXT(st->from_states[k]) : P_NULL;
		any = any || mine;
	}
	for (size_t i = 0; st->nfrom == 0 && i < def->ntransitions; i++)
		any = any || holds(a, def->transitions[i].roles);
	if (!any)
		goto out;
	{
		struct db_param sp[] = { SCOPE_ARGS(s) };

		memcpy(p + n, sp, sizeof(sp));
		n += sizeof(sp) / sizeof(sp[0]);
	}
	if ((rc = db_query(a->db, &st->table, WS_WAITING, p, n, &res)) != 0)
		goto out;
	while (def->cols[ncols] != NULL)
		ncols++;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		struct wf_row row = { def, dbres_int(res, i, ncols + 1), "",
		    res, i };

		snprintf(row.state, sizeof(row.state), "%s",
		    dbres_text(res, i, 0));
		if (may_act(a, &row))
			(*count)++;
	}
out:
	dbres_free(res);
	free(p);
	return rc;
}

bool
wf_not_actor(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	return wf_row_null(row, arg) || wf_row_int(row, arg) != a->who->id;
}

bool
wf_only_actor(const struct wf_actor *a, const struct wf_row *row,
    const char *arg)
{
	return !wf_row_null(row, arg) && wf_row_int(row, arg) == a->who->id;
}

struct wf_actor
wf_actor_of(const struct req *r)
{
	struct wf_actor a = { r->app->db, r->signed_in ? &r->me : NULL,
	    { r->signed_in ? r->me.login : "-", r->remote } };

	return a;
}

struct wf_request
wf_request_posted(const struct req *r, const char *action)
{
	struct wf_request w = { .action = action,
	    .expect = req_get(&r->form, "from"),
	    .comment = req_get(&r->form, "comment") };

	return w;
}

int
wf_refused_status(int rc, const struct wf_outcome *out)
{
	if (rc == TC_ECONFLICT)
		return 409;
	if (rc == TC_EDENIED && out->msg != NULL)
		return 403;
	if (rc == TC_EINVAL && out->msg != NULL)
		return 422;
	return 0;
}

/* ---- writing ---- */

/* How many params the WF_PARAM columns of sets need. */
static size_t
params_needed(const struct wf_set *sets)
{
	size_t n = 0;

	for (size_t i = 0; sets != NULL && sets[i].col != NULL; i++)
		if (sets[i].value == WF_PARAM && sets[i].param + 1 > n)
			n = sets[i].param + 1;
	return n;
}

/* Binds the value of each set of sets from p[*n]; now is the time of
 * the move (core/clock). */
static void
bind_sets(const struct wf_actor *a, const struct wf_set *sets,
    const struct wf_request *w, const char *comment, const char *now,
    struct db_param *p, size_t *n)
{
	for (size_t i = 0; sets != NULL && sets[i].col != NULL; i++)
		switch (sets[i].value) {
		case WF_ACTOR:
			p[(*n)++] = P_INT(a->who->id);
			break;
		case WF_COMMENT:
			p[(*n)++] = P_TEXT(comment);
			break;
		case WF_PARAM:
			p[(*n)++] = w->params[sets[i].param];
			break;
		case WF_NOW:
			p[(*n)++] = P_TEXT(now);
			break;
		}
}

/* The history row and the audit row of a move of record id. */
static int
record(const struct wf_actor *a, const struct wf_def *def, int64_t id,
    const char *action, const char *from, const char *to,
    const char *comment, const char *now)
{
	const struct wf_history *h = &def->history;
	struct db_param p[7];
	size_t n = 0;
	char idt[24], audit_action[WF_MAX_IDENT * 2 + 2], *detail;
	size_t dlen;
	int rc;

	p[n++] = P_INT(id);
	p[n++] = from != NULL ? P_TEXT(from) : P_NULL;
	p[n++] = P_TEXT(to);
	p[n++] = P_TEXT(now);
	p[n++] = P_INT(a->who->id);
	if (h->action_col != NULL)
		p[n++] = P_TEXT(action);
	if (h->comment_col != NULL)
		p[n++] = P_TEXT(comment);
	if ((rc = db_exec(a->db, &def->stmts->table, WS_HISTORY, p, n,
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
	rc = audit_write_as(a->db, &a->as, audit_action, def->name, idt,
	    detail);
	free(detail);
	return rc;
}

int
wf_apply(const struct wf_actor *a, const struct wf_def *def, int64_t id,
    const struct scope *s, const struct wf_request *w,
    struct wf_outcome *out)
{
	const struct wf_transition *t;
	const struct wf_guard *no;
	const char *comment = w->comment != NULL ? w->comment : "";
	char now[TC_DATETIME_SIZE];
	struct wf_row *row = NULL;
	struct db_param p[WF_MAX_SETS * 2 + 3];
	uint64_t affected = 0;
	size_t n = 0, idx = 0, need;
	unsigned roles;
	bool known, own = !db_in_transaction(a->db);
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = compose(def)) != 0)
		return rc;
	if (own && (rc = db_begin(a->db)) != 0)
		return rc;
	if ((rc = row_read(a->db, def, id, s, true, &row)) != 0)
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
	if (!holds(a, roles)) {
		out->msg = "wf_err_role";
		goto fail;
	}
	rc = TC_ECONFLICT;
	if ((w->expect != NULL && strcmp(w->expect, row->state) != 0) ||
	    (t = find(def, w->action, row->state, &idx)) == NULL)
		goto fail;
	rc = TC_EDENIED;
	if (!holds(a, t->roles)) {
		out->msg = "wf_err_role";
		goto fail;
	}
	if ((no = refusing(a, row, t)) != NULL) {
		out->msg = no->refusal;
		goto fail;
	}
	rc = TC_EINVAL;
	if (t->comment_needed != NULL && *comment == '\0') {
		out->msg = t->comment_needed;
		goto fail;
	}
	need = params_needed(def->sets);
	if (params_needed(t->sets) > need)
		need = params_needed(t->sets);
	if (w->nparams < need || (need > 0 && w->params == NULL)) {
		log_msg("workflow %s: %s needs %zu params, got %zu", def->name,
		    t->action, need, w->nparams);
		goto fail;
	}
	/* One moment for the move: the row's columns and its history. */
	tc_now_str(now);
	p[n++] = P_TEXT(t->to);
	bind_sets(a, def->sets, w, comment, now, p, &n);
	bind_sets(a, t->sets, w, comment, now, p, &n);
	p[n++] = P_INT(id);
	p[n++] = P_TEXT(row->state);
	if ((rc = db_exec(a->db, &def->stmts->table, WS_UPDATE + idx, p, n,
	    &affected, NULL)) != 0)
		goto fail;
	/* Under the lock the row is there in that state, so the UPDATE
	 * matched it; it changed nothing only when a remark keeps the
	 * state and sets nothing new.  Never write history otherwise. */
	if (affected != 1 && !(affected == 0 &&
	    strcmp(t->to, row->state) == 0)) {
		rc = TC_ECONFLICT;
		goto fail;
	}
	if ((t->effect != NULL && (rc = t->effect(a, row, t, w)) != 0) ||
	    (rc = record(a, def, id, t->action, row->state, t->to,
	    comment, now)) != 0)
		goto fail;
	/* Test builds: the move, its effect and history written, not yet
	 * committed (the fault tests stop MariaDB here). */
	tc_hold("workflow-moved");
	if (own && (rc = db_commit(a->db)) != 0)
		goto out;
	snprintf(out->to, sizeof(out->to), "%s", t->to);
	goto out;
fail:
	if (own)
		db_rollback(a->db);
out:
	wf_row_free(row);
	return rc;
}

int
wf_created(const struct wf_actor *a, const struct wf_def *def, int64_t id,
    const char *state)
{
	char now[TC_DATETIME_SIZE];
	int rc;

	if (a->who == NULL)
		return TC_EDENIED;
	if ((rc = compose(def)) != 0)
		return rc;
	return record(a, def, id, "create", NULL, state, "", tc_now_str(now));
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
