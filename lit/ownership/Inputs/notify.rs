// Rust state registered with a C signal source (notify.c), which owns it: the destroy notify
// drops the Box when the source is freed.
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
    fn source_free_disconnected(s: *mut Source);
}

pub struct Counter {
    total: i64,
    seen: Vec<i32>,
}

unsafe extern "C" fn on_emit(ud: *mut c_void, v: c_int) -> c_int {
    let c = &mut *(ud as *mut Counter);
    c.total += v as i64;
    c.seen.push(v);
    c.seen.len() as c_int
}

unsafe extern "C" fn drop_counter(ud: *mut c_void) {
    drop(Box::from_raw(ud as *mut Counter));
}

fn listen(n: c_int) -> *mut Source {
    let state = Box::into_raw(Box::new(Counter { total: 0, seen: Vec::new() }));
    let s = unsafe { source_new(on_emit, state as *mut c_void, Some(drop_counter)) };
    for i in 0..n {
        unsafe { source_emit(s, i) };
    }
    s
}

#[no_mangle]
pub extern "C" fn listen_ok(n: c_int) {
    let s = listen(n);
    unsafe { source_free(s) };
}

#[no_mangle]
pub extern "C" fn listen_disconnected(n: c_int) {
    let s = listen(n);
    unsafe { source_free_disconnected(s) };
}

// Bug: the source owns the state, and Rust drops it again once the source is freed.
#[no_mangle]
pub extern "C" fn listen_dropped(n: c_int) {
    let state = Box::into_raw(Box::new(Counter { total: 0, seen: Vec::new() }));
    unsafe {
        let s = source_new(on_emit, state as *mut c_void, Some(drop_counter));
        source_emit(s, n);
        source_free(s);
        drop(Box::from_raw(state));
    }
}
