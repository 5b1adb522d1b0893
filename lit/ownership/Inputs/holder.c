/* A C object with a field it frees and nulls (as Oniguruma's regions do). */
#include <stdlib.h>
#include <string.h>

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
/* Replaces the field with a copy of `text` (curl's COPYPOSTFIELDS setter): the place holds the
 * copy afterwards, so calling it again, or clearing, frees the copy. */
void holder_set(struct holder *h, const char *text)
{
	free(h->p);
	h->p = strdup(text);
}
