// The Rust side shared by the ownership tests: a Widget owned by Rust's allocator, with the
// release functions a correct C++ caller uses.
use std::ffi::c_int;

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

#[no_mangle]
pub extern "C" fn widget_new(x: c_int) -> *mut Widget {
    Box::into_raw(Box::new(Widget { x, y: 0 }))
}

#[no_mangle]
pub extern "C" fn widget_free(w: *mut Widget) {
    if !w.is_null() {
        drop(unsafe { Box::from_raw(w) });
    }
}

#[no_mangle]
pub extern "C" fn rust_take(w: *mut Widget) {
    drop(unsafe { Box::from_raw(w) });
}

// A trivial forwarding shim, as hand-written bindings have.
#[no_mangle]
pub extern "C" fn rust_free_fwd(w: *mut Widget) {
    widget_free(w)
}

#[no_mangle]
pub extern "C" fn rust_peek(w: *const Widget) -> c_int {
    unsafe { (*w).x }
}
