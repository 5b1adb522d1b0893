#include <stdlib.h>
void dep_release(unsigned char *p)
{
	free(p);
}
