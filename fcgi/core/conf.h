/* conf.h: ticheng.conf, the one configuration file of every program.
 *
 * The file is a list of "key = value" lines grouped under [section]
 * headers; '#' starts a comment line.  Every key is declared once in a
 * table in conf.c with its type and default; an unknown section or key,
 * a value of the wrong type or a repeated key is an error naming the
 * file, the line and the key. */
#ifndef TC_CORE_CONF_H
#define TC_CORE_CONF_H

#include <stdbool.h>

struct conf {
	/* [site] */
	char *company;          /* shown in the page header and on forms */
	char *currency;         /* ISO 4217 code, CNY */
	char *period;           /* commission period kind: month, quarter,
	                           year (core/period.h) */
	char *templates;        /* directory of the page templates */
	char *sql;              /* directory of the numbered migrations */
	char *log;              /* request and error log file */
	bool tls;               /* the site is served over https: Secure cookies */
	char *modules;          /* deployed modules, space-separated names;
	                           empty: every module of the build */
	char *time_zone;        /* the business time zone, an IANA name
	                           (core/clock.h); conf_load() makes it the
	                           process's */
	char *form_secret;      /* keys the verification codes printed on
	                           forms (HMAC); "": none, codes refused */
	/* [database] */
	char *db_socket;        /* unix socket; empty: use host and port */
	char *db_host;
	int db_port;
	char *db_user;
	char *db_password;
	char *db_name;
	int db_page_seconds;    /* max_statement_time of a page's statements,
	                           seconds; 0: none (the job worker never
	                           has one) */
	/* [fastcgi] */
	int workers;            /* worker processes per program; 0: one per
	                           processor, at least 2 (conf_workers) */
	char *workers_by_program; /* "sales=4 auth=2": counts of their own */
	/* [ldap] */
	char *ldap_uri;
	char *ldap_base;        /* base DN of people */
	char *ldap_group_base;  /* base DN of groups */
	char *ldap_bind_dn;     /* service account; empty: anonymous */
	char *ldap_bind_password;
	bool ldap_starttls;     /* StartTLS, failing hard when it fails */
	int ldap_timeout;       /* network and operation timeout, seconds */
	char *ldap_login_attr;  /* attribute holding the login, uid */
	char *ldap_dept_attr;   /* attribute holding the department */
	char *ldap_team_attr;   /* attribute holding the sales team */
	char *dept_sales;
	char *dept_hr;
	char *dept_finance;
	char *dept_management;
	char *group_sales_managers;
	char *group_settlement_reviewers;
	char *group_admins;
	/* [session] */
	int session_absolute;   /* seconds a session lives at most */
	int session_idle;       /* seconds of inactivity that end a session */
	/* [login] */
	int login_max_per_login;
	int login_max_per_address;
	int login_window;       /* seconds over which failures are counted */
	int login_lockout;      /* seconds a locked login or address waits */
	/* [test], read only by builds with test hooks (core/testhook.h) */
	char *test_hooks;       /* the hooks folder; "" or NULL: none */
};

/* Reads the file at path into a new struct conf, with defaults for absent
 * keys.  Returns 0 and sets *out (free with conf_free), or a negative
 * tc_err and writes a message naming the file, line and key into
 * err (of size errlen); *out is then NULL.  In builds with test hooks, a
 * file that loads also sets the hooks folder (tc_hook_set_dir). */
int conf_load(const char *path, struct conf **out, char *err, size_t errlen);

/* The number of worker processes program name runs with: its count in
 * workers_by_program, else workers, else one per processor and at least
 * 2.  Returns it, or -1 when workers_by_program is not a list of
 * name=count (count from 1 to 256) separated by spaces. */
int conf_workers(const struct conf *c, const char *name);

/* Frees c and its strings.  Accepts NULL. */
void conf_free(struct conf *c);

/* The configuration path programs use when none is given: $TICHENG_CONF,
 * else TC_SYSCONFDIR "/ticheng/ticheng.conf".  Static string. */
const char *conf_default_path(void);

#endif
