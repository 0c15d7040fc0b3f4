/* engine-csv: the RFC 4180 reader and the table readers on any bytes.
 * The first byte picks the table (orders, payments, targets). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/csv.h"
#include "engine/engine.h"
#include "engine/tables.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tce_input in;
	struct tce_diag d;
	struct tce_csv c;
	const char *why;
	uint32_t line;
	char *buf;
	int rc;

	if (size < 1)
		return 0;
	/* the bare reader */
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	tce_csv_init(&c, buf, size - 1);
	while (tce_csv_next(&c, &line, &why) == 1)
		for (size_t i = 0; i < c.nfield; i++)
			if (strlen(c.field[i]) != c.flen[i])
				abort();
	tce_csv_free(&c);
	free(buf);
	/* a table reader (takes ownership of its buffer) */
	buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	tce_input_init(&in);
	rc = tce_table_read(&in, (enum tce_table)(data[0] % 3), buf, size - 1,
	    &d);
	/* read in two parts split at a record start: the same rows */
	if (data[0] % 3 == 0) {
		struct tce_input a, b;
		struct tce_table_reader t;
		struct tce_diag da, db;
		uint32_t end = 0;
		size_t split;
		int ra, rb = 0;
		buf = malloc(size);
		memcpy(buf, data + 1, size - 1);
		tce_input_init(&a);
		tce_input_init(&b);
		if (tce_table_open(&t, &a, TCE_TABLE_ORDERS, buf, size - 1,
		    &da) == 0) {
			split = tce_table_split(&t, t.body + (t.len - t.body) / 2);
			ra = tce_table_read_part(&t, &a, t.body, split, t.body_line,
			    &da, &end);
			if (split < t.len)
				rb = tce_table_read_part(&t, &b, split, t.len, 1, &db,
				    NULL);
			/* a valid file splits at a real record start */
			if (rc == 0 && (ra != 0 || rb != 0))
				abort();
			/* a bad one reports the same first error */
			if (rc != 0 && ra != 0 && (da.line != d.line ||
			    strcmp(da.msg, d.msg) != 0))
				abort();
			if (rc != 0 && ra == 0 && (rb == 0 ||
			    db.line + end - 1 != d.line ||
			    strcmp(db.msg, d.msg) != 0))
				abort();
			if (ra == 0 && rb == 0) {
				if (tce_input_append_rows(&a, &b, end - 1) != 0)
					abort();
				/* no stray quote before the split: the same rows */
				if (rc == 0 && a.nrows != in.nrows)
					abort();
				for (size_t i = 0; rc == 0 && i < a.nrows; i++)
					if (a.rows[i].src_line != in.rows[i].src_line ||
					    a.rows[i].amount != in.rows[i].amount ||
					    strcmp(a.rows[i].order_id, in.rows[i].order_id))
						abort();
			}
		}
		tce_input_free(&a);
		tce_input_free(&b);
	}
	tce_input_free(&in);
	return 0;
}
