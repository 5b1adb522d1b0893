// Pattern: an event loop (libuv/libevent-like) mallocs an event and passes it to a callback
// the Rust side registered; the Rust callback takes it as Box<Event> (taking ownership) so
// Rust's allocator frees what malloc allocated; the loop thinks it still owns it.
#[repr(C)]
pub struct Event {
    pub kind: i32,
    pub fd: i32,
}

type Handler = unsafe extern "C" fn(ev: *mut Event) -> i32;

extern "C" {
    fn loop_set_handler(h: Handler);
    fn loop_run_once(fd: i32) -> i32;
}

static mut SEEN: i32 = 0;

unsafe extern "C" fn on_event(ev: *mut Event) -> i32 {
    let ev = Box::from_raw(ev); // BUG: the loop malloc'd it
    SEEN += ev.kind;
    ev.fd
}

#[no_mangle]
pub extern "C" fn rs_poll(fd: i32) -> i32 {
    unsafe {
        loop_set_handler(on_event);
        loop_run_once(fd)
    }
}
