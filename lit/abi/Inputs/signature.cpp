// The C++ definitions, some disagreeing with Rust's declarations; and C++ declaring Rust wrong.
#include <cstddef>
#include <cstdint>

struct Rect {
    double x, y, w, h;
};
struct Pair {
    long long a, b;
};

extern "C" int64_t cpp_add(int64_t a) { return a + 1; }
extern "C" double cpp_scale(long x) { return x * 2.0; }
extern "C" const char *cpp_name(const char *id) { return id; }
extern "C" double cpp_area(const Rect *r) { return r->w * r->h; }
extern "C" int cpp_flag(signed char b) { return b < 0; }
extern "C" Pair cpp_swap(Pair p) { return {p.b, p.a}; }
extern "C" bool cpp_not(bool b) { return !b; }
extern "C" float cpp_half(float x) { return x / 2; }

extern "C" int rust_len(const char *s, int max);
extern "C" int64_t rust_sum(int64_t a, int64_t b);

struct PtrLen {
    const char *ptr;
    size_t len;
};
extern "C" PtrLen cpp_slice() { return {"abc", 3}; }

extern "C" uint32_t ext_checksum(const char *buf, size_t len);
extern "C" int ext_version();

uint32_t checksum_abc() { return ext_checksum("abc", 3) + ext_version(); }

int call_rust() { return rust_len("abc", 3) + static_cast<int>(rust_sum(1, 2)); }

extern "C" void *cpp_handle_next(void *h) { return static_cast<char *>(h) + 1; }

// meshoptimizer's statistics struct returned by value: two unsigned then two float. Its second
// eightbyte is one SSE register to both sides, which rustc spells double and clang <2 x float>.
struct CacheStats {
    unsigned vertices_transformed, warps_executed;
    float acmr, atvr;
};
extern "C" CacheStats cpp_cache_stats(unsigned n) { return {n, 1, 1.5f, 0.5f}; }
