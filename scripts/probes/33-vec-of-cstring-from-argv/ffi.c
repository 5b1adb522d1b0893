/* A plugin registry returning a malloc'd array of strdup'd names. */
#include <stdlib.h>
#include <string.h>

static const char *const registry[] = {"gzip", "zstd", "lz4"};

char **plugin_list(size_t *count)
{
	size_t n = sizeof registry / sizeof registry[0];
	char **arr = malloc(n * sizeof *arr);
	if (!arr) {
		*count = 0;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		arr[i] = strdup(registry[i]);
	*count = n;
	return arr;
}

void plugin_list_free_array(char **arr) { free(arr); }
