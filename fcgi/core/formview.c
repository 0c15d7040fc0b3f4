/* formview.c: a validated form into the template dictionary, and the
 * summary of its errors (see formview.h for the convention). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/formview.h"

#define ID_MAX 160

void
form_errors_init(struct form_errors *s, struct tdict *top,
    const struct i18n_cat *cat)
{
	s->top = top;
	s->cat = cat;
	s->summary = NULL;
	s->n = 0;
}

char *
form_error_section(char *buf, size_t len, const char *name)
{
	size_t i, n = strlen(name);

	if (n + sizeof("_ERROR") > len)
		return NULL;
	for (i = 0; i < n; i++)
		buf[i] = name[i] >= 'a' && name[i] <= 'z' ?
		    (char)(name[i] - 'a' + 'A') : name[i];
	memcpy(buf + n, "_ERROR", sizeof("_ERROR"));
	return buf;
}

/* Copies text into a new string with every "{n}" replaced by the decimal
 * n.  Returns NULL when out of memory. */
static char *
with_number(const char *text, size_t n)
{
	char num[24], *out, *o;
	size_t len = 0, nl;
	const char *p;

	nl = (size_t)snprintf(num, sizeof(num), "%zu", n);
	for (p = text; *p != '\0'; p++)
		len += strncmp(p, "{n}", 3) == 0 ? (p += 2, nl) : 1;
	if ((out = malloc(len + 1)) == NULL)
		return NULL;
	for (p = text, o = out; *p != '\0'; p++) {
		if (strncmp(p, "{n}", 3) == 0) {
			memcpy(o, num, nl);
			o += nl;
			p += 2;
		} else
			*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* The heading of the summary: how many errors there are. */
static int
summary_title(struct form_errors *s)
{
	char *t = with_number(i18n_get(s->cat, s->n == 1 ? "form_errors_one" :
	    "form_errors_many"), s->n);

	if (t == NULL)
		return TC_ENOMEM;
	tdict_set(s->summary, "title", t);
	tdict_set_int(s->summary, "count", (long long)s->n);
	free(t);
	return 0;
}

int
form_summary_add(struct form_errors *s, const char *href_id,
    const char *label, const char *message)
{
	struct tdict *item;

	if (s->summary == NULL &&
	    (s->summary = tdict_include(s->top, "FORM_ERRORS",
	    "core/form-errors.tpl")) == NULL)
		return TC_ENOMEM;
	if ((item = tdict_add_section(s->summary, "ERROR")) == NULL)
		return TC_ENOMEM;
	if (href_id != NULL && href_id[0] != '\0') {
		struct tdict *a = tdict_add_section(item, "LINK");

		if (a == NULL)
			return TC_ENOMEM;
		tdict_set(item, "href", href_id);
	}
	if (label != NULL && label[0] != '\0')
		tdict_set(tdict_add_section(item, "LABEL"), "label", label);
	tdict_set(item, "message", message);
	s->n++;
	return summary_title(s);
}

/* The message of entry e of field fl, in the reader's language, with
 * its detail.  Returns a new string or NULL when out of memory. */
static char *
message_of(const struct form_errors *s, const struct field *fl,
    const struct form_entry *e)
{
	const char *key = e->msg != NULL ? e->msg : fl->msg;
	const char *text = key != NULL ? i18n_get(s->cat, key) :
	    i18n_get(s->cat, "form_err_value");
	size_t n = strlen(text) + 1;
	char *m;

	if (e->detail != NULL)
		n += 1 + strlen(e->detail);
	if ((m = malloc(n)) == NULL)
		return NULL;
	if (e->detail != NULL)
		snprintf(m, n, "%s %s", text, e->detail);
	else
		snprintf(m, n, "%s", text);
	return m;
}

/* How the summary names field k: "Line 3 · Quantity", "Quantity", or
 * "Line 3".  Returns a new string ("" when nothing names it), or NULL
 * when out of memory. */
static char *
label_of(const struct form_errors *s, const struct form *f, size_t k,
    const char *const *labels, const char *row_key)
{
	const char *label = labels != NULL && labels[k] != NULL ?
	    i18n_get(s->cat, labels[k]) : NULL;
	char *row = NULL, *out;
	size_t n;

	if (f->row > 0 && row_key != NULL &&
	    (row = with_number(i18n_get(s->cat, row_key), f->row)) == NULL)
		return NULL;
	n = (row ? strlen(row) : 0) + (label ? strlen(label) : 0) + 8;
	if ((out = malloc(n)) != NULL)
		snprintf(out, n, "%s%s%s", row ? row : "",
		    row && label ? " · " : "", label ? label : "");
	free(row);
	return out;
}

void
form_show_values(struct tdict *d, const struct form *f)
{
	for (size_t k = 0; k < f->n; k++)
		tdict_set(d, f->fields[k].name, f->e[k].raw != NULL ?
		    f->e[k].raw : "");
}

int
form_show(struct form_errors *s, struct tdict *d, const struct form *f,
    const char *const *labels, const char *row_key)
{
	for (size_t k = 0; k < f->n; k++) {
		const struct field *fl = &f->fields[k];
		const struct form_entry *e = &f->e[k];
		char sec[ID_MAX], id[ID_MAX], eid[ID_MAX + 8];
		char *msg, *label;
		struct tdict *es;
		int rc;

		tdict_set(d, fl->name, e->raw != NULL ? e->raw : "");
		if (e->err == 0)
			continue;
		if (f->row > 0)
			snprintf(id, sizeof(id), "%s_%zu", fl->name, f->row);
		else
			snprintf(id, sizeof(id), "%s", fl->name);
		snprintf(eid, sizeof(eid), "%s-error", id);
		if (form_error_section(sec, sizeof(sec), fl->name) == NULL)
			return TC_EINVAL;
		if ((msg = message_of(s, fl, e)) == NULL)
			return TC_ENOMEM;
		if ((es = tdict_add_section(d, sec)) == NULL) {
			free(msg);
			return TC_ENOMEM;
		}
		tdict_set(es, "error", msg);
		tdict_set(es, "error_id", eid);
		if ((label = label_of(s, f, k, labels, row_key)) == NULL) {
			free(msg);
			return TC_ENOMEM;
		}
		rc = form_summary_add(s, id, label, msg);
		free(label);
		free(msg);
		if (rc != 0)
			return rc;
	}
	return 0;
}

struct tdict *
form_option(struct tdict *d, const char *section, const char *value,
    const char *label, bool selected)
{
	struct tdict *o = tdict_add_section(d, section);

	tdict_set(o, "value", value);
	tdict_set(o, "label", label);
	if (selected)
		tdict_show_section(o, "SELECTED");
	return o;
}

void
form_choices(struct tdict *d, const char *section, const char *const *codes,
    const struct i18n_cat *cat, const char *key_prefix, const char *selected)
{
	char key[FORM_CHOICE_KEY_MAX + 1];

	for (size_t i = 0; codes[i] != NULL; i++) {
		int n = snprintf(key, sizeof(key), "%s%s", key_prefix,
		    codes[i]);

		form_option(d, section, codes[i], n >= 0 &&
		    (size_t)n < sizeof(key) ? i18n_get(cat, key) : codes[i],
		    selected != NULL && strcmp(selected, codes[i]) == 0);
	}
}

const char *
form_shown(const struct form *f, size_t k, const char *stored)
{
	if (f != NULL)
		return form_raw(f, k);
	return stored != NULL ? stored : "";
}
