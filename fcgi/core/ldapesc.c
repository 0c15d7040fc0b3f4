/* ldapesc.c: RFC 4515 escaping of LDAP filter values. */
#include <stdlib.h>

#include "core/ldapesc.h"

static int
needs_escape(unsigned char c)
{
	return c == '*' || c == '(' || c == ')' || c == '\\' || c < 0x20 ||
	    c == 0x7f;
}

size_t
ldapesc_filter_value_len(const char *in, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += needs_escape((unsigned char)in[i]) ? 3 : 1;
	return n;
}

static void
escape_into(char *out, const char *in, size_t len)
{
	static const char hx[] = "0123456789abcdef";
	size_t i, j = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		if (needs_escape(c)) {
			out[j++] = '\\';
			out[j++] = hx[c >> 4];
			out[j++] = hx[c & 0x0f];
		} else
			out[j++] = (char)c;
	}
	out[j] = '\0';
}

char *
ldapesc_filter_value(const char *in, size_t len)
{
	size_t n = ldapesc_filter_value_len(in, len);
	char *out = malloc(n + 1);

	if (out == NULL)
		return NULL;
	escape_into(out, in, len);
	return out;
}

int
ldapesc_filter_value_buf(char *buf, size_t sz, const char *in, size_t len)
{
	size_t n = ldapesc_filter_value_len(in, len);

	if (n >= sz || n > (size_t)0x7fffffff) {
		if (sz)
			buf[0] = '\0';
		return TC_ETOOBIG;
	}
	escape_into(buf, in, len);
	return (int)n;
}
