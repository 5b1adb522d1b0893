// A #[global_allocator] over a C arena that takes its arena first (`arena_alloc(arena, size,
// align)`, as allocators with a context do) and has no realloc of its own: core's default
// GlobalAlloc::realloc (alloc, copy, dealloc) is inlined into __rg_realloc.
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

extern "C" {
    fn arena_alloc(arena: *mut c_void, size: usize, align: usize) -> *mut u8;
    fn arena_free(arena: *mut c_void, p: *mut u8);
    fn sum_bytes(buf: *const u8, n: usize) -> usize;
    fn consume(buf: *mut u8, n: usize) -> usize;
}

struct Arena(u8);

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        arena_alloc(self as *const Arena as *mut c_void, layout.size(), layout.align())
    }
    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        arena_free(self as *const Arena as *mut c_void, p)
    }
}

#[global_allocator]
static GLOBAL: Arena = Arena(0);

#[no_mangle]
pub extern "C" fn run(n: usize) -> usize {
    // Grown (realloc through core's default), lent to C, dropped by Rust: correct.
    let mut v = Vec::new();
    for i in 0..n {
        v.push(i as u8);
    }
    let a = unsafe { sum_bytes(v.as_ptr(), v.len()) };
    // BUG: a Box of Rust's global allocator handed to C, which releases it with free().
    let owned: Box<[u8]> = v.clone().into_boxed_slice();
    let len = owned.len();
    let b = unsafe { consume(Box::into_raw(owned).cast::<u8>(), len) };
    a + b
}
