/* pipeline-date.h: the day numbers and ISO weeks of the pipeline pages
 * (pure), on core/date.h's calendar and day arithmetic.
 *
 * A day is an int64 day number (core/date.h: days since 1970-01-01).
 * Weeks are ISO 8601 weeks (Monday first; week 1 holds the year's first
 * Thursday). */
#ifndef TC_SALES_PIPELINE_DATE_H
#define TC_SALES_PIPELINE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

/* Parses "YYYY-MM-DD" (tc_date_parse: a real date) into the day number
 * *days.  Returns true, or false (and *days untouched) for anything else. */
bool pipe_parse_date(const char *s, int64_t *days);

/* Writes day number days as "YYYY-MM-DD" into buf (at least
 * TC_DATE_SIZE bytes; len is its size).  Returns buf. */
char *pipe_fmt_date(char *buf, size_t len, int64_t days);

/* The ISO week (year and week 1..53) that day days belongs to. */
void pipe_iso_week(int64_t days, int *year, int *week);

/* The Monday of ISO week week of year (not validated). */
int64_t pipe_week_monday(int year, int week);

/* Parses "YYYY-Www" (an existing ISO week of the years core/date.h
 * allows) into the day number of its Monday.  Returns true, or false for
 * anything else. */
bool pipe_parse_week(const char *s, int64_t *monday);

/* Writes the ISO week of days as "YYYY-Www" into buf (at least 9 bytes). */
char *pipe_fmt_week(char *buf, size_t len, int64_t days);

#endif
