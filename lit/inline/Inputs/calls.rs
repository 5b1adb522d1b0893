// Rust calling C++ one-liners (built with -mavx2), a cxx-style noexcept shim, and C++ functions
// that must not be inlined however they are built.
use std::ffi::c_int;

extern "C" {
    fn mix(a: u64, b: u64) -> u64;
    #[link_name = "cxxbridge1$scale"]
    fn scale(x: u64) -> u64;
    #[link_name = "cxxbridge1$scale_other"]
    fn scale_other(x: u64) -> u64;
    fn with_loop(n: c_int) -> c_int;
    fn with_alloca(n: c_int) -> c_int;
    fn with_asm(n: c_int) -> c_int;
    fn with_vector(p: *const c_int) -> c_int;
    fn with_intrinsic(crc: u32, v: u32) -> u32;
    fn with_eh(n: c_int) -> c_int;
    fn with_varargs(n: c_int, ...) -> c_int;
    fn recursive(n: c_int) -> c_int;
}

#[no_mangle]
pub extern "C" fn rust_mix(n: u64) -> u64 {
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(unsafe { mix(i, 7) });
    }
    s
}

#[no_mangle]
pub extern "C" fn rust_scale(n: u64) -> u64 {
    let table: Vec<u64> = (0..64).collect();
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(unsafe { scale(i) }) ^ table[(i % 61) as usize];
    }
    s
}

#[no_mangle]
pub extern "C" fn rust_scale_other(n: u64) -> u64 {
    let table: Vec<u64> = (0..64).collect();
    let mut s = 0u64;
    for i in 0..n {
        s = s.wrapping_add(unsafe { scale_other(i) }) ^ table[(i % 59) as usize];
    }
    s
}

#[no_mangle]
pub extern "C" fn rust_unsafe_ones(n: c_int) -> c_int {
    unsafe {
        let v = [n; 8];
        with_loop(n) + with_alloca(n) + with_asm(n) + with_vector(v.as_ptr()) + with_eh(n)
            + with_varargs(n, n) + recursive(n) + with_intrinsic(n as u32, 7) as c_int
    }
}
