/* engine-plan: the plan loader on any bytes, and a calculation with the
 * version it accepts over a small fixed order file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/plan_json.h"
#include "engine/tables.h"

static const char orders[] =
    "order_id,line,date,rep,product_type,region,quantity,amount,cost\n"
    "O1,1,2026-03-05,ann,hardware,east,2,1000.00,400\n"
    "O1,2,2026-07-05,ann:60|bob:40,service,west,1.5,-250.10,10\n"
    "O2,1,2026-12-31,bob,consumable,east,12.125,99.99,100\n";
static const char payments[] =
    "payment_id,order_id,date,amount\nP1,O1,2026-08-01,500\n"
    "P2,O2,2027-01-02,-50\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tce_version *v;
	struct tce_plan *p;
	struct tce_input in;
	struct tce_result *res = NULL;
	struct tce_diag d;
	const char *path;
	char why[160], *ob, *pb;

	if (tce_plan_json_parse((const char *)data, size, 0, &v, &d) != 0)
		return 0;
	if (tce_plan_new(&p) != 0) {
		tce_version_free(v);
		return 0;
	}
	if (tce_plan_add(p, v, &path, why, sizeof(why)) == 0) {
		tce_input_init(&in);
		ob = malloc(sizeof(orders));
		memcpy(ob, orders, sizeof(orders));
		pb = malloc(sizeof(payments));
		memcpy(pb, payments, sizeof(payments));
		if (tce_table_read(&in, TCE_TABLE_ORDERS, ob, sizeof(orders) - 1,
		    &d) == 0 && tce_table_read(&in, TCE_TABLE_PAYMENTS, pb,
		    sizeof(payments) - 1, &d) == 0 &&
		    tce_calc(p, &in, &res, &d) == 0) {
			/* lines add up to each summary row */
			size_t k = 0;
			for (size_t s = 0; s < res->nsummary; s++) {
				int64_t sum = 0;
				for (; k < res->nlines &&
				    res->lines[k].rep == res->summary[s].rep &&
				    res->lines[k].period == res->summary[s].period; k++)
					sum += res->lines[k].commission;
				if (sum != res->summary[s].commission)
					abort();
			}
		}
		tce_result_free(res);
		tce_input_free(&in);
	}
	tce_plan_free(p);
	return 0;
}
