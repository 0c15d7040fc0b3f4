/* request.c: pure parsing of query strings, bodies and request headers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/request.h"

#define PART_HEADER_MAX 1024   /* one multipart header line, bytes */
#define PART_HEADERS_MAX 16    /* header lines in one part */
#define BOUNDARY_MAX 70        /* RFC 2046 */

const struct req_limits req_limits_default = {
	.max_body = 8u << 20,
	.max_fields = 10000,   /* a target grid: 500 reps x 12 months */
	.max_name = 128,
	.max_value = 64u << 10,
	.max_file = 8u << 20,
};

void
req_fields_init(struct req_fields *f)
{
	f->pairs = NULL;
	f->n = f->cap = 0;
}

void
req_fields_free(struct req_fields *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->pairs[i].name);
		free(f->pairs[i].value);
		free(f->pairs[i].filename);
		free(f->pairs[i].ctype);
	}
	free(f->pairs);
	req_fields_init(f);
}

int
req_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		uint32_t cp;
		size_t len, k;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else
			return 0;
		if (n - i < len)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

/* Appends one pair taking ownership of name, value, filename and ctype
 * (all freed on failure). */
static int
fields_push(struct req_fields *f, char *name, char *value, size_t valsz,
    char *filename, char *ctype, const struct req_limits *lim)
{
	struct req_pair *np;

	if (f->n >= lim->max_fields) {
		free(name); free(value); free(filename); free(ctype);
		return TC_ETOO_MANY_FIELDS;
	}
	if (tc_grow(&f->pairs, &f->cap, f->n + 1, 16) != 0) {
		free(name); free(value); free(filename); free(ctype);
		return TC_ENOMEM;
	}
	np = &f->pairs[f->n++];
	np->name = name;
	np->value = value;
	np->valsz = valsz;
	np->filename = filename;
	np->ctype = ctype;
	return 0;
}

int
req_fields_add(struct req_fields *f, const char *name, const char *value)
{
	static const struct req_limits unlimited = { 0, (size_t)-1, 0, 0, 0 };
	char *n, *v;

	if (value == NULL)
		value = "";
	n = strdup(name);
	v = strdup(value);
	if (n == NULL || v == NULL) {
		free(n);
		free(v);
		return TC_ENOMEM;
	}
	return fields_push(f, n, v, strlen(v), NULL, NULL, &unlimited);
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) ('+' as space, %XX) into a new NUL-terminated string of
 * at most max bytes; *out gets it and *outsz its length. */
static int
url_decode(const char *s, size_t n, size_t max, int toolong, char **out,
    size_t *outsz)
{
	char *d;
	size_t i, j = 0;

	*out = NULL;
	/* The decoded form is never longer than the encoded one. */
	d = malloc(n + 1);
	if (d == NULL)
		return TC_ENOMEM;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '+')
			c = ' ';
		else if (c == '%') {
			int h, l;
			if (n - i < 3 || (h = hexval(s[i + 1])) < 0 ||
			    (l = hexval(s[i + 2])) < 0) {
				free(d);
				return TC_EBAD_ESCAPE;
			}
			c = (unsigned char)(h << 4 | l);
			i += 2;
		}
		if (j >= max) {
			free(d);
			return toolong;
		}
		d[j++] = (char)c;
	}
	d[j] = '\0';
	if (!req_utf8_valid(d, j)) {
		free(d);
		return TC_EBAD_UTF8;
	}
	*out = d;
	*outsz = j;
	return 0;
}

static int
parse_urlencoded(struct req_fields *f, const char *s, size_t len,
    const struct req_limits *lim)
{
	size_t pos = 0;

	if (len > lim->max_body)
		return TC_EBODY_TOO_LARGE;
	while (pos < len) {
		const char *seg = s + pos, *amp, *eq;
		size_t seglen, nlen, vlen, nsz, vsz;
		char *name, *value;
		int rc;

		amp = memchr(seg, '&', len - pos);
		seglen = amp ? (size_t)(amp - seg) : len - pos;
		pos += seglen + 1;
		if (seglen == 0)
			continue;
		eq = memchr(seg, '=', seglen);
		nlen = eq ? (size_t)(eq - seg) : seglen;
		vlen = eq ? seglen - nlen - 1 : 0;
		if (nlen == 0)
			continue;
		if (f->n >= lim->max_fields)
			return TC_ETOO_MANY_FIELDS;
		rc = url_decode(seg, nlen, lim->max_name, TC_ENAME_TOO_LONG,
		    &name, &nsz);
		if (rc)
			return rc;
		if (nsz == 0) {
			free(name);
			continue;
		}
		rc = url_decode(eq ? eq + 1 : "", vlen, lim->max_value,
		    TC_EVALUE_TOO_LONG, &value, &vsz);
		if (rc) {
			free(name);
			return rc;
		}
		rc = fields_push(f, name, value, vsz, NULL, NULL, lim);
		if (rc)
			return rc;
	}
	return 0;
}

