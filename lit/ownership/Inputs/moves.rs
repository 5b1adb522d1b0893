// A C string (strdup'd by c_dup) adopted as a CString, moved through std's generic helpers
// (Option::unwrap, Option::take, mem::replace, a struct by value, `if let`), then dropped by
// Rust's allocator: the bug, in each shape. At -O0 the helpers are out-of-line copies between
// their arguments' memory. The near misses move the same way a handle whose Drop gives the
// string back to C's free, and strings Rust made.
use std::ffi::{c_char, CString};

extern "C" {
    fn c_dup() -> *mut c_char;
    fn c_free(p: *mut c_char);
}

#[inline(never)]
fn adopt() -> Option<CString> {
    let p = unsafe { c_dup() };
    if p.is_null() { None } else { Some(unsafe { CString::from_raw(p) }) }
}

#[no_mangle]
pub extern "C" fn bad_unwrap() -> usize {
    let s = adopt().unwrap();
    s.as_bytes().len()
}

#[no_mangle]
pub extern "C" fn bad_take() -> usize {
    let mut o = adopt();
    let t = o.take();
    t.map_or(0, |s| s.as_bytes().len())
}

pub struct Named {
    pub name: CString,
    pub n: usize,
}

#[inline(never)]
fn consume(w: Named) -> usize {
    w.n + w.name.as_bytes().len()
}

#[no_mangle]
pub extern "C" fn bad_struct() -> usize {
    consume(Named { name: unsafe { CString::from_raw(c_dup()) }, n: 1 })
}

#[no_mangle]
pub extern "C" fn bad_replace() -> usize {
    let mut a = CString::new("x").unwrap();
    let old = std::mem::replace(&mut a, unsafe { CString::from_raw(c_dup()) });
    old.as_bytes().len() + a.as_bytes().len()
}

#[no_mangle]
pub extern "C" fn bad_if_let() -> usize {
    if let Some(s) = adopt() { s.as_bytes().len() } else { 0 }
}

/// The correct way to own a C string: a handle whose Drop gives it back to C's free.
pub struct CBuf(*mut c_char);

impl Drop for CBuf {
    fn drop(&mut self) {
        unsafe { c_free(self.0) }
    }
}

#[inline(never)]
fn adopt_buf() -> Option<CBuf> {
    let p = unsafe { c_dup() };
    if p.is_null() { None } else { Some(CBuf(p)) }
}

#[no_mangle]
pub extern "C" fn good_unwrap() -> usize {
    let b = adopt_buf().unwrap();
    unsafe { std::ffi::CStr::from_ptr(b.0) }.to_bytes().len()
}

#[no_mangle]
pub extern "C" fn good_take() -> usize {
    let mut o = adopt_buf();
    match o.take() {
        Some(b) => unsafe { std::ffi::CStr::from_ptr(b.0) }.to_bytes().len(),
        None => 0,
    }
}

/// A C string in Ok and a String in Err, where Rust keeps the Ok handle: `.ok()` drops only the
/// Err side, the handle's Drop gives the string back to C.
#[inline(never)]
fn open_buf() -> Result<CBuf, String> {
    let p = unsafe { c_dup() };
    if p.is_null() { Err("no string".to_string()) } else { Ok(CBuf(p)) }
}

#[no_mangle]
pub extern "C" fn good_result_ok() -> usize {
    match open_buf().ok() {
        Some(b) => unsafe { std::ffi::CStr::from_ptr(b.0) }.to_bytes().len(),
        None => 0,
    }
}

/// Two handles through `?`: Ok's tuple keeps the first handle where Err's String has its buffer.
#[inline(never)]
fn open_two() -> Result<(CBuf, CBuf), String> {
    let a = open_buf()?;
    let b = open_buf()?;
    Ok((a, b))
}

#[no_mangle]
pub extern "C" fn good_question() -> usize {
    match open_two() {
        Ok((a, b)) => unsafe {
            std::ffi::CStr::from_ptr(a.0).to_bytes().len()
                + std::ffi::CStr::from_ptr(b.0).to_bytes().len()
        },
        Err(e) => e.len(),
    }
}

#[no_mangle]
pub extern "C" fn good_own() -> usize {
    let mut a = CString::new("x").unwrap();
    let old = std::mem::replace(&mut a, CString::new("yz").unwrap());
    let w = Named { name: old, n: 1 };
    consume(w) + Some(a).unwrap().as_bytes().len()
}
