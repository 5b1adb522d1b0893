// Near miss of 52: the version getter returns a pointer to a static NUL-terminated string,
// nothing to free (c"..." literal).
use std::ffi::c_char;

#[no_mangle]
pub extern "C" fn lib_version() -> *const c_char {
    c"1.4.2".as_ptr()
}
