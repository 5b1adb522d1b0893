/* QuickJS-style objects behind a 16-byte handle passed by value (JSValue): a Rust pointer is
 * kept as an object's opaque data, and the class finalizer releases it. */
#include <stdint.h>
#include <stdlib.h>

typedef struct {
	void *ptr;
	int64_t tag;
} Val;
typedef void (*finalizer_t)(Val);

struct obj {
	void *opaque;
	finalizer_t fin;
};

static finalizer_t registered;

void register_finalizer(finalizer_t f)
{
	registered = f;
}

Val obj_new(void)
{
	struct obj *o = calloc(1, sizeof *o);
	if (!o)
		abort();
	o->fin = registered;
	Val v = {o, -1};
	return v;
}

int obj_set_opaque(Val v, void *p)
{
	struct obj *o = v.ptr;
	o->opaque = p;
	return 0;
}

void *obj_get_opaque(Val v)
{
	struct obj *o = v.ptr;
	return o->opaque;
}

void obj_free(Val v)
{
	struct obj *o = v.ptr;
	if (o->fin)
		o->fin(v);
	free(o);
}

void run(void);

int main(void)
{
	run();
	return 0;
}
