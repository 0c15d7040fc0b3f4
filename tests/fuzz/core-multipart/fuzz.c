/* libFuzzer harness: multipart/form-data bodies.  Input: the Content-Type
 * header value, a newline, then the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/request.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits lim = req_limits_default;
	struct req_fields f;
	const uint8_t *nl = memchr(data, '\n', size);
	char *ct, *body;
	size_t ctl, bl, i;
	int r;

	if (nl == NULL)
		return 0;
	ctl = (size_t)(nl - data);
	bl = size - ctl - 1;
	ct = malloc(ctl + 1);
	body = malloc(bl ? bl : 1);
	if (ct == NULL || body == NULL)
		goto out;
	memcpy(ct, data, ctl);
	ct[ctl] = '\0';
	memcpy(body, nl + 1, bl);

	lim.max_fields = 32;
	lim.max_name = 64;
	lim.max_value = 1024;
	lim.max_file = 8192;
	req_fields_init(&f);
	r = req_parse_body(&f, ct, body, bl, &lim);
	if (r == 0) {
		for (i = 0; i < f.n; i++) {
			const struct req_pair *p = &f.pairs[i];
			if (p->name[0] == '\0' || p->value[p->valsz] != '\0')
				abort();
			if (p->filename == NULL &&
			    !req_utf8_valid(p->value, p->valsz))
				abort();
			if (p->filename != NULL && p->valsz > lim.max_file)
				abort();
			if (req_get(&f, p->name) == NULL)
				abort();
		}
	} else if (req_status(r) == 200 || req_strerror(r) == NULL)
		abort();
	req_fields_free(&f);
out:
	free(ct);
	free(body);
	return 0;
}
