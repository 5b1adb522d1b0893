// Near miss of 40: the Rust iterator declares its callback type and itself extern "C-unwind"
// (RFC 2945), so a C++ exception may pass through its frames to the C++ caller's catch.
type Visit = unsafe extern "C-unwind" fn(ctx: *mut u8, key: u32) -> i32;

#[no_mangle]
pub unsafe extern "C-unwind" fn index_for_each(n: u32, cb: Visit, ctx: *mut u8) -> i32 {
    let mut total = 0;
    for k in 0..n {
        total += cb(ctx, k);
    }
    total
}