int
req_parse_query(struct req_fields *f, const char *qs, size_t len,
    const struct req_limits *lim)
{
	return parse_urlencoded(f, qs, len, lim);
}

int
req_parse_urlencoded(struct req_fields *f, const char *body, size_t len,
    const struct req_limits *lim)
{
	return parse_urlencoded(f, body, len, lim);
}

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int
ci_prefix(const char *s, size_t n, const char *pfx)
{
	size_t i, pl = strlen(pfx);

	if (n < pl)
		return 0;
	for (i = 0; i < pl; i++)
		if (lower((unsigned char)s[i]) != pfx[i])
			return 0;
	return 1;
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t';
}

/* Finds parameter key (lower case) in a header value's ";"-separated
 * parameter list s[0..n) (after the main value).  Quoted values are taken
 * up to the next '"' without escape processing (as browsers send them).
 * Returns 1 and sets *v, *vl when found; 0 when absent; -1 if malformed. */
static int
header_param(const char *s, size_t n, const char *key, const char **v,
    size_t *vl)
{
	size_t i = 0, kl = strlen(key);

	/* Skip the main value (up to the first ';' outside quotes). */
	while (i < n && s[i] != ';')
		i++;
	while (i < n) {
		size_t ns, ne, vs, ve;
		i++; /* ';' */
		while (i < n && is_ws(s[i]))
			i++;
		ns = i;
		while (i < n && s[i] != '=' && s[i] != ';' && !is_ws(s[i]))
			i++;
		ne = i;
		while (i < n && is_ws(s[i]))
			i++;
		if (i >= n || s[i] != '=') {
			/* A parameter without a value: skip it. */
			while (i < n && s[i] != ';')
				i++;
			continue;
		}
		i++;
		while (i < n && is_ws(s[i]))
			i++;
		if (i < n && s[i] == '"') {
			const char *q;
			vs = ++i;
			q = memchr(s + i, '"', n - i);
			if (q == NULL)
				return -1;
			ve = (size_t)(q - s);
			i = ve + 1;
			while (i < n && is_ws(s[i]))
				i++;
			if (i < n && s[i] != ';')
				return -1;
		} else {
			vs = i;
			while (i < n && s[i] != ';' && !is_ws(s[i]))
				i++;
			ve = i;
			while (i < n && is_ws(s[i]))
				i++;
			if (i < n && s[i] != ';')
				return -1;
		}
		if (ne - ns == kl && ci_prefix(s + ns, kl, key)) {
			*v = s + vs;
			*vl = ve - vs;
			return 1;
		}
	}
	return 0;
}

static char *
memdup0(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d == NULL)
		return NULL;
	if (n)
		memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Finds needle in hay (memmem is a GNU extension; keep this portable). */
