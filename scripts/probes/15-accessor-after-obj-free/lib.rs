// Pattern: a wrapper reads a C accessor's pointer into the object (`obj_name(o)`, like
// git_reference_name / xmlNodeGetName / sqlite3_column_text) after the object was freed:
// the "&str outlives its owner" bugs fixed in many -sys wrappers (Drop ran first).
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
    let p = name_ptr(&h);
    drop(h);
    unsafe { CStr::from_ptr(p) }.to_bytes().len() // BUG: read after obj_free
}
