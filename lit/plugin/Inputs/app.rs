// The Rust half of the program the plugin tests link: two ownership errors at the boundary.
use std::ffi::{c_char, c_int, CString};

#[repr(C)]
pub struct Widget {
    pub x: c_int,
    pub y: c_int,
}

extern "C" {
    fn cpp_consume(w: *mut Widget) -> c_int;
    fn cpp_print(s: *const c_char) -> c_int;
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
#[allow(dangling_pointers_from_temporaries)]
pub extern "C" fn rust_run(n: c_int) -> c_int {
    let w = Box::into_raw(Box::new(Widget { x: n, y: 1 }));
    let id = unsafe { cpp_consume(w) };
    let p = CString::new("done").unwrap().as_ptr();
    id + unsafe { cpp_print(p) }
}
