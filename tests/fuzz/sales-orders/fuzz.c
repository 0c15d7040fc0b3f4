/* sales-orders: the orders.csv upload reader of the sales import
 * (sales/import-rows.h) on any bytes.  Whatever it is given, every
 * problem names a line of the file and a catalogue key; a row marked bad
 * has a problem on its line; and a file it accepts whole (no problem)
 * holds only rows whose fields are what the import writes: a valid order
 * number and date, reps whose shares make 100%, grouped into orders that
 * account for every row. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/decimal.h"
#include "sales/import-rows.h"

static uint32_t
lines_in(const uint8_t *data, size_t size)
{
	uint32_t n = 1;

	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_errs errs = { 0 };
	struct imp_orders o;
	uint32_t nlines = lines_in(data, size);
	size_t counted = 0;
	bool broken = false;

	if (imp_orders_read((const char *)data, size, &o, &errs) != 0)
		abort();
	for (size_t i = 0; i < errs.n; i++) {
		if (errs.v[i].key == NULL || errs.v[i].line > nlines ||
		    strlen(errs.v[i].value) >= sizeof(errs.v[i].value) ||
		    strlen(errs.v[i].column) >= sizeof(errs.v[i].column))
			abort();
		broken = broken || strcmp(errs.v[i].key, "imp_err_csv") == 0;
	}
	/* A file the CSV reader gives up on (a stray quote) is refused with
	 * that one problem: the rows before it are not grouped into orders. */
	if (broken && o.norder != 0)
		abort();
	for (size_t i = 0; i < o.nrow; i++) {
		const struct imp_line *x = &o.row[i];
		bool named = false;

		if (x->line < 2 || x->line > nlines)
			abort();
		for (size_t k = 0; k < errs.n && !named; k++)
			named = errs.v[k].line == x->line;
		if (x->bad && !named)
			abort();
		if (!broken && (x->order >= o.norder ||
		    strcmp(o.row[o.order[x->order].first].order_id,
		    x->order_id) != 0))
			abort();
		if (x->bad)
			continue;
		{
			char d[TC_DATE_SIZE];
			int32_t back;
			int64_t total = 0;

			if (!imp_valid_code(x->order_id, 40) ||
			    tc_date_parse_str(tc_date_str(d, x->date), &back)
			    != 0 || back != x->date || x->nsplit < 1 ||
			    x->nsplit > IMP_MAX_SPLITS || x->line_no < 1 ||
			    *x->customer == '\0' || *x->product == '\0')
				abort();
			for (int k = 0; k < x->nsplit; k++) {
				if (x->split[k].share <= 0 ||
				    strlen(x->split[k].login) > IMP_LOGIN_MAX)
					abort();
				total += x->split[k].share;
			}
			if (total != TC_PCT_100)
				abort();
		}
	}
	for (size_t k = 0; k < o.norder; k++)
		counted += o.order[k].nlines;
	if (!broken && counted != o.nrow)
		abort();
	/* a file taken whole has rows, every one of them good */
	if (errs.n == 0 && o.nrow == 0)
		abort();
	imp_orders_free(&o);
	imp_errs_free(&errs);
	return 0;
}
