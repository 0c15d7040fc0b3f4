/* sales.fcgi: customers, activities, opportunities, orders, collections.
 * Each area's routes live in its own file (see sales.h, areas.c). */
#include "config.h"

#include "sales/sales.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &sales_code, module_registry);
}
