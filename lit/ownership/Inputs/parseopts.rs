// Callers of parseopts.c that know the input is bad: the options are null on every path that
// goes on, so there is nothing to free; one caller drops good options on the floor.
use std::os::raw::{c_char, c_void};

#[repr(C)]
pub struct Opt {
    k: *mut c_char,
    v: *mut c_char,
}
extern "C" {
    fn parse(s: *const c_char, err: *mut *mut c_char) -> *mut Opt;
    fn err_free(p: *mut c_void);
}

// Silent: a non-null result panics.
#[no_mangle]
pub extern "C" fn bad_asserted() {
    unsafe {
        let mut err: *mut c_char = std::ptr::null_mut();
        let o = parse(b"x!\0".as_ptr() as *const c_char, &mut err);
        assert!(o.is_null());
        err_free(err as *mut c_void);
    }
}

// Silent: a non-null result aborts.
#[no_mangle]
pub extern "C" fn bad_aborted() {
    unsafe {
        let mut err: *mut c_char = std::ptr::null_mut();
        let o = parse(b"y!\0".as_ptr() as *const c_char, &mut err);
        if !o.is_null() {
            std::process::abort();
        }
        err_free(err as *mut c_void);
    }
}

// Bug: the options of a good input are never freed.
#[no_mangle]
pub extern "C" fn good_dropped() -> bool {
    unsafe {
        let mut err: *mut c_char = std::ptr::null_mut();
        let o = parse(b"host=a\0".as_ptr() as *const c_char, &mut err);
        err_free(err as *mut c_void);
        !o.is_null()
    }
}

// Silent: one assert for both, which -O2 folds into one branch on (o != null || err == null).
#[no_mangle]
pub extern "C" fn bad_asserted_both() {
    unsafe {
        let mut err: *mut c_char = std::ptr::null_mut();
        let o = parse(b"z!\0".as_ptr() as *const c_char, &mut err);
        assert!(o.is_null() && !err.is_null());
        err_free(err as *mut c_void);
    }
}
