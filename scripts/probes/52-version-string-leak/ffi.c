/* C caller treating the version string as static. */
#include <stdio.h>

char *lib_version(void);
void lib_string_free(char *s);

int banner(void)
{
	return printf("mytool using lib %s\n", lib_version()); /* BUG: never freed */
}
