// The benchmark driver: times rust_bench(n) in-process and prints "result seconds".
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
extern "C" uint64_t rust_bench(uint64_t n);
int main(int argc, char **argv) {
    uint64_t n = argc > 1 ? strtoull(argv[1], nullptr, 10) : 1000000000ull;
    auto t0 = std::chrono::steady_clock::now();
    uint64_t r = rust_bench(n);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%llu %.4f\n", (unsigned long long)r, s);
}
