/* pipeline.c: what the pipeline pages share (stages, settings, pickers,
 * the classified opportunity list) and the opportunities' route set,
 * which also serves the overview, funnel, forecast and stage settings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/error.h"
#include "core/formview.h"
#include "core/money.h"
#include "core/sort.h"
#include "sales/pipeline-date.h"
#include "sales/pipeline.h"

enum stmt {
	STMT_STAGES,
	STMT_STALE_DAYS,
	STMT_CUSTOMERS,
	STMT_REPS,
	STMT_PERSON_IN_SCOPE,
	STMT_OPPS,
	STMT_OPEN_COUNT,
	STMT_NTH_OPEN_AMOUNT,
	STMT__MAX
};

/* People who hold sales data: roles sales or manager (bits 1, 2). */
#define SALES_PEOPLE "(CAST(p.roles AS UNSIGNED) & 3) <> 0"

static const char *const stmts[STMT__MAX] = {
	[STMT_STAGES] =
	    "SELECT code, position, probability, is_open FROM stages"
	    " ORDER BY position",
	[STMT_STALE_DAYS] =
	    "SELECT value FROM settings WHERE name = 'stale_days'",
	[STMT_CUSTOMERS] =
	    "SELECT c.id, c.name, c.code FROM customers c WHERE "
	    SCOPE_SQL("c.owner_id") " ORDER BY c.name, c.id",
	[STMT_REPS] =
	    "SELECT p.id, p.name, p.login FROM people p WHERE p.active AND "
	    SALES_PEOPLE " AND " SCOPE_SQL("p.id") " ORDER BY p.team, p.name",
	[STMT_PERSON_IN_SCOPE] =
	    "SELECT COUNT(*) FROM people p WHERE p.id = ? AND " SALES_PEOPLE
	    " AND " SCOPE_SQL("p.id"),
	[STMT_OPPS] =
	    "SELECT " PIPE_OPP_COLS PIPE_OPP_FROM
	    " WHERE " SCOPE_SQL("o.owner_id")
	    " AND (? = 0 OR s.is_open) AND (? = 0 OR o.id = ?)",
	[STMT_OPEN_COUNT] =
	    "SELECT COUNT(*) FROM opportunities o JOIN stages s"
	    " ON s.code = o.stage WHERE s.is_open AND " SCOPE_SQL("o.owner_id"),
	[STMT_NTH_OPEN_AMOUNT] =
	    "SELECT o.amount FROM opportunities o JOIN stages s"
	    " ON s.code = o.stage WHERE s.is_open AND " SCOPE_SQL("o.owner_id")
	    " ORDER BY o.amount DESC LIMIT 1 OFFSET ?",
};

static struct db_table pipe_db = DB_TABLE("pipeline", stmts);

int
pipe_stages(struct req *r, struct pipe_stage st[PIPE_MAX_STAGES], size_t *n)
{
	struct dbres *res;
	int rc;

	*n = 0;
	if ((rc = db_query(r->app->db, &pipe_db, STMT_STAGES, DB_NOARGS,
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res) && *n < PIPE_MAX_STAGES; i++) {
		struct pipe_stage *s = &st[(*n)++];

		snprintf(s->code, sizeof(s->code), "%s", dbres_text(res, i, 0));
		s->position = (int)dbres_int(res, i, 1);
		s->probability = (int)dbres_int(res, i, 2);
		s->open = dbres_int(res, i, 3) != 0;
	}
	dbres_free(res);
	return 0;
}

const struct pipe_stage *
pipe_stage_find(const struct pipe_stage *st, size_t n, const char *code)
{
	if (code == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(st[i].code, code) == 0)
			return &st[i];
	return NULL;
}

int
pipe_stale_days(struct req *r, int *days)
{
	struct dbres *res;
	int rc;

	*days = 30;
	if ((rc = db_query(r->app->db, &pipe_db, STMT_STALE_DAYS, DB_NOARGS,
	    &res)) != 0)
		return rc;
	if (dbres_rows(res) == 1) {
		int64_t v = dbres_int(res, 0, 0);

		if (v >= 1 && v <= 3650)
			*days = (int)v;
	}
	dbres_free(res);
	return 0;
}

int64_t
pipe_today(void)
{
	return tc_date_days(tc_today());
}

const char *
pipe_stage_label(struct req *r, const char *code)
{
	char key[64];

	snprintf(key, sizeof(key), "sales_stage_%s", code);
	return tr(r, key);
}

void
pipe_set_money(struct tdict *d, const char *name, int64_t fen)
{
	char buf[TC_MONEY_SIZE];

	tdict_set(d, name, tc_money_str(buf, fen, true));
}

static int
options(struct req *r, struct tdict *d, const char *section,
    const struct scope *s, const char *selected, int stmt, bool with_code)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &pipe_db, stmt, DB_ARGS(SCOPE_ARGS(s)),
	    &res)) != 0)
		return rc;
	for (size_t i = 0; i < dbres_rows(res); i++) {
		const char *value = dbres_text(res, i, 0);
		char label[512];

		if (with_code)
			snprintf(label, sizeof(label), "%s (%s)",
			    dbres_text(res, i, 1), dbres_text(res, i, 2));
		else
			snprintf(label, sizeof(label), "%s",
			    dbres_text(res, i, 1));
		form_option(d, section, value, label,
		    selected != NULL && strcmp(selected, value) == 0);
	}
	rc = (int)dbres_rows(res);
	dbres_free(res);
	return rc;
}

