#include <stddef.h>
#include <string.h>
size_t run(const unsigned char *data, size_t n, size_t rounds);
size_t bound(size_t n) { return n + 16; }
size_t compress(const unsigned char *src, size_t n, unsigned char *dst, size_t cap)
{
	size_t k = n < cap ? n : cap;
	memcpy(dst, src, k);
	return k;
}
int main(void)
{
	unsigned char d[8] = {1};
	return run(d, 8, 3) == 0;
}
