/* charset.c: GB18030 to UTF-8 (charset.h). */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/charset.h"
#include "core/error.h"
#include "core/request.h"

int
tc_gb18030_to_utf8(const char *in, size_t len, char **out, size_t *outlen)
{
	iconv_t cd;
	char *buf, *src = (char *)in, *dst;
	size_t cap, left = len, room;
	int rc = 0;

	*out = NULL;
	*outlen = 0;
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return errno == ENOMEM ? TC_ENOMEM : TC_EFORMAT;
	/* a GB18030 character of 1, 2 or 4 bytes is at most 4 bytes of
	 * UTF-8: twice the input is room enough, plus the NUL */
	cap = 2 * len + 1;
	if ((buf = malloc(cap)) == NULL) {
		iconv_close(cd);
		return TC_ENOMEM;
	}
	dst = buf;
	room = cap - 1;
	if (iconv(cd, &src, &left, &dst, &room) == (size_t)-1)
		rc = errno == E2BIG ? TC_ENOMEM : TC_EFORMAT;
	/* nothing may be left in a shift state or half read */
	else if (iconv(cd, NULL, NULL, &dst, &room) == (size_t)-1)
		rc = TC_EFORMAT;
	iconv_close(cd);
	if (rc != 0) {
		free(buf);
		return rc;
	}
	*dst = '\0';
	*out = buf;
	*outlen = (size_t)(dst - buf);
	return 0;
}

int
tc_upload_utf8(const char *in, size_t len, const char **text,
    size_t *textlen, char **owned)
{
	char *conv = NULL;
	size_t n = 0;
	int rc;

	*owned = NULL;
	if (req_utf8_valid(in, len)) {
		*text = in;
		*textlen = len;
		return 0;
	}
	if ((rc = tc_gb18030_to_utf8(in, len, &conv, &n)) != 0)
		return rc;
	if (!req_utf8_valid(conv, n)) {
		free(conv);
		return TC_EFORMAT;
	}
	*owned = conv;
	*text = conv;
	*textlen = n;
	return 0;
}
