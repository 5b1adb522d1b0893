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

extern "C" {
    fn sqlite3_bind_text(
        stmt: *mut c_void,
        i: i32,
        text: *const c_char,
        n: i32,
        del: Option<unsafe extern "C" fn(*mut c_void)>,
    ) -> i32;
    fn free(p: *mut c_void);
}

unsafe extern "C" fn drop_cstring(p: *mut c_void) {
    drop(CString::from_raw(p as *mut c_char));
}

// A CString's buffer handed to SQLite with libc's free as its destructor.
pub fn bug_bind(stmt: *mut c_void, text: &str) -> i32 {
    let s = CString::new(text).unwrap();
    unsafe { sqlite3_bind_text(stmt, 1, s.into_raw(), -1, Some(free)) }
}

// The fixes: a destructor that gives it back to CString, or SQLITE_TRANSIENT (a copy).
pub fn ok_bind(stmt: *mut c_void, text: &str) -> i32 {
    let s = CString::new(text).unwrap();
    unsafe { sqlite3_bind_text(stmt, 1, s.into_raw(), -1, Some(drop_cstring)) }
}

pub fn ok_bind_transient(stmt: *mut c_void, text: &str) -> i32 {
    let s = CString::new(text).unwrap();
    let transient: unsafe extern "C" fn(*mut c_void) = unsafe { std::mem::transmute(-1isize) };
    unsafe { sqlite3_bind_text(stmt, 1, s.as_ptr(), -1, Some(transient)) }
}
