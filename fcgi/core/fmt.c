/* fmt.c: formatting and strict parsing of figures. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"

static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

char *
fmt_money(char buf[FMT_MONEY_SIZE], int64_t fen, bool grouped)
{
	uint64_t a = magnitude(fen), units = a / 100;
	char digits[32], *p = buf;
	int n, i;

	if (fen < 0)
		*p++ = '-';
	n = snprintf(digits, sizeof(digits), "%" PRIu64, units);
	for (i = 0; i < n; i++) {
		*p++ = digits[i];
		if (grouped && (n - i - 1) % 3 == 0 && i != n - 1)
			*p++ = ',';
	}
	snprintf(p, FMT_MONEY_SIZE - (p - buf), ".%02" PRIu64, a % 100);
	return buf;
}

/* Writes v / 10^scale without trailing zeros. */
static char *
fmt_scaled(char buf[FMT_MONEY_SIZE], int64_t v, int scale)
{
	uint64_t a = magnitude(v), pow = 1;
	char frac[24];
	int n;

	for (int i = 0; i < scale; i++)
		pow *= 10;
	n = snprintf(buf, FMT_MONEY_SIZE, "%s%" PRIu64, v < 0 ? "-" : "",
	    a / pow);
	if (a % pow != 0) {
		int len;

		snprintf(frac, sizeof(frac), "%0*" PRIu64, scale, a % pow);
		len = (int)strlen(frac);
		while (len > 0 && frac[len - 1] == '0')
			frac[--len] = '\0';
		snprintf(buf + n, FMT_MONEY_SIZE - n, ".%s", frac);
	}
	return buf;
}

char *
fmt_qty(char buf[FMT_MONEY_SIZE], int64_t milli)
{
	return fmt_scaled(buf, milli, 3);
}

char *
fmt_pct4(char buf[FMT_MONEY_SIZE], int64_t v)
{
	return fmt_scaled(buf, v, 4);
}

int
fmt_parse_scaled(const char *s, int scale, int64_t *out)
{
	int64_t v = 0;
	int neg = 0, decimals = 0, digits = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (digits == 0)
		return -1;
	if (*s == '.') {
		s++;
		for (; *s >= '0' && *s <= '9'; s++, decimals++) {
			if (decimals == scale || v > (INT64_MAX - 9) / 10)
				return -1;
			v = v * 10 + (*s - '0');
		}
		if (decimals == 0)
			return -1;
	}
	if (*s != '\0')
		return -1;
	for (; decimals < scale; decimals++) {
		if (v > INT64_MAX / 10)
			return -1;
		v *= 10;
	}
	*out = neg ? -v : v;
	return 0;
}

int
fmt_money_chinese(char *buf, size_t len, int64_t fen)
{
	static const char *const digit[] = { "零", "壹", "贰", "叁", "肆",
	    "伍", "陆", "柒", "捌", "玖" };
	static const char *const unit[] = { "", "拾", "佰", "仟" };
	static const char *const group[] = { "", "万", "亿", "万亿" };
	uint64_t a = magnitude(fen), yuan = a / 100;
	unsigned jiao = (a / 10) % 10, fen_d = a % 10;
	char out[512] = "";
	size_t o = 0;

#define PUT(s) do { size_t l_ = strlen(s); \
	if (o + l_ >= sizeof(out)) return -1; \
	memcpy(out + o, (s), l_); o += l_; out[o] = '\0'; } while (0)

	if (fen < 0)
		PUT("负");
	if (yuan == 0) {
		if (jiao == 0 && fen_d == 0) {
			PUT("零元整");
			goto done;
		}
	} else {
		unsigned groups[8];
		int ng = 0;
		bool zero_pending = false, started = false;

		for (uint64_t y = yuan; y > 0; y /= 10000)
			groups[ng++] = y % 10000;
		for (int g = ng - 1; g >= 0; g--) {
			unsigned v = groups[g];

			if (v == 0) {
				zero_pending = started;
				continue;
			}
			for (int k = 3; k >= 0; k--) {
				unsigned d = v / (k == 3 ? 1000 : k == 2 ? 100 :
				    k == 1 ? 10 : 1) % 10;

				if (d == 0) {
					zero_pending = started;
					continue;
				}
				if (zero_pending)
					PUT("零");
				PUT(digit[d]);
				PUT(unit[k]);
				zero_pending = false;
				started = true;
			}
			PUT(group[g < 4 ? g : 3]);
		}
		PUT("元");
		if (jiao == 0 && fen_d == 0) {
			PUT("整");
			goto done;
		}
		if (jiao == 0)
			PUT("零");
	}
	if (jiao != 0) {
		PUT(digit[jiao]);
		PUT("角");
	}
	if (fen_d != 0) {
		PUT(digit[fen_d]);
		PUT("分");
	} else
		PUT("整");
done:
	if (o + 1 > len)
		return -1;
	memcpy(buf, out, o + 1);
	return 0;
#undef PUT
}
