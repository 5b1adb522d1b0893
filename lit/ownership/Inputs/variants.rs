// Result<Handle, Error> with Error holding a String: Rust keeps the Ok variant's C handle where
// the Err variant's String has its buffer (the niche in String's capacity says which). The
// handle is malloc'd by C and closed by C; the String is Rust's. Only the variant the match
// takes meets each release.
use std::ffi::c_void;

unsafe extern "C" {
    fn h_open(out: *mut *mut c_void, id: i32) -> i32;
    fn h_id(h: *const c_void) -> i32;
    fn h_close(h: *mut c_void);
}

pub struct Error {
    pub code: i32,
    pub description: String,
}

#[inline(never)]
fn error_new(code: i32) -> Error {
    Error { code, description: "open failed".to_owned() }
}

pub struct Handle(*mut c_void);

impl Drop for Handle {
    fn drop(&mut self) {
        unsafe { h_close(self.0) }
    }
}

#[inline(never)]
pub fn open(id: i32) -> Result<Handle, Error> {
    let mut p = std::ptr::null_mut();
    let r = unsafe { h_open(&mut p, id) };
    if r == 0 { Ok(Handle(p)) } else { Err(error_new(r)) }
}

#[no_mangle]
pub extern "C" fn variants_good(id: i32) -> i32 {
    match open(id) {
        Ok(h) => unsafe { h_id(h.0) },
        Err(e) => e.code + e.description.len() as i32,
    }
}

// The bug: the handle C made with malloc, released as a Box.
pub struct BoxedHandle(*mut c_void);

impl Drop for BoxedHandle {
    fn drop(&mut self) {
        unsafe { drop(Box::from_raw(self.0 as *mut i32)) }
    }
}

#[inline(never)]
pub fn open_boxed(id: i32) -> Result<BoxedHandle, Error> {
    let mut p = std::ptr::null_mut();
    let r = unsafe { h_open(&mut p, id) };
    if r == 0 { Ok(BoxedHandle(p)) } else { Err(error_new(r)) }
}

#[no_mangle]
pub extern "C" fn variants_bad(id: i32) -> i32 {
    match open_boxed(id) {
        Ok(h) => unsafe { *(h.0 as *const i32) },
        Err(e) => e.code,
    }
}

// A raw handle in Ok, closed by C behind `if let`: the whole Result is dropped after it, and that
// drop releases the Err side's String only (at -O0 it is a call, whose release needs the Err
// variant).
#[inline(never)]
pub fn open_raw(id: i32) -> Result<*mut c_void, Error> {
    let mut p = std::ptr::null_mut();
    let r = unsafe { h_open(&mut p, id) };
    if r == 0 { Ok(p) } else { Err(error_new(r)) }
}

#[no_mangle]
pub extern "C" fn variants_if_let(id: i32) -> i32 {
    if let Ok(h) = open_raw(id) {
        unsafe { h_close(h) };
        0
    } else {
        1
    }
}

// The bug on the other side: C frees the Err side's String buffer, which the drop of the Result
// then releases again.
#[no_mangle]
pub extern "C" fn variants_err_freed(id: i32) -> i32 {
    let r = open_raw(id);
    if let Err(e) = &r {
        unsafe { h_close(e.description.as_ptr() as *mut c_void) }
    }
    0
}
