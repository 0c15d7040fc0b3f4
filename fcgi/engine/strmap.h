/* strmap.h: an open-addressing hash map from (string, 64-bit tag) to a
 * 32-bit value, for interning names and finding duplicates.  Keys are
 * borrowed: the strings must outlive the map. */
#ifndef TC_ENGINE_STRMAP_H
#define TC_ENGINE_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct tce_strmap_slot {
	const char *key;   /* NULL: empty slot */
	uint64_t    tag;
	uint32_t    hash;
	uint32_t    value;
};

struct tce_strmap {
	struct tce_strmap_slot *slots;
	size_t                  mask;   /* capacity - 1 */
	size_t                  count;
};

/* Initialises m for about `expected` keys.  Returns 0 or TC_ENOMEM. */
int tce_strmap_init(struct tce_strmap *m, size_t expected);

/* Frees the table of m (not the keys).  Accepts NULL. */
void tce_strmap_free(struct tce_strmap *m);

/* Looks up (key, tag).  When absent, inserts it with `value` and sets
 * *added to 1; else sets *added to 0.  Stores the pointer to the entry's
 * value in *slot.  Returns 0 or TC_ENOMEM (map unchanged). */
int tce_strmap_put(struct tce_strmap *m, const char *key, uint64_t tag,
    uint32_t value, uint32_t **slot, int *added);

/* Returns a pointer to the value of (key, tag), or NULL when absent. */
uint32_t *tce_strmap_get(const struct tce_strmap *m, const char *key,
    uint64_t tag);

/* The same, with the hash of (key, tag) computed beforehand by
 * tce_strmap_hash (so that callers can prefetch a batch of slots with
 * tce_strmap_prefetch before touching them). */
uint32_t tce_strmap_hash(const char *key, uint64_t tag);
void tce_strmap_prefetch(const struct tce_strmap *m, uint32_t hash);
int tce_strmap_put_h(struct tce_strmap *m, const char *key, uint64_t tag,
    uint32_t hash, uint32_t value, uint32_t **slot, int *added);
uint32_t *tce_strmap_get_h(const struct tce_strmap *m, const char *key,
    uint64_t tag, uint32_t hash);

#endif
