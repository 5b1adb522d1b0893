// A Rust wrapper over a C config library (cfg_get returns a strdup'ed string the caller frees)
// and a Rust key/value entry with a C API whose entry_key lends a pointer into the entry. Both
// read C strings through CStr (to_string_lossy, to_str, to_owned), which std declares only.
use std::ffi::{c_char, c_void, CStr, CString};

extern "C" {
    fn cfg_get(key: *const c_char) -> *mut c_char;
    fn free(p: *mut c_void);
}

// BUG: copies the value and never frees C's buffer.
#[no_mangle]
pub extern "C" fn name_len_leak() -> usize {
    let p = unsafe { cfg_get(c"user.name".as_ptr()) };
    if p.is_null() {
        return 0;
    }
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned().len()
}

// Correct: copied, then freed.
#[no_mangle]
pub extern "C" fn name_len() -> usize {
    let p = unsafe { cfg_get(c"user.name".as_ptr()) };
    if p.is_null() {
        return 0;
    }
    let s = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    unsafe { free(p as *mut c_void) };
    s.len()
}

// Correct: read as a &str, then freed.
#[no_mangle]
pub extern "C" fn email_len() -> usize {
    let p = unsafe { cfg_get(c"user.email".as_ptr()) };
    if p.is_null() {
        return 0;
    }
    let n = unsafe { CStr::from_ptr(p) }.to_str().map(|s| s.len()).unwrap_or(0);
    unsafe { free(p as *mut c_void) };
    n
}

pub struct Entry {
    key: CString,
    hits: u32,
}

#[no_mangle]
pub unsafe extern "C" fn entry_new(key: *const c_char) -> *mut Entry {
    let key = CStr::from_ptr(key).to_owned();
    Box::into_raw(Box::new(Entry { key, hits: 0 }))
}

/// Borrowed: valid until entry_free.
#[no_mangle]
pub extern "C" fn entry_key(e: &mut Entry) -> *const c_char {
    e.hits += 1;
    e.key.as_ptr()
}

#[no_mangle]
pub unsafe extern "C" fn entry_free(e: *mut Entry) {
    if !e.is_null() {
        drop(Box::from_raw(e));
    }
}
