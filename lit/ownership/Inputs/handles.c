#include <stdlib.h>
#include <string.h>

struct thing {
	int id;
	unsigned char data[16];
};

int thing_make(int id, struct thing **out)
{
	struct thing *t = malloc(sizeof *t);
	if (!t)
		return -1;
	t->id = id;
	memset(t->data, id & 0xff, sizeof t->data);
	*out = t;
	return 0;
}

void thing_free(struct thing *t) { free(t); }

struct thing *db_open(int flags)
{
	struct thing *t = malloc(sizeof *t);
	if (t)
		t->id = flags;
	return t;
}

void db_close(struct thing *t) { free(t); }

int rust_sum(int id);
int rust_job(int flags);
int rust_peek(int id);

int main(int argc, char **argv)
{
	(void)argv;
	return rust_sum(argc) + rust_job(argc) + rust_peek(argc) > 0 ? 0 : 1;
}
