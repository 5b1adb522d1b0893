// Benchmark (a): a one-line extern "C" C++ function summed in a Rust loop; built with -mavx2
// it no longer inlines into the Rust caller under stock LTO.
#include <cstdint>
extern "C" uint64_t mix(uint64_t a, uint64_t b) { return a * b + (a >> 3); }
