// Two listeners of the C signal source (notify.c) with different destroy notifies: boxed state
// dropped by drop_counter, malloc'ed state freed by free_raw. The source's destroy field may
// hold either, so its call is never resolved to one of them: guessing drop_counter would make
// the malloc'ed state a Box drop of malloc'ed memory.
use std::ffi::{c_int, c_void};

#[repr(C)]
pub struct Source {
    _p: [u8; 0],
}
type EmitFn = unsafe extern "C" fn(*mut c_void, c_int) -> c_int;
type DestroyFn = unsafe extern "C" fn(*mut c_void);
extern "C" {
    fn source_new(cb: EmitFn, user_data: *mut c_void, destroy: Option<DestroyFn>) -> *mut Source;
    fn source_emit(s: *mut Source, v: c_int) -> c_int;
    fn source_free(s: *mut Source);
    fn malloc(n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

pub struct Counter {
    total: i64,
}

unsafe extern "C" fn on_emit(ud: *mut c_void, v: c_int) -> c_int {
    let c = &mut *(ud as *mut Counter);
    c.total += v as i64;
    0
}

unsafe extern "C" fn on_emit_raw(ud: *mut c_void, v: c_int) -> c_int {
    *(ud as *mut c_int) += v;
    0
}

unsafe extern "C" fn drop_counter(ud: *mut c_void) {
    drop(Box::from_raw(ud as *mut Counter));
}

unsafe extern "C" fn free_raw(ud: *mut c_void) {
    free(ud);
}

#[no_mangle]
pub extern "C" fn listen_ok(n: c_int) {
    let state = Box::into_raw(Box::new(Counter { total: 0 }));
    unsafe {
        let s = source_new(on_emit, state as *mut c_void, Some(drop_counter));
        source_emit(s, n);
        source_free(s);
    }
}

#[no_mangle]
pub extern "C" fn listen_disconnected(n: c_int) {
    unsafe {
        let p = malloc(16);
        if p.is_null() {
            return;
        }
        *(p as *mut c_int) = 0;
        let s = source_new(on_emit_raw, p, Some(free_raw));
        source_emit(s, n);
        source_free(s);
    }
}
