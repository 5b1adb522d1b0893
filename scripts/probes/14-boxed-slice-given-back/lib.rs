// Near miss of 12: the C side gives the boxed slice back to ids_free with its length.
#[no_mangle]
pub extern "C" fn ids_collect(n: u32, out_len: &mut usize) -> *mut u32 {
    let v: Vec<u32> = (0..n).map(|i| i * 7).collect();
    let b: Box<[u32]> = v.into_boxed_slice();
    *out_len = b.len();
    Box::into_raw(b) as *mut u32
}

#[no_mangle]
pub unsafe extern "C" fn ids_free(p: *mut u32, len: usize) {
    drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, len)));
}
