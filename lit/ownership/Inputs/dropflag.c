/* A C object with a constructor and a destructor, owned from Rust (dropflag.rs). */
#include <stdlib.h>

struct ctx {
	int n;
};

struct ctx *ctx_new(int n)
{
	struct ctx *c = malloc(sizeof *c);
	if (c)
		c->n = n;
	return c;
}
int ctx_get(const struct ctx *c) { return c->n; }
void ctx_free(struct ctx *c) { free(c); }
