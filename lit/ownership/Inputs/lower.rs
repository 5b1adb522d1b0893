// A Rust library handing out lower-cased strings through a C header: the caller gives each back
// to tok_free_string.
use std::ffi::{c_char, CStr, CString};

#[no_mangle]
pub unsafe extern "C" fn tok_lower(s: *const c_char) -> *mut c_char {
    let lower = CStr::from_ptr(s).to_bytes().to_ascii_lowercase();
    CString::new(lower).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn tok_free_string(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
