// A dependency with bundled C (a -sys crate's shape) and a bug of its own.
extern "C" {
    fn dep_release(p: *mut u8);
}

pub fn churn() {
    let b = Box::new(7u8);
    unsafe { dep_release(Box::into_raw(b)) }
}
