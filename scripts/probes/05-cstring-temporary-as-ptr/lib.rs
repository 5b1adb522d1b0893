// Pattern: `CString::new(s).unwrap().as_ptr()` -- the temporary CString is dropped at the end
// of the statement and C reads freed memory (clippy's temporary_cstring_as_ptr; rustc's
// dangling_pointers_from_temporaries lint; reported in many -sys wrappers, e.g. setting a
// window title or a log tag).
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn win_set_title(w: c_int, title: *const c_char) -> c_int;
}

pub fn set_title(w: i32, title: &str) -> i32 {
    #[allow(temporary_cstring_as_ptr, dangling_pointers_from_temporaries)]
    let p = CString::new(title).unwrap().as_ptr();
    unsafe { win_set_title(w, p) }
}

#[no_mangle]
pub extern "C" fn rs_title(w: c_int) -> c_int {
    set_title(w, "main window")
}
