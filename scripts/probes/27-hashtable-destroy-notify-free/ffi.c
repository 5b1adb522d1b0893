/* A GHashTable-like table that owns its keys and releases them with the registered notify. */
#include <stdlib.h>

typedef void (*destroy_notify)(void *);
struct entry { char *key; int value; struct entry *next; };
struct table { destroy_notify key_destroy; struct entry *head; };

struct table *table_new_full(destroy_notify key_destroy)
{
	struct table *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	t->key_destroy = key_destroy;
	return t;
}

void table_insert(struct table *t, char *key, int value)
{
	struct entry *e = malloc(sizeof *e);
	if (!e)
		abort();
	e->key = key;
	e->value = value;
	e->next = t->head;
	t->head = e;
}

void table_destroy(struct table *t)
{
	struct entry *e = t->head;
	while (e) {
		struct entry *next = e->next;
		if (t->key_destroy)
			t->key_destroy(e->key);
		free(e);
		e = next;
	}
	free(t);
}
