// Rust calling C++ that may throw: through extern "C" (nounwind) and extern "C-unwind".
use std::ffi::c_int;

extern "C" {
    fn cpp_validate(x: c_int) -> c_int;
    fn cpp_fail(x: c_int) -> c_int;
    fn cpp_via_helper(x: c_int) -> c_int;
    fn cpp_forward(x: c_int) -> c_int;
    fn cpp_noexcept(x: c_int) -> c_int;
    fn cpp_catches(x: c_int) -> c_int;
}

extern "C-unwind" {
    fn cpp_validate_unwind(x: c_int) -> c_int;
}

pub fn validate(x: c_int) -> c_int {
    unsafe { cpp_validate(x) }
}

pub fn fail(x: c_int) -> c_int {
    unsafe { cpp_fail(x) }
}

pub fn via_helper(x: c_int) -> c_int {
    unsafe { cpp_via_helper(x) }
}

pub fn forward(x: c_int) -> c_int {
    unsafe { cpp_forward(x) }
}

// Near misses: a noexcept body, a body that catches, an extern "C-unwind" import.
pub fn no_throw(x: c_int) -> c_int {
    unsafe { cpp_noexcept(x) + cpp_catches(x) }
}

pub fn may_unwind(x: c_int) -> c_int {
    unsafe { cpp_validate_unwind(x) }
}
