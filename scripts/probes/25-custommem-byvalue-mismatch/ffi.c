/* A zstd-like compressor: the context is allocated and released through the custom allocator
 * it was created with (ZSTD_customMalloc / ZSTD_customFree). */
#include <stdlib.h>

typedef void *(*alloc_fn)(void *opaque, size_t size);
typedef void (*free_fn)(void *opaque, void *address);
typedef struct { alloc_fn customAlloc; free_fn customFree; void *opaque; } custom_mem;

typedef struct { custom_mem mem; size_t level; unsigned char *workspace; } cctx;

static void *custom_malloc(size_t n, custom_mem m)
{
	if (m.customAlloc)
		return m.customAlloc(m.opaque, n);
	return malloc(n);
}

static void custom_free(void *p, custom_mem m)
{
	if (p) {
		if (m.customFree)
			m.customFree(m.opaque, p);
		else
			free(p);
	}
}

cctx *cctx_create_advanced(custom_mem mem)
{
	if (!mem.customAlloc ^ !mem.customFree)
		return NULL;
	cctx *c = custom_malloc(sizeof *c, mem);
	if (!c)
		return NULL;
	c->mem = mem;
	c->level = 3;
	c->workspace = custom_malloc(1 << 12, mem);
	return c;
}

size_t cctx_compress_bound(cctx *c, size_t n) { return n + (n >> 8) + c->level; }

size_t cctx_free(cctx *c)
{
	if (!c)
		return 0;
	custom_mem m = c->mem;
	custom_free(c->workspace, m);
	custom_free(c, m);
	return 0;
}
