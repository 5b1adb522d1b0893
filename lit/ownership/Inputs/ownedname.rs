// Rust opening an environment by path (ownedname.c): the path is Rust's CString, which the C
// side keeps or copies but never frees.
use std::ffi::{c_int, CString};

extern "C" {
    fn env_open(path: *const std::ffi::c_char, nosubdir: c_int) -> c_int;
}

#[no_mangle]
pub extern "C" fn open_dir(nosubdir: c_int) -> c_int {
    let path = CString::new(format!("/tmp/env-{}", nosubdir)).unwrap();
    unsafe { env_open(path.as_ptr(), nosubdir) }
}
