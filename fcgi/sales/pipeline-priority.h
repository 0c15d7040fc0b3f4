/* pipeline-priority.h: the automatic classification of opportunities and
 * their priority score (pure: no I/O, unit-tested).
 *
 * Everything is computed from a struct pipe_facts that the pages fill
 * from the database; days are pipe_days() numbers (pipeline-date.h). */
#ifndef TC_SALES_PIPELINE_PRIORITY_H
#define TC_SALES_PIPELINE_PRIORITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What the classification and the score look at. */
struct pipe_facts {
	bool open;              /* stage is open (not won or lost) */
	int stage_pos;          /* stages.position: lead 1 .. negotiation 4 */
	int probability;        /* percent 0..100 of the stage */
	int64_t amount;         /* fen, >= 0 */
	bool has_follow_up;     /* next_follow_up is set */
	int64_t follow_up;      /* day of next_follow_up */
	int64_t last_touch;     /* day of the latest activity, else creation */
	int64_t expected_close; /* day */
	int64_t today;          /* day */
	int stale_days;         /* settings.stale_days, >= 1 */
};

/* Classification tags (bits). */
enum pipe_tag {
	PIPE_TAG_OVERDUE = 1 << 0,  /* open, next_follow_up < today */
	PIPE_TAG_STALE = 1 << 1,    /* open, today - last_touch >= stale_days */
	PIPE_TAG_CLOSING = 1 << 2,  /* open, expected_close in today's month */
	PIPE_TAG_LARGE = 1 << 3,    /* open, amount > 0 and >= the threshold */
};
#define PIPE_TAG__COUNT 4

/* The code of tag bit index i ("overdue", "stale", "closing", "large"),
 * or NULL past the end. */
const char *pipe_tag_code(size_t i);

/* The tag bit of code ("stale"), or 0 when code is no tag. */
unsigned pipe_tag_of(const char *code);

/* The tags of f.  large_threshold is the amount (fen) at or above which
 * an open opportunity is a large deal (see pipe_large_rank); 0 means "no
 * open opportunity in scope", and then nothing is large. */
unsigned pipe_tags(const struct pipe_facts *f, int64_t large_threshold);

/* Large deals are the top decile by amount of the open opportunities of
 * the person's scope: with n open opportunities, the threshold is the
 * amount of the k-th largest, k = ceil(n / 10) (so at least one when
 * n > 0; ties with the k-th are large too).  Returns k (0 when n is 0). */
size_t pipe_large_rank(size_t n);

/* The priority score of f (higher: needs attention sooner); 0 when the
 * opportunity is closed.  Integer points, the sum of:
 *
 *   overdue follow-up   next_follow_up < today:
 *                         30 + 2 x min(days overdue, 30)          (32..90)
 *   stale               d = today - last_touch >= stale_days:
 *                         20 + min(d - stale_days, 30)             (20..50)
 *   closing soon        c = expected_close - today:
 *                         c < 0 (close date passed): 30;
 *                         0 <= c <= 30: 30 - c; later: 0            (0..30)
 *   weighted amount     amount x probability / 100, one point per full
 *                         CNY 10,000 (1,000,000 fen), at most 40   (0..40)
 *   stage               4 x (stage_pos - 1): lead 0, qualified 4,
 *                         proposal 8, negotiation 12                (0..12)
 *
 * Ties are broken by the caller (expected close, then id). */
int pipe_priority(const struct pipe_facts *f);

/* Weighted amount of amount fen at probability percent, rounded half
 * away from zero to the fen. */
int64_t pipe_weighted(int64_t amount, int probability);

/* Conversion in tenths of a percent (0..1000) of reached out of entered,
 * rounded half up; 0 when entered is 0. */
int pipe_conversion_permille(int64_t reached, int64_t entered);

#endif
