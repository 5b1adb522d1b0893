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

// A context as a #[repr(C)] newtype of a pointer (lz4's LZ4FCompressionContext), which Rust
// passes by value to C as an i64 it loads from the slot.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct Ctx(*mut std::ffi::c_void);

extern "C" {
    fn ctx_create(out: *mut Ctx, level: i32) -> i32;
    fn ctx_level(c: Ctx) -> i32;
    fn ctx_free(c: Ctx);
}

// Near miss: created into the slot, released by value.
#[no_mangle]
pub extern "C" fn rs_ctx_level(level: i32) -> i32 {
    let mut c = Ctx(ptr::null_mut());
    if unsafe { ctx_create(&mut c, level) } != 0 {
        return -1;
    }
    let l = unsafe { ctx_level(c) };
    unsafe { ctx_free(c) };
    l
}
