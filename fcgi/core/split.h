/* split.h: the credit split of an order, "alice:60|bob:40" (the rep field
 * of spec/commission-calc.md section 1.2), read the same way by the
 * engine, the CSV import and the order form.
 *
 * Part of libtcbase (no I/O, no globals, no allocation).
 *
 * The rules: "alice" alone is alice with 100%.  Otherwise reps are
 * separated by '|', each written name:share; names are not empty, contain
 * neither ':' nor '|' and are distinct (byte for byte); shares are
 * percents without '%' (at most 4 decimals), each greater than 0, summing
 * to exactly 100.  Shares are held at TC_SCALE_PCT (60% is 600000; the
 * whole is TC_PCT_100). */
#ifndef TC_CORE_SPLIT_H
#define TC_CORE_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No limit on the number of reps (for the max arguments below). */
#define TC_SPLIT_ANY SIZE_MAX

/* One credited rep.  name is borrowed (from the parsed text, or from the
 * caller for tc_split_check_shares) and need not be NUL-terminated. */
struct tc_share {
	const char *name;
	size_t len;         /* bytes of name */
	int64_t share;      /* TC_SCALE_PCT */
};

/* Where a split was refused, for a message that names it. */
struct tc_split_fault {
	size_t entry;       /* index of the offending rep (the number of reps
			     * for TC_ESPLIT_SUM at the end, TC_ESPLIT_EMPTY) */
	const char *at;     /* the offending name (TC_ESPLIT_DUPLICATE,
			     * _BAD_NAME) or share text (TC_ESPLIT_SHARE),
			     * borrowed; NULL otherwise */
	size_t at_len;
	int share_err;      /* TC_ESPLIT_SHARE: tc_dec_parse's error */
};

/* Parses and checks the split field s[0..len).  When out is not NULL the
 * reps are stored in out[0..max); either way at most max reps are
 * accepted and their number goes to *n.  Returns 0, or the TC_ESPLIT_*
 * error of the first rule broken (reading left to right), with *fault
 * (may be NULL) saying where.  Nothing is allocated; s is not modified. */
int tc_split_parse(const char *s, size_t len, struct tc_share *out,
    size_t max, size_t *n, struct tc_split_fault *fault);

/* Reading the reps of a split that tc_split_parse accepted, one by one,
 * without an array (for a split of any size):
 *
 *   struct tc_split_iter it;
 *   struct tc_share sh;
 *   tc_split_begin(&it, s, len);
 *   while (tc_split_next(&it, &sh)) ...
 */
struct tc_split_iter {
	const char *p, *end;
};

void tc_split_begin(struct tc_split_iter *it, const char *s, size_t len);

/* Stores the next rep in *out and returns true, or returns false after
 * the last one.  Only for a split tc_split_parse accepted. */
bool tc_split_next(struct tc_split_iter *it, struct tc_share *out);

/* Checks reps and shares given apart (the order form's rows) by the same
 * rules: at least one rep and at most max, names not empty, without ':'
 * or '|', distinct, shares > 0 summing to TC_PCT_100.  Returns 0 or the
 * TC_ESPLIT_* error of the first rule broken, with *fault (may be NULL). */
int tc_split_check_shares(const struct tc_share *sh, size_t n, size_t max,
    struct tc_split_fault *fault);

/* Writes the split as "alice:60|bob:40" (shares without trailing zeros)
 * into buf of size len, NUL-terminated.  Returns the length written, or
 * TC_ETOOBIG when buf is too small (buf then holds ""). */
int tc_split_format(const struct tc_share *sh, size_t n, char *buf,
    size_t len);

#endif
