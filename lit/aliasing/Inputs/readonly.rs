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

// Near miss (SQLite's bind with SQLITE_TRANSIENT): the C side copies the bytes; only with
// another destructor argument would it release them, and the release function's writes into
// the block it frees (a free list) are its allocator's bookkeeping, not writes to the data.
extern "C" {
    fn c_bind_blob(z: &u8, n: usize, destructor: isize) -> c_int;
}

pub fn bind_transient(b: &[u8]) -> c_int {
    unsafe { c_bind_blob(&b[0], b.len(), -1) }
}

// The write hangs on a flag: decided by what each call passes. Passing 1 writes (found),
// passing 0 does not, and SQLite's SQLITE_TRANSIENT (-1) is never its dynamic destructor.
extern "C" {
    fn c_mark(z: &u8, flags: c_int) -> c_int;
    fn c_bind_text(z: &u8, n: usize, destructor: *const std::ffi::c_void) -> c_int;
}

pub fn mark_flagged(b: &u8) -> c_int {
    unsafe { c_mark(b, 1) }
}

pub fn mark_plain(b: &u8) -> c_int {
    unsafe { c_mark(b, 0) }
}

pub fn bind_text_transient(b: &[u8]) -> c_int {
    unsafe { c_bind_text(&b[0], b.len(), usize::MAX as *const std::ffi::c_void) }
}
