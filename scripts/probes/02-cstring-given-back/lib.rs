// Near miss of 01: the C client gives the string back to the Rust library's lib_string_free
// (CString::from_raw), as a cbindgen header documents.
use std::ffi::{c_char, CString};

#[no_mangle]
pub extern "C" fn lib_describe(code: i32) -> *mut c_char {
    let s = format!("error code {}", code);
    CString::new(s).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn lib_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
