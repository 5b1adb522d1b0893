/* Runs the near misses only. */
#include <stddef.h>

size_t good_unwrap(void);
size_t good_take(void);
size_t good_own(void);

int main(void) { return good_unwrap() + good_take() + good_own() == 3 + 3 + 4 ? 0 : 1; }
