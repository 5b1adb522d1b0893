// Pattern: a C++ function exported as extern "C" that lets std::stoi's std::invalid_argument
// escape, called from Rust through extern "C" (nounwind): UB, an abort since Rust 1.81 (the
// bugs that led to extern "C-unwind"; e.g. wrappers of C++ config/number parsers).
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn cfg_parse_port(s: *const c_char) -> c_int;
}

#[no_mangle]
pub extern "C" fn rs_port(s: &str) -> i32 {
    let c = CString::new(s).unwrap();
    unsafe { cfg_parse_port(c.as_ptr()) }
}
