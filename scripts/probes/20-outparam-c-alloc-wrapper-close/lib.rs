// Near miss of 19: the out-parameter's object lives in a handle whose Drop calls session_close.
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

#[no_mangle]
pub extern "C" fn rs_session_flags(port: i32) -> u32 {
    match open(port) {
        Some(s) => unsafe { (*s.0).flags },
        None => 0,
    }
}
