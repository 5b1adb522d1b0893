// C++ functions Rust calls: some may throw, some cannot.
#include <stdexcept>

extern "C" int cpp_validate(int x) {
    if (x < 0)
        throw std::invalid_argument("negative");
    return x;
}

extern "C" int cpp_fail(int x) { throw std::runtime_error("always"); }

static int check_range(int x) {
    if (x > 100)
        throw std::out_of_range("too big");
    return x;
}

extern "C" int cpp_via_helper(int x) { return check_range(x) + 1; }

// A forwarding shim to a throwing function.
extern "C" int cpp_forward(int x) { return cpp_validate(x); }

extern "C" int cpp_noexcept(int x) noexcept { return x + 1; }

extern "C" int cpp_catches(int x) {
    try {
        return cpp_validate(x);
    } catch (...) {
        return -1;
    }
}

extern "C" int cpp_validate_unwind(int x) { return cpp_validate(x); }
