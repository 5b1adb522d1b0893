// Safe wrappers over owning.c: a Config owns its C object until it is handed to a Context,
// whose ctx_free frees it.
use std::ffi::c_int;

#[repr(C)]
pub struct Cfg {
    _p: [u8; 0],
}
#[repr(C)]
pub struct Ctx {
    _p: [u8; 0],
}
extern "C" {
    fn cfg_new(verify: c_int) -> *mut Cfg;
    fn cfg_free(c: *mut Cfg);
    fn ctx_new(c: *mut Cfg) -> *mut Ctx;
    fn ctx_state(x: *const Ctx) -> c_int;
    fn ctx_free(x: *mut Ctx);
}

pub struct Config(*mut Cfg);
impl Config {
    pub fn new(verify: bool) -> Config {
        Config(unsafe { cfg_new(verify as c_int) })
    }
}
impl Drop for Config {
    fn drop(&mut self) {
        unsafe { cfg_free(self.0) }
    }
}

pub struct Context(*mut Ctx);
impl Context {
    // Correct: the config moves into the context.
    pub fn new(c: Config) -> Context {
        let raw = c.0;
        std::mem::forget(c);
        Context(unsafe { ctx_new(raw) })
    }
    // Bug: C takes ownership, and the borrowed Config still frees it when dropped.
    pub fn with(c: &Config) -> Context {
        Context(unsafe { ctx_new(c.0) })
    }
    pub fn state(&self) -> i32 {
        unsafe { ctx_state(self.0) }
    }
}
impl Drop for Context {
    fn drop(&mut self) {
        unsafe { ctx_free(self.0) }
    }
}

#[no_mangle]
pub extern "C" fn connect_moved(verify: c_int) -> c_int {
    let c = Config::new(verify != 0);
    let x = Context::new(c);
    x.state()
}

#[no_mangle]
pub extern "C" fn connect_borrowed(verify: c_int) -> c_int {
    let c = Config::new(verify != 0);
    let x = Context::with(&c);
    x.state()
}

// The same bug without the wrappers.
#[no_mangle]
pub extern "C" fn connect_flat(verify: c_int) -> c_int {
    unsafe {
        let c = cfg_new(verify);
        let x = ctx_new(c);
        let r = ctx_state(x);
        ctx_free(x);
        cfg_free(c);
        r
    }
}

// Near miss: the config is freed only through the context.
#[no_mangle]
pub extern "C" fn connect_flat_ok(verify: c_int) -> c_int {
    unsafe {
        let c = cfg_new(verify);
        let x = ctx_new(c);
        let r = ctx_state(x);
        ctx_free(x);
        r
    }
}
