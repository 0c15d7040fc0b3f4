/* backup.h: ticheng-admin backup FILE and restore FILE (backup.c says
 * what a backup holds and how a restore stays whole). */
#ifndef TC_ADMIN_BACKUP_H
#define TC_ADMIN_BACKUP_H

#include "admin/cli.h"

int cli_backup(struct conf *c, int argc, char **argv);
int cli_restore(struct conf *c, int argc, char **argv);

#endif
