/* plan.h: commission plan versions (spec/commission-calc.md, 1.1) as typed
 * values, and the checks that need several versions at once.  Building a
 * version from JSON is plan_json.c's job (libtcio); this file is pure. */
#ifndef TC_ENGINE_PLAN_H
#define TC_ENGINE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "engine/money.h"

enum tce_attr {            /* the row fields a rule may match */
	TCE_ATTR_PRODUCT_TYPE = 0,
	TCE_ATTR_REGION,
	TCE_ATTR_CHANNEL,
	TCE_ATTR_PRODUCT,
	TCE_ATTR_CUSTOMER,
	TCE_ATTR__MAX
};

enum tce_base {
	TCE_BASE_AMOUNT = 0,
	TCE_BASE_MARGIN,
	TCE_BASE_QUANTITY,
	TCE_BASE_COLLECTED,
};

enum tce_rate_kind {
	TCE_RATE_FLAT = 0,     /* "rate" */
	TCE_RATE_PER_UNIT,     /* "per_unit" */
	TCE_RATE_MARGINAL,     /* "tiers" with mode "marginal" */
	TCE_RATE_WHOLE,        /* "tiers" with mode "whole" */
};

struct tce_band {
	money_t  upto;         /* fen; meaningless when !has_upto */
	bool     has_upto;     /* false only on the last band */
	int64_t  rate;         /* 10^-6 (percent units) */
};

struct tce_rule {
	char            *id;
	int64_t          priority;
	char            *match[TCE_ATTR__MAX]; /* NULL: key absent */
	unsigned         nkeys;                /* present match keys */
	size_t           mlen[TCE_ATTR__MAX];  /* their lengths (tce_plan_add) */
	enum tce_base    base;
	enum tce_rate_kind kind;
	int64_t          rate;      /* TCE_RATE_FLAT: 10^-6 */
	money_t          per_unit;  /* TCE_RATE_PER_UNIT: fen per unit */
	struct tce_band *bands;     /* tiers */
	size_t           nbands;
	uint32_t         global;    /* index over all versions (plan order) */
};

struct tce_step {              /* an accelerator or a bonus */
	int64_t at;                /* attainment threshold, 10^-6 */
	int64_t value;             /* multiplier (10^-4) or bonus (fen) */
};

struct tce_version {
	char                *name;
	char                *currency;
	enum tc_period_kind period;
	int32_t              from, to;   /* yyyymmdd, inclusive; to may be
	                                    TCE_DATE_OPEN */
	struct tce_rule     *rules;
	size_t               nrules;
	size_t              *order;      /* rule indices, in selection order */
	struct tce_step     *accel;      /* ascending thresholds */
	size_t               naccel;
	struct tce_step     *bonus;      /* ascending thresholds */
	size_t               nbonus;
	bool                 has_cap;
	money_t              cap;
	unsigned             source;     /* caller's tag (e.g. argv index) */
};

#define TCE_DATE_OPEN 99999999

struct tce_plan {
	struct tce_version **versions;   /* sorted by effective_from */
	size_t               nversions;
	struct tce_rule    **rules;      /* all rules, by global index */
	size_t               nrules;
	enum tc_period_kind period;
};

/* Returns a new empty plan in *out (free with tce_plan_free).
 * Returns 0 or TC_ENOMEM. */
int tce_plan_new(struct tce_plan **out);

/* Frees p and every version it holds.  Accepts NULL. */
void tce_plan_free(struct tce_plan *p);

/* Frees one version not (yet) owned by a plan.  Accepts NULL. */
void tce_version_free(struct tce_version *v);

/* Prepares v (selection order, sorted thresholds; checks of
 * tce_version_check) and adds it to p, which then owns it (also on
 * failure: then v is freed).  Refuses, with TC_EINVAL and a reason in
 * why (>= 160 bytes), a version whose range overlaps another's, or whose
 * period or currency differs from the others'.  Returns 0, TC_EINVAL or
 * TC_ENOMEM.  On TC_EINVAL *path is the static name of the offending key
 * ("effective_from", "period", "currency"). */
int tce_plan_add(struct tce_plan *p, struct tce_version *v,
    const char **path, char *why, size_t whylen);

/* Returns the version of p whose range contains date, or NULL. */
const struct tce_version *tce_plan_version_at(const struct tce_plan *p,
    int32_t date);

/* Returns the rule of v that governs a row with the given attributes
 * (each NULL or a NUL-terminated value), or NULL when none matches:
 * highest priority, then more match keys, then earlier in the file. */
const struct tce_rule *tce_version_select(const struct tce_version *v,
    const char *const attr[TCE_ATTR__MAX]);

/* Returns whether every match key of rule r holds for a row with the
 * given attributes (the test tce_version_select applies to each rule). */
bool tce_rule_matches(const struct tce_rule *r,
    const char *const attr[TCE_ATTR__MAX]);

/* Returns the static name of a base ("amount", ...). */
const char *tce_base_name(enum tce_base b);

/* Returns the static JSON key of attribute a ("product_type", ...). */
const char *tce_attr_name(enum tce_attr a);

#endif
