/* perf.h: the areas of performance.fcgi (业绩管理) and what they share.
 *
 * Rep targets live in commission's targets table (the engine's input);
 * this module owns every page on it and writes it with its own
 * statements and the same validation.  Team targets live in
 * team_targets, never given to the engine.  Evaluation and rankings
 * read the stored results of the calculation runs (commission_summaries,
 * calc_runs), so that they always agree with commission. */
#ifndef TC_PERFORMANCE_PERF_H
#define TC_PERFORMANCE_PERF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/app.h"
#include "core/audit.h"
#include "core/date.h"
#include "core/money.h"
#include "core/module.h"
#include "core/period.h"
#include "core/scope.h"

/* Everyone but admin (who never sees pay). */
#define PERF_ROLES_READ (ROLE_SALES | ROLE_MANAGER | ROLE_HR | \
	ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT)

extern const struct module performance_module;
extern const struct module_code performance_code;

/* Each area's routes (targets.c, evaluation.c, rankings.c). */
extern const struct route_set perf_targets_route_set;
extern const struct route_set perf_eval_route_set;
extern const struct route_set perf_rank_route_set;
extern const struct route_set perf_charts_route_set;   /* charts.c */
extern const struct route_set perf_contests_route_set; /* contests.c */
extern const struct route_set perf_settings_route_set; /* settings.c */
/* Every area, NULL-terminated (access.c). */
extern const struct route_set *const perf_areas[];

/* Who reads which figures (access.c): reps their own, managers their
 * team's, HR, finance, reviewers and management everything. */
extern const struct scope_rule perf_scope_read;

/* The module's sub-navigation ({{>PERF_TABS}}), tab current marked. */
void perf_tabs(struct req *r, const char *current);

/* The company's period kind ([site] period; month when unset). */
enum tc_period_kind perf_kind(const struct conf *c);

/* A setting of performance_settings as an integer, def when missing or
 * not a number. */
int64_t perf_setting(struct db *d, const char *name, int64_t def);

/* Sets name to the money fen grouped ("1,234.50") and shows name_NEG
 * when negative. */
void perf_set_money(struct tdict *d, const char *name, money_t fen);

/* Attainment in hundredths of a percent (10850 is 108.50%), rounded half
 * away from zero, of sales over target (target > 0). */
int64_t perf_attainment(money_t sales, money_t target);

/* Writes hundredths of a percent as "108.50" into buf (TC_DEC_SIZE).
 * Returns buf. */
char *perf_pct_str(char *buf, int64_t hundredths);

/* --- target cells (targets-write.c) --- */

/* One cell of a target grid or one row of an import: a rep (person >
 * 0) or a team (team not NULL), a period label and the amount as typed
 * ("" removes the target). */
struct perf_cell {
	int64_t person;
	const char *team;
	const char *label;
	const char *raw;
	uint32_t line;              /* an import's line, 0 for the grid */
	/* set by perf_targets_save */
	const char *err;            /* catalogue key of the refusal, NULL */
	enum tc_period_kind kind;
	int32_t period;
	money_t amount;             /* 0: no target */
};

struct perf_save_report {
	size_t added, changed, removed, unchanged, refused;
};

/* Checks every cell (a label; an amount to the fen above 0, or empty;
 * a known sales rep who is not the actor, or a known team; a period
 * that is not closed when the value changes) and, when none is refused,
 * writes them all in one transaction with one audit row.  actor_id is
 * the acting person's people.id (0: an operator).  Returns 0; TC_EINVAL
 * with cells[i].err set on the refused ones and nothing written;
 * TC_EDB, TC_ENOMEM. */
int perf_targets_save(struct db *d, const struct actor *who,
    int64_t actor_id, struct perf_cell *cells, size_t n,
    struct perf_save_report *rep);


/* --- figures from the stored results (eval-data.c) --- */

struct perf_rep {
	int64_t person;
	char name[129];
	char login[65];
	char team[65];
	money_t sales;              /* the engine's sales, summed */
	money_t target;             /* 0 with no target */
	int64_t att;                /* hundredths of a percent, when target */
};

