/* input.c: the growable arrays of struct tce_input. */
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "engine/engine.h"
#include "core/error.h"

void
tce_input_init(struct tce_input *in)
{
	memset(in, 0, sizeof(*in));
}

void
tce_input_free(struct tce_input *in)
{
	if (in == NULL)
		return;
	for (size_t i = 0; i < in->nowned; i++)
		free(in->owned[i]);
	free(in->owned);
	free(in->rows);
	free(in->shares);
	free(in->payments);
	free(in->targets);
	memset(in, 0, sizeof(*in));
}

int
tce_input_own(struct tce_input *in, void *buf)
{
	void **n = realloc(in->owned, (in->nowned + 1) * sizeof(*n));

	if (n == NULL) {
		free(buf);
		return TC_ENOMEM;
	}
	in->owned = n;
	in->owned[in->nowned++] = buf;
	return 0;
}

/* Appends one zeroed element of size sz to *arr (count *n, capacity
 * *cap); returns it or NULL. */
static void *
append(void **arr, size_t *n, size_t *cap, size_t sz)
{
	char *p;

	if (tc_grow_size(arr, cap, *n + 1, sz, 1024) != 0)
		return NULL;
	p = (char *)*arr + (*n)++ * sz;
	memset(p, 0, sz);
	return p;
}

struct tce_row *
tce_input_add_row(struct tce_input *in)
{
	return append((void **)&in->rows, &in->nrows, &in->rows_cap,
	    sizeof(*in->rows));
}

struct tce_share *
tce_input_add_share(struct tce_input *in)
{
	return append((void **)&in->shares, &in->nshares, &in->shares_cap,
	    sizeof(*in->shares));
}

struct tce_payment *
tce_input_add_payment(struct tce_input *in)
{
	return append((void **)&in->payments, &in->npayments,
	    &in->payments_cap, sizeof(*in->payments));
}

struct tce_target *
tce_input_add_target(struct tce_input *in)
{
	return append((void **)&in->targets, &in->ntargets, &in->targets_cap,
	    sizeof(*in->targets));
}
