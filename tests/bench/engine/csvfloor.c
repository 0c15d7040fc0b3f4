/* csvfloor.c: the floor of the engine benchmark: a bare libcsv parse
 * (strict, no trimming) of the given files, counting fields and records,
 * reading each file whole as ticheng-calc does. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, records;

static void
on_field(void *s, size_t n, void *d)
{
	(void)s; (void)n; (void)d;
	fields++;
}

static void
on_record(int c, void *d)
{
	(void)c; (void)d;
	records++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct csv_parser p;
		FILE *f = fopen(argv[i], "rb");
		char *buf;
		long n;
		if (f == NULL)
			return 1;
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc((size_t)n);
		if (fread(buf, 1, (size_t)n, f) != (size_t)n)
			return 1;
		fclose(f);
		csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
		csv_set_space_func(&p, no_space);
		if (csv_parse(&p, buf, (size_t)n, on_field, on_record, NULL) !=
		    (size_t)n)
			return 1;
		csv_fini(&p, on_field, on_record, NULL);
		csv_free(&p);
		free(buf);
	}
	printf("%zu records, %zu fields\n", records, fields);
	return 0;
}
