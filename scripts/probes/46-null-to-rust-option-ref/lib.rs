// Near miss of 45: the export takes Option<&Config>, so NULL is a documented input.
pub struct Config {
    pub verbose: bool,
    pub jobs: u32,
}

#[no_mangle]
pub extern "C" fn config_default() -> *mut Config {
    Box::into_raw(Box::new(Config { verbose: false, jobs: 4 }))
}

#[no_mangle]
pub extern "C" fn config_jobs(c: Option<&Config>) -> u32 {
    match c {
        Some(c) if c.verbose => c.jobs * 2,
        Some(c) => c.jobs,
        None => 1,
    }
}

#[no_mangle]
pub unsafe extern "C" fn config_free(c: *mut Config) {
    if !c.is_null() {
        drop(Box::from_raw(c));
    }
}
