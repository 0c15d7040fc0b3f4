/* plan_json.c: plan version loader (jansson). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/decimal.h"
#include "engine/plan_json.h"
#include "core/date.h"
#include "core/error.h"

struct pj {
	struct tce_diag *err;
	unsigned         source;
	char             path[160];
};

static int
fail(struct pj *pj, int rc, const char *fmt, ...)
{
	va_list ap;

	memset(pj->err, 0, sizeof(*pj->err));
	pj->err->src = TCE_SRC_PLAN;
	pj->err->version = pj->source;
	snprintf(pj->err->path, sizeof(pj->err->path), "%s", pj->path);
	va_start(ap, fmt);
	vsnprintf(pj->err->msg, sizeof(pj->err->msg), fmt, ap);
	va_end(ap);
	return rc;
}

/* Sets the path to base + ".key" (or "key" at the top) and returns the
 * length to restore afterwards. */
static size_t
enter(struct pj *pj, const char *key)
{
	size_t l = strlen(pj->path);

	snprintf(pj->path + l, sizeof(pj->path) - l, "%s%s", l ? "." : "",
	    key);
	return l;
}

static size_t
enter_index(struct pj *pj, size_t i)
{
	size_t l = strlen(pj->path);

	snprintf(pj->path + l, sizeof(pj->path) - l, "[%zu]", i);
	return l;
}

static void
leave(struct pj *pj, size_t l)
{
	pj->path[l] = '\0';
}

static int
check_keys(struct pj *pj, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i;
		(void)v;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(allowed[i], key) == 0)
				break;
		if (allowed[i] == NULL) {
			enter(pj, key);
			return fail(pj, TC_EINVAL, "unknown key");
		}
	}
	return 0;
}

