/* results.c: stored results written by ticheng-calc's writers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "engine/output.h"
#include "core/decimal.h"
#include "commission/results.h"
#include "core/error.h"
#include "engine/engine.h"

enum stmt { ST_LAST_RUN, ST_SUMMARY, ST_LINES, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_LAST_RUN] =
	    "SELECT digest FROM calc_runs WHERE period_id = ?"
	    " AND state = 'done' ORDER BY id DESC LIMIT 1",
	[ST_SUMMARY] =
	    "SELECT pe.login AS login, s.sales AS sales, s.target AS target,"
	    " s.attainment AS attainment, s.commission AS commission,"
	    " s.bonus AS bonus, s.total AS total"
	    " FROM commission_summaries s JOIN people pe ON pe.id = s.person_id"
	    " WHERE s.period_id = ? ORDER BY CAST(pe.login AS BINARY)",
	/* The spec's 3.2 order: rep, date, order_id, line, payment_id
	 * (none first), each byte for byte. */
	[ST_LINES] =
	    "SELECT pe.login AS login, o.order_no AS order_no,"
	    " ol.line_no AS line_no, pm.payment_no AS payment_no,"
	    " r.id AS rule_id, r.code AS rule, r.base AS base_kind,"
	    " l.base AS base, l.commission AS commission"
	    " FROM commission_lines l JOIN people pe ON pe.id = l.person_id"
	    " JOIN order_lines ol ON ol.id = l.order_line_id"
	    " JOIN orders o ON o.id = ol.order_id"
	    " LEFT JOIN payments pm ON pm.id = l.payment_id"
	    " LEFT JOIN plan_rules r ON r.id = l.rule_id"
	    " WHERE l.period_id = ? AND l.removed_run_id IS NULL"
	    " ORDER BY CAST(pe.login AS BINARY), l.line_date,"
	    " CAST(o.order_no AS BINARY), ol.line_no,"
	    " CAST(pm.payment_no AS BINARY)",
};

static struct db_table results_db = DB_TABLE("commission.results", stmts);

/* The engine's result, input and plan rebuilt from the rows, as far as
 * the writers read them. */
struct rebuilt {
	struct tce_result r;
	struct tce_input in;
	struct tce_plan plan;
	int32_t period;
	/* rep names and rules, and the text they live in */
	char **reps;
	size_t nreps, repcap;
	struct tce_rule *rules;     /* plan.rules points into it */
	int64_t *rule_ids;
	size_t nrules, rulecap, idcap;
	size_t lcap, scap;
	int col[9];
	bool found;
};

/* The index of rep name (rows come by rep: the last one, or a new one). */
static int
rep_index(struct rebuilt *b, const char *name, uint32_t *out)
{
	char *copy;

	if (b->nreps > 0 && strcmp(b->reps[b->nreps - 1], name) == 0) {
		*out = (uint32_t)(b->nreps - 1);
		return 0;
	}
	for (size_t i = 0; i < b->nreps; i++)
		if (strcmp(b->reps[i], name) == 0) {
			*out = (uint32_t)i;
			return 0;
		}
	if (tc_grow(&b->reps, &b->repcap, b->nreps + 1, 256) != 0
	    || (copy = strdup(name)) == NULL ||
	    tce_input_own(&b->in, copy) != 0)
		return TC_ENOMEM;
	b->reps[b->nreps] = copy;
	*out = (uint32_t)b->nreps++;
	return 0;
}

static int
dec(const struct dbrow *row, int col, int scale, int64_t *out)
{
	const char *s = dbrow_text(row, (size_t)col);

	return tc_dec_parse(s, strlen(s), scale, out) == 0 ? 0 :
	    TC_EDB;
}

static const char *const summary_cols[] = { "login", "sales", "target",
    "attainment", "commission", "bonus", "total", NULL };

