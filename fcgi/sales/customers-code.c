/* customers-code.c: customer codes and names, pure. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sales/customers-code.h"

int
cust_code_valid(const char *s)
{
	size_t n;

	if (s == NULL || (n = strlen(s)) < 1 || n > CUST_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int
cust_code_seq(const char *code, int64_t *seq)
{
	size_t n;
	int64_t v = 0;

	if (code == NULL || code[0] != 'C')
		return 0;
	n = strlen(code + 1);
	if (n < 6 || n > 18)
		return 0;
	for (size_t i = 1; i <= n; i++) {
		if (code[i] < '0' || code[i] > '9')
			return 0;
		v = v * 10 + (code[i] - '0');
	}
	*seq = v;
	return 1;
}

int
cust_code_make(char *buf, size_t len, int64_t seq)
{
	int n;

	if (seq < 1 || seq > INT64_C(999999999999999999))
		return -1;
	n = snprintf(buf, len, "C%06" PRId64, seq);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int
cust_code_next(char *buf, size_t len, const char *max_code)
{
	int64_t seq = 0;

	if (!cust_code_seq(max_code, &seq))
		seq = 0;
	return cust_code_make(buf, len, seq + 1);
}

/* Length of the blank at s (ASCII white space, or U+3000 E3 80 80), or 0. */
static size_t
blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\v' || *s == '\f')
		return 1;
	if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x80)
		return 3;
	return 0;
}

static long
clean(const char *in, char *out, size_t len, int lower)
{
	size_t o = 0, b;
	int pending = 0;

	if (len == 0)
		return -1;
	while (*in != '\0') {
		if ((b = blank_at(in)) > 0) {
			pending = o > 0;
			in += b;
			continue;
		}
		if (pending) {
			if (o + 1 >= len)
				return -1;
			out[o++] = ' ';
			pending = 0;
		}
		if (o + 1 >= len)
			return -1;
		out[o++] = lower && *in >= 'A' && *in <= 'Z' ?
		    (char)(*in - 'A' + 'a') : *in;
		in++;
	}
	out[o] = '\0';
	return (long)o;
}

long
cust_name_clean(const char *in, char *out, size_t len)
{
	return clean(in, out, len, 0);
}

long
cust_name_key(const char *in, char *out, size_t len)
{
	return clean(in, out, len, 1);
}
