// A -sys wrapper taking C strings into Rust strings: CString::from_raw then into_string on memory
// strdup made (released by Rust's allocator: the bug), against copying the C string and giving
// it back to the library's free, and a Rust-made string that comes back from C.
use std::ffi::{c_char, CStr, CString};

extern "C" {
    fn cfg_get_path(key: *const c_char) -> *mut c_char;
    fn cfg_free(s: *mut c_char);
    fn cfg_roundtrip(s: *mut c_char) -> *mut c_char;
}

pub fn path_owned_bad(key: &str) -> Option<String> {
    let k = CString::new(key).ok()?;
    let raw = unsafe { cfg_get_path(k.as_ptr()) };
    if raw.is_null() {
        return None;
    }
    let owned = unsafe { CString::from_raw(raw) }; // BUG: strdup's memory
    owned.into_string().ok()
}

pub fn path_copied(key: &str) -> Option<String> {
    let k = CString::new(key).ok()?;
    let raw = unsafe { cfg_get_path(k.as_ptr()) };
    if raw.is_null() {
        return None;
    }
    let s = unsafe { CStr::from_ptr(raw) }.to_str().ok().map(|s| s.to_owned());
    unsafe { cfg_free(raw) };
    s
}

pub fn roundtrip(text: &str) -> Option<String> {
    let raw = CString::new(text).ok()?.into_raw();
    let back = unsafe { cfg_roundtrip(raw) };
    unsafe { CString::from_raw(back) }.into_string().ok()
}

#[no_mangle]
pub extern "C" fn rs_path_lens() -> usize {
    path_owned_bad("home").map_or(0, |s| s.len())
        + path_copied("home").map_or(0, |s| s.len())
        + roundtrip("x").map_or(0, |s| s.len())
}