static const char *
type_name(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* Finds key in obj with JSON type want; *out NULL when absent and not
 * required.  Leaves the path at the key (caller restores with *mark). */
static int
get(struct pj *pj, json_t *obj, const char *key, json_type want,
    int required, json_t **out, size_t *mark)
{
	json_t *v = json_object_get(obj, key);
	static const char *const want_name[] = {
		[JSON_OBJECT] = "an object", [JSON_ARRAY] = "an array",
		[JSON_STRING] = "a string", [JSON_INTEGER] = "an integer",
	};

	*mark = enter(pj, key);
	*out = v;
	if (v == NULL) {
		if (required)
			return fail(pj, TC_EINVAL, "missing");
		return 0;
	}
	if (json_typeof(v) != want)
		return fail(pj, TC_EINVAL, "%s, not %s", type_name(v),
		    want_name[want]);
	return 0;
}

static int
get_string(struct pj *pj, json_t *obj, const char *key, int required,
    const char **out)
{
	json_t *v;
	size_t m;
	int rc = get(pj, obj, key, JSON_STRING, required, &v, &m);

	if (rc)
		return rc;
	*out = v ? json_string_value(v) : NULL;
	if (v && strlen(*out) != json_string_length(v))
		return fail(pj, TC_EINVAL, "contains a NUL character");
	leave(pj, m);
	return 0;
}

/* kinds of decimal values */
enum dec { D_MONEY, D_PERCENT, D_MULT };

static int
get_decimal(struct pj *pj, json_t *obj, const char *key, int required,
    enum dec kind, int64_t *out, int *present)
{
	const char *s;
	json_t *v;
	size_t m;
	int rc = get(pj, obj, key, JSON_STRING, required, &v, &m);

	if (rc)
		return rc;
	if (present)
		*present = v != NULL;
	if (v == NULL) {
		leave(pj, m);
		return 0;
	}
	s = json_string_value(v);
	switch (kind) {
	case D_PERCENT:
		rc = tc_pct_parse(s, strlen(s), out);
		break;
	case D_MULT:
		rc = tc_dec_parse(s, strlen(s), TC_SCALE_MULT, out);
		break;
	default:
		rc = tc_dec_parse(s, strlen(s), TC_SCALE_MONEY, out);
		break;
	}
	if (rc == 0 && strlen(s) != json_string_length(v))
		rc = TC_ENOTNUM;
	if (rc)
		return fail(pj, rc == TC_ETOOBIG ? rc : TC_EINVAL,
		    "\"%.40s\": %s", s, tc_strerror(rc));
	if (*out < 0)
		return fail(pj, TC_EINVAL, "negative");
	leave(pj, m);
	return 0;
}

static int
get_date(struct pj *pj, json_t *obj, const char *key, int required,
    int32_t *out, int *present)
{
	const char *s;
	int rc = get_string(pj, obj, key, required, &s);
	size_t m;

	if (rc)
		return rc;
	*present = s != NULL;
	if (s == NULL)
		return 0;
	m = enter(pj, key);
	if (tc_date_parse(s, strlen(s), out) != 0)
		return fail(pj, TC_EINVAL, "\"%.40s\": not a date (YYYY-MM-DD)",
		    s);
	leave(pj, m);
	return 0;
}

static const char *const band_keys[] = { "upto", "rate", NULL };
static const char *const tiers_keys[] = { "mode", "bands", NULL };

static int
parse_tiers(struct pj *pj, json_t *t, struct tce_rule *r)
{
	const char *mode;
	json_t *bands;
	size_t m, i, n;
	int rc;

	if ((rc = check_keys(pj, t, tiers_keys)) != 0 ||
	    (rc = get_string(pj, t, "mode", 1, &mode)) != 0)
		return rc;
	if (strcmp(mode, "marginal") == 0)
		r->kind = TCE_RATE_MARGINAL;
	else if (strcmp(mode, "whole") == 0)
		r->kind = TCE_RATE_WHOLE;
	else {
		enter(pj, "mode");
		return fail(pj, TC_EINVAL, "\"%.40s\": neither marginal nor "
		    "whole", mode);
	}
	if ((rc = get(pj, t, "bands", JSON_ARRAY, 1, &bands, &m)) != 0)
		return rc;
	n = json_array_size(bands);
	if (n == 0)
		return fail(pj, TC_EINVAL, "no bands");
	if ((r->bands = calloc(n, sizeof(*r->bands))) == NULL)
		return TC_ENOMEM;
	r->nbands = n;
	for (i = 0; i < n; i++) {
		json_t *b = json_array_get(bands, i);
		struct tce_band *bd = &r->bands[i];
		size_t mi = enter_index(pj, i);
		int has;
		if (!json_is_object(b))
			return fail(pj, TC_EINVAL, "%s, not an object",
			    type_name(b));
		if ((rc = check_keys(pj, b, band_keys)) != 0 ||
		    (rc = get_decimal(pj, b, "rate", 1, D_PERCENT, &bd->rate,
		    NULL)) != 0 ||
		    (rc = get_decimal(pj, b, "upto", 0, D_MONEY, &bd->upto,
		    &has)) != 0)
			return rc;
		bd->has_upto = has;
		if (i + 1 == n && has) {
			enter(pj, "upto");
			return fail(pj, TC_EINVAL, "the last band has no upto");
		}
		if (i + 1 < n && !has) {
			enter(pj, "upto");
			return fail(pj, TC_EINVAL, "missing (every band but the "
			    "last has one)");
		}
		if (has && bd->upto <= 0) {
			enter(pj, "upto");
			return fail(pj, TC_EINVAL, "not above 0");
		}
		if (has && i > 0 && bd->upto <= r->bands[i - 1].upto) {
			enter(pj, "upto");
			return fail(pj, TC_EINVAL, "not above the previous band's");
		}
		leave(pj, mi);
	}
	leave(pj, m);
	return 0;
}

static const char *const rule_keys[] = { "id", "priority", "match", "base",
    "rate", "per_unit", "tiers", NULL };

static int
parse_rule(struct pj *pj, json_t *o, struct tce_rule *r)
{
	const char *id, *base;
	json_t *v;
	size_t m;
	int rc, nkind = 0, has;

	if (!json_is_object(o))
		return fail(pj, TC_EINVAL, "%s, not an object", type_name(o));
	if ((rc = check_keys(pj, o, rule_keys)) != 0 ||
	    (rc = get_string(pj, o, "id", 1, &id)) != 0)
		return rc;
	if (id[0] == '\0') {
		enter(pj, "id");
		return fail(pj, TC_EINVAL, "empty");
	}
	if ((r->id = strdup(id)) == NULL)
		return TC_ENOMEM;
	if ((rc = get(pj, o, "priority", JSON_INTEGER, 0, &v, &m)) != 0)
		return rc;
	r->priority = v ? (int64_t)json_integer_value(v) : 0;
	leave(pj, m);
	if ((rc = get(pj, o, "match", JSON_OBJECT, 0, &v, &m)) != 0)
		return rc;
	if (v != NULL) {
		static const char *const match_keys[] = { "product_type",
		    "region", "channel", "product", "customer", NULL };
		const char *s;
		if ((rc = check_keys(pj, v, match_keys)) != 0)
			return rc;
		for (int a = 0; a < TCE_ATTR__MAX; a++) {
			if ((rc = get_string(pj, v, match_keys[a], 0, &s)) != 0)
				return rc;
			if (s != NULL) {
				if ((r->match[a] = strdup(s)) == NULL)
					return TC_ENOMEM;
				r->nkeys++;
			}
		}
	}
	leave(pj, m);
	if ((rc = get_string(pj, o, "base", 1, &base)) != 0)
		return rc;
	if (strcmp(base, "amount") == 0)
		r->base = TCE_BASE_AMOUNT;
	else if (strcmp(base, "margin") == 0)
		r->base = TCE_BASE_MARGIN;
	else if (strcmp(base, "quantity") == 0)
		r->base = TCE_BASE_QUANTITY;
	else if (strcmp(base, "collected") == 0)
		r->base = TCE_BASE_COLLECTED;
	else {
		enter(pj, "base");
		return fail(pj, TC_EINVAL, "\"%.40s\": not one of amount, "
		    "margin, quantity, collected", base);
	}
	if ((rc = get_decimal(pj, o, "rate", 0, D_PERCENT, &r->rate,
	    &has)) != 0)
		return rc;
	if (has) {
		nkind++;
		r->kind = TCE_RATE_FLAT;
	}
	if ((rc = get_decimal(pj, o, "per_unit", 0, D_MONEY, &r->per_unit,
	    &has)) != 0)
		return rc;
	if (has) {
		nkind++;
		r->kind = TCE_RATE_PER_UNIT;
	}
	if ((rc = get(pj, o, "tiers", JSON_OBJECT, 0, &v, &m)) != 0)
		return rc;
	if (v != NULL) {
		nkind++;
		if ((rc = parse_tiers(pj, v, r)) != 0)
			return rc;
	}
	leave(pj, m);
	if (nkind != 1)
		return fail(pj, TC_EINVAL, "%s of rate, per_unit and tiers "
		    "(exactly one is needed)", nkind ? "several" : "none");
	if (r->kind == TCE_RATE_PER_UNIT && r->base != TCE_BASE_QUANTITY) {
		enter(pj, "per_unit");
		return fail(pj, TC_EINVAL, "needs base quantity, not %s", base);
	}
	if (r->kind != TCE_RATE_PER_UNIT && r->base == TCE_BASE_QUANTITY) {
		enter(pj, r->kind == TCE_RATE_FLAT ? "rate" : "tiers");
		return fail(pj, TC_EINVAL, "needs a money base, not quantity");
	}
	return 0;
}

/* accelerators or bonuses */
static int
parse_steps(struct pj *pj, json_t *root, const char *key, const char *vkey,
    enum dec vkind, struct tce_step **out, size_t *nout)
{
	const char *const keys[] = { "attainment", vkey, NULL };
	json_t *arr;
	size_t m, n, i;
	int rc = get(pj, root, key, JSON_ARRAY, 0, &arr, &m);

	if (rc)
		return rc;
	if (arr == NULL) {
		leave(pj, m);
		return 0;
	}
	n = json_array_size(arr);
	if ((*out = calloc(n + 1, sizeof(**out))) == NULL)
		return TC_ENOMEM;
	for (i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);
		size_t mi = enter_index(pj, i);
		if (!json_is_object(o))
			return fail(pj, TC_EINVAL, "%s, not an object",
			    type_name(o));
		if ((rc = check_keys(pj, o, keys)) != 0 ||
		    (rc = get_decimal(pj, o, "attainment", 1, D_PERCENT,
		    &(*out)[i].at, NULL)) != 0 ||
		    (rc = get_decimal(pj, o, vkey, 1, vkind, &(*out)[i].value,
		    NULL)) != 0)
			return rc;
		for (size_t k = 0; k < i; k++)
			if ((*out)[k].at == (*out)[i].at) {
				enter(pj, "attainment");
				return fail(pj, TC_EINVAL, "repeated threshold");
			}
		(*nout)++;
		leave(pj, mi);
	}
	leave(pj, m);
	return 0;
}

