/* view.c: helpers of the commission pages (view.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "commission/view.h"
#include "core/money.h"

enum tc_period_kind
cm_kind(const struct req *r)
{
	enum tc_period_kind k = TC_PERIOD_MONTH;

	tc_period_kind_parse(r->app->conf->period, &k);
	return k;
}

void
cm_money(struct tdict *d, const char *name, int64_t fen)
{
	char m[TC_MONEY_SIZE], neg[64];

	tdict_set(d, name, tc_money_str(m, fen, true));
	if (fen < 0) {
		snprintf(neg, sizeof(neg), "%s_neg", name);
		tdict_show_section(d, neg);
	}
}

const char *
cm_why_text(const struct req *r, const struct period_why *why,
    const char *detail, char *buf, size_t len)
{
	const char *t = why->key != NULL ? tr(r, why->key) : why->text;

	if (why->period[0] != '\0')
		snprintf(buf, len, "%s (%s)%s%s", t, why->period,
		    detail != NULL ? ": " : "", detail != NULL ? detail : "");
	else
		snprintf(buf, len, "%s%s%s", t, detail != NULL ? ": " : "",
		    detail != NULL ? detail : "");
	return buf;
}
