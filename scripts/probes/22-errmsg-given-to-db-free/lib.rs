// Near miss of 21: the message is copied, then given back to db_free (sqlite3_free).
use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr;

extern "C" {
    fn db_exec(db: c_int, sql: *const c_char, errmsg: *mut *mut c_char) -> c_int;
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
    let msg = unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned();
    unsafe { db_free(err) };
    Err(msg)
}

#[no_mangle]
pub extern "C" fn rs_exec(db: c_int) -> c_int {
    match exec(db, "DROP TABLE t") {
        Ok(()) => 0,
        Err(m) => m.len() as c_int,
    }
}