int
pipe_customer_options(struct req *r, struct tdict *d, const char *section,
    const struct scope *s, const char *selected)
{
	return options(r, d, section, s, selected, STMT_CUSTOMERS, true);
}

int
pipe_rep_options(struct req *r, struct tdict *d, const char *section,
    const struct scope *s, const char *selected)
{
	return options(r, d, section, s, selected, STMT_REPS, false);
}

static int
count_in_scope(struct req *r, int stmt, const struct scope *s, int64_t id)
{
	struct dbres *res;
	int rc;

	if ((rc = db_query(r->app->db, &pipe_db, stmt,
	    DB_ARGS(P_INT(id), SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	rc = dbres_int(res, 0, 0) > 0;
	dbres_free(res);
	return rc;
}

int
pipe_person_in_scope(struct req *r, const struct scope *s, int64_t id)
{
	return count_in_scope(r, STMT_PERSON_IN_SCOPE, s, id);
}

/* The large-deal threshold of scope s (pipeline-priority.h). */
static int
large_threshold(struct req *r, const struct scope *s, int64_t *out)
{
	struct dbres *res;
	size_t k;
	int rc;

	*out = 0;
	if ((rc = db_query(r->app->db, &pipe_db, STMT_OPEN_COUNT,
	    DB_ARGS(SCOPE_ARGS(s)), &res)) != 0)
		return rc;
	k = pipe_large_rank((size_t)dbres_int(res, 0, 0));
	dbres_free(res);
	if (k == 0)
		return 0;
	if ((rc = db_query(r->app->db, &pipe_db, STMT_NTH_OPEN_AMOUNT,
	    DB_ARGS(SCOPE_ARGS(s), P_INT(k - 1)), &res)) != 0)
		return rc;
	if (dbres_rows(res) == 1)
		*out = dbres_money(res, 0, 0);
	dbres_free(res);
	return 0;
}

void
pipe_opps_free(struct pipe_opp *v, size_t n)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].customer);
		free(v[i].owner);
	}
	free(v);
}

