/* whatif.c: what-if (HR): GET /commission/whatif?version=ID&from=P&to=P.
 * A draft (or proposed) version run over a past range of periods,
 * nothing written: the range's inputs as a run reads them (run_export),
 * calculated by the engine twice, with the versions in force (what the
 * plan in force pays on those inputs) and with the draft instead, in
 * force over the whole range and over the earlier dates of the lines
 * whose payments fall in it; then compared rep by rep and in total
 * (commission and bonus of the range's periods), with a chart of the
 * differences. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/run.h"
#include "commission/versions.h"
#include "core/chart.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/form.h"
#include "core/formview.h"
#include "core/money.h"
#include "core/period.h"
#include "core/sort.h"
#include "core/tmpl.h"
#include "engine/plan_json.h"

enum stmt { ST_DRAFTS, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_DRAFTS] = "SELECT id, name, state, effective_from FROM plan_versions"
	    " WHERE state IN ('draft', 'proposed') ORDER BY id DESC",
};

static struct db_table whatif_db = DB_TABLE("commission.whatif", stmts);

enum { W_VERSION, W_FROM, W_TO, W__MAX };

static const struct field whatif_fields[W__MAX] = {
	[W_VERSION] = { "version", form_int64, 1, 1, INT64_MAX,
	    "cm_whatif_err_version", NULL },
	[W_FROM] = { "from", form_text, 1, 1, 8, "cm_whatif_err_period",
	    NULL },
	[W_TO] = { "to", form_text, 1, 1, 8, "cm_whatif_err_period", NULL },
};

static const char *const whatif_labels[W__MAX] = {
	[W_VERSION] = "cm_whatif_version", [W_FROM] = "cm_whatif_from",
	[W_TO] = "cm_whatif_to",
};

/* One rep's totals: the plan in force, the draft. */
struct rep_cmp {
	const char *rep;            /* borrowed from a result */
	money_t now, draft;
};

static int
cmp_rep(const void *a, const void *b)
{
	return strcmp(((const struct rep_cmp *)a)->rep,
	    ((const struct rep_cmp *)b)->rep);
}

/* Adds the totals of res's summary rows in periods [pf, pt] to reps. */
static int
add_totals(const struct tce_result *res, int32_t pf, int32_t pt,
    struct rep_cmp **reps, size_t *n, bool draft)
{
	for (size_t i = 0; i < res->nsummary; i++) {
		const struct tce_summary *s = &res->summary[i];
		const char *rep = res->reps[s->rep];
		size_t k;

		if (s->period < pf || s->period > pt)
			continue;
		for (k = 0; k < *n && strcmp((*reps)[k].rep, rep) != 0; k++)
			;
		if (k == *n) {
			struct rep_cmp *nr = realloc(*reps, (*n + 1) *
			    sizeof(*nr));

			if (nr == NULL)
				return TC_ENOMEM;
			*reps = nr;
			nr[k] = (struct rep_cmp){ rep, 0, 0 };
			(*n)++;
		}
		if (draft)
			(*reps)[k].draft += s->total;
		else
			(*reps)[k].now += s->total;
	}
	return 0;
}

static void
set_money(struct tdict *d, const char *name, money_t v)
{
	char buf[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(buf, v, true));
}

/* The range's files with the draft (JSON) in place of the versions in
 * force. */
static int
with_draft(const struct file_set *fs, char *json, size_t len,
    struct file_set *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < fs->n; i++) {
		char *copy;

		if (strncmp(fs->files[i].name, "plan-", 5) == 0)
			continue;
		if ((copy = malloc(fs->files[i].len + 1)) == NULL) {
			free(json);
			return TC_ENOMEM;
		}
		memcpy(copy, fs->files[i].data, fs->files[i].len);
		copy[fs->files[i].len] = '\0';
		if ((rc = files_add(out, fs->files[i].name, copy,
		    fs->files[i].len)) != 0) {
			free(json);
			return rc;
		}
	}
	if ((rc = files_add(out, "plan-whatif.json", json, len)) != 0)
		return rc;
	files_sort(out);
	return 0;
}

