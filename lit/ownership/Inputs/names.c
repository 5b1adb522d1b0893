// The C client of names.rs.
#include <stdlib.h>
#include <string.h>

char *names_make(void);
void names_free(char *);
void names_give(void);
void names_lend(void);
int names_measure(void);

static char *kept;
void c_take(char *s) { free(s); }
void c_keep(char *s) { kept = s; }
int c_len(const char *s) { return (int)strlen(s); }

__attribute__((noinline)) int use_bad(void) {
    char *n = names_make();
    int len = (int)strlen(n);
    free(n);
    return len;
}

__attribute__((noinline)) int use_good(void) {
    char *n = names_make();
    int len = (int)strlen(n);
    names_free(n);
    return len;
}

int main(void) {
    int r = use_good() + use_bad() + names_measure();
    names_give();
    names_lend();
    names_free(kept);
    return r == 20 ? 0 : 1;
}
