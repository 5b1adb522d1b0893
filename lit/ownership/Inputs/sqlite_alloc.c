/* A stand-in for SQLite's allocator API (its contract, not its code: a size header before the
 * block, as SQLite's default allocator keeps). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void *sqlite3_malloc(int n)
{
	long long *p = malloc(sizeof(long long) + (size_t)n);
	if (!p)
		return 0;
	p[0] = n;
	return p + 1;
}
void sqlite3_free(void *p); /* defined with SQLite's configured allocator, elsewhere */
char *sqlite3_mprintf(const char *fmt, ...)
{
	char *s = sqlite3_malloc(64);
	va_list ap;
	va_start(ap, fmt);
	if (s)
		vsnprintf(s, 64, fmt, ap);
	va_end(ap);
	return s;
}

/* Binding a text: SQLite keeps it and calls the destructor when done (at once here). */
typedef void (*destructor)(void *);
int sqlite3_bind_text(void *stmt, int i, const char *text, int n, destructor del)
{
	(void)stmt;
	(void)i;
	(void)n;
	if (del && del != (destructor)-1)
		del((void *)text);
	return 0;
}