static int
summary_row(void *ctx, const struct dbrow *row)
{
	struct rebuilt *b = ctx;
	struct tce_summary *s;
	int rc;

	if (!b->found) {
		for (int i = 0; summary_cols[i] != NULL; i++)
			if ((b->col[i] = dbrow_col(row, summary_cols[i])) < 0)
				return TC_EDB;
		b->found = true;
	}
	if ((rc = tc_grow(&b->r.summary, &b->scap, b->r.nsummary + 1,
	    256)) != 0)
		return rc;
	s = &b->r.summary[b->r.nsummary];
	memset(s, 0, sizeof(*s));
	s->period = b->period;
	s->has_target = !dbrow_null(row, (size_t)b->col[2]);
	if ((rc = rep_index(b, dbrow_text(row, (size_t)b->col[0]),
	    &s->rep)) != 0 ||
	    (rc = dec(row, b->col[1], 2, &s->sales)) != 0 ||
	    (s->has_target && ((rc = dec(row, b->col[2], 2, &s->target)) != 0 ||
	    (rc = dec(row, b->col[3], 2, &s->attainment)) != 0)) ||
	    (rc = dec(row, b->col[4], 2, &s->commission)) != 0 ||
	    (rc = dec(row, b->col[5], 2, &s->bonus)) != 0 ||
	    (rc = dec(row, b->col[6], 2, &s->total)) != 0)
		return rc;
	b->r.nsummary++;
	return 0;
}

/* The index of the rule with id in plan.rules, adding it if new. */
static int
rule_index(struct rebuilt *b, int64_t id, const char *code,
    const char *base, int32_t *out)
{
	struct tce_rule *ru;
	char *copy;

	for (size_t i = 0; i < b->nrules; i++)
		if (b->rule_ids[i] == id) {
			*out = (int32_t)i;
			return 0;
		}
	if (tc_grow(&b->rules, &b->rulecap, b->nrules + 1, 256) != 0 ||
	    tc_grow(&b->rule_ids, &b->idcap, b->nrules + 1, 256) != 0 ||
	    (copy = strdup(code)) == NULL)
		return TC_ENOMEM;
	if (tce_input_own(&b->in, copy) != 0)
		return TC_ENOMEM;
	ru = &b->rules[b->nrules];
	memset(ru, 0, sizeof(*ru));
	ru->id = copy;
	ru->base = strcmp(base, "margin") == 0 ? TCE_BASE_MARGIN :
	    strcmp(base, "quantity") == 0 ? TCE_BASE_QUANTITY :
	    strcmp(base, "collected") == 0 ? TCE_BASE_COLLECTED :
	    TCE_BASE_AMOUNT;
	b->rule_ids[b->nrules] = id;
	*out = (int32_t)b->nrules++;
	return 0;
}

static const char *const line_cols[] = { "login", "order_no", "line_no",
    "payment_no", "rule_id", "rule", "base_kind", "base", "commission",
    NULL };

static int
line_row(void *ctx, const struct dbrow *row)
{
	struct rebuilt *b = ctx;
	struct tce_line *l;
	struct tce_row *r;
	char *no;
	int rc;

	if (!b->found) {
		for (int i = 0; line_cols[i] != NULL; i++)
			if ((b->col[i] = dbrow_col(row, line_cols[i])) < 0)
				return TC_EDB;
		b->found = true;
	}
	if ((rc = tc_grow(&b->r.lines, &b->lcap, b->r.nlines + 1, 256)) != 0 ||
	    (r = tce_input_add_row(&b->in)) == NULL ||
	    (no = strdup(dbrow_text(row, (size_t)b->col[1]))) == NULL ||
	    tce_input_own(&b->in, no) != 0)
		return TC_ENOMEM;
	memset(r, 0, sizeof(*r));
	r->order_id = no;
	r->line = strtoll(dbrow_text(row, (size_t)b->col[2]), NULL, 10);
	l = &b->r.lines[b->r.nlines];
	memset(l, 0, sizeof(*l));
	l->row = (uint32_t)(b->in.nrows - 1);
	l->period = b->period;
	l->payment = TCE_NONE;
	l->rule = -1;
	if (!dbrow_null(row, (size_t)b->col[3])) {
		struct tce_payment *p = tce_input_add_payment(&b->in);
		char *pno;

		if (p == NULL || (pno = strdup(dbrow_text(row,
		    (size_t)b->col[3]))) == NULL ||
		    tce_input_own(&b->in, pno) != 0)
			return TC_ENOMEM;
		memset(p, 0, sizeof(*p));
		p->payment_id = pno;
		l->payment = (uint32_t)(b->in.npayments - 1);
	}
	if (!dbrow_null(row, (size_t)b->col[4])) {
		if ((rc = rule_index(b, strtoll(dbrow_text(row,
		    (size_t)b->col[4]), NULL, 10), dbrow_text(row,
		    (size_t)b->col[5]), dbrow_text(row, (size_t)b->col[6]),
		    &l->rule)) != 0)
			return rc;
		l->base = strtoll(dbrow_text(row, (size_t)b->col[7]), NULL, 10);
	}
	if ((rc = rep_index(b, dbrow_text(row, (size_t)b->col[0]),
	    &l->rep)) != 0 ||
	    (rc = dec(row, b->col[8], 2, &l->commission)) != 0)
		return rc;
	b->r.nlines++;
	return 0;
}

