/* i18n.c: a .po reader and a sorted-array message catalogue. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/i18n.h"
#include "core/request.h"
#include "core/sort.h"
#include "core/strbuf.h"

#define PO_FILE_MAX (4u << 20)

struct i18n_entry {
	char *key;
	char *val;
};

struct i18n_cat {
	char lang[8];
	struct i18n_entry *e;
	size_t n, cap;
};

static const struct i18n_entry *find_entry(const struct i18n_cat *,
    const char *);
static int entry_cmp(const void *, const void *);

static void (*miss_hook)(const char *, const char *, void *);
static void *miss_arg;

int
i18n_key_valid(const char *key)
{
	const char *p;

	if (key == NULL || *key == '\0')
		return 0;
	for (p = key; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '_'))
			return 0;
	return 1;
}

void
i18n_free(struct i18n_cat *cat)
{
	size_t i;

	if (cat == NULL)
		return;
	for (i = 0; i < cat->n; i++) {
		free(cat->e[i].key);
		free(cat->e[i].val);
	}
	free(cat->e);
	free(cat);
}

/* Parse state for one entry. */
struct po_entry {
	struct strbuf ctx, id, str;
	struct strbuf *cur;   /* where continuation strings go; NULL: none */
	int have_id, have_str, fuzzy, plural, skip_str;
};

static void
entry_reset(struct po_entry *pe)
{
	pe->ctx.len = pe->id.len = pe->str.len = 0;
	if (pe->ctx.p) pe->ctx.p[0] = '\0';
	if (pe->id.p) pe->id.p[0] = '\0';
	if (pe->str.p) pe->str.p[0] = '\0';
	pe->cur = NULL;
	pe->have_id = pe->have_str = pe->fuzzy = pe->plural = 0;
	pe->skip_str = 0;
}

static int
cat_add(struct i18n_cat *cat, const char *key, const char *val)
{
	struct i18n_entry *ne;

	if (tc_grow(&cat->e, &cat->cap, cat->n + 1, 64) != 0)
		return TC_ENOMEM;
	ne = &cat->e[cat->n];
	ne->key = strdup(key);
	ne->val = strdup(val);
	if (ne->key == NULL || ne->val == NULL) {
		free(ne->key);
		free(ne->val);
		return TC_ENOMEM;
	}
	cat->n++;
	return 0;
}

/* Ends the current entry (if any), adding it when it is a usable one. */
static int
entry_finish(struct i18n_cat *cat, struct po_entry *pe)
{
	int r = 0;

	if (!pe->have_id && !pe->have_str) {
		/* Only comments so far: keep the flags for what follows. */
		return 0;
	}
	if (!pe->have_id || !pe->have_str)
		return TC_EINVAL;
	if (pe->id.len == 0 || pe->fuzzy || pe->plural || pe->str.len == 0)
		goto out;
	if (!i18n_key_valid(pe->id.p) ||
	    !req_utf8_valid(pe->str.p, pe->str.len))
		return TC_EINVAL;
	r = cat_add(cat, pe->id.p, pe->str.p);
out:
	entry_reset(pe);
	return r;
}

/* Appends the C-quoted string at s (starting at '"') to b (b may be NULL:
 * check only).  Only blanks may follow the closing quote. */
static int
po_string(const char *s, const char *end, struct strbuf *b)
{
	if (s >= end || *s != '"')
		return TC_EINVAL;
	for (s++; s < end && *s != '"'; s++) {
		char c = *s;
		if ((unsigned char)c < 0x20 && c != '\t')
			return TC_EINVAL;
		if (c == '\\') {
			if (++s >= end)
				return TC_EINVAL;
			switch (*s) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			default: return TC_EINVAL;
			}
		}
		if (b != NULL) {
			strbuf_addc(b, c);
			if (b->oom)
				return TC_ENOMEM;
		}
	}
	if (s >= end)
		return TC_EINVAL;
	for (s++; s < end; s++)
		if (*s != ' ' && *s != '\t')
			return TC_EINVAL;
	return 0;
}

static int
keyword(const char **p, const char *end, const char *kw)
{
	size_t n = strlen(kw);

	if ((size_t)(end - *p) > n && memcmp(*p, kw, n) == 0 &&
	    ((*p)[n] == ' ' || (*p)[n] == '\t')) {
		*p += n;
		while (*p < end && (**p == ' ' || **p == '\t'))
			(*p)++;
		return 1;
	}
	return 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct i18n_entry *)a)->key,
	    ((const struct i18n_entry *)b)->key);
}

