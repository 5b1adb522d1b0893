// Strings SQLite formats (sqlite3_mprintf) belong to SQLite's allocator: CString::from_raw on
// them is the bug rusqlite-style code makes; sqlite3_free is the fix.
use std::ffi::{c_char, c_void, CStr, CString};

extern "C" {
    fn sqlite3_mprintf(fmt: *const c_char, ...) -> *mut c_char;
    fn sqlite3_free(p: *mut c_void);
}

pub fn bug_mprintf(id: i32) -> usize {
    let p = unsafe { sqlite3_mprintf(c"row %d".as_ptr(), id) };
    if p.is_null() {
        return 0;
    }
    let s = unsafe { CString::from_raw(p) };
    s.as_bytes().len()
}

pub fn ok_mprintf(id: i32) -> usize {
    let p = unsafe { sqlite3_mprintf(c"row %d".as_ptr(), id) };
    if p.is_null() {
        return 0;
    }
    let n = unsafe { CStr::from_ptr(p) }.to_bytes().len();
    unsafe { sqlite3_free(p as *mut c_void) };
    n
}
