/* settlement.fcgi: statements, their approval, the printed form and its
 * verification (see settlement.h). */
#include "config.h"

#include "settlement/settlement.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &settlement_code, module_registry);
}
