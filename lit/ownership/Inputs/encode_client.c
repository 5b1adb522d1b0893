#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	unsigned char *ptr;
	size_t len;
	size_t cap;
} Buf;
Buf encode(const unsigned char *input, size_t n);
void buf_free(Buf b);

/* BUG: the buffer is Rust's; free() is the wrong allocator. */
__attribute__((noinline)) void show_bug(const char *msg)
{
	Buf b = encode((const unsigned char *)msg, strlen(msg));
	fwrite(b.ptr, 1, b.len, stdout);
	free(b.ptr);
}

/* Correct: given back to Rust. */
__attribute__((noinline)) void show(const char *msg)
{
	Buf b = encode((const unsigned char *)msg, strlen(msg));
	fwrite(b.ptr, 1, b.len, stdout);
	buf_free(b);
}

int main(int argc, char **argv)
{
	show(argv[0]);
	if (argc > 8)
		show_bug(argv[1]);
	return 0;
}
