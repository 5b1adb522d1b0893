// A function in another translation unit: when calls.cpp is compiled, its noexcept shim cannot
// know that this cannot throw, so the shim keeps an invoke and a terminate pad.
#include <cstdint>
uint64_t scale_other(uint64_t x) { return x * 5 + 2; }
