/* demo.c: the commission demo: plan, targets, runs of the past months. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commission/demo.h"
#include "commission/plans.h"
#include "commission/run.h"
#include "commission/targets.h"
#include "core/error.h"

enum stmt { ST_ANY_PLAN, ST_FIRST_ORDER, ST_REP_SALES, ST__MAX };

static const char *const stmts[ST__MAX] = {
	[ST_ANY_PLAN] = "SELECT COUNT(*) FROM plan_versions",
	[ST_FIRST_ORDER] = "SELECT MIN(order_date) FROM orders",
	/* each rep's credited sales per month, for targets near them */
	[ST_REP_SALES] =
	    "SELECT pe.login, SUM(l.amount * r.share / 100) / COUNT(DISTINCT"
	    " DATE_FORMAT(o.order_date, '%Y-%m')) FROM order_lines l"
	    " JOIN orders o ON o.id = l.order_id"
	    " JOIN order_reps r ON r.order_id = o.id"
	    " JOIN people pe ON pe.id = r.person_id"
	    " WHERE l.status = 'booked' AND o.status = 'booked'"
	    " GROUP BY pe.login ORDER BY pe.login",
};

static struct db_table demo_db = DB_TABLE("commission.demo", stmts);

/* The plan: hardware in tiers (better in the East's direct channel),
 * software on its margin, services and subscriptions on the cash
 * collected, consumables per unit; accelerators, a cap, bonuses.  %s is
 * the currency, %s the period kind, %s effective_from. */
static const char plan_fmt[] =
    "{\n"
    "  \"plan\": \"销售提成方案\",\n"
    "  \"currency\": \"%s\",\n"
    "  \"period\": \"%s\",\n"
    "  \"effective_from\": \"%s\",\n"
    "  \"rules\": [\n"
    "    {\"id\": \"hw-east-direct\", \"priority\": 10,\n"
    "     \"match\": {\"product_type\": \"hardware\", \"region\": \"east\","
    " \"channel\": \"direct\"},\n"
    "     \"base\": \"amount\", \"rate\": \"2%%\"},\n"
    "    {\"id\": \"hardware\", \"match\": {\"product_type\": \"hardware\"},\n"
    "     \"base\": \"amount\", \"tiers\": {\"mode\": \"marginal\",\n"
    "       \"bands\": [{\"upto\": \"500000\", \"rate\": \"1%%\"},"
    " {\"upto\": \"1500000\", \"rate\": \"1.5%%\"}, {\"rate\": \"2%%\"}]}},\n"
    "    {\"id\": \"software\", \"match\": {\"product_type\": \"software\"},\n"
    "     \"base\": \"margin\", \"tiers\": {\"mode\": \"whole\",\n"
    "       \"bands\": [{\"upto\": \"1000000\", \"rate\": \"3%%\"},"
    " {\"rate\": \"4%%\"}]}},\n"
    "    {\"id\": \"services\", \"match\": {\"product_type\": \"service\"},\n"
    "     \"base\": \"collected\", \"rate\": \"5%%\"},\n"
    "    {\"id\": \"consumables\", \"match\": {\"product_type\":"
    " \"consumable\"},\n"
    "     \"base\": \"quantity\", \"per_unit\": \"2.00\"},\n"
    "    {\"id\": \"subscriptions\", \"match\": {\"product_type\":"
    " \"subscription\"},\n"
    "     \"base\": \"collected\", \"tiers\": {\"mode\": \"marginal\",\n"
    "       \"bands\": [{\"upto\": \"100000\", \"rate\": \"4%%\"},"
    " {\"rate\": \"6%%\"}]}}\n"
    "  ],\n"
    "  \"accelerators\": [{\"attainment\": \"100%%\", \"multiplier\":"
    " \"1.2\"},\n"
    "                   {\"attainment\": \"130%%\", \"multiplier\": \"1.5\"}],\n"
    "  \"cap\": \"100000\",\n"
    "  \"bonuses\": [{\"attainment\": \"100%%\", \"amount\": \"3000\"},\n"
    "              {\"attainment\": \"150%%\", \"amount\": \"8000\"}]\n"
    "}\n";

/* Targets around each rep's usual month, some months above and some
 * below it, so that attainment, accelerators and bonuses all show. */
static const int target_percent[] = { 85, 110, 95, 125, 70, 100, 90, 140,
    105, 80, 115, 60 };

static const struct actor hr = { "zhaomin", "demo" };
static const struct actor management = { "wujun", "demo" };
static const struct actor finance = { "sunli", "demo" };

static int
seed_plan(struct db *d, enum tc_period_kind kind, const char *currency,
    int32_t from, int32_t today, char *err, size_t errlen)
{
	struct plan_company co = { kind, currency };
	struct tce_version *v = NULL;
	struct plan_why why = { 0 };
	struct tce_diag diag;
	char json[4096], day[11];
	int64_t id;
	int rc;

	tc_date_format(day, from);
	snprintf(json, sizeof(json), plan_fmt, currency, tc_period_kind_name(kind),
	    day);
	if ((rc = plan_parse(json, strlen(json), &co, &v, &diag)) != 0) {
		snprintf(err, errlen, "demo plan: %s: %s", diag.path, diag.msg);
		return rc;
	}
	if ((rc = plan_save(d, v, "proposed", &hr, &id, &why)) == 0)
		rc = plan_activate(d, id, &co, today, &management,
		    "approved by wujun (demo)", &why);
	if (rc != 0)
		snprintf(err, errlen, "demo plan: %s", why.text[0] ? why.text :
		    tc_strerror(rc));
	tce_version_free(v);
	return rc;
}

