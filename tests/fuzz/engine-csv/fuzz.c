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
	tce_table_read(&in, (enum tce_table)(data[0] % 3), buf, size - 1, &d);
	tce_input_free(&in);
	return 0;
}
