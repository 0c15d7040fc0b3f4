## (the reference-data area appends its sources here)
admin_fcgi_SOURCES += fcgi/admin/refdata.c
