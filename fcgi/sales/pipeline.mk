## (the pipeline area appends its sources here)
## The pipeline: activities, opportunities, funnel, forecast, overview.
fcgi_sales_libtcsales_a_SOURCES += fcgi/sales/pipeline.h fcgi/sales/pipeline.c \
	fcgi/sales/pipeline-activities.c fcgi/sales/activities-write.c \
	fcgi/sales/pipeline-opportunities.c fcgi/sales/pipeline-write.c \
	fcgi/sales/pipeline-charts.c fcgi/sales/pipeline-stages.c \
	fcgi/sales/pipeline-teams.c \
	fcgi/sales/pipeline-priority.h fcgi/sales/pipeline-priority.c \
	fcgi/sales/pipeline-date.h fcgi/sales/pipeline-date.c

check_PROGRAMS += tests/unit/pipeline-priority-t
TESTS += tests/unit/pipeline-priority-t
tests_unit_pipeline_priority_t_SOURCES = tests/unit/pipeline-priority-t.c \
	fcgi/sales/pipeline-priority.c fcgi/sales/pipeline-priority.h \
	fcgi/sales/pipeline-date.c fcgi/sales/pipeline-date.h
tests_unit_pipeline_priority_t_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_pipeline_priority_t_LDADD = fcgi/core/libtcbase.a $(CHECK_LIBS)
