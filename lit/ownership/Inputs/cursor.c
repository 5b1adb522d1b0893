/* A C line cursor (sqlite3_step/column_text style): the row is valid until the next call. */
#include <stdlib.h>
#include <string.h>

struct cursor {
	const char *src;
	size_t pos;
	char *row;
};

struct cursor *cur_open(const char *src)
{
	struct cursor *c = calloc(1, sizeof *c);
	c->src = src;
	return c;
}

/* A borrowed row, or NULL at the end. */
const char *cur_next(struct cursor *c)
{
	free(c->row);
	c->row = NULL;
	if (!c->src[c->pos])
		return NULL;
	size_t n = strcspn(c->src + c->pos, "\n");
	c->row = malloc(n + 1);
	memcpy(c->row, c->src + c->pos, n);
	c->row[n] = 0;
	c->pos += n + (c->src[c->pos + n] ? 1 : 0);
	return c->row;
}

void cur_close(struct cursor *c)
{
	free(c->row);
	free(c);
}

size_t rust_lines(const char *text);
size_t rust_first_line(const char *text);

int main(int argc, char **argv)
{
	size_t n = rust_lines(argc > 1 ? argv[1] : "a\nbb\nccc");
	return (int)(argc > 8 ? rust_first_line(argv[1]) : n) > 0 ? 0 : 1;
}
