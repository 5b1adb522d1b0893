// C++ side: reads the struct it was given.
#include <cstdint>

struct Stats { uint64_t hits, misses; };

extern "C" double stats_ratio(const Stats *s)
{
	return double(s->hits) / double(s->hits + s->misses);
}
