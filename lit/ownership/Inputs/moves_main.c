/* Runs the near misses only. */
#include <stddef.h>

size_t good_unwrap(void);
size_t good_take(void);
size_t good_own(void);
size_t good_result_ok(void);
size_t good_question(void);

int main(void)
{
	size_t n = good_unwrap() + good_take() + good_own() + good_result_ok() + good_question();
	return n == 3 + 3 + 4 + 3 + 6 ? 0 : 1;
}
