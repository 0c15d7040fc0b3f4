/* sales-payments: the payments.csv upload reader of the collections
 * import (sales/import-rows.h) on any bytes.  Every problem names a line
 * of the file and a catalogue key; a row marked bad has a problem on its
 * line; a good row has a valid payment and order number, a valid date, a
 * non-zero amount, and a payment number no earlier row holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "sales/import-rows.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_errs errs = { 0 };
	struct imp_payments p;
	uint32_t nlines = 1;

	for (size_t i = 0; i < size; i++)
		nlines += data[i] == '\n';
	if (imp_payments_read((const char *)data, size, &p, &errs) != 0)
		abort();
	for (size_t i = 0; i < errs.n; i++)
		if (errs.v[i].key == NULL || errs.v[i].line > nlines ||
		    strlen(errs.v[i].value) >= sizeof(errs.v[i].value))
			abort();
	for (size_t i = 0; i < p.nrow; i++) {
		const struct imp_payment *x = &p.row[i];
		bool named = false;
		char d[TC_DATE_SIZE];
		int32_t back;

		if (x->line < 2 || x->line > nlines)
			abort();
		for (size_t k = 0; k < errs.n && !named; k++)
			named = errs.v[k].line == x->line;
		if (x->bad != named && x->bad)
			abort();
		if (x->bad)
			continue;
		if (!imp_valid_code(x->payment_id, 64) ||
		    !imp_valid_code(x->order_id, 40) || x->amount == 0 ||
		    tc_date_parse_str(tc_date_str(d, x->date), &back) != 0 ||
		    back != x->date)
			abort();
		for (size_t k = 0; k < i; k++)
			if (strcmp(p.row[k].payment_id, x->payment_id) == 0)
				abort();
	}
	if (errs.n == 0 && p.nrow == 0)
		abort();
	imp_payments_free(&p);
	imp_errs_free(&errs);
	return 0;
}
