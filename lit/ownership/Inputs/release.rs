// Releases on both sides of the boundary: double frees, uses after free, and the near misses.
mod widgets;
pub use widgets::*;
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn cpp_release(w: *mut Widget);
    fn cpp_read(w: *const Widget) -> c_int;
    fn c_puts(s: *const c_char) -> c_int;
}

// Double free: C++ already released the Box through widget_free.
pub fn release_twice() {
    let p = Box::into_raw(Box::new(Widget { x: 1, y: 2 }));
    unsafe { cpp_release(p) };
    drop(unsafe { Box::from_raw(p) });
}

// Use after free: Rust reads what C++ released.
pub fn read_after_release() -> c_int {
    let p = Box::into_raw(Box::new(Widget { x: 1, y: 2 }));
    unsafe { cpp_release(p) };
    unsafe { (*p).x }
}

// Use after free: the CString temporary is dropped before the call.
#[allow(dangling_pointers_from_temporaries)]
pub fn cstring_temporary() -> c_int {
    let p = CString::new("hello").unwrap().as_ptr();
    unsafe { c_puts(p) }
}

// Near miss: the CString lives in a binding until after the call.
pub fn cstring_kept() -> c_int {
    let s = CString::new("hello").unwrap();
    unsafe { c_puts(s.as_ptr()) }
}

// Near miss: C++ only reads; Rust releases once, afterwards.
pub fn lend_then_drop() -> c_int {
    let b = Box::new(Widget { x: 3, y: 4 });
    let n = unsafe { cpp_read(&*b) };
    drop(b);
    n
}
