// A Rust wrapper of session.c's out-parameter constructor: the handle's Drop closes the session.
// With line tables only (what `cargo ffiguard` builds), rustc -O0 spills no parameter, and
// `open`'s only slot in memory is the Option it builds to return.
use std::ptr;

#[repr(C)]
pub struct Session {
    pub fd: i32,
    pub flags: u32,
}

extern "C" {
    fn session_open(port: i32, out: *mut *mut Session) -> i32;
    fn session_close(s: *mut Session);
}

pub struct SessionHandle(*mut Session);

impl Drop for SessionHandle {
    fn drop(&mut self) {
        unsafe { session_close(self.0) }
    }
}

#[inline(never)]
fn open(port: i32) -> Option<SessionHandle> {
    let mut raw: *mut Session = ptr::null_mut();
    if unsafe { session_open(port, &mut raw) } != 0 {
        return None;
    }
    Some(SessionHandle(raw))
}

// Near miss: the handle closes the session it holds; None holds none.
#[no_mangle]
pub extern "C" fn rs_session_flags(port: i32) -> u32 {
    match open(port) {
        Some(s) => unsafe { (*s.0).flags },
        None => 0,
    }
}

// Bug: the raw session is never closed.
#[no_mangle]
pub extern "C" fn rs_session_fd(port: i32) -> i32 {
    let mut raw: *mut Session = ptr::null_mut();
    if unsafe { session_open(port, &mut raw) } != 0 {
        return -1;
    }
    unsafe { (*raw).fd }
}
