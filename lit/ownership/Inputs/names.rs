// A Rust library with a C header (names.h): C strings made by Rust, handed to C.
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn c_take(s: *mut c_char);
    fn c_keep(s: *mut c_char);
    fn c_len(s: *const c_char) -> c_int;
}

// Returns a string the caller must give back to names_free.
#[no_mangle]
pub extern "C" fn names_make() -> *mut c_char {
    CString::new("widget").unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn names_free(p: *mut c_char) {
    if !p.is_null() {
        drop(CString::from_raw(p));
    }
}

// Bug: C frees Rust's string with free().
#[no_mangle]
pub extern "C" fn names_give() {
    let p = CString::new("hello").unwrap().into_raw();
    unsafe { c_take(p) }
}

// Near miss: C keeps the string (and gives it back to names_free later).
#[no_mangle]
pub extern "C" fn names_lend() {
    let p = CString::new("kept").unwrap().into_raw();
    unsafe { c_keep(p) }
}

// Near miss: the CString stays alive in a binding while C reads it.
#[no_mangle]
pub extern "C" fn names_measure() -> c_int {
    let s = CString::new("measured").unwrap();
    unsafe { c_len(s.as_ptr()) }
}

// Bug: a Vec's buffer handed to C's free (vec![x; n] and Vec::as_mut_ptr are real calls at -O0).
#[no_mangle]
pub extern "C" fn names_give_bytes() {
    let mut v = vec![b'x'; 16];
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    unsafe { c_take(p as *mut c_char) }
}

// Fills an out-parameter with a string the caller must give back to names_free (rustc inlines
// Result::unwrap at -O0 too, leaving the CString packed into a pair and unpacked again).
#[no_mangle]
pub unsafe extern "C" fn names_fill(out: *mut *mut c_char, id: u32) -> c_int {
    *out = CString::new(format!("item-{id}")).unwrap().into_raw();
    0
}
