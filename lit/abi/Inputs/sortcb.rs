// Rust sorts records through a C library (sortcb.c) with a Rust comparator that panics on NaN
// keys. Built with --cfg unwind, the comparator and the import are extern "C-unwind": a panic
// then unwinds through C's isort, built without -fexceptions. Otherwise extern "C": the panic
// aborts at the boundary (correct).
use std::ffi::{c_int, c_void};

#[repr(C)]
#[derive(Clone, Copy)]
pub struct Rec {
    key: f64,
    id: u32,
}

#[cfg(unwind)]
extern "C-unwind" {
    fn isort(base: *mut c_void, n: usize, sz: usize,
             cmp: unsafe extern "C-unwind" fn(*const c_void, *const c_void, *mut c_void) -> c_int,
             ctx: *mut c_void);
}
#[cfg(not(unwind))]
extern "C" {
    fn isort(base: *mut c_void, n: usize, sz: usize,
             cmp: unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int,
             ctx: *mut c_void);
}

fn compare(a: &Rec, b: &Rec) -> c_int {
    a.key.partial_cmp(&b.key).expect("NaN key") as c_int
}

#[cfg(unwind)]
unsafe extern "C-unwind" fn cmp_rec(a: *const c_void, b: *const c_void, _ctx: *mut c_void) -> c_int {
    compare(&*(a as *const Rec), &*(b as *const Rec))
}
#[cfg(not(unwind))]
unsafe extern "C" fn cmp_rec(a: *const c_void, b: *const c_void, _ctx: *mut c_void) -> c_int {
    compare(&*(a as *const Rec), &*(b as *const Rec))
}

#[no_mangle]
pub extern "C" fn rust_sort_demo(n: c_int) -> c_int {
    let mut v: Vec<Rec> =
        (0..n).map(|i| Rec { key: (7 * i % 5) as f64, id: i as u32 }).collect();
    unsafe {
        isort(v.as_mut_ptr() as *mut c_void, v.len(), std::mem::size_of::<Rec>(), cmp_rec,
              std::ptr::null_mut());
    }
    v[0].id as c_int
}
