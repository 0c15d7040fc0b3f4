/* generate.c: making the statements of a closed period (settlement.h).
 *
 * One transaction: the period's row is locked first (two generations of
 * one period queue there, so numbers never collide and never skip), then
 * the period's statements.  Per rep: the commission and plan bonus of the
 * period's summary, the ledger lines summarised by rule, each approved
 * contest prize and adjustment of the period, and the balance carried
 * from the rep's latest statement of an earlier period (only a negative
 * one: a clawback larger than the commission is recovered later, never
 * paid out).  net = the five; payable = max(net, 0); carried_out =
 * min(net, 0).
 *
 * Leavers: the statement of a rep the directory sync marked inactive is
 * final; such a rep whose earlier statements were not final gets one
 * even when nothing else is left to settle.  An approved closure of a
 * final statement's negative balance (closure.c) is an item of it,
 * counted with the adjustments, never more than the balance it clears. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db-bulk.h"
#include "core/error.h"
#include "core/sort.h"
#include "settlement/settlement.h"

enum stmt {
	ST_PERIOD, ST_EXISTING, ST_SUMMARIES, ST_RULES, ST_ADJUSTMENTS,
	ST_PREVIOUS, ST_PERSON, ST_MAX_SEQ, ST_INSERT, ST_UPDATE,
	ST_DELETE_ITEMS, ST_ITEM, ST_INACTIVE, ST_LEAVERS, ST_CLOSURES,
	ST_IDS, ST_HISTORY, ST__MAX
};

static const char *const stmts[ST__MAX] = {
	[ST_PERIOD] =
	    "SELECT id, state, first_day FROM periods WHERE label = ?"
	    " FOR UPDATE",
	[ST_EXISTING] =
	    "SELECT id, person_id, state, revision, number FROM"
	    " settlement_statements WHERE period_id = ? FOR UPDATE",
	[ST_SUMMARIES] =
	    "SELECT person_id, team, manager_login, commission, bonus"
	    " FROM commission_summaries WHERE period_id = ?",
	[ST_RULES] =
	    "SELECT l.person_id, l.rule_id, r.code AS code, COUNT(*) AS n,"
	    " SUM(l.commission) AS amount FROM commission_lines l"
	    " LEFT JOIN plan_rules r ON r.id = l.rule_id"
	    " WHERE l.period_id = ? AND l.removed_run_id IS NULL"
	    " GROUP BY l.person_id, l.rule_id, r.code"
	    " ORDER BY l.person_id, r.code IS NULL, r.code",
	[ST_ADJUSTMENTS] =
	    "SELECT id, person_id, kind, amount, reason FROM"
	    " commission_adjustments WHERE period_id = ? AND state = 'approved'"
	    " ORDER BY person_id, id",
	/* first day of the period, twice: the statements of earlier
	 * periods that carried a negative balance out and are each rep's
	 * latest (a later statement carried it in already) */
	[ST_PREVIOUS] =
	    "SELECT s.person_id, s.id, s.carried_out, s.number, s.team,"
	    " s.manager_login FROM settlement_statements s"
	    " JOIN periods p ON p.id = s.period_id WHERE s.carried_out < 0"
	    " AND p.first_day < ? AND NOT EXISTS (SELECT 1 FROM"
	    " settlement_statements s2 JOIN periods p2 ON p2.id = s2.period_id"
	    " WHERE s2.person_id = s.person_id AND p2.first_day > p.first_day"
	    " AND p2.first_day < ?)",
	[ST_PERSON] =
	    "SELECT team, manager_login FROM people WHERE id = ?",
	[ST_MAX_SEQ] =
	    "SELECT COALESCE(MAX(seq), 0) FROM settlement_statements"
	    " WHERE period_id = ?",
	[ST_INSERT] =
	    "INSERT INTO settlement_statements (period_id, seq, number,"
	    " person_id, team, manager_login, revision, commission, bonus,"
	    " prizes, adjustments, carried_in, net, payable, carried_out,"
	    " previous_id, verify_code, prepared_by, final, prepared_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	    " ?, NOW())",
	[ST_UPDATE] =
	    "UPDATE settlement_statements SET team = ?, manager_login = ?,"
	    " revision = revision + 1, commission = ?, bonus = ?, prizes = ?,"
	    " adjustments = ?, carried_in = ?, net = ?, payable = ?,"
	    " carried_out = ?, previous_id = ?, verify_code = ?,"
	    " prepared_by = ?, final = ?, prepared_at = NOW(), submitted_by = NULL,"
	    " submitted_at = NULL, reviewed_by = NULL, reviewed_at = NULL"
	    " WHERE id = ? AND state = 'draft'",
	[ST_DELETE_ITEMS] =
	    "DELETE FROM settlement_items WHERE statement_id = ?",
	[ST_ITEM] =
	    "INSERT INTO settlement_items (statement_id, position, kind,"
	    " rule_id, rule_code, adjustment_id, closure_id, line_count,"
	    " label, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_INACTIVE] =
	    "SELECT id FROM people WHERE active = FALSE",
	/* first day, twice: inactive reps with an earlier statement and no
	 * final one yet */
	[ST_LEAVERS] =
	    "SELECT pe.id AS person_id, pe.team, pe.manager_login FROM people pe"
	    " WHERE pe.active = FALSE AND EXISTS (SELECT 1 FROM"
	    " settlement_statements s JOIN periods p ON p.id = s.period_id"
	    " WHERE s.person_id = pe.id AND p.first_day < ?) AND NOT EXISTS"
	    " (SELECT 1 FROM settlement_statements s JOIN periods p"
	    " ON p.id = s.period_id WHERE s.person_id = pe.id AND s.final"
	    " AND p.first_day < ?)",
	/* period: its statements' ids, by rep */
	[ST_IDS] =
	    "SELECT id, person_id FROM settlement_statements WHERE"
	    " period_id = ? ORDER BY person_id",
	/* statement, now, by: its creation, as core/workflow records it */
	[ST_HISTORY] =
	    "INSERT INTO settlement_history (statement_id, from_state,"
	    " to_state, at, by_id, action, comment) VALUES"
	    " (?, NULL, 'draft', ?, ?, 'create', '')",
	/* period: the approved closures of its statements */
	[ST_CLOSURES] =
	    "SELECT c.id, s.person_id, c.kind, c.amount, c.reference, c.reason"
	    " FROM settlement_closures c JOIN settlement_statements s"
	    " ON s.id = c.statement_id WHERE s.period_id = ?"
	    " AND c.state = 'approved' ORDER BY c.id",
};

