/* areas.c: the areas sales.fcgi serves, in order (see sales.h). */
#include "config.h"

#include "sales/sales.h"

const struct route_set *const sales_areas[] = {
	&customers_route_set,
	&collections_route_set,
	&opportunities_route_set,
	&activities_route_set,
	&orders_route_set,
	NULL
};
