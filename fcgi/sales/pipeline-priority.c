/* pipeline-priority.c: classification tags and the priority score of an
 * opportunity (the formula is documented in pipeline-priority.h). */
#include "config.h"

#include <string.h>

#include "sales/pipeline-date.h"
#include "sales/pipeline-priority.h"

static const char *const tag_codes[PIPE_TAG__COUNT] = {
	"overdue", "stale", "closing", "large",
};

const char *
pipe_tag_code(size_t i)
{
	return i < PIPE_TAG__COUNT ? tag_codes[i] : NULL;
}

unsigned
pipe_tag_of(const char *code)
{
	if (code == NULL)
		return 0;
	for (size_t i = 0; i < PIPE_TAG__COUNT; i++)
		if (strcmp(code, tag_codes[i]) == 0)
			return 1u << i;
	return 0;
}

static bool
same_month(int64_t a, int64_t b)
{
	int ya, ma, da, yb, mb, db;

	tc_civil_from_days(a, &ya, &ma, &da);
	tc_civil_from_days(b, &yb, &mb, &db);
	return ya == yb && ma == mb;
}

unsigned
pipe_tags(const struct pipe_facts *f, int64_t large_threshold)
{
	unsigned t = 0;

	if (!f->open)
		return 0;
	if (f->has_follow_up && f->follow_up < f->today)
		t |= PIPE_TAG_OVERDUE;
	if (f->today - f->last_touch >= f->stale_days)
		t |= PIPE_TAG_STALE;
	if (same_month(f->expected_close, f->today))
		t |= PIPE_TAG_CLOSING;
	if (large_threshold > 0 && f->amount > 0 &&
	    f->amount >= large_threshold)
		t |= PIPE_TAG_LARGE;
	return t;
}

size_t
pipe_large_rank(size_t n)
{
	return (n + 9) / 10;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

int64_t
pipe_weighted(int64_t amount, int probability)
{
	__int128 p = (__int128)amount * probability;
	__int128 q = p / 100, r = p % 100;

	if (r >= 50)
		q++;
	else if (r <= -50)
		q--;
	return (int64_t)q;
}

int
pipe_priority(const struct pipe_facts *f)
{
	int64_t score = 0, d, c;

	if (!f->open)
		return 0;
	if (f->has_follow_up && f->follow_up < f->today)
		score += 30 + 2 * min64(f->today - f->follow_up, 30);
	d = f->today - f->last_touch;
	if (d >= f->stale_days)
		score += 20 + min64(d - f->stale_days, 30);
	c = f->expected_close - f->today;
	if (c < 0)
		score += 30;
	else if (c <= 30)
		score += 30 - c;
	score += min64(pipe_weighted(f->amount, f->probability) / 1000000, 40);
	if (f->stage_pos > 1)
		score += 4 * (f->stage_pos - 1);
	return (int)score;
}

int
pipe_conversion_permille(int64_t reached, int64_t entered)
{
	if (entered <= 0)
		return 0;
	return (int)((reached * 1000 + entered / 2) / entered);
}
