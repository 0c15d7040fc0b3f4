/* plan_json.h: one plan version from its JSON file (section 1.1 of
 * spec/commission-calc.md), with every key, type and value checked. */
#ifndef TC_ENGINE_PLAN_JSON_H
#define TC_ENGINE_PLAN_JSON_H

#include <stddef.h>

#include "engine/engine.h"
#include "engine/plan.h"

/* Parses text (len bytes) into a new version stored in *out (owned by the
 * caller: tce_plan_add or tce_version_free), tagged with source.
 * Returns 0; TC_EINVAL or TC_ETOOBIG with err set (src TCE_SRC_PLAN,
 * version = source, and either line for a JSON syntax error, or path for
 * a value); TC_ENOMEM.  On failure *out is NULL. */
int tce_plan_json_parse(const char *text, size_t len, unsigned source,
    struct tce_version **out, struct tce_diag *err);

/* Writes v (a version as parsed, rules and steps in the order of its
 * file) as the spec's plan JSON: every key the file needs and no other,
 * decimals in their shortest exact form ("6%", "2.75%", "80000", "2.50",
 * "1.5"), two-space indentation and a final newline.  Parsing the text
 * gives back the same version.  Stores a new NUL-terminated text in *out
 * (free with free()) and its length in *len.  Returns 0 or TC_ENOMEM. */
int tce_plan_json_write(const struct tce_version *v, char **out, size_t *len);

#endif
