/* plan.c: plan versions: ownership, selection order, cross-version checks
 * and rule selection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/plan.h"
#include "core/error.h"

int
tce_plan_new(struct tce_plan **out)
{
	*out = calloc(1, sizeof(**out));
	return *out ? 0 : TC_ENOMEM;
}

void
tce_version_free(struct tce_version *v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; i < v->nrules; i++) {
		struct tce_rule *r = &v->rules[i];
		free(r->id);
		for (int a = 0; a < TCE_ATTR__MAX; a++)
			free(r->match[a]);
		free(r->bands);
	}
	free(v->rules);
	free(v->order);
	free(v->accel);
	free(v->bonus);
	free(v->name);
	free(v->currency);
	free(v);
}

void
tce_plan_free(struct tce_plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nversions; i++)
		tce_version_free(p->versions[i]);
	free(p->versions);
	free(p->rules);
	free(p);
}

/* Insertion sort of rule indices into selection order (stable, so file
 * order breaks the last tie). */
static void
order_rules(struct tce_version *v)
{
	for (size_t i = 0; i < v->nrules; i++)
		v->order[i] = i;
	for (size_t i = 1; i < v->nrules; i++) {
		size_t x = v->order[i], j = i;
		const struct tce_rule *rx = &v->rules[x];
		while (j > 0) {
			const struct tce_rule *ry = &v->rules[v->order[j - 1]];
			if (ry->priority > rx->priority ||
			    (ry->priority == rx->priority && ry->nkeys >= rx->nkeys))
				break;
			v->order[j] = v->order[j - 1];
			j--;
		}
		v->order[j] = x;
	}
}

static void
sort_steps(struct tce_step *s, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct tce_step x = s[i];
		size_t j = i;
		while (j > 0 && s[j - 1].at > x.at) {
			s[j] = s[j - 1];
			j--;
		}
		s[j] = x;
	}
}

int
tce_plan_add(struct tce_plan *p, struct tce_version *v,
    const char **path, char *why, size_t whylen)
{
	struct tce_version **nv;
	struct tce_rule **nr;
	size_t i, pos;

	*path = NULL;
	if ((v->order = calloc(v->nrules + 1, sizeof(*v->order))) == NULL) {
		tce_version_free(v);
		return TC_ENOMEM;
	}
	order_rules(v);
	for (i = 0; i < v->nrules; i++)
		for (int a = 0; a < TCE_ATTR__MAX; a++)
			v->rules[i].mlen[a] = v->rules[i].match[a] ?
			    strlen(v->rules[i].match[a]) : 0;
	sort_steps(v->accel, v->naccel);
	sort_steps(v->bonus, v->nbonus);
	for (i = 0; i < p->nversions; i++) {
		const struct tce_version *o = p->versions[i];
		if (o->period != v->period) {
			*path = "period";
			snprintf(why, whylen, "\"%s\" differs from another "
			    "version's \"%s\"", tc_period_kind_name(v->period),
			    tc_period_kind_name(o->period));
			goto bad;
		}
		if (strcmp(o->currency, v->currency) != 0) {
			*path = "currency";
			snprintf(why, whylen, "\"%s\" differs from another "
			    "version's \"%s\"", v->currency, o->currency);
			goto bad;
		}
		if (v->from <= o->to && o->from <= v->to) {
			*path = "effective_from";
			snprintf(why, whylen, "range overlaps version \"%s\"",
			    o->name);
			goto bad;
		}
	}
	nv = realloc(p->versions, (p->nversions + 1) * sizeof(*nv));
	if (nv == NULL)
		goto nomem;
	p->versions = nv;
	nr = realloc(p->rules, (p->nrules + v->nrules + 1) * sizeof(*nr));
	if (nr == NULL)
		goto nomem;
	p->rules = nr;
	for (pos = 0; pos < p->nversions && p->versions[pos]->from < v->from;
	    pos++)
		;
	memmove(&p->versions[pos + 1], &p->versions[pos],
	    (p->nversions - pos) * sizeof(*nv));
	p->versions[pos] = v;
	p->nversions++;
	p->period = v->period;
	/* Renumber every rule: earlier version first, then file order. */
	p->nrules = 0;
	for (i = 0; i < p->nversions; i++)
		for (size_t r = 0; r < p->versions[i]->nrules; r++) {
			p->versions[i]->rules[r].global = (uint32_t)p->nrules;
			p->rules[p->nrules++] = &p->versions[i]->rules[r];
		}
	return 0;
bad:
	tce_version_free(v);
	return TC_EINVAL;
nomem:
	tce_version_free(v);
	return TC_ENOMEM;
}

const struct tce_version *
tce_plan_version_at(const struct tce_plan *p, int32_t date)
{
	for (size_t i = 0; i < p->nversions; i++)
		if (p->versions[i]->from <= date && date <= p->versions[i]->to)
			return p->versions[i];
	return NULL;
}

const struct tce_rule *
tce_version_select(const struct tce_version *v,
    const char *const attr[TCE_ATTR__MAX])
{
	size_t len[TCE_ATTR__MAX];

	for (int a = 0; a < TCE_ATTR__MAX; a++)
		len[a] = SIZE_MAX; /* not measured yet */
	for (size_t i = 0; i < v->nrules; i++) {
		const struct tce_rule *r = &v->rules[v->order[i]];
		int a;
		for (a = 0; a < TCE_ATTR__MAX; a++) {
			if (r->match[a] == NULL)
				continue;
			if (attr[a] == NULL || attr[a][0] == '\0')
				break;
			if (len[a] == SIZE_MAX)
				len[a] = strlen(attr[a]);
			/* lengths and last bytes first: most rules fail there */
			if (len[a] != r->mlen[a] || attr[a][len[a] - 1] !=
			    r->match[a][len[a] - 1] ||
			    memcmp(attr[a], r->match[a], len[a]) != 0)
				break;
		}
		if (a == TCE_ATTR__MAX)
			return r;
	}
	return NULL;
}

bool
tce_rule_matches(const struct tce_rule *r,
    const char *const attr[TCE_ATTR__MAX])
{
	for (int a = 0; a < TCE_ATTR__MAX; a++) {
		if (r->match[a] == NULL)
			continue;
		if (attr[a] == NULL || attr[a][0] == '\0' ||
		    strcmp(attr[a], r->match[a]) != 0)
			return false;
	}
	return true;
}

const char *
tce_base_name(enum tce_base b)
{
	switch (b) {
	case TCE_BASE_MARGIN: return "margin";
	case TCE_BASE_QUANTITY: return "quantity";
	case TCE_BASE_COLLECTED: return "collected";
	default: return "amount";
	}
}

const char *
tce_attr_name(enum tce_attr a)
{
	static const char *const n[TCE_ATTR__MAX] = {
		"product_type", "region", "channel", "product", "customer"
	};
	return n[a];
}
