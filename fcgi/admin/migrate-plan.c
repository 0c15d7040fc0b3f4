/* migrate-plan.c: the module folders of sql/, their numbered files and
 * the order in which they run. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "admin/migrate-plan.h"
#include "core/error.h"
#include "core/grow.h"
#include "core/sort.h"

#define MODULE_NAME_MAX 32
#define NONE SIZE_MAX

enum visit_state { UNSEEN, ON_PATH, PLACED };

struct names {
	char **v;
	size_t n, cap;
};

struct loader {
	const char *dir;
	struct names modules;       /* sorted folder names */
	struct migration *m;        /* sorted by module, then version */
	size_t n, cap;
	size_t *last;               /* per module: its last migration, or NONE */
	enum visit_state *state;    /* per migration */
	size_t *path, depth;        /* the migrations being visited */
	size_t *order, norder;      /* indices into m, in application order */
	char *err;
	size_t errlen;
};

bool
migration_module_name_ok(const char *name)
{
	size_t i;

	if (name[0] < 'a' || name[0] > 'z')
		return false;
	for (i = 1; name[i] != '\0'; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return false;
	return i <= MODULE_NAME_MAX;
}

/* The NNN of a file named NNN-something.sql, or -1. */
static int
file_version(const char *name)
{
	size_t n = strlen(name);

	if (n < 9 || name[0] < '0' || name[0] > '9' || name[1] < '0' ||
	    name[1] > '9' || name[2] < '0' || name[2] > '9' ||
	    name[3] != '-' || strcmp(name + n - 4, ".sql") != 0)
		return -1;
	return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

static bool
ends_with_sql(const char *name)
{
	size_t n = strlen(name);

	return n >= 4 && strcmp(name + n - 4, ".sql") == 0;
}

static int
names_add(struct names *s, const char *name)
{
	if (tc_grow(&s->v, &s->cap, s->n + 1, 16) != 0)
		return TC_ENOMEM;
	if ((s->v[s->n] = strdup(name)) == NULL)
		return TC_ENOMEM;
	s->n++;
	return 0;
}

static void
names_free(struct names *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir (hidden ones left out), sorted by name. */
static int
list_dir(struct loader *l, const char *dir, struct names *out)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (dp == NULL) {
		snprintf(l->err, l->errlen, "%s: %s", dir, strerror(errno));
		return TC_EIO;
	}
	while (rc == 0 && (de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.')
			rc = names_add(out, de->d_name);
	closedir(dp);
	if (rc == 0)
		tc_sort(out->v, out->n, sizeof(*out->v), by_string);
	return rc;
}

static size_t
module_index(const struct loader *l, const char *name)
{
	const char *key = name;
	char **hit = bsearch(&key, l->modules.v, l->modules.n,
	    sizeof(*l->modules.v), by_string);

	return hit != NULL ? (size_t)(hit - l->modules.v) : NONE;
}

/* The folders of dir are the modules; a migration lying directly in dir
 * (the numbering before modules) is refused rather than ignored. */
static int
find_modules(struct loader *l)
{
	struct names top = { 0 };
	char path[4096];
	struct stat sb;
	int rc;

	if ((rc = list_dir(l, l->dir, &top)) != 0)
		goto out;
	for (size_t i = 0; i < top.n && rc == 0; i++) {
		snprintf(path, sizeof(path), "%s/%s", l->dir, top.v[i]);
		if (stat(path, &sb) != 0) {
			snprintf(l->err, l->errlen, "%s: %s", path,
			    strerror(errno));
			rc = TC_EIO;
		} else if (S_ISDIR(sb.st_mode)) {
			if (migration_module_name_ok(top.v[i]))
				rc = names_add(&l->modules, top.v[i]);
		} else if (ends_with_sql(top.v[i])) {
			snprintf(l->err, l->errlen, "%s: a migration belongs "
			    "in its module's folder, %s/MODULE/NNN-name.sql",
			    path, l->dir);
			rc = TC_EINVAL;
		}
	}
out:
	names_free(&top);
	return rc;
}

static int
add_migration(struct loader *l, const char *module, const char *file,
    int version)
{
	struct migration *m;
	char path[4096];

	if (tc_grow(&l->m, &l->cap, l->n + 1, 32) != 0)
		return TC_ENOMEM;
	m = &l->m[l->n];
	memset(m, 0, sizeof(*m));
	snprintf(path, sizeof(path), "%s/%s/%s", l->dir, module, file);
	m->version = version;
	if ((m->module = strdup(module)) == NULL ||
	    (m->file = strdup(file)) == NULL ||
	    (m->path = strdup(path)) == NULL) {
		free(m->module);
		free(m->file);
		return TC_ENOMEM;
	}
	l->n++;
	return 0;
}

/* Adds the migrations of module k (its folder's files sorted by name,
 * hence by number). */
static int
find_migrations(struct loader *l, size_t k)
{
	const char *module = l->modules.v[k];
	struct names files = { 0 };
	char dir[4096];
	int rc;

	snprintf(dir, sizeof(dir), "%s/%s", l->dir, module);
	if ((rc = list_dir(l, dir, &files)) != 0)
		goto out;
	for (size_t i = 0; i < files.n && rc == 0; i++) {
		int version = file_version(files.v[i]);

		if (!ends_with_sql(files.v[i]))
			continue;
		if (version < 0) {
			snprintf(l->err, l->errlen, "%s/%s: a migration is "
			    "named NNN-name.sql", dir, files.v[i]);
			rc = TC_EINVAL;
		} else if (l->n > 0 && strcmp(l->m[l->n - 1].module,
		    module) == 0 && l->m[l->n - 1].version == version) {
			snprintf(l->err, l->errlen, "%s/%s: number %03d is "
			    "also used by %s", dir, files.v[i], version,
			    l->m[l->n - 1].file);
			rc = TC_EINVAL;
		} else
			rc = add_migration(l, module, files.v[i], version);
	}
	if (rc == 0 && l->n > 0 && strcmp(l->m[l->n - 1].module, module) == 0)
		l->last[k] = l->n - 1;
out:
	names_free(&files);
	return rc;
}

static int
read_text(struct loader *l, const char *path, char **out)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	*out = NULL;
	if (f == NULL ||
	    fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		snprintf(l->err, l->errlen, "%s: cannot read: %s", path,
		    strerror(errno));
		free(buf);
		if (f != NULL)
			fclose(f);
		return TC_EIO;
	}
	fclose(f);
	buf[n] = '\0';
	*out = buf;
	return 0;
}

/* Adds the modules of one "requires:" list (text up to end) to m. */
static int
parse_requires(struct loader *l, struct migration *m, int line,
    const char *text, const char *end)
{
	while (text <= end) {
		const char *comma = memchr(text, ',', (size_t)(end - text));
		const char *stop = comma != NULL ? comma : end;
		char name[MODULE_NAME_MAX + 2];
		size_t len;
		char **v;

		while (text < stop && (*text == ' ' || *text == '\t'))
			text++;
		len = (size_t)(stop - text);
		while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
			len--;
		if (len == 0) {
			snprintf(l->err, l->errlen, "%s:%d: an empty module "
			    "name in \"requires\"", m->path, line);
			return TC_EINVAL;
		}
		if (len > MODULE_NAME_MAX)
			len = MODULE_NAME_MAX + 1;
		memcpy(name, text, len);
		name[len] = '\0';
		if (!migration_module_name_ok(name)) {
			snprintf(l->err, l->errlen, "%s:%d: \"%.*s\" is not a "
			    "module name", m->path, line, (int)(stop - text),
			    text);
			return TC_EINVAL;
		}
		if (strcmp(name, m->module) == 0) {
			snprintf(l->err, l->errlen, "%s:%d: requires its own "
			    "module \"%s\"", m->path, line, name);
			return TC_EINVAL;
		}
		if (module_index(l, name) == NONE) {
			snprintf(l->err, l->errlen, "%s:%d: requires unknown "
			    "module \"%s\" (no folder %s/%s)", m->path, line,
			    name, l->dir, name);
			return TC_EINVAL;
		}
		if ((v = realloc(m->requires, (m->nrequires + 1) *
		    sizeof(*v))) == NULL)
			return TC_ENOMEM;
		m->requires = v;
		if ((v[m->nrequires] = strdup(name)) == NULL)
			return TC_ENOMEM;
		m->nrequires++;
		if (comma == NULL)
			break;
		text = comma + 1;
	}
	return 0;
}

/* Reads the "-- requires:" lines of the comment block that opens m's
 * file (blank lines may separate its comments). */
static int
parse_header(struct loader *l, struct migration *m)
{
	static const char tag[] = "requires:";
	char *text = NULL;
	const char *p;
	int line = 1, rc;

	if ((rc = read_text(l, m->path, &text)) != 0)
		return rc;
	for (p = text; *p != '\0' && rc == 0; line++) {
		const char *eol = strchr(p, '\n');
		const char *end = eol != NULL ? eol : p + strlen(p);
		const char *q = p;

		if (end > p && end[-1] == '\r')
			end--;
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end) {
			if (end - q < 2 || q[0] != '-' || q[1] != '-')
				break;
			for (q += 2; q < end && (*q == ' ' || *q == '\t'); q++)
				;
			if ((size_t)(end - q) >= sizeof(tag) - 1 &&
			    memcmp(q, tag, sizeof(tag) - 1) == 0)
				rc = parse_requires(l, m, line,
				    q + sizeof(tag) - 1, end);
		}
		if (eol == NULL)
			break;
		p = eol + 1;
	}
	free(text);
	return rc;
}

/* Says which migrations form the cycle that closes at m[i]. */
static int
cycle_error(struct loader *l, size_t i)
{
	size_t from = 0, len;

	while (from < l->depth && l->path[from] != i)
		from++;
	len = (size_t)snprintf(l->err, l->errlen, "%s: dependency cycle: ",
	    l->m[i].path);
	for (size_t k = from; k <= l->depth && len < l->errlen; k++) {
		const struct migration *m = &l->m[k < l->depth ?
		    l->path[k] : i];

		len += (size_t)snprintf(l->err + len, l->errlen - len,
		    "%s%s/%s", k > from ? " -> " : "", m->module, m->file);
	}
	return TC_EINVAL;
}

/* Places m[i] after everything it depends on: the migration before it
 * in its module, and the last migration of every module it requires
 * (which in turn comes after all of that module's earlier ones). */
static int
visit(struct loader *l, size_t i)
{
	const struct migration *m = &l->m[i];
	int rc = 0;

	if (l->state[i] == PLACED)
		return 0;
	if (l->state[i] == ON_PATH)
		return cycle_error(l, i);
	l->state[i] = ON_PATH;
	l->path[l->depth++] = i;
	if (i > 0 && strcmp(l->m[i - 1].module, m->module) == 0)
		rc = visit(l, i - 1);
	for (size_t r = 0; r < m->nrequires && rc == 0; r++) {
		size_t last = l->last[module_index(l, m->requires[r])];

		if (last != NONE)
			rc = visit(l, last);
	}
	if (rc != 0)
		return rc;
	l->depth--;
	l->state[i] = PLACED;
	l->order[l->norder++] = i;
	return 0;
}

static void
migration_clear(struct migration *m)
{
	free(m->module);
	free(m->file);
	free(m->path);
	for (size_t r = 0; r < m->nrequires; r++)
		free(m->requires[r]);
	free(m->requires);
}

int
migration_plan_load(const char *dir, struct migration_plan **out,
    char *err, size_t errlen)
{
	struct loader l = { .dir = dir, .err = err, .errlen = errlen };
	struct migration_plan *p = NULL;
	int rc;

	*out = NULL;
	if ((rc = find_modules(&l)) != 0)
		goto out;
	if (l.modules.n > 0 &&
	    (l.last = malloc(l.modules.n * sizeof(*l.last))) == NULL) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t k = 0; k < l.modules.n; k++)
		l.last[k] = NONE;
	for (size_t k = 0; k < l.modules.n && rc == 0; k++)
		rc = find_migrations(&l, k);
	for (size_t i = 0; i < l.n && rc == 0; i++)
		rc = parse_header(&l, &l.m[i]);
	if (rc != 0)
		goto out;
	if (l.n > 0 &&
	    ((l.state = calloc(l.n, sizeof(*l.state))) == NULL ||
	    (l.path = malloc(l.n * sizeof(*l.path))) == NULL ||
	    (l.order = malloc(l.n * sizeof(*l.order))) == NULL)) {
		rc = TC_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < l.n && rc == 0; i++)
		rc = visit(&l, i);
	if (rc != 0)
		goto out;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (l.n > 0 && (p->m = malloc(l.n * sizeof(*p->m))) == NULL)) {
		free(p);
		p = NULL;
		rc = TC_ENOMEM;
		goto out;
	}
	/* The plan takes over every migration; none is left to clear. */
	for (size_t k = 0; k < l.norder; k++)
		p->m[k] = l.m[l.order[k]];
	p->n = l.norder;
	l.n = 0;
	*out = p;
out:
	if (rc == TC_ENOMEM)
		snprintf(err, errlen, "%s: out of memory", dir);
	for (size_t i = 0; i < l.n; i++)
		migration_clear(&l.m[i]);
	free(l.m);
	free(l.last);
	free(l.state);
	free(l.path);
	free(l.order);
	names_free(&l.modules);
	return rc;
}

void
migration_plan_free(struct migration_plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++)
		migration_clear(&p->m[i]);
	free(p->m);
	free(p);
}
