// Pattern: `int session_open(struct session **out)` allocates in C (malloc); the Rust wrapper
// adopts *out as Box<Session> and lets Drop release it with Rust's allocator instead of
// session_close (out-parameter constructors: sqlite3_open, git_repository_open, ...).
use std::ptr;

#[repr(C)]
pub struct Session {
    pub fd: i32,
    pub flags: u32,
}

extern "C" {
    fn session_open(port: i32, out: *mut *mut Session) -> i32;
    #[allow(dead_code)]
    fn session_close(s: *mut Session);
}

#[inline(never)]
fn open(port: i32) -> Option<Box<Session>> {
    let mut raw: *mut Session = ptr::null_mut();
    if unsafe { session_open(port, &mut raw) } != 0 {
        return None;
    }
    Some(unsafe { Box::from_raw(raw) }) // BUG: malloc'd by session_open
}

#[no_mangle]
pub extern "C" fn rs_session_flags(port: i32) -> u32 {
    match open(port) {
        Some(s) => s.flags,
        None => 0,
    }
}