static struct db_table gen_db = DB_TABLE("settlement.generate", stmts);

/* One rep of the period. */
struct rep {
	int64_t person;
	char team[65];
	char manager[65];
	bool has_manager;
	bool known;             /* team and manager filled */
	bool final;             /* a leaver's */
	bool leaver_due;        /* a statement even with nothing in it */
	money_t commission, bonus, prizes, adjustments, carried_in;
	int64_t closure_id;     /* an approved closure, 0: none */
	money_t closure;        /* what it clears, <= the balance */
	char closure_kind[13];
	char closure_label[600];
	int64_t previous_id;
	char previous_no[33];
	int64_t existing_id;    /* 0: none yet */
	char state[13];
	int64_t revision;
	char number[33];
	/* what is written */
	enum { WRITE_NONE, WRITE_NEW, WRITE_AGAIN } write;
	int64_t seq;
	money_t net, payable, carried_out;
	char code[SETTLEMENT_CODE_SIZE];
};

struct reps {
	struct rep *v;
	size_t n, cap;
};

static struct rep *
rep_get(struct reps *rs, int64_t person)
{
	struct rep *r;

	for (size_t i = 0; i < rs->n; i++)
		if (rs->v[i].person == person)
			return &rs->v[i];
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 64;
		struct rep *v = realloc(rs->v, cap * sizeof(*v));

		if (v == NULL)
			return NULL;
		rs->v = v;
		rs->cap = cap;
	}
	r = &rs->v[rs->n++];
	memset(r, 0, sizeof(*r));
	r->person = person;
	return r;
}

