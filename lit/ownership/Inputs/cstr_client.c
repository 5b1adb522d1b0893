#include <stdlib.h>
#include <string.h>

static const char *keys[] = {"user.name", "user.email"};
static const char *vals[] = {"alice", "alice@example.org"};

char *cfg_get(const char *key)
{
	for (int i = 0; i < 2; i++)
		if (strcmp(keys[i], key) == 0)
			return strdup(vals[i]);
	return NULL;
}

typedef struct Entry Entry;
Entry *entry_new(const char *key);
const char *entry_key(Entry *e);
void entry_free(Entry *e);
size_t name_len_leak(void);
size_t name_len(void);
size_t email_len(void);

/* BUG: frees the key the entry lends (a CString made by CStr::to_owned). */
__attribute__((noinline)) size_t bug_key(void)
{
	Entry *e = entry_new("color");
	char *k = (char *)entry_key(e);
	size_t n = strlen(k);
	free(k);
	entry_free(e);
	return n;
}

/* Correct: a copy of it. */
size_t ok_key(void)
{
	Entry *e = entry_new("color");
	char *k = strdup(entry_key(e));
	size_t n = strlen(k);
	free(k);
	entry_free(e);
	return n;
}

int main(int argc, char **argv)
{
	(void)argv;
	size_t n = name_len_leak() + name_len() + email_len() + ok_key();
	return (int)(argc > 8 ? bug_key() : n) > 0 ? 0 : 1;
}
