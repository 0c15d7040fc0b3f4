/* performance.fcgi: targets, evaluation, rankings (perf.h). */
#include "config.h"

#include "performance/perf.h"

int
main(int argc, char **argv)
{
	return app_main_module(argc, argv, &performance_code,
	    module_registry);
}
