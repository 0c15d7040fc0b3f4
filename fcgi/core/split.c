/* split.c: the credit split "alice:60|bob:40". */
#include <string.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/split.h"

static int
refuse(struct tc_split_fault *f, int err, size_t entry, const char *at,
    size_t at_len, int share_err)
{
	if (f != NULL) {
		f->entry = entry;
		f->at = at;
		f->at_len = at_len;
		f->share_err = share_err;
	}
	return err;
}

/* Whether one of the (already checked) reps of s before p is named
 * name[0..len). */
static bool
named_before(const char *s, const char *p, const char *name, size_t len)
{
	while (s < p) {
		const char *colon = memchr(s, ':', (size_t)(p - s));
		const char *bar = memchr(s, '|', (size_t)(p - s));

		if ((size_t)(colon - s) == len && memcmp(s, name, len) == 0)
			return true;
		s = bar + 1;
	}
	return false;
}

int
tc_split_parse(const char *s, size_t len, struct tc_share *out,
    size_t max, size_t *n, struct tc_split_fault *fault)
{
	const char *end = s + len, *p = s;
	int64_t total = 0;
	size_t k = 0;

	*n = 0;
	if (len == 0)
		return refuse(fault, TC_ESPLIT_EMPTY, 0, NULL, 0, 0);
	if (memchr(s, ':', len) == NULL && memchr(s, '|', len) == NULL) {
		if (max < 1)
			return refuse(fault, TC_ESPLIT_TOO_MANY, 0, NULL, 0, 0);
		if (out != NULL)
			out[0] = (struct tc_share){ s, len, TC_PCT_100 };
		*n = 1;
		return 0;
	}
	for (;;) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *e = bar != NULL ? bar : end, *colon;
		int64_t sh;
		int rc;

		colon = memchr(p, ':', (size_t)(e - p));
		if (colon == NULL)
			return refuse(fault, TC_ESPLIT_NO_SHARE, k, NULL, 0, 0);
		if (colon == p)
			return refuse(fault, TC_ESPLIT_NO_NAME, k, NULL, 0, 0);
		if (memchr(colon + 1, ':', (size_t)(e - colon - 1)) != NULL)
			return refuse(fault, TC_ESPLIT_BAD_NAME, k, p,
			    (size_t)(e - p), 0);
		if ((rc = tc_dec_parse(colon + 1, (size_t)(e - colon - 1),
		    TC_SCALE_PCT, &sh)) != 0)
			return refuse(fault, TC_ESPLIT_SHARE, k, colon + 1,
			    (size_t)(e - colon - 1), rc);
		if (sh <= 0)
			return refuse(fault, TC_ESPLIT_NOT_POSITIVE, k,
			    colon + 1, (size_t)(e - colon - 1), 0);
		if (sh > TC_PCT_100 || total + sh > TC_PCT_100)
			return refuse(fault, TC_ESPLIT_SUM, k, NULL, 0, 0);
		total += sh;
		if (named_before(s, p, p, (size_t)(colon - p)))
			return refuse(fault, TC_ESPLIT_DUPLICATE, k, p,
			    (size_t)(colon - p), 0);
		if (k == max)
			return refuse(fault, TC_ESPLIT_TOO_MANY, k, NULL, 0, 0);
		if (out != NULL)
			out[k] = (struct tc_share){ p, (size_t)(colon - p), sh };
		k++;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	if (total != TC_PCT_100)
		return refuse(fault, TC_ESPLIT_SUM, k, NULL, 0, 0);
	*n = k;
	return 0;
}

void
tc_split_begin(struct tc_split_iter *it, const char *s, size_t len)
{
	it->p = s;
	it->end = s + len;
}

bool
tc_split_next(struct tc_split_iter *it, struct tc_share *out)
{
	const char *bar, *e, *colon;

	if (it->p == NULL || it->p > it->end)
		return false;
	bar = memchr(it->p, '|', (size_t)(it->end - it->p));
	e = bar != NULL ? bar : it->end;
	colon = memchr(it->p, ':', (size_t)(e - it->p));
	out->name = it->p;
	if (colon == NULL) {          /* "alice" alone */
		out->len = (size_t)(e - it->p);
		out->share = TC_PCT_100;
	} else {
		out->len = (size_t)(colon - it->p);
		if (tc_dec_parse(colon + 1, (size_t)(e - colon - 1),
		    TC_SCALE_PCT, &out->share) != 0)
			out->share = 0;   /* not a checked split */
	}
	it->p = bar != NULL ? bar + 1 : NULL;
	return true;
}

int
tc_split_check_shares(const struct tc_share *sh, size_t n, size_t max,
    struct tc_split_fault *fault)
{
	int64_t total = 0;

	if (n == 0)
		return refuse(fault, TC_ESPLIT_EMPTY, 0, NULL, 0, 0);
	for (size_t i = 0; i < n; i++) {
		if (i == max)
			return refuse(fault, TC_ESPLIT_TOO_MANY, i, NULL, 0, 0);
		if (sh[i].name == NULL || sh[i].len == 0)
			return refuse(fault, TC_ESPLIT_NO_NAME, i, NULL, 0, 0);
		if (memchr(sh[i].name, ':', sh[i].len) != NULL ||
		    memchr(sh[i].name, '|', sh[i].len) != NULL)
			return refuse(fault, TC_ESPLIT_BAD_NAME, i, sh[i].name,
			    sh[i].len, 0);
		if (sh[i].share <= 0)
			return refuse(fault, TC_ESPLIT_NOT_POSITIVE, i, NULL, 0,
			    0);
		if (sh[i].share > TC_PCT_100 || total + sh[i].share > TC_PCT_100)
			return refuse(fault, TC_ESPLIT_SUM, i, NULL, 0, 0);
		total += sh[i].share;
		for (size_t j = 0; j < i; j++)
			if (sh[j].len == sh[i].len &&
			    memcmp(sh[j].name, sh[i].name, sh[i].len) == 0)
				return refuse(fault, TC_ESPLIT_DUPLICATE, i,
				    sh[i].name, sh[i].len, 0);
	}
	if (total != TC_PCT_100)
		return refuse(fault, TC_ESPLIT_SUM, n, NULL, 0, 0);
	return 0;
}

int
tc_split_format(const struct tc_share *sh, size_t n, char *buf, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		char pct[TC_DEC_SIZE];
		size_t pl = tc_dec_format(pct, sh[i].share, TC_SCALE_PCT);
		size_t need = (i > 0) + sh[i].len + 1 + pl;

		if (o + need >= len) {
			if (len > 0)
				buf[0] = '\0';
			return TC_ETOOBIG;
		}
		if (i > 0)
			buf[o++] = '|';
		memcpy(buf + o, sh[i].name, sh[i].len);
		o += sh[i].len;
		buf[o++] = ':';
		memcpy(buf + o, pct, pl);
		o += pl;
	}
	if (len == 0)
		return TC_ETOOBIG;
	buf[o] = '\0';
	return (int)o;
}
