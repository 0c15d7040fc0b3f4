## Adjustments, disputes and the estimate (c4's areas of commission):
## the write functions (adjust.c, dispute.c) in libtccommission.a; the
## waiting count of the navigation (waiting.c) goes with the module's
## descriptor, which every program links.
fcgi_commission_libtccommission_a_SOURCES += \
	fcgi/commission/adjust.h fcgi/commission/adjust.c \
	fcgi/commission/dispute.h fcgi/commission/dispute.c \
	fcgi/commission/adjust-demo.c
fcgi_libtcmodules_a_SOURCES += fcgi/commission/waiting.c

# The pages (commission.fcgi): adjustments, disputes, the estimate of an
# opportunity; adjview.c holds what they share.
fcgi_commission_libtccommission_a_SOURCES += \
	fcgi/commission/adjview.h fcgi/commission/adjview.c \
	fcgi/commission/adjustments.c fcgi/commission/disputes.c \
	fcgi/commission/estimate.c
