/* routes.h: the route dump of `ticheng-admin routes` (routes.c says
 * what each field means). */
#ifndef TC_ADMIN_ROUTES_H
#define TC_ADMIN_ROUTES_H

#include <stdbool.h>
#include <stdio.h>

/* Writes every route of every module of the build to f, one a line: a
 * header line, then tab-separated fields (program, method, pattern,
 * roles, ids, id_kinds, changes, type), or with json one JSON object a
 * line and no header.  Needs no configuration.  Returns 0, or -1 when
 * writing to f failed. */
int routes_dump(FILE *f, bool json);

#endif
