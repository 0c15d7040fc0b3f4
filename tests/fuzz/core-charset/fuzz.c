/* core-charset: an upload's bytes through tc_upload_utf8 (core/charset.h),
 * as every CSV import takes them, then through the orders.csv reader.
 * What it accepts is valid UTF-8 without a NUL, of the length it says;
 * UTF-8 is taken as it is (no copy); what it converts from GB18030 goes
 * back to the same bytes (GB18030 maps every character one to one); and
 * the reader never fails on what it is given. */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/charset.h"
#include "core/error.h"
#include "core/request.h"
#include "sales/import-rows.h"

/* Whether utf8[0..n) in GB18030 is in[0..len). */
static int
back_to_gb18030(const char *utf8, size_t n, const uint8_t *in, size_t len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *buf, *src = (char *)utf8, *dst;
	size_t left = n, room = 4 * n + 4;
	int same;

	if (cd == (iconv_t)-1)
		abort();
	if ((buf = malloc(room)) == NULL)
		abort();
	dst = buf;
	same = iconv(cd, &src, &left, &dst, &room) != (size_t)-1 &&
	    (size_t)(dst - buf) == len && memcmp(buf, in, len) == 0;
	iconv_close(cd);
	free(buf);
	return same;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = NULL;
	char *owned = NULL;
	size_t n = 0;
	int rc = tc_upload_utf8((const char *)data, size, &text, &n, &owned);

	if (rc != 0) {
		if (rc != TC_EFORMAT || owned != NULL)
			abort();
		return 0;
	}
	if (!req_utf8_valid(text, n) || memchr(text, '\0', n) != NULL)
		abort();
	if (owned == NULL) {
		if (text != (const char *)data || n != size)
			abort();
	} else {
		if (text != owned || strlen(owned) != n ||
		    !back_to_gb18030(owned, n, data, size))
			abort();
	}
	{
		struct imp_errs errs = { 0 };
		struct imp_orders o;

		if (imp_orders_read(text, n, &o, &errs) != 0)
			abort();
		imp_orders_free(&o);
		imp_errs_free(&errs);
	}
	free(owned);
	return 0;
}
