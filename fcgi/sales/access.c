/* access.c: who sees and changes which rows of sales data (sales.h). */
#include "config.h"

#include "sales/sales.h"

/* HR, finance, reviewers, management and admins read everything. */
#define READ_ALL (ROLE_HR | ROLE_FINANCE | ROLE_REVIEWER | ROLE_MANAGEMENT | \
	ROLE_ADMIN)

const struct scope_rule sales_scope_read = {
	"sales.read", READ_ALL, ROLE_MANAGER, ROLE_SALES
};

const struct scope_rule sales_scope_write = {
	"sales.write", 0, ROLE_MANAGER, ROLE_SALES
};

const struct scope_rule sales_scope_costs = {
	"sales.costs", ROLE_FINANCE, 0, 0
};
