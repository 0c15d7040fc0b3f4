/* csv.c: strict in-place RFC 4180 reader. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "engine/csv.h"
#include "core/error.h"

int
tce_csv_init(struct tce_csv *c, char *buf, size_t len)
{
	memset(c, 0, sizeof(*c));
	c->buf = buf;
	c->len = len;
	c->line = 1;
	buf[len] = '\0';
	if (len >= 3 && (unsigned char)buf[0] == 0xEF &&
	    (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
		c->pos = 3;
	return 0;
}

int
tce_csv_init_part(struct tce_csv *c, char *buf, size_t from, size_t to,
    uint32_t first_line)
{
	memset(c, 0, sizeof(*c));
	c->buf = buf;
	c->len = to;
	c->pos = from;
	c->line = first_line;
	return 0;
}

void
tce_csv_free(struct tce_csv *c)
{
	if (c == NULL)
		return;
	free(c->field);
	free(c->flen);
	c->field = NULL;
	c->flen = NULL;
	c->cap = c->nfield = 0;
}

static int
push(struct tce_csv *c, char *f, size_t n)
{
	if (c->nfield == c->cap) {
		size_t fcap = c->cap, lcap = c->cap;

		/* Two arrays of one capacity: it grows once both have. */
		if (tc_grow(&c->field, &fcap, c->nfield + 1, 16) != 0 ||
		    tc_grow(&c->flen, &lcap, c->nfield + 1, 16) != 0)
			return TC_ENOMEM;
		c->cap = fcap;
	}
	c->field[c->nfield] = f;
	c->flen[c->nfield++] = n;
	return 0;
}

/* Bytes that end an unquoted field or need a closer look. */
static const unsigned char special[256] = {
	[0] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1,
};

int
tce_csv_next(struct tce_csv *c, uint32_t *line, const char **why)
{
	char *b = c->buf;
	size_t p = c->pos, len = c->len;

	c->nfield = 0;
	/* skip empty lines */
	for (;;) {
		if (p >= len) {
			c->pos = p;
			return 0;
		}
		if (b[p] == '\n') {
			p++;
			c->line++;
		} else if (b[p] == '\r' && p + 1 < len && b[p + 1] == '\n') {
			p += 2;
			c->line++;
		} else
			break;
	}
	*line = c->line;
	for (;;) {
		char *start = b + p;
		size_t n;

		if (b[p] == '"') {
			size_t w = p;
			p++;
			for (;;) {
				if (p >= len) {
					*why = "quoted field not closed";
					return TC_EINVAL;
				}
				if (b[p] == '"') {
					if (b[p + 1] == '"') {
						b[w++] = '"';
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (b[p] == '\0') {
					*why = "NUL byte";
					return TC_EINVAL;
				}
				if (b[p] == '\n')
					c->line++;
				b[w++] = b[p++];
			}
			n = w - (size_t)(start - b);
			if (p < len && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
				*why = "stray quote (text after a closing quote)";
				return TC_EINVAL;
			}
			/* the NUL goes at w, before the delimiter at p */
			if (b[p] == ',') {
				b[w] = '\0';
			} else {
				/* line end or EOF: terminate after reading it */
				char d = b[p];
				b[w] = '\0';
				if (p >= len) {
					c->pos = p;
					return push(c, start, n) ? TC_ENOMEM : 1;
				}
				if (d == '\r') {
					if (p + 1 >= len || b[p + 1] != '\n') {
						*why = "carriage return not followed by "
						    "a line feed";
						return TC_EINVAL;
					}
					p++;
				}
				p++;
				c->line++;
				c->pos = p;
				return push(c, start, n) ? TC_ENOMEM : 1;
			}
			p++;
			if (push(c, start, n))
				return TC_ENOMEM;
			continue;
		}
		while (!special[(unsigned char)b[p]])
			p++;
		n = (size_t)(b + p - start);
		switch (b[p]) {
		case ',':
			b[p++] = '\0';
			if (push(c, start, n))
				return TC_ENOMEM;
			continue;
		case '"':
			*why = "stray quote";
			return TC_EINVAL;
		case '\r':
			if (p + 1 >= len || b[p + 1] != '\n') {
				*why = "carriage return not followed by a line feed";
				return TC_EINVAL;
			}
			b[p] = '\0';
			p += 2;
			c->line++;
			break;
		case '\n':
			b[p++] = '\0';
			c->line++;
			break;
		default: /* NUL */
			if (p < len) {
				*why = "NUL byte";
				return TC_EINVAL;
			}
			break;
		}
		c->pos = p;
		return push(c, start, n) ? TC_ENOMEM : 1;
	}
}