/* Writes with fn into memory and adds the bytes to out as name. */
static int
write_mem(struct file_set *out, const char *name, struct rebuilt *b,
    bool lines)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int rc;

	if (m == NULL)
		return TC_ENOMEM;
	rc = lines ? tce_write_lines(m, &b->r, &b->plan, &b->in) :
	    tce_write_summary(m, &b->r);
	if (fclose(m) != 0 && rc == 0)
		rc = TC_ENOMEM;
	if (rc != 0) {
		free(buf);
		return rc == TC_EIO ? TC_ENOMEM : rc;
	}
	return files_add(out, name, buf, len);
}

int
results_files(struct db *d, enum tc_period_kind kind, const char *label,
    struct file_set *out, char digest[FILES_DIGEST_SIZE])
{
	struct rebuilt b;
	struct period p;
	struct dbres *r = NULL;
	struct tce_rule **ptrs = NULL;
	int rc;

	digest[0] = '\0';
	memset(&b, 0, sizeof(b));
	tce_input_init(&b.in);
	if ((rc = period_find(d, kind, label, &p)) != 0)
		return rc;
	b.period = tc_period_of((enum tc_period_kind)kind, p.span.first);
	b.r.period = (enum tc_period_kind)kind;
	if ((rc = db_query(d, &results_db, ST_LAST_RUN, DB_ARGS(P_INT(p.id)),
	    &r)) != 0)
		goto out;
	if (dbres_rows(r) == 1)
		snprintf(digest, FILES_DIGEST_SIZE, "%s", dbres_text(r, 0, 0));
	if ((rc = db_each(d, &results_db, ST_SUMMARY, DB_ARGS(P_INT(p.id)),
	    summary_row, &b)) != 0)
		goto out;
	b.found = false;
	if ((rc = db_each(d, &results_db, ST_LINES, DB_ARGS(P_INT(p.id)),
	    line_row, &b)) != 0)
		goto out;
	rc = TC_ENOMEM;
	if ((ptrs = calloc(b.nrules + 1, sizeof(*ptrs))) == NULL)
		goto out;
	for (size_t i = 0; i < b.nrules; i++)
		ptrs[i] = &b.rules[i];
	b.plan.rules = ptrs;
	b.plan.nrules = b.nrules;
	b.plan.period = (enum tc_period_kind)kind;
	b.r.reps = (const char **)b.reps;
	b.r.nreps = b.nreps;
	if ((rc = write_mem(out, "lines.csv", &b, true)) != 0 ||
	    (rc = write_mem(out, "summary.csv", &b, false)) != 0)
		goto out;
	files_sort(out);
out:
	if (rc != 0)
		files_free(out);
	dbres_free(r);
	free(ptrs);
	free(b.reps);
	free(b.rules);
	free(b.rule_ids);
	free(b.r.lines);
	free(b.r.summary);
	tce_input_free(&b.in);
	return rc;
}
