/* pipeline.h: what the pipeline's files (activities, opportunities,
 * funnel, forecast, overview) share.  Route handlers answer as app.h's
 * route_fn; the helpers fill a page's dictionary from the database,
 * always within a scope (core/scope.h, sales.h's rules). */
#ifndef TC_SALES_PIPELINE_H
#define TC_SALES_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/app.h"
#include "core/form.h"
#include "sales/pipeline-priority.h"
#include "sales/sales.h"

#define PIPE_ROLES_WRITE (ROLE_SALES | ROLE_MANAGER)
#define PIPE_MAX_STAGES 8
#define PIPE_PER_PAGE 50

/* One stage of the funnel, from table stages. */
struct pipe_stage {
	char code[17];
	int position;
	int probability;
	bool open;
};

/* The stages in funnel order.  Returns 0 with *n filled, or a tc_err. */
int pipe_stages(struct req *r, struct pipe_stage st[PIPE_MAX_STAGES],
    size_t *n);

/* The stage of code in st[0..n), or NULL. */
const struct pipe_stage *pipe_stage_find(const struct pipe_stage *st,
    size_t n, const char *code);

/* settings.stale_days (30 when missing or bad).  Returns 0 or a tc_err. */
int pipe_stale_days(struct req *r, int *days);

/* Today's day number (pipeline-date.h), local time. */
int64_t pipe_today(void);

/* The label of stage code in r's language (sales_stage_<code>). */
const char *pipe_stage_label(struct req *r, const char *code);

/* Sets name to fen written grouped ("1,234.50"). */
void pipe_set_money(struct tdict *d, const char *name, int64_t fen);

/* Adds rows of section (value, label, SELECTED) for every customer of
 * scope s, marking selected (a decimal id, may be NULL).  Returns the
 * number of rows, or a negative tc_err. */
int pipe_customer_options(struct req *r, struct tdict *d,
    const char *section, const struct scope *s, const char *selected);

/* The same for the people of scope s who hold sales data (everyone of
 * the scope's teams; for SCOPE_ALL the sales department's people). */
int pipe_rep_options(struct req *r, struct tdict *d, const char *section,
    const struct scope *s, const char *selected);

/* Whether person id is within scope s (for a rep picker).  Returns 1, 0
 * or a negative tc_err. */
int pipe_person_in_scope(struct req *r, const struct scope *s, int64_t id);

/* An opportunity as the lists show it. */
struct pipe_opp {
	int64_t id, customer_id, owner_id, order_id;
	char *title, *customer, *owner;
	char stage[17];
	char close[11], follow_up[11];
	int64_t amount, weighted;
	struct pipe_facts facts;
	unsigned tags;
	int score;
};

/* Which opportunities pipe_opps_load() loads (the overview's and one
 * opportunity's page; the list is core/list's). */
struct pipe_opp_filter {
	bool open_only;
	int64_t id;                 /* one opportunity (0: every one) */
};

/* The columns pipe_opp_read() reads, in this order, from the joins of
 * PIPE_OPP_FROM (the date of the latest activity is kept on the row by
 * a trigger: no subquery per row). */
#define PIPE_OPP_COLS \
	"o.id, o.title, o.customer_id, c.name, o.owner_id, p.name," \
	" o.amount, o.stage, s.position, s.probability, s.is_open," \
	" o.expected_close, o.next_follow_up," \
	" COALESCE(o.last_activity_date, DATE(o.created_at)), o.order_id"
/* STRAIGHT_JOIN: opportunities are read first, through the index of
 * the list's sort; left free, the optimizer may start from customers
 * (a smaller table) and sort every row (tests/db/lists-t). */
#define PIPE_OPP_FROM \
	" FROM opportunities o STRAIGHT_JOIN customers c" \
	" ON c.id = o.customer_id" \
	" STRAIGHT_JOIN people p ON p.id = o.owner_id" \
	" STRAIGHT_JOIN stages s ON s.code = o.stage"

