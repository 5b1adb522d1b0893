/* A C object with a field it frees and nulls (as Oniguruma's regions do). */
#include <stdlib.h>

struct holder {
	char *p;
};

/* Releases the field and nulls it: calling it twice is fine. */
void holder_clear(struct holder *h)
{
	if (!h->p)
		return;
	free(h->p);
	h->p = 0;
}
void holder_fill(struct holder *h)
{
	if (!h->p)
		h->p = malloc(16);
}
/* Clears first, then refills. */
void holder_refill(struct holder *h)
{
	holder_clear(h);
	holder_fill(h);
}
