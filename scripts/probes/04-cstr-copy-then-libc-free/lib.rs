// Near miss of 03: the strdup'd string is copied with CStr::from_ptr(..).to_owned() and given
// back to libc free (what the `libc` crate's users do with getcwd(NULL, 0)).
use std::ffi::{c_char, c_void, CStr, CString};

extern "C" {
    fn cfg_get_path(key: *const c_char) -> *mut c_char;
    fn free(p: *mut c_void);
}

pub fn config_path(key: &str) -> Option<String> {
    let k = CString::new(key).ok()?;
    let raw = unsafe { cfg_get_path(k.as_ptr()) };
    if raw.is_null() {
        return None;
    }
    let s = unsafe { CStr::from_ptr(raw) }.to_string_lossy().into_owned();
    unsafe { free(raw as *mut c_void) };
    Some(s)
}

#[no_mangle]
pub extern "C" fn rs_path_len() -> usize {
    config_path("home").map_or(0, |s| s.len())
}
