/* module.c: the commission module as every program knows it: plan
 * versions, targets, calculation runs and their results, the ledger,
 * adjustments and disputes, served by commission.fcgi under
 * /commission/ to every role but admin (admin never sees pay; DESIGN's
 * route table).  It calculates from sales' orders and payments, hence
 * requires sales. */
#include "config.h"

#include "core/module.h"

/* waiting.c: open disputes and the adjustments HR or finance may decide. */
int commission_waiting(struct req *r, int64_t *count);

const struct module commission_module = {
	.name = "commission",
	.prefix = "/commission/",
	.nav = { "nav_commission", "home_commission_text", 20,
	    ROLES_ALL & ~(unsigned)ROLE_ADMIN },
	.requires = (const char *const[]){ "sales", NULL },
	.migrations = "commission",
	.waiting = commission_waiting,
};
