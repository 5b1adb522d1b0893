// Pattern: a C `char **` list of strdup'd strings (backtrace_symbols / glob / a plugin's
// "list names" API) adopted element by element as CString::from_raw into a Vec<CString>; the
// Vec's drop (drop_in_place::<Vec<CString>> at -O0) releases each with Rust's allocator.
use std::ffi::{c_char, CString};

extern "C" {
    fn plugin_list(count: *mut usize) -> *mut *mut c_char;
    fn plugin_list_free_array(arr: *mut *mut c_char);
}

#[inline(never)]
fn names() -> Vec<CString> {
    let mut n = 0usize;
    let arr = unsafe { plugin_list(&mut n) };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(unsafe { CString::from_raw(*arr.add(i)) }); // BUG: strdup'd
    }
    unsafe { plugin_list_free_array(arr) }; // frees only the array
    out
}

#[no_mangle]
pub extern "C" fn rs_count_plugins() -> usize {
    let v = names();
    v.iter().map(|s| s.as_bytes().len()).sum()
}
