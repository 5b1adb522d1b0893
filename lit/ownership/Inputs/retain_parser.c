/* A libyaml-style parser: parser_set_input keeps the caller's pointer, not a copy, and
 * parser_next reads through it later. parser_set_copy copies the input (near miss). */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

struct parser {
	const unsigned char *input;
	size_t size, pos;
	unsigned char *owned;
};

struct parser *parser_new(void) { return calloc(1, sizeof(struct parser)); }

void parser_set_input(struct parser *p, const unsigned char *input, size_t size)
{
	p->input = input;
	p->size = size;
	p->pos = 0;
}

void parser_set_copy(struct parser *p, const unsigned char *input, size_t size)
{
	free(p->owned);
	p->owned = malloc(size);
	memcpy(p->owned, input, size);
	p->input = p->owned;
	p->size = size;
	p->pos = 0;
}

int parser_next(struct parser *p)
{
	if (p->pos >= p->size)
		return -1;
	return p->input[p->pos++];
}

void parser_delete(struct parser *p)
{
	free(p->owned);
	free(p);
}

/* Forgets the input: clears its fields with a memset, as zstd's ZSTD_CCtx_reset clears the
 * prefix it was given (through a memset of the struct that keeps it). */
void parser_reset(struct parser *p)
{
	memset(p, 0, offsetof(struct parser, owned));
}
