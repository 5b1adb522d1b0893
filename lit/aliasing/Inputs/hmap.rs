// A Rust wrapper over a C header map whose keys are case-insensitive (hmap.c): the key and the
// value are lent as &CStr (readonly on the call at -O2).
use std::ffi::{c_char, c_int, CStr};

#[repr(C)]
pub struct hmap {
    _p: [u8; 0],
}

extern "C" {
    fn hmap_new() -> *mut hmap;
    fn hmap_add(m: *mut hmap, key: *const c_char, val: *const c_char) -> c_int;
    fn hmap_add_lower(m: *mut hmap, key: *const c_char, val: *const c_char) -> c_int;
    fn hmap_free(m: *mut hmap);
}

pub struct Headers(*mut hmap);

impl Headers {
    pub fn new() -> Headers {
        Headers(unsafe { hmap_new() })
    }
    pub fn add(&mut self, key: &CStr, val: &CStr) -> i32 {
        unsafe { hmap_add(self.0, key.as_ptr(), val.as_ptr()) }
    }
    pub fn add_lower(&mut self, key: &CStr, val: &CStr) -> i32 {
        unsafe { hmap_add_lower(self.0, key.as_ptr(), val.as_ptr()) }
    }
}

impl Drop for Headers {
    fn drop(&mut self) {
        unsafe { hmap_free(self.0) }
    }
}

#[no_mangle]
pub unsafe extern "C" fn rust_headers(k: *const c_char, v: *const c_char) -> c_int {
    let key = CStr::from_ptr(k);
    let val = CStr::from_ptr(v);
    let mut h = Headers::new();
    let n = h.add(key, val) + h.add_lower(key, val);
    n + key.to_bytes().len() as c_int
}
