// A Rust caller of holder.c through a &mut parameter: clear then refill is correct (the second
// clear finds the null the first left), and so is setting twice (a setter that frees the field
// and stores a copy); freeing the field it read before the clear or the set is not.
use std::ffi::c_void;

#[repr(C)]
pub struct Holder {
    p: *mut u8,
}

extern "C" {
    fn holder_clear(h: *mut Holder);
    fn holder_refill(h: *mut Holder);
    fn holder_set(h: *mut Holder, text: *const u8);
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

pub fn ok_set_twice(h: &mut Holder) {
    unsafe {
        holder_set(h, b"one\0".as_ptr());
        holder_set(h, b"two\0".as_ptr());
        holder_clear(h);
    }
}

pub fn bug_free_after_set(h: &mut Holder) {
    let p = h.p;
    unsafe {
        holder_set(h, b"three\0".as_ptr());
        free(p as *mut c_void);
    }
}
