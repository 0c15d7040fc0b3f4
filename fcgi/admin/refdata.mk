## (the reference-data area appends its sources here)
fcgi_admin_libtcadmin_a_SOURCES += fcgi/admin/refdata.c
