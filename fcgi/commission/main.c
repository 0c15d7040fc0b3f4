/* commission.fcgi: plan versions and rules, what-if, the ledger and its
 * explanation, runs, adjustments and disputes.  Each area's routes live
 * in its own file (see web.h, areas.c). */
#include "config.h"

#include "commission/web.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &commission_code, module_registry);
}
