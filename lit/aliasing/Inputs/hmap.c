#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct hdr {
	char *key;
	char *val;
	struct hdr *next;
};
struct hmap {
	struct hdr *head;
	int n;
};

struct hmap *hmap_new(void) { return calloc(1, sizeof(struct hmap)); }

static int push(struct hmap *m, char *key, const char *val)
{
	struct hdr *h = malloc(sizeof *h);
	if (!h)
		return -1;
	h->key = key;
	h->val = strdup(val);
	h->next = m->head;
	m->head = h;
	return ++m->n;
}

/* Correct: copies the key, then lower-cases its own copy. */
int hmap_add(struct hmap *m, const char *key, const char *val)
{
	char *k = strdup(key);
	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return push(m, k, val);
}

/* BUG: lower-cases the caller's key in place, then copies it. */
int hmap_add_lower(struct hmap *m, const char *key, const char *val)
{
	for (char *p = (char *)key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return push(m, strdup(key), val);
}

void hmap_free(struct hmap *m)
{
	for (struct hdr *h = m->head, *n; h; h = n) {
		n = h->next;
		free(h->key);
		free(h->val);
		free(h);
	}
	free(m);
}

int rust_headers(const char *k, const char *v);

int main(int argc, char **argv)
{
	return rust_headers(argc > 1 ? argv[1] : "Content-Type", "text/plain") > 0 ? 0 : 1;
}