static int
by_priority(const void *a, const void *b)
{
	const struct pipe_opp *x = a, *y = b;
	int c;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((c = strcmp(x->close, y->close)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

int
pipe_classify_init(struct req *r, const struct scope *s,
    struct pipe_classify *c)
{
	int rc;

	c->today = pipe_today();
	c->large = 0;
	if ((rc = pipe_stale_days(r, &c->stale_days)) != 0)
		return rc;
	return large_threshold(r, s, &c->large);
}

int
pipe_opp_read(struct pipe_opp *o, const struct dbres *res, size_t i,
    const struct pipe_classify *c)
{
	struct pipe_facts *f = &o->facts;
	int64_t day;

	o->id = dbres_int(res, i, 0);
	o->customer_id = dbres_int(res, i, 2);
	o->owner_id = dbres_int(res, i, 4);
	o->amount = dbres_money(res, i, 6);
	snprintf(o->stage, sizeof(o->stage), "%s", dbres_text(res, i, 7));
	f->stage_pos = (int)dbres_int(res, i, 8);
	f->probability = (int)dbres_int(res, i, 9);
	f->open = dbres_int(res, i, 10) != 0;
	f->amount = o->amount;
	snprintf(o->close, sizeof(o->close), "%s", dbres_text(res, i, 11));
	snprintf(o->follow_up, sizeof(o->follow_up), "%s",
	    dbres_text(res, i, 12));
	f->expected_close = pipe_parse_date(o->close, &day) ? day : c->today;
	f->has_follow_up = pipe_parse_date(o->follow_up, &day);
	f->follow_up = f->has_follow_up ? day : 0;
	f->last_touch = pipe_parse_date(dbres_text(res, i, 13), &day) ?
	    day : c->today;
	f->today = c->today;
	f->stale_days = c->stale_days;
	o->order_id = dbres_int(res, i, 14);
	o->tags = pipe_tags(f, c->large);
	o->score = pipe_priority(f);
	o->weighted = pipe_weighted(o->amount, f->probability);
	o->title = strdup(dbres_text(res, i, 1));
	o->customer = strdup(dbres_text(res, i, 3));
	o->owner = strdup(dbres_text(res, i, 5));
	if (o->title == NULL || o->customer == NULL || o->owner == NULL)
		return TC_ENOMEM;
	return 0;
}

int
pipe_opps_load(struct req *r, const struct scope *s,
    const struct pipe_opp_filter *flt, struct pipe_opp **out, size_t *n)
{
	struct pipe_opp *v = NULL;
	struct dbres *res = NULL;
	struct pipe_classify c;
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = pipe_classify_init(r, s, &c)) != 0)
		return rc;
	if ((rc = db_query(r->app->db, &pipe_db, STMT_OPPS,
	    DB_ARGS(SCOPE_ARGS(s), P_INT(flt->open_only ? 1 : 0),
	    P_INT(flt->id), P_INT(flt->id)), &res)) != 0)
		return rc;
	if (dbres_rows(res) > 0 &&
	    (v = calloc(dbres_rows(res), sizeof(*v))) == NULL) {
		dbres_free(res);
		return TC_ENOMEM;
	}
	for (size_t i = 0; i < dbres_rows(res); i++) {
		if ((rc = pipe_opp_read(&v[k], res, i, &c)) != 0) {
			dbres_free(res);
			pipe_opps_free(v, k + 1);
			return rc;
		}
		k++;
	}
	dbres_free(res);
	tc_sort(v, k, sizeof(*v), by_priority);
	*out = v;
	*n = k;
	return 0;
}

void
pipe_tags_fill(struct req *r, struct tdict *d, unsigned tags)
{
	for (size_t i = 0; i < PIPE_TAG__COUNT; i++) {
		struct tdict *t;
		char key[64];

		if (!(tags & (1u << i)))
			continue;
		t = tdict_add_section(d, "TAG");
		tdict_set(t, "code", pipe_tag_code(i));
		snprintf(key, sizeof(key), "pipe_tag_%s", pipe_tag_code(i));
		tdict_set(t, "label", tr(r, key));
	}
}

size_t
pipe_urlenc(char *buf, size_t len, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t k = 0;

	for (; s != NULL && *s != '\0' && k + 4 < len; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.') {
			buf[k++] = (char)c;
		} else {
			buf[k++] = '%';
			buf[k++] = hex[c >> 4];
			buf[k++] = hex[c & 15];
		}
	}
	if (len > 0)
		buf[k] = '\0';
	return k;
}

static const struct route opportunity_routes[] = {
	{ "GET", "/sales/", ROLES_ALL, pipe_overview_get },
	{ "GET", "/sales/opportunities", ROLES_ALL, pipe_opps_get },
	{ "GET", "/sales/opportunities/new", PIPE_ROLES_WRITE,
	    pipe_opp_new_get },
	{ "POST", "/sales/opportunities/new", PIPE_ROLES_WRITE,
	    pipe_opp_new_post },
	{ "GET", "/sales/opportunities/#", ROLES_ALL, pipe_opp_get },
	{ "GET", "/sales/opportunities/#/edit", PIPE_ROLES_WRITE,
	    pipe_opp_edit_get },
	{ "POST", "/sales/opportunities/#/edit", PIPE_ROLES_WRITE,
	    pipe_opp_edit_post },
	{ "POST", "/sales/opportunities/#/stage", PIPE_ROLES_WRITE,
	    pipe_opp_stage_post },
	{ "GET", "/sales/funnel", ROLES_ALL, pipe_funnel_get },
	{ "GET", "/sales/forecast", ROLES_ALL, pipe_forecast_get },
	{ "GET", "/sales/teams", ROLE_MANAGEMENT, pipe_teams_get },
	{ "GET", "/sales/stages", ROLE_ADMIN, pipe_stages_get },
	{ "POST", "/sales/stages", ROLE_ADMIN, pipe_stages_post },
};

const struct route_set opportunities_route_set = ROUTE_SET(opportunity_routes);
