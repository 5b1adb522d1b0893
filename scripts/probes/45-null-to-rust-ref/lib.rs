// Pattern: a Rust export takes `&Config` (cbindgen emits `const Config *`), and a C caller
// passes NULL on its "no config file" path -- instant UB in Rust (fixed in e.g. cbindgen'd
// libraries by switching to Option<&T>).
pub struct Config {
    pub verbose: bool,
    pub jobs: u32,
}

#[no_mangle]
pub extern "C" fn config_default() -> *mut Config {
    Box::into_raw(Box::new(Config { verbose: false, jobs: 4 }))
}

#[no_mangle]
pub extern "C" fn config_jobs(c: &Config) -> u32 {
    if c.verbose { c.jobs * 2 } else { c.jobs }
}

#[no_mangle]
pub unsafe extern "C" fn config_free(c: *mut Config) {
    if !c.is_null() {
        drop(Box::from_raw(c));
    }
}
