/* fmt.h: figures as people read them.  Money is int64 fen; a quantity
 * is int64 thousandths; a percent with 4 decimals is int64 x 10^4. */
#ifndef TC_CORE_FMT_H
#define TC_CORE_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FMT_MONEY_SIZE 32

/* Writes fen as "1,234,567.89" (grouped) or "1234567.89" (plain, for
 * forms and CSV), "-" first when negative, never "-0.00".  Returns buf. */
char *fmt_money(char buf[FMT_MONEY_SIZE], int64_t fen, bool grouped);

/* Writes thousandths as a decimal without trailing zeros ("12", "0.125",
 * "-3.5").  Returns buf. */
char *fmt_qty(char buf[FMT_MONEY_SIZE], int64_t milli);

/* Writes a percent held as value x 10^4 without trailing zeros
 * ("33.3333", "60", "2.5").  Returns buf. */
char *fmt_pct4(char buf[FMT_MONEY_SIZE], int64_t v);

/* Parses a decimal with at most scale decimals ("-12.5") into an integer
 * scaled by 10^scale.  Strict: optional '-', digits, optional '.' and
 * digits; no blanks, '+', exponent or separators.  Returns 0, or -1 for
 * bad text, too many decimals or overflow. */
int fmt_parse_scaled(const char *s, int scale, int64_t *out);

/* Writes the amount in Chinese capitals as on a cheque
 * ("壹万贰仟叁佰肆拾伍元陆角柒分", "零元整", "负壹佰元整") into buf of size
 * len.  Returns 0, or -1 when buf is too small. */
int fmt_money_chinese(char *buf, size_t len, int64_t fen);

#endif
