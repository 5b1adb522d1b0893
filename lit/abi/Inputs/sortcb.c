/* A C sorting library with a user comparator (qsort_r-like), built without -fexceptions. */
#include <stddef.h>
#include <string.h>

typedef int (*cmp_fn)(const void *a, const void *b, void *ctx);

void isort(void *base, size_t n, size_t sz, cmp_fn cmp, void *ctx)
{
	unsigned char tmp[64];
	unsigned char *b = base;
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp(b + (j - 1) * sz, b + j * sz, ctx) > 0; j--) {
			memcpy(tmp, b + j * sz, sz);
			memcpy(b + j * sz, b + (j - 1) * sz, sz);
			memcpy(b + (j - 1) * sz, tmp, sz);
		}
}

int rust_sort_demo(int n);

int main(int argc, char **argv)
{
	(void)argv;
	return rust_sort_demo(argc + 4) >= 0 ? 0 : 1;
}
