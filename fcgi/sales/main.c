/* sales.fcgi: customers, activities, opportunities, orders, collections.
 * Each area's routes live in its own file (see sales.h). */
#include "config.h"

#include "sales/sales.h"

/* The areas served, each added by its file's owner; NULL ends the list. */
static const struct route_set *const areas[] = {
	&customers_route_set,
	&collections_route_set,
	&opportunities_route_set,
	&activities_route_set,
	&orders_route_set,
	NULL
};

int
main(int argc, char **argv)
{
	return app_main_sets(argc, argv, "sales", areas);
}
