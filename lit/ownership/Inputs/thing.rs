// A Rust library with a C API: an opaque object, an accessor that lends a pointer into it, an
// owned string and an owned buffer handed out through out-parameters, each with its release.
use std::ffi::{c_char, CString};

pub struct Thing {
    name: CString,
    data: Vec<u8>,
}

#[no_mangle]
pub extern "C" fn thing_new(n: usize) -> *mut Thing {
    Box::into_raw(Box::new(Thing { name: CString::new("thing").unwrap(), data: vec![7; n] }))
}

#[no_mangle]
pub unsafe extern "C" fn thing_free(t: *mut Thing) {
    if !t.is_null() {
        drop(Box::from_raw(t));
    }
}

/// Borrowed: valid until thing_free.
#[no_mangle]
pub unsafe extern "C" fn thing_name(t: *const Thing) -> *const c_char {
    (*t).name.as_ptr()
}

/// Owned: release with thing_string_free.
#[no_mangle]
pub unsafe extern "C" fn thing_take_name(t: *const Thing) -> *mut c_char {
    (*t).name.clone().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn thing_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}

/// Out-parameters: an owned copy of the data; release with thing_buf_free.
#[no_mangle]
pub unsafe extern "C" fn thing_get_buf(t: *const Thing, out: *mut *mut u8, len: *mut usize) -> i32 {
    let b: Box<[u8]> = (*t).data.clone().into_boxed_slice();
    *len = b.len();
    *out = Box::into_raw(b).cast::<u8>();
    0
}

#[no_mangle]
pub unsafe extern "C" fn thing_buf_free(p: *mut u8, len: usize) {
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, len)));
}

/// Releases the Thing, which must not be null.
#[no_mangle]
pub unsafe extern "C" fn thing_destroy(t: *mut Thing) {
    drop(Box::from_raw(t));
}