/* The date an opportunity was last touched: its latest activity (kept
 * on the row by a trigger), else its creation. */
#define PIPE_LAST_TOUCH_SQL "COALESCE(o.last_activity_date, DATE(o.created_at))"

/* The priority score of pipeline-priority.h in SQL, for the orders of
 * the opportunities list and the overview (the pages show
 * pipe_priority()'s, from the same facts), over PIPE_OPP_FROM.  Its
 * parameters: today twice, the stale cut-off (today - stale days)
 * twice, today twice. */
#define PIPE_SCORE_SQL \
	"IF(s.is_open," \
	" IF(o.next_follow_up < ?," \
	"  30 + 2 * LEAST(DATEDIFF(?, o.next_follow_up), 30), 0)" \
	" + IF(" PIPE_LAST_TOUCH_SQL " <= ?," \
	"  20 + LEAST(DATEDIFF(?, " PIPE_LAST_TOUCH_SQL "), 30), 0)" \
	" + IF(o.expected_close < ?, 30," \
	"  GREATEST(30 - DATEDIFF(o.expected_close, ?), 0))" \
	" + LEAST(FLOOR(ROUND(o.amount * s.probability / 100, 2) / 10000), 40)" \
	" + 4 * GREATEST(CAST(s.position AS SIGNED) - 1, 0), 0)"

/* The opportunities in an open stage, through the index of stage_pos
 * (sql/sales/004): a condition on o, for PIPE_OPP_FROM. */
#define PIPE_OPEN_SQL \
	"o.stage_pos IN (SELECT os.position FROM stages os WHERE os.is_open)"

/* What the classification of an opportunity needs besides its row. */
struct pipe_classify {
	int64_t today;          /* day number */
	int stale_days;
	int64_t large;          /* the large-deal threshold of the scope, fen */
};

/* Fills c for the reader of scope s.  Returns 0 or a tc_err. */
int pipe_classify_init(struct req *r, const struct scope *s,
    struct pipe_classify *c);

/* Fills o (zeroed by the caller) from row i of res (PIPE_OPP_COLS), its
 * tags, score and weighted amount computed.  Returns 0 or TC_ENOMEM (o
 * holds what it could copy: free with pipe_opps_free). */
int pipe_opp_read(struct pipe_opp *o, const struct dbres *res, size_t i,
    const struct pipe_classify *c);

/* Loads the opportunities of scope s matching flt, with their tags and
 * score computed, in priority order (score desc, expected close asc, id
 * asc).  *out is an array of *n (free with pipe_opps_free).  Returns 0
 * or a tc_err. */
int pipe_opps_load(struct req *r, const struct scope *s,
    const struct pipe_opp_filter *flt, struct pipe_opp **out, size_t *n);

void pipe_opps_free(struct pipe_opp *v, size_t n);

/* Adds the tag labels of tags as rows of section TAG (code, label) of d. */
void pipe_tags_fill(struct req *r, struct tdict *d, unsigned tags);

/* Percent-encodes s for a query string into buf.  Returns its length. */
size_t pipe_urlenc(char *buf, size_t len, const char *s);

/* Adds the routes' handlers of the other files. */
int pipe_overview_get(struct req *r);
int pipe_funnel_get(struct req *r);
int pipe_forecast_get(struct req *r);
int pipe_teams_get(struct req *r);     /* pipeline-teams.c */
int pipe_stages_get(struct req *r);
int pipe_stages_post(struct req *r);
int pipe_opps_get(struct req *r);
int pipe_opp_new_get(struct req *r);
int pipe_opp_new_post(struct req *r);
int pipe_opp_get(struct req *r);
int pipe_opp_edit_get(struct req *r);
int pipe_opp_edit_post(struct req *r);
int pipe_opp_stage_post(struct req *r);

/* The activity timeline of opportunity id (section TIMELINE rows) into
 * d.  Returns 0 or a tc_err. */
int pipe_timeline_fill(struct req *r, struct tdict *d, int64_t customer,
    int64_t opportunity);

#endif
