/* C caller of cfg_get: frees the value with free(). */
#include <stdio.h>
#include <stdlib.h>

int cfg_get(const char *key, char **out);
void cfg_string_free(char *s);

int print_name(void)
{
	char *v = NULL;
	if (cfg_get("name", &v) != 0)
		return -1;
	int n = printf("name=%s\n", v);
	free(v); /* BUG: Rust's allocator */
	return n;
}
