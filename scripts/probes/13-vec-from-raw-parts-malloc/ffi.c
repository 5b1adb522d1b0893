/* A C helper that reads a whole file into a malloc'd buffer. */
#include <stdio.h>
#include <stdlib.h>

unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	unsigned char *buf = malloc(cap);
	if (buf)
		n = fread(buf, 1, cap, f);
	fclose(f);
	*len = n;
	return buf;
}
