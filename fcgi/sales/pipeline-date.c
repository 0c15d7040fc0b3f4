/* pipeline-date.c: days, ISO weeks and months, without the C library's
 * time zone machinery (H. Hinnant's days-from-civil algorithms). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sales/pipeline-date.h"

int64_t
pipe_days(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
pipe_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

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
pipe_parse_date(const char *s, int64_t *days)
{
	int y, m, d, cy, cm, cd;
	int64_t v;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if ((y = digits(s, 4)) < 1900 || (m = digits(s + 5, 2)) < 1 ||
	    m > 12 || (d = digits(s + 8, 2)) < 1 || d > 31)
		return false;
	v = pipe_days(y, m, d);
	pipe_civil(v, &cy, &cm, &cd);
	if (cy != y || cm != m || cd != d)
		return false;
	*days = v;
	return true;
}

char *
pipe_fmt_date(char *buf, size_t len, int64_t days)
{
	int y, m, d;

	pipe_civil(days, &y, &m, &d);
	snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
	return buf;
}

int
pipe_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	int64_t w = (days + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

int64_t
pipe_week_monday(int year, int week)
{
	int64_t jan4 = pipe_days(year, 1, 4);

	return jan4 - (pipe_weekday(jan4) - 1) + (int64_t)(week - 1) * 7;
}

void
pipe_iso_week(int64_t days, int *year, int *week)
{
	int64_t thursday = days - pipe_weekday(days) + 4;
	int y, m, d;

	pipe_civil(thursday, &y, &m, &d);
	*year = y;
	*week = (int)((thursday - pipe_days(y, 1, 1)) / 7 + 1);
}

bool
pipe_parse_week(const char *s, int64_t *monday)
{
	int y, w, cy, cw;
	int64_t mon;

	if (s == NULL || strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return false;
	if ((y = digits(s, 4)) < 1900 || (w = digits(s + 6, 2)) < 1 || w > 53)
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

void
pipe_month_add(int *y, int *m, int n)
{
	int idx = *y * 12 + (*m - 1) + n;

	*y = idx / 12;
	*m = idx % 12 + 1;
}
