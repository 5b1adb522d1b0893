// Pattern: sqlite3_exec's `char **errmsg` copied into a String and never given back to
// sqlite3_free (a leak fixed in several sqlite wrappers; same for libgit2 git_error / zlib-ng
// style message out-parameters).
use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr;

extern "C" {
    fn db_exec(db: c_int, sql: *const c_char, errmsg: *mut *mut c_char) -> c_int;
    #[allow(dead_code)]
    fn db_free(p: *mut c_char);
}

pub fn exec(db: i32, sql: &str) -> Result<(), String> {
    let sql = CString::new(sql).unwrap();
    let mut err: *mut c_char = ptr::null_mut();
    let rc = unsafe { db_exec(db, sql.as_ptr(), &mut err) };
    if rc == 0 {
        return Ok(());
    }
    if err.is_null() {
        return Err(format!("code {}", rc));
    }
    // BUG: the message is copied but never given to db_free.
    Err(unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned())
}

#[no_mangle]
pub extern "C" fn rs_exec(db: c_int) -> c_int {
    match exec(db, "DROP TABLE t") {
        Ok(()) => 0,
        Err(m) => m.len() as c_int,
    }
}
