// Pattern: a Vec<u8> buffer returned to C via as_mut_ptr + mem::forget with its length in an
// out-parameter, then freed by C's free (e.g. image/audio encoders exported to C: `uint8_t
// *encode(..., size_t *len)` documented "free with free()").
use std::mem;

#[no_mangle]
pub unsafe extern "C" fn enc_encode(input: *const u8, n: usize, out_len: *mut usize) -> *mut u8 {
    let src = std::slice::from_raw_parts(input, n);
    let mut v: Vec<u8> = Vec::with_capacity(n * 2);
    for &b in src {
        v.push(b >> 4);
        v.push(b & 15);
    }
    v.shrink_to_fit();
    let p = v.as_mut_ptr();
    *out_len = v.len();
    mem::forget(v);
    p
}
