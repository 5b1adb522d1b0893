// A Rust reader over a C line cursor (cursor.c) in the style of sqlite3_step/column_text: the
// row cur_next returns is the cursor's, valid until the next call.
use std::ffi::{c_char, CStr, CString};

#[repr(C)]
pub struct cursor {
    _p: [u8; 0],
}

extern "C" {
    fn cur_open(src: *const c_char) -> *mut cursor;
    fn cur_next(c: *mut cursor) -> *const c_char;
    fn cur_close(c: *mut cursor);
}

// Correct: the first row is copied before the next call.
#[no_mangle]
pub unsafe extern "C" fn rust_lines(text: *const c_char) -> usize {
    let c = cur_open(text);
    let mut total = 0;
    let first = cur_next(c);
    if !first.is_null() {
        let first = CStr::from_ptr(first).to_owned();
        let second = cur_next(c);
        total += first.as_bytes().len();
        if !second.is_null() {
            total += CStr::from_ptr(second).to_bytes().len();
        }
    }
    cur_close(c);
    total
}

// BUG: takes the cursor's row as its own CString.
#[no_mangle]
pub unsafe extern "C" fn rust_first_line(text: *const c_char) -> usize {
    let c = cur_open(text);
    let p = cur_next(c);
    let n = if p.is_null() { 0 } else { CString::from_raw(p as *mut c_char).as_bytes().len() };
    cur_close(c);
    n
}
