/* A C client of the Rust tokenizer, which borrows the input it is given. */
#include <stdlib.h>
#include <string.h>

struct tokenizer;
struct tokenizer *tok_new(void);
void tok_set_input(struct tokenizer *t, const char *input, size_t len);
int tok_next(struct tokenizer *t);
void tok_free(struct tokenizer *t);

/* Bug: the copy is freed while the tokenizer still points at it. */
__attribute__((noinline)) int first_token_freed(const char *doc)
{
	struct tokenizer *t = tok_new();
	char *copy = strdup(doc);
	tok_set_input(t, copy, strlen(copy));
	free(copy);
	int c = tok_next(t);
	tok_free(t);
	return c;
}

/* Near miss: freed after the last read. */
__attribute__((noinline)) int first_token_kept(const char *doc)
{
	struct tokenizer *t = tok_new();
	char *copy = strdup(doc);
	tok_set_input(t, copy, strlen(copy));
	int c = tok_next(t);
	tok_free(t);
	free(copy);
	return c;
}

int first_byte_kept(const unsigned char *doc, size_t n);
int first_byte_dropped(const unsigned char *doc, size_t n);

int main(int argc, char **argv)
{
	const char *doc = argc > 1 ? argv[1] : "[[1], [2]]";
	if (argc > 2) /* the bugs, never run by the test */
		return first_token_freed(doc) + first_byte_dropped((const unsigned char *)doc, 1);
	return first_token_kept(doc) == first_byte_kept((const unsigned char *)doc, strlen(doc)) ? 0 : 1;
}
