/* lists.c: every list of sales with the scope it runs in (sales.h). */
#include "config.h"

#include <stddef.h>

#include "sales/sales.h"

const struct sales_list sales_lists[] = {
	{ &sales_customers_list, &sales_customers_scope },
	{ &sales_orders_list, &sales_order_scope },
	{ &sales_payments_list, &sales_payments_scope },
	{ &sales_receivables_list, &sales_order_scope },
	{ &sales_opportunities_list, &sales_opportunities_scope },
	{ &sales_activities_list, &sales_activities_scope },
	{ NULL, NULL },
};
