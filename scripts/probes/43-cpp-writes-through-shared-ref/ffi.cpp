// C++ side: counts its own calls in the struct it was given.
#include <cstdint>

struct Stats { uint64_t hits, misses; };

extern "C" double stats_ratio(Stats *s)
{
	s->hits += 1; // writes through what Rust passes as &Stats
	return double(s->hits) / double(s->hits + s->misses);
}
