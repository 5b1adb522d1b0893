// Pattern: a Rust library exports a C string (CString::into_raw) and the C client frees it with
// free() -- the most reported FFI bug (e.g. the "returning strings from Rust to C" issues of
// cbindgen-based crates: `char *s = lib_version(); ...; free(s);`).
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
