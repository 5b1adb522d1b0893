// Pattern: a malloc'd C buffer adopted with Vec::from_raw_parts (so Vec's drop frees it with
// Rust's allocator) -- e.g. wrappers of a C `read_file(path, &len)` or a decoder's output
// buffer; the fix copies (slice::from_raw_parts(..).to_vec()) and calls the C free.
use std::ffi::{c_char, CString};

extern "C" {
    fn slurp(path: *const c_char, len: *mut usize) -> *mut u8;
}

pub fn read_all(path: &str) -> Vec<u8> {
    let c = CString::new(path).unwrap();
    let mut len = 0usize;
    let p = unsafe { slurp(c.as_ptr(), &mut len) };
    if p.is_null() {
        return Vec::new();
    }
    unsafe { Vec::from_raw_parts(p, len, len) } // BUG: malloc'd
}

#[no_mangle]
pub extern "C" fn rs_file_size() -> usize {
    read_all("/etc/hostname").len()
}