static const char *const top_keys[] = { "plan", "currency", "period",
    "effective_from", "effective_to", "rules", "accelerators", "cap",
    "bonuses", NULL };

static int
parse_version(struct pj *pj, json_t *root, struct tce_version *v)
{
	const char *s;
	json_t *rules;
	size_t m, n, i;
	int rc, has, cap;
	int64_t capv;

	if (!json_is_object(root))
		return fail(pj, TC_EINVAL, "the plan is %s, not an object",
		    type_name(root));
	if ((rc = check_keys(pj, root, top_keys)) != 0 ||
	    (rc = get_string(pj, root, "plan", 1, &s)) != 0)
		return rc;
	if (s[0] == '\0') {
		enter(pj, "plan");
		return fail(pj, TC_EINVAL, "empty");
	}
	if ((v->name = strdup(s)) == NULL)
		return TC_ENOMEM;
	if ((rc = get_string(pj, root, "currency", 0, &s)) != 0)
		return rc;
	if (s != NULL && s[0] == '\0') {
		enter(pj, "currency");
		return fail(pj, TC_EINVAL, "empty");
	}
	if ((v->currency = strdup(s ? s : "CNY")) == NULL)
		return TC_ENOMEM;
	if ((rc = get_string(pj, root, "period", 0, &s)) != 0)
		return rc;
	if (s == NULL || strcmp(s, "month") == 0)
		v->period = TC_PERIOD_MONTH;
	else if (strcmp(s, "quarter") == 0)
		v->period = TC_PERIOD_QUARTER;
	else if (strcmp(s, "year") == 0)
		v->period = TC_PERIOD_YEAR;
	else {
		enter(pj, "period");
		return fail(pj, TC_EINVAL, "\"%.40s\": not month, quarter or "
		    "year", s);
	}
	if ((rc = get_date(pj, root, "effective_from", 1, &v->from, &has)))
		return rc;
	if (tc_period_first(v->period, tc_period_of(v->period, v->from)) !=
	    v->from) {
		enter(pj, "effective_from");
		return fail(pj, TC_EINVAL, "not the first day of a %s",
		    tc_period_kind_name(v->period));
	}
	if ((rc = get_date(pj, root, "effective_to", 0, &v->to, &has)))
		return rc;
	if (!has)
		v->to = TCE_DATE_OPEN;
	else if (tc_period_last(v->period, tc_period_of(v->period,
	    v->to)) != v->to) {
		enter(pj, "effective_to");
		return fail(pj, TC_EINVAL, "not the last day of a %s",
		    tc_period_kind_name(v->period));
	} else if (v->to < v->from) {
		enter(pj, "effective_to");
		return fail(pj, TC_EINVAL, "before effective_from");
	}
	if ((rc = get(pj, root, "rules", JSON_ARRAY, 1, &rules, &m)) != 0)
		return rc;
	n = json_array_size(rules);
	if ((v->rules = calloc(n + 1, sizeof(*v->rules))) == NULL)
		return TC_ENOMEM;
	for (i = 0; i < n; i++) {
		size_t mi = enter_index(pj, i);
		v->nrules++;
		if ((rc = parse_rule(pj, json_array_get(rules, i),
		    &v->rules[i])) != 0)
			return rc;
		for (size_t k = 0; k < i; k++)
			if (strcmp(v->rules[k].id, v->rules[i].id) == 0) {
				enter(pj, "id");
				return fail(pj, TC_EINVAL, "\"%.40s\" repeated (also "
				    "rules[%zu])", v->rules[i].id, k);
			}
		leave(pj, mi);
	}
	leave(pj, m);
	if ((rc = parse_steps(pj, root, "accelerators", "multiplier", D_MULT,
	    &v->accel, &v->naccel)) != 0 ||
	    (rc = get_decimal(pj, root, "cap", 0, D_MONEY, &capv, &cap)) != 0 ||
	    (rc = parse_steps(pj, root, "bonuses", "amount", D_MONEY,
	    &v->bonus, &v->nbonus)) != 0)
		return rc;
	v->has_cap = cap;
	v->cap = cap ? capv : 0;
	return 0;
}

