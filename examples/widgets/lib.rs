// The Rust half of the bundled example: a widget registry exported to C++.
// It has a real FFI bug: C++ releases a Rust Box with `delete` (see ffi.cpp).
use std::ffi::CString;
use std::os::raw::c_char;

#[repr(C)]
pub struct Widget {
    pub id: u32,
    pub weight: f64,
}

extern "C" {
    fn cpp_register(w: *mut Widget) -> i32;
    fn cpp_log(msg: *const c_char);
}

#[no_mangle]
pub extern "C" fn widget_new(id: u32, weight: f64) -> *mut Widget {
    Box::into_raw(Box::new(Widget { id, weight }))
}

#[no_mangle]
pub extern "C" fn widget_free(w: *mut Widget) {
    if !w.is_null() {
        unsafe { drop(Box::from_raw(w)) }
    }
}

#[no_mangle]
pub extern "C" fn widgets_run(n: u32) -> i32 {
    let name = CString::new("widgets_run").unwrap();
    unsafe { cpp_log(name.as_ptr()) };
    let mut total = 0;
    for id in 0..n {
        // Ownership moves to C++, which frees it with `delete`: undefined behaviour.
        total += unsafe { cpp_register(widget_new(id, 1.5)) };
    }
    total
}
