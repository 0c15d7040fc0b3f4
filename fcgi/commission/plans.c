/* plans.c: plan versions as rows, read and written as the spec's JSON. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/decimal.h"
#include "commission/plans.h"
#include "core/error.h"
#include "engine/plan_json.h"

/* What the columns hold at most (sql/commission/001-*.sql). */
#define NAME_MAX_CHARS   200
#define CODE_MAX_CHARS   64
#define PCT_MAX          999999999999LL        /* DECIMAL(12,4) percent */
#define MULT_MAX         999999999999LL        /* DECIMAL(12,4) */
#define MONEY_MAX        999999999999999999LL  /* DECIMAL(18,2) in fen */
#define POSITION_MAX     65535

enum stmt {
	ST_V_INSERT,
	ST_R_INSERT,
	ST_B_INSERT,
	ST_S_INSERT,
	ST_V_GET,
	ST_V_LOCK,
	ST_R_LIST,
	ST_B_LIST,
	ST_S_LIST,
	ST_IN_FORCE_LOCK,
	ST_IN_FORCE,
	ST_V_STATE,
	ST_V_END,
	ST_V_UPDATE,
	ST_B_DELETE,
	ST_R_DELETE,
	ST_S_DELETE,
	ST_V_PROPOSER,
	ST__MAX
};

#define VERSION_COLS "SELECT id, name, currency, period, effective_from," \
	" effective_to, cap, state FROM plan_versions WHERE id = ?"

static const char *const stmts[ST__MAX] = {
	[ST_V_INSERT] =
	    "INSERT INTO plan_versions (name, currency, period,"
	    " effective_from, effective_to, cap, state, created_by)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_R_INSERT] =
	    "INSERT INTO plan_rules (version_id, position, code, priority,"
	    " match_product_type, match_region, match_channel, match_product,"
	    " match_customer, base, kind, rate, per_unit)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_B_INSERT] =
	    "INSERT INTO plan_bands (rule_id, position, upto, rate)"
	    " VALUES (?, ?, ?, ?)",
	[ST_S_INSERT] =
	    "INSERT INTO plan_steps (version_id, kind, position, attainment,"
	    " multiplier, amount) VALUES (?, ?, ?, ?, ?, ?)",
	[ST_V_GET] = VERSION_COLS,
	[ST_V_LOCK] = VERSION_COLS " FOR UPDATE",
	[ST_R_LIST] =
	    "SELECT id, code, priority, match_product_type, match_region,"
	    " match_channel, match_product, match_customer, base, kind, rate,"
	    " per_unit FROM plan_rules WHERE version_id = ? ORDER BY position",
	[ST_B_LIST] =
	    "SELECT b.rule_id, b.upto, b.rate FROM plan_bands b"
	    " JOIN plan_rules r ON r.id = b.rule_id WHERE r.version_id = ?"
	    " ORDER BY r.position, b.position",
	[ST_S_LIST] =
	    "SELECT kind, attainment, multiplier, amount FROM plan_steps"
	    " WHERE version_id = ? ORDER BY kind, position",
	[ST_IN_FORCE_LOCK] =
	    "SELECT id, effective_from, effective_to FROM plan_versions"
	    " WHERE state IN ('active', 'ended') ORDER BY effective_from"
	    " FOR UPDATE",
	[ST_IN_FORCE] =
	    "SELECT id, effective_from, effective_to, state FROM plan_versions"
	    " WHERE state IN ('active', 'ended') AND effective_from <= ?"
	    " AND (effective_to IS NULL OR effective_to >= ?)"
	    " ORDER BY effective_from",
	[ST_V_STATE] =
	    "UPDATE plan_versions SET state = ? WHERE id = ? AND state = ?",
	[ST_V_END] =
	    "UPDATE plan_versions SET effective_to = ?, state = 'ended'"
	    " WHERE id = ?",
	[ST_V_UPDATE] =
	    "UPDATE plan_versions SET name = ?, effective_from = ?,"
	    " effective_to = ?, cap = ? WHERE id = ? AND state = 'draft'",
	[ST_B_DELETE] =
	    "DELETE b FROM plan_bands b JOIN plan_rules r ON r.id = b.rule_id"
	    " WHERE r.version_id = ?",
	[ST_R_DELETE] = "DELETE FROM plan_rules WHERE version_id = ?",
	[ST_S_DELETE] = "DELETE FROM plan_steps WHERE version_id = ?",
	/* an active person of the directory, as the web's proposal sets it */
	[ST_V_PROPOSER] =
	    "UPDATE plan_versions v JOIN people pe ON pe.login = ?"
	    " AND pe.active SET v.proposed_by = pe.id, v.proposed_at = ?"
	    " WHERE v.id = ? AND v.state = 'proposed'",
};

