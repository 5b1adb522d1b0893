#include <stddef.h>
#include <stdio.h>
void each_word(const char *const *words, const size_t *lens, size_t n, int (*f)(const char *));
static int print_word(const char *w) { return printf("%s\n", w) < 0; }
int main(void)
{
	const char *w[] = {"a", "bb", "ccc"};
	size_t l[] = {1, 2, 3};
	each_word(w, l, 3, print_word);
	return 0;
}
