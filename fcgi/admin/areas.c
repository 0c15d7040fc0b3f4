/* areas.c: the areas admin.fcgi serves, in order (see admin.h). */
#include "config.h"

#include "admin/admin.h"

const struct route_set *const admin_areas[] = {
	&refdata_route_set,
	&people_route_set,
	NULL
};
