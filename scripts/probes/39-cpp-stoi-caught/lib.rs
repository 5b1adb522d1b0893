// Near miss of 38: the same Rust import of a C++ parser that catches everything itself.
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn cfg_parse_port(s: *const c_char) -> c_int;
}

#[no_mangle]
pub extern "C" fn rs_port(s: &str) -> i32 {
    let c = CString::new(s).unwrap();
    unsafe { cfg_parse_port(c.as_ptr()) }
}
