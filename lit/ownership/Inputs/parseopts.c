/* libpq's PQconninfoParse shape: a malloc'ed array, or NULL (after freeing it) with a message. */
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *k;
	char *v;
} opt_t;

opt_t *parse(const char *s, char **err)
{
	*err = NULL;
	opt_t *o = malloc(4 * sizeof(opt_t));
	if (!o)
		return NULL;
	if (strchr(s, '!')) {
		free(o);
		*err = strdup("bad");
		return NULL;
	}
	memset(o, 0, 4 * sizeof(opt_t));
	return o;
}

void opts_free(opt_t *o)
{
	free(o);
}

void err_free(void *p)
{
	free(p);
}