static const char *
find(const char *hay, size_t hl, const char *needle, size_t nl)
{
	const char *p = hay, *end = hay + hl;

	if (nl == 0 || hl < nl)
		return NULL;
	while ((size_t)(end - p) >= nl) {
		p = memchr(p, needle[0], (size_t)(end - p) - nl + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, nl) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Parses one part's headers from s[0..n), which ends just before the
 * blank line.  Sets name, filename and ctype (allocated). */
static int
part_headers(const char *s, size_t n, char **name, char **filename,
    char **ctype, const struct req_limits *lim)
{
	size_t pos = 0, lines = 0;
	int have_disp = 0;

	*name = *filename = *ctype = NULL;
	while (pos < n) {
		const char *line = s + pos, *eol, *colon, *v;
		size_t ll, vl;

		eol = find(line, n - pos, "\r\n", 2);
		ll = eol ? (size_t)(eol - line) : n - pos;
		pos += ll + (eol ? 2 : 0);
		if (ll > PART_HEADER_MAX || ++lines > PART_HEADERS_MAX)
			return TC_EHEADER_TOO_LONG;
		if (memchr(line, '\0', ll) || memchr(line, '\n', ll) ||
		    memchr(line, '\r', ll))
			return TC_EMULTIPART;
		colon = memchr(line, ':', ll);
		if (colon == NULL || colon == line)
			return TC_EMULTIPART;
		v = colon + 1;
		vl = ll - (size_t)(v - line);
		while (vl && is_ws(*v)) {
			v++;
			vl--;
		}
		while (vl && is_ws(v[vl - 1]))
			vl--;
		if ((size_t)(colon - line) == 19 &&
		    ci_prefix(line, 19, "content-disposition")) {
			const char *pv;
			size_t pl;
			int r;

			if (have_disp++)
				return TC_EBAD_DISPOSITION;
			if (!ci_prefix(v, vl, "form-data") ||
			    (vl > 9 && v[9] != ';' && !is_ws(v[9])))
				return TC_EBAD_DISPOSITION;
			r = header_param(v, vl, "name", &pv, &pl);
			if (r <= 0 || pl == 0)
				return TC_EBAD_DISPOSITION;
			if (pl > lim->max_name)
				return TC_ENAME_TOO_LONG;
			if (!req_utf8_valid(pv, pl))
				return TC_EBAD_UTF8;
			if ((*name = memdup0(pv, pl)) == NULL)
				return TC_ENOMEM;
			r = header_param(v, vl, "filename", &pv, &pl);
			if (r < 0)
				return TC_EBAD_DISPOSITION;
			if (r > 0) {
				size_t k;
				/* Keep the base name only (old browsers send
				 * a full client path). */
				for (k = pl; k > 0; k--)
					if (pv[k - 1] == '/' || pv[k - 1] == '\\')
						break;
				pv += k;
				pl -= k;
				if (pl > lim->max_value)
					return TC_EVALUE_TOO_LONG;
				if (!req_utf8_valid(pv, pl))
					return TC_EBAD_UTF8;
				if ((*filename = memdup0(pv, pl)) == NULL)
					return TC_ENOMEM;
			}
		} else if ((size_t)(colon - line) == 12 &&
		    ci_prefix(line, 12, "content-type")) {
			if (*ctype != NULL)
				return TC_EMULTIPART;
			if (!req_utf8_valid(v, vl))
				return TC_EBAD_UTF8;
			if ((*ctype = memdup0(v, vl)) == NULL)
				return TC_ENOMEM;
		}
		/* Other headers (Content-Transfer-Encoding...) are ignored. */
	}
	if (!have_disp)
		return TC_EBAD_DISPOSITION;
	return 0;
}

int
req_parse_multipart(struct req_fields *f, const char *content_type,
    const char *body, size_t len, const struct req_limits *lim)
{
	char delim[BOUNDARY_MAX + 5]; /* "\r\n--" boundary */
	const char *bv, *p, *end = body + len;
	size_t bl, dl;
	int r;

	if (len > lim->max_body)
		return TC_EBODY_TOO_LARGE;
	if (content_type == NULL)
		return TC_ENO_BOUNDARY;
	r = header_param(content_type, strlen(content_type), "boundary",
	    &bv, &bl);
	if (r <= 0 || bl == 0 || bl > BOUNDARY_MAX)
		return TC_ENO_BOUNDARY;
	for (size_t i = 0; i < bl; i++) {
		unsigned char c = (unsigned char)bv[i];
		if (c < 0x20 || c > 0x7e)
			return TC_ENO_BOUNDARY;
	}
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, bv, bl);
	dl = bl + 4;

	/* The first delimiter: at the very start, or after a preamble. */
	if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		p = body + dl - 2;
	else {
		p = find(body, len, delim, dl);
		if (p == NULL)
			return TC_EMULTIPART;
		p += dl;
	}

	for (;;) {
		const char *hend, *next, *content;
		char *name, *filename, *ctype, *value;
		size_t csz, hl;

		/* After a delimiter: "--" closes, else padding then CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;
		while (p < end && is_ws(*p))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return p >= end ? TC_ENO_FINAL_BOUNDARY :
			    TC_EMULTIPART;
		p += 2;

		if (f->n >= lim->max_fields)
			return TC_ETOO_MANY_FIELDS;
		/* Headers end at an empty line; an empty header block is
		 * "\r\n" right away (and then a part without disposition). */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p;
		} else {
			hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
			if (hend == NULL) {
				size_t rest = (size_t)(end - p);
				if (rest > PART_HEADER_MAX * PART_HEADERS_MAX)
					return TC_EHEADER_TOO_LONG;
				return TC_ENO_FINAL_BOUNDARY;
			}
		}
		hl = (size_t)(hend - p);
		if (hl > (PART_HEADER_MAX + 2) * PART_HEADERS_MAX)
			return TC_EHEADER_TOO_LONG;
		r = part_headers(p, hl, &name, &filename, &ctype, lim);
		if (r) {
			free(name); free(filename); free(ctype);
			return r;
		}
		content = hend + (hl ? 4 : 2);
		if (content > end) {
			free(name); free(filename); free(ctype);
			return TC_ENO_FINAL_BOUNDARY;
		}
		next = find(content, (size_t)(end - content), delim, dl);
		if (next == NULL) {
			free(name); free(filename); free(ctype);
			return TC_ENO_FINAL_BOUNDARY;
		}
		csz = (size_t)(next - content);
		if (filename != NULL) {
			if (csz > lim->max_file) {
				free(name); free(filename); free(ctype);
				return TC_EFILE_TOO_LARGE;
			}
		} else {
			if (csz > lim->max_value) {
				free(name); free(ctype);
				return TC_EVALUE_TOO_LONG;
			}
			if (!req_utf8_valid(content, csz)) {
				free(name); free(ctype);
				return TC_EBAD_UTF8;
			}
		}
		value = memdup0(content, csz);
		if (value == NULL) {
			free(name); free(filename); free(ctype);
			return TC_ENOMEM;
		}
		r = fields_push(f, name, value, csz, filename, ctype, lim);
		if (r)
			return r;
		p = next + dl;
	}
}

