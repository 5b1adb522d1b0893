/* An OpenSSL-style C API whose context takes ownership of a config (SSL_set_bio,
 * SSL_CTX_set_cert_store): ctx_new keeps the config, ctx_free frees it. */
#include <stdlib.h>
#include <string.h>

struct cfg {
	int verify;
	char name[32];
};

struct ctx {
	struct cfg *cfg;
	int state;
};

struct cfg *cfg_new(int verify)
{
	struct cfg *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	c->verify = verify;
	strcpy(c->name, "default");
	return c;
}

void cfg_free(struct cfg *c)
{
	free(c);
}

/* Takes ownership of c: ctx_free frees it. */
struct ctx *ctx_new(struct cfg *c)
{
	struct ctx *x = malloc(sizeof *x);
	if (!x)
		abort();
	x->cfg = c;
	x->state = c->verify ? 1 : 0;
	return x;
}

int ctx_state(const struct ctx *x)
{
	return x->state + x->cfg->verify;
}

void ctx_free(struct ctx *x)
{
	cfg_free(x->cfg);
	free(x);
}

int connect_moved(int verify);
int connect_borrowed(int verify);
int connect_flat(int verify);
int connect_flat_ok(int verify);

int main(int argc, char **argv)
{
	(void)argv;
	return connect_moved(argc) + connect_borrowed(argc) + connect_flat(argc) +
	       connect_flat_ok(argc);
}
