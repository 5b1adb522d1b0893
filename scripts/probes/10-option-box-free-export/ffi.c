/* C client of a cbindgen header with Box/Option<Box> in the signatures. */
#include <stddef.h>
#include <stdint.h>

typedef struct Counter Counter;
Counter *counter_new(void);
uint64_t counter_hit(Counter *c);
void counter_free(Counter *c);

uint64_t hit_twice(void)
{
	Counter *c = counter_new();
	counter_hit(c);
	uint64_t n = counter_hit(c);
	counter_free(c);
	counter_free(NULL);
	return n;
}