int
tce_plan_json_parse(const char *text, size_t len, unsigned source,
    struct tce_version **out, struct tce_diag *err)
{
	struct pj pj;
	json_error_t je;
	json_t *root;
	struct tce_version *v;
	int rc;

	*out = NULL;
	memset(&pj, 0, sizeof(pj));
	pj.err = err;
	pj.source = source;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		memset(err, 0, sizeof(*err));
		err->src = TCE_SRC_PLAN;
		err->version = source;
		err->line = je.line > 0 ? (uint32_t)je.line : 1;
		snprintf(err->msg, sizeof(err->msg), "%s", je.text);
		return TC_EINVAL;
	}
	if ((v = calloc(1, sizeof(*v))) == NULL) {
		json_decref(root);
		return TC_ENOMEM;
	}
	v->source = source;
	rc = parse_version(&pj, root, v);
	json_decref(root);
	if (rc != 0) {
		if (rc == TC_ENOMEM)
			fail(&pj, rc, "out of memory");
		tce_version_free(v);
		return rc;
	}
	*out = v;
	return 0;
}

/* --- writing --- */

/* A non-negative count of 10^-scale units in its shortest exact form,
 * followed by suffix: 60000 at scale 4 is "6", 27500 is "2.75". */
static json_t *
shortest_json(int64_t v, int scale, const char *suffix)
{
	int64_t unit = 1, ip, fp;
	int decimals = scale;
	char b[48];

	for (int i = 0; i < scale; i++)
		unit *= 10;
	ip = v / unit;
	fp = v % unit;
	if (fp == 0)
		decimals = 0;
	while (fp != 0 && fp % 10 == 0) {
		fp /= 10;
		decimals--;
	}
	if (decimals == 0)
		snprintf(b, sizeof(b), "%lld%s", (long long)ip, suffix);
	else
		snprintf(b, sizeof(b), "%lld.%0*lld%s", (long long)ip, decimals,
		    (long long)fp, suffix);
	return json_string(b);
}

