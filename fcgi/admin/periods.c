/* periods.c: ticheng-admin periods and reopen-period (admin's); closing
 * is finance's, with the commission module's guard (commission/cli.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/cli.h"
#include "core/error.h"
#include "core/period.h"

/* The company's period kind; ticheng.conf was checked when it loaded. */
static enum tc_period_kind
conf_kind(const struct conf *c)
{
	enum tc_period_kind k = TC_PERIOD_MONTH;

	tc_period_kind_parse(c->period, &k);
	return k;
}

/* Prints why a period action failed and returns the exit status. */
static int
report(const char *cmd, const char *label, int rc,
    const struct period_why *why)
{
	if (rc == TC_ENOTFOUND) {
		fprintf(stderr, "ticheng-admin: %s: no period %s\n", cmd, label);
		return CLI_USAGE;
	}
	if (why->text[0] != '\0') {
		fprintf(stderr, "ticheng-admin: %s: %s\n", cmd, why->text);
		return rc == TC_EDB || rc == TC_ENOMEM ? CLI_FAILED : CLI_USAGE;
	}
	fprintf(stderr, "ticheng-admin: %s: %s\n", cmd, tc_strerror(rc));
	return CLI_FAILED;
}

int
cli_periods(struct conf *c, int argc, char **argv)
{
	struct period_why why = { 0 };
	struct period *v = NULL;
	struct db *d = NULL;
	size_t n = 0;
	int rc, status;

	if (argc != 1) {
		fprintf(stderr, "usage: ticheng-admin periods\n");
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	rc = period_list(d, conf_kind(c), cli_today(), &v, &n, &why);
	if (rc != 0)
		status = report(argv[0], "", rc, &why);
	else if (n == 0)
		printf("no periods yet: they begin with the first plan "
		    "version\n");
	for (size_t i = 0; i < n; i++) {
		char first[11], last[11];

		tc_date_format(first, v[i].span.first);
		tc_date_format(last, v[i].span.last);
		if (v[i].state == PERIOD_CLOSED)
			printf("%s %s %s closed %s %s\n", v[i].span.label,
			    first, last, v[i].closed_by, v[i].closed_at);
		else
			printf("%s %s %s open\n", v[i].span.label, first,
			    last);
	}
	free(v);
	db_close(d);
	return status;
}

int
cli_reopen_period(struct conf *c, int argc, char **argv)
{
	struct period_why why = { 0 };
	struct db *d = NULL;
	int rc, status;

	if (argc != 3) {
		fprintf(stderr, "usage: ticheng-admin reopen-period PERIOD "
		    "REASON\n");
		return CLI_USAGE;
	}
	if ((status = cli_db_open(c, &d)) != 0)
		return status;
	rc = period_reopen(d, conf_kind(c), cli_actor(), argv[1], argv[2],
	    NULL, 0, &why);
	if (rc != 0)
		status = report(argv[0], argv[1], rc, &why);
	else
		printf("reopened %s\n", argv[1]);
	db_close(d);
	return status;
}
