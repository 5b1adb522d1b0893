// A safe wrapper over an sqlite3_exec-style C API (errmsg.c): the error message comes back
// through a `char **` the library clears first and fills on failure; the caller frees it with
// kv_free.
use std::ffi::{c_char, c_int, c_void, CStr, CString};

extern "C" {
    fn kv_exec(db: c_int, cmd: *const c_char, errmsg: *mut *mut c_char) -> c_int;
    fn kv_free(p: *mut c_void);
}

// Correct: copied, then given back to kv_free.
pub fn exec(db: i32, cmd: &CStr) -> Result<(), String> {
    let mut err: *mut c_char = std::ptr::null_mut();
    let rc = unsafe { kv_exec(db, cmd.as_ptr(), &mut err) };
    if rc == 0 {
        return Ok(());
    }
    if err.is_null() {
        return Err(format!("error {}", rc));
    }
    let msg = unsafe {
        let m = CStr::from_ptr(err).to_string_lossy().into_owned();
        kv_free(err as *mut c_void);
        m
    };
    Err(msg)
}

// BUG: C's buffer taken as a CString, released by Rust's allocator.
pub fn exec_bug(db: i32, cmd: &CStr) -> Result<(), String> {
    let mut err: *mut c_char = std::ptr::null_mut();
    let rc = unsafe { kv_exec(db, cmd.as_ptr(), &mut err) };
    if rc == 0 || err.is_null() {
        return Ok(());
    }
    Err(unsafe { CString::from_raw(err) }.to_string_lossy().into_owned())
}

// BUG: the message is read and never given back (the classic sqlite3_exec leak).
pub fn exec_leak(db: i32, cmd: &CStr) -> Result<(), String> {
    let mut err: *mut c_char = std::ptr::null_mut();
    let rc = unsafe { kv_exec(db, cmd.as_ptr(), &mut err) };
    if rc == 0 || err.is_null() {
        return Ok(());
    }
    Err(unsafe { CStr::from_ptr(err) }.to_string_lossy().into_owned())
}

#[no_mangle]
pub unsafe extern "C" fn rust_run(db: c_int, cmd: *const c_char) -> c_int {
    let cmd = CStr::from_ptr(cmd);
    let a = exec(db, cmd).err().map_or(0, |m| m.len());
    let b = exec_bug(db, cmd).err().map_or(0, |m| m.len());
    let c = exec_leak(db, cmd).err().map_or(0, |m| m.len());
    (a + b + c) as c_int
}
