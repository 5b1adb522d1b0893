// Rust-provided allocation hooks for a C library: each block carries its size in a 16-byte
// header, so hook_malloc returns 16 bytes into the allocation and hook_free releases 16 bytes
// before the pointer it is given.
use std::ffi::c_void;

extern "C" {
    fn lib_use_buffer(p: *mut c_void, n: usize) -> usize;
}

#[no_mangle]
pub unsafe extern "C" fn hook_malloc(n: usize) -> *mut c_void {
    let layout = std::alloc::Layout::from_size_align(n + 16, 16).unwrap();
    let p = std::alloc::alloc(layout);
    if p.is_null() {
        return p as *mut c_void;
    }
    *(p as *mut usize) = n;
    p.add(16) as *mut c_void
}

#[no_mangle]
pub unsafe extern "C" fn hook_free(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    let base = (p as *mut u8).sub(16);
    let n = *(base as *mut usize);
    std::alloc::dealloc(base, std::alloc::Layout::from_size_align_unchecked(n + 16, 16));
}

// The library takes the buffer and releases it.
#[no_mangle]
pub extern "C" fn rust_run(n: usize) -> usize {
    unsafe { lib_use_buffer(hook_malloc(n), n) }
}
