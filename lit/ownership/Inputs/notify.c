/* A glib-style signal source (g_idle_add_full, g_signal_connect_data): a callback, its user data
 * and a destroy notify that the source calls when it is freed. */
#include <stdlib.h>

typedef int (*emit_fn)(void *user_data, int value);
typedef void (*destroy_fn)(void *user_data);

struct source {
	emit_fn cb;
	void *user_data;
	destroy_fn destroy;
	int fired;
};

struct source *source_new(emit_fn cb, void *user_data, destroy_fn destroy)
{
	struct source *s = malloc(sizeof *s);
	if (!s)
		abort();
	s->cb = cb;
	s->user_data = user_data;
	s->destroy = destroy;
	s->fired = 0;
	return s;
}

int source_emit(struct source *s, int v)
{
	s->fired++;
	return s->cb(s->user_data, v);
}

void source_free(struct source *s)
{
	if (s->destroy)
		s->destroy(s->user_data);
	free(s);
}

/* Bug: the "disconnect" path notifies again. */
void source_free_disconnected(struct source *s)
{
	if (s->destroy)
		s->destroy(s->user_data);
	if (s->fired > 1 && s->destroy)
		s->destroy(s->user_data);
	free(s);
}

void listen_ok(int n);
void listen_disconnected(int n);
void listen_dropped(int n);

int main(int argc, char **argv)
{
	(void)argv;
	listen_ok(argc);
	listen_disconnected(argc + 2);
	listen_dropped(argc);
	return 0;
}
