/* Open-addressing hash map keyed by pointer identity or by C string.
 * Keys are borrowed: the caller keeps them alive while the map lives. */
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct map_slot {
	const void *key;
	void *value;
};

void map_init(struct map *m, bool string_keys)
{
	memset(m, 0, sizeof(*m));
	m->string_keys = string_keys;
}

static uint64_t map_hash(const struct map *m, const void *key)
{
	uint64_t h;
	if (m->string_keys) {
		h = 1469598103934665603ull; /* FNV-1a */
		for (const unsigned char *s = key; *s; s++)
			h = (h ^ *s) * 1099511628211ull;
	} else {
		h = (uint64_t)(uintptr_t)key;
		h ^= h >> 33;
		h *= 0xff51afd7ed558ccdull;
		h ^= h >> 33;
	}
	return h;
}

static bool map_eq(const struct map *m, const void *a, const void *b)
{
	return m->string_keys ? strcmp(a, b) == 0 : a == b;
}

static struct map_slot *map_find(const struct map *m, const void *key)
{
	size_t mask = m->cap - 1;
	for (size_t i = map_hash(m, key) & mask;; i = (i + 1) & mask) {
		struct map_slot *s = &m->slots[i];
		if (!s->key || map_eq(m, s->key, key))
			return s;
	}
}

void *map_get(const struct map *m, const void *key)
{
	if (!m->cap)
		return NULL;
	struct map_slot *s = map_find(m, key);
	return s->key ? s->value : NULL;
}

void map_put(struct map *m, const void *key, void *value)
{
	if ((m->len + 1) * 4 > m->cap * 3) {
		struct map old = *m;
		m->cap = old.cap ? old.cap * 2 : 8;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->len = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].key)
				map_put(m, old.slots[i].key, old.slots[i].value);
		free(old.slots);
	}
	struct map_slot *s = map_find(m, key);
	if (!s->key)
		m->len++;
	s->key = key;
	s->value = value;
}

void map_release(struct map *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}
