/* date.c: dates and period labels. */
#include "engine/date.h"
#include "core/error.h"

static int
digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int
tce_date_parse(const char *s, size_t len, int32_t *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return TC_EINVAL;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return TC_EINVAL;
	*out = y * 10000 + m * 100 + d;
	return 0;
}

int32_t
tce_period_of(enum tce_period_kind kind, int32_t date)
{
	int32_t y = date / 10000, m = (date / 100) % 100;

	switch (kind) {
	case TCE_PERIOD_QUARTER:
		return y * 4 + (m - 1) / 3;
	case TCE_PERIOD_YEAR:
		return y;
	default:
		return y * 12 + m - 1;
	}
}

int32_t
tce_period_first(enum tce_period_kind kind, int32_t p)
{
	switch (kind) {
	case TCE_PERIOD_QUARTER:
		return (p / 4) * 10000 + ((p % 4) * 3 + 1) * 100 + 1;
	case TCE_PERIOD_YEAR:
		return p * 10000 + 101;
	default:
		return (p / 12) * 10000 + (p % 12 + 1) * 100 + 1;
	}
}

int32_t
tce_period_last(enum tce_period_kind kind, int32_t p)
{
	int y, m;

	switch (kind) {
	case TCE_PERIOD_QUARTER:
		y = p / 4;
		m = (p % 4) * 3 + 3;
		break;
	case TCE_PERIOD_YEAR:
		y = p;
		m = 12;
		break;
	default:
		y = p / 12;
		m = p % 12 + 1;
		break;
	}
	return y * 10000 + m * 100 + days_in_month(y, m);
}

static char *
put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

size_t
tce_period_label(char *buf, enum tce_period_kind kind, int32_t p)
{
	char *q = buf;
	int y = kind == TCE_PERIOD_YEAR ? p : kind == TCE_PERIOD_QUARTER ?
	    p / 4 : p / 12;

	q = put2(q, y / 100);
	q = put2(q, y % 100);
	if (kind == TCE_PERIOD_MONTH) {
		*q++ = '-';
		q = put2(q, p % 12 + 1);
	} else if (kind == TCE_PERIOD_QUARTER) {
		*q++ = '-';
		*q++ = 'Q';
		*q++ = (char)('1' + p % 4);
	}
	*q = '\0';
	return (size_t)(q - buf);
}

int
tce_period_parse(const char *s, size_t len, enum tce_period_kind *kind,
    int32_t *p)
{
	int y, m;

	if (len < 4 || digits(s, 4, &y) || y < 1)
		return TC_EINVAL;
	if (len == 4) {
		*kind = TCE_PERIOD_YEAR;
		*p = y;
		return 0;
	}
	if (len == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' &&
	    s[6] <= '4') {
		*kind = TCE_PERIOD_QUARTER;
		*p = y * 4 + (s[6] - '1');
		return 0;
	}
	if (len == 7 && s[4] == '-' && digits(s + 5, 2, &m) == 0 &&
	    m >= 1 && m <= 12) {
		*kind = TCE_PERIOD_MONTH;
		*p = y * 12 + m - 1;
		return 0;
	}
	return TC_EINVAL;
}

const char *
tce_period_kind_name(enum tce_period_kind kind)
{
	switch (kind) {
	case TCE_PERIOD_QUARTER:
		return "quarter";
	case TCE_PERIOD_YEAR:
		return "year";
	default:
		return "month";
	}
}
