// A safe Rust wrapper over a C library's handles: each constructor returns Option of a wrapper
// struct around a raw pointer (no niche), which -O0 returns as {i64 tag, ptr}. The handle
// exists only in the Some variant: the None arm has nothing to release.
use std::ffi::c_int;

#[repr(C)]
pub struct thing {
    pub id: c_int,
    pub data: [u8; 16],
}

extern "C" {
    fn thing_make(id: c_int, out: *mut *mut thing) -> c_int;
    fn thing_free(t: *mut thing);
    fn db_open(flags: c_int) -> *mut thing;
    fn db_close(d: *mut thing);
}

pub struct Thing(*mut thing);

impl Drop for Thing {
    fn drop(&mut self) {
        unsafe { thing_free(self.0) }
    }
}

// Made through an out-parameter: Some only when thing_make succeeded.
pub fn make(id: i32) -> Option<Thing> {
    let mut p: *mut thing = std::ptr::null_mut();
    if unsafe { thing_make(id, &mut p) } != 0 {
        return None;
    }
    Some(Thing(p))
}

pub struct Db(*mut thing);

impl Drop for Db {
    fn drop(&mut self) {
        unsafe { db_close(self.0) }
    }
}

// Opened by a call that may return null: Some only when it did not.
pub fn open(flags: i32) -> Option<Db> {
    let p = unsafe { db_open(flags) };
    if p.is_null() { None } else { Some(Db(p)) }
}

#[no_mangle]
pub extern "C" fn rust_sum(id: c_int) -> c_int {
    match make(id) {
        Some(t) => unsafe { (*t.0).id + (*t.0).data[0] as c_int },
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn rust_job(flags: c_int) -> c_int {
    let Some(d) = open(flags) else { return -1 };
    unsafe { (*d.0).id }
}

// BUG: the Some arm forgets the handle: thing_make's memory is never released.
#[no_mangle]
pub extern "C" fn rust_peek(id: c_int) -> c_int {
    match make(id) {
        Some(t) => {
            let v = unsafe { (*t.0).id };
            std::mem::forget(t);
            v
        }
        None => -1,
    }
}