int
req_parse_body(struct req_fields *f, const char *content_type,
    const char *body, size_t len, const struct req_limits *lim)
{
	size_t ctl;

	if (len > lim->max_body)
		return TC_EBODY_TOO_LARGE;
	if (content_type == NULL || content_type[0] == '\0')
		return len == 0 ? 0 : TC_EBAD_MEDIA_TYPE;
	ctl = strlen(content_type);
	while (ctl && is_ws(content_type[0])) {
		content_type++;
		ctl--;
	}
	if (ci_prefix(content_type, ctl, "application/x-www-form-urlencoded") &&
	    (ctl == 33 || content_type[33] == ';' || is_ws(content_type[33])))
		return req_parse_urlencoded(f, body, len, lim);
	if (ci_prefix(content_type, ctl, "multipart/form-data") &&
	    (ctl == 19 || content_type[19] == ';' || is_ws(content_type[19])))
		return req_parse_multipart(f, content_type, body, len, lim);
	return TC_EBAD_MEDIA_TYPE;
}

/* RFC 6265 cookie-name is an RFC 7230 token. */
static int
is_tchar(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

int
req_parse_cookies(struct req_fields *f, const char *h, size_t len,
    const struct req_limits *lim)
{
	size_t pos = 0;

	if (h == NULL)
		return 0;
	while (pos < len) {
		const char *seg = h + pos, *semi, *eq;
		size_t sl, ns, ne, vs, ve, i;
		char *name, *value;
		int ok = 1, r;

		semi = memchr(seg, ';', len - pos);
		sl = semi ? (size_t)(semi - seg) : len - pos;
		pos += sl + 1;
		eq = memchr(seg, '=', sl);
		if (eq == NULL)
			continue;
		ns = 0;
		ne = (size_t)(eq - seg);
		while (ns < ne && is_ws(seg[ns]))
			ns++;
		while (ne > ns && is_ws(seg[ne - 1]))
			ne--;
		vs = (size_t)(eq - seg) + 1;
		ve = sl;
		while (vs < ve && is_ws(seg[vs]))
			vs++;
		while (ve > vs && is_ws(seg[ve - 1]))
			ve--;
		if (ve - vs >= 2 && seg[vs] == '"' && seg[ve - 1] == '"') {
			vs++;
			ve--;
		}
		if (ne == ns || ne - ns > lim->max_name ||
		    ve - vs > lim->max_value)
			continue;
		for (i = ns; i < ne && ok; i++)
			ok = is_tchar((unsigned char)seg[i]);
		for (i = vs; i < ve && ok; i++) {
			unsigned char c = (unsigned char)seg[i];
			ok = c >= 0x20 && c != 0x7f && c != '"';
		}
		if (!ok || !req_utf8_valid(seg + vs, ve - vs))
			continue;
		if (f->n >= lim->max_fields)
			return 0;
		name = memdup0(seg + ns, ne - ns);
		value = memdup0(seg + vs, ve - vs);
		if (name == NULL || value == NULL) {
			free(name);
			free(value);
			return TC_ENOMEM;
		}
		r = fields_push(f, name, value, ve - vs, NULL, NULL, lim);
		if (r)
			return r;
	}
	return 0;
}

const struct req_pair *
req_next(const struct req_fields *f, const char *name,
    const struct req_pair *prev)
{
	size_t i = prev ? (size_t)(prev - f->pairs) + 1 : 0;

	for (; i < f->n; i++)
		if (strcmp(f->pairs[i].name, name) == 0)
			return &f->pairs[i];
	return NULL;
}

const struct req_pair *
req_first(const struct req_fields *f, const char *name)
{
	return req_next(f, name, NULL);
}

const char *
req_get(const struct req_fields *f, const char *name)
{
	const struct req_pair *p = req_first(f, name);

	return p ? p->value : NULL;
}

size_t
req_count(const struct req_fields *f, const char *name)
{
	const struct req_pair *p;
	size_t n = 0;

	for (p = req_first(f, name); p; p = req_next(f, name, p))
		n++;
	return n;
}

/* Parses an RFC 7231 qvalue ("0", "0.5", "1.000") into thousandths;
 * -1 if malformed. */
static int
qvalue(const char *s, size_t n)
{
	int q, scale = 100;
	size_t i;

	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	q = (s[0] - '0') * 1000;
	if (n == 1)
		return q;
	if (s[1] != '.' || n > 5)
		return -1;
	for (i = 2; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		q += (s[i] - '0') * scale;
		scale /= 10;
	}
	return q > 1000 ? -1 : q;
}

const char *
req_accept_language(const char *h)
{
	int zh = -1, en = -1, star = -1;
	size_t pos = 0, len;

	if (h == NULL)
		return "zh";
	len = strlen(h);
	while (pos < len) {
		const char *item = h + pos, *comma, *semi;
		size_t il, tl, ts = 0;
		int q = 1000;

		comma = memchr(item, ',', len - pos);
		il = comma ? (size_t)(comma - item) : len - pos;
		pos += il + 1;
		while (ts < il && is_ws(item[ts]))
			ts++;
		semi = memchr(item, ';', il);
		tl = (semi ? (size_t)(semi - item) : il);
		while (tl > ts && is_ws(item[tl - 1]))
			tl--;
		if (semi) {
			const char *ps = semi + 1;
			size_t pl = il - (size_t)(ps - item);
			while (pl && is_ws(*ps)) {
				ps++;
				pl--;
			}
			while (pl && is_ws(ps[pl - 1]))
				pl--;
			if (pl < 2 || lower((unsigned char)ps[0]) != 'q' ||
			    ps[1] != '=')
				continue;
			q = qvalue(ps + 2, pl - 2);
			if (q < 0)
				continue;
		}
		if (tl - ts == 1 && item[ts] == '*') {
			if (q > star)
				star = q;
		} else if (tl - ts >= 2 && ci_prefix(item + ts, 2, "zh") &&
		    (tl - ts == 2 || item[ts + 2] == '-')) {
			if (q > zh)
				zh = q;
		} else if (tl - ts >= 2 && ci_prefix(item + ts, 2, "en") &&
		    (tl - ts == 2 || item[ts + 2] == '-')) {
			if (q > en)
				en = q;
		}
	}
	/* A language not named explicitly takes the wildcard's weight. */
	if (zh < 0)
		zh = star;
	if (en < 0)
		en = star;
	return (en > 0 && en > zh) ? "en" : "zh";
}

const char *
req_strerror(int err)
{
	switch (err) {
	case 0: return "ok";
	case TC_ENOMEM: return "out-of-memory";
	case TC_EBODY_TOO_LARGE: return "body-too-large";
	case TC_EFILE_TOO_LARGE: return "file-too-large";
	case TC_ETOO_MANY_FIELDS: return "too-many-fields";
	case TC_ENAME_TOO_LONG: return "field-name-too-long";
	case TC_EVALUE_TOO_LONG: return "field-value-too-long";
	case TC_EBAD_ESCAPE: return "bad-percent-escape";
	case TC_EBAD_UTF8: return "invalid-utf8";
	case TC_EBAD_MEDIA_TYPE: return "unsupported-media-type";
	case TC_ENO_BOUNDARY: return "multipart-no-boundary";
	case TC_EMULTIPART: return "multipart-malformed";
	case TC_ENO_FINAL_BOUNDARY: return "multipart-no-final-boundary";
	case TC_EHEADER_TOO_LONG: return "multipart-header-too-long";
	case TC_EBAD_DISPOSITION: return "multipart-bad-disposition";
	}
	return "unknown-error";
}

int
req_status(int err)
{
	switch (err) {
	case 0: return 200;
	case TC_ENOMEM: return 500;
	case TC_EBODY_TOO_LARGE:
	case TC_EFILE_TOO_LARGE: return 413;
	case TC_EBAD_MEDIA_TYPE: return 415;
	}
	return 400;
}
