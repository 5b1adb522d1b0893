/* An event loop: one malloc'd event per dispatch, lent to the registered handler. */
#include <stdlib.h>

struct event { int kind; int fd; };
typedef int (*handler_fn)(const struct event *ev);
static handler_fn handler;

void loop_set_handler(handler_fn h) { handler = h; }

int loop_run_once(int fd)
{
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return -1;
	ev->kind = 1;
	ev->fd = fd;
	int r = handler ? handler(ev) : 0;
	free(ev);
	return r;
}
