// A Rust library with a C API (registry.h): what it hands out is Rust's to release.
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};

#[repr(C)] #[derive(Clone)]
pub struct Item {
    pub id: u32,
    pub weight: u32,
}

#[no_mangle]
pub extern "C" fn reg_item_new(id: u32) -> *mut Item {
    Box::into_raw(Box::new(Item { id, weight: 1 }))
}

#[no_mangle]
pub unsafe extern "C" fn reg_item_free(p: *mut Item) {
    if !p.is_null() {
        drop(Box::from_raw(p));
    }
}

#[no_mangle]
pub extern "C" fn reg_item_leak(id: u32) -> *mut Item {
    Box::leak(Box::new(Item { id, weight: 2 }))
}

#[no_mangle]
pub unsafe extern "C" fn reg_item_make(out: *mut *mut Item) -> c_int {
    *out = Box::into_raw(Box::new(Item { id: 3, weight: 3 }));
    0
}

#[no_mangle]
pub unsafe extern "C" fn reg_take_name(s: *mut c_char) -> usize {
    let owned = CString::from_raw(s);
    owned.as_bytes().len()
}

#[no_mangle]
pub unsafe extern "C" fn reg_read_name(s: *const c_char) -> usize {
    CStr::from_ptr(s).to_bytes().len()
}

#[no_mangle]
pub extern "C" fn reg_weight(it: &Item) -> u32 {
    it.weight
}

#[no_mangle]
pub extern "C" fn reg_label(id: u32) -> *mut u8 {
    let mut s = format!("item-{id}\0");
    let p = s.as_mut_ptr();
    std::mem::forget(s);
    p
}

#[no_mangle]
pub extern "C" fn reg_ids(n: usize) -> *mut u32 {
    vec![7u32; n].leak().as_mut_ptr()
}

#[no_mangle]
pub extern "C" fn reg_boxed_ids(n: usize) -> *mut u32 {
    Box::into_raw(vec![9u32; n].into_boxed_slice()) as *mut u32
}

#[no_mangle]
pub extern "C" fn reg_shared_new(id: u32) -> *const Item {
    std::sync::Arc::into_raw(std::sync::Arc::new(Item { id, weight: 4 }))
}

#[no_mangle]
pub unsafe extern "C" fn reg_shared_release(p: *const Item) {
    drop(std::sync::Arc::from_raw(p));
}

/// Releases an item without letting a panic unwind into C (the usual guard of an FFI entry).
#[no_mangle]
pub unsafe extern "C" fn reg_item_free_guarded(p: *mut Item) {
    let _ = std::panic::catch_unwind(move || drop(Box::from_raw(p)));
}

/// An item made unique in an Rc (make_mut) and handed out: a pointer into the Rc's allocation.
#[no_mangle]
pub extern "C" fn reg_rc_item(id: u32) -> *mut Item {
    let mut rc = std::rc::Rc::new(Item { id, weight: 6 });
    let p: *mut Item = std::rc::Rc::make_mut(&mut rc);
    std::mem::forget(rc);
    p
}

#[no_mangle]
pub unsafe extern "C" fn reg_rc_release(p: *mut Item) {
    drop(std::rc::Rc::from_raw(p as *const Item));
}

/// A new item, or null if making it panicked: a second catch_unwind (one __rust_try serves both
/// at -O0) whose result comes back through Result::unwrap_or.
#[no_mangle]
pub extern "C" fn reg_item_new_guarded(id: u32) -> *mut Item {
    std::panic::catch_unwind(move || Box::into_raw(Box::new(Item { id, weight: 7 })))
        .unwrap_or(std::ptr::null_mut())
}

/// A name copied into a boxed byte slice (to_vec, then into_boxed_slice, which may reallocate).
#[no_mangle]
pub extern "C" fn reg_name_bytes(id: u32) -> *mut u8 {
    let name = format!("item-{id}");
    Box::into_raw(name.as_bytes().to_vec().into_boxed_slice()) as *mut u8
}
