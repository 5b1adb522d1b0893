// Rust over options.cpp, through extern "C" (no unwinding allowed).
use std::ffi::{c_int, c_void};

extern "C" {
    fn opt_set(option: c_int, value: *const c_void, len: usize) -> c_int;
    fn prop_get(prop: c_int) -> c_int;
    fn prop_more() -> c_int;
}

const OPT_LINGER: c_int = 17;
const OPT_HWM: c_int = 23;
const OPT_IDENTITY: c_int = 5;

// Fine: integer options reach no code that throws.
#[no_mangle]
pub extern "C" fn set_limits(linger: c_int, hwm: c_int) -> c_int {
    unsafe {
        opt_set(OPT_LINGER, &linger as *const c_int as *const c_void, 4)
            + opt_set(OPT_HWM, &hwm as *const c_int as *const c_void, 4)
    }
}

// Fine: property 1, and the accessor that asks for it.
#[no_mangle]
pub extern "C" fn more() -> c_int {
    unsafe { prop_get(1) + prop_more() }
}

// Fine: an identity of 8 bytes is never refused.
#[no_mangle]
pub extern "C" fn set_short_identity(id: &[u8; 8]) -> c_int {
    unsafe { opt_set(OPT_IDENTITY, id.as_ptr() as *const c_void, id.len()) }
}

// Bug: a longer identity is refused with an exception, through this call.
#[no_mangle]
pub unsafe extern "C" fn set_identity(id: *const u8, len: usize) -> c_int {
    opt_set(OPT_IDENTITY, id as *const c_void, len)
}

// Bug: the identity property may throw.
#[no_mangle]
pub extern "C" fn identity_fd() -> c_int {
    unsafe { prop_get(2) }
}

// Bug: an option only known at run time may be a string one.
#[no_mangle]
pub extern "C" fn set_any(option: c_int, value: c_int) -> c_int {
    unsafe { opt_set(option, &value as *const c_int as *const c_void, 4) }
}