static int
by_person(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;

	return x->person < y->person ? -1 : x->person > y->person;
}

static void
keep_team(struct rep *r, const struct dbres *res, size_t i, const char *team,
    const char *manager)
{
	if (r->known)
		return;
	snprintf(r->team, sizeof(r->team), "%s", dbres_text_col(res, i, team));
	r->has_manager = !dbres_null_col(res, i, manager);
	snprintf(r->manager, sizeof(r->manager), "%s",
	    dbres_text_col(res, i, manager));
	r->known = true;
}

/* The rep of row i of res (its person_id, team and manager_login). */
static struct rep *
rep_row(struct reps *rs, const struct dbres *res, size_t i)
{
	struct rep *r = rep_get(rs, dbres_int_col(res, i, "person_id"));

	if (r != NULL)
		keep_team(r, res, i, "team", "manager_login");
	return r;
}

/* The items' INSERT as a bulk statement (ST_ITEM's parameters). */
static const enum db_type item_types[] = {
	DBT_INT, DBT_INT, DBT_TEXT, DBT_INT, DBT_TEXT, DBT_INT, DBT_INT,
	DBT_INT, DBT_TEXT, DBT_DEC,
};
static const enum db_type del_types[] = { DBT_INT };
#define ITEM_BATCH 1000

/* The rows of res from *at on that belong to person (res sorted by
 * person_id): moves *at past them and returns the first, or SIZE_MAX
 * when there is none. */
static size_t
rows_of(const struct dbres *res, size_t *at, int64_t person, size_t *end)
{
	size_t n = res != NULL ? dbres_rows(res) : 0, i = *at;

	while (i < n && dbres_int_col(res, i, "person_id") < person)
		i++;
	*at = i;
	while (*at < n && dbres_int_col(res, *at, "person_id") == person)
		(*at)++;
	*end = *at;
	return i;
}

/* Adds one item that is not a rule's to the bulk insert items. */
static int
plain_item(struct db_bulk *items, int64_t id, int64_t pos, const char *kind,
    struct db_param adjustment, struct db_param closure, const char *label,
    money_t amount)
{
	struct db_param row[] = { P_INT(id), P_INT(pos), P_TEXT(kind), P_NULL,
	    P_NULL, adjustment, closure, P_INT(0), P_TEXT(label),
	    P_MONEY(amount) };

	return db_bulk_add(items, row);
}

/* Adds the items of statement id for rep r to the bulk insert items: its
 * rule rows of rules and adjustment rows of adj (both sorted by
 * person_id; *ri and *ai walk them, reps coming in person order). */
static int
write_items(struct db_bulk *items, int64_t id, const struct rep *r,
    const struct dbres *rules, size_t *ri, const struct dbres *adj,
    size_t *ai)
{
	int64_t pos = 0;
	size_t i, end;
	int rc;

	for (i = rows_of(rules, ri, r->person, &end); i < end; i++) {
		struct db_param row[] = { P_INT(id), P_INT(++pos),
		    P_TEXT("rule"),
		    dbres_null_col(rules, i, "rule_id") ? P_NULL :
		    P_INT(dbres_int_col(rules, i, "rule_id")),
		    dbres_null_col(rules, i, "code") ? P_NULL :
		    P_TEXT(dbres_text_col(rules, i, "code")), P_NULL, P_NULL,
		    P_INT(dbres_int_col(rules, i, "n")), P_TEXT(""),
		    P_MONEY(dbres_money_col(rules, i, "amount")) };

		if ((rc = db_bulk_add(items, row)) != 0)
			return rc;
	}
	if (r->bonus != 0 && (rc = plain_item(items, id, ++pos, "bonus", P_NULL,
	    P_NULL, "", r->bonus)) != 0)
		return rc;
	for (i = rows_of(adj, ai, r->person, &end); i < end; i++)
		if ((rc = plain_item(items, id, ++pos,
		    strcmp(dbres_text_col(adj, i, "kind"), "contest_prize") ==
		    0 ? "prize" : "adjustment", P_INT(dbres_int_col(adj, i,
		    "id")), P_NULL, dbres_text_col(adj, i, "reason"),
		    dbres_money_col(adj, i, "amount"))) != 0)
			return rc;
	if (r->carried_in != 0 && (rc = plain_item(items, id, ++pos, "carried",
	    P_NULL, P_NULL, r->previous_no, r->carried_in)) != 0)
		return rc;
	if (r->closure_id != 0 && (rc = plain_item(items, id, ++pos, "closure",
	    P_NULL, P_INT(r->closure_id), r->closure_label, r->closure)) != 0)
		return rc;
	return 0;
}

