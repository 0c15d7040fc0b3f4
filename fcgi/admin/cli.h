/* cli.h: what the commands of ticheng-admin share.  A command gets the
 * configuration and its own arguments (argv[0] is the command's name),
 * prints what it did on standard output and why it failed on standard
 * error, and returns the exit status: 0 done, 1 the database or the
 * system failed, 2 a bad command line or a refusal the operator must
 * act on. */
#ifndef TC_ADMIN_CLI_H
#define TC_ADMIN_CLI_H

#include <stdint.h>

#include "core/audit.h"
#include "core/conf.h"
#include "core/db.h"

#define CLI_OK 0
#define CLI_FAILED 1
#define CLI_USAGE 2

typedef int (*cli_fn)(struct conf *c, int argc, char **argv);

struct cli_command {
	const char *name;
	const char *args;           /* synopsis of the arguments, "" if none */
	const char *help;           /* one line */
	cli_fn fn;
};

/* Opens the database of c into *d; on failure prints why and returns
 * CLI_FAILED (then *d is NULL). */
int cli_db_open(const struct conf *c, struct db **d);

/* Today's business date (yyyymmdd) in the company's time zone. */
int32_t cli_today(void);

/* The operator running the command, for the audit trail: login
 * "ticheng-admin", address "cli:" and the unix user.  Static storage. */
const struct actor *cli_actor(void);

/* The period commands (periods.c). */
int cli_periods(struct conf *c, int argc, char **argv);
int cli_close_period(struct conf *c, int argc, char **argv);
int cli_reopen_period(struct conf *c, int argc, char **argv);

#endif
