// Pattern (C calling Rust): a Rust function fills a `char **out` out-parameter with
// CString::into_raw; the C caller frees it with free() (cbindgen'd config/lookup APIs:
// `int cfg_get(const char *key, char **value)`).
use std::ffi::{c_char, c_int, CStr, CString};

#[no_mangle]
pub unsafe extern "C" fn cfg_get(key: *const c_char, out: *mut *mut c_char) -> c_int {
    let key = CStr::from_ptr(key).to_string_lossy();
    let value = match key.as_ref() {
        "name" => "ffiguard".to_string(),
        "level" => format!("{}", 3),
        _ => return -1,
    };
    *out = CString::new(value).unwrap().into_raw();
    0
}

#[no_mangle]
pub unsafe extern "C" fn cfg_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}
