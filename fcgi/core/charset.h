/* charset.h: text in the encoding Chinese office software writes.
 *
 * Excel on a Chinese Windows saves "CSV" in GB18030 (GBK, of which
 * GB2312 is a part) unless told "CSV UTF-8"; the imports take such a file
 * when it is not valid UTF-8 (GB18030 bytes are almost never valid
 * UTF-8), converted with iconv(3).  Pure: no I/O. */
#ifndef TC_CORE_CHARSET_H
#define TC_CORE_CHARSET_H

#include <stddef.h>

/* Converts len bytes of GB18030 text at in to UTF-8 into *out
 * (NUL-terminated, the caller's to free), *outlen bytes without the NUL.
 * Returns 0; TC_EFORMAT when in is not valid GB18030 (an invalid or cut
 * sequence), TC_ENOMEM; *out is NULL on failure. */
int tc_gb18030_to_utf8(const char *in, size_t len, char **out,
    size_t *outlen);

/* The text of an uploaded file as UTF-8, as every CSV import reads it:
 * the bytes themselves when they are valid UTF-8 (no NUL), else converted
 * from GB18030 when that gives valid UTF-8.  On success *text and
 * *textlen give the text (in itself, or *owned: NUL-terminated, the
 * caller's to free; *owned is NULL when nothing was converted).  Returns
 * 0; TC_EFORMAT when the bytes are neither (a NUL byte, a cut GB18030
 * sequence), TC_ENOMEM; *owned is NULL on failure. */
int tc_upload_utf8(const char *in, size_t len, const char **text,
    size_t *textlen, char **owned);

#endif
