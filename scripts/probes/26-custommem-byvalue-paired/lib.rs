// Near miss of 25: ZSTD_customMem by value with a matched pair -- both halves use std::alloc
// (size kept in a header, as Rust allocator shims for C libraries do).
use std::alloc::{alloc, dealloc, Layout};
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
}

// A 16-byte header keeps the size so the free side can rebuild the Layout.
unsafe extern "C" fn rust_alloc(_opaque: *mut c_void, size: usize) -> *mut c_void {
    let base = alloc(Layout::from_size_align(size + 16, 16).unwrap());
    if base.is_null() {
        return base as *mut c_void;
    }
    *(base as *mut usize) = size;
    base.add(16) as *mut c_void
}

unsafe extern "C" fn rust_free(_opaque: *mut c_void, p: *mut c_void) {
    let base = (p as *mut u8).sub(16);
    let size = *(base as *const usize);
    dealloc(base, Layout::from_size_align(size + 16, 16).unwrap())
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
