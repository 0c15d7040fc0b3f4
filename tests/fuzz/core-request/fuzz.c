/* libFuzzer harness: query strings, urlencoded bodies and Accept-Language
 * through the pure request parser, then every value through the form
 * validators.  Input: raw bytes used as all three. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/form.h"
#include "core/request.h"

static const char *const choices[] = {"direct", "partner", NULL};
static const struct field fields[] = {
	{"user", form_login, 1, 0, 0, "e", NULL},
	{"password", form_text, 1, 1, 256, "e", NULL},
	{"note", form_text_multiline, 0, 0, 0, "e", NULL},
	{"email", form_email, 0, 0, 0, "e", NULL},
	{"n", form_int64, 0, -100, 100, "e", NULL},
	{"amount", form_money, 0, 0, 0, "e", NULL},
	{"rate", form_percent, 0, 0, 1000000, "e", NULL},
	{"date", form_date, 0, 0, 0, "e", NULL},
	{"month", form_month, 0, 0, 0, "e", NULL},
	{"channel", form_oneof, 0, 0, 0, "e", choices},
	{"next", form_return_path, 0, 0, 0, "e", NULL},
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req_limits lim = req_limits_default;
	struct req_fields f;
	struct form form;
	char *s;
	size_t i, k;
	int r;

	lim.max_fields = 64;
	lim.max_name = 32;
	lim.max_value = 512;

	req_fields_init(&f);
	r = req_parse_query(&f, (const char *)data, size, &lim);
	if (r != 0 && req_status(r) == 200)
		abort();
	req_fields_free(&f);

	r = req_parse_urlencoded(&f, (const char *)data, size, &lim);
	if (r == 0) {
		for (i = 0; i < f.n; i++) {
			if (f.pairs[i].name[0] == '\0' ||
			    strlen(f.pairs[i].value) != f.pairs[i].valsz ||
			    !req_utf8_valid(f.pairs[i].value, f.pairs[i].valsz))
				abort();
			/* Every value through every validator. */
			for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
				struct form_value v;
				char *scratch;
				if (form_check(&fields[k], f.pairs[i].value,
				    &scratch, &v) == 0 && v.s != NULL &&
				    strlen(v.s) == 0)
					abort();
				free(scratch);
			}
		}
		if (form_validate(&form, fields, sizeof(fields) / sizeof(fields[0]),
		    &f) == TC_ENOMEM)
			abort();
		form_free(&form);
	}
	req_fields_free(&f);

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	{
		const char *l = req_accept_language(s);
		if (strcmp(l, "zh") != 0 && strcmp(l, "en") != 0)
			abort();
	}
	free(s);
	return 0;
}
