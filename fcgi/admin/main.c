/* admin.fcgi: people and roles, the audit log, reference data. */
#include "config.h"

#include "admin/admin.h"

/* The areas served, each added by its file's owner; NULL ends the list. */
static const struct route_set *const areas[] = {
	&refdata_route_set,
	&people_route_set,
	NULL
};

int
main(int argc, char **argv)
{
	return app_main_sets(argc, argv, "admin", areas);
}
