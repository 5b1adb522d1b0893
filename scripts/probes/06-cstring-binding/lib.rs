// Near miss of 05: the CString lives in a binding for the whole call; C copies the title.
use std::ffi::{c_char, c_int, CString};

extern "C" {
    fn win_set_title(w: c_int, title: *const c_char) -> c_int;
}

pub fn set_title(w: i32, title: &str) -> i32 {
    let c = CString::new(title).unwrap();
    unsafe { win_set_title(w, c.as_ptr()) }
}

#[no_mangle]
pub extern "C" fn rs_title(w: c_int) -> c_int {
    set_title(w, "main window")
}
