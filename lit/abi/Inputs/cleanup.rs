// Rust calling C++ entry points declared extern "C" (cleanup.cpp).
extern "C" {
    fn cxx_bump() -> i32;
    fn cxx_grow(n: i32) -> i32;
}

pub fn bump() -> i32 {
    unsafe { cxx_bump() }
}

pub fn grow(n: i32) -> i32 {
    unsafe { cxx_grow(n) }
}
