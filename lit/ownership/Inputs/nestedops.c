/* An object-oriented C library: a release callback in an ops struct inside a base struct, set
 * through the base and called through the derived struct; the second call releases again. */
#include <stdlib.h>
struct ops { void (*release)(void *); };
struct base { int kind; struct ops ops; void *data; };
struct derived { struct base b; int extra; };

static void base_init(struct base *b, void (*release)(void *), void *data)
{
	b->kind = 1;
	b->ops.release = release;
	b->data = data;
}

struct derived *derived_new(void (*release)(void *), void *data)
{
	struct derived *d = malloc(sizeof *d);
	if (!d)
		abort();
	base_init(&d->b, release, data);
	d->extra = 0;
	return d;
}

void derived_free(struct derived *d)
{
	d->b.ops.release(d->b.data);
	d->b.ops.release(d->b.data);
	free(d);
}

void run(void);

int main(void)
{
	run();
	return 0;
}
