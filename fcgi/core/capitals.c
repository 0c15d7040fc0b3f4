/* capitals.c: money in Chinese capitals (大写), as on a cheque. */
#include <string.h>

#include "core/error.h"
#include "core/money.h"

static const char *const digit_cn[10] = { "零", "壹", "贰", "叁", "肆",
    "伍", "陆", "柒", "捌", "玖" };
static const char *const place_cn[4] = { "", "拾", "佰", "仟" };

struct out {
	char *buf;
	size_t len, at;
	bool full;
};

static void
put(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (o->full || o->at + n >= o->len) {
		o->full = true;
		return;
	}
	memcpy(o->buf + o->at, s, n);
	o->at += n;
	o->buf[o->at] = '\0';
}

/* Whether any of the digits d[from .. to] (powers of ten) is not 0. */
static bool
any_digit(const unsigned char *d, int n, int from, int to)
{
	for (int p = from; p <= to && p < n; p++)
		if (d[p] != 0)
			return true;
	return false;
}

/* Writes yuan (> 0) in capitals: each figure with its place (拾佰仟),
 * 万 and 亿 after the groups of four and eight figures that hold any, and
 * one 零 for each run of zeros followed by a figure. */
static void
put_yuan(struct out *o, uint64_t yuan)
{
	unsigned char d[20];
	int n = 0;
	bool zeros = false;

	for (; yuan > 0; yuan /= 10)
		d[n++] = (unsigned char)(yuan % 10);
	for (int p = n - 1; p >= 0; p--) {
		if (d[p] == 0)
			zeros = true;
		else {
			if (zeros)
				put(o, "零");
			zeros = false;
			put(o, digit_cn[d[p]]);
			put(o, place_cn[p % 4]);
		}
		if (p == 0 || p % 4 != 0)
			continue;
		if (p % 8 == 4) {
			if (any_digit(d, n, p, p + 3))
				put(o, "万");
		} else if (any_digit(d, n, p, p + 7)) {
			for (int k = 0; k < p / 8; k++)
				put(o, "亿");
		}
	}
}

int
tc_money_capitals(char *buf, size_t len, money_t fen)
{
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;
	uint64_t yuan = a / 100;
	unsigned jiao = (unsigned)(a / 10 % 10), fen1 = (unsigned)(a % 10);
	struct out o = { buf, len, 0, len == 0 };

	if (len > 0)
		buf[0] = '\0';
	put(&o, "人民币");
	if (fen < 0)
		put(&o, "负");
	if (yuan > 0 || (jiao == 0 && fen1 == 0)) {
		if (yuan > 0)
			put_yuan(&o, yuan);
		else
			put(&o, "零");
		put(&o, "元");
	}
	if (jiao != 0) {
		put(&o, digit_cn[jiao]);
		put(&o, "角");
	} else if (yuan > 0 && fen1 != 0)
		put(&o, "零");
	if (fen1 != 0) {
		put(&o, digit_cn[fen1]);
		put(&o, "分");
	} else
		put(&o, "整");
	if (o.full) {
		if (len > 0)
			buf[0] = '\0';
		return TC_ETOOBIG;
	}
	return (int)o.at;
}
