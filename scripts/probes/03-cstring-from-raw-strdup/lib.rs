// Pattern: a -sys wrapper takes a strdup'd C string as CString::from_raw (e.g. wrappers of
// getcwd(NULL,0)/realpath/libgit2 buffers turned into CString, released by Rust's allocator).
use std::ffi::{c_char, CString};

extern "C" {
    fn cfg_get_path(key: *const c_char) -> *mut c_char;
}

pub fn config_path(key: &str) -> Option<String> {
    let k = CString::new(key).ok()?;
    let raw = unsafe { cfg_get_path(k.as_ptr()) };
    if raw.is_null() {
        return None;
    }
    let owned = unsafe { CString::from_raw(raw) }; // BUG: malloc'd by strdup
    owned.into_string().ok()
}

#[no_mangle]
pub extern "C" fn rs_path_len() -> usize {
    config_path("home").map_or(0, |s| s.len())
}
