/* cli.h: what the commands of ticheng-admin share, the administration's
 * and the modules' (core/module.h's struct module_command).  A command
 * gets the configuration and its own arguments (argv[0] is the
 * command's name), prints what it did on standard output and why it
 * failed on standard error, and returns its exit status. */
#ifndef TC_CORE_CLI_H
#define TC_CORE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/audit.h"
#include "core/conf.h"
#include "core/db.h"

#define CLI_OK 0        /* done */
#define CLI_FAILED 1    /* the database or the system failed */
#define CLI_USAGE 2     /* a bad command line, or a refusal to act on */

/* Reads the options a command-line program takes before its command
 * word: -c FILE (the configuration: *conf_path points at FILE) and -h
 * (usage(stdout)).  It stops at the first argument that is no option, so
 * that a command's own arguments may start with '-'; optind is then the
 * first argument left.  Returns -1 to go on, else the exit status:
 * CLI_OK after -h, CLI_USAGE after a bad option (usage(stderr)). */
int cli_options(int argc, char **argv, const char **conf_path,
    void (*usage)(FILE *));

/* Loads the configuration at path into *c.  On failure prints
 * "prog: why" on standard error and returns CLI_USAGE (*c NULL); else
 * returns CLI_OK.  With log set, it then opens the log of the
 * configuration (a log it cannot open is said on standard error, and the
 * program goes on). */
int cli_conf_load(const char *prog, const char *path, bool log,
    struct conf **c);

/* Opens the database of c into *d, without the time limits of a page's
 * statements (db_set_unlimited); on failure prints why and returns
 * CLI_FAILED (then *d is NULL). */
int cli_db_open(const struct conf *c, struct db **d);

/* Today's business date (yyyymmdd) in the company's time zone. */
int32_t cli_today(void);

/* The operator running the command, for the audit trail: login
 * "ticheng-admin", address "cli:" and the unix user.  Static storage. */
const struct actor *cli_actor(void);

#endif
