// A Rust owner of a C object (Drop calls ctx_free) dropped before code that may panic: its
// cleanup on the unwind path is guarded by a drop flag the explicit drop cleared, so it is
// released once (ok_). The bug_ function frees it by hand and then lets Drop free it again.
use std::ffi::{c_int, c_void};

extern "C" {
    fn ctx_new(n: c_int) -> *mut c_void;
    fn ctx_get(c: *mut c_void) -> c_int;
    fn ctx_free(c: *mut c_void);
}

pub struct Ctx(*mut c_void);

impl Ctx {
    pub fn new(n: c_int) -> Ctx {
        let p = unsafe { ctx_new(n) };
        assert!(!p.is_null());
        Ctx(p)
    }
    pub fn get(&self) -> c_int {
        unsafe { ctx_get(self.0) }
    }
}

impl Drop for Ctx {
    fn drop(&mut self) {
        unsafe { ctx_free(self.0) }
    }
}

pub fn ok_drop_early(names: &[String]) -> usize {
    let c = Ctx::new(names.len() as c_int);
    let mut words = Vec::new();
    for i in 0..c.get() {
        words.push(format!("w{i}"));
    }
    drop(c);
    let total: usize = words.iter().map(|w| w.len()).sum();
    total + names[0].len()
}

pub fn bug_free_twice(names: &[String]) -> usize {
    let c = Ctx::new(names.len() as c_int);
    unsafe { ctx_free(c.0) };
    names[0].len()
}
