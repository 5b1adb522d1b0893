// Near miss of 33: each name is copied (CStr::from_ptr(..).to_owned()) and the whole list goes
// back to the library's plugin_list_free (as with backtrace_symbols/globfree).
use std::ffi::{c_char, CStr, CString};

extern "C" {
    fn plugin_list(count: *mut usize) -> *mut *mut c_char;
    fn plugin_list_free(arr: *mut *mut c_char, n: usize);
}

#[inline(never)]
fn names() -> Vec<CString> {
    let mut n = 0usize;
    let arr = unsafe { plugin_list(&mut n) };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(unsafe { CStr::from_ptr(*arr.add(i)) }.to_owned());
    }
    unsafe { plugin_list_free(arr, n) }; // frees the strings and the array
    out
}

#[no_mangle]
pub extern "C" fn rs_count_plugins() -> usize {
    let v = names();
    v.iter().map(|s| s.as_bytes().len()).sum()
}
