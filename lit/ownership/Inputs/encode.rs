// A Rust encoder returning an owned byte buffer by value (ptr, len, cap) to C: the Vec grows
// (collect, push) through std's declared growth functions before its buffer is handed over.
#[repr(C)]
pub struct Buf {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

#[no_mangle]
pub unsafe extern "C" fn encode(input: *const u8, n: usize) -> Buf {
    let src = std::slice::from_raw_parts(input, n);
    let mut v: Vec<u8> = src.iter().map(|b| b ^ 0x5a).collect();
    v.push(0);
    let b = Buf { ptr: v.as_mut_ptr(), len: v.len(), cap: v.capacity() };
    std::mem::forget(v);
    b
}

#[no_mangle]
pub unsafe extern "C" fn buf_free(b: Buf) {
    if !b.ptr.is_null() {
        drop(Vec::from_raw_parts(b.ptr, b.len, b.cap));
    }
}
