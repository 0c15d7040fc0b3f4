/* period.h: the company's commission periods, open or closed, and the one
 * question every module asks before it changes something dated: is the
 * period of this date closed?
 *
 * The period kind (month, quarter or year) is one setting of the company
 * ([site] period in ticheng.conf), which the commission plan and all its
 * versions inherit.  Periods run from a first day (the commission module
 * begins them at its first plan version's effective_from) to today's
 * period, one row each in the periods table.  Finance closes them in
 * order, oldest first; admin reopens only the latest closed one, with a
 * reason.  So the closed periods are always the oldest ones, and a date
 * is frozen exactly when it is on or before the last day of the latest
 * closed period (dates before the first period included).
 *
 * Dates are integers yyyymmdd (they compare as integers) and the kinds,
 * labels and bounds of periods are core/date.h's, as in the engine.  Every function returns 0 or a negative tc_err; a refusal that
 * a person should read comes with a struct period_why.
 */
#ifndef TC_CORE_PERIOD_H
#define TC_CORE_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/audit.h"
#include "core/date.h"
#include "core/db.h"

enum period_state {
	PERIOD_OPEN = 0,
	PERIOD_CLOSED,
};

/* A period of the calendar: "2026-07", "2026-Q3" or "2026". */
struct period_span {
	enum tc_period_kind kind;
	char    label[TC_PERIOD_SIZE];
	int32_t first, last;        /* yyyymmdd, inclusive */
};

/* A period as the periods table records it. */
struct period {
	int64_t id;
	struct period_span span;
	enum period_state state;
	char closed_by[65];         /* "" when never closed */
	char closed_at[20];         /* "YYYY-MM-DD HH:MM:SS" or "" */
};

/* Why a close or a reopen was refused: a catalogue key for the page
 * (its translation may name {{PERIOD}}, the label in period) and the same
 * reason in English for logs and the command line. */
struct period_why {
	const char *key;            /* "period_err_order", ... */
	char period[TC_PERIOD_SIZE];
	char text[800];
};

/* Fills why: key, the period's label (copied, cut to fit) and the
 * English text from fmt (cut to fit).  Modules refusing something about
 * a period (a run of a closed one) say why with it too. */
void period_why_set(struct period_why *why, const char *key,
    const char *label, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A check another module adds to closing or reopening a period (the
 * commission run must be current; no statement of a reopened period may
 * be approved or paid).  It runs inside the transaction, after every
 * period row is locked.  It returns 0 to let the action go on,
 * TC_EDENIED with why filled to refuse it, or another tc_err. */
struct period_guard {
	int (*check)(struct db *d, const struct period *p, void *arg,
	    struct period_why *why);
	void *arg;
};

/* --- the calendar (pure) --- */

/* The period of kind that contains date.  Never fails for a valid date. */
void period_of_date(enum tc_period_kind kind, int32_t date,
    struct period_span *out);

/* The period of kind labelled label.  Returns 0, or TC_EINVAL when the
 * label is malformed or of another kind ("2026-Q3" for months). */
int period_of_label(enum tc_period_kind kind, const char *label,
    struct period_span *out);

/* The period after (step 1) or before (step -1) p, into out. */
void period_step(const struct period_span *p, int step,
    struct period_span *out);

/* --- the periods table --- */

/* Whether the period of date is closed.  Inside the caller's transaction
 * it holds a shared lock until commit, so that a concurrent close waits
 * for the change the caller is about to make (and then sees it).
 * Returns 0 with *out set, or TC_EDB. */
int period_state(struct db *d, int32_t date, enum period_state *out);

/* The last day of the latest closed period, or 0 when none is closed
 * (then nothing is frozen).  Returns 0 or TC_EDB. */
int period_closed_through(struct db *d, int32_t *out);

/* The first day of the oldest open period: where something late that
 * would be dated in a closed period is booked.  0 when no period is
 * closed (every date is open).  Returns 0 or TC_EDB. */
int period_first_open_day(struct db *d, int32_t *out);

/* Makes the periods start no later than first_day (the first day of a
 * period of kind) and run to today's period.  Moving the start earlier
 * is refused with TC_ECONFLICT when a period is already closed (the new
 * periods would come before closed ones); a start later than the current
 * one changes nothing.  TC_EINVAL when first_day does not begin a period
 * or when the recorded periods are of another kind (why says so). */
int period_begin(struct db *d, enum tc_period_kind kind, int32_t first_day,
    int32_t today, struct period_why *why);

/* Adds the periods from the last recorded one up to today's period (none
 * when no period has begun).  TC_EINVAL (why filled) when the recorded
 * periods are of another kind than kind. */
int period_sync(struct db *d, enum tc_period_kind kind, int32_t today,
    struct period_why *why);

/* Every period, oldest first, after period_sync: a new array in *out
 * (free with free()) of *n entries (0 and NULL before the first).
 * Returns 0, TC_EINVAL (why filled, see period_sync), TC_EDB, TC_ENOMEM. */
int period_list(struct db *d, enum tc_period_kind kind, int32_t today,
    struct period **out, size_t *n, struct period_why *why);

/* The recorded period labelled label.  Returns 0, TC_EINVAL (not a
 * label of kind), TC_ENOTFOUND (no such period recorded) or TC_EDB. */
int period_find(struct db *d, enum tc_period_kind kind, const char *label,
    struct period *out);

/* Closes (结账) the period labelled label, in one transaction: it must be
 * the oldest open period, and it must have ended before today; then each
 * guard must agree.  Writes the period's history and the audit record.
 * Returns 0; TC_EDENIED with why filled when refused; TC_ENOTFOUND
 * (no such period), TC_EINVAL (malformed label, why filled), TC_EDB. */
int period_close(struct db *d, enum tc_period_kind kind, int32_t today,
    const struct actor *who, const char *label,
    const struct period_guard *guards, size_t nguards,
    struct period_why *why);

/* Reopens the period labelled label, in one transaction: it must be the
 * latest closed period, reason must not be blank (at most 500 bytes),
 * and each guard must agree.  Writes the history and the audit record
 * (with the reason).  Returns as period_close. */
int period_reopen(struct db *d, enum tc_period_kind kind,
    const struct actor *who, const char *label, const char *reason,
    const struct period_guard *guards, size_t nguards,
    struct period_why *why);

#endif
