/* C client of a cbindgen header: gives the Rust string back to lib_string_free. */
#include <stdio.h>
#include <stdlib.h>

char *lib_describe(int code);
void lib_string_free(char *s);

int report(int code)
{
	char *msg = lib_describe(code);
	int n = printf("%s\n", msg);
	lib_string_free(msg);
	return n;
}
