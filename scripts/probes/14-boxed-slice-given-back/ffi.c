/* C side: gives the buffer back to ids_free (buf_release is for C buffers). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

uint32_t *ids_collect(uint32_t n, size_t *out_len);
void ids_free(uint32_t *p, size_t len);

static void __attribute__((noinline)) buf_release(void *p) { free(p); }

uint32_t last_id(uint32_t n)
{
	size_t len = 0;
	uint32_t *ids = ids_collect(n, &len);
	uint32_t last = len ? ids[len - 1] : 0;
	ids_free(ids, len);
	return last;
}
