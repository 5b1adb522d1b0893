/* A libcurl-like easy handle: POSTFIELDS keeps the caller's pointer; perform reads it. */
#include <stdlib.h>
#include <string.h>

struct easy { const char *postfields; char *copied; };

struct easy *easy_init(void)
{
	struct easy *h = calloc(1, sizeof *h);
	if (!h)
		abort();
	return h;
}

int easy_set_postfields(struct easy *h, const char *data)
{
	h->postfields = data; /* not copied, as CURLOPT_POSTFIELDS */
	return 0;
}

int easy_set_copypostfields(struct easy *h, const char *data)
{
	free(h->copied);
	h->copied = strdup(data); /* copied, as CURLOPT_COPYPOSTFIELDS */
	h->postfields = h->copied;
	return 0;
}

int easy_perform(struct easy *h) { return h->postfields ? (int)strlen(h->postfields) : -1; }

void easy_cleanup(struct easy *h)
{
	free(h->copied);
	free(h);
}
