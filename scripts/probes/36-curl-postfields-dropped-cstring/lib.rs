// Pattern: libcurl's CURLOPT_POSTFIELDS does NOT copy the data (unlike CURLOPT_URL); a wrapper
// passes a CString's pointer from a setter whose CString is dropped when the setter returns,
// and curl_easy_perform reads it later (the reason curl-rust keeps a copy in its Inner).
use std::ffi::{c_char, c_int, CString};

#[repr(C)]
pub struct Easy {
    _p: [u8; 0],
}

extern "C" {
    fn easy_init() -> *mut Easy;
    fn easy_set_postfields(h: *mut Easy, data: *const c_char) -> c_int;
    fn easy_perform(h: *mut Easy) -> c_int;
    fn easy_cleanup(h: *mut Easy);
}

#[inline(never)]
fn set_body(h: *mut Easy, body: &str) -> i32 {
    let c = CString::new(body).unwrap();
    unsafe { easy_set_postfields(h, c.as_ptr()) } // the CString is dropped on return
}

#[no_mangle]
pub extern "C" fn rs_post(n: c_int) -> c_int {
    unsafe {
        let h = easy_init();
        set_body(h, &format!("n={}", n));
        let r = easy_perform(h); // BUG: reads the freed body
        easy_cleanup(h);
        r
    }
}