static struct db_table plans_db = DB_TABLE("commission.plans", stmts);

/* Columns of ST_V_GET. */
enum { V_ID, V_NAME, V_CURRENCY, V_PERIOD, V_FROM, V_TO, V_CAP, V_STATE };

static void
why_set(struct plan_why *why, const char *key, const char *path,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
why_set(struct plan_why *why, const char *key, const char *path,
    const char *fmt, ...)
{
	va_list ap;

	why->key = key;
	snprintf(why->path, sizeof(why->path), "%s", path);
	va_start(ap, fmt);
	vsnprintf(why->text, sizeof(why->text), fmt, ap);
	va_end(ap);
}

void
plan_texts_free(struct plan_text *t, size_t n)
{
	for (size_t i = 0; t != NULL && i < n; i++)
		free(t[i].json);
	free(t);
}

/* --- parsing and the limits of storage --- */

static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int
diag(struct tce_diag *err, int rc, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
diag(struct tce_diag *err, int rc, const char *path, const char *fmt, ...)
{
	va_list ap;

	memset(err, 0, sizeof(*err));
	err->src = TCE_SRC_PLAN;
	snprintf(err->path, sizeof(err->path), "%s", path);
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return rc;
}

/* What the parser accepts but the database cannot hold. */
static int
check_storable(const struct tce_version *v, struct tce_diag *err)
{
	char path[96];

	if (utf8_chars(v->name) > NAME_MAX_CHARS)
		return diag(err, TC_EINVAL, "plan", "longer than %d characters",
		    NAME_MAX_CHARS);
	if (v->nrules > POSITION_MAX)
		return diag(err, TC_ETOOBIG, "rules", "more than %d rules",
		    POSITION_MAX);
	if (v->has_cap && v->cap > MONEY_MAX)
		return diag(err, TC_ETOOBIG, "cap", "too large to store");
	for (size_t i = 0; i < v->nrules; i++) {
		const struct tce_rule *r = &v->rules[i];

		if (utf8_chars(r->id) > CODE_MAX_CHARS) {
			snprintf(path, sizeof(path), "rules[%zu].id", i);
			return diag(err, TC_EINVAL, path, "longer than %d "
			    "characters", CODE_MAX_CHARS);
		}
		for (int a = 0; a < TCE_ATTR__MAX; a++)
			if (r->match[a] != NULL &&
			    utf8_chars(r->match[a]) > CODE_MAX_CHARS) {
				snprintf(path, sizeof(path), "rules[%zu].match.%s",
				    i, tce_attr_name(a));
				return diag(err, TC_EINVAL, path, "longer than %d "
				    "characters", CODE_MAX_CHARS);
			}
		if ((r->kind == TCE_RATE_FLAT && r->rate > PCT_MAX) ||
		    (r->kind == TCE_RATE_PER_UNIT && r->per_unit > MONEY_MAX)) {
			snprintf(path, sizeof(path), "rules[%zu].%s", i,
			    r->kind == TCE_RATE_FLAT ? "rate" : "per_unit");
			return diag(err, TC_ETOOBIG, path, "too large to store");
		}
		if (r->nbands > POSITION_MAX) {
			snprintf(path, sizeof(path), "rules[%zu].tiers.bands", i);
			return diag(err, TC_ETOOBIG, path, "more than %d bands",
			    POSITION_MAX);
		}
		for (size_t b = 0; b < r->nbands; b++)
			if (r->bands[b].rate > PCT_MAX ||
			    (r->bands[b].has_upto &&
			    r->bands[b].upto > MONEY_MAX)) {
				snprintf(path, sizeof(path),
				    "rules[%zu].tiers.bands[%zu].%s", i, b,
				    r->bands[b].rate > PCT_MAX ? "rate" : "upto");
				return diag(err, TC_ETOOBIG, path,
				    "too large to store");
			}
	}
	for (size_t i = 0; i < v->naccel; i++)
		if (v->accel[i].at > PCT_MAX || v->accel[i].value > MULT_MAX) {
			snprintf(path, sizeof(path), "accelerators[%zu]", i);
			return diag(err, TC_ETOOBIG, path, "too large to store");
		}
	for (size_t i = 0; i < v->nbonus; i++)
		if (v->bonus[i].at > PCT_MAX || v->bonus[i].value > MONEY_MAX) {
			snprintf(path, sizeof(path), "bonuses[%zu]", i);
			return diag(err, TC_ETOOBIG, path, "too large to store");
		}
	if (v->naccel > POSITION_MAX || v->nbonus > POSITION_MAX)
		return diag(err, TC_ETOOBIG, v->naccel > POSITION_MAX ?
		    "accelerators" : "bonuses", "more than %d entries",
		    POSITION_MAX);
	return 0;
}

int
plan_parse(const char *text, size_t len, const struct plan_company *co,
    struct tce_version **out, struct tce_diag *err)
{
	struct tce_version *v = NULL;
	int rc;

	*out = NULL;
	if ((rc = tce_plan_json_parse(text, len, 0, &v, err)) != 0)
		return rc;
	if ((int)v->period != (int)co->kind)
		rc = diag(err, TC_EINVAL, "period", "\"%s\"%s, but the company's "
		    "period is %s", tc_period_kind_name(v->period),
		    strstr(text, "\"period\"") == NULL ?
		    " (the default when absent)" : "",
		    tc_period_kind_name(co->kind));
	else if (strcmp(v->currency, co->currency) != 0)
		rc = diag(err, TC_EINVAL, "currency", "\"%.16s\", but the "
		    "company's currency is %s", v->currency, co->currency);
	else
		rc = check_storable(v, err);
	if (rc != 0) {
		tce_version_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

/* --- typed values as column values --- */

/* A percent (10^-6, 100% = 10^6) as the DECIMAL(12,4) text "6.0000"; the
 * same text for a multiplier (10^-4). */
static const char *
scaled4(char *buf, size_t size, int64_t v)
{
	snprintf(buf, size, "%lld.%04lld", (long long)(v / 10000),
	    (long long)(v % 10000));
	return buf;
}

/* A DECIMAL(_,4) column as 10^-4 units (a percent in the engine's 10^-6
 * of a whole, or a multiplier).  Returns 0 or TC_EDB for an unreadable
 * value. */
static int
col_scaled4(const struct dbres *r, size_t row, size_t col, int64_t *out)
{
	const char *s = dbres_text(r, row, col);

	if (tc_dec_parse(s, strlen(s), 4, out) != 0)
		return TC_EDB;
	return 0;
}

static int32_t
col_date(const struct dbres *r, size_t row, size_t col)
{
	int32_t v = 0;

	if (!dbres_null(r, row, col))
		tc_date_parse_str(dbres_text(r, row, col), &v);
	return v;
}

static const char *const kind_names[] = {
	[TCE_RATE_FLAT] = "rate", [TCE_RATE_PER_UNIT] = "per_unit",
	[TCE_RATE_MARGINAL] = "marginal", [TCE_RATE_WHOLE] = "whole",
};

/* --- saving --- */

/* The rules, bands and steps of v, as rows of version vid. */
static int
save_children(struct db *d, const struct tce_version *v, uint64_t vid)
{
	char num[40], num2[40];
	uint64_t rid = 0;
	int rc;

	for (size_t i = 0; i < v->nrules; i++) {
		const struct tce_rule *r = &v->rules[i];
		struct db_param m[TCE_ATTR__MAX];

		for (int a = 0; a < TCE_ATTR__MAX; a++)
			m[a] = r->match[a] != NULL ? P_TEXT(r->match[a]) : P_NULL;
		if ((rc = db_exec(d, &plans_db, ST_R_INSERT, DB_ARGS(P_INT(vid),
		    P_INT(i), P_TEXT(r->id), P_INT(r->priority),
		    m[TCE_ATTR_PRODUCT_TYPE], m[TCE_ATTR_REGION],
		    m[TCE_ATTR_CHANNEL], m[TCE_ATTR_PRODUCT],
		    m[TCE_ATTR_CUSTOMER], P_TEXT(tce_base_name(r->base)),
		    P_TEXT(kind_names[r->kind]),
		    r->kind == TCE_RATE_FLAT ?
		    P_TEXT(scaled4(num, sizeof(num), r->rate)) : P_NULL,
		    r->kind == TCE_RATE_PER_UNIT ? P_MONEY(r->per_unit) : P_NULL),
		    NULL, &rid)) != 0)
			return rc;
		for (size_t b = 0; b < r->nbands; b++)
			if ((rc = db_exec(d, &plans_db, ST_B_INSERT,
			    DB_ARGS(P_INT(rid), P_INT(b), r->bands[b].has_upto ?
			    P_MONEY(r->bands[b].upto) : P_NULL,
			    P_TEXT(scaled4(num, sizeof(num), r->bands[b].rate))),
			    NULL, NULL)) != 0)
				return rc;
	}
	for (size_t i = 0; i < v->naccel; i++)
		if ((rc = db_exec(d, &plans_db, ST_S_INSERT, DB_ARGS(P_INT(vid),
		    P_TEXT("accelerator"), P_INT(i),
		    P_TEXT(scaled4(num, sizeof(num), v->accel[i].at)),
		    P_TEXT(scaled4(num2, sizeof(num2), v->accel[i].value)),
		    P_NULL), NULL, NULL)) != 0)
			return rc;
	for (size_t i = 0; i < v->nbonus; i++)
		if ((rc = db_exec(d, &plans_db, ST_S_INSERT, DB_ARGS(P_INT(vid),
		    P_TEXT("bonus"), P_INT(i),
		    P_TEXT(scaled4(num, sizeof(num), v->bonus[i].at)), P_NULL,
		    P_MONEY(v->bonus[i].value)), NULL, NULL)) != 0)
			return rc;
	return 0;
}

static int
save_rows(struct db *d, const struct tce_version *v, const char *state,
    const struct actor *who, int64_t *id)
{
	char from[11], to[11];
	uint64_t vid = 0;
	int rc;

	tc_date_format(from, v->from);
	if (v->to != TCE_DATE_OPEN)
		tc_date_format(to, v->to);
	if ((rc = db_exec(d, &plans_db, ST_V_INSERT, DB_ARGS(P_TEXT(v->name),
	    P_TEXT(v->currency), P_TEXT(tc_period_kind_name(v->period)),
	    P_TEXT(from), v->to != TCE_DATE_OPEN ? P_TEXT(to) : P_NULL,
	    v->has_cap ? P_MONEY(v->cap) : P_NULL, P_TEXT(state),
	    P_TEXT(who->login)), NULL, &vid)) != 0 ||
	    (rc = save_children(d, v, vid)) != 0)
		return rc;
	*id = (int64_t)vid;
	return 0;
}

/* Refuses a version that would begin in (or before) a closed period. */
static int
check_after_closed(struct db *d, int32_t from, struct plan_why *why)
{
	int32_t through;
	char a[11], b[11];
	int rc;

	if ((rc = period_closed_through(d, &through)) != 0)
		return rc;
	if (through != 0 && from <= through) {
		tc_date_format(a, from);
		tc_date_format(b, through);
		why_set(why, "plan_err_closed", "effective_from", "%s is in a "
		    "closed period (the periods up to %s are closed): a new "
		    "version must begin after them", a, b);
		return TC_EDENIED;
	}
	return 0;
}

/* Runs fn in the caller's transaction, or in one of its own. */
static int
in_transaction(struct db *d, bool *own)
{
	*own = !db_in_transaction(d);
	return *own ? db_begin(d) : 0;
}

static int
end_transaction(struct db *d, bool own, int rc)
{
	if (!own)
		return rc;
	if (rc == 0)
		return db_commit(d);
	db_rollback(d);
	return rc;
}

int
plan_save(struct db *d, const struct tce_version *v, const char *state,
    const struct actor *who, int64_t *id, struct plan_why *why)
{
	char eid[24], detail[300];
	bool own;
	int rc;

	memset(why, 0, sizeof(*why));
	if (strcmp(state, "draft") != 0 && strcmp(state, "proposed") != 0)
		return TC_EINVAL;
	if ((rc = in_transaction(d, &own)) != 0)
		return rc;
	if ((rc = check_after_closed(d, v->from, why)) != 0 ||
	    (rc = save_rows(d, v, state, who, id)) != 0)
		goto out;
	snprintf(eid, sizeof(eid), "%lld", (long long)*id);
	snprintf(detail, sizeof(detail), "%s: %.200s, %zu rules", state,
	    v->name, v->nrules);
	rc = audit_write_as(d, who, "plan.import", "plan_version", eid, detail);
out:
	return end_transaction(d, own, rc);
}

int
plan_set_proposer(struct db *d, int64_t id, const char *login)
{
	char now[TC_DATETIME_SIZE];
	uint64_t n = 0;
	int rc;

	if ((rc = db_exec(d, &plans_db, ST_V_PROPOSER, DB_ARGS(P_TEXT(login),
	    P_TEXT(tc_now_str(now)), P_INT(id)), &n, NULL)) != 0)
		return rc;
	return n == 1 ? 0 : TC_ENOTFOUND;
}

static int load_version_row(struct db *d, int idx, int64_t id,
    struct dbres **out);

int
plan_replace(struct db *d, int64_t id, const struct tce_version *v,
    const struct actor *who, struct plan_why *why)
{
	struct dbres *row = NULL;
	char eid[24], detail[300], from[11], to[11];
	bool own;
	int rc;

	memset(why, 0, sizeof(*why));
	if ((rc = in_transaction(d, &own)) != 0)
		return rc;
	if ((rc = load_version_row(d, ST_V_LOCK, id, &row)) != 0)
		goto out;
	if (strcmp(dbres_text(row, 0, V_STATE), "draft") != 0) {
		why_set(why, "plan_err_state", "", "version %lld is %s: only a "
		    "draft is edited", (long long)id, dbres_text(row, 0, V_STATE));
		rc = TC_EDENIED;
		goto out;
	}
	if ((rc = check_after_closed(d, v->from, why)) != 0)
		goto out;
	tc_date_format(from, v->from);
	if (v->to != TCE_DATE_OPEN)
		tc_date_format(to, v->to);
	if ((rc = db_exec(d, &plans_db, ST_V_UPDATE, DB_ARGS(P_TEXT(v->name),
	    P_TEXT(from), v->to != TCE_DATE_OPEN ? P_TEXT(to) : P_NULL,
	    v->has_cap ? P_MONEY(v->cap) : P_NULL, P_INT(id)), NULL,
	    NULL)) != 0 ||
	    (rc = db_exec(d, &plans_db, ST_B_DELETE, DB_ARGS(P_INT(id)), NULL,
	    NULL)) != 0 ||
	    (rc = db_exec(d, &plans_db, ST_R_DELETE, DB_ARGS(P_INT(id)), NULL,
	    NULL)) != 0 ||
	    (rc = db_exec(d, &plans_db, ST_S_DELETE, DB_ARGS(P_INT(id)), NULL,
	    NULL)) != 0 ||
	    (rc = save_children(d, v, (uint64_t)id)) != 0)
		goto out;
	snprintf(eid, sizeof(eid), "%lld", (long long)id);
	snprintf(detail, sizeof(detail), "draft edited: %.200s, %zu rules",
	    v->name, v->nrules);
	rc = audit_write_as(d, who, "plan.edit", "plan_version", eid, detail);
out:
	dbres_free(row);
	return end_transaction(d, own, rc);
}

/* --- loading --- */

static int
load_version_row(struct db *d, int idx, int64_t id, struct dbres **out)
{
	int rc = db_query(d, &plans_db, idx, DB_ARGS(P_INT(id)), out);

	if (rc == 0 && dbres_rows(*out) != 1) {
		dbres_free(*out);
		*out = NULL;
		return TC_ENOTFOUND;
	}
	return rc;
}

static char *
dup_col(const struct dbres *r, size_t row, size_t col)
{
	return strdup(dbres_text(r, row, col));
}

static int
fill_rules(struct db *d, int64_t id, struct tce_version *v)
{
	struct dbres *r = NULL, *b = NULL;
	size_t n, k = 0;
	int rc;

	if ((rc = db_query(d, &plans_db, ST_R_LIST, DB_ARGS(P_INT(id)),
	    &r)) != 0 ||
	    (rc = db_query(d, &plans_db, ST_B_LIST, DB_ARGS(P_INT(id)),
	    &b)) != 0)
		goto out;
	n = dbres_rows(r);
	rc = TC_ENOMEM;
	if ((v->rules = calloc(n + 1, sizeof(*v->rules))) == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		struct tce_rule *ru = &v->rules[i];
		const char *base = dbres_text(r, i, 8), *kind = dbres_text(r, i, 9);
		int64_t rid = dbres_int(r, i, 0);
		size_t first;

		v->nrules++;
		if ((ru->id = dup_col(r, i, 1)) == NULL)
			goto out;
		ru->priority = dbres_int(r, i, 2);
		for (int a = 0; a < TCE_ATTR__MAX; a++)
			if (!dbres_null(r, i, 3 + a)) {
				if ((ru->match[a] = dup_col(r, i, 3 + a)) == NULL)
					goto out;
				ru->nkeys++;
			}
		ru->base = strcmp(base, "margin") == 0 ? TCE_BASE_MARGIN :
		    strcmp(base, "quantity") == 0 ? TCE_BASE_QUANTITY :
		    strcmp(base, "collected") == 0 ? TCE_BASE_COLLECTED :
		    TCE_BASE_AMOUNT;
		ru->kind = strcmp(kind, "per_unit") == 0 ? TCE_RATE_PER_UNIT :
		    strcmp(kind, "marginal") == 0 ? TCE_RATE_MARGINAL :
		    strcmp(kind, "whole") == 0 ? TCE_RATE_WHOLE : TCE_RATE_FLAT;
		if (ru->kind == TCE_RATE_FLAT &&
		    (rc = col_scaled4(r, i, 10, &ru->rate)) != 0)
			goto out;
		rc = TC_ENOMEM;
		if (ru->kind == TCE_RATE_PER_UNIT)
			ru->per_unit = dbres_money(r, i, 11);
		/* the bands come ordered by rule position, as the rules */
		for (first = k; k < dbres_rows(b) && dbres_int(b, k, 0) == rid;
		    k++)
			;
		if (k > first) {
			ru->nbands = k - first;
			if ((ru->bands = calloc(ru->nbands,
			    sizeof(*ru->bands))) == NULL)
				goto out;
			for (size_t j = 0; j < ru->nbands; j++) {
				struct tce_band *bd = &ru->bands[j];

				bd->has_upto = !dbres_null(b, first + j, 1);
				bd->upto = dbres_money(b, first + j, 1);
				if ((rc = col_scaled4(b, first + j, 2,
				    &bd->rate)) != 0)
					goto out;
				rc = TC_ENOMEM;
			}
		}
	}
	rc = 0;
out:
	dbres_free(r);
	dbres_free(b);
	return rc;
}

static int
fill_steps(struct db *d, int64_t id, struct tce_version *v)
{
	struct dbres *r = NULL;
	size_t n;
	int rc;

	if ((rc = db_query(d, &plans_db, ST_S_LIST, DB_ARGS(P_INT(id)),
	    &r)) != 0)
		return rc;
	n = dbres_rows(r);
	rc = TC_ENOMEM;
	if ((v->accel = calloc(n + 1, sizeof(*v->accel))) == NULL ||
	    (v->bonus = calloc(n + 1, sizeof(*v->bonus))) == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		bool accel = strcmp(dbres_text(r, i, 0), "accelerator") == 0;
		struct tce_step *s = accel ? &v->accel[v->naccel++] :
		    &v->bonus[v->nbonus++];

		if ((rc = col_scaled4(r, i, 1, &s->at)) != 0)
			goto out;
		if (accel)
			rc = col_scaled4(r, i, 2, &s->value);
		else
			s->value = dbres_money(r, i, 3);
		if (rc != 0)
			goto out;
	}
	rc = 0;
out:
	dbres_free(r);
	return rc;
}

int
plan_load(struct db *d, int64_t id, struct tce_version **out)
{
	struct tce_version *v = NULL;
	struct dbres *r = NULL;
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	int rc;

	*out = NULL;
	if ((rc = load_version_row(d, ST_V_GET, id, &r)) != 0)
		return rc;
	rc = TC_ENOMEM;
	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (v->name = dup_col(r, 0, V_NAME)) == NULL ||
	    (v->currency = dup_col(r, 0, V_CURRENCY)) == NULL)
		goto out;
	tc_period_kind_parse(dbres_text(r, 0, V_PERIOD), &kind);
	v->period = (enum tc_period_kind)kind;
	v->from = col_date(r, 0, V_FROM);
	v->to = dbres_null(r, 0, V_TO) ? TCE_DATE_OPEN : col_date(r, 0, V_TO);
	v->has_cap = !dbres_null(r, 0, V_CAP);
	v->cap = dbres_money(r, 0, V_CAP);
	if ((rc = fill_rules(d, id, v)) != 0 || (rc = fill_steps(d, id, v)) != 0)
		goto out;
	*out = v;
	v = NULL;
out:
	tce_version_free(v);
	dbres_free(r);
	return rc;
}

int
plan_export(struct db *d, int64_t id, char **json, size_t *len)
{
	struct tce_version *v;
	int rc;

	*json = NULL;
	*len = 0;
	if ((rc = plan_load(d, id, &v)) != 0)
		return rc;
	rc = tce_plan_json_write(v, json, len);
	tce_version_free(v);
	return rc;
}

int
plan_in_force(struct db *d, int32_t from, int32_t to, struct plan_text **out,
    size_t *n)
{
	struct dbres *r = NULL;
	struct plan_text *t = NULL;
	char a[11], b[11];
	size_t i = 0;
	int rc;

	*out = NULL;
	*n = 0;
	tc_date_format(a, from);
	tc_date_format(b, to);
	if ((rc = db_query(d, &plans_db, ST_IN_FORCE, DB_ARGS(P_TEXT(b),
	    P_TEXT(a)), &r)) != 0)
		return rc;
	if (dbres_rows(r) > 0 &&
	    (t = calloc(dbres_rows(r), sizeof(*t))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (i = 0; i < dbres_rows(r); i++) {
		t[i].id = dbres_int(r, i, 0);
		t[i].from = col_date(r, i, 1);
		t[i].to = dbres_null(r, i, 2) ? TCE_DATE_OPEN : col_date(r, i, 2);
		snprintf(t[i].state, sizeof(t[i].state), "%s",
		    dbres_text(r, i, 3));
		if ((rc = plan_export(d, t[i].id, &t[i].json, &t[i].len)) != 0)
			goto out;
	}
	*out = t;
	*n = i;
	t = NULL;
out:
	plan_texts_free(t, i);
	dbres_free(r);
	return rc;
}

/* --- activating, ending --- */

static void
range_text(char *buf, size_t size, int32_t from, int32_t to)
{
	char a[11], b[11];

	tc_date_format(a, from);
	if (to == TCE_DATE_OPEN)
		snprintf(buf, size, "%s, open-ended", a);
	else {
		tc_date_format(b, to);
		snprintf(buf, size, "%s to %s", a, b);
	}
}

/* Ends version w (in force) on last_day, with its audit record. */
static int
end_version(struct db *d, int64_t w, int32_t last_day,
    const struct actor *who, const char *why_text)
{
	char day[11], eid[24];
	int rc;

	tc_date_format(day, last_day);
	snprintf(eid, sizeof(eid), "%lld", (long long)w);
	if ((rc = db_exec(d, &plans_db, ST_V_END, DB_ARGS(P_TEXT(day),
	    P_INT(w)), NULL, NULL)) != 0)
		return rc;
	return audit_write_as(d, who, "plan.end", "plan_version", eid,
	    why_text);
}

static int activate(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why, bool moved);

int
plan_activate(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why)
{
	return activate(d, id, co, today, who, how, why, false);
}

int
plan_activate_moved(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why)
{
	return activate(d, id, co, today, who, how, why, true);
}

/* moved: a workflow has just set the state to active in the caller's
 * transaction (the version is then skipped among those in force). */
static int
activate(struct db *d, int64_t id, const struct plan_company *co,
    int32_t today, const struct actor *who, const char *how,
    struct plan_why *why, bool moved)
{
	struct dbres *v = NULL, *all = NULL;
	struct period_why pwhy = { 0 };
	struct period_span first, before;
	int32_t from, to;
	char eid[24], detail[400], range[64];
	bool own;
	int rc;

	memset(why, 0, sizeof(*why));
	if ((rc = in_transaction(d, &own)) != 0)
		return rc;
	if ((rc = load_version_row(d, ST_V_LOCK, id, &v)) != 0)
		goto out;
	from = col_date(v, 0, V_FROM);
	to = dbres_null(v, 0, V_TO) ? TCE_DATE_OPEN : col_date(v, 0, V_TO);
	rc = TC_EDENIED;
	if (moved ? strcmp(dbres_text(v, 0, V_STATE), "active") != 0 :
	    strcmp(dbres_text(v, 0, V_STATE), "draft") != 0 &&
	    strcmp(dbres_text(v, 0, V_STATE), "proposed") != 0) {
		why_set(why, "plan_err_state", "", "version %lld is %s: only a "
		    "draft or proposed version can be activated",
		    (long long)id, dbres_text(v, 0, V_STATE));
		goto out;
	}
	if (strcmp(dbres_text(v, 0, V_PERIOD), tc_period_kind_name(co->kind)) != 0
	    || strcmp(dbres_text(v, 0, V_CURRENCY), co->currency) != 0) {
		why_set(why, "plan_err_company", "period", "version %lld is "
		    "in %s per %s; the company's are %s per %s", (long long)id,
		    dbres_text(v, 0, V_CURRENCY), dbres_text(v, 0, V_PERIOD),
		    co->currency, tc_period_kind_name(co->kind));
		goto out;
	}
	if ((rc = check_after_closed(d, from, why)) != 0 ||
	    (rc = db_query(d, &plans_db, ST_IN_FORCE_LOCK, DB_NOARGS,
	    &all)) != 0)
		goto out;
	period_of_date(co->kind, from, &first);
	period_step(&first, -1, &before);
	for (size_t i = 0; i < dbres_rows(all); i++) {
		int64_t w = dbres_int(all, i, 0);
		int32_t wf = col_date(all, i, 1);
		int32_t wt = dbres_null(all, i, 2) ? TCE_DATE_OPEN :
		    col_date(all, i, 2);

		if (w == id || wt < from || wf > to)
			continue;       /* itself (moved), or no overlap */
		/* An open-ended version that began earlier is replaced from
		 * here on by an open-ended one: it ends the day before. */
		if (wf < from && wt == TCE_DATE_OPEN && to == TCE_DATE_OPEN) {
			snprintf(detail, sizeof(detail), "ended by version "
			    "%lld, from %.10s", (long long)id,
			    dbres_text(v, 0, V_FROM));
			if ((rc = end_version(d, w, before.last, who,
			    detail)) != 0)
				goto out;
			continue;
		}
		range_text(range, sizeof(range), wf, wt);
		why_set(why, "plan_err_overlap", "effective_from", "version "
		    "%lld overlaps version %lld in force (%s)", (long long)id,
		    (long long)w, range);
		rc = TC_EDENIED;
		goto out;
	}
	if (!moved && (rc = db_exec(d, &plans_db, ST_V_STATE,
	    DB_ARGS(P_TEXT("active"), P_INT(id),
	    P_TEXT(dbres_text(v, 0, V_STATE))), NULL, NULL)) != 0)
		goto out;
	if ((rc = period_begin(d, co->kind, from, today, &pwhy)) != 0) {
		why_set(why, pwhy.key, "effective_from", "%s", pwhy.text);
		if (rc == TC_ECONFLICT || rc == TC_EINVAL)
			rc = TC_EDENIED;
		goto out;
	}
	snprintf(eid, sizeof(eid), "%lld", (long long)id);
	range_text(range, sizeof(range), from, to);
	snprintf(detail, sizeof(detail), "%s; %s", range, how);
	rc = audit_write_as(d, who, "plan.activate", "plan_version", eid,
	    detail);
out:
	dbres_free(v);
	dbres_free(all);
	return end_transaction(d, own, rc);
}

int
plan_end(struct db *d, int64_t id, int32_t last_day,
    const struct plan_company *co, const struct actor *who,
    struct plan_why *why)
{
	struct dbres *v = NULL;
	struct period_span s;
	int32_t through, from, to;
	char day[11], detail[64];
	bool own;
	int rc;

	memset(why, 0, sizeof(*why));
	if ((rc = in_transaction(d, &own)) != 0)
		return rc;
	if ((rc = load_version_row(d, ST_V_LOCK, id, &v)) != 0 ||
	    (rc = period_closed_through(d, &through)) != 0)
		goto out;
	from = col_date(v, 0, V_FROM);
	to = dbres_null(v, 0, V_TO) ? TCE_DATE_OPEN : col_date(v, 0, V_TO);
	period_of_date(co->kind, last_day, &s);
	tc_date_format(day, last_day);
	rc = TC_EDENIED;
	if (strcmp(dbres_text(v, 0, V_STATE), "active") != 0 &&
	    strcmp(dbres_text(v, 0, V_STATE), "ended") != 0)
		why_set(why, "plan_err_state", "effective_to", "version %lld "
		    "is not in force", (long long)id);
	else if (s.last != last_day)
		why_set(why, "plan_err_boundary", "effective_to", "%s is not "
		    "the last day of a period", day);
	else if (last_day < from || last_day >= to)
		why_set(why, "plan_err_end_range", "effective_to", "%s does not "
		    "shorten version %lld", day, (long long)id);
	else if (last_day < through)
		why_set(why, "plan_err_closed", "effective_to", "%s is in a "
		    "closed period: a version ends after the closed periods",
		    day);
	else {
		snprintf(detail, sizeof(detail), "ends on %s", day);
		rc = end_version(d, id, last_day, who, detail);
	}
out:
	dbres_free(v);
	return end_transaction(d, own, rc);
}

int
plan_editable(struct db *d, int64_t id, struct plan_why *why)
{
	struct dbres *v = NULL;
	int32_t through;
	char day[11];
	int rc;

	memset(why, 0, sizeof(*why));
	if ((rc = load_version_row(d, ST_V_GET, id, &v)) != 0 ||
	    (rc = period_closed_through(d, &through)) != 0)
		goto out;
	if (through != 0 && col_date(v, 0, V_FROM) <= through &&
	    (strcmp(dbres_text(v, 0, V_STATE), "active") == 0 ||
	    strcmp(dbres_text(v, 0, V_STATE), "ended") == 0)) {
		tc_date_format(day, through);
		why_set(why, "plan_err_frozen", "", "version %lld covers closed "
		    "periods (up to %s): it can only be ended on a later period "
		    "boundary; make a new version from it instead",
		    (long long)id, day);
		rc = TC_EDENIED;
	}
out:
	dbres_free(v);
	return rc;
}
