// Near miss of 29: the Rust callback borrows the event (&Event); the loop checks malloc for
// null before dispatching and frees the event itself afterwards.
#[repr(C)]
pub struct Event {
    pub kind: i32,
    pub fd: i32,
}

type Handler = unsafe extern "C" fn(ev: &Event) -> i32;

extern "C" {
    fn loop_set_handler(h: Handler);
    fn loop_run_once(fd: i32) -> i32;
}

static mut SEEN: i32 = 0;

unsafe extern "C" fn on_event(ev: &Event) -> i32 {
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
