/* Runs the near misses only. */
#include <stddef.h>

size_t good_unwrap(void);
size_t good_take(void);
size_t good_own(void);
size_t good_result_ok(void);

int main(void) { return good_unwrap() + good_take() + good_own() + good_result_ok() == 3 + 3 + 4 + 3 ? 0 : 1; }
