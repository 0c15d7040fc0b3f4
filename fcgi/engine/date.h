/* date.h: calendar dates and accumulation periods (month, quarter, year)
 * of the commission contract.  A date is the integer yyyymmdd, so that
 * dates compare as integers. */
#ifndef TC_ENGINE_DATE_H
#define TC_ENGINE_DATE_H

#include <stddef.h>
#include <stdint.h>

enum tce_period_kind {
	TCE_PERIOD_MONTH = 0,
	TCE_PERIOD_QUARTER,
	TCE_PERIOD_YEAR,
};

/* Parses "YYYY-MM-DD" (exactly 10 bytes, a real Gregorian date, years
 * 0001-9999) into *out as yyyymmdd.  Returns 0 or TC_EINVAL. */
int tce_date_parse(const char *s, size_t len, int32_t *out);

/* Returns the period index of date for kind: month y*12+m-1, quarter
 * y*4+q-1, year y.  Period indices increase with time. */
int32_t tce_period_of(enum tce_period_kind kind, int32_t date);

/* Returns the first (tce_period_first) or last (tce_period_last) day of
 * period p as yyyymmdd. */
int32_t tce_period_first(enum tce_period_kind kind, int32_t p);
int32_t tce_period_last(enum tce_period_kind kind, int32_t p);

/* Writes the label of period p ("2026-07", "2026-Q3", "2026") into buf
 * (>= 16 bytes), NUL-terminated; returns its length. */
size_t tce_period_label(char *buf, enum tce_period_kind kind, int32_t p);

/* Parses a period label of any kind; stores its kind and index.
 * Returns 0 or TC_EINVAL for a malformed label. */
int tce_period_parse(const char *s, size_t len, enum tce_period_kind *kind,
    int32_t *p);

/* Returns the static name of kind: "month", "quarter", "year". */
const char *tce_period_kind_name(enum tce_period_kind kind);

#endif
