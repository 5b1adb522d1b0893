/* A C object carrying user data with a destructor run by obj_destroy. */
#include <stdlib.h>

struct obj { void *data; void (*dtor)(void *); int calls; };

struct obj *obj_new(void)
{
	struct obj *o = calloc(1, sizeof *o);
	if (!o)
		abort();
	return o;
}

void obj_set_data(struct obj *o, void *data, void (*dtor)(void *))
{
	o->data = data;
	o->dtor = dtor;
}

int obj_call(struct obj *o) { return ++o->calls; }

void obj_destroy(struct obj *o)
{
	if (o->dtor)
		o->dtor(o->data);
	free(o);
}
