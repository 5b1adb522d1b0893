// Prints what the Rust functions compute, for the differential test with and without
// ffiguard-inline.
#include <cstdint>
#include <cstdio>

extern "C" uint64_t rust_mix(uint64_t n);
extern "C" uint64_t rust_scale(uint64_t n);
extern "C" int rust_unsafe_ones(int n);
extern "C" uint64_t rust_scale_other(uint64_t n);

int main() {
    std::printf("%llu %llu %d %llu\n", (unsigned long long)rust_mix(100000),
                (unsigned long long)rust_scale(100000), rust_unsafe_ones(27),
                (unsigned long long)rust_scale_other(100000));
}