/* targets.csv for every rep with sales and every period from first to
 * today's, imported like any file. */
static int
seed_targets(struct db *d, enum tc_period_kind kind, int32_t from,
    int32_t today, size_t *count, char *err, size_t errlen)
{
	struct target_report rep = { 0 };
	struct period_span s, now;
	struct dbres *r = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc, k = 0;

	if ((rc = db_query(d, &demo_db, ST_REP_SALES, DB_NOARGS, &r)) != 0)
		return rc;
	if ((f = open_memstream(&buf, &len)) == NULL) {
		dbres_free(r);
		return TC_ENOMEM;
	}
	fputs("rep,period,amount\n", f);
	period_of_date(kind, today, &now);
	for (size_t i = 0; i < dbres_rows(r); i++) {
		/* a round figure near the rep's usual month (in 10,000s) */
		long long usual = strtoll(dbres_text(r, i, 1), NULL, 10);

		if (usual < 10000)
			continue;
		for (period_of_date(kind, from, &s); s.first <= now.first;
		    period_step(&s, 1, &s), k++) {
			long long t = usual / 100 *
			    target_percent[(size_t)(k + (int)i * 5) % 12] /
			    10000 * 10000;

			fprintf(f, "%s,%s,%lld\n", dbres_text(r, i, 0), s.label,
			    t > 0 ? t : 10000);
		}
	}
	dbres_free(r);
	if (fclose(f) != 0) {
		free(buf);
		return TC_ENOMEM;
	}
	/* the importer owns the text, with its one spare byte */
	if ((buf = realloc(buf, len + 1)) == NULL)
		return TC_ENOMEM;
	rc = targets_import(d, buf, len, &hr, &rep);
	*count = rep.added;
	if (rc != 0)
		snprintf(err, errlen, "demo targets: %s", rep.nerrors > 0 ?
		    rep.errors[0].msg : tc_strerror(rc));
	target_report_free(&rep);
	return rc;
}

/* A run of every period before today's. */
static int
seed_runs(struct db *d, enum tc_period_kind kind, int32_t today, size_t *n,
    size_t *lines, char *err, size_t errlen)
{
	char (*labels)[TC_PERIOD_SIZE] = NULL;
	const char **list = NULL;
	struct run_result *res = NULL;
	struct period_why why = { 0 };
	struct period_span now;
	size_t nopen = 0;
	int rc;

	*n = *lines = 0;
	period_of_date(kind, today, &now);
	if ((rc = run_open_periods(d, kind, today, &labels, &nopen)) != 0)
		return rc;
	rc = TC_ENOMEM;
	if (nopen == 0 || (list = calloc(nopen, sizeof(*list))) == NULL ||
	    (res = calloc(nopen, sizeof(*res))) == NULL) {
		rc = nopen == 0 ? 0 : rc;
		goto out;
	}
	for (size_t i = 0; i < nopen; i++)
		if (strcmp(labels[i], now.label) != 0)
			list[(*n)++] = labels[i];
	rc = run_periods(d, kind, today, &finance, list, *n, res, &why);
	for (size_t i = 0; i < *n; i++)
		*lines += res[i].lines;
	if (rc != 0)
		snprintf(err, errlen, "demo runs: %s", why.text[0] ? why.text :
		    tc_strerror(rc));
out:
	free(labels);
	free(list);
	free(res);
	return rc;
}

int
commission_demo_seed(struct module_seed *seed)
{
	struct db *d = seed->db;
	enum tc_period_kind kind = TC_PERIOD_MONTH;
	const char *currency = seed->conf->currency;
	int32_t today = seed->today;
	FILE *out = seed->out;
	char *err = seed->err;
	size_t errlen = seed->errlen;
	struct dbres *r = NULL;
	struct period_span first;
	int32_t day = 0;
	size_t targets = 0, runs = 0, lines = 0;
	int rc;

	tc_period_kind_parse(seed->conf->period, &kind);
	snprintf(err, errlen, "database error");
	if ((rc = db_query(d, &demo_db, ST_ANY_PLAN, DB_NOARGS, &r)) != 0)
		return rc;
	if (dbres_int(r, 0, 0) > 0) {
		fprintf(out, "a plan exists already\n");
		dbres_free(r);
		return commission_demo_adjustments(seed, kind);
	}
	dbres_free(r);
	if ((rc = db_query(d, &demo_db, ST_FIRST_ORDER, DB_NOARGS, &r)) != 0)
		return rc;
	if (dbres_null(r, 0, 0) ||
	    tc_date_parse_str(dbres_text(r, 0, 0), &day) != 0) {
		dbres_free(r);
		snprintf(err, errlen, "no orders (seed the sales demo "
		    "first)");
		return TC_ENOTFOUND;
	}
	dbres_free(r);
	period_of_date(kind, day, &first);
	if ((rc = seed_plan(d, kind, currency, first.first, today, err,
	    errlen)) != 0 ||
	    (rc = seed_targets(d, kind, first.first, today, &targets, err,
	    errlen)) != 0 ||
	    (rc = seed_runs(d, kind, today, &runs, &lines, err, errlen)) != 0)
		return rc;
	fprintf(out, "an active plan from %s, %zu targets, %zu runs (%zu "
	    "commission lines)\n", first.label, targets, runs, lines);
	return commission_demo_adjustments(seed, kind);
}
