// Near miss of 50: the context is Box::into_raw'd, so the bus may keep it (never unsubscribed,
// so it lives for the program, as such registrations usually do).
use std::ffi::c_void;

pub struct Ctx {
    pub count: u32,
}

extern "C" {
    fn bus_subscribe(cb: unsafe extern "C" fn(*mut c_void, u32), user: *mut c_void) -> i32;
}

unsafe extern "C" fn on_msg(user: *mut c_void, m: u32) {
    (*(user as *mut Ctx)).count += m;
}

#[no_mangle]
pub extern "C" fn rs_subscribe() -> i32 {
    let ctx = Box::into_raw(Box::new(Ctx { count: 0 })); // lives as long as the subscription
    unsafe { bus_subscribe(on_msg, ctx as *mut c_void) }
}
