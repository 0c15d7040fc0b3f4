## Adjustments, disputes and the estimate (c4's areas of commission):
## the write functions (adjust.c, dispute.c) in libtccommission.a; the
## waiting count of the navigation (waiting.c) goes with the module's
## descriptor, which every program links.
fcgi_commission_libtccommission_a_SOURCES += \
	fcgi/commission/adjust.h fcgi/commission/adjust.c \
	fcgi/commission/dispute.h fcgi/commission/dispute.c
fcgi_libtcmodules_a_SOURCES += fcgi/commission/waiting.c
