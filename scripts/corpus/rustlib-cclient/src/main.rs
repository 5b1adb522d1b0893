// A Rust library with a C API (include/kv.h) and a C client of it (src/client.c, built by
// build.rs with clang-22 -flto=full): an opaque Box handle with a free function, structs by
// value in and out and through an out-param, borrowed out-pointers into the store, a C
// callback with user data called from Rust, Rust-allocated strings and buffers returned with
// matching release functions, a thread-local last-error string.
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ffi::{c_char, c_int, c_void, CStr, CString};

#[repr(C)]
#[allow(dead_code)]
#[derive(PartialEq, Debug)]
pub enum KvStatus {
    Ok = 0,
    NotFound = 1,
    Invalid = 2,
}

#[repr(C)]
pub struct KvStats {
    entries: u64,
    bytes: u64,
    load: f64,
}

#[repr(C)]
pub struct KvOptions {
    max_entries: u32,
    overwrite: u8,
}

pub struct Store {
    map: BTreeMap<CString, Vec<u8>>,
    opts: KvOptions,
}

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_error(msg: String) {
    LAST_ERROR.with(|e| *e.borrow_mut() = CString::new(msg).unwrap());
}

#[no_mangle]
pub extern "C" fn kv_store_new(opts: KvOptions) -> *mut Store {
    Box::into_raw(Box::new(Store { map: BTreeMap::new(), opts }))
}

#[no_mangle]
pub unsafe extern "C" fn kv_store_free(s: *mut Store) {
    if !s.is_null() {
        drop(Box::from_raw(s));
    }
}

#[no_mangle]
pub unsafe extern "C" fn kv_put(s: *mut Store, key: *const c_char, value: *const u8, len: usize) -> KvStatus {
    let s = &mut *s;
    let key = CStr::from_ptr(key);
    if key.is_empty() {
        set_error("empty key".into());
        return KvStatus::Invalid;
    }
    if s.map.len() as u32 >= s.opts.max_entries || (s.opts.overwrite == 0 && s.map.contains_key(key)) {
        set_error(format!("cannot insert {key:?}"));
        return KvStatus::Invalid;
    }
    s.map.insert(key.to_owned(), std::slice::from_raw_parts(value, len).to_vec());
    KvStatus::Ok
}

#[no_mangle]
pub unsafe extern "C" fn kv_get(s: *const Store, key: *const c_char, value: *mut *const u8, len: *mut usize) -> KvStatus {
    let s = &*s;
    let key = CStr::from_ptr(key);
    match s.map.get(key) {
        Some(v) => {
            *value = v.as_ptr();
            *len = v.len();
            KvStatus::Ok
        }
        None => {
            set_error(format!("no entry {}", key.to_string_lossy()));
            KvStatus::NotFound
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn kv_remove(s: *mut Store, key: *const c_char) -> KvStatus {
    let s = &mut *s;
    match s.map.remove(CStr::from_ptr(key)) {
        Some(_) => KvStatus::Ok,
        None => KvStatus::NotFound,
    }
}

type Visit = unsafe extern "C" fn(user: *mut c_void, key: *const c_char, v: *const u8, len: usize) -> c_int;

#[no_mangle]
pub unsafe extern "C" fn kv_for_each(s: *const Store, f: Visit, user: *mut c_void) -> usize {
    let mut n = 0;
    for (k, v) in &(*s).map {
        n += 1;
        if f(user, k.as_ptr(), v.as_ptr(), v.len()) != 0 {
            break;
        }
    }
    n
}

fn stats(s: &Store) -> KvStats {
    let bytes = s.map.values().map(|v| v.len() as u64).sum();
    KvStats { entries: s.map.len() as u64, bytes, load: s.map.len() as f64 / s.opts.max_entries as f64 }
}

#[no_mangle]
pub unsafe extern "C" fn kv_stats_get(s: *const Store) -> KvStats {
    stats(&*s)
}

#[no_mangle]
pub unsafe extern "C" fn kv_stats_fill(s: *const Store, out: *mut KvStats) {
    out.write(stats(&*s));
}

#[no_mangle]
pub unsafe extern "C" fn kv_describe(s: *const Store) -> *mut c_char {
    let st = stats(&*s);
    CString::new(format!("{} entries, {} bytes, load {:.2}", st.entries, st.bytes, st.load)).unwrap().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn kv_string_free(p: *mut c_char) {
    if !p.is_null() {
        drop(CString::from_raw(p));
    }
}

#[no_mangle]
pub unsafe extern "C" fn kv_export(s: *const Store, len: *mut usize) -> *mut u8 {
    let mut out = Vec::new();
    for (k, v) in &(*s).map {
        out.extend_from_slice(k.to_bytes());
        out.push(b'=');
        out.extend_from_slice(&v.len().to_string().into_bytes());
        out.push(b'\n');
    }
    let b = out.into_boxed_slice();
    *len = b.len();
    Box::into_raw(b) as *mut u8
}

#[no_mangle]
pub unsafe extern "C" fn kv_buffer_free(p: *mut u8, len: usize) {
    if !p.is_null() {
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, len)));
    }
}

#[no_mangle]
pub extern "C" fn kv_last_error() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

extern "C" {
    fn client_run(rounds: c_int) -> c_int;
}

fn main() {
    let r = unsafe { client_run(40) };
    assert_eq!(r, 40, "client_run failed with {r}");
    // The same API from Rust.
    unsafe {
        let s = kv_store_new(KvOptions { max_entries: 2, overwrite: 0 });
        let k = CString::new("a").unwrap();
        assert_eq!(kv_put(s, k.as_ptr(), b"1".as_ptr(), 1), KvStatus::Ok);
        assert_eq!(kv_put(s, k.as_ptr(), b"2".as_ptr(), 1), KvStatus::Invalid);
        let d = kv_describe(s);
        println!("rust: {}", CStr::from_ptr(d).to_string_lossy());
        kv_string_free(d);
        kv_store_free(s);
    }
    println!("ok");
}
