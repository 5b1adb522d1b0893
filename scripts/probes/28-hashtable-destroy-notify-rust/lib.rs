// Near miss of 27: the key destructor registered with the table is a Rust function that
// rebuilds the CString (CString::from_raw), matching the keys' allocator.
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
}

unsafe extern "C" fn free_key(p: *mut c_void) {
    drop(CString::from_raw(p as *mut c_char));
}

#[no_mangle]
pub extern "C" fn rs_build_table(n: i32) -> i32 {
    unsafe {
        let t = table_new_full(Some(free_key));
        for i in 0..n {
            let key = CString::new(format!("key{}", i)).unwrap();
            table_insert(t, key.into_raw(), i);
        }
        table_destroy(t);
    }
    n
}
