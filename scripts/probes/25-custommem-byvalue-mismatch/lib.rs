// Pattern: zstd's ZSTD_customMem {customAlloc, customFree, opaque} passed BY VALUE to
// ZSTD_createCCtx_advanced; the Rust side supplies an allocator from std::alloc but a free
// that is libc's free() (pairing crosses families; cf. allocator-hook bugs in zstd-rs,
// lz4/brotli custom allocator wrappers).
use std::alloc::{alloc, Layout};
use std::ffi::c_void;

#[repr(C)]
pub struct CustomMem {
    pub custom_alloc: Option<unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void>,
    pub custom_free: Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>,
    pub opaque: *mut c_void,
}

extern "C" {
    fn cctx_create_advanced(mem: CustomMem) -> *mut c_void;
    fn cctx_compress_bound(c: *mut c_void, n: usize) -> usize;
    fn cctx_free(c: *mut c_void) -> usize;
    fn free(p: *mut c_void);
}

unsafe extern "C" fn rust_alloc(_opaque: *mut c_void, size: usize) -> *mut c_void {
    alloc(Layout::from_size_align(size, 16).unwrap()) as *mut c_void
}

unsafe extern "C" fn rust_free(_opaque: *mut c_void, p: *mut c_void) {
    free(p) // BUG: rust_alloc's memory released with free
}

#[no_mangle]
pub extern "C" fn rs_bound(n: usize) -> usize {
    let mem = CustomMem {
        custom_alloc: Some(rust_alloc),
        custom_free: Some(rust_free),
        opaque: std::ptr::null_mut(),
    };
    unsafe {
        let c = cctx_create_advanced(mem);
        let b = cctx_compress_bound(c, n);
        cctx_free(c);
        b
    }
}
