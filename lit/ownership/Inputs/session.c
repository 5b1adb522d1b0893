/* A network library with an out-parameter constructor (session.rs wraps it). */
#include <stdlib.h>

struct session {
	int fd;
	unsigned flags;
};

int session_open(int port, struct session **out)
{
	*out = NULL;
	if (port <= 0)
		return -1;
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return -2;
	s->fd = port;
	s->flags = 3;
	*out = s;
	return 0;
}

void session_close(struct session *s) { free(s); }

/* A context created through an out-parameter, used and released by value. */
struct ctx {
	int level;
};

int ctx_create(struct ctx **out, int level)
{
	*out = malloc(sizeof **out);
	if (!*out)
		return -1;
	(*out)->level = level;
	return 0;
}

int ctx_level(struct ctx *c) { return c->level; }

void ctx_free(struct ctx *c) { free(c); }