struct perf_eval {
	struct period_span span;
	size_t nplan;               /* plan periods in span (0: not a sum of
	                               plan periods: a month under a
	                               quarterly plan) */
	size_t nrun;                /* of which with a done run */
	size_t nstale;              /* of which stale */
	char stale_label[TC_PERIOD_SIZE]; /* the first stale or unrun one */
	struct perf_rep *rep;       /* sorted by login, byte order */
	size_t nrep;
	money_t sales, target;      /* the totals (target of reps with one) */
};

/* The figures of span for the reps of scope s: the engine's stored
 * summaries of every plan period in span (kind plan) summed per rep,
 * with the targets of the plan periods that have no summary row (a rep
 * with a target and no sales shows at 0.00).  Attainment on the summed
 * sales and targets.  Fills *out (free with perf_eval_free).  Returns 0
 * or a tc_err. */
int perf_eval_load(struct db *d, enum tc_period_kind plan,
    const struct period_span *span, const struct scope *s,
    struct perf_eval *out);

void perf_eval_free(struct perf_eval *e);

/* The rep of e with people.id person, or NULL. */
const struct perf_rep *perf_eval_find(const struct perf_eval *e,
    int64_t person);

/* Parses ?period= (a label of any kind), defaulting to today's plan
 * period.  Returns 0 or TC_EINVAL (a malformed label: *span is then
 * today's). */
int perf_period_param(struct req *r, struct period_span *span);

/* Ranks of n values (higher first); ties share a rank (1, 2, 2, 4).
 * rank[i] receives the rank of v[i]. */
void perf_rank(const int64_t *v, size_t n, int *rank);


/* --- contests (contests.c) --- */

#define PERF_PRIZES_MAX 10

/* One participant of a contest, ranked on the measure (higher first;
 * ties share a rank and the prizes of the ranks they hold). */
struct perf_standing {
	int64_t person;
	char name[129];
	char login[65];
	char team[65];
	money_t measure;
	int rank;
	money_t prize;
};

struct perf_contest {
	int64_t id;
	char name[201];
	struct period_span span;
	char team[65];
	char state[16];
	money_t prizes[PERF_PRIZES_MAX];  /* by rank, 0 after the last */
	size_t nprizes;
};

/* Reads contest id.  Returns 0, TC_ENOTFOUND, TC_EDB. */
int perf_contest_load(struct db *d, int64_t id, struct perf_contest *out);

/* The standings of contest c from the stored results, in rank order,
 * with each one's prize: a new array *out of *n (free with free()).
 * Returns 0 or a tc_err. */
int perf_contest_standings(struct db *d, enum tc_period_kind plan,
    const struct perf_contest *c, struct perf_standing **out, size_t *n);

/* Creates a contest of period label for team ("": every rep) with the
 * prizes of ranks 1 to nprizes, audited, in the caller's transaction
 * when one is open.  *id: its id.  Returns 0, TC_EINVAL, TC_EDB. */
int perf_contest_create(struct db *d, const struct actor *who,
    int64_t actor_id, const char *name, const char *label, const char *team,
    const money_t *prizes, size_t nprizes, int64_t *id);

/* Ends contest id (its period over before today): its prizes become
 * adjustments of kind contest_prize, proposed by actor_id as HR, in the
 * first open period on or after its last day, each exactly once (a
 * prize already written is never written again, even if the contest is
 * ended again), with their history rows, one audit row, and the contest
 * marked ended, in one transaction.  *written: how many were new.
 * Returns 0; TC_EDENIED (not over yet, or no open period: why set to a
 * catalogue key); TC_ENOTFOUND; TC_EDB. */
int perf_contest_finish(struct db *d, enum tc_period_kind plan,
    const struct actor *who, int64_t actor_id, int64_t id, int32_t today,
    size_t *written, const char **why);

/* The demo seeder (demo.c). */
int perf_demo_seed(struct module_seed *s);

#endif
