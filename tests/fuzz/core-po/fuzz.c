/* libFuzzer harness: gettext .po catalogues through the i18n reader.
 * Input: the .po file's bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/request.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct i18n_cat *cat = NULL, *empty = NULL;
	const char **keys;
	size_t i, n, line;

	if (i18n_parse(&cat, "zh", (const char *)data, size, &line) != 0) {
		if (cat != NULL)
			abort();
		return 0;
	}
	for (i = 0; i < i18n_count(cat); i++) {
		const char *k = i18n_key(cat, i), *v = i18n_value(cat, i);
		if (!i18n_key_valid(k) || !req_utf8_valid(v, strlen(v)) ||
		    i18n_get(cat, k) != v)
			abort();
		if (i > 0 && strcmp(i18n_key(cat, i - 1), k) >= 0)
			abort();
	}
	if (i18n_parse(&empty, "en", "", 0, NULL) != 0)
		abort();
	if (i18n_missing(empty, cat, &keys, &n) != 0 || n != i18n_count(cat))
		abort();
	free(keys);
	i18n_free(empty);
	i18n_free(cat);
	return 0;
}
