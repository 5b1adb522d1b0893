// A Rust library whose widgets C releases: the baseline test's other half.
pub struct Widget {
    pub id: u32,
}

#[no_mangle]
pub extern "C" fn widget_new() -> *mut Widget {
    Box::into_raw(Box::new(Widget { id: 1 }))
}

#[no_mangle]
pub unsafe extern "C" fn widget_free(w: *mut Widget) {
    drop(Box::from_raw(w));
}
