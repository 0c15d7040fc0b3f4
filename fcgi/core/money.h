/* money.h: the one money type of ticheng, and money as people read it:
 * in figures (grouped for pages, plain for forms and files) and in
 * Chinese capitals (大写) as on a cheque or a settlement form.
 *
 * Part of libtcbase (no I/O, no globals, no floating point).  Money is
 * parsed with tc_dec_parse(..., TC_SCALE_MONEY, ...) (core/decimal.h). */
#ifndef TC_CORE_MONEY_H
#define TC_CORE_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"

typedef int64_t money_t; /* fen (0.01 yuan) */

/* Room for any amount tc_money_format writes (grouped, with sign, NUL). */
#define TC_MONEY_SIZE TC_DEC_SIZE

/* Room for any amount tc_money_capitals writes, NUL included. */
#define TC_CAPITALS_SIZE 256

/* Writes fen as yuan with exactly two decimals, '-' first when negative
 * and never "-0.00": grouped by thousands for reading ("1,234,567.89") or
 * plain for forms and files ("1234567.89"), into buf (at least
 * TC_MONEY_SIZE bytes), NUL-terminated.  Returns the length written. */
size_t tc_money_format(char *buf, money_t fen, bool grouped);

/* As tc_money_format, returning buf (for use inside an expression). */
static inline char *
tc_money_str(char buf[TC_MONEY_SIZE], money_t fen, bool grouped)
{
	tc_money_format(buf, fen, grouped);
	return buf;
}

/* Writes the amount in Chinese capitals as a bank writes it on a cheque:
 * "人民币壹万贰仟叁佰肆拾伍元陆角柒分"; "整" after 元 or 角 when no 分
 * follows ("人民币壹佰元整", "人民币伍角整"); "负" before a negative
 * amount ("人民币负伍佰元整"); one "零" for each run of zeros between
 * figures, also between 元 and 分 ("人民币壹仟零伍元零捌分",
 * "人民币壹拾万零伍佰元整"); "人民币零元整" for 0.  Writes into buf of size
 * len (TC_CAPITALS_SIZE always suffices), NUL-terminated.  Returns the
 * length written, or TC_ETOOBIG (buf holding "") when len is too small. */
int tc_money_capitals(char *buf, size_t len, money_t fen);

#endif
