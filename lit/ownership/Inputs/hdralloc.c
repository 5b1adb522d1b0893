#include <stdlib.h>
#include <string.h>

void *hook_malloc(size_t n);
void hook_free(void *p);

size_t lib_use_buffer(void *p, size_t n)
{
	if (!p)
		return 0;
	memset(p, 0x11, n);
	size_t r = ((unsigned char *)p)[0] + n;
#ifdef BUG
	free(p); /* BUG: libc's free of the hook's block, 16 bytes into it */
#else
	hook_free(p);
#endif
	return r;
}

size_t rust_run(size_t n);

int main(int argc, char **argv)
{
	(void)argv;
	return (int)rust_run((size_t)argc * 8) > 0 ? 0 : 1;
}
