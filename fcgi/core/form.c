/* form.c: typed form validation and pure validators. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/decimal.h"
#include "core/form.h"

#define TEXT_MAX_DEFAULT 1000
#define MULTILINE_MAX_DEFAULT 20000
#define RETURN_PATH_MAX 2048
#define CODE_MAX_DEFAULT 64

static int
has_bounds(const struct field *f)
{
	return f != NULL && !(f->min == 0 && f->max == 0);
}

static int
in_bounds(const struct field *f, int64_t v)
{
	if (!has_bounds(f))
		return 1;
	return v >= f->min && v <= f->max;
}

/* Counts UTF-8 characters of a valid string and checks for control
 * characters (C0, DEL, C1).  Returns the count, or -1 for invalid UTF-8,
 * -2 for a forbidden control character. */
static int64_t
text_scan(const char *s, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i;
	int64_t n = 0;

	if (!req_utf8_valid(s, len))
		return -1;
	for (i = 0; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			n++;
		if (p[i] < 0x20 || p[i] == 0x7f) {
			if (!(multiline && (p[i] == '\n' || p[i] == '\r' ||
			    p[i] == '\t')))
				return -2;
		}
		/* C1 controls U+0080..U+009F are encoded C2 80..C2 9F. */
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			return -2;
	}
	return n;
}

static int
text_common(const struct field *f, const char *in, struct form_value *out,
    int multiline)
{
	int64_t n = text_scan(in, multiline), min = 1, max;

	max = multiline ? MULTILINE_MAX_DEFAULT : TEXT_MAX_DEFAULT;
	if (n == -1)
		return TC_EFORMAT;
	if (n == -2)
		return TC_ECONTROL;
	if (has_bounds(f)) {
		min = f->min > 1 ? f->min : 1;
		max = f->max;
	}
	if (n < min)
		return n == 0 ? TC_EREQUIRED : TC_ETOO_SHORT;
	if (n > max)
		return TC_ETOO_LONG;
	out->s = in;
	out->i = n;
	return 0;
}

int
form_text(const struct field *f, const char *in, struct form_value *out)
{
	return text_common(f, in, out, 0);
}

int
form_text_multiline(const struct field *f, const char *in,
    struct form_value *out)
{
	return text_common(f, in, out, 1);
}

/* Whether the n bytes of in are all ASCII letters, digits, '.', '_' or
 * '-': the characters of a login or a code. */