static const enum db_type insert_types[] = {
	DBT_INT, DBT_INT, DBT_TEXT, DBT_INT, DBT_TEXT, DBT_TEXT,
	DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC,
	DBT_INT, DBT_TEXT, DBT_INT, DBT_INT,
};
static const enum db_type update_types[] = {
	DBT_TEXT, DBT_TEXT,
	DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC, DBT_DEC,
	DBT_INT, DBT_TEXT, DBT_INT, DBT_INT, DBT_INT,
};
static const enum db_type history_types[] = { DBT_INT, DBT_TEXT, DBT_INT };

/* The statements of rs to write (write != WRITE_NONE), in bulk: the new
 * ones inserted (their ids read back into existing_id) with their
 * creation in the history, the drafts made again updated and their
 * items removed; an audit row for each. */
static int
write_statements(const struct wf_actor *a, int64_t period, struct reps *rs)
{
	struct db *db = a->db;
	struct db_bulk *ins = NULL, *upd = NULL, *del = NULL, *hist = NULL,
	    *aud = NULL;
	struct dbres *ids = NULL;
	char now[TC_DATETIME_SIZE], idtext[24];
	size_t made = 0;
	int rc;

	tc_now_str(now);
	if ((rc = db_bulk_open(db, stmts[ST_INSERT], insert_types,
	    sizeof(insert_types) / sizeof(insert_types[0]), ITEM_BATCH,
	    &ins)) != 0 ||
	    (rc = db_bulk_open(db, stmts[ST_UPDATE], update_types,
	    sizeof(update_types) / sizeof(update_types[0]), ITEM_BATCH,
	    &upd)) != 0 ||
	    (rc = db_bulk_open(db, stmts[ST_DELETE_ITEMS], del_types, 1,
	    ITEM_BATCH, &del)) != 0 ||
	    (rc = db_bulk_open(db, stmts[ST_HISTORY], history_types, 3,
	    ITEM_BATCH, &hist)) != 0 ||
	    (rc = audit_bulk_open(db, &aud)) != 0)
		goto out;
	for (size_t k = 0; k < rs->n; k++) {
		struct rep *r = &rs->v[k];
		struct db_param money[8] = { P_MONEY(r->commission),
		    P_MONEY(r->bonus), P_MONEY(r->prizes),
		    P_MONEY(r->adjustments), P_MONEY(r->carried_in),
		    P_MONEY(r->net), P_MONEY(r->payable),
		    P_MONEY(r->carried_out) };
		struct db_param prev = r->previous_id ? P_INT(r->previous_id) :
		    P_NULL, mgr = r->has_manager ? P_TEXT(r->manager) : P_NULL;

		if (r->write == WRITE_NEW) {
			rc = db_bulk_add(ins, (const struct db_param[]){
			    P_INT(period), P_INT(r->seq), P_TEXT(r->number),
			    P_INT(r->person), P_TEXT(r->team), mgr, money[0],
			    money[1], money[2], money[3], money[4], money[5],
			    money[6], money[7], prev, P_TEXT(r->code),
			    P_INT(a->who->id), P_INT(r->final) });
			made++;
		} else if (r->write == WRITE_AGAIN) {
			snprintf(idtext, sizeof(idtext), "%" PRId64,
			    r->existing_id);
			if ((rc = db_bulk_add(upd, (const struct db_param[]){
			    P_TEXT(r->team), mgr, money[0], money[1], money[2],
			    money[3], money[4], money[5], money[6], money[7],
			    prev, P_TEXT(r->code), P_INT(a->who->id),
			    P_INT(r->final), P_INT(r->existing_id) })) == 0 &&
			    (rc = db_bulk_add(del, (const struct db_param[]){
			    P_INT(r->existing_id) })) == 0)
				rc = audit_bulk_add(aud, &a->as,
				    "settlement_statement_regenerate",
				    "settlement_statement", idtext, r->number);
		}
		if (rc != 0)
			goto out;
	}
	if ((rc = db_bulk_flush(ins)) != 0 || (rc = db_bulk_flush(upd)) != 0 ||
	    (rc = db_bulk_flush(del)) != 0)
		goto out;
	if (made > 0) {
		size_t j = 0;

		if ((rc = db_query(db, &gen_db, ST_IDS, DB_ARGS(P_INT(period)),
		    &ids)) != 0)
			goto out;
		/* both by person: walk them together */
		for (size_t k = 0; k < rs->n; k++) {
			struct rep *r = &rs->v[k];

			if (r->write != WRITE_NEW)
				continue;
			while (j < dbres_rows(ids) && dbres_int(ids, j, 1) <
			    r->person)
				j++;
			if (j == dbres_rows(ids) || dbres_int(ids, j, 1) !=
			    r->person) {
				rc = TC_EDB;
				goto out;
			}
			r->existing_id = dbres_int(ids, j, 0);
			snprintf(idtext, sizeof(idtext), "%" PRId64,
			    r->existing_id);
			if ((rc = db_bulk_add(hist, (const struct db_param[]){
			    P_INT(r->existing_id), P_TEXT(now),
			    P_INT(a->who->id) })) != 0 ||
			    (rc = audit_bulk_add(aud, &a->as,
			    "settlement_statement_create", "settlement_statement",
			    idtext, "- -> draft")) != 0)
				goto out;
		}
	}
	if ((rc = db_bulk_flush(hist)) == 0)
		rc = db_bulk_flush(aud);
out:
	dbres_free(ids);
	db_bulk_close(ins);
	db_bulk_close(upd);
	db_bulk_close(del);
	db_bulk_close(hist);
	db_bulk_close(aud);
	return rc;
}

