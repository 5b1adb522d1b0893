/* A config library returning strdup'd strings the caller frees with free(). */
#include <stdlib.h>
#include <string.h>

char *cfg_get_path(const char *key)
{
	if (strcmp(key, "home") == 0)
		return strdup("/home/user");
	return NULL;
}