static bool
code_chars(const char *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = in[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

int
form_login(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in);

	(void)f;
	if (n < 1 || n > 64 || !code_chars(in, n))
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

int
form_code(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in);
	int64_t max = f != NULL && f->max > 0 ? f->max : CODE_MAX_DEFAULT;

	if (n == 0)
		return TC_EFORMAT;
	if ((int64_t)n > max)
		return TC_ETOO_LONG;
	if (!code_chars(in, n))
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

int
form_email(const struct field *f, const char *in, struct form_value *out)
{
	const char *at = strchr(in, '@'), *p, *label;
	size_t n = strlen(in), llen;
	int labels = 0;

	(void)f;
	if (at == NULL || strchr(at + 1, '@') != NULL || n > 254)
		return TC_EFORMAT;
	llen = (size_t)(at - in);
	if (llen == 0 || llen > 64 || in[0] == '.' || at[-1] == '.')
		return TC_EFORMAT;
	for (p = in; p < at; p++) {
		if (is_alnum(*p))
			continue;
		if (*p == '.' && p[1] == '.')
			return TC_EFORMAT;
		if (strchr(".!#$%&'*+/=?^_`{|}~-", *p) == NULL || *p == '\0')
			return TC_EFORMAT;
	}
	/* Domain: labels of letters, digits and inner hyphens; a dot needed. */
	label = at + 1;
	for (;;) {
		size_t len = 0;
		for (p = label; *p && *p != '.'; p++, len++)
			if (!is_alnum(*p) && *p != '-')
				return TC_EFORMAT;
		if (len == 0 || len > 63 || label[0] == '-' || p[-1] == '-')
			return TC_EFORMAT;
		labels++;
		if (*p == '\0')
			break;
		label = p + 1;
	}
	if (labels < 2)
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

/* Parses the decimal s with at most scale decimals (core/decimal.h's one
 * grammar) into *out.  Returns 0, TC_EFORMAT (not a number, too many
 * decimals) or TC_ERANGE (beyond int64). */
static int
parse_decimal(const char *s, int scale, int64_t *out)
{
	int rc = tc_dec_parse_str(s, scale, out);

	if (rc == TC_ETOOBIG)
		return TC_ERANGE;
	return rc != 0 ? TC_EFORMAT : 0;
}

/* A value v read from in: TC_ERANGE unless within f's bounds, else out
 * gets it. */
static int
bounded(const struct field *f, const char *in, int64_t v,
    struct form_value *out)
{
	if (!in_bounds(f, v))
		return TC_ERANGE;
	out->s = in;
	out->i = v;
	return 0;
}

/* A decimal of at most scale places, as an integer scaled by 10^scale. */
static int
decimal_field(const struct field *f, const char *in, int scale,
    struct form_value *out)
{
	int64_t v;
	int r = parse_decimal(in, scale, &v);

	return r != 0 ? r : bounded(f, in, v, out);
}

int
form_int64(const struct field *f, const char *in, struct form_value *out)
{
	return decimal_field(f, in, 0, out);
}

int
form_money(const struct field *f, const char *in, struct form_value *out)
{
	return decimal_field(f, in, TC_SCALE_MONEY, out);
}

int
form_percent(const struct field *f, const char *in, struct form_value *out)
{
	return decimal_field(f, in, TC_SCALE_PCT, out);
}

int
form_month(const struct field *f, const char *in, struct form_value *out)
{
	enum tc_period_kind kind;
	int32_t p;

	if (tc_period_parse(in, strlen(in), &kind, &p) != 0 ||
	    kind != TC_PERIOD_MONTH)
		return TC_EFORMAT;
	return bounded(f, in, (int64_t)(p / 12) * 100 + p % 12 + 1, out);
}

int
form_date(const struct field *f, const char *in, struct form_value *out)
{
	int32_t ymd;

	if (tc_date_parse_str(in, &ymd) != 0)
		return TC_EFORMAT;
	return bounded(f, in, ymd, out);
}

int
form_oneof(const struct field *f, const char *in, struct form_value *out)
{
	size_t i;

	if (f == NULL || f->choices == NULL)
		return TC_EFORMAT;
	for (i = 0; f->choices[i] != NULL; i++)
		if (strcmp(f->choices[i], in) == 0) {
			out->s = in;
			out->i = (int64_t)i;
			return 0;
		}
	return TC_EFORMAT;
}

int
form_return_path(const struct field *f, const char *in, struct form_value *out)
{
	size_t n = strlen(in), i;

	(void)f;
	if (n == 0 || n > RETURN_PATH_MAX || in[0] != '/' || in[1] == '/')
		return TC_EFORMAT;
	if (!req_utf8_valid(in, n))
		return TC_EFORMAT;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c <= 0x20 || c == 0x7f || c == '\\')
			return TC_EFORMAT;
	}
	/* "/%2F/evil" or "/%5C..." may be decoded by a proxy into "//". */
	if (in[1] == '%' && in[2] != '\0' && in[3] != '\0' &&
	    ((in[2] == '2' && (in[3] == 'f' || in[3] == 'F')) ||
	    (in[2] == '5' && (in[3] == 'c' || in[3] == 'C'))))
		return TC_EFORMAT;
	out->s = in;
	out->i = (int64_t)n;
	return 0;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
form_check(const struct field *f, const char *raw, char **scratch,
    struct form_value *out)
{
	size_t s = 0, e;

	out->s = NULL;
	out->i = 0;
	*scratch = NULL;
	if (raw == NULL)
		raw = "";
	e = strlen(raw);
	while (s < e && is_blank(raw[s]))
		s++;
	while (e > s && is_blank(raw[e - 1]))
		e--;
	*scratch = malloc(e - s + 1);
	if (*scratch == NULL)
		return TC_ENOMEM;
	memcpy(*scratch, raw + s, e - s);
	(*scratch)[e - s] = '\0';
	if (e == s)
		return f->required ? TC_EREQUIRED : 0;
	return f->valid(f, *scratch, out);
}

/* Which input a field reads: the first value of its name (row 0), the
 * first value of "<name>_<row>" (by_suffix), or the row-1'th value of its
 * name. */
static const char *
input_of(const struct req_fields *in, const char *name, size_t row,
    int by_suffix)
{
	const struct req_pair *p = NULL;
	char key[128];

	if (in == NULL)
		return NULL;
	if (row == 0)
		return req_get(in, name);
	if (by_suffix) {
		int n = snprintf(key, sizeof(key), "%s_%zu", name, row);

		if (n < 0 || (size_t)n >= sizeof(key))
			return NULL;
		return req_get(in, key);
	}
	for (size_t i = 0; i < row; i++)
		if ((p = req_next(in, name, p)) == NULL)
			return NULL;
	return p->value;
}

static int
validate_as(struct form *out, const struct field *fields, size_t n,
    const struct req_fields *in, size_t row, int by_suffix)
{
	size_t k;

	out->fields = fields;
	out->n = n;
	out->nerr = 0;
	out->row = row;
	out->e = calloc(n ? n : 1, sizeof(*out->e));
	if (out->e == NULL)
		return TC_ENOMEM;
	for (k = 0; k < n; k++) {
		struct form_entry *e = &out->e[k];
		const char *raw = input_of(in, fields[k].name, row, by_suffix);
		int r;

		e->raw = strdup(raw ? raw : "");
		if (e->raw == NULL)
			return TC_ENOMEM;
		r = form_check(&fields[k], raw, &e->buf, &e->v);
		if (r == TC_ENOMEM)
			return r;
		e->present = e->buf[0] != '\0';
		if (r) {
			e->err = r;
			e->msg = fields[k].msg;
			e->v.s = NULL;
			e->v.i = 0;
			out->nerr++;
		}
	}
	return out->nerr ? TC_EINVAL : 0;
}

int
form_validate(struct form *out, const struct field *fields, size_t n,
    const struct req_fields *in)
{
	return validate_as(out, fields, n, in, 0, 0);
}

int
form_validate_row(struct form *out, const struct field *fields, size_t n,
    const struct req_fields *in, size_t row)
{
	return validate_as(out, fields, n, in, row ? row : 1, 1);
}

int
form_validate_nth(struct form *out, const struct field *fields, size_t n,
    const struct req_fields *in, size_t nth)
{
	return validate_as(out, fields, n, in, nth + 1, 0);
}

int
form_set_error(struct form *f, size_t k, const char *msg, const char *detail)
{
	struct form_entry *e;

	if (f == NULL || f->e == NULL || k >= f->n)
		return TC_EINVAL;
	e = &f->e[k];
	if (e->err != 0)
		return 0;
	if (detail != NULL && (e->detail = strdup(detail)) == NULL)
		return TC_ENOMEM;
	e->err = TC_EFORMAT;
	e->msg = msg != NULL ? msg : f->fields[k].msg;
	e->v.s = NULL;
	e->v.i = 0;
	f->nerr++;
	return 0;
}

void
form_ignore(struct form *f, size_t k)
{
	struct form_entry *e;

	if (f == NULL || f->e == NULL || k >= f->n)
		return;
	e = &f->e[k];
	if (e->err != 0)
		f->nerr--;
	e->err = 0;
	e->msg = NULL;
	e->present = 0;
	e->v.s = NULL;
	e->v.i = 0;
	if (e->raw != NULL)
		e->raw[0] = '\0';
	if (e->buf != NULL)
		e->buf[0] = '\0';
	free(e->detail);
	e->detail = NULL;
}

int
form_present(const struct form *f, size_t k)
{
	return f != NULL && f->e != NULL && k < f->n && f->e[k].present;
}

const char *
form_raw(const struct form *f, size_t k)
{
	if (f == NULL || f->e == NULL || k >= f->n)
		return "";
	return f->e[k].raw != NULL ? f->e[k].raw : "";
}

void
form_free(struct form *f)
{
	size_t k;

	if (f == NULL || f->e == NULL)
		return;
	for (k = 0; k < f->n; k++) {
		free(f->e[k].raw);
		free(f->e[k].buf);
		free(f->e[k].detail);
	}
	free(f->e);
	f->e = NULL;
	f->n = 0;
	f->nerr = 0;
}

const char *
form_str(const struct form *f, size_t k)
{
	if (f == NULL || k >= f->n || f->e[k].err || !f->e[k].present)
		return NULL;
	return f->e[k].v.s;
}

int64_t
form_int(const struct form *f, size_t k, int64_t def)
{
	if (f == NULL || k >= f->n || f->e[k].err || !f->e[k].present)
		return def;
	return f->e[k].v.i;
}

const char *
form_error_key(int err)
{
	switch (err) {
	case TC_EREQUIRED: return "required";
	case TC_ETOO_SHORT: return "too_short";
	case TC_ETOO_LONG: return "too_long";
	case TC_ERANGE: return "range";
	case TC_ECONTROL: return "control";
	}
	return "invalid";
}
