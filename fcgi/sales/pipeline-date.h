/* pipeline-date.h: calendar arithmetic of the pipeline pages (pure).
 *
 * A day is an int64 count of days since 1970-01-01 (negative before),
 * proleptic Gregorian.  Weeks are ISO 8601 weeks (Monday first; week 1
 * holds the year's first Thursday). */
#ifndef TC_SALES_PIPELINE_DATE_H
#define TC_SALES_PIPELINE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The day number of y-m-d (not validated). */
int64_t pipe_days(int y, int m, int d);

/* The calendar date of day number days. */
void pipe_civil(int64_t days, int *y, int *m, int *d);

/* Parses "YYYY-MM-DD" (a real date, years 1900..9999) into *days.
 * Returns true, or false (and *days untouched) for anything else. */
bool pipe_parse_date(const char *s, int64_t *days);

/* Writes day number days as "YYYY-MM-DD" into buf (at least 11 bytes). */
char *pipe_fmt_date(char *buf, size_t len, int64_t days);

/* ISO weekday of days: 1 Monday .. 7 Sunday. */
int pipe_weekday(int64_t days);

/* The ISO week (year and week 1..53) that day days belongs to. */
void pipe_iso_week(int64_t days, int *year, int *week);

/* The Monday of ISO week week of year (not validated). */
int64_t pipe_week_monday(int year, int week);

/* Parses "YYYY-Www" (an existing ISO week) into the day number of its
 * Monday.  Returns true, or false for anything else. */
bool pipe_parse_week(const char *s, int64_t *monday);

/* Writes the ISO week of days as "YYYY-Www" into buf (at least 9 bytes). */
char *pipe_fmt_week(char *buf, size_t len, int64_t days);

/* Adds n months to year/month (n may be negative). */
void pipe_month_add(int *y, int *m, int n);

#endif
