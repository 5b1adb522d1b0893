// A Rust wrapper over a C object: a Handle whose Drop frees it, an accessor called through
// &Handle (a pointer two levels below its parameter), the name read after the Handle is dropped
// (the bug) and copied before (the near miss).
use std::ffi::{c_char, CStr};

#[repr(C)]
pub struct Obj {
    _p: [u8; 0],
}

extern "C" {
    fn obj_open(id: i32) -> *mut Obj;
    fn obj_name(o: *const Obj) -> *const c_char;
    fn obj_free(o: *mut Obj);
}

pub struct Handle(*mut Obj);

impl Drop for Handle {
    fn drop(&mut self) {
        unsafe { obj_free(self.0) }
    }
}

#[inline(never)]
fn name_ptr(h: &Handle) -> *const c_char {
    unsafe { obj_name(h.0) }
}

#[no_mangle]
pub extern "C" fn rs_name_len_bad(id: i32) -> usize {
    let h = Handle(unsafe { obj_open(id) });
    let p = name_ptr(&h);
    drop(h);
    unsafe { CStr::from_ptr(p) }.to_bytes().len()
}

#[no_mangle]
pub extern "C" fn rs_name_len(id: i32) -> usize {
    let h = Handle(unsafe { obj_open(id) });
    let name = unsafe { CStr::from_ptr(name_ptr(&h)) }.to_string_lossy().into_owned();
    drop(h);
    name.len()
}
