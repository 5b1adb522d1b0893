// Rust user data released by the C library's callback (nestedops.c).
use std::ffi::c_void;
#[repr(C)] pub struct Derived { _p: [u8; 0] }
extern "C" {
    fn derived_new(release: unsafe extern "C" fn(*mut c_void), data: *mut c_void) -> *mut Derived;
    fn derived_free(d: *mut Derived);
}
unsafe extern "C" fn drop_it(p: *mut c_void) { drop(Box::from_raw(p as *mut u64)); }
#[no_mangle]
pub extern "C" fn run() {
    let data = Box::into_raw(Box::new(7u64)) as *mut c_void;
    unsafe { derived_free(derived_new(drop_it, data)) };
}
