// Ownership handed across the boundary: leaks, and the near misses that keep or release it.
mod widgets;
pub use widgets::*;
use std::ffi::c_int;

extern "C" {
    fn cpp_read(w: *const Widget) -> c_int;
    fn cpp_keep(w: *mut Widget);
    fn cpp_release(w: *mut Widget);
}

// Leak: a Box handed to C++, which only reads it; nobody releases it.
pub fn hand_over_and_forget() -> c_int {
    let p = Box::into_raw(Box::new(Widget { x: 1, y: 2 }));
    unsafe { cpp_read(p) }
}

// Near miss: C++ keeps the pointer (stores it).
pub fn hand_over_to_keeper() {
    let p = Box::into_raw(Box::new(Widget { x: 1, y: 2 }));
    unsafe { cpp_keep(p) }
}

// Near miss: C++ releases it (through Rust's widget_free).
pub fn hand_over_to_release() {
    let p = Box::into_raw(Box::new(Widget { x: 1, y: 2 }));
    unsafe { cpp_release(p) }
}

// Near miss: a Vec lent to C++ for the call and dropped after it. At -O2 LLVM tests the
// collected length, not the byte size, before deallocating: a zero length allocated nothing.
extern "C" {
    fn cpp_sum(v: *const c_int, len: usize) -> c_int;
}
pub fn lend_collected(x: i64) -> i64 {
    let v: Vec<c_int> = (0..(x % 16) as c_int).collect();
    unsafe { cpp_sum(v.as_ptr(), v.len()) as i64 }
}
