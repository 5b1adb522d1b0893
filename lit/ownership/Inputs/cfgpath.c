/* A config library: cfg_get_path returns a strdup'd string the caller frees with free();
 * cfg_store keeps a copy of what it is given. */
#include <stdlib.h>
#include <string.h>

char *cfg_get_path(const char *key)
{
	if (strcmp(key, "home") == 0)
		return strdup("/home/user");
	return NULL;
}

void cfg_free(char *s)
{
	free(s);
}

static char *stored;

char *cfg_roundtrip(char *s)
{
	stored = s; /* hands it back below: the caller's own string */
	return stored;
}
