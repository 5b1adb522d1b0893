// A Rust library with a C API: greet() returns an owned string the caller gives back with
// rust_free_string. CString::new of a String (format!) instantiates std's generic
// SpecNewImpl::spec_new_impl, into_raw and new in this crate, with legacy symbols.
use std::ffi::{c_char, CStr, CString};

#[no_mangle]
pub unsafe extern "C" fn greet(name: *const c_char) -> *mut c_char {
    let n = CStr::from_ptr(name).to_string_lossy();
    CString::new(format!("hello, {}", n)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn rust_free_string(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