/* Calculates and fills the comparison. */
static int
compare(struct req *r, struct tdict *d, int64_t id,
    const struct period_span *from, const struct period_span *to,
    enum tc_period_kind kind)
{
	struct file_set fs = { 0 }, fs2 = { 0 };
	struct tce_plan *p1 = NULL, *p2 = NULL;
	struct tce_input in1, in2;
	struct tce_result *res1 = NULL, *res2 = NULL;
	struct tce_version *v = NULL;
	struct tce_diag err;
	struct rep_cmp *reps = NULL;
	size_t n = 0;
	char digest[FILES_DIGEST_SIZE], *json = NULL;
	size_t len = 0;
	int32_t pf = tc_period_of(kind, from->first);
	int32_t pt = tc_period_of(kind, to->first);
	money_t tnow = 0, tdraft = 0;
	int rc;

	tce_input_init(&in1);
	tce_input_init(&in2);
	memset(&err, 0, sizeof(err));
	if ((rc = plan_load(r->app->db, id, &v)) != 0 ||
	    (rc = run_export(r->app->db, kind, from->first, to->last, &fs,
	    digest)) != 0)
		goto out;
	/* the plan in force */
	rc = run_engine(&fs, &p1, &in1, &res1, &err);
	if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
		tdict_set(tdict_add_section(d, "ENGINE_ERROR"), "error",
		    err.msg);
		rc = 0;
		goto out;
	} else if (rc != 0)
		goto out;
	/* the draft, in force over the range and the earlier dates of the
	 * lines it reads (collected payments of older orders) */
	v->from = from->first;
	if (p1->nversions > 0 && p1->versions[0]->from < v->from)
		v->from = p1->versions[0]->from;
	v->to = to->last;
	if ((rc = tce_plan_json_write(v, &json, &len)) != 0 ||
	    (rc = with_draft(&fs, json, len, &fs2)) != 0)
		goto out;
	rc = run_engine(&fs2, &p2, &in2, &res2, &err);
	if (rc == TC_EINVAL || rc == TC_ETOOBIG) {
		tdict_set(tdict_add_section(d, "ENGINE_ERROR"), "error",
		    err.msg);
		rc = 0;
		goto out;
	} else if (rc != 0)
		goto out;
	if ((rc = add_totals(res1, pf, pt, &reps, &n, false)) != 0 ||
	    (rc = add_totals(res2, pf, pt, &reps, &n, true)) != 0)
		goto out;
	tc_sort(reps, n, sizeof(*reps), cmp_rep);

	struct tdict *res = tdict_add_section(d, "RESULT");
	const char *cats[CHART_MAX_CATS];
	int64_t diff[CHART_MAX_CATS];
	size_t nc = 0;

	tdict_set(res, "from_label", from->label);
	tdict_set(res, "to_label", to->label);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tdict_add_section(res, "REP");

		tdict_set(row, "rep", reps[i].rep);
		set_money(row, "now", reps[i].now);
		set_money(row, "draft", reps[i].draft);
		set_money(row, "diff", reps[i].draft - reps[i].now);
		if (reps[i].draft != reps[i].now)
			tdict_show_section(row, reps[i].draft > reps[i].now ?
			    "UP" : "DOWN");
		tnow += reps[i].now;
		tdraft += reps[i].draft;
		if (nc < CHART_MAX_CATS) {
			cats[nc] = reps[i].rep;
			diff[nc++] = reps[i].draft - reps[i].now;
		}
	}
	set_money(res, "total_now", tnow);
	set_money(res, "total_draft", tdraft);
	set_money(res, "total_diff", tdraft - tnow);
	tdict_set_int(res, "nreps", (long long)n);
	if (n == 0)
		tdict_show_section(res, "NO_REPS");
	{
		struct chart c = { .kind = CHART_BARS, .unit = CHART_MONEY,
		    .id = "chart-whatif", .title = tr(r, "cm_whatif_chart"),
		    .desc = tr(r, "cm_whatif_chart_desc"),
		    .cat_title = tr(r, "cm_whatif_rep"), .cats = cats,
		    .ncat = nc, .nseries = 1, .table = true };

		c.series[0].name = tr(r, "cm_whatif_diff");
		c.series[0].v = diff;
		rc = chart_show(r, res, "WHATIF_CHART", &c);
	}
