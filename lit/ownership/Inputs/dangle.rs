// Pointers returned after what they point into is released: a Rust library's getters for C
// (a CString dropped before its as_ptr() is returned), and C++ that returns c_str() of a
// std::string destroyed on return, read by Rust.
use std::ffi::{c_char, c_int, CStr, CString};

// BUG: the CString temporary is dropped at the end of the statement.
#[allow(dangling_pointers_from_temporaries)]
#[no_mangle]
pub extern "C" fn lib_version() -> *const c_char {
    CString::new(format!("{}.{}", 1, 4)).unwrap().as_ptr()
}

// Correct: a static string.
#[no_mangle]
pub extern "C" fn lib_name() -> *const c_char {
    c"dangle".as_ptr()
}

// Correct: ownership goes to the caller, who gives it back to lib_free_string.
#[no_mangle]
pub extern "C" fn lib_strerror(code: c_int) -> *mut c_char {
    CString::new(format!("error {}", code)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn lib_free_string(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}

extern "C" {
    fn cpp_user_name(id: c_int) -> *const c_char;
    fn cpp_user_copy(id: c_int) -> *mut c_char;
    fn free(p: *mut c_char);
}

#[no_mangle]
pub extern "C" fn rust_name_len(id: c_int) -> usize {
    // BUG: cpp_user_name returns c_str() of a string it destroyed.
    let a = unsafe { CStr::from_ptr(cpp_user_name(id)) }.to_bytes().len();
    // Correct: a strdup'ed copy, freed here.
    let p = unsafe { cpp_user_copy(id) };
    let b = unsafe { CStr::from_ptr(p) }.to_bytes().len();
    unsafe { free(p) };
    a + b
}
