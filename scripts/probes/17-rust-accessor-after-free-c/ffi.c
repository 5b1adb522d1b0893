/* C client: prints the title after freeing the document. */
#include <stddef.h>
#include <stdio.h>

typedef struct Doc Doc;
Doc *doc_parse(size_t words);
const char *doc_title(const Doc *d);
size_t doc_words(const Doc *d);
void doc_free(Doc *d);

int show(size_t words)
{
	Doc *d = doc_parse(words);
	const char *title = doc_title(d);
	size_t n = doc_words(d);
	doc_free(d);
	return printf("%s (%zu)\n", title, n); /* BUG: title points into the freed Doc */
}