static int
po_line(struct i18n_cat *cat, struct po_entry *pe, const char *p,
    const char *end)
{
	int r;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end) {
		if (pe->have_str)
			return entry_finish(cat, pe);
		return 0;
	}
	if (*p == '#') {
		if (pe->have_str && (r = entry_finish(cat, pe)) != 0)
			return r;
		if (end - p >= 2 && p[1] == ',') {
			const char *f;
			for (f = p + 2; f + 5 <= end; f++)
				if (memcmp(f, "fuzzy", 5) == 0)
					pe->fuzzy = 1;
		}
		return 0;
	}
	if (*p == '"') {
		if (pe->skip_str)
			return po_string(p, end, NULL);
		if (pe->cur == NULL)
			return TC_EINVAL;
		return po_string(p, end, pe->cur);
	}
	if (keyword(&p, end, "msgctxt")) {
		if (pe->have_str && (r = entry_finish(cat, pe)) != 0)
			return r;
		if (pe->have_id)
			return TC_EINVAL;
		pe->skip_str = 0;
		pe->cur = &pe->ctx;
		return po_string(p, end, pe->cur);
	}
	if (keyword(&p, end, "msgid")) {
		if (pe->have_str && (r = entry_finish(cat, pe)) != 0)
			return r;
		if (pe->have_id)
			return TC_EINVAL;
		pe->have_id = 1;
		pe->skip_str = 0;
		pe->cur = &pe->id;
		return po_string(p, end, pe->cur);
	}
	if (keyword(&p, end, "msgid_plural")) {
		if (!pe->have_id || pe->have_str)
			return TC_EINVAL;
		pe->plural = 1;
		pe->cur = NULL;
		pe->skip_str = 1;
		return po_string(p, end, NULL);
	}
	if (keyword(&p, end, "msgstr")) {
		if (!pe->have_id || pe->have_str || pe->plural)
			return TC_EINVAL;
		pe->have_str = 1;
		pe->skip_str = 0;
		pe->cur = &pe->str;
		return po_string(p, end, pe->cur);
	}
	if ((size_t)(end - p) > 7 && memcmp(p, "msgstr[", 7) == 0) {
		const char *q = memchr(p, ']', (size_t)(end - p));
		if (!pe->plural || q == NULL)
			return TC_EINVAL;
		pe->have_str = 1;
		pe->cur = NULL;
		pe->skip_str = 1;
		for (p = q + 1; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		return po_string(p, end, NULL);
	}
	return TC_EINVAL;
}

int
i18n_parse(struct i18n_cat **out, const char *lang, const char *buf,
    size_t len, size_t *errline)
{
	struct i18n_cat *cat;
	struct po_entry pe;
	const char *p = buf, *end = buf + len;
	size_t line = 0, i;
	int r = 0;

	*out = NULL;
	if (errline)
		*errline = 0;
	if (lang == NULL || strlen(lang) >= sizeof(cat->lang))
		return TC_EINVAL;
	cat = calloc(1, sizeof(*cat));
	if (cat == NULL)
		return TC_ENOMEM;
	strcpy(cat->lang, lang);
	memset(&pe, 0, sizeof(pe));
	/* A UTF-8 byte order mark is allowed at the start. */
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);

		line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (memchr(p, '\0', n) != NULL) {
			r = TC_EINVAL;
			goto out;
		}
		if ((r = po_line(cat, &pe, p, p + n)) != 0)
			goto out;
		p = nl ? nl + 1 : end;
	}
	line++;
	if ((r = entry_finish(cat, &pe)) != 0)
		goto out;
	tc_sort(cat->e, cat->n, sizeof(*cat->e), entry_cmp);
	for (i = 1; i < cat->n; i++)
		if (strcmp(cat->e[i - 1].key, cat->e[i].key) == 0) {
			r = TC_EINVAL;
			line = 0;
			goto out;
		}
out:
	strbuf_free(&pe.ctx);
	strbuf_free(&pe.id);
	strbuf_free(&pe.str);
	if (r) {
		if (errline)
			*errline = line;
		i18n_free(cat);
		return r;
	}
	*out = cat;
	return 0;
}

int
i18n_load(struct i18n_cat **out, const char *lang, const char *path,
    size_t *errline)
{
	FILE *fp;
	char *buf = NULL;
	size_t n;
	int r;

	*out = NULL;
	if (errline)
		*errline = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return TC_EIO;
	if ((buf = malloc(PO_FILE_MAX + 1)) == NULL) {
		fclose(fp);
		return TC_ENOMEM;
	}
	n = fread(buf, 1, PO_FILE_MAX + 1, fp);
	if (ferror(fp)) {
		r = TC_EIO;
		goto out;
	}
	if (n > PO_FILE_MAX) {
		r = TC_ETOOBIG;
		goto out;
	}
	r = i18n_parse(out, lang, buf, n, errline);
out:
	free(buf);
	fclose(fp);
	return r;
}

