// The C++ side of benchmark (c).
#include "cxx-bench/include/scale.h"
uint64_t scale(uint64_t x) { return x * 3 + 1; }
