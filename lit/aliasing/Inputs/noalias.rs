// Rust functions with exclusive (&mut) parameters, called from C++.
use std::ffi::c_int;

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

#[no_mangle]
pub extern "C" fn rust_swap(a: &mut c_int, b: &mut c_int) {
    std::mem::swap(a, b);
}

#[no_mangle]
pub extern "C" fn rust_add_into(dst: &mut Widget, src: &Widget) {
    dst.x += src.x;
    dst.y += src.y;
}

#[no_mangle]
pub extern "C" fn rust_sum(a: &Widget, b: &Widget) -> c_int {
    a.x + b.x
}
