// Near miss of 36: the setter uses the copying option (CURLOPT_COPYPOSTFIELDS), so the
// CString may drop when the setter returns.
use std::ffi::{c_char, c_int, CString};

#[repr(C)]
pub struct Easy {
    _p: [u8; 0],
}

extern "C" {
    fn easy_init() -> *mut Easy;
    fn easy_set_copypostfields(h: *mut Easy, data: *const c_char) -> c_int;
    fn easy_perform(h: *mut Easy) -> c_int;
    fn easy_cleanup(h: *mut Easy);
}

#[inline(never)]
fn set_body(h: *mut Easy, body: &str) -> i32 {
    let c = CString::new(body).unwrap();
    unsafe { easy_set_copypostfields(h, c.as_ptr()) }
}

#[no_mangle]
pub extern "C" fn rs_post(n: c_int) -> c_int {
    unsafe {
        let h = easy_init();
        set_body(h, &format!("n={}", n));
        let r = easy_perform(h);
        easy_cleanup(h);
        r
    }
}