/* Money: whole yuan without decimals, else exactly two ("2.50"). */
static json_t *
money_json(money_t fen)
{
	char b[48];

	if (fen % 100 == 0)
		snprintf(b, sizeof(b), "%lld", (long long)(fen / 100));
	else
		snprintf(b, sizeof(b), "%lld.%02lld", (long long)(fen / 100),
		    (long long)(fen % 100));
	return json_string(b);
}

/* A percent held in 10^-6 (100% = 10^6): "6%", "2.75%". */
static json_t *
percent_json(int64_t v)
{
	return shortest_json(v, TC_SCALE_PCT, "%");
}

static json_t *
mult_json(int64_t v)
{
	return shortest_json(v, TC_SCALE_MULT, "");
}

static json_t *
date_json(int32_t d)
{
	char b[16];

	snprintf(b, sizeof(b), "%04d-%02d-%02d", (int)(d / 10000 % 10000),
	    (int)(d / 100 % 100), (int)(d % 100));
	return json_string(b);
}

/* Sets key of obj to value (stolen); a NULL value (out of memory) makes
 * the whole write fail. */
static int
put_key(json_t *obj, const char *key, json_t *value)
{
	return value == NULL || json_object_set_new(obj, key, value) != 0 ?
	    TC_ENOMEM : 0;
}

