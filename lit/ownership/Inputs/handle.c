/* An object library with an accessor returning a pointer into the object. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct obj { int id; char *name; };

struct obj *obj_open(int id)
{
	struct obj *o = malloc(sizeof *o);
	if (!o)
		abort();
	o->id = id;
	o->name = malloc(32);
	if (!o->name)
		abort();
	snprintf(o->name, 32, "object-%d", id);
	return o;
}

const char *obj_name(const struct obj *o) { return o->name; }

void obj_free(struct obj *o)
{
	free(o->name);
	free(o);
}