int
i18n_merge(struct i18n_cat *dst, struct i18n_cat *src, char **dupkey)
{
	struct i18n_entry *ne;
	size_t i, n0 = dst->n;
	int r = 0;

	if (dupkey)
		*dupkey = NULL;
	if (src == NULL)
		return 0;
	for (i = 0; i < src->n; i++)
		if (find_entry(dst, src->e[i].key) != NULL) {
			if (dupkey)
				*dupkey = strdup(src->e[i].key);
			r = TC_ECONFLICT;
			goto out;
		}
	if (src->n == 0)
		goto out;
	if (dst->cap - dst->n < src->n) {
		ne = realloc(dst->e, (dst->n + src->n) * sizeof(*ne));
		if (ne == NULL) {
			r = TC_ENOMEM;
			goto out;
		}
		dst->e = ne;
		dst->cap = dst->n + src->n;
	}
	memcpy(dst->e + n0, src->e, src->n * sizeof(*src->e));
	dst->n += src->n;
	src->n = 0;
	tc_sort(dst->e, dst->n, sizeof(*dst->e), entry_cmp);
out:
	i18n_free(src);
	return r;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
i18n_load_dir(struct i18n_cat **out, const char *lang, const char *dir,
    struct i18n_where *where)
{
	struct i18n_cat *cat = NULL, *one;
	struct dirent *de;
	char **names = NULL, **nn;
	size_t nnames = 0, i, line = 0;
	DIR *d;
	int r = 0;

	*out = NULL;
	if (where) {
		where->path[0] = '\0';
		where->line = 0;
		snprintf(where->path, sizeof(where->path), "%s", dir);
	}
	if ((d = opendir(dir)) == NULL)
		return TC_EIO;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 4 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + l - 3, ".po") != 0)
			continue;
		nn = realloc(names, (nnames + 1) * sizeof(*names));
		if (nn == NULL) {
			r = TC_ENOMEM;
			goto out;
		}
		names = nn;
		if ((names[nnames] = strdup(de->d_name)) == NULL) {
			r = TC_ENOMEM;
			goto out;
		}
		nnames++;
	}
	tc_sort(names, nnames, sizeof(*names), name_cmp);
	if ((r = i18n_parse(&cat, lang, "", 0, NULL)) != 0)
		goto out;
	for (i = 0; i < nnames; i++) {
		char path[4096];
		char *dup;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    names[i]) >= sizeof(path)) {
			r = TC_ETOOBIG;
			goto out;
		}
		if (where)
			snprintf(where->path, sizeof(where->path), "%s", path);
		if ((r = i18n_load(&one, lang, path, &line)) != 0) {
			if (where)
				where->line = line;
			goto out;
		}
		if ((r = i18n_merge(cat, one, &dup)) != 0) {
			free(dup);
			goto out;
		}
	}
	if (where)
		where->path[0] = '\0';
out:
	closedir(d);
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	if (r) {
		i18n_free(cat);
		return r;
	}
	*out = cat;
	return 0;
}

static const struct i18n_entry *
find_entry(const struct i18n_cat *cat, const char *key)
{
	struct i18n_entry k;

	if (cat == NULL || key == NULL || cat->n == 0)
		return NULL;
	k.key = (char *)key;
	return bsearch(&k, cat->e, cat->n, sizeof(*cat->e), entry_cmp);
}

const char *
i18n_lookup(const struct i18n_cat *cat, const char *key)
{
	const struct i18n_entry *e = find_entry(cat, key);

	return e ? e->val : NULL;
}

const char *
i18n_get(const struct i18n_cat *cat, const char *key)
{
	const struct i18n_entry *e = find_entry(cat, key);

	if (e != NULL)
		return e->val;
	if (miss_hook != NULL && key != NULL)
		miss_hook(cat ? cat->lang : "", key, miss_arg);
	return key;
}

void
i18n_set_miss_hook(void (*hook)(const char *, const char *, void *),
    void *arg)
{
	miss_hook = hook;
	miss_arg = arg;
}

const char *
i18n_lang(const struct i18n_cat *cat)
{
	return cat ? cat->lang : "";
}

size_t
i18n_count(const struct i18n_cat *cat)
{
	return cat ? cat->n : 0;
}

const char *
i18n_key(const struct i18n_cat *cat, size_t i)
{
	return (cat && i < cat->n) ? cat->e[i].key : NULL;
}

const char *
i18n_value(const struct i18n_cat *cat, size_t i)
{
	return (cat && i < cat->n) ? cat->e[i].val : NULL;
}

int
i18n_missing(const struct i18n_cat *cat, const struct i18n_cat *ref,
    const char ***keys, size_t *n)
{
	size_t i, cnt = 0;
	const char **v;

	*keys = NULL;
	*n = 0;
	for (i = 0; i < i18n_count(ref); i++)
		if (find_entry(cat, ref->e[i].key) == NULL)
			cnt++;
	if (cnt == 0)
		return 0;
	if ((v = malloc(cnt * sizeof(*v))) == NULL)
		return TC_ENOMEM;
	for (i = 0; i < ref->n; i++)
		if (find_entry(cat, ref->e[i].key) == NULL)
			v[(*n)++] = ref->e[i].key;
	*keys = v;
	return 0;
}

const char *
lang_pick(const char *accept_language, const char *cookie_value)
{
	if (cookie_value != NULL) {
		if (strcmp(cookie_value, "zh") == 0)
			return "zh";
		if (strcmp(cookie_value, "en") == 0)
			return "en";
	}
	return req_accept_language(accept_language);
}
