#include <stdlib.h>

struct handle {
	int id;
};

/* 0 and *out set on success; negative on failure. */
int h_open(struct handle **out, int id)
{
	if (id < 0)
		return -1;
	struct handle *h = malloc(sizeof *h);
	if (!h)
		return -2;
	h->id = id;
	*out = h;
	return 0;
}

int h_id(const struct handle *h) { return h->id; }

void h_close(struct handle *h) { free(h); }

int variants_good(int id);
int variants_bad(int id);

int main(int argc, char **argv)
{
	(void)argv;
	return variants_good(argc) + variants_bad(-argc) > 0 ? 0 : 1;
}
