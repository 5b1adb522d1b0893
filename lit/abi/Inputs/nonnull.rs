// Rust functions C++ calls: references promise non-null; Option<&T> and raw pointers do not.
use std::ffi::c_int;

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

#[no_mangle]
pub extern "C" fn rust_read(w: &Widget) -> c_int {
    w.x + w.y
}

#[no_mangle]
pub extern "C" fn rust_bump(w: &mut Widget) {
    w.x += 1;
}

#[no_mangle]
pub extern "C" fn rust_opt(w: Option<&Widget>) -> c_int {
    w.map_or(0, |w| w.x)
}

#[no_mangle]
pub extern "C" fn rust_raw(w: *const Widget) -> c_int {
    if w.is_null() {
        0
    } else {
        unsafe { (*w).x }
    }
}

// A forwarding shim taking a raw pointer and handing on a reference.
#[no_mangle]
pub extern "C" fn rust_read_fwd(w: *const Widget) -> c_int {
    rust_read(unsafe { &*w })
}
