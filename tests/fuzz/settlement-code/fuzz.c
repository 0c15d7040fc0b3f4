/* settlement-code: the verification code of a printed statement and its
 * QR code (settlement/code.c) over any statement fields.  Input: the
 * secret, the statement number, the period label and the verification
 * URL, separated by NUL bytes, then three 8-byte integers (rep, payable,
 * revision).  A secret under 16 bytes is refused with nothing written;
 * otherwise the code is 32 lower-case hex digits, the same for the same
 * fields, and another one for another revision; the QR path draws unit
 * squares inside the code's width only. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "settlement/settlement.h"

/* The next NUL-ended piece of data (at most 300 bytes), as a string. */
static const char *
piece(const uint8_t **p, const uint8_t *end, char *buf, size_t cap)
{
	size_t n = 0;

	while (*p < end && **p != 0 && n + 1 < cap)
		buf[n++] = (char)*(*p)++;
	if (*p < end)
		(*p)++;
	buf[n] = '\0';
	return buf;
}

static int64_t
number(const uint8_t **p, const uint8_t *end)
{
	uint64_t v = 0;

	for (int i = 0; i < 8 && *p < end; i++)
		v = v << 8 | *(*p)++;
	return (int64_t)v;
}

static void
check_qr(const char *text)
{
	int width = -1, x, y, n;
	char *path = settlement_qr_path(text, &width);
	const char *s;

	if (path == NULL) {
		if (width != 0)
			abort();
		return;
	}
	if (width < 21 || width > 177)
		abort();
	for (s = path; *s != '\0'; s += n) {
		n = 0;
		if (sscanf(s, "M%d %dh1v1h-1z%n", &x, &y, &n) != 2 || n == 0 ||
		    x < 0 || y < 0 || x >= width || y >= width)
			abort();
	}
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	char secret[301], num[301], period[301], url[301];
	char code[SETTLEMENT_CODE_SIZE], again[SETTLEMENT_CODE_SIZE];
	int64_t rep, payable, revision;
	int rc;

	piece(&p, end, secret, sizeof(secret));
	piece(&p, end, num, sizeof(num));
	piece(&p, end, period, sizeof(period));
	piece(&p, end, url, sizeof(url));
	rep = number(&p, end);
	payable = number(&p, end);
	revision = number(&p, end);

	memset(code, 'x', sizeof(code));
	rc = settlement_verify_code(secret, num, rep, period, payable,
	    revision, code);
	if (strlen(secret) < 16 && rc != TC_EINVAL)
		abort();
	if (rc != 0) {
		if (rc != TC_EINVAL || code[0] != '\0')
			abort();
	} else {
		if (strlen(code) != SETTLEMENT_CODE_SIZE - 1 ||
		    strspn(code, "0123456789abcdef") != SETTLEMENT_CODE_SIZE - 1)
			abort();
		if (settlement_verify_code(secret, num, rep, period, payable,
		    revision, again) != 0 || strcmp(code, again) != 0)
			abort();
		if (settlement_verify_code(secret, num, rep, period, payable,
		    revision ^ 1, again) != 0 || strcmp(code, again) == 0)
			abort();
		check_qr(code);
	}
	check_qr(url);
	return 0;
}
