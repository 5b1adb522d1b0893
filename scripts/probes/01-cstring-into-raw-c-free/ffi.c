/* C client of a cbindgen header: frees the Rust string with free() instead of lib_string_free. */
#include <stdio.h>
#include <stdlib.h>

char *lib_describe(int code);
void lib_string_free(char *s);

int report(int code)
{
	char *msg = lib_describe(code);
	int n = printf("%s\n", msg);
	free(msg); /* BUG: Rust's allocator */
	return n;
}
