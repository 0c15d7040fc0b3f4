/* strmap.c: open-addressing (linear probing) string map. */
#include <stdlib.h>
#include <string.h>

#include "engine/strmap.h"
#include "core/error.h"

uint32_t
tce_strmap_hash(const char *s, uint64_t tag)
{
	uint64_t h = 1469598103934665603ULL ^ (tag * 0x9E3779B97F4A7C15ULL);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return (uint32_t)h;
}

int
tce_strmap_init(struct tce_strmap *m, size_t expected)
{
	size_t cap = 16;

	while (cap < expected * 2)
		cap <<= 1;
	m->slots = calloc(cap, sizeof(*m->slots));
	m->mask = cap - 1;
	m->count = 0;
	return m->slots ? 0 : TC_ENOMEM;
}

void
tce_strmap_free(struct tce_strmap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	m->slots = NULL;
	m->count = 0;
}

static struct tce_strmap_slot *
find(const struct tce_strmap *m, const char *key, uint64_t tag, uint32_t h)
{
	size_t i = h & m->mask;

	for (;;) {
		struct tce_strmap_slot *s = &m->slots[i];
		if (s->key == NULL ||
		    (s->hash == h && s->tag == tag && strcmp(s->key, key) == 0))
			return s;
		i = (i + 1) & m->mask;
	}
}

static int
grow(struct tce_strmap *m)
{
	struct tce_strmap old = *m;

	if (tce_strmap_init(m, (old.mask + 1)) != 0) {
		*m = old;
		return TC_ENOMEM;
	}
	for (size_t i = 0; i <= old.mask; i++)
		if (old.slots[i].key != NULL)
			*find(m, old.slots[i].key, old.slots[i].tag,
			    old.slots[i].hash) = old.slots[i];
	m->count = old.count;
	free(old.slots);
	return 0;
}

void
tce_strmap_prefetch(const struct tce_strmap *m, uint32_t hash)
{
	__builtin_prefetch(&m->slots[hash & m->mask]);
}

int
tce_strmap_put(struct tce_strmap *m, const char *key, uint64_t tag,
    uint32_t value, uint32_t **slot, int *added)
{
	return tce_strmap_put_h(m, key, tag, tce_strmap_hash(key, tag), value,
	    slot, added);
}

int
tce_strmap_put_h(struct tce_strmap *m, const char *key, uint64_t tag,
    uint32_t h, uint32_t value, uint32_t **slot, int *added)
{
	struct tce_strmap_slot *s;

	if ((m->count + 1) * 4 > (m->mask + 1) * 3 && grow(m) != 0)
		return TC_ENOMEM;
	s = find(m, key, tag, h);
	*added = s->key == NULL;
	if (*added) {
		s->key = key;
		s->tag = tag;
		s->hash = h;
		s->value = value;
		m->count++;
	}
	*slot = &s->value;
	return 0;
}

uint32_t *
tce_strmap_get(const struct tce_strmap *m, const char *key, uint64_t tag)
{
	return tce_strmap_get_h(m, key, tag, tce_strmap_hash(key, tag));
}

uint32_t *
tce_strmap_get_h(const struct tce_strmap *m, const char *key, uint64_t tag,
    uint32_t hash)
{
	struct tce_strmap_slot *s = find(m, key, tag, hash);

	return s->key ? &s->value : NULL;
}
