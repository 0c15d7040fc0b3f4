/* cli.h: what the commands of ticheng-admin share.  A command gets the
 * configuration and its own arguments (argv[0] is the command's name),
 * prints what it did on standard output and why it failed on standard
 * error, and returns the exit status: 0 done, 1 the database or the
 * system failed, 2 a bad command line or a refusal the operator must
 * act on. */
#ifndef TC_ADMIN_CLI_H
#define TC_ADMIN_CLI_H

#include "core/cli.h"
#include "core/conf.h"

typedef int (*cli_fn)(struct conf *c, int argc, char **argv);

struct cli_command {
	const char *name;
	const char *args;           /* synopsis of the arguments, "" if none */
	const char *help;           /* one line */
	cli_fn fn;
};

/* The period commands (periods.c). */
int cli_periods(struct conf *c, int argc, char **argv);
int cli_reopen_period(struct conf *c, int argc, char **argv);

#endif
