/* sales.fcgi: customers, activities, opportunities, orders, collections.
 * Each area's routes live in its own file (see sales.h). */
#include "config.h"

#include <stdlib.h>

#include "sales/sales.h"

/* The areas served, each added by its file's owner; NULL ends the list. */
static const struct route_set *const areas[] = {
	NULL
};

int
main(int argc, char **argv)
{
	struct route *routes;
	size_t n = 0, k = 0;
	int status;

	for (size_t i = 0; areas[i] != NULL; i++)
		n += areas[i]->n;
	if ((routes = calloc(n + 1, sizeof(*routes))) == NULL)
		return EXIT_FAILURE;
	for (size_t i = 0; areas[i] != NULL; i++)
		for (size_t j = 0; j < areas[i]->n; j++)
			routes[k++] = areas[i]->routes[j];
	status = app_main(argc, argv, "sales", routes, n);
	free(routes);
	return status;
}
