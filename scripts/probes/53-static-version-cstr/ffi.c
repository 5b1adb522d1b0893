/* C caller printing the static version string. */
#include <stdio.h>

const char *lib_version(void);

int banner(void)
{
	return printf("mytool using lib %s\n", lib_version());
}
