// Rust's view of C++ functions, some declared wrong; and a Rust function C++ declares wrong.
use std::ffi::{c_char, c_int};

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Pair {
    pub a: i64,
    pub b: i64,
}

extern "C" {
    fn cpp_add(a: c_int, b: c_int) -> c_int;
    fn cpp_scale(x: f64) -> f64;
    fn cpp_name(id: u32) -> *const c_char;
    fn cpp_area(r: Rect) -> f64;
    fn cpp_flag(b: u8) -> c_int;
    // Declared right: a pair by value, a bool, a float.
    fn cpp_swap(p: Pair) -> Pair;
    fn cpp_not(b: bool) -> bool;
    fn cpp_half(x: f32) -> f32;
    // A C library neither side defines: Rust gets the length's width wrong; the version
    // function both sides declare alike.
    fn ext_checksum(buf: *const u8, len: u32) -> u32;
    fn ext_version() -> c_int;
    // Declared right the way cxx does it: a { pointer, length } pair seen as two integers.
    fn cpp_slice() -> PtrLen;
}

#[repr(C)]
pub struct PtrLen {
    pub ptr: usize,
    pub len: usize,
}

pub fn slice_len() -> usize {
    unsafe { cpp_slice().len }
}

pub fn external() -> u32 {
    unsafe { ext_checksum(b"abc".as_ptr(), 3) + ext_version() as u32 }
}

pub fn wrong() -> f64 {
    unsafe {
        let r = Rect { x: 0.0, y: 0.0, w: 2.0, h: 3.0 };
        cpp_add(1, 2) as f64 + cpp_scale(2.0) + cpp_name(7) as usize as f64 + cpp_area(r)
            + cpp_flag(200) as f64
    }
}

pub fn right() -> i64 {
    unsafe { cpp_swap(Pair { a: 1, b: 2 }).a + cpp_not(false) as i64 + cpp_half(4.0) as i64 }
}

#[no_mangle]
pub extern "C" fn rust_len(s: *const c_char) -> usize {
    unsafe { std::ffi::CStr::from_ptr(s) }.to_bytes().len()
}

#[no_mangle]
pub extern "C" fn rust_sum(a: i64, b: i64) -> i64 {
    a + b
}

/// A handle: one pointer in a repr(C) struct, passed by value (lz4-sys's contexts). rustc lowers
/// it to an i64, clang's void * is a ptr: one integer register to both, so it agrees.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Handle(pub *mut std::ffi::c_void);

extern "C" {
    fn cpp_handle_next(h: Handle) -> Handle;
}

pub fn handle_next(h: Handle) -> Handle {
    unsafe { cpp_handle_next(h) }
}

/// meshoptimizer's statistics struct returned by value: rustc lowers it to { i64, double },
/// clang to { i64, <2 x float> }, the same two registers (rax and xmm0): it agrees.
#[repr(C)]
pub struct CacheStats {
    pub vertices_transformed: u32,
    pub warps_executed: u32,
    pub acmr: f32,
    pub atvr: f32,
}

extern "C" {
    fn cpp_cache_stats(n: u32) -> CacheStats;
}

pub fn cache_acmr(n: u32) -> f32 {
    unsafe { cpp_cache_stats(n).acmr }
}
