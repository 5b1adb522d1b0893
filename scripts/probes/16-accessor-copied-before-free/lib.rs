// Near miss of 15: the accessor's string is copied into a String before the handle drops.
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
pub extern "C" fn rs_name_len(id: i32) -> usize {
    let h = Handle(unsafe { obj_open(id) });
    let name = unsafe { CStr::from_ptr(name_ptr(&h)) }.to_string_lossy().into_owned();
    drop(h);
    name.len()
}
