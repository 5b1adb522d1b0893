// A Rust crate wrapping the C library of oplib.c.
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

extern "C" {
    #[allow(dead_code)]
    fn lib_strdup(s: *const c_char) -> *mut c_char;
    fn lib_free_string(s: *mut c_char);
    fn lib_with_buffer(n: usize, f: extern "C" fn(*mut c_char, usize)) -> i32;
}

#[cfg(not(fixed))]
pub fn hand_over(name: &str) {
    // The library releases it with its ops table's release (free): not Rust's allocator.
    let s = CString::new(name).unwrap();
    unsafe { lib_free_string(s.into_raw()) }
}

#[cfg(fixed)]
pub fn hand_over(name: &str) {
    let s = CString::new(name).unwrap();
    unsafe { lib_free_string(lib_strdup(s.as_ptr())) }
}

#[cfg(not(fixed))]
extern "C" fn on_buffer(buf: *mut c_char, n: usize) {
    // Takes the lent buffer as a Vec: Rust's allocator frees what the library allocated.
    let v = unsafe { Vec::from_raw_parts(buf as *mut u8, n, n) };
    println!("{}", v.len());
}

#[cfg(fixed)]
extern "C" fn on_buffer(buf: *mut c_char, n: usize) {
    let v = unsafe { std::slice::from_raw_parts(buf as *const u8, n) };
    println!("{}", v.len());
}

pub fn scratch() -> i32 {
    unsafe { lib_with_buffer(64, on_buffer) }
}

pub fn name_len(s: &CStr) -> usize {
    s.to_bytes().len()
}

#[no_mangle]
pub extern "C" fn ops_demo() -> i32 {
    hand_over("x");
    scratch()
}

// The library's ops table as its accessor returns it.
#[repr(C)]
pub struct LibOps {
    alloc: unsafe extern "C" fn(usize) -> *mut c_char,
    release: unsafe extern "C" fn(*mut c_char),
}

extern "C" {
    fn lib_get_ops() -> *const LibOps;
}

// Releases a name through the table lib_get_ops() returns (free): a CString is not the
// library's to release.
#[no_mangle]
pub extern "C" fn drop_name() {
    let s = CString::new("n").unwrap();
    #[cfg(not(fixed))]
    let p = s.into_raw();
    #[cfg(fixed)]
    let p = unsafe { lib_strdup(s.as_ptr()) };
    unsafe { ((*lib_get_ops()).release)(p) }
}
