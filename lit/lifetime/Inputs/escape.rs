// Rust lends stack addresses to C++; C++ returns addresses of its own locals to Rust.
use std::ffi::{c_char, c_int, CStr};

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

extern "C" {
    fn cpp_register(w: *mut Widget);
    fn cpp_remember(p: *const c_int);
    fn cpp_queue(w: *mut Widget);
    fn cpp_fwd_register(w: *mut Widget);
    fn cpp_label(id: c_int) -> *const c_char;
    fn cpp_scratch() -> *mut c_int;
    // Near misses: only reads during the call; copies the value; returns static storage.
    fn cpp_read(w: *const Widget) -> c_int;
    fn cpp_copy(w: *const Widget);
    fn cpp_static_label() -> *const c_char;
}

pub fn register_local() {
    let mut w = Widget { x: 1, y: 2 };
    unsafe { cpp_register(&mut w) }
}

pub fn remember_local(x: c_int) -> c_int {
    let n: c_int = x * 2;
    unsafe { cpp_remember(&n) };
    n
}

pub fn queue_local() {
    let mut w = Widget { x: 3, y: 4 };
    unsafe { cpp_queue(&mut w) }
}

pub fn register_through_shim() {
    let mut w = Widget { x: 5, y: 6 };
    unsafe { cpp_fwd_register(&mut w) }
}

pub fn label_len() -> usize {
    unsafe { CStr::from_ptr(cpp_label(7)) }.to_bytes().len()
}

pub fn scratch() -> c_int {
    unsafe { *cpp_scratch() }
}

pub fn near_misses() -> usize {
    let w = Widget { x: 7, y: 8 };
    unsafe {
        cpp_copy(&w);
        cpp_read(&w) as usize + CStr::from_ptr(cpp_static_label()).to_bytes().len()
    }
}