/* Reads what the period holds for each rep into rs. */
static int
gather(struct db *db, int64_t period, int32_t first_day, struct reps *rs,
    struct dbres **rules, struct dbres **adj)
{
	struct dbres *res = NULL;
	struct rep *r;
	int rc;

	if ((rc = db_query(db, &gen_db, ST_SUMMARIES, DB_ARGS(P_INT(period)),
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		if ((r = rep_row(rs, res, i)) == NULL) {
			dbres_free(res);
			return TC_ENOMEM;
		}
		r->commission = dbres_money_col(res, i, "commission");
		r->bonus = dbres_money_col(res, i, "bonus");
	}
	dbres_free(res);
	if ((rc = db_query(db, &gen_db, ST_RULES, DB_ARGS(P_INT(period)),
	    rules)) != 0)
		return rc;
	if ((rc = db_query(db, &gen_db, ST_ADJUSTMENTS,
	    DB_ARGS(P_INT(period)), adj)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(*adj); i++) {
		money_t amt = dbres_money_col(*adj, i, "amount");

		if ((r = rep_get(rs, dbres_int_col(*adj, i, "person_id"))) ==
		    NULL)
			return TC_ENOMEM;
		if (strcmp(dbres_text_col(*adj, i, "kind"), "contest_prize") ==
		    0)
			r->prizes += amt;
		else
			r->adjustments += amt;
	}
	if ((rc = db_query(db, &gen_db, ST_PREVIOUS, DB_ARGS(P_DATE(first_day),
	    P_DATE(first_day)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		money_t carry = dbres_money_col(res, i, "carried_out");
		int64_t person = dbres_int_col(res, i, "person_id");

		if ((r = rep_get(rs, person)) == NULL) {
			dbres_free(res);
			return TC_ENOMEM;
		}
		keep_team(r, res, i, "team", "manager_login");
		r->carried_in = carry;
		r->previous_id = dbres_int_col(res, i, "id");
		snprintf(r->previous_no, sizeof(r->previous_no), "%s",
		    dbres_text_col(res, i, "number"));
	}
	dbres_free(res);
	/* leavers with no final statement yet get one */
	if ((rc = db_query(db, &gen_db, ST_LEAVERS, DB_ARGS(P_DATE(first_day),
	    P_DATE(first_day)), &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		if ((r = rep_row(rs, res, i)) == NULL) {
			dbres_free(res);
			return TC_ENOMEM;
		}
		r->leaver_due = true;
	}
	dbres_free(res);
	if ((rc = db_query(db, &gen_db, ST_INACTIVE, DB_NOARGS, &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (size_t k = 0; k < rs->n; k++)
			if (rs->v[k].person == dbres_int(res, i, 0))
				rs->v[k].final = true;
	dbres_free(res);
	if ((rc = db_query(db, &gen_db, ST_CLOSURES, DB_ARGS(P_INT(period)),
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++)
		for (size_t k = 0; k < rs->n; k++) {
			struct rep *c = &rs->v[k];

			if (c->person != dbres_int_col(res, i, "person_id") ||
			    c->closure_id != 0)
				continue;
			c->closure_id = dbres_int_col(res, i, "id");
			c->closure = dbres_money_col(res, i, "amount");
			snprintf(c->closure_kind, sizeof(c->closure_kind), "%s",
			    dbres_text_col(res, i, "kind"));
			snprintf(c->closure_label, sizeof(c->closure_label),
			    "%s%s%s", dbres_text_col(res, i, "reference"),
			    *dbres_text_col(res, i, "reference") ? " · " : "",
			    dbres_text_col(res, i, "reason"));
		}
	dbres_free(res);
	/* a rep with adjustments and no run row: their team now */
	for (size_t k = 0; k < rs->n; k++) {
		if (rs->v[k].known)
			continue;
		if ((rc = db_query(db, &gen_db, ST_PERSON,
		    DB_ARGS(P_INT(rs->v[k].person)), &res)) != 0)
			return rc;
		if (dbres_rows(res) == 1)
			keep_team(&rs->v[k], res, 0, "team", "manager_login");
		dbres_free(res);
	}
	return 0;
}

static int
generate(const struct wf_actor *a, const char *secret, const char *label,
    struct settlement_gen *g)
{
	struct db *db = a->db;
	struct dbres *res = NULL, *rules = NULL, *adj = NULL;
	struct reps rs = { 0 };
	struct db_bulk *items = NULL;
	size_t ri = 0, ai = 0;
	char detail[96];
	int64_t period, seq;
	int32_t first_day = 0;
	int rc;

	if ((rc = db_query(db, &gen_db, ST_PERIOD, DB_ARGS(P_TEXT(label)),
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) != 1) {
		dbres_free(res);
		return TC_ENOTFOUND;
	}
	period = dbres_int_col(res, 0, "id");
	if (strcmp(dbres_text_col(res, 0, "state"), "closed") != 0) {
		snprintf(g->err, sizeof(g->err), "stl_err_period_open");
		dbres_free(res);
		return TC_EDENIED;
	}
	if ((rc = dbres_date_col(res, 0, "first_day", &first_day)) != 0) {
		dbres_free(res);
		return rc;
	}
	dbres_free(res);
	res = NULL;
	if ((rc = gather(db, period, first_day, &rs, &rules, &adj)) != 0)
		goto out;
	if ((rc = db_query(db, &gen_db, ST_EXISTING, DB_ARGS(P_INT(period)),
	    &res)) != 0)
		goto out;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		int64_t person = dbres_int_col(res, i, "person_id");
		struct rep *r = NULL;

		for (size_t k = 0; k < rs.n; k++)
			if (rs.v[k].person == person)
				r = &rs.v[k];
		if (r == NULL) {
			/* nothing to settle now: a statement stays as it
			 * is (numbers never skip) */
			g->kept++;
			continue;
		}
		r->existing_id = dbres_int_col(res, i, "id");
		snprintf(r->state, sizeof(r->state), "%s",
		    dbres_text_col(res, i, "state"));
		r->revision = dbres_int_col(res, i, "revision");
		snprintf(r->number, sizeof(r->number), "%s",
		    dbres_text_col(res, i, "number"));
	}
	dbres_free(res);
	res = NULL;
	if ((rc = db_query(db, &gen_db, ST_MAX_SEQ, DB_ARGS(P_INT(period)),
	    &res)) != 0)
		goto out;
	seq = dbres_int(res, 0, 0);
	dbres_free(res);
	res = NULL;

	tc_sort(rs.v, rs.n, sizeof(rs.v[0]), by_person);
	/* what each rep's statement holds, and whether it is made, made
	 * again (a draft) or kept */
	for (size_t k = 0; k < rs.n; k++) {
		struct rep *r = &rs.v[k];
		money_t net = r->commission + r->bonus + r->prizes +
		    r->adjustments + r->carried_in;

		if (r->commission == 0 && r->bonus == 0 && r->prizes == 0 &&
		    r->adjustments == 0 && r->carried_in == 0 &&
		    r->existing_id == 0 && !r->leaver_due)
			continue;       /* nothing to settle */
		if (r->existing_id != 0 && strcmp(r->state, "draft") != 0) {
			g->kept++;
			continue;
		}
		if (r->leaver_due)
			r->final = true;
		/* a closure clears the negative balance, never more */
		if (r->closure_id != 0) {
			if (r->closure > -net)
				r->closure = net < 0 ? -net : 0;
			if (r->closure == 0)
				r->closure_id = 0;
			r->adjustments += r->closure;
			net += r->closure;
		}
		r->net = net;
		r->payable = net > 0 ? net : 0;
		r->carried_out = net < 0 ? net : 0;
		if (r->existing_id == 0) {
			r->seq = ++seq;
			snprintf(r->number, sizeof(r->number), "JS-%s-%04" PRId64,
			    label, r->seq);
			r->revision = 1;
			r->write = WRITE_NEW;
			g->made++;
		} else {
			r->revision++;
			r->write = WRITE_AGAIN;
			g->replaced++;
		}
		if ((rc = settlement_verify_code(secret, r->number, r->person,
		    label, r->payable, r->revision, r->code)) != 0)
			goto out;
	}
	if ((rc = write_statements(a, period, &rs)) != 0)
		goto out;
	if ((rc = db_bulk_open(db, stmts[ST_ITEM], item_types,
	    sizeof(item_types) / sizeof(item_types[0]), ITEM_BATCH,
	    &items)) != 0)
		goto out;
	for (size_t k = 0; k < rs.n; k++)
		if (rs.v[k].write != WRITE_NONE && (rc = write_items(items,
		    rs.v[k].existing_id, &rs.v[k], rules, &ri, adj, &ai)) != 0)
			goto out;
	if ((rc = db_bulk_flush(items)) != 0)
		goto out;
	snprintf(detail, sizeof(detail), "%d made, %d made again, %d kept",
	    g->made, g->replaced, g->kept);
	rc = audit_write_as(db, &a->as, "settlement_generate", "period", label,
	    detail);
out:
	db_bulk_close(items);
	dbres_free(res);
	dbres_free(rules);
	dbres_free(adj);
	free(rs.v);
	return rc;
}

int
settlement_generate(const struct wf_actor *a, const char *secret,
    const char *label, struct settlement_gen *g)
{
	bool own = !db_in_transaction(a->db);
	int rc;

	memset(g, 0, sizeof(*g));
	if (a->who == NULL)
		return TC_EDENIED;
	if (secret == NULL || strlen(secret) < 16) {
		snprintf(g->err, sizeof(g->err), "stl_err_secret");
		return TC_EINVAL;
	}
	if (own && (rc = db_begin(a->db)) != 0)
		return rc;
	rc = generate(a, secret, label, g);
	if (!own)
		return rc;
	if (rc == 0)
		return db_commit(a->db);
	db_rollback(a->db);
	return rc;
}
