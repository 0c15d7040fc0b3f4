/* conf.c: reading ticheng.conf through one table of keys. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/conf.h"
#include "core/error.h"
#include "core/testhook.h"

enum conf_type { CT_STR, CT_INT, CT_BOOL, CT_CHOICE };

struct conf_key {
	const char *section;
	const char *name;
	enum conf_type type;
	size_t offset;
	const char *def;    /* default, as it would be written in the file */
	long min, max;      /* for CT_INT */
	const char *const *choices; /* for CT_CHOICE: NULL-terminated */
};

#define S(sec, key, field, def) \
	{ sec, key, CT_STR, offsetof(struct conf, field), def, 0, 0, NULL }
#define I(sec, key, field, def, lo, hi) \
	{ sec, key, CT_INT, offsetof(struct conf, field), def, lo, hi, NULL }
#define B(sec, key, field, def) \
	{ sec, key, CT_BOOL, offsetof(struct conf, field), def, 0, 0, NULL }
/* A string that must be one of the NULL-terminated list of choices. */
#define C(sec, key, field, def, list) \
	{ sec, key, CT_CHOICE, offsetof(struct conf, field), def, 0, 0, list }

static const char *const period_kinds[] = { "month", "quarter", "year", NULL };

static const struct conf_key keys[] = {
	S("site", "company", company, "示例科技有限公司"),
	S("site", "currency", currency, "CNY"),
	C("site", "period", period, "month", period_kinds),
	S("site", "templates", templates, TC_PKGDATADIR "/templates"),
	S("site", "sql", sql, TC_PKGDATADIR "/sql"),
	S("site", "log", log, "/var/log/ticheng/ticheng.log"),
	B("site", "tls", tls, "true"),
	S("site", "modules", modules, ""),
	S("site", "timezone", time_zone, TC_CLOCK_ZONE_DEFAULT),
	S("site", "form_secret", form_secret, ""),
	S("database", "socket", db_socket, "/run/mysqld/mysqld.sock"),
	S("database", "host", db_host, "localhost"),
	I("database", "port", db_port, "3306", 1, 65535),
	S("database", "user", db_user, "ticheng"),
	S("database", "password", db_password, ""),
	S("database", "name", db_name, "ticheng"),
	I("database", "page_seconds", db_page_seconds, "4", 0, 3600),
	I("fastcgi", "workers", workers, "0", 0, 256),
	S("fastcgi", "workers_by_program", workers_by_program, ""),
	S("ldap", "uri", ldap_uri, "ldap://127.0.0.1/"),
	S("ldap", "base", ldap_base, "ou=people,dc=example,dc=com"),
	S("ldap", "group_base", ldap_group_base, "ou=groups,dc=example,dc=com"),
	S("ldap", "bind_dn", ldap_bind_dn, ""),
	S("ldap", "bind_password", ldap_bind_password, ""),
	B("ldap", "starttls", ldap_starttls, "false"),
	I("ldap", "timeout", ldap_timeout, "5", 1, 300),
	S("ldap", "login_attribute", ldap_login_attr, "uid"),
	S("ldap", "department_attribute", ldap_dept_attr, "departmentNumber"),
	S("ldap", "team_attribute", ldap_team_attr, "ou"),
	S("ldap", "department_sales", dept_sales, "销售部"),
	S("ldap", "department_hr", dept_hr, "人力资源部"),
	S("ldap", "department_finance", dept_finance, "财务部"),
	S("ldap", "department_management", dept_management, "管理层"),
	S("ldap", "group_sales_managers", group_sales_managers,
	    "cn=sales-managers,ou=groups,dc=example,dc=com"),
	S("ldap", "group_settlement_reviewers", group_settlement_reviewers,
	    "cn=settlement-reviewers,ou=groups,dc=example,dc=com"),
	S("ldap", "group_admins", group_admins,
	    "cn=admins,ou=groups,dc=example,dc=com"),
	I("session", "absolute", session_absolute, "43200", 60, 2592000),
	I("session", "idle", session_idle, "1800", 60, 2592000),
	I("login", "max_per_login", login_max_per_login, "5", 1, 1000),
	I("login", "max_per_address", login_max_per_address, "20", 1, 100000),
	I("login", "window", login_window, "900", 1, 86400),
	I("login", "lockout", login_lockout, "900", 1, 86400),
#ifdef TC_TEST_HOOKS
	S("test", "hooks", test_hooks, ""),
#endif
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

static int
set_string(char **dst, const char *val)
{
	char *dup = strdup(val);

	if (dup == NULL)
		return TC_ENOMEM;
	free(*dst);
	*dst = dup;
	return 0;
}

/* Refuses val unless it is one of k's choices, listing them in err. */
static int
check_choice(const struct conf_key *k, const char *val, char *err,
    size_t errlen)
{
	size_t i, n;

	for (i = 0; k->choices[i] != NULL; i++)
		if (strcmp(k->choices[i], val) == 0)
			return 0;
	n = (size_t)snprintf(err, errlen, "%s.%s: \"%s\" is not one of",
	    k->section, k->name, val);
	for (i = 0; k->choices[i] != NULL && n < errlen; i++)
		n += (size_t)snprintf(err + n, errlen - n, "%s %s",
		    i == 0 ? "" : ",", k->choices[i]);
	return TC_EINVAL;
}

static int
set_value(struct conf *c, const struct conf_key *k, const char *val,
    char *err, size_t errlen)
{
	char *p = (char *)c + k->offset;
	int rc;

	switch (k->type) {
	case CT_STR:
		return set_string((char **)p, val);
	case CT_CHOICE:
		if ((rc = check_choice(k, val, err, errlen)) != 0)
			return rc;
		return set_string((char **)p, val);
	case CT_INT: {
		char *end;
		long v;

		errno = 0;
		v = strtol(val, &end, 10);
		if (*val == '\0' || *end != '\0' || errno != 0 ||
		    v < k->min || v > k->max) {
			snprintf(err, errlen, "%s.%s: \"%s\" is not a whole "
			    "number from %ld to %ld", k->section, k->name, val,
			    k->min, k->max);
			return TC_EINVAL;
		}
		*(int *)p = (int)v;
		return 0;
	}
	case CT_BOOL:
		if (strcmp(val, "true") == 0 || strcmp(val, "yes") == 0)
			*(bool *)p = true;
		else if (strcmp(val, "false") == 0 || strcmp(val, "no") == 0)
			*(bool *)p = false;
		else {
			snprintf(err, errlen, "%s.%s: \"%s\" is not true or "
			    "false", k->section, k->name, val);
			return TC_EINVAL;
		}
		return 0;
	}
	return TC_EINVAL;
}

/* Strips leading and trailing blanks in place; returns the start. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static const struct conf_key *
find_key(const char *section, const char *name, size_t *idx)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].section, section) == 0 &&
		    strcmp(keys[i].name, name) == 0) {
			*idx = i;
			return &keys[i];
		}
	return NULL;
}

static bool
known_section(const char *section)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].section, section) == 0)
			return true;
	return false;
}

int
conf_load(const char *path, struct conf **out, char *err, size_t errlen)
{
	struct conf *c;
	FILE *f = NULL;
	char line[4096], section[64] = "", msg[512];
	bool seen[NKEYS] = { false };
	int rc = 0, lineno = 0;

	*out = NULL;
	msg[0] = '\0';
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return TC_ENOMEM;
	for (size_t i = 0; i < NKEYS; i++)
		if ((rc = set_value(c, &keys[i], keys[i].def, msg,
		    sizeof(msg))) != 0)
			goto out;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
		rc = TC_EIO;
		goto out;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s, *eq, *name, *val;
		const struct conf_key *k;
		size_t idx;

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			snprintf(msg, sizeof(msg), "line too long");
			rc = TC_EINVAL;
			goto out;
		}
		s = trim(line);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			char *end = strchr(s, ']');

			if (end == NULL || end[1] != '\0' ||
			    (size_t)(end - s - 1) >= sizeof(section)) {
				snprintf(msg, sizeof(msg), "bad section "
				    "header %s", s);
				rc = TC_EINVAL;
				goto out;
			}
			*end = '\0';
			snprintf(section, sizeof(section), "%s", s + 1);
			if (!known_section(section)) {
				snprintf(msg, sizeof(msg), "unknown section "
				    "[%s]", section);
				rc = TC_EINVAL;
				goto out;
			}
			continue;
		}
		if ((eq = strchr(s, '=')) == NULL) {
			snprintf(msg, sizeof(msg), "expected key = value");
			rc = TC_EINVAL;
			goto out;
		}
		*eq = '\0';
		name = trim(s);
		val = trim(eq + 1);
		if (section[0] == '\0') {
			snprintf(msg, sizeof(msg), "key \"%s\" outside any "
			    "[section]", name);
			rc = TC_EINVAL;
			goto out;
		}
		if ((k = find_key(section, name, &idx)) == NULL) {
			snprintf(msg, sizeof(msg), "unknown key \"%s\" in "
			    "[%s]", name, section);
			rc = TC_EINVAL;
			goto out;
		}
		if (seen[idx]) {
			snprintf(msg, sizeof(msg), "key \"%s\" in [%s] given "
			    "twice", name, section);
			rc = TC_EINVAL;
			goto out;
		}
		seen[idx] = true;
		if ((rc = set_value(c, k, val, msg, sizeof(msg))) != 0)
			goto out;
	}
	if (ferror(f)) {
		snprintf(msg, sizeof(msg), "read error");
		rc = TC_EIO;
		goto out;
	}
	if (tc_clock_set_zone(c->time_zone) != 0) {
		lineno = 0;
		snprintf(msg, sizeof(msg), "site.timezone: unknown time zone "
		    "\"%s\" (not in the system's zoneinfo)", c->time_zone);
		rc = TC_EINVAL;
		goto out;
	}
#ifdef TC_TEST_HOOKS
	if ((rc = tc_hook_set_dir(c->test_hooks)) != 0) {
		lineno = 0;
		snprintf(msg, sizeof(msg), "test.hooks: folder name too long");
	}
#endif
out:
	if (f != NULL)
		fclose(f);
	if (rc != 0) {
		if (lineno > 0)
			snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
		else
			snprintf(err, errlen, "%s: %s", path,
			    msg[0] ? msg : tc_strerror(rc));
		conf_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void
conf_free(struct conf *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < NKEYS; i++)
		if (keys[i].type == CT_STR || keys[i].type == CT_CHOICE)
			free(*(char **)((char *)c + keys[i].offset));
	free(c);
}

int
conf_workers(const struct conf *c, const char *name)
{
	const char *s = c->workers_by_program != NULL ?
	    c->workers_by_program : "";
	size_t nlen = strlen(name);
	int found = 0;
	long cpus;

	while (*s != '\0') {
		const char *w = s, *eq;
		char *end;
		long n;

		if (*s == ' ') {
			s++;
			continue;
		}
		while (*s != '\0' && *s != ' ')
			s++;
		if ((eq = memchr(w, '=', (size_t)(s - w))) == NULL || eq == w)
			return -1;
		errno = 0;
		n = strtol(eq + 1, &end, 10);
		if (end != s || eq + 1 == s || errno != 0 || n < 1 || n > 256)
			return -1;
		if ((size_t)(eq - w) == nlen && memcmp(w, name, nlen) == 0)
			found = (int)n;
	}
	if (found > 0)
		return found;
	if (c->workers > 0)
		return c->workers;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus > 2 ? (int)(cpus > 256 ? 256 : cpus) : 2;
}

const char *
conf_default_path(void)
{
	const char *p = getenv("TICHENG_CONF");

	return (p != NULL && *p != '\0') ? p :
	    TC_SYSCONFDIR "/ticheng/ticheng.conf";
}
