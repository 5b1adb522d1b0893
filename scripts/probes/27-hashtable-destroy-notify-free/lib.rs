// Pattern: GLib's g_hash_table_new_full(hash, eq, key_destroy, value_destroy) given `free`
// (g_free) as the key destructor while the keys are Rust CString::into_raw -- a registered
// destructor callback whose family differs from the allocation (glib-rs / gtk-rs era bugs).
use std::ffi::{c_char, c_void, CString};

#[repr(C)]
pub struct Table {
    _p: [u8; 0],
}

type DestroyNotify = Option<unsafe extern "C" fn(*mut c_void)>;

extern "C" {
    fn table_new_full(key_destroy: DestroyNotify) -> *mut Table;
    fn table_insert(t: *mut Table, key: *mut c_char, value: i32);
    fn table_destroy(t: *mut Table);
    fn free(p: *mut c_void);
}

#[no_mangle]
pub extern "C" fn rs_build_table(n: i32) -> i32 {
    unsafe {
        let t = table_new_full(Some(free)); // BUG: keys are Rust CStrings
        for i in 0..n {
            let key = CString::new(format!("key{}", i)).unwrap();
            table_insert(t, key.into_raw(), i);
        }
        table_destroy(t);
    }
    n
}
