/* admin.h: the areas of admin.fcgi (administrators only). */
#ifndef TC_ADMIN_ADMIN_H
#define TC_ADMIN_ADMIN_H

#include "core/app.h"
#include "core/module.h"

extern const struct route_set people_route_set;   /* people.c: people, audit */
extern const struct route_set refdata_route_set;  /* refdata.c: reference data */

/* Every area, NULL-terminated (areas.c). */
extern const struct route_set *const admin_areas[];

/* Adds the administration sub-navigation (include {{>ADMIN_TABS}} in the
 * page template), marking current ("people", "audit", "refdata"). */
void admin_tabs(struct req *r, const char *current);

/* The module as every program knows it (module.c), and what its
 * program runs (module-code.c). */
extern const struct module admin_module;
extern const struct module_code admin_code;

#endif
