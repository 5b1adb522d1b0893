/* A geometry library: point_new mallocs, point_free frees. */
#include <stdlib.h>

struct point { double x, y; };

struct point *point_new(double x, double y)
{
	struct point *p = malloc(sizeof *p);
	if (!p)
		abort();
	p->x = x;
	p->y = y;
	return p;
}

void point_free(struct point *p) { free(p); }
