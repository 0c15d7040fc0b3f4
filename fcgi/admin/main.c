/* admin.fcgi: people and roles, the audit log, reference data. */
#include "config.h"

#include "admin/admin.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &admin_code, module_registry);
}
