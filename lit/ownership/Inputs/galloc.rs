// A program whose #[global_allocator] is written in C (as mimalloc and jemalloc are): with fat
// LTO, __rust_alloc_zeroed, __rg_alloc_zeroed and CAlloc::alloc_zeroed are inlined into the
// caller, which then calls ga_zalloc itself. That call is still Rust's global allocator.
use std::alloc::{GlobalAlloc, Layout};

extern "C" {
    fn ga_alloc(size: usize, align: usize) -> *mut u8;
    fn ga_zalloc(size: usize, align: usize) -> *mut u8;
    fn ga_free(p: *mut u8);
    fn ga_realloc(p: *mut u8, size: usize) -> *mut u8;
    fn consume(buf: *mut u8, n: usize) -> usize;
    fn count_zero(buf: *const u8, n: usize) -> usize;
}

struct CAlloc;

unsafe impl GlobalAlloc for CAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ga_alloc(layout.size(), layout.align())
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ga_zalloc(layout.size(), layout.align())
    }
    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        ga_free(p)
    }
    unsafe fn realloc(&self, p: *mut u8, _layout: Layout, size: usize) -> *mut u8 {
        ga_realloc(p, size)
    }
}

#[global_allocator]
static GLOBAL: CAlloc = CAlloc;

#[no_mangle]
pub extern "C" fn run() -> usize {
    // Lent to C for the call and dropped by Rust: correct.
    let lent = vec![0u8; 32];
    let a = unsafe { count_zero(lent.as_ptr(), lent.len()) };
    // BUG: a Box of Rust's global allocator handed to C, which releases it with free().
    let owned: Box<[u8]> = vec![0u8; 64].into_boxed_slice();
    let len = owned.len();
    let b = unsafe { consume(Box::into_raw(owned).cast::<u8>(), len) };
    a + b
}
