// The C client of names.rs.
#include <stdlib.h>
#include <string.h>

char *names_make(void);
void names_free(char *);
void names_give(void);
void names_lend(void);
int names_measure(void);
int names_fill(char **out, unsigned id);

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

/* Bug: the out-parameter's string freed with free(). */
__attribute__((noinline)) void fill_bad(void) {
    char *s = 0;
    names_fill(&s, 3);
    free(s);
}

/* Near miss: given back to names_free. */
__attribute__((noinline)) void fill_good(void) {
    char *s = 0;
    names_fill(&s, 4);
    names_free(s);
}

int main(void) {
    fill_bad();
    fill_good();
    int r = use_good() + use_bad() + names_measure();
    names_give();
    names_lend();
    names_free(kept);
    return r == 20 ? 0 : 1;
}
