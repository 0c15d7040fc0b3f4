/* pipeline-date.c: day numbers as text, and ISO weeks, on core/date.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sales/pipeline-date.h"

bool
pipe_parse_date(const char *s, int64_t *days)
{
	int32_t ymd;

	if (s == NULL || tc_date_parse_str(s, &ymd) != 0)
		return false;
	*days = tc_date_days(ymd);
	return true;
}

char *
pipe_fmt_date(char *buf, size_t len, int64_t days)
{
	char tmp[TC_DATE_SIZE];

	tc_date_format(tmp, tc_date_from_days(days));
	snprintf(buf, len, "%s", tmp);
	return buf;
}

int64_t
pipe_week_monday(int year, int week)
{
	int64_t jan4 = tc_days_from_civil(year, 1, 4);

	return jan4 - (tc_weekday(jan4) - 1) + (int64_t)(week - 1) * 7;
}

void
pipe_iso_week(int64_t days, int *year, int *week)
{
	int64_t thursday = days - tc_weekday(days) + 4;
	int y, m, d;

	tc_civil_from_days(thursday, &y, &m, &d);
	*year = y;
	*week = (int)((thursday - tc_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Reads exactly n digits; -1 if one is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
pipe_parse_week(const char *s, int64_t *monday)
{
	int y, w, cy, cw;
	int64_t mon;

	if (s == NULL || strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return false;
	if ((y = digits(s, 4)) < TC_YEAR_MIN || y > TC_YEAR_MAX ||
	    (w = digits(s + 6, 2)) < 1 || w > 53)
		return false;
	mon = pipe_week_monday(y, w);
	pipe_iso_week(mon, &cy, &cw);
	if (cy != y || cw != w)
		return false;
	*monday = mon;
	return true;
}

char *
pipe_fmt_week(char *buf, size_t len, int64_t days)
{
	int y, w;

	pipe_iso_week(days, &y, &w);
	snprintf(buf, len, "%04d-W%02d", y, w);
	return buf;
}
