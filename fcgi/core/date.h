/* date.h: calendar dates, civil-day arithmetic and the period labels of
 * a date (spec/commission-calc.md sections 1 and 1.1).
 *
 * Part of libtcbase (no I/O, no globals, no time zones: "today" comes
 * from core/clock.h).  The proleptic Gregorian calendar, years
 * TC_YEAR_MIN..TC_YEAR_MAX everywhere: in CSV files, forms, plans,
 * period labels and what MariaDB's DATE holds.
 *
 * Two forms of a date:
 *   - a date: int32 yyyymmdd (20260705), so that dates compare as
 *     integers; the form the engine and the forms use;
 *   - a day number: int64 days since 1970-01-01 (negative before), for
 *     arithmetic (adding days, weekdays, differences). */
#ifndef TC_CORE_DATE_H
#define TC_CORE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The lowest and highest year of a date: MariaDB's DATE range. */
#define TC_YEAR_MIN 1000
#define TC_YEAR_MAX 9999

/* Room for "YYYY-MM-DD" and its NUL. */
#define TC_DATE_SIZE 11

/* Whether y-m-d is a real date within the years allowed. */
bool tc_date_valid(int y, int m, int d);

/* Returns the number of days of month m (1..12) of year y. */
int tc_days_in_month(int y, int m);

/* Parses "YYYY-MM-DD" (exactly 10 bytes of s, a real date within the
 * years allowed) into *ymd as yyyymmdd.  Returns 0 or TC_ENOTDATE (*ymd
 * untouched). */
int tc_date_parse(const char *s, size_t len, int32_t *ymd);

/* tc_date_parse on the NUL-terminated s. */
int tc_date_parse_str(const char *s, int32_t *ymd);

/* Writes ymd as "YYYY-MM-DD" into buf (at least TC_DATE_SIZE bytes),
 * NUL-terminated.  Returns the length written (10). */
size_t tc_date_format(char *buf, int32_t ymd);

/* As tc_date_format, returning buf. */
static inline char *
tc_date_str(char buf[TC_DATE_SIZE], int32_t ymd)
{
	tc_date_format(buf, ymd);
	return buf;
}

/* The parts of a date. */
static inline int tc_date_year(int32_t ymd) { return ymd / 10000; }
static inline int tc_date_month(int32_t ymd) { return ymd / 100 % 100; }
static inline int tc_date_day(int32_t ymd) { return ymd % 100; }
static inline int32_t
tc_date_make(int y, int m, int d)
{
	return (int32_t)(y * 10000 + m * 100 + d);
}

/* The day number of y-m-d (any y, m 1..12, d 1..31; not validated). */
int64_t tc_days_from_civil(int y, int m, int d);

/* The calendar date of day number days. */
void tc_civil_from_days(int64_t days, int *y, int *m, int *d);

/* A date (yyyymmdd) as a day number, and back. */
int64_t tc_date_days(int32_t ymd);
int32_t tc_date_from_days(int64_t days);

/* ymd plus n days (n may be negative). */
int32_t tc_date_add_days(int32_t ymd, int64_t n);

/* Days from a to b (b - a, negative when b is earlier). */
int64_t tc_date_diff(int32_t a, int32_t b);

/* The ISO weekday of day number days: 1 Monday .. 7 Sunday. */
int tc_weekday(int64_t days);

/* Adds n months (may be negative) to year *y and month *m (1..12). */
void tc_month_add(int *y, int *m, int n);

/* --- Periods: the accumulation periods of commission, targets and
 * closing.  A period is an int32 index that grows with time: a month is
 * y * 12 + m - 1, a quarter y * 4 + q - 1, a year y. */

enum tc_period_kind {
	TC_PERIOD_MONTH = 0,
	TC_PERIOD_QUARTER,
	TC_PERIOD_YEAR,
};

/* Room for a period label ("2026-Q3") and its NUL. */
#define TC_PERIOD_SIZE 16

/* The period of kind that holds date ymd. */
int32_t tc_period_of(enum tc_period_kind kind, int32_t ymd);

/* The first and the last day (yyyymmdd) of period p of kind. */
int32_t tc_period_first(enum tc_period_kind kind, int32_t p);
int32_t tc_period_last(enum tc_period_kind kind, int32_t p);

/* Writes the label of period p: "2026-07", "2026-Q3" or "2026", into buf
 * (at least TC_PERIOD_SIZE bytes), NUL-terminated.  Returns its length. */
size_t tc_period_label(char *buf, enum tc_period_kind kind, int32_t p);

/* Parses a label of any kind (s[0..len), exactly as tc_period_label
 * writes it, years TC_YEAR_MIN..TC_YEAR_MAX) and stores its kind and
 * period.  Returns 0 or TC_ENOTPERIOD. */
int tc_period_parse(const char *s, size_t len, enum tc_period_kind *kind,
    int32_t *p);

/* Returns the static name of kind: "month", "quarter" or "year". */
const char *tc_period_kind_name(enum tc_period_kind kind);

/* Parses a kind's name ("month", "quarter", "year").  Returns 0 or
 * TC_EINVAL. */
int tc_period_kind_parse(const char *name, enum tc_period_kind *kind);

#endif
