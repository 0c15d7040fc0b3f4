/* libFuzzer harness: Cookie header values.  Input: the header value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/request.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits lim = req_limits_default;
	struct req_fields f;
	size_t i;

	lim.max_fields = 16;
	lim.max_name = 32;
	lim.max_value = 128;
	req_fields_init(&f);
	if (req_parse_cookies(&f, (const char *)data, size, &lim) != 0)
		abort();
	if (f.n > lim.max_fields)
		abort();
	for (i = 0; i < f.n; i++) {
		const struct req_pair *p = &f.pairs[i];
		if (p->name[0] == '\0' || strlen(p->name) > lim.max_name ||
		    p->valsz > lim.max_value || strlen(p->value) != p->valsz ||
		    strchr(p->name, ';') || strchr(p->value, ';'))
			abort();
	}
	req_fields_free(&f);
	return 0;
}