static json_t *
rule_json(const struct tce_rule *r)
{
	json_t *o = json_object(), *m = NULL, *tiers, *bands;
	int rc = o == NULL ? TC_ENOMEM : 0;

	if (rc == 0)
		rc = put_key(o, "id", json_string(r->id));
	if (rc == 0 && r->priority != 0)
		rc = put_key(o, "priority", json_integer(r->priority));
	if (rc == 0 && r->nkeys > 0) {
		rc = put_key(o, "match", m = json_object());
		for (int a = 0; rc == 0 && a < TCE_ATTR__MAX; a++)
			if (r->match[a] != NULL)
				rc = put_key(m, tce_attr_name(a),
				    json_string(r->match[a]));
	}
	if (rc == 0)
		rc = put_key(o, "base", json_string(tce_base_name(r->base)));
	if (rc == 0) {
		switch (r->kind) {
		case TCE_RATE_FLAT:
			rc = put_key(o, "rate", percent_json(r->rate));
			break;
		case TCE_RATE_PER_UNIT:
			rc = put_key(o, "per_unit", money_json(r->per_unit));
			break;
		default:
			rc = put_key(o, "tiers", tiers = json_object());
			if (rc == 0)
				rc = put_key(tiers, "mode", json_string(
				    r->kind == TCE_RATE_WHOLE ? "whole" :
				    "marginal"));
			if (rc == 0)
				rc = put_key(tiers, "bands", bands =
				    json_array());
			for (size_t i = 0; rc == 0 && i < r->nbands; i++) {
				json_t *b = json_object();

				if (b == NULL || json_array_append_new(bands,
				    b) != 0)
					rc = TC_ENOMEM;
				if (rc == 0 && r->bands[i].has_upto)
					rc = put_key(b, "upto",
					    money_json(r->bands[i].upto));
				if (rc == 0)
					rc = put_key(b, "rate",
					    percent_json(r->bands[i].rate));
			}
			break;
		}
	}
	if (rc != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int
steps_json(json_t *root, const char *key, const char *vkey, int money,
    const struct tce_step *s, size_t n)
{
	json_t *arr;
	int rc;

	if (n == 0)
		return 0;
	if ((rc = put_key(root, key, arr = json_array())) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		if (o == NULL || json_array_append_new(arr, o) != 0 ||
		    put_key(o, "attainment", percent_json(s[i].at)) != 0 ||
		    put_key(o, vkey, money ? money_json(s[i].value) :
		    mult_json(s[i].value)) != 0)
			return TC_ENOMEM;
	}
	return 0;
}

int
tce_plan_json_write(const struct tce_version *v, char **out, size_t *len)
{
	json_t *root = json_object(), *rules;
	char *text = NULL;
	int rc = root == NULL ? TC_ENOMEM : 0;

	*out = NULL;
	*len = 0;
	if (rc == 0)
		rc = put_key(root, "plan", json_string(v->name));
	if (rc == 0)
		rc = put_key(root, "currency", json_string(v->currency));
	if (rc == 0)
		rc = put_key(root, "period",
		    json_string(tc_period_kind_name(v->period)));
	if (rc == 0)
		rc = put_key(root, "effective_from", date_json(v->from));
	if (rc == 0 && v->to != TCE_DATE_OPEN)
		rc = put_key(root, "effective_to", date_json(v->to));
	if (rc == 0)
		rc = put_key(root, "rules", rules = json_array());
	for (size_t i = 0; rc == 0 && i < v->nrules; i++) {
		json_t *r = rule_json(&v->rules[i]);

		if (r == NULL || json_array_append_new(rules, r) != 0)
			rc = TC_ENOMEM;
	}
	if (rc == 0)
		rc = steps_json(root, "accelerators", "multiplier", 0, v->accel,
		    v->naccel);
	if (rc == 0 && v->has_cap)
		rc = put_key(root, "cap", money_json(v->cap));
	if (rc == 0)
		rc = steps_json(root, "bonuses", "amount", 1, v->bonus,
		    v->nbonus);
	if (rc == 0 && (text = json_dumps(root, JSON_INDENT(2))) == NULL)
		rc = TC_ENOMEM;
	json_decref(root);
	if (rc != 0)
		return rc;
	*len = strlen(text);
	/* json_dumps' buffer, one byte longer for the final newline */
	if ((*out = realloc(text, *len + 2)) == NULL) {
		free(text);
		return TC_ENOMEM;
	}
	(*out)[(*len)++] = '\n';
	(*out)[*len] = '\0';
	return 0;
}
