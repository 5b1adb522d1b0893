// C++ built with -mavx2 (or with a personality): trivial shims that ffiguard-inline unblocks,
// and functions it must leave alone (a loop, a stack slot, inline asm, vector code, a target
// intrinsic, exception handling, varargs, recursion).
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <immintrin.h>
#include <stdexcept>

extern "C" uint64_t mix(uint64_t a, uint64_t b) { return a * b + (a >> 3); }

static uint64_t scale_impl(uint64_t x) { return x * 3 + 1; }
extern "C" uint64_t cxxbridge1$scale(uint64_t x) noexcept {
    uint64_t (*f)(uint64_t) = scale_impl;
    return f(x);
}

// The real cxx shape: the implementation is in another file.
uint64_t scale_other(uint64_t x);
extern "C" uint64_t cxxbridge1$scale_other(uint64_t x) noexcept { return scale_other(x); }

extern "C" int with_loop(int n) {
    int steps = 0;
    while (n > 1) {
        n = n % 2 ? 3 * n + 1 : n / 2;
        steps++;
    }
    return steps;
}

extern "C" int with_alloca(int n) {
    volatile int slot = n;
    return slot + 1;
}

extern "C" int with_asm(int n) {
    asm volatile("" ::: "memory");
    return n + 2;
}

extern "C" int with_vector(const int *p) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
    v = _mm256_mullo_epi32(v, v);
    return _mm256_extract_epi32(v, 3);
}

extern "C" unsigned with_intrinsic(unsigned crc, unsigned v) { return _mm_crc32_u32(crc, v); }

static int may_throw(int n) {
    if (n < 0)
        throw std::invalid_argument("negative");
    return n;
}
extern "C" int with_eh(int n) {
    try {
        return may_throw(n);
    } catch (...) {
        return 0;
    }
}

extern "C" int with_varargs(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int m = va_arg(ap, int);
    va_end(ap);
    return n + m;
}

extern "C" int recursive(int n) { return n <= 1 ? n : recursive(n / 2) * 3 - n; }
