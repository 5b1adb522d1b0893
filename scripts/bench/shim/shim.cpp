// Benchmark (b): a cxx-style bridge, noexcept (so clang gives it __gxx_personality_v0) and
// calling through a function pointer; built with -DPLAIN_SHIM it is not noexcept (the baseline).
#include <cstdint>
static uint64_t scale(uint64_t x) { return x * 3 + 1; }
// As cxx generates it: noexcept, calling the real function through a function pointer.
#ifdef PLAIN_SHIM
#define SHIM_NOEXCEPT
#else
#define SHIM_NOEXCEPT noexcept
#endif
extern "C" uint64_t cxxbridge1$scale(uint64_t x) SHIM_NOEXCEPT {
    uint64_t (*f)(uint64_t) = scale;
    return f(x);
}
