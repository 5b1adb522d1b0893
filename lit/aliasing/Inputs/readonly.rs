// Rust lends &T to C++ functions; some of them write through it.
use std::cell::Cell;
use std::ffi::c_int;

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

extern "C" {
    fn cpp_touch(w: &Widget) -> c_int;
    fn cpp_reset(w: &Widget);
    fn cpp_clear(w: &Widget);
    fn cpp_fwd_touch(w: &Widget) -> c_int;
    // Near misses: only reads; a Cell (interior mutability); a raw mutable pointer.
    fn cpp_peek(w: &Widget) -> c_int;
    fn cpp_bump_cell(c: &Cell<c_int>);
    fn cpp_bump_raw(w: *mut Widget);
}

pub fn lend(w: &Widget) -> c_int {
    unsafe { cpp_touch(w) + cpp_peek(w) }
}

pub fn lend_helper(w: &Widget) -> c_int {
    unsafe { cpp_reset(w) };
    w.x
}

pub fn lend_memset(w: &Widget) -> c_int {
    unsafe { cpp_clear(w) };
    w.y
}

pub fn lend_shim(w: &Widget) -> c_int {
    unsafe { cpp_fwd_touch(w) }
}

pub fn near_misses(c: &Cell<c_int>, w: &mut Widget) -> c_int {
    unsafe {
        cpp_bump_cell(c);
        cpp_bump_raw(w);
    }
    c.get() + w.x
}
