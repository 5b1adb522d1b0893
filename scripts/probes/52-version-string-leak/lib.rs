// Pattern: a Rust library returns a fresh CString::into_raw from a "getter" that C callers
// treat as a static string (`printf("%s", lib_version())`) -- a leak per call (fixed in
// several cbindgen libraries by returning a &'static CStr pointer instead).
use std::ffi::{c_char, CString};

#[no_mangle]
pub extern "C" fn lib_version() -> *mut c_char {
    CString::new(format!("{}.{}.{}", 1, 4, 2)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn lib_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
