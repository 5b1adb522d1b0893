// Pattern: registering a callback with a context pointer to a stack local (signal/atexit
// handlers, glib g_signal_connect user_data, libuv handle->data): the C library keeps it in a
// global after the Rust frame returns.
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
    let mut ctx = Ctx { count: 0 };
    unsafe { bus_subscribe(on_msg, &mut ctx as *mut Ctx as *mut c_void) } // BUG: ctx dies here
}
