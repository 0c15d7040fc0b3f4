/* date.c: dates, day numbers (H. Hinnant's days-from-civil algorithms)
 * and period labels. */
#include <string.h>

#include "core/date.h"
#include "core/error.h"

/* Reads exactly n digits of s into *out; -1 if one is not a digit. */
static int
digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned)(unsigned char)s[i] - '0';

		if (c > 9)
			return -1;
		v = v * 10 + (int)c;
	}
	*out = v;
	return 0;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
tc_days_in_month(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool
tc_date_valid(int y, int m, int d)
{
	return y >= TC_YEAR_MIN && y <= TC_YEAR_MAX && m >= 1 && m <= 12 &&
	    d >= 1 && d <= tc_days_in_month(y, m);
}

int
tc_date_parse(const char *s, size_t len, int32_t *ymd)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) ||
	    digits(s + 5, 2, &m) || digits(s + 8, 2, &d) ||
	    !tc_date_valid(y, m, d))
		return TC_ENOTDATE;
	*ymd = tc_date_make(y, m, d);
	return 0;
}

int
tc_date_parse_str(const char *s, int32_t *ymd)
{
	return tc_date_parse(s, strlen(s), ymd);
}

static char *
put_digits(char *p, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

size_t
tc_date_format(char *buf, int32_t ymd)
{
	char *p = buf;

	p = put_digits(p, tc_date_year(ymd), 4);
	*p++ = '-';
	p = put_digits(p, tc_date_month(ymd), 2);
	*p++ = '-';
	p = put_digits(p, tc_date_day(ymd), 2);
	*p = '\0';
	return (size_t)(p - buf);
}

int64_t
tc_days_from_civil(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
tc_civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int64_t
tc_date_days(int32_t ymd)
{
	return tc_days_from_civil(tc_date_year(ymd), tc_date_month(ymd),
	    tc_date_day(ymd));
}

int32_t
tc_date_from_days(int64_t days)
{
	int y, m, d;

	tc_civil_from_days(days, &y, &m, &d);
	return tc_date_make(y, m, d);
}

int32_t
tc_date_add_days(int32_t ymd, int64_t n)
{
	return tc_date_from_days(tc_date_days(ymd) + n);
}

int64_t
tc_date_diff(int32_t a, int32_t b)
{
	return tc_date_days(b) - tc_date_days(a);
}

int
tc_weekday(int64_t days)
{
	int64_t w = (days + 3) % 7;   /* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

void
tc_month_add(int *y, int *m, int n)
{
	int idx = *y * 12 + (*m - 1) + n;

	*y = idx / 12;
	*m = idx % 12 + 1;
}

int32_t
tc_period_of(enum tc_period_kind kind, int32_t ymd)
{
	int32_t y = tc_date_year(ymd), m = tc_date_month(ymd);

	switch (kind) {
	case TC_PERIOD_QUARTER:
		return y * 4 + (m - 1) / 3;
	case TC_PERIOD_YEAR:
		return y;
	default:
		return y * 12 + m - 1;
	}
}

int32_t
tc_period_first(enum tc_period_kind kind, int32_t p)
{
	switch (kind) {
	case TC_PERIOD_QUARTER:
		return tc_date_make(p / 4, (p % 4) * 3 + 1, 1);
	case TC_PERIOD_YEAR:
		return tc_date_make(p, 1, 1);
	default:
		return tc_date_make(p / 12, p % 12 + 1, 1);
	}
}

int32_t
tc_period_last(enum tc_period_kind kind, int32_t p)
{
	int y, m;

	switch (kind) {
	case TC_PERIOD_QUARTER:
		y = p / 4;
		m = (p % 4) * 3 + 3;
		break;
	case TC_PERIOD_YEAR:
		y = p;
		m = 12;
		break;
	default:
		y = p / 12;
		m = p % 12 + 1;
		break;
	}
	return tc_date_make(y, m, tc_days_in_month(y, m));
}

size_t
tc_period_label(char *buf, enum tc_period_kind kind, int32_t p)
{
	char *q = buf;

	switch (kind) {
	case TC_PERIOD_QUARTER:
		q = put_digits(q, p / 4, 4);
		*q++ = '-';
		*q++ = 'Q';
		*q++ = (char)('1' + p % 4);
		break;
	case TC_PERIOD_YEAR:
		q = put_digits(q, p, 4);
		break;
	default:
		q = put_digits(q, p / 12, 4);
		*q++ = '-';
		q = put_digits(q, p % 12 + 1, 2);
		break;
	}
	*q = '\0';
	return (size_t)(q - buf);
}

int
tc_period_parse(const char *s, size_t len, enum tc_period_kind *kind,
    int32_t *p)
{
	int y, m;

	if (len < 4 || digits(s, 4, &y) || y < TC_YEAR_MIN || y > TC_YEAR_MAX)
		return TC_ENOTPERIOD;
	if (len == 4) {
		*kind = TC_PERIOD_YEAR;
		*p = y;
		return 0;
	}
	if (len != 7 || s[4] != '-')
		return TC_ENOTPERIOD;
	if (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		*kind = TC_PERIOD_QUARTER;
		*p = y * 4 + (s[6] - '1');
		return 0;
	}
	if (digits(s + 5, 2, &m) == 0 && m >= 1 && m <= 12) {
		*kind = TC_PERIOD_MONTH;
		*p = y * 12 + m - 1;
		return 0;
	}
	return TC_ENOTPERIOD;
}

const char *
tc_period_kind_name(enum tc_period_kind kind)
{
	switch (kind) {
	case TC_PERIOD_QUARTER:
		return "quarter";
	case TC_PERIOD_YEAR:
		return "year";
	default:
		return "month";
	}
}

int
tc_period_kind_parse(const char *name, enum tc_period_kind *kind)
{
	static const enum tc_period_kind kinds[] = { TC_PERIOD_MONTH,
	    TC_PERIOD_QUARTER, TC_PERIOD_YEAR };

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(name, tc_period_kind_name(kinds[i])) == 0) {
			*kind = kinds[i];
			return 0;
		}
	return TC_EINVAL;
}
