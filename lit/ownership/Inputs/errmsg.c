/* A tiny sqlite3_exec-style library: errors come back as a char ** the caller frees with kv_free. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *kv_malloc(size_t n) { return malloc(n); }
void kv_free(void *p) { free(p); }

static char *kv_mprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = kv_malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int kv_exec(int db, const char *cmd, char **errmsg)
{
	if (errmsg)
		*errmsg = NULL;
	if (strncmp(cmd, "get ", 4) == 0)
		return 0;
	if (errmsg)
		*errmsg = kv_mprintf("near \"%s\": syntax error (db %d)", cmd, db);
	return 1;
}

int rust_run(int db, const char *cmd);

int main(int argc, char **argv) { return rust_run(argc, argc > 1 ? argv[1] : "put x") > 0 ? 0 : 1; }
