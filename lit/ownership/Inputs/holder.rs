// A Rust caller of holder.c through a &mut parameter: clear then refill is correct (the second
// clear finds the null the first left); freeing the field it read before the clear is not.
use std::ffi::c_void;

#[repr(C)]
pub struct Holder {
    p: *mut u8,
}

extern "C" {
    fn holder_clear(h: *mut Holder);
    fn holder_refill(h: *mut Holder);
    fn free(p: *mut c_void);
}

pub fn ok_step(h: &mut Holder) {
    unsafe {
        holder_clear(h);
        holder_refill(h);
    }
}

pub fn bug_free_after_clear(h: &mut Holder) {
    let p = h.p;
    unsafe {
        holder_clear(h);
        free(p as *mut c_void);
    }
}
