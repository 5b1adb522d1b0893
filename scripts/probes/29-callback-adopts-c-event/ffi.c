/* An event loop: one malloc'd event per dispatch, handed to the registered handler. */
#include <stdlib.h>

struct event { int kind; int fd; };
typedef int (*handler_fn)(struct event *ev);
static handler_fn handler;

void loop_set_handler(handler_fn h) { handler = h; }

int loop_run_once(int fd)
{
	if (!handler)
		return 0;
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return -1;
	ev->kind = 1;
	ev->fd = fd;
	return handler(ev); /* the handler borrows it; the loop recycles it (free list elided) */
}