out:
	free(reps);
	tce_result_free(res1);
	tce_result_free(res2);
	tce_plan_free(p1);
	tce_plan_free(p2);
	tce_input_free(&in1);
	tce_input_free(&in2);
	files_free(&fs);
	files_free(&fs2);
	tce_version_free(v);
	return rc;
}

static int
whatif_get(struct req *r)
{
	struct tdict *d = page_body(r);
	struct dbres *drafts = NULL;
	struct form f = { 0 };
	struct form_errors s;
	struct period_span from = { 0 }, to = { 0 };
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	int status = 200;
	bool asked = req_get(&r->q, "version") != NULL;
	int rc;

	tc_period_kind_parse(r->app->conf->period, &kind);
	if ((rc = db_query(r->app->db, &whatif_db, ST_DRAFTS, DB_NOARGS,
	    &drafts)) != 0)
		return rc;
	if ((rc = form_validate(&f, whatif_fields, W__MAX, &r->q)) ==
	    TC_ENOMEM)
		goto out;
	if (asked) {
		bool known = false;

		for (size_t i = 0; i < dbres_rows(drafts); i++)
			known |= dbres_int(drafts, i, 0) ==
			    form_int(&f, W_VERSION, 0);
		if (form_str(&f, W_VERSION) != NULL && !known)
			form_set_error(&f, W_VERSION, NULL, NULL);
		if (form_str(&f, W_FROM) != NULL &&
		    period_of_label(kind, form_str(&f, W_FROM), &from) != 0)
			form_set_error(&f, W_FROM, NULL, NULL);
		if (form_str(&f, W_TO) != NULL &&
		    period_of_label(kind, form_str(&f, W_TO), &to) != 0)
			form_set_error(&f, W_TO, NULL, NULL);
		if (!form_has_errors(&f) && to.first < from.first)
			form_set_error(&f, W_TO, "cm_whatif_err_order", NULL);
		if (!form_has_errors(&f) && to.first > tc_today())
			form_set_error(&f, W_TO, "cm_whatif_err_future", NULL);
		form_errors_init(&s, d, r->cat);
		if (form_has_errors(&f)) {
			status = 422;
			if ((rc = form_show(&s, d, &f, whatif_labels, NULL)) != 0)
				goto out;
		} else {
			form_show_values(d, &f);
			if ((rc = compare(r, d, form_int(&f, W_VERSION, 0),
			    &from, &to, kind)) != 0)
				goto out;
		}
	} else {
		struct period_span now;

		period_of_date(kind, tc_today(), &now);
		period_step(&now, -1, &to);
		from = to;
		for (int i = 0; i < 2; i++)
			period_step(&from, -1, &from);
		tdict_set(d, "from", from.label);
		tdict_set(d, "to", to.label);
	}
	for (size_t i = 0; i < dbres_rows(drafts); i++) {
		char label[300], val[24];

		snprintf(val, sizeof(val), "%lld",
		    (long long)dbres_int(drafts, i, 0));
		snprintf(label, sizeof(label), "%s · %s · %s",
		    dbres_text(drafts, i, 1),
		    cm_plan_state_label(r, dbres_text(drafts, i, 2)),
		    dbres_text(drafts, i, 3));
		form_option(d, "VERSION_OPT", val, label,
		    strcmp(form_raw(&f, W_VERSION), val) == 0);
	}
	if (dbres_rows(drafts) == 0)
		tdict_show_section(d, "NO_DRAFTS");
	commission_tabs(r, "whatif");
	rc = page_send(r, status, "commission/whatif.tpl", "cm_whatif_title",
	    "commission");
out:
	form_free(&f);
	dbres_free(drafts);
	return rc;
}

static const struct route whatif_routes[] = {
	{ "GET", "/commission/whatif", ROLE_HR, whatif_get },
};

const struct route_set cm_whatif_route_set = ROUTE_SET(whatif_routes);
