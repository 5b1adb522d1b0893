#include <stdlib.h>
#include <string.h>

/* The program's global allocator: a bump allocator over its own arena (as mimalloc serves from
 * its own pages, never through malloc). */
static unsigned char arena[1 << 20];
static size_t top;

void *ga_alloc(size_t size, size_t align)
{
	top = (top + align - 1) & ~(align - 1);
	if (top + size > sizeof(arena))
		return NULL;
	void *p = arena + top;
	top += size;
	return p;
}

void *ga_zalloc(size_t size, size_t align) { return ga_alloc(size, align); }

void ga_free(void *p) { (void)p; }

void *ga_realloc(void *p, size_t size)
{
	void *q = ga_alloc(size, 16);
	if (q && p)
		memcpy(q, p, size);
	return q;
}

/* Reads a buffer it does not own. */
size_t count_zero(const unsigned char *buf, size_t n)
{
	size_t z = 0;
	for (size_t i = 0; i < n; i++)
		z += buf[i] == 0;
	return z;
}

/* Takes ownership of a buffer and releases it with free(). */
size_t consume(unsigned char *buf, size_t n)
{
	size_t z = count_zero(buf, n);
	free(buf);
	return z;
}

size_t run(void);

int main(void) { return run() == 96 ? 0 : 1; }
