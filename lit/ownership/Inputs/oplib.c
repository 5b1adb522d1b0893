/* A C library in the shape of real ones: allocation through an ops table the library sets up
 * (static const defaults, replaceable), and callbacks the caller passes in. */
#include <stdlib.h>
#include <string.h>

struct lib_ops {
	void *(*alloc)(size_t n);
	void (*release)(void *p);
};

static const struct lib_ops default_ops = {malloc, free};
static const struct lib_ops *ops = &default_ops;

char *lib_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = ops->alloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* Takes ownership of a string from lib_strdup. */
void lib_free_string(char *s)
{
	ops->release(s);
}

/* Lends a scratch buffer to `use` for the duration of the call. */
int lib_with_buffer(size_t n, void (*use)(char *buf, size_t n))
{
	char *b = ops->alloc(n);
	if (!b)
		return -1;
	memset(b, 0, n);
	use(b, n);
	ops->release(b);
	return 0;
}

/* The ops table in use, for callers that allocate or release on the library's behalf. */
const struct lib_ops *lib_get_ops(void) { return &default_ops; }
