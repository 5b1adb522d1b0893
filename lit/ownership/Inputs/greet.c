#include <stdio.h>
#include <stdlib.h>

char *greet(const char *name);
void rust_free_string(char *s);

/* BUG: Rust's string released with free(). */
__attribute__((noinline)) void greet_bug(const char *who)
{
	char *s = greet(who);
	puts(s);
	free(s);
}

/* Correct: given back. */
__attribute__((noinline)) void greet_ok(const char *who)
{
	char *s = greet(who);
	puts(s);
	rust_free_string(s);
}

int main(int argc, char **argv)
{
	greet_ok(argv[0]);
	if (argc > 8)
		greet_bug(argv[1]);
	return 0;
}
