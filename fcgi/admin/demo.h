/* demo.h: ticheng-admin demo-data: the demo seeder of every module. */
#ifndef TC_ADMIN_DEMO_H
#define TC_ADMIN_DEMO_H

#include "core/conf.h"

/* `ticheng-admin demo-data [MODULE]`: runs the demo seeder of every
 * module of the build that has one, every module after those it
 * requires, or only MODULE's.  Each module's data is written in one
 * transaction together with its own marker (a row of demo_data), so a
 * module already seeded is left alone and a failed seeder leaves
 * nothing.  MODULE is refused while a module it requires has demo data
 * not yet seeded.  argv[0] is the command's name.  Returns the exit
 * status (cli.h). */
int demo_data_command(struct conf *c, int argc, char **argv);

#endif
