/* A C library handing out strdup'd strings, released with c_free (free). */
#include <stdlib.h>
#include <string.h>

char *c_dup(void) { return strdup("abc"); }

void c_free(char *p) { free(p); }
